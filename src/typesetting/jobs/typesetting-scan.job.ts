import { Injectable } from '@nestjs/common';
import { TypesettingRuns } from '../typesetting-runs.service';

/** The scan takes no input: it reads the runs left queued from the database. */
export type TypesettingScanJobData = Record<string, never>;

/** Re-queues runs whose job never reached Redis (it was down when they were requested). */
@Injectable()
export class TypesettingScanJob {
  static readonly jobName = 'typesetting-scan';
  static readonly schedulerId = 'typesetting-scan';
  /** What each scheduled run carries (nothing). */
  static readonly data: TypesettingScanJobData = {};

  constructor(private readonly runs: TypesettingRuns) {}

  async handle(): Promise<{ requeued: number }> {
    return { requeued: await this.runs.requeueStale() };
  }
}
