import { Injectable } from '@nestjs/common';
import { CrossrefDeposits } from '../crossref-deposits.service';

/** The scan takes no input: it builds whatever deposits are pending. */
export type CrossrefDepositsJobData = Record<string, never>;

/** Builds the Crossref deposits publications asked for (schema 5.4.0 XML, checked, stored). */
@Injectable()
export class CrossrefDepositsJob {
  static readonly jobName = 'crossref-deposits';
  static readonly schedulerId = 'crossref-deposits-scan';
  /** What each scheduled run carries (nothing). */
  static readonly data: CrossrefDepositsJobData = {};

  constructor(private readonly deposits: CrossrefDeposits) {}

  handle(): Promise<{ built: number; failed: number }> {
    return this.deposits.buildPending();
  }
}
