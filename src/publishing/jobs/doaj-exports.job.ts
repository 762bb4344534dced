import { Injectable } from '@nestjs/common';
import { DoajExports } from '../doaj-exports.service';

/** The scan takes no input: it builds whatever DOAJ exports are pending. */
export type DoajExportsJobData = Record<string, never>;

/** Builds the DOAJ article uploads publications asked for (doajArticles.xsd XML, checked, stored). */
@Injectable()
export class DoajExportsJob {
  static readonly jobName = 'doaj-exports';
  static readonly schedulerId = 'doaj-exports-scan';
  /** What each scheduled run carries (nothing). */
  static readonly data: DoajExportsJobData = {};

  constructor(private readonly exports: DoajExports) {}

  handle(): Promise<{ built: number; failed: number }> {
    return this.exports.buildPending();
  }
}
