import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { LocalizedText } from '../common/i18n/locale';
import { Repository } from '../database/transactions';
import { Publication } from './entities/publication.entity';
import { type ArticleFacts, type RecordSource } from './publication-drafts';

const ARTICLE_COLUMNS = `id, journal_id AS "journalId", section_id AS "sectionId",
  submitter_id AS "submitterId", number, stage, lock_version AS "lockVersion", locale, funding,
  "references", submitted_at AS "submittedAt"`;

/** What the author and the editors recorded of a submission, for its first record. */
async function readSource(db: EntityManager, submissionId: string): Promise<RecordSource> {
  // One after another: in a transaction they share one connection.
  const metadata: RecordSource['metadata'] = await db.query(
    `SELECT locale, title, subtitle, abstract, keywords FROM submission_metadata
      WHERE submission_id = $1`,
    [submissionId],
  );
  const contributors: RecordSource['contributors'] = await db.query(
    `SELECT names, email, affiliation, country, orcid, corresponding FROM contributors
      WHERE submission_id = $1 AND in_byline ORDER BY seq`,
    [submissionId],
  );
  const dates: { revised_at: Date | null; accepted_at: Date | null }[] = await db.query(
    `SELECT (SELECT max(revised_at) FROM review_rounds WHERE submission_id = $1) AS revised_at,
            (SELECT min(created_at) FROM decisions WHERE submission_id = $1 AND kind = 'accept') AS accepted_at`,
    [submissionId],
  );
  return {
    metadata,
    contributors,
    revisedAt: dates[0]?.revised_at ?? null,
    acceptedAt: dates[0]?.accepted_at ?? null,
  };
}

/**
 * The publications table (every version of every article's record), and what publishing reads
 * of the submissions it publishes (by table: their stage, number and what the record starts from).
 */
@Injectable()
export class PublicationsRepository extends Repository {
  /** These submissions (of this journal, if given). */
  articles(ids: string[], journalId?: string): Promise<ArticleFacts[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return journalId
      ? this.db.query(
          `SELECT ${ARTICLE_COLUMNS} FROM submissions WHERE id = ANY($1) AND journal_id = $2`,
          [ids, journalId],
        )
      : this.db.query(`SELECT ${ARTICLE_COLUMNS} FROM submissions WHERE id = ANY($1)`, [ids]);
  }

  async article(id: string): Promise<ArticleFacts> {
    const [article] = await this.articles([id]);
    if (!article) throw new Error(`no submission ${id}`);
    return article;
  }

  /** Holds the submission's row until the transaction ends: one correction or notice at a time. */
  async lockArticle(submissionId: string): Promise<void> {
    await this.db.query('SELECT id FROM submissions WHERE id = $1 FOR UPDATE', [submissionId]);
  }

  source(submissionId: string): Promise<RecordSource> {
    return readSource(this.db, submissionId);
  }

  /** Whether the person is the production editor assigned to the submission (and still one). */
  async isAssignedProductionEditor(
    submissionId: string,
    journalId: string,
    userId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM stage_assignments a JOIN submissions s ON s.id = a.submission_id
        WHERE a.submission_id = $1 AND s.journal_id = $2 AND a.user_id = $3
          AND a.stage = 'production' AND a.removed_at IS NULL`,
      [submissionId, journalId, userId],
    );
    return rows.length > 0;
  }

  /** Every version of an article's record, newest first. */
  versions(submissionId: string): Promise<Publication[]> {
    return this.db.find(Publication, { where: { submissionId }, order: { version: 'DESC' } });
  }

  newest(submissionId: string): Promise<Publication | null> {
    return this.db.findOne(Publication, { where: { submissionId }, order: { version: 'DESC' } });
  }

  /** The record in preparation, locked until the transaction ends if asked. */
  draft(submissionId: string, lock = false): Promise<Publication | null> {
    return this.db.findOne(Publication, {
      where: { submissionId, status: 'draft' },
      order: { version: 'DESC' },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  create(fields: Partial<Publication>): Promise<Publication> {
    return this.db.save(this.db.create(Publication, fields));
  }

  save(record: Publication): Promise<Publication> {
    return this.db.save(record);
  }

  update(id: string, fields: QueryDeepPartialEntity<Publication>): Promise<unknown> {
    return this.db.update(Publication, { id }, fields);
  }

  hasPublished(submissionId: string): Promise<boolean> {
    return this.db.existsBy(Publication, { submissionId, status: 'published' });
  }

  /** Every record of the issue (published ones only, if asked). */
  ofIssue(issueId: string, publishedOnly = false): Promise<Publication[]> {
    return this.db.find(Publication, {
      where: { issueId, ...(publishedOnly ? { status: 'published' as const } : {}) },
    });
  }

  /** The issue's records in preparation, in their order. */
  draftsOfIssue(issueId: string): Promise<Publication[]> {
    return this.db.find(Publication, {
      where: { issueId, status: 'draft' },
      order: { seq: 'ASC' },
    });
  }

  countInIssue(issueId: string): Promise<number> {
    return this.db.countBy(Publication, { issueId });
  }

  /** Of these articles, those placed in another issue than this one. */
  async placedElsewhere(
    submissionIds: string[],
    issueId: string,
  ): Promise<{ submissionId: string; number: string }[]> {
    if (submissionIds.length === 0) return [];
    return this.db.query(
      `SELECT p.submission_id AS "submissionId", s.number FROM publications p
         JOIN submissions s ON s.id = p.submission_id
        WHERE p.submission_id = ANY($1) AND p.issue_id IS NOT NULL AND p.issue_id <> $2`,
      [submissionIds, issueId],
    );
  }

  /** The issue's records in preparation whose article is not among `keep`. */
  leaving(issueId: string, keep: string[]): Promise<Publication[]> {
    return this.db
      .getRepository(Publication)
      .createQueryBuilder('p')
      .where('p.issue_id = :issueId AND p.status = :draft', { issueId, draft: 'draft' })
      .andWhere(keep.length ? 'p.submission_id NOT IN (:...keep)' : 'true', { keep })
      .getMany();
  }

  /** Those records leave the issue: unassigned again. */
  async takeOut(issueId: string, keep: string[]): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(Publication)
      .set({ issueId: null, seq: 0 })
      .where('issue_id = :issueId AND status = :draft', { issueId, draft: 'draft' })
      .andWhere(keep.length ? 'submission_id NOT IN (:...keep)' : 'true', { keep })
      .execute();
  }

  /** Every record of the issue back in preparation (the issue is unpublished). */
  async unpublishIssue(issueId: string): Promise<void> {
    await this.db.update(Publication, { issueId }, { status: 'draft', publishedAt: null });
  }

  /** The pages of the other articles of the issue, each labelled by its submission number. */
  othersPages(
    issueId: string,
    submissionId: string,
  ): Promise<{ firstPage: number | null; lastPage: number | null; label: string }[]> {
    return this.db
      .getRepository(Publication)
      .createQueryBuilder('p')
      .innerJoin('submissions', 's', 's.id = p.submission_id')
      .select(['p.first_page AS "firstPage"', 'p.last_page AS "lastPage"', 's.number AS label'])
      .where('p.issue_id = :issueId AND p.submission_id <> :submissionId', {
        issueId,
        submissionId,
      })
      .getRawMany();
  }

  /** When each article was first published (a correction keeps that date for Crossref). */
  async firstPublished(submissionIds: string[]): Promise<Map<string, Date>> {
    if (submissionIds.length === 0) return new Map();
    const rows: { submission_id: string; published_at: Date }[] = await this.db.query(
      `SELECT submission_id, min(published_at) AS published_at FROM publications
        WHERE submission_id = ANY($1) AND status = 'published' GROUP BY submission_id`,
      [submissionIds],
    );
    return new Map(rows.map((row) => [row.submission_id, row.published_at]));
  }

  /** The articles with a published version in the issue. */
  async publishedArticlesOf(issueId: string): Promise<string[]> {
    const rows: { submission_id: string }[] = await this.db.query(
      `SELECT DISTINCT submission_id FROM publications WHERE issue_id = $1 AND status = 'published'`,
      [issueId],
    );
    return rows.map((row) => row.submission_id);
  }

  /** An article's published versions in a published issue of this journal, newest first. */
  publishedVersions(journalId: string, submissionId: string): Promise<Publication[]> {
    return this.db
      .getRepository(Publication)
      .createQueryBuilder('publication')
      .innerJoin('publication.issue', 'issue')
      .where('publication.submission_id = :submissionId', { submissionId })
      .andWhere(
        `publication.status = 'published' AND issue.journal_id = :journalId AND issue.status = 'published'`,
        { journalId },
      )
      .orderBy('publication.version', 'DESC')
      .getMany();
  }

  /**
   * Pages typesetting gave: a draft record's, or a published record's that has none yet (pages
   * once published change only by correction).
   */
  async takePages(placement: { publicationId: string; firstPage: number; lastPage: number }) {
    await this.db.query(
      `UPDATE publications SET first_page = $2, last_page = $3, updated_at = now()
        WHERE id = $1 AND (status = 'draft' OR first_page IS NULL)`,
      [placement.publicationId, placement.firstPage, placement.lastPage],
    );
  }

  /** Sections' titles, in the journal's section order. */
  sections(sectionIds: string[]): Promise<{ id: string; titles: LocalizedText }[]> {
    if (sectionIds.length === 0) return Promise.resolve([]);
    return this.db.query('SELECT id, titles FROM sections WHERE id = ANY($1) ORDER BY seq', [
      sectionIds,
    ]);
  }
}
