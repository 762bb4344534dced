import { Injectable } from '@nestjs/common';
import type { JournalRef } from '../editorial/request-context';
import { SubmittingRepository } from './submitting.repository';

/** `VOL-2026-`: three letters of the journal's slug (SUB without any) and the year. */
export function numberPrefix(slug: string, year: number): string {
  const letters =
    slug
      .replace(/[^a-z]/g, '')
      .slice(0, 3)
      .toUpperCase() || 'SUB';
  return `${letters}-${year}-`;
}

/**
 * Gives a submitted manuscript its number, quoted in every email about it: per journal and
 * year, in submission order (VOL-2026-0042). The journal's numbering is locked until the
 * transaction ends, so two submissions never get the same one.
 */
@Injectable()
export class SubmissionNumberer {
  constructor(private readonly rows: SubmittingRepository) {}

  /** Must run in the transaction that stores the number. */
  async next(journal: JournalRef, now = new Date()): Promise<string> {
    await this.rows.lockNumbering(journal.id);
    const prefix = numberPrefix(journal.slug, now.getUTCFullYear());
    const count = await this.rows.countNumbered(journal.id, prefix);
    return `${prefix}${String(count + 1).padStart(4, '0')}`;
  }
}
