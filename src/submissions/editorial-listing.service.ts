import { Injectable } from '@nestjs/common';
import type { Page } from '../common/pagination/cursor-page';
import { httpProblems } from '../common/problems/http.problems';
import type { PersonNames } from '../editorial/people';
import type { JournalRef, Viewer } from '../editorial/request-context';
import { JOURNAL_EDITORS } from '../editorial/roles';
import type { SubmissionStage } from '../editorial/stages/stage-transitions';
import type { EditorialFilters, EditorialQuery } from './dto/editorial-query.dto';
import { EditorialListingRepository, type ListingScope } from './editorial-listing.repository';
import type { SubmissionFile } from './entities/submission-file.entity';
import type { Submission } from './entities/submission.entity';
import type { SubmissionDetails } from './submissions.repository';

export interface EditorialListItem {
  id: string;
  number: string | null;
  stage: SubmissionStage;
  locale: string;
  sectionId: string;
  submittedAt: Date | null;
  /** Something is late: see OVERDUE_IDS in the repository. */
  overdue: boolean;
  titles: Record<string, string>;
  editors: { id: string; names: PersonNames }[];
}

export interface EditorialView extends SubmissionDetails {
  submission: Submission;
  editors: EditorialListItem['editors'];
}

/**
 * The editors' view of a journal's submissions: filtered, searched, keyset-paginated, with
 * counts per stage. Managers and editors see every submitted manuscript; section editors those
 * in their sections or assigned to them; nobody lists their own submissions here. Other
 * features ask it whether a viewer handles a submission (`handled`).
 */
@Injectable()
export class EditorialListing {
  constructor(private readonly rows: EditorialListingRepository) {}

  /** Who the viewer is in the listing, and whether they see all of the journal's submissions. */
  private scope(journal: JournalRef, viewer: Viewer): ListingScope {
    return {
      journalId: journal.id,
      viewer: viewer.user ? { id: viewer.user.id, email: viewer.user.email } : null,
      seesAll: viewer.isSiteAdmin || JOURNAL_EDITORS.some((role) => viewer.roles.includes(role)),
    };
  }

  async list(
    journal: JournalRef,
    viewer: Viewer,
    filters: EditorialQuery,
  ): Promise<Page<EditorialListItem>> {
    const page = await this.rows.page(this.scope(journal, viewer), filters);
    return { items: await this.describe(page.items), nextCursor: page.nextCursor };
  }

  /** How many submissions are in each stage, under the same filters (stage excepted). */
  counts(
    journal: JournalRef,
    viewer: Viewer,
    filters: EditorialFilters,
  ): Promise<Record<string, number>> {
    return this.rows.counts(this.scope(journal, viewer), filters);
  }

  /**
   * One submission as its editors see it: everything, history included. 404 (not 403) for a
   * submission this viewer may not handle, so its existence is not revealed either.
   */
  async editorView(journal: JournalRef, viewer: Viewer, id: string): Promise<EditorialView> {
    const submission = await this.handled(journal, viewer, id);
    const [details, [item]] = await Promise.all([
      this.rows.details(id),
      this.describe([submission]),
    ]);
    return { submission, ...details, editors: item.editors };
  }

  /** One file of a submission this viewer handles; 404 when either is out of reach. */
  async file(
    journal: JournalRef,
    viewer: Viewer,
    id: string,
    fileId: string,
  ): Promise<SubmissionFile> {
    await this.handled(journal, viewer, id);
    const file = await this.rows.file(id, fileId);
    if (!file) throw httpProblems.raise('not-found', 'There is no such file in this submission');
    return file;
  }

  /** The submission if this viewer handles it as an editor; 404 otherwise. */
  async handled(journal: JournalRef, viewer: Viewer, id: string): Promise<Submission> {
    const submission = await this.rows.one(this.scope(journal, viewer), id);
    if (!submission)
      throw httpProblems.raise(
        'not-found',
        'There is no such submission for you to handle in this journal',
      );
    return submission;
  }

  /** Titles, editors and lateness for a page of submissions. */
  private async describe(submissions: Submission[]): Promise<EditorialListItem[]> {
    if (submissions.length === 0) return [];
    const { titles, editors, overdue } = await this.rows.facts(
      submissions.map((submission) => submission.id),
    );
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
