import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './events/domain-events';
import { SubmissionEventsRepository } from './events/submission-events.repository';
import { SubmissionEvents } from './events/submission-events.service';
import { StageMachine } from './stages/stage-machine';
import { SubmissionStageRepository } from './stages/submission-stage.repository';
import { StoredContent } from './stored-content';

/**
 * The editorial core every feature stands on: the stage machine, the one writer of submission
 * events, the bus by which features tell each other what happened, and the registry of who
 * holds stored content. It imports no feature.
 */
@Global()
@Module({
  providers: [
    StageMachine,
    SubmissionStageRepository,
    SubmissionEvents,
    SubmissionEventsRepository,
    DomainEvents,
    StoredContent,
  ],
  exports: [StageMachine, SubmissionEvents, DomainEvents, StoredContent],
})
export class EditorialModule {}
