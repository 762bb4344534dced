import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { type Page, paginate } from '../common/pagination/cursor-page';
import type { Journal } from '../journals/journal.entity';
import type { EditorialFilters, EditorialQuery } from './dto/editorial-query.dto';
import { ProblemException } from '../common/http/problem.exception';
import { SubmissionFile } from './entities/submission-file.entity';
import { Submission, type SubmissionStage } from './entities/submission.entity';
import { loadSubmissionDetails } from './submission-details';
import { searchQuery } from './submission-search';
import type { Viewer } from '../editorial/request-context';

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

export interface EditorialListItem {
  id: string;
  number: string | null;
  stage: SubmissionStage;
  locale: string;
  sectionId: string;
  submittedAt: Date | null;
  /** See OVERDUE_IDS. */
  overdue: boolean;
  titles: Record<string, string>;
  editors: { id: string; names: unknown }[];
}

/**
 * The editors' view of a journal's submissions: filtered, searched, keyset-paginated, with
 * counts per stage. Managers and editors see every submitted manuscript; section editors those
 * in their sections or assigned to them; nobody lists their own submissions here.
 */
@Injectable()
export class EditorialListing {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private base(
    journal: Journal,
    viewer: Viewer,
    filters: EditorialFilters,
  ): SelectQueryBuilder<Submission> {
    const query = this.dataSource
      .getRepository(Submission)
      .createQueryBuilder('submission')
      .where('submission.journal_id = :journalId', { journalId: journal.id })
      .andWhere(`submission.stage <> 'draft'`);
    const userId = viewer.user?.id;
    if (userId) {
      // Nobody handles their own submission: as its submitter or as one of its contributors.
      query.andWhere('submission.submitter_id <> :userId', { userId });
      query.andWhere(
        `NOT EXISTS (SELECT 1 FROM contributors own WHERE own.submission_id = submission.id AND lower(own.email) = lower(:viewerEmail))`,
        { viewerEmail: viewer.user!.email },
      );
    }
    const seesAll =
      viewer.isSiteAdmin || viewer.roles.includes('manager') || viewer.roles.includes('editor');
    if (!seesAll) {
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

  async list(
    journal: Journal,
    viewer: Viewer,
    filters: EditorialQuery,
  ): Promise<Page<EditorialListItem>> {
    const query = this.base(journal, viewer, filters);
    if (filters.stage) query.andWhere('submission.stage = :stage', { stage: filters.stage });
    const page = await paginate(
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
    return { items: await this.describe(page.items), nextCursor: page.nextCursor };
  }

  /** How many submissions are in each stage, under the same filters (stage excepted). */
  async counts(
    journal: Journal,
    viewer: Viewer,
    filters: EditorialFilters,
  ): Promise<Record<string, number>> {
    const rows: { stage: string; count: string }[] = await this.base(journal, viewer, filters)
      .select('submission.stage', 'stage')
      .addSelect('count(*)', 'count')
      .groupBy('submission.stage')
      .getRawMany();
    return Object.fromEntries(rows.map((row) => [row.stage, Number(row.count)]));
  }

  /**
   * One submission as its editors see it: everything, history included. 404 (not 403) for a
   * submission this viewer may not handle, so its existence is not revealed either.
   */
  async editorView(journal: Journal, viewer: Viewer, id: string) {
    const submission = await this.handled(journal, viewer, id);
    const [details, [item]] = await Promise.all([
      loadSubmissionDetails(this.dataSource.manager, id, 'all'),
      this.describe([submission]),
    ]);
    return { submission, ...details, editors: item.editors };
  }

  /** One file of a submission this viewer handles; 404 when either is out of reach. */
  async file(
    journal: Journal,
    viewer: Viewer,
    id: string,
    fileId: string,
  ): Promise<SubmissionFile> {
    await this.handled(journal, viewer, id);
    const file = await this.dataSource
      .getRepository(SubmissionFile)
      .findOneBy({ id: fileId, submissionId: id });
    if (!file)
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: 'There is no such file in this submission',
      });
    return file;
  }

  /** The submission if this viewer handles it as an editor; 404 otherwise. */
  async handled(journal: Journal, viewer: Viewer, id: string): Promise<Submission> {
    const submission = await this.base(journal, viewer, {})
      .andWhere('submission.id = :id', { id })
      .getOne();
    if (!submission) {
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: 'There is no such submission for you to handle in this journal',
      });
    }
    return submission;
  }

  /** Titles and editors for a page of submissions, in two queries (not one per row). */
  private async describe(submissions: Submission[]): Promise<EditorialListItem[]> {
    if (submissions.length === 0) return [];
    const ids = submissions.map((submission) => submission.id);
    const [titles, editors, late]: [
      { submission_id: string; locale: string; title: string }[],
      { submission_id: string; id: string; names: unknown }[],
      { id: string }[],
    ] = await Promise.all([
      this.dataSource.query(
        'SELECT submission_id, locale, title FROM submission_metadata WHERE submission_id = ANY($1)',
        [ids],
      ),
      this.dataSource.query(
        'SELECT ed.submission_id, u.id, u.names FROM submission_editors ed JOIN users u ON u.id = ed.user_id WHERE ed.submission_id = ANY($1)',
        [ids],
      ),
      this.dataSource.query(
        `SELECT DISTINCT late_ids.submission_id AS id FROM (${OVERDUE_IDS}) late_ids WHERE late_ids.submission_id = ANY($1)`,
        [ids],
      ),
    ]);
    const overdue = new Set(late.map((row) => row.id));
    return submissions.map((submission) => ({
      id: submission.id,
      number: submission.number,
      stage: submission.stage,
      locale: submission.locale,
      sectionId: submission.sectionId,
      submittedAt: submission.submittedAt,
      overdue: overdue.has(submission.id),
      titles: Object.fromEntries(
        titles
          .filter((row) => row.submission_id === submission.id)
          .map((row) => [row.locale, row.title]),
      ),
      editors: editors
        .filter((row) => row.submission_id === submission.id)
        .map(({ id, names }) => ({ id, names })),
    }));
  }
}
