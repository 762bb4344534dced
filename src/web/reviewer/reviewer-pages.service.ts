import { Injectable } from '@nestjs/common';
import type { Locale, LocalizedText } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import type { Person } from '../../editorial/people';
import { JournalsLookup, SectionsService } from '../../journals';
import {
  type AssignmentStatus,
  assignmentStatus,
  InvitationAnswers,
  type ReviewerAssignmentView,
  ReviewerDashboard,
} from '../../reviews';
import { blankForm, type FieldMessage, type FormView } from '../foundation/forms';
import { versionOf } from './review-drafts.service';
import {
  type AnswerView,
  answerViews,
  type ChoiceView,
  missingParts,
  type QuestionView,
  questionViews,
  recommendationChoices,
  type StoredReview,
  valuesOfReview,
} from './review-form';

/** The journal as the reviewer's pages name it (its masthead). */
export interface JournalView {
  id: string;
  slug: string;
  titles: LocalizedText;
  primaryLocale: Locale;
}

/** The submission as a reviewer may read it: its metadata by language, never its authors. */
export interface SubmissionView {
  titles: LocalizedText;
  /** Null when no language has one. */
  abstracts: LocalizedText | null;
  keywords: LocalizedText | null;
  /** The titles of the journal's section the submission is in (never names an author). */
  section: LocalizedText;
}

/** What the invitation and the assignment's pages say of the invitation. */
export interface InvitationFacts {
  round: number;
  method: string;
  anonymous: boolean;
  responseDueAt: Date;
  reviewDueAt: Date;
  personalMessage: string;
}

export interface ReviewListItem {
  id: string;
  titles: LocalizedText;
  section: LocalizedText;
  round: number;
  status: AssignmentStatus;
  overdue: boolean;
  responseDueAt: Date;
  reviewDueAt: Date;
  completedAt: Date | null;
}

type Report = ReviewerAssignmentView['reviewFiles'][number]['anonymisation'];

/** A reviewer's attachment with what the anonymisation pipeline did to the author's copy. */
export interface AttachmentView {
  id: string;
  /** As the reviewer uploaded it (shown to them and the editors only). */
  fileName: string;
  kb: number;
  shareWithAuthor: boolean;
  report: {
    removedCount: number;
    removed: string[];
    nameWarnings: { excerpt: string; page?: number; paragraph?: number; line?: number }[];
    unread: boolean;
  } | null;
}

/** The written review, read-only (the confirmation page, and once it is submitted). */
export interface WrittenReview {
  answers: AnswerView[];
  recommendation: string | null;
  commentsForAuthor: string;
  commentsForEditor: string;
  competingInterests: string;
  submittedAt: Date | null;
}

/** Everything the page of one assignment shows, in whichever state it is. */
export interface AssignmentPage {
  journal: JournalView;
  id: string;
  state: ReviewerAssignmentView['assignment']['state'];
  status: AssignmentStatus;
  overdue: boolean;
  invitation: InvitationFacts;
  submission: SubmissionView;
  files: { id: string; fileName: string; kb: number }[];
  /** The review can be written (accepted, not yet submitted). */
  editable: boolean;
  form: FormView;
  questions: QuestionView[];
  recommendations: ChoiceView[];
  /** The review's lock version: the form sends it back, and a save on an older one is refused. */
  version: string | null;
  /** What the saved review still lacks before it can be submitted. */
  missing: Record<string, FieldMessage[]>;
  written: WrittenReview | null;
  attachments: AttachmentView[];
}

const byLocale = <T>(rows: { locale: Locale }[], pick: (row: never) => T | null) =>
  Object.fromEntries(
    rows.flatMap((row) => {
      const value = pick(row as never);
      return value === null || value === '' ? [] : [[row.locale, value]];
    }),
  ) as LocalizedText;

interface MetadataRow {
  locale: Locale;
  title: string;
  abstract: string | null;
  keywords: string[];
}

/** Keywords joined as each language lists them. */
const keywordList = (row: MetadataRow) =>
  row.keywords.length ? row.keywords.join(row.locale === 'ar' ? '، ' : ', ') : null;

const unlessEmpty = (text: LocalizedText) => (Object.keys(text).length ? text : null);

function submissionOf(metadata: MetadataRow[], section: LocalizedText): SubmissionView {
  return {
    titles: byLocale(metadata, (row: MetadataRow) => row.title),
    abstracts: unlessEmpty(byLocale(metadata, (row: MetadataRow) => row.abstract)),
    keywords: unlessEmpty(byLocale(metadata, keywordList)),
    section,
  };
}

function invitationOf(assignment: ReviewerAssignmentView['assignment'], round: number) {
  return {
    round,
    method: assignment.method,
    anonymous: assignment.method === 'double_anonymous',
    responseDueAt: assignment.responseDueAt,
    reviewDueAt: assignment.reviewDueAt,
    personalMessage: assignment.personalMessage,
  };
}

function reportOf(report: Report): AttachmentView['report'] {
  if (!report) return null;
  const removed = report.removed ?? [];
  const counted = Object.values(report.summary ?? {}).reduce((sum, n) => sum + (n ?? 0), 0);
  return {
    removedCount: Math.max(counted, removed.length),
    removed,
    nameWarnings: (report.nameWarnings ?? []).map(({ excerpt, page, paragraph, line }) => ({
      excerpt,
      page,
      paragraph,
      line,
    })),
    unread: report.bodyTextChecked === false,
  };
}

function writtenOf(review: StoredReview): WrittenReview {
  return {
    answers: answerViews(review),
    recommendation: review.recommendation,
    commentsForAuthor: review.commentsForAuthor,
    commentsForEditor: review.commentsForEditor,
    competingInterests: review.competingInterests,
    submittedAt: review.submittedAt,
  };
}

/** A file's size as the page says it: kilobytes, at least one. */
const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

const notInJournal = () =>
  httpProblems.raise('not-found', 'There is no such review assignment of yours');

/**
 * The view models of the reviewer's pages, from the services the API's reviewer routes call:
 * what the invitation link shows, the reviewer's lists, and one assignment with its review.
 * Each page lives under the journal its assignment belongs to; under another it is not found.
 */
@Injectable()
export class ReviewerPages {
  constructor(
    private readonly journals: JournalsLookup,
    private readonly sections: SectionsService,
    private readonly dashboard: ReviewerDashboard,
    private readonly answers: InvitationAnswers,
  ) {}

  async journal(slug: string): Promise<JournalView> {
    const journal = await this.journals.bySlug(slug);
    return {
      id: journal.id,
      slug: journal.slug,
      titles: journal.titles,
      primaryLocale: journal.primaryLocale,
    };
  }

  /** What the email's link shows before any sign-in: no author, no file. */
  async invitation(slug: string, token: string) {
    const [journal, invitation] = await Promise.all([
      this.journal(slug),
      this.answers.describeByToken(token),
    ]);
    if (invitation.journal.slug !== slug) throw notInJournal();
    return {
      journal,
      invitation: invitationOf(invitation.assignment, invitation.round),
      submission: submissionOf(invitation.metadata, invitation.section.titles),
    };
  }

  /** The reviewer's invitations and reviews in this journal (the API lists every journal's). */
  async myReviews(user: Person, slug: string, now = new Date()) {
    const [journal, all] = await Promise.all([this.journal(slug), this.dashboard.dashboard(user)]);
    const items = (list: (typeof all)['active']): ReviewListItem[] =>
      list
        .filter(({ assignment }) => assignment.journalId === journal.id)
        .map(({ assignment, titles, section }) => {
          const status = assignmentStatus(assignment, now);
          return {
            id: assignment.id,
            titles: titles as LocalizedText,
            section,
            round: assignment.round?.number ?? 1,
            status,
            overdue: status === 'overdue',
            responseDueAt: assignment.responseDueAt,
            reviewDueAt: assignment.reviewDueAt,
            completedAt: assignment.completedAt,
          };
        });
    return {
      journal,
      invitations: items(all.invitations),
      active: items(all.active),
      completed: items(all.completed),
    };
  }

  /**
   * The questions of the reviewer's review of this assignment (none before it is accepted);
   * not found when it is not the caller's, or not this journal's.
   */
  async questions(user: Person, slug: string, assignmentId: string) {
    const view = await this.view(user, slug, assignmentId);
    return view.review?.questions ?? [];
  }

  /**
   * One assignment as its page shows it; `form` is what was sent when the page is shown again
   * (every value as typed), else the saved review.
   */
  async assignment(
    user: Person,
    slug: string,
    assignmentId: string,
    form?: FormView,
  ): Promise<AssignmentPage> {
    const [journal, view] = await Promise.all([
      this.journal(slug),
      this.view(user, slug, assignmentId),
    ]);
    const section = await this.sections.byId(view.submission.sectionId);
    const review = view.review;
    const editable = view.assignment.state === 'accepted' && !!review && !review.locked;
    const shown = form ?? blankForm(review ? valuesOfReview(review) : {});
    const status = assignmentStatus(view.assignment);
    return {
      journal,
      id: view.assignment.id,
      state: view.assignment.state,
      status,
      overdue: status === 'overdue',
      invitation: invitationOf(view.assignment, view.round),
      submission: submissionOf(view.submission.metadata, section.titles),
      files: view.files.map(({ id, name, size }) => ({ id, fileName: name, kb: kilobytes(size) })),
      editable,
      form: shown,
      questions: editable && review ? questionViews(review.questions, shown) : [],
      recommendations: editable ? recommendationChoices(shown) : [],
      version: review ? versionOf(review) : null,
      missing: editable && review ? missingParts(review) : {},
      written: review ? writtenOf(review) : null,
      attachments: view.reviewFiles.map((file) => ({
        id: file.id,
        fileName: file.originalName,
        kb: kilobytes(file.size),
        shareWithAuthor: file.shareWithAuthor,
        report: reportOf(file.anonymisation),
      })),
    };
  }

  private async view(user: Person, slug: string, assignmentId: string) {
    const view = await this.dashboard.view(user, assignmentId);
    if (view.journal.slug !== slug) throw notInJournal();
    return view;
  }
}
