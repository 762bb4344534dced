import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { type FileDownload, fileDownload } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person } from '../editorial/people';
import type { Actor } from '../editorial/request-context';
import type { DecisionKind } from '../editorial/stages/stage-transitions';
import { ReviewRoundProgress, type RevisionKind } from '../reviews';
import { FileStorage } from '../storage/file-storage';
import { SubmissionChanges } from '../submissions';
import { DecisionAttachmentsRepository } from './decision-attachments.repository';
import { DecisionFactsRepository } from './decision-facts.repository';
import { DecisionLetters, type SharedReview } from './decision-letters.service';
import { DecisionRoundsRepository } from './decision-rounds.repository';
import {
  DecisionSubmissionsRepository,
  type SubmissionRow,
} from './decision-submissions.repository';
import { decisionsProblems } from './decisions.problems';
import { DecisionsMailer } from './decisions-mailer';
import { DecisionsRepository } from './decisions.repository';
import { SharedReviewsRepository } from './shared-reviews.repository';

/** A decision as its author reads it: the letter, the reviews shared, the files attached. */
interface DecisionForAuthor {
  id: string;
  decision: DecisionKind;
  decidedAt: Date;
  round: number | null;
  revisionsDueAt: Date | null;
  letter: { subject: string; body: string | null } | null;
  reviews: Omit<SharedReview, 'assignmentId'>[];
  attachments: { id: string; name: string; mediaType: string; size: number }[];
}

export interface DecisionsForAuthor {
  decisions: DecisionForAuthor[];
  /** What the current round asks of the author, while it does. */
  revisionsRequested: { round: number; kind: RevisionKind | null; dueAt: Date | null } | null;
}

const notYours = () => httpProblems.raise('not-found', 'There is no such submission of yours');

/**
 * The author's side of decisions: the letters received, with the reviews shared (labelled,
 * never named), the reviewers' shared files (anonymised copies), the files the editor attached
 * to the letters, and sending a revision.
 */
@Injectable()
export class AuthorDecisionsService {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly attachments: DecisionAttachmentsRepository,
    private readonly submissions: DecisionSubmissionsRepository,
    private readonly rounds: DecisionRoundsRepository,
    private readonly reviews: SharedReviewsRepository,
    private readonly facts: DecisionFactsRepository,
    private readonly letters: DecisionLetters,
    private readonly mailer: DecisionsMailer,
    private readonly events: SubmissionEvents,
    private readonly audit: AuditLog,
    private readonly storage: FileStorage,
    private readonly roundProgress: ReviewRoundProgress,
    private readonly changes: SubmissionChanges,
  ) {}

  private async own(user: Person, submissionId: string, lock = false): Promise<SubmissionRow> {
    const submission = await this.submissions.ofSubmitter(submissionId, user.id, lock);
    if (!submission) throw notYours();
    return submission;
  }

  /** Every decision with a letter, oldest first, with the reviews it shared. */
  async list(user: Person, submissionId: string): Promise<DecisionsForAuthor> {
    await this.own(user, submissionId);
    const locale = user.preferredLocale;
    const decisions = await this.decisions.ofSubmission(submissionId);
    const rounds = await this.rounds.ofSubmission(submissionId);
    const attachments = await this.attachments.ofDecisions(decisions.map(({ id }) => id));
    const result: DecisionForAuthor[] = [];
    for (const decision of decisions) {
      const round = rounds.find((candidate) => candidate.id === decision.roundId);
      const reviews =
        round && decision.sharedAssignmentIds.length
          ? (await this.letters.completed(round.id, locale))
              .filter((review) => decision.sharedAssignmentIds.includes(review.assignmentId))
              .map(({ label, comments, answers, files }) => ({
                label,
                comments,
                answers,
                files: files.filter((file) => decision.sharedReviewFileIds.includes(file.id)),
              }))
          : [];
      result.push({
        id: decision.id,
        decision: decision.kind,
        decidedAt: decision.createdAt,
        round: round?.number ?? null,
        revisionsDueAt: decision.revisionsDueAt,
        letter: decision.letterSubject
          ? { subject: decision.letterSubject, body: decision.letterBody }
          : null,
        reviews,
        attachments: attachments
          .filter((attachment) => attachment.decisionId === decision.id)
          .map(({ id, originalName, mediaType, size }) => ({
            id,
            name: originalName,
            mediaType,
            size,
          })),
      });
    }
    // Newest first: the current round.
    const [current] = rounds;
    return {
      decisions: result,
      revisionsRequested:
        current?.status === 'revisions_requested'
          ? { round: current.number, kind: current.revisionKind, dueAt: current.revisionsDueAt }
          : null,
    };
  }

  /** A reviewer's file shared with a decision: the anonymised copy, neutrally named. */
  async reviewFile(user: Person, submissionId: string, fileId: string): Promise<FileDownload> {
    await this.own(user, submissionId);
    const shared = await this.decisions.sharing(submissionId, fileId);
    if (!shared) throw httpProblems.raise('not-found', 'There is no such shared file');
    const file = await this.reviews.file(fileId);
    // The same neutral name the author saw in the decision's list of reviews.
    const round = await this.rounds.byId(shared.roundId!);
    const name =
      (await this.letters.completed(round.id, user.preferredLocale))
        .flatMap((review) => review.files)
        .find((candidate) => candidate.id === fileId)?.name ?? 'review-file';
    return fileDownload(await this.storage.get(file.anonymisedKey), {
      mediaType: file.mediaType,
      fileName: name,
    });
  }

  /** A file the editor attached to a decision letter sent to this author (never an unsent one). */
  async attachment(
    user: Person,
    submissionId: string,
    attachmentId: string,
  ): Promise<FileDownload> {
    await this.own(user, submissionId);
    const attachment = await this.attachments.sentWithLetter(submissionId, attachmentId);
    if (!attachment)
      throw httpProblems.raise('not-found', 'There is no such attachment to a letter');
    return fileDownload(await this.storage.get(attachment.storageKey), {
      mediaType: attachment.mediaType,
      fileName: attachment.originalName,
    });
  }

  /**
   * Sends the revised version asked for: the files uploaded since become the current version,
   * the response goes with them, and the editors are told. After a "resubmit for review"
   * decision the revised version opens the next review round.
   */
  @Transactional()
  async submitRevision(
    user: Person,
    submissionId: string,
    response: string,
    actor: Actor,
  ): Promise<{ version: number; round: number }> {
    const submission = await this.own(user, submissionId, true);
    const round = await this.rounds.current(submissionId);
    if (submission.stage !== 'review' || round?.status !== 'revisions_requested')
      throw decisionsProblems.raise('no-revisions-requested', 'No revisions have been asked for');
    const version = submission.currentVersion + 1;
    if (!(await this.submissions.hasManuscript(submissionId, version)))
      throw decisionsProblems.raise(
        'revision-incomplete',
        'Upload the revised manuscript before sending the revision',
      );
    const now = new Date();
    const newRound = round.revisionKind === 'new_round';
    await this.changes.newVersion(submissionId, version);
    await this.roundProgress.revisionReceived(round.id, response.trim(), now, newRound);
    if (newRound) await this.roundProgress.open(submissionId, round.number + 1, version);
    await this.events.record(submissionId, actor, {
      kind: 'revision_submitted',
      data: { version, round: round.number },
    });
    await this.audit.write({
      actor,
      journalId: submission.journalId,
      objectType: 'submission',
      objectId: submissionId,
      action: 'submission.revised',
      after: { version, round: round.number },
    });
    await this.mailer.revised(await this.facts.facts(submissionId), round.number, now);
    return { version, round: newRound ? round.number + 1 : round.number };
  }
}
