import { Injectable } from '@nestjs/common';
import type { Locale, LocalizedText } from '../common/i18n/locale';
import { Repository } from '../database/transactions';
import type { PersonNames } from '../editorial/people';

/** A submission's title, subtitle, abstract and keywords in one language. */
export interface MetadataRow {
  locale: Locale;
  title: string;
  subtitle: string | null;
  abstract: string | null;
  keywords: string[];
}

/** A contributor as a reviewer may see them in anonymous and open review. */
export interface BylineRow {
  names: PersonNames;
  affiliation: string | null;
  country: string | null;
}

/** A version of a submission's file, with where its content and its cleaned copy are. */
export interface SubmissionFileRow {
  id: string;
  genre: string;
  version: number;
  mediaType: string;
  size: number;
  storageKey: string;
  anonymisedKey: string | null;
  releasedAt: Date | null;
}

/** The journal as reviewers meet it. */
export interface ReviewJournalRow {
  slug: string;
  titles: LocalizedText;
  maxUploadMb: number;
}

/**
 * What a reviewer may read of the submission they review, from the submissions' and journals'
 * tables: the metadata, the byline (anonymous and open review only), the files, the journal.
 */
@Injectable()
export class ReviewerSubmissionRepository extends Repository {
  async submission(submissionId: string): Promise<{ locale: Locale; sectionId: string }> {
    const [row]: { locale: Locale; sectionId: string }[] = await this.db.query(
      'SELECT locale, section_id AS "sectionId" FROM submissions WHERE id = $1',
      [submissionId],
    );
    if (!row) throw new Error(`no submission ${submissionId}`);
    return row;
  }

  async journal(journalId: string): Promise<ReviewJournalRow> {
    const [row]: ReviewJournalRow[] = await this.db.query(
      'SELECT slug, titles, max_upload_mb AS "maxUploadMb" FROM journals WHERE id = $1',
      [journalId],
    );
    if (!row) throw new Error(`no journal ${journalId}`);
    return row;
  }

  /** The titles of the submission's section: a reviewer may know where it would appear. */
  async sectionTitles(submissionId: string): Promise<LocalizedText> {
    const [row]: { titles: LocalizedText }[] = await this.db.query(
      `SELECT sections.titles FROM submissions
         JOIN sections ON sections.id = submissions.section_id
        WHERE submissions.id = $1`,
      [submissionId],
    );
    if (!row) throw new Error(`no submission ${submissionId}`);
    return row.titles;
  }

  /** The metadata in every language the submission has (by language when `sorted`). */
  metadata(submissionId: string, sorted = false): Promise<MetadataRow[]> {
    return this.db.query(
      `SELECT locale, title, subtitle, abstract, keywords FROM submission_metadata
        WHERE submission_id = $1${sorted ? ' ORDER BY locale ASC' : ''}`,
      [submissionId],
    );
  }

  /** The contributors in the byline, in order. */
  byline(submissionId: string): Promise<BylineRow[]> {
    return this.db.query(
      `SELECT names, affiliation, country FROM contributors
        WHERE submission_id = $1 AND in_byline ORDER BY seq ASC`,
      [submissionId],
    );
  }

  /** Titles by language of each submission. */
  async titles(submissionIds: string[]): Promise<Map<string, Record<string, string>>> {
    const map = new Map<string, Record<string, string>>();
    if (submissionIds.length === 0) return map;
    const rows: { submission_id: string; locale: string; title: string }[] = await this.db.query(
      'SELECT submission_id, locale, title FROM submission_metadata WHERE submission_id = ANY($1::uuid[])',
      [[...new Set(submissionIds)]],
    );
    for (const row of rows)
      map.set(row.submission_id, {
        ...(map.get(row.submission_id) ?? {}),
        [row.locale]: row.title,
      });
    return map;
  }

  /** The titles of each submission's section, by submission (the reviewer's lists). */
  async sectionTitlesOf(submissionIds: string[]): Promise<Map<string, LocalizedText>> {
    if (submissionIds.length === 0) return new Map();
    const rows: { id: string; titles: LocalizedText }[] = await this.db.query(
      `SELECT submissions.id, sections.titles FROM submissions
         JOIN sections ON sections.id = submissions.section_id
        WHERE submissions.id = ANY($1::uuid[])`,
      [[...new Set(submissionIds)]],
    );
    return new Map(rows.map((row) => [row.id, row.titles]));
  }

  /** Every file version of the submission, oldest first. */
  async files(submissionId: string): Promise<SubmissionFileRow[]> {
    const rows: (SubmissionFileRow & { size: string })[] = await this.db.query(
      `SELECT id, genre, version, media_type AS "mediaType", size, storage_key AS "storageKey",
              anonymised_key AS "anonymisedKey", released_at AS "releasedAt"
         FROM submission_files WHERE submission_id = $1 ORDER BY created_at ASC`,
      [submissionId],
    );
    return rows.map((row) => ({ ...row, size: Number(row.size) }));
  }
}
