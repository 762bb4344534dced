import { Injectable } from '@nestjs/common';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { type Page, paginate } from '../common/pagination/cursor-page';
import { Repository, type Transactions } from '../database/transactions';
import type { PersonNames } from '../editorial/people';
import type { EditorialFilters, EditorialQuery } from './dto/editorial-query.dto';
import { SubmissionFile } from './entities/submission-file.entity';
import { Submission } from './entities/submission.entity';
import { searchQuery } from './submission-search';
import { readDetails, type SubmissionDetails } from './submissions.repository';

/**
 * Something in the submission is late: a reviewer who has not answered the invitation or
 * delivered the review by its date, or revisions not back by theirs. Final decisions and
 * withdrawals end open assignments and rounds, so only live work can be late.
 */
const OVERDUE_IDS = `SELECT late.submission_id FROM review_assignments late
   WHERE (late.state = 'invited' AND late.response_due_at < now())
      OR (late.state = 'accepted' AND late.review_due_at < now())
  UNION ALL
  SELECT late_round.submission_id FROM review_rounds late_round
   WHERE late_round.status = 'revisions_requested' AND late_round.revisions_due_at < now()`;

/** Whose list it is: the service decides from the viewer's roles what they may see. */
export interface ListingScope {
  journalId: string;
  /** The viewer, whose own submissions (as submitter or contributor) are never listed. */
  viewer: { id: string; email: string } | null;
  /** Every submitted manuscript; otherwise those of the viewer's sections or assigned to them. */
  seesAll: boolean;
}

/** What a page of the listing adds to its submissions, in three queries (not one per row). */
export interface ListingFacts {
  titles: { submission_id: string; locale: string; title: string }[];
  editors: { submission_id: string; id: string; names: PersonNames }[];
  overdue: Set<string>;
}

/** A database outside Nest (the listing benchmark): its connection without a transaction. */

/**
 * The editors' listing over a journal's submissions: filters, search and keyset pages over
 * indexed columns, reading the reviews' and people's tables by name for what a row shows.
 */
@Injectable()
export class EditorialListingRepository extends Repository {
  /** One over a plain DataSource, outside the application (the benchmark builds it so). */
  static over(dataSource: DataSource): EditorialListingRepository {
    return new EditorialListingRepository({ tx: dataSource.manager } as Transactions);
  }

  private base(scope: ListingScope, filters: EditorialFilters): SelectQueryBuilder<Submission> {
    const query = this.db
      .getRepository(Submission)
      .createQueryBuilder('submission')
      .where('submission.journal_id = :journalId', { journalId: scope.journalId })
      .andWhere(`submission.stage <> 'draft'`);
    const userId = scope.viewer?.id;
    if (scope.viewer) {
      // Nobody handles their own submission: as its submitter or as one of its contributors.
      query.andWhere('submission.submitter_id <> :userId', { userId });
      query.andWhere(
        `NOT EXISTS (SELECT 1 FROM contributors own WHERE own.submission_id = submission.id AND lower(own.email) = lower(:viewerEmail))`,
        { viewerEmail: scope.viewer.email },
      );
    }
    if (!scope.seesAll) {
      query.andWhere(
        `(EXISTS (SELECT 1 FROM section_editors se WHERE se.section_id = submission.section_id AND se.user_id = :userId)
          OR EXISTS (SELECT 1 FROM submission_editors ed WHERE ed.submission_id = submission.id AND ed.user_id = :userId))`,
        { userId },
      );
    }
    if (filters.sectionId)
      query.andWhere('submission.section_id = :sectionId', { sectionId: filters.sectionId });
    if (filters.locale) query.andWhere('submission.locale = :locale', { locale: filters.locale });
    if (filters.editorId) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM submission_editors ed2 WHERE ed2.submission_id = submission.id AND ed2.user_id = :editorId)',
        {
          editorId: filters.editorId,
        },
      );
    }
    if (filters.overdue !== undefined)
      // A semi-join over the few late rows, not a probe per submission: fast over 100k.
      query.andWhere(`submission.id ${filters.overdue ? 'IN' : 'NOT IN'} (${OVERDUE_IDS})`);
    const tsquery = filters.q ? searchQuery(filters.q) : null;
    if (filters.q && !tsquery) query.andWhere('false');
    if (tsquery)
      query.andWhere(`submission.search_vector @@ to_tsquery('simple', :tsquery)`, { tsquery });
    return query;
  }

  /** Newest submitted first. */
  page(scope: ListingScope, filters: EditorialQuery): Promise<Page<Submission>> {
    const query = this.base(scope, filters);
    if (filters.stage) query.andWhere('submission.stage = :stage', { stage: filters.stage });
    return paginate(
      query,
      {
        keys: [
          { property: 'submittedAt', column: 'submitted_at' },
          { property: 'id', column: 'id' },
        ],
        direction: 'DESC',
      },
      filters,
    );
  }

  /** How many submissions are in each stage, under the same filters (stage excepted). */
  async counts(scope: ListingScope, filters: EditorialFilters): Promise<Record<string, number>> {
    const rows: { stage: string; count: string }[] = await this.base(scope, filters)
      .select('submission.stage', 'stage')
      .addSelect('count(*)', 'count')
      .groupBy('submission.stage')
      .getRawMany();
    return Object.fromEntries(rows.map((row) => [row.stage, Number(row.count)]));
  }

  /** The submission if it is in the scope; null otherwise. */
  one(scope: ListingScope, id: string): Promise<Submission | null> {
    return this.base(scope, {}).andWhere('submission.id = :id', { id }).getOne();
  }

  /** Everything hanging off the submission, its whole history included. */
  details(submissionId: string): Promise<SubmissionDetails> {
    return readDetails(this.db, submissionId, 'all');
  }

  file(submissionId: string, fileId: string): Promise<SubmissionFile | null> {
    return this.db.findOneBy(SubmissionFile, { id: fileId, submissionId });
  }

  async facts(ids: string[]): Promise<ListingFacts> {
    const [titles, editors, late]: [
      ListingFacts['titles'],
      ListingFacts['editors'],
      { id: string }[],
    ] = await Promise.all([
      this.db.query(
        'SELECT submission_id, locale, title FROM submission_metadata WHERE submission_id = ANY($1)',
        [ids],
      ),
      this.db.query(
        'SELECT ed.submission_id, u.id, u.names FROM submission_editors ed JOIN users u ON u.id = ed.user_id WHERE ed.submission_id = ANY($1)',
        [ids],
      ),
      this.db.query(
        `SELECT DISTINCT late_ids.submission_id AS id FROM (${OVERDUE_IDS}) late_ids WHERE late_ids.submission_id = ANY($1)`,
        [ids],
      ),
    ]);
    return { titles, editors, overdue: new Set(late.map((row) => row.id)) };
  }
}
