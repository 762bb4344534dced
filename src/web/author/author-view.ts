import type { StoredAnonymisation } from '../../anonymisation/file-anonymiser';
import { REMOVAL_KINDS } from '../../anonymisation/cleaning-context';
import type { Locale, LocalizedText } from '../../common/i18n/locale';
import type { SubmissionEventKind } from '../../editorial/events/submission-event';
import {
  DECISION_KINDS,
  SUBMISSION_STAGES,
  type SubmissionStage,
} from '../../editorial/stages/stage-transitions';
import type { DecisionsForAuthor } from '../../decisions';
import type { DiscussionSummary } from '../../production';
import {
  FILE_GENRES,
  type HistoryEntry,
  STAGE_FILE_GENRES,
  type SubmissionView,
} from '../../submissions';
import type { ProofView } from '../../typesetting';

/**
 * The author's workspace as its pages show it: pure functions from what the services return to
 * what the templates print. UI words stay in the catalogs; these give their keys (`author.…`),
 * never an internal code.
 */

/** The stages in the author's words: `author.stage.<stage>` and `author.stage-help.<stage>`. */
export const stageKey = (stage: SubmissionStage) => `author.stage.${stage}`;
export const stageHelpKey = (stage: SubmissionStage) => `author.stage-help.${stage}`;
export const genreKey = (genre: string) => `author.genre.${genre}`;

/** The stages whose discussions the author may read (they start in copyediting). */
export const DISCUSSION_STAGES: readonly SubmissionStage[] = [
  'copyediting',
  'production',
  'scheduled',
  'published',
];
/** Discussions are written in while the article is being prepared (production's rule). */
const WRITABLE_DISCUSSION_STAGES: readonly SubmissionStage[] = [
  'copyediting',
  'production',
  'scheduled',
];
/** Stages the author may withdraw from (the transition table's `withdraw`). */
const WITHDRAWABLE: readonly SubmissionStage[] = ['submitted', 'review'];

/** What the author must do next, if anything: the most pressing first. */
export type NextStep =
  | { kind: 'revise'; key: string; dueAt: Date | null; overdue: boolean; anchor: string }
  | { kind: 'proof'; key: string; anchor: string }
  | { kind: 'reply'; key: string; count: number; anchor: string }
  | { kind: 'finish-draft'; key: string; missing: number }
  | { kind: 'wait'; key: string };

/** A discussion as the next step and the dashboard count it. */
export interface DiscussionState {
  messages: number;
  /** Messages others wrote since the author last opened the discussions. */
  unread: number;
  lastMessageAt: Date | null;
  /** Open discussions whose last message is someone else's. */
  awaitingReply: number;
}

export function nextStep(input: {
  stage: SubmissionStage;
  missing: number;
  revisions: { dueAt: Date | null } | null;
  proofToAnswer: boolean;
  discussions: DiscussionState | null;
  now: Date;
}): NextStep {
  const { stage, revisions, now } = input;
  if (stage === 'draft')
    return { kind: 'finish-draft', key: 'author.next.finish-draft', missing: input.missing };
  if (revisions)
    return {
      kind: 'revise',
      key: revisions.dueAt ? 'author.next.revise-by' : 'author.next.revise',
      dueAt: revisions.dueAt,
      overdue: !!revisions.dueAt && revisions.dueAt.getTime() < now.getTime(),
      anchor: 'revision',
    };
  if (input.proofToAnswer) return { kind: 'proof', key: 'author.next.proof', anchor: 'proofs' };
  if (input.discussions?.awaitingReply)
    return {
      kind: 'reply',
      key: 'author.next.reply',
      count: input.discussions.awaitingReply,
      anchor: 'discussions',
    };
  return { kind: 'wait', key: stageHelpKey(stage) };
}

/** The title in the manuscript's own language (else any), as a one-language text. */
export function ownTitle(
  metadata: readonly { locale: Locale; title: string }[],
  locale: Locale,
): LocalizedText | null {
  const entry =
    metadata.find((each) => each.locale === locale && each.title) ??
    metadata.find((each) => each.title);
  return entry ? { [entry.locale]: entry.title } : null;
}

/** Discussions counted for the dashboard and the next step. */
export function discussionState(
  discussions: readonly Pick<
    DiscussionSummary,
    'closedAt' | 'messages' | 'lastMessageAt' | 'lastWriterId' | 'unread'
  >[],
  authorId: string,
): DiscussionState {
  let messages = 0;
  let unread = 0;
  let lastMessageAt: Date | null = null;
  let awaitingReply = 0;
  for (const discussion of discussions) {
    messages += discussion.messages;
    unread += discussion.unread;
    const last = discussion.lastMessageAt;
    if (last && (!lastMessageAt || last > lastMessageAt)) lastMessageAt = last;
    if (!discussion.closedAt && discussion.lastWriterId && discussion.lastWriterId !== authorId)
      awaitingReply += 1;
  }
  return { messages, unread, lastMessageAt, awaitingReply };
}

/** What the anonymisation pipeline did to a file, as the author reads it. */
export interface ReportView {
  /** Counts by kind of what was removed from the copy reviewers receive. */
  removed: { key: string; count: number }[];
  /** The technical list of what was removed, for whoever wants it. */
  details: string[];
  /** The author's name left in the copy: where, and the text around it. */
  names: {
    who: string;
    excerpt: string;
    page?: number;
    paragraph?: number;
    line?: number;
    part: string | null;
  }[];
  /** Some text could not be searched for names. */
  unchecked: boolean;
  /** The file could not be cleaned (the pipeline's English sentence): held from reviewers. */
  heldReason: string | null;
}

export function reportView(stored: StoredAnonymisation | null): ReportView | null {
  if (!stored) return null;
  const summary: Partial<Record<(typeof REMOVAL_KINDS)[number], number>> = stored.summary ?? {};
  return {
    removed: REMOVAL_KINDS.filter((kind) => (summary[kind] ?? 0) > 0).map((kind) => ({
      key: `author.report.removed.${kind}`,
      count: summary[kind] ?? 0,
    })),
    details: stored.removed ?? [],
    names: (stored.nameWarnings ?? []).map((warning) => ({
      who: warning.name,
      excerpt: warning.excerpt,
      page: warning.page,
      paragraph: warning.paragraph,
      line: warning.line,
      part: warning.location === 'body' ? null : warning.location,
    })),
    unchecked: stored.bodyTextChecked === false,
    heldReason: stored.heldReason ?? null,
  };
}

type SubmissionFile = SubmissionView['files'][number];

/** A size as the pages say it: in kilobytes, at least 1. */
export const kilobytes = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** A file as the author's page lists it. */
export interface FileView {
  id: string;
  genreKey: string;
  fileName: string;
  kilobytes: number;
  mediaType: string;
  createdAt: Date;
  report: ReportView | null;
}

export const fileView = (file: SubmissionFile): FileView => ({
  id: file.id,
  genreKey: genreKey(file.genre),
  fileName: file.originalName,
  kilobytes: kilobytes(file.size),
  mediaType: file.mediaType,
  createdAt: file.createdAt,
  report: reportView(file.anonymisation),
});

/** The files by version, newest version first (the revision being prepared apart). */
export function filesByVersion(
  files: readonly SubmissionFile[],
  currentVersion: number,
): { version: number; current: boolean; files: FileView[] }[] {
  const versions = [...new Set(files.map((file) => file.version))]
    .filter((version) => version <= currentVersion)
    .sort((a, b) => b - a);
  return versions.map((version) => ({
    version,
    current: version === currentVersion,
    files: files.filter((file) => file.version === version).map(fileView),
  }));
}

/** One line of the author-visible history. */
export interface HistoryLine {
  at: Date;
  key: string;
  values: Record<string, string | number>;
  email: boolean;
}

/** The kinds an author sees (submission-event.ts), each with its words. */
const EVENT_KEYS: Partial<Record<SubmissionEventKind, string>> = {
  created: 'author.history.created',
  copyright_agreed: 'author.history.copyright-agreed',
  submitted: 'author.history.submitted',
  withdrawn: 'author.history.withdrawn',
  revision_submitted: 'author.history.revision-submitted',
  discussion_started: 'author.history.discussion-started',
  discussion_closed: 'author.history.discussion-closed',
  correction_published: 'author.history.correction-published',
  notice_erratum: 'author.history.notice-erratum',
  notice_expression_of_concern: 'author.history.notice-expression-of-concern',
  notice_retraction: 'author.history.notice-retraction',
  published: 'author.history.published',
};
/** A kind the author may see that has no words of its own yet. */
const OTHER_EVENT = 'author.history.other';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function historyLine(entry: HistoryEntry): HistoryLine {
  if (entry.type === 'email')
    return {
      at: entry.at,
      key: 'author.history.email',
      values: { subject: entry.subject ?? '' },
      email: true,
    };
  const { data } = entry;
  const line = (key: string, values: Record<string, string | number> = {}): HistoryLine => ({
    at: entry.at,
    key,
    values,
    email: false,
  });
  switch (entry.kind) {
    case 'file_uploaded':
      // The author's own uploads say so; files shared by the journal's staff in a discussion.
      return line(entry.actor ? 'author.history.file-uploaded' : 'author.history.file-shared', {
        file: text(data.originalName),
      });
    case 'file_removed':
      return line('author.history.file-removed', { file: text(data.originalName) });
    case 'decision':
      return line(
        (DECISION_KINDS as readonly string[]).includes(text(data.decision))
          ? `author.history.decision.${text(data.decision)}`
          : OTHER_EVENT,
      );
    case 'submitted':
      return line(EVENT_KEYS.submitted!, { reference: text(data.number) });
    case 'withdrawn':
      return line(EVENT_KEYS.withdrawn!, { reason: text(data.reason) });
    case 'revision_submitted':
      return line(EVENT_KEYS.revision_submitted!, { version: Number(data.version) });
    case 'discussion_started':
      return line(EVENT_KEYS.discussion_started!, { subject: text(data.subject) });
    default:
      return line(EVENT_KEYS[entry.kind as SubmissionEventKind] ?? OTHER_EVENT);
  }
}

/** A decision with its letter and the reviews shared, as the author reads it. */
export interface DecisionView {
  id: string;
  key: string;
  decidedAt: Date;
  round: number | null;
  revisionsDueAt: Date | null;
  letter: { subject: string; body: string | null } | null;
  reviews: {
    label: string;
    comments: string;
    answers: { question: string; answer: string | null; yes: boolean | null }[];
    files: { id: string; fileName: string }[];
  }[];
  attachments: { id: string; fileName: string; kilobytes: number }[];
}

/** The decisions that said something to the author (a letter, reviews), newest first. */
export function decisionViews(decisions: DecisionsForAuthor['decisions']): DecisionView[] {
  return decisions
    .filter((decision) => decision.letter || decision.reviews.length)
    .map((decision) => ({
      id: decision.id,
      key: `author.decision.${decision.decision}`,
      decidedAt: decision.decidedAt,
      round: decision.round,
      revisionsDueAt: decision.revisionsDueAt,
      letter: decision.letter,
      reviews: decision.reviews.map((review) => ({
        label: review.label,
        comments: review.comments,
        answers: review.answers.map(({ question, answer }) => ({
          question,
          answer: typeof answer === 'boolean' ? null : String(answer),
          yes: typeof answer === 'boolean' ? answer : null,
        })),
        files: review.files.map(({ id, name }) => ({ id, fileName: name })),
      })),
      attachments: decision.attachments.map(({ id, name, size }) => ({
        id,
        fileName: name,
        kilobytes: kilobytes(size),
      })),
    }))
    .reverse();
}

/** A proof, and what this author answered. */
export interface ProofItem {
  id: string;
  pages: number | null;
  createdAt: Date;
  answer: { approved: boolean; at: Date; discussionId: string | null } | null;
  /** What the answer forms carry as their double-send guard (see proofAnswerState). */
  seen: string;
}

export function proofItems(proofs: readonly ProofView[], authorId: string): ProofItem[] {
  return proofs.map(({ run, responses }) => {
    const mine = responses.find((response) => response.userId === authorId);
    return {
      id: run.id,
      pages: run.pages,
      createdAt: run.createdAt,
      answer: mine
        ? {
            approved: mine.response === 'approved',
            at: mine.createdAt,
            discussionId: mine.discussionId,
          }
        : null,
      seen: mine?.createdAt.toISOString() ?? 'none',
    };
  });
}

export const canWithdraw = (stage: SubmissionStage) => WITHDRAWABLE.includes(stage);
export const canWriteDiscussions = (stage: SubmissionStage) =>
  WRITABLE_DISCUSSION_STAGES.includes(stage);

/** Every catalog key the code above computes (author-view.spec.ts checks each catalog has it). */
export const COMPUTED_KEYS: readonly string[] = [
  ...SUBMISSION_STAGES.flatMap((stage) => [stageKey(stage), stageHelpKey(stage)]),
  ...[...FILE_GENRES, ...STAGE_FILE_GENRES].map(genreKey),
  ...REMOVAL_KINDS.map((kind) => `author.report.removed.${kind}`),
  ...DECISION_KINDS.flatMap((kind) => [
    `author.decision.${kind}`,
    `author.history.decision.${kind}`,
  ]),
  ...Object.values(EVENT_KEYS),
  OTHER_EVENT,
  'author.history.email',
  'author.history.file-uploaded',
  'author.history.file-removed',
  'author.history.file-shared',
  'author.next.finish-draft',
  'author.next.revise',
  'author.next.revise-by',
  'author.next.proof',
  'author.next.reply',
  ...['revision', 'proofs', 'discussions'].map((anchor) => `author.next.go.${anchor}`),
];
