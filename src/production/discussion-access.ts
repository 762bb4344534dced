import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { httpProblems } from '../common/problems/http.problems';
import type { Person } from '../editorial/people';
import { DiscussionsRepository } from './discussions.repository';
import type { Discussion } from './entities/discussion.entity';
import { type Participants, stagesOf, takesPart } from './participants';
import { ParticipantsRepository } from './participants.repository';
import { WORKING_STAGES } from './production-stages';
import { ProductionSubmissionsRepository } from './production-submissions.repository';
import { productionProblems } from './production.problems';

/** A discussion this person may read, with the submission's participants. */
export interface Reached {
  participants: Participants;
  discussion: Discussion;
}

const noSubmission = () =>
  httpProblems.raise('not-found', 'There is no such submission with discussions for you');
const noDiscussion = () => httpProblems.raise('not-found', 'There is no such discussion');

/**
 * Who reaches a submission's discussions: its participants, each only the discussions of the
 * stages they take part in; 404 for everyone else, so nothing is revealed. Writing also needs
 * the discussion open and the submission still being worked on (409).
 */
@Injectable()
export class DiscussionAccess {
  constructor(
    private readonly submissions: ProductionSubmissionsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly discussions: DiscussionsRepository,
  ) {}

  /** The submission's participants, if this person is one of them; 404 otherwise. */
  async participantsFor(user: Person, submissionId: string, lock = false): Promise<Participants> {
    const submission = await this.submissions.submitted(submissionId, lock);
    if (!submission) throw noSubmission();
    const participants = await this.participants.of(submission);
    if (stagesOf(participants, user.id).length === 0) throw noSubmission();
    return participants;
  }

  /** A discussion of a stage this person takes part in; 404 otherwise. */
  async reach(
    user: Person,
    submissionId: string,
    discussionId: string,
    lock = false,
  ): Promise<Reached> {
    const participants = await this.participantsFor(user, submissionId);
    const discussion = await this.discussions.find(submissionId, discussionId, lock);
    if (!discussion || !takesPart(participants, user.id, discussion.stage)) throw noDiscussion();
    return { participants, discussion };
  }

  /** As reach(), for writing: the discussion open and the submission still being worked on. */
  async reachOpen(user: Person, submissionId: string, discussionId: string): Promise<Reached> {
    const reached = await this.reach(user, submissionId, discussionId, true);
    if (reached.discussion.closedAt)
      throw productionProblems.raise(
        'discussion-closed',
        'This discussion is closed: start a new one',
      );
    const stage = reached.participants.submission.stage;
    if (!WORKING_STAGES.includes(stage))
      throw productionProblems.raise(
        'stage-closed',
        `The submission is ${stage}: its discussions are closed`,
      );
    return reached;
  }

  /** reachOpen() in a transaction of its own, before an upload (which takes its time). */
  @Transactional()
  reachOpenNow(user: Person, submissionId: string, discussionId: string): Promise<Reached> {
    return this.reachOpen(user, submissionId, discussionId);
  }
}
