import { Injectable } from '@nestjs/common';
import type { CursorQuery, Page } from '../common/pagination/cursor-page';
import { httpProblems } from '../common/problems/http.problems';
import type { Person } from '../editorial/people';
import { SubmissionCompleteness } from './completeness';
import type { SubmissionMetadata } from './entities/submission-metadata.entity';
import type { Submission } from './entities/submission.entity';
import { type SubmissionDetails, SubmissionsRepository } from './submissions.repository';

export interface SubmissionView extends SubmissionDetails {
  submission: Submission;
  tasks: string[];
}

/** Who may see a submission as its author, what they see of it, and their list of them. */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly submissions: SubmissionsRepository,
    private readonly completeness: SubmissionCompleteness,
  ) {}

  /** The submission, with its journal, if `user` submitted it; 404 otherwise (not revealed). */
  async forSubmitter(id: string, user: Pick<Person, 'id'>): Promise<Submission> {
    const submission = await this.submissions.ofSubmitter(id, user.id);
    if (!submission) throw httpProblems.raise('not-found', 'There is no such submission of yours');
    return submission;
  }

  /** The author's status page: stage, their metadata and files, history they may see, tasks. */
  async view(id: string, user: Person): Promise<SubmissionView> {
    const submission = await this.forSubmitter(id, user);
    const details = await this.submissions.details(id, 'author');
    const tasks =
      submission.stage === 'draft'
        ? (await this.completeness.missing(submission)).map(
            (error) => `${error.field}: ${error.messages.join('; ')}`,
          )
        : [];
    const revisions =
      submission.stage === 'review' ? await this.submissions.revisionsRequested(id) : null;
    if (revisions)
      tasks.push(
        `revisions: upload the revised manuscript and send it with your response to the reviewers${
          revisions.dueAt ? ` by ${revisions.dueAt.toISOString().slice(0, 10)}` : ''
        }`,
      );
    return { submission, ...details, tasks };
  }

  /**
   * The person's submissions to one journal, newest first, each with its metadata and, for a
   * draft, how many things are still missing before it can be submitted (the author's list).
   */
  async mineInJournal(
    user: Pick<Person, 'id'>,
    journalId: string,
  ): Promise<{ submission: Submission; metadata: SubmissionMetadata[]; missing: number }[]> {
    const mine = await this.submissions.ofSubmitterInJournal(user.id, journalId);
    return Promise.all(
      mine.map(async (entry) => ({
        ...entry,
        missing:
          entry.submission.stage === 'draft'
            ? (await this.completeness.missing(entry.submission)).length
            : 0,
      })),
    );
  }

  /** The person's submissions, newest first. */
  listMine(user: Person, query: CursorQuery): Promise<Page<Submission>> {
    return this.submissions.pageOfSubmitter(user.id, query);
  }
}
