import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './events/domain-events';
import { SubmissionEventsRepository } from './events/submission-events.repository';
import { SubmissionEvents } from './events/submission-events.service';
import { StageMachine } from './stages/stage-machine';
import { SubmissionStageRepository } from './stages/submission-stage.repository';

/**
 * The editorial core every feature stands on: the stage machine, the one writer of submission
 * events, and the bus by which features tell each other what happened. It imports no feature.
 */
@Global()
@Module({
  providers: [
    StageMachine,
    SubmissionStageRepository,
    SubmissionEvents,
    SubmissionEventsRepository,
    DomainEvents,
  ],
  exports: [StageMachine, SubmissionEvents, DomainEvents],
})
export class EditorialModule {}
