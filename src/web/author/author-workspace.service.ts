import { Injectable } from '@nestjs/common';
import type { Locale, LocalizedText } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import type { Person } from '../../editorial/people';
import type { SubmissionStage } from '../../editorial/stages/stage-transitions';
import { AuthorDecisionsService } from '../../decisions';
import { type Journal, JournalsLookup } from '../../journals';
import {
  type DiscussionSummary,
  DiscussionsService,
  type DiscussionThread,
} from '../../production';
import {
  FILE_GENRES,
  type Submission,
  SubmissionHistory,
  SubmissionsService,
  type SubmissionView,
} from '../../submissions';
import { Proofs } from '../../typesetting';
import { blankForm, type FormView } from '../foundation/forms';
import {
  canWithdraw,
  canWriteDiscussions,
  decisionViews,
  DISCUSSION_STAGES,
  discussionState,
  type DiscussionState,
  fileView,
  filesByVersion,
  genreKey,
  historyLine,
  kilobytes,
  type NextStep,
  nextStep,
  ownTitle,
  proofItems,
  stageKey,
} from './author-view';

/** The journal as the workspace's pages show it (masthead, links). */
export interface JournalView {
  id: string;
  slug: string;
  titles: LocalizedText;
  primaryLocale: Locale;
}

/** One submission on the author's list. */
export interface SubmissionSummary {
  id: string;
  reference: string | null;
  stage: SubmissionStage;
  stageKey: string;
  title: LocalizedText | null;
  draft: boolean;
  next: NextStep;
  createdAt: Date;
  submittedAt: Date | null;
  discussions: DiscussionState | null;
}

/** A form of the submission's page sent back with what was wrong with it. */
export type RefusedForm =
  | { form: 'revision' | 'revision-file' | 'proof' | 'start-discussion'; view: FormView }
  | { form: 'message' | 'discussion-file'; discussionId: string; view: FormView };

/** A form of the page: its values and messages, and the prefix of its fields' ids. */
interface PageForm {
  view: FormView;
  ids: string;
}

/** What the stages after acceptance say of proofs: they exist from production on. */
const PROOF_STAGES: readonly SubmissionStage[] = ['production', 'scheduled', 'published'];
const notHere = () => httpProblems.raise('not-found', 'There is no such submission of yours');

/**
 * The author's workspace in one journal: their submissions with what each asks of them, and a
 * submission's page (its stage and history, files, decision letters with the reviews shared,
 * the revision, proofs, discussions). Reads through the same services as the author's API,
 * whose checks (the submitter's own, nothing else) apply as they are.
 */
@Injectable()
export class AuthorWorkspace {
  constructor(
    private readonly journals: JournalsLookup,
    private readonly submissions: SubmissionsService,
    private readonly history: SubmissionHistory,
    private readonly decisions: AuthorDecisionsService,
    private readonly discussions: DiscussionsService,
    private readonly proofs: Proofs,
  ) {}

  async journal(slug: string): Promise<JournalView> {
    return journalView(await this.journals.bySlug(slug));
  }

  /** The submission if `person` submitted it to this journal; 404 otherwise (not revealed). */
  async own(slug: string, id: string, person: Person): Promise<Submission> {
    const submission = await this.submissions.forSubmitter(id, person);
    if (submission.journal?.slug !== slug) throw notHere();
    return submission;
  }

  /** "My submissions" in the journal, newest first, each with what it asks of the author. */
  async dashboard(
    slug: string,
    person: Person,
  ): Promise<{ journal: JournalView; submissions: SubmissionSummary[] }> {
    const journal = await this.journal(slug);
    const mine = await this.submissions.mineInJournal(person, journal.id);
    const now = new Date();
    // Only the stages that ask something of the author are read further (a few submissions).
    const submissions = await Promise.all(
      mine.map(async ({ submission, metadata, missing }): Promise<SubmissionSummary> => {
        const [revisions, proofs, discussionList] = await Promise.all([
          this.revisions(submission.stage, person, submission.id),
          this.proofList(submission.stage, person, submission.id),
          this.discussionList(submission.stage, person, submission.id),
        ]);
        const discussions = discussionList ? discussionState(discussionList, person.id) : null;
        return {
          id: submission.id,
          reference: submission.number ?? null,
          stage: submission.stage,
          stageKey: stageKey(submission.stage),
          title: ownTitle(metadata, submission.locale),
          draft: submission.stage === 'draft',
          next: nextStep({
            stage: submission.stage,
            missing,
            revisions,
            proofToAnswer: toAnswer(submission.stage, proofs, person.id),
            discussions,
            now,
          }),
          createdAt: submission.createdAt,
          submittedAt: submission.submittedAt ?? null,
          discussions,
        };
      }),
    );
    return { journal, submissions };
  }

  /** The submission's page; `refused`: a form shown again with what was wrong with it. */
  async submissionPage(
    slug: string,
    id: string,
    person: Person,
    locale: Locale,
    refused?: RefusedForm,
  ) {
    const journal = await this.journal(slug);
    await this.own(slug, id, person);
    const view = await this.submissions.view(id, person);
    const { submission } = view;
    // The reviews' labels and their files' names in the page's language.
    const reader = { ...person, preferredLocale: locale };
    const [history, decided, proofs, threads] = await Promise.all([
      this.history.forAuthor(id, person),
      this.decisions.list(reader, id),
      this.proofList(submission.stage, person, id),
      this.threads(submission.stage, person, id),
    ]);
    // Several forms share field names: only the refused one keeps the plain ids its summary
    // links to; the others' ids are prefixed.
    const formOf = (form: RefusedForm['form'], discussionId?: string): PageForm => {
      const isRefused =
        refused?.form === form &&
        (!('discussionId' in refused) || refused.discussionId === discussionId);
      return isRefused
        ? { view: refused.view, ids: '' }
        : { view: blankForm(), ids: `${form}${discussionId ? `-${discussionId}` : ''}-` };
    };
    const revisions = decided.revisionsRequested;
    const next = nextStep({
      stage: submission.stage,
      missing: view.tasks.length,
      revisions,
      proofToAnswer: toAnswer(submission.stage, proofs, person.id),
      discussions: threads
        ? discussionState(
            threads.map(({ summary }) => summary),
            person.id,
          )
        : null,
      now: new Date(),
    });
    const nextVersion = submission.currentVersion + 1;
    const revisionFiles = revisions
      ? view.files.filter((file) => file.version === nextVersion).map(fileView)
      : [];
    const proofList = proofs ? proofItems(proofs, person.id) : [];
    const writable = canWriteDiscussions(submission.stage);
    return {
      journal,
      submission: {
        id,
        reference: submission.number ?? null,
        stage: submission.stage,
        stageKey: stageKey(submission.stage),
        locale: submission.locale,
        submittedAt: submission.submittedAt ?? null,
        withdrawnAt: submission.withdrawnAt ?? null,
        withdrawalReason: submission.withdrawalReason ?? null,
        currentVersion: submission.currentVersion,
        title: ownTitle(view.metadata, submission.locale),
        withdrawable: canWithdraw(submission.stage),
      },
      next,
      metadata: metadataView(view),
      contributors: view.contributors.map((contributor) => ({
        names: contributor.names,
        affiliation: contributor.affiliation ?? null,
        corresponding: contributor.corresponding,
      })),
      versions: filesByVersion(view.files, submission.currentVersion),
      history: history.map(historyLine).reverse(),
      decisions: decisionViews(decided.decisions),
      revision: revisions
        ? {
            dueAt: revisions.dueAt,
            overdue: next.kind === 'revise' && next.overdue,
            version: nextVersion,
            files: revisionFiles,
            hasManuscript: view.files.some(
              (file) => file.version === nextVersion && file.genre === 'manuscript',
            ),
            // The revised manuscript is the upload's first button; the other kinds follow.
            otherGenres: FILE_GENRES.filter((genre) => genre !== 'manuscript').map((genre) => ({
              genre,
              key: genreKey(genre),
            })),
            form: formOf('revision'),
            fileForm: formOf('revision-file'),
          }
        : null,
      proofs: proofs
        ? {
            latest: proofList[0] ?? null,
            earlier: proofList.slice(1),
            answerable: submission.stage === 'production',
            form: formOf('proof'),
          }
        : null,
      discussions: threads
        ? {
            writable,
            stages: DISCUSSION_START_STAGES.filter((stage) => reached(submission.stage, stage)).map(
              (stage) => ({ stage, key: stageKey(stage) }),
            ),
            startForm: formOf('start-discussion'),
            list: threads.map(({ summary, thread }) => ({
              id: thread.id,
              unread: summary.unread,
              stageKey: stageKey(thread.stage),
              subject: thread.subject,
              createdAt: thread.createdAt,
              closedAt: thread.closedAt,
              open: writable && !thread.closedAt,
              closable: writable && !thread.closedAt && thread.createdById === person.id,
              count: thread.messages.length,
              messages: markNew(thread.messages, summary.unread, person.id).map((message) => ({
                id: message.id,
                names: message.author.names,
                mine: message.author.id === person.id,
                isNew: message.isNew,
                body: message.body,
                file: message.file
                  ? {
                      id: message.file.id,
                      fileName: message.file.originalName,
                      kilobytes: kilobytes(message.file.size),
                    }
                  : null,
                createdAt: message.createdAt,
              })),
              form: formOf('message', thread.id),
              fileForm: formOf('discussion-file', thread.id),
            })),
          }
        : null,
    };
  }

  /** The number of messages of a discussion of the author's (a form's double-send guard). */
  async messageCount(person: Person, id: string, discussionId: string): Promise<number> {
    return (await this.discussions.view(person, id, discussionId)).messages.length;
  }

  /** How many discussions the author reads on the submission (the same guard). */
  async discussionCount(person: Person, id: string): Promise<number> {
    return (await this.discussions.list(person, id)).discussions.length;
  }

  /** What the author last answered to a proof: an ISO time, or 'none' (the same guard). */
  async proofAnswerState(person: Person, id: string, runId: string): Promise<string> {
    const proof = proofItems(await this.proofs.mine(person, id), person.id).find(
      (item) => item.id === runId,
    );
    return proof?.seen ?? 'none';
  }

  /** How many files the revision being prepared holds (the same guard, for uploads). */
  async revisionFileCount(person: Person, id: string): Promise<number> {
    const view = await this.submissions.view(id, person);
    return view.files.filter((file) => file.version === view.submission.currentVersion + 1).length;
  }

  private async revisions(stage: SubmissionStage, person: Person, id: string) {
    if (stage !== 'review') return null;
    return (await this.decisions.list(person, id)).revisionsRequested;
  }

  private async proofList(stage: SubmissionStage, person: Person, id: string) {
    return PROOF_STAGES.includes(stage) ? this.proofs.mine(person, id) : null;
  }

  /** The discussions the author takes part in, with their counts (nothing is marked read). */
  private async discussionList(
    stage: SubmissionStage,
    person: Person,
    id: string,
  ): Promise<DiscussionSummary[] | null> {
    if (!DISCUSSION_STAGES.includes(stage)) return null;
    return (await this.discussions.list(person, id)).discussions;
  }

  /**
   * The discussions with their messages in order, as the submission's page shows them: the
   * counts are taken first, since reading a discussion marks its messages read.
   */
  private async threads(
    stage: SubmissionStage,
    person: Person,
    id: string,
  ): Promise<{ summary: DiscussionSummary; thread: DiscussionThread }[] | null> {
    const list = await this.discussionList(stage, person, id);
    if (!list) return null;
    return Promise.all(
      list.map(async (summary) => ({
        summary,
        thread: await this.discussions.view(person, id, summary.id),
      })),
    );
  }
}

/** The stages whose discussions the author may start, once the submission has reached them. */
const DISCUSSION_START_STAGES = ['copyediting', 'production'] as const;

const reached = (current: SubmissionStage, stage: SubmissionStage) => {
  const order: readonly SubmissionStage[] = ['copyediting', 'production', 'scheduled'];
  const at = order.indexOf(current);
  return at >= 0 && at >= order.indexOf(stage);
};

/** The messages, the last `unread` of those others wrote marked new (unread until this page). */
function markNew<T extends { author: { id: string } }>(
  messages: readonly T[],
  unread: number,
  readerId: string,
): (T & { isNew: boolean })[] {
  let left = unread;
  return messages
    .toReversed()
    .map((message) => {
      const isNew = left > 0 && message.author.id !== readerId;
      if (isNew) left -= 1;
      return { ...message, isNew };
    })
    .reverse();
}

/** Whether the newest proof waits for this author's answer (while answers are taken). */
function toAnswer(
  stage: SubmissionStage,
  proofs: Awaited<ReturnType<Proofs['mine']>> | null,
  authorId: string,
): boolean {
  if (stage !== 'production' || !proofs?.length) return false;
  return !proofs[0].responses.some((response) => response.userId === authorId);
}

const journalView = (journal: Journal): JournalView => ({
  id: journal.id,
  slug: journal.slug,
  titles: journal.titles,
  primaryLocale: journal.primaryLocale,
});

/** The metadata in each language it was given in, the manuscript's own first. */
function metadataView(view: SubmissionView) {
  const own = view.submission.locale;
  return [...view.metadata]
    .sort((a, b) => Number(b.locale === own) - Number(a.locale === own))
    .map((entry) => ({
      locale: entry.locale,
      title: { [entry.locale]: entry.title },
      subtitle: entry.subtitle ? { [entry.locale]: entry.subtitle } : null,
      abstract: entry.abstract ? { [entry.locale]: entry.abstract } : null,
      keywords: entry.keywords.length ? { [entry.locale]: entry.keywords.join(' · ') } : null,
    }));
}
