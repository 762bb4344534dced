import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../common/http/problem.exception';
import { ScheduledPublications } from '../scheduled-publications.service';

/** The scan takes no input: it reads what is due from the database each time. */
export type ScheduledPublicationJobData = Record<string, never>;

export type ScheduledPublicationOutcome =
  { status: 'done'; published: number; returned: number } | { status: 'skipped'; reason: string };

/**
 * Publishes the scheduled issues whose time has come, each in its own transaction with the
 * issue row claimed (re-running is harmless: a published issue is no longer scheduled). An
 * issue that fails the checks goes back to the editors as a draft and they are emailed why;
 * any other failure is thrown, and the next scan tries again.
 */
@Injectable()
export class ScheduledPublicationJob {
  static readonly jobName = 'scheduled-publication';
  static readonly schedulerId = 'scheduled-publication-scan';
  /** What each scheduled run carries (nothing). */
  static readonly data: ScheduledPublicationJobData = {};

  constructor(private readonly scheduled: ScheduledPublications) {}

  async handle(now = new Date()): Promise<ScheduledPublicationOutcome> {
    const due = await this.scheduled.due(now);
    if (due.length === 0) return { status: 'skipped', reason: 'nothing is due' };
    let published = 0;
    let returned = 0;
    for (const id of due) {
      const outcome = await this.publishOne(id, now);
      if (outcome === 'published') published += 1;
      if (outcome === 'returned') returned += 1;
    }
    return { status: 'done', published, returned };
  }

  private async publishOne(id: string, now: Date): Promise<'published' | 'returned' | 'skipped'> {
    try {
      return (await this.scheduled.publishDue(id, now)) ? 'published' : 'skipped';
    } catch (error) {
      if (!(error instanceof ProblemException) || error.problem.status >= 500) throw error;
      await this.scheduled.returnToEditors(id, error.problem.detail ?? error.message);
      return 'returned';
    }
  }
}
