import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { foldForMatching } from '../anonymisation/name-matcher';
import type { Locale } from '../common/i18n/locale';
import { type CursorQuery, type Page, paginate } from '../common/pagination/cursor-page';
import { Repository } from '../database/transactions';
import { Contributor } from './entities/contributor.entity';
import { CopyrightAgreement } from './entities/copyright-agreement.entity';
import { SubmissionEvent } from './entities/submission-event.entity';
import { SubmissionFile } from './entities/submission-file.entity';
import { SubmissionMetadata } from './entities/submission-metadata.entity';
import { Submission } from './entities/submission.entity';

/** Everything hanging off one submission, as its status page and its editors read it. */
export interface SubmissionDetails {
  metadata: SubmissionMetadata[];
  contributors: Contributor[];
  files: SubmissionFile[];
  agreement: CopyrightAgreement | null;
  events: SubmissionEvent[];
}

/**
 * Full-text search over titles, subtitles, abstracts and keywords in Arabic and Latin scripts.
 * PostgreSQL's `simple` configuration splits words without stemming (it has no Arabic stemmer),
 * so the text is folded first — lower case, Arabic diacritics and tatweel removed, alef forms,
 * alef maqsura and ta marbuta unified — and queries are folded the same way. Words match by
 * prefix, so «التطوع» also finds «التطوعي».
 */
async function refreshSubmissionSearch(
  manager: EntityManager,
  submissionId: string,
): Promise<void> {
  const rows: { text: string | null }[] = await manager.query(
    `SELECT string_agg(concat_ws(' ', title, subtitle, abstract, array_to_string(keywords, ' ')), ' ') AS text
       FROM submission_metadata WHERE submission_id = $1`,
    [submissionId],
  );
  await manager.query(
    `UPDATE submissions SET search_vector = to_tsvector('simple', $2) WHERE id = $1`,
    [submissionId, foldForMatching(rows[0]?.text ?? '')],
  );
}

/** What hangs off one submission, read in `db`; `author`: only the author-visible history. */
export async function readDetails(
  db: EntityManager,
  submissionId: string,
  history: 'author' | 'all',
): Promise<SubmissionDetails> {
  const [metadata, contributors, files, agreement, events] = await Promise.all([
    db.find(SubmissionMetadata, { where: { submissionId }, order: { locale: 'ASC' } }),
    db.find(Contributor, { where: { submissionId }, order: { seq: 'ASC' } }),
    db.find(SubmissionFile, { where: { submissionId }, order: { createdAt: 'ASC' } }),
    db.findOneBy(CopyrightAgreement, { submissionId }),
    db.find(SubmissionEvent, {
      where: history === 'author' ? { submissionId, authorVisible: true } : { submissionId },
      order: { occurredAt: 'ASC' },
    }),
  ]);
  return { metadata, contributors, files, agreement, events };
}

/**
 * A submission and what its author writes of it: the row, its metadata per language, its
 * contributors and its copyright agreement, in the ambient transaction.
 */
@Injectable()
export class SubmissionsRepository extends Repository {
  /** The submission with its journal, if `submitterId` submitted it. */
  ofSubmitter(id: string, submitterId: string): Promise<Submission | null> {
    return this.db.findOne(Submission, {
      where: { id, submitterId },
      relations: { journal: true },
    });
  }

  /** The submitter's submissions to a journal, newest first, each with its metadata. */
  async ofSubmitterInJournal(
    submitterId: string,
    journalId: string,
  ): Promise<{ submission: Submission; metadata: SubmissionMetadata[] }[]> {
    const submissions = await this.db.find(Submission, {
      where: { submitterId, journalId },
      relations: { journal: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    const metadata = submissions.length
      ? await this.db.find(SubmissionMetadata, {
          where: { submissionId: In(submissions.map(({ id }) => id)) },
          order: { locale: 'ASC' },
        })
      : [];
    return submissions.map((submission) => ({
      submission,
      metadata: metadata.filter((entry) => entry.submissionId === submission.id),
    }));
  }

  byId(id: string): Promise<Submission> {
    return this.db.findOneByOrFail(Submission, { id });
  }

  insert(fields: Partial<Submission>): Promise<Submission> {
    return this.db.save(this.db.create(Submission, fields));
  }

  async update(id: string, changes: Partial<Submission>): Promise<void> {
    await this.db.update(Submission, { id }, changes);
  }

  /** The submitter's submissions, newest first. */
  pageOfSubmitter(submitterId: string, query: CursorQuery): Promise<Page<Submission>> {
    const builder = this.db
      .getRepository(Submission)
      .createQueryBuilder('submission')
      .where('submission.submitter_id = :userId', { userId: submitterId });
    return paginate(
      builder,
      {
        keys: [
          { property: 'createdAt', column: 'created_at' },
          { property: 'id', column: 'id' },
        ],
        direction: 'DESC',
      },
      query,
    );
  }

  metadata(submissionId: string): Promise<SubmissionMetadata[]> {
    return this.db.findBy(SubmissionMetadata, { submissionId });
  }

  async saveMetadata(entry: Omit<SubmissionMetadata, 'id' | 'submission'>): Promise<void> {
    await this.db.upsert(SubmissionMetadata, entry, ['submissionId', 'locale']);
  }

  async removeMetadata(submissionId: string, locale: Locale): Promise<void> {
    await this.db.delete(SubmissionMetadata, { submissionId, locale });
  }

  /** Titles, abstracts and keywords into the search vector (see submission-search.ts). */
  refreshSearch(submissionId: string): Promise<void> {
    return refreshSubmissionSearch(this.db, submissionId);
  }

  contributors(submissionId: string): Promise<Contributor[]> {
    return this.db.findBy(Contributor, { submissionId });
  }

  correspondingContributor(submissionId: string): Promise<Contributor> {
    return this.db.findOneByOrFail(Contributor, { submissionId, corresponding: true });
  }

  async addContributor(contributor: Partial<Contributor>): Promise<void> {
    await this.db.save(this.db.create(Contributor, contributor));
  }

  /** Replaces the contributors, in byline order (`seq`). */
  async replaceContributors(
    submissionId: string,
    contributors: Partial<Contributor>[],
  ): Promise<Contributor[]> {
    await this.db.delete(Contributor, { submissionId });
    return this.db.save(
      contributors.map((contributor) => this.db.create(Contributor, contributor)),
    );
  }

  /** The agreement replaces any earlier one of the submission. */
  async replaceAgreement(agreement: Partial<CopyrightAgreement>): Promise<CopyrightAgreement> {
    await this.db.delete(CopyrightAgreement, { submissionId: agreement.submissionId });
    return this.db.save(this.db.create(CopyrightAgreement, agreement));
  }

  hasAgreement(submissionId: string): Promise<boolean> {
    return this.db.existsBy(CopyrightAgreement, { submissionId });
  }

  /** Metadata, contributors, files, agreement and history; `author`: the author-visible part. */
  details(submissionId: string, history: 'author' | 'all'): Promise<SubmissionDetails> {
    return readDetails(this.db, submissionId, history);
  }

  /** The status of the submission's latest review round (the reviews' table, read only). */
  async latestRoundStatus(submissionId: string): Promise<string | null> {
    const [round]: { status: string }[] = await this.db.query(
      'SELECT status FROM review_rounds WHERE submission_id = $1 ORDER BY number DESC LIMIT 1',
      [submissionId],
    );
    return round?.status ?? null;
  }

  /** The latest round waiting for the author's revisions, with its due date, if any. */
  async revisionsRequested(submissionId: string): Promise<{ dueAt: Date | null } | null> {
    const [round]: { revisions_due_at: Date | null }[] = await this.db.query(
      `SELECT revisions_due_at FROM review_rounds
        WHERE submission_id = $1 AND status = 'revisions_requested'
        ORDER BY number DESC LIMIT 1`,
      [submissionId],
    );
    return round ? { dueAt: round.revisions_due_at } : null;
  }

  /** The revised version becomes the current one: a change of the row, so its lock version moves. */
  async newVersion(id: string, version: number): Promise<void> {
    await this.db.update(
      Submission,
      { id },
      { currentVersion: version, lockVersion: () => 'lock_version + 1' },
    );
  }
}
