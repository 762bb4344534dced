import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import type { User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import { NotificationService } from '../notifications/notification.service';
import { ReviewFile } from '../reviews/entities/review-file.entity';
import { ReviewRound } from '../reviews/entities/review-round.entity';
import { ReviewMailer } from '../reviews/review-mailer';
import { problem } from '../reviews/review-problems';
import { day, loadSubmissionFacts, recipientOf } from '../reviews/submission-facts';
import { SubmissionEvent } from '../submissions/entities/submission-event.entity';
import { SubmissionFile } from '../submissions/entities/submission-file.entity';
import { Submission } from '../submissions/entities/submission.entity';
import { sendSubmissionFile } from '../submissions/file-download';
import { FileStorage } from '../storage/file-storage';
import { DecisionAttachment } from './decision-attachment.entity';
import { Decision } from './decision.entity';
import { DecisionsService } from './decisions.service';

const notYours = () => problem(404, 'not-found', 'There is no such submission of yours');

/**
 * The author's side of decisions: the letters received, with the reviews shared (labelled,
 * never named), the reviewers' shared files (anonymised copies), the files the editor attached
 * to the letters, and sending a revision.
 */
@Injectable()
export class AuthorDecisionsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly decisions: DecisionsService,
    private readonly notifications: NotificationService,
    private readonly mailer: ReviewMailer,
    private readonly storage: FileStorage,
    private readonly audit: AuditLog,
  ) {}

  private async own(user: User, submissionId: string): Promise<Submission> {
    const submission = await this.dataSource.manager.findOneBy(Submission, {
      id: submissionId,
      submitterId: user.id,
    });
    if (!submission) throw notYours();
    return submission;
  }

  /** Every decision with a letter, oldest first, with the reviews it shared. */
  async list(user: User, submissionId: string) {
    await this.own(user, submissionId);
    const manager = this.dataSource.manager;
    const locale = user.preferredLocale;
    const decisions = await manager.find(Decision, {
      where: { submissionId },
      order: { createdAt: 'ASC' },
    });
    const rounds = await manager.findBy(ReviewRound, { submissionId });
    const attachments = decisions.length
      ? await manager.find(DecisionAttachment, {
          where: { decisionId: In(decisions.map((decision) => decision.id)) },
          order: { createdAt: 'ASC' },
        })
      : [];
    const result = [];
    for (const decision of decisions) {
      const round = rounds.find((candidate) => candidate.id === decision.roundId);
      const reviews =
        round && decision.sharedAssignmentIds.length
          ? (await this.decisions.completedReviews(manager, round, locale))
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
    const current = rounds.sort((a, b) => b.number - a.number)[0];
    return {
      decisions: result,
      revisionsRequested:
        current?.status === 'revisions_requested'
          ? { round: current.number, kind: current.revisionKind, dueAt: current.revisionsDueAt }
          : null,
    };
  }

  /** A reviewer's file shared with a decision: the anonymised copy, neutrally named. */
  async sendReviewFile(user: User, submissionId: string, fileId: string, response: Response) {
    await this.own(user, submissionId);
    const manager = this.dataSource.manager;
    const shared = await manager
      .createQueryBuilder(Decision, 'd')
      .where('d.submission_id = :submissionId AND :fileId = ANY(d.shared_review_file_ids)', {
        submissionId,
        fileId,
      })
      .getOne();
    if (!shared) throw problem(404, 'not-found', 'There is no such shared file');
    const file = await manager.findOneByOrFail(ReviewFile, { id: fileId });
    // The same neutral name the author saw in the decision's list of reviews.
    const round = await manager.findOneByOrFail(ReviewRound, { id: shared.roundId! });
    const locale = user.preferredLocale;
    const name =
      (await this.decisions.completedReviews(manager, round, locale))
        .flatMap((review) => review.files)
        .find((candidate) => candidate.id === fileId)?.name ?? 'review-file';
    await sendSubmissionFile(
      response,
      this.storage,
      { originalName: name, mediaType: file.mediaType },
      file.anonymisedKey,
    );
  }

  /** A file the editor attached to a decision letter sent to this author (never an unsent one). */
  async sendAttachment(
    user: User,
    submissionId: string,
    attachmentId: string,
    response: Response,
  ): Promise<void> {
    await this.own(user, submissionId);
    const attachment = await this.dataSource.manager
      .createQueryBuilder(DecisionAttachment, 'attachment')
      .innerJoin(Decision, 'decision', 'decision.id = attachment.decision_id')
      .where('attachment.id = :attachmentId AND attachment.submission_id = :submissionId', {
        attachmentId,
        submissionId,
      })
      .andWhere('decision.letter_subject IS NOT NULL')
      .getOne();
    if (!attachment) throw problem(404, 'not-found', 'There is no such attachment to a letter');
    await sendSubmissionFile(response, this.storage, attachment, attachment.storageKey);
  }

  /**
   * Sends the revised version asked for: the files uploaded since become the current version,
   * the response goes with them, and the editors are told. After a "resubmit for review"
   * decision the revised version opens the next review round.
   */
  async submitRevision(user: User, submissionId: string, response: string, actor: Actor) {
    return inTransaction(this.transactions, async (manager) => {
      const submission = await manager.findOne(Submission, {
        where: { id: submissionId, submitterId: user.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!submission) throw notYours();
      const round = await manager.findOne(ReviewRound, {
        where: { submissionId },
        order: { number: 'DESC' },
      });
      if (submission.stage !== 'review' || round?.status !== 'revisions_requested')
        throw problem(409, 'no-revisions-requested', 'No revisions have been asked for');
      const version = submission.currentVersion + 1;
      const hasManuscript = await manager.existsBy(SubmissionFile, {
        submissionId,
        genre: 'manuscript',
        version,
      });
      if (!hasManuscript)
        throw problem(
          422,
          'revision-incomplete',
          'Upload the revised manuscript before sending the revision',
        );
      const now = new Date();
      await manager.update(
        Submission,
        { id: submissionId },
        { currentVersion: version, lockVersion: submission.lockVersion + 1 },
      );
      await manager.update(
        ReviewRound,
        { id: round.id },
        round.revisionKind === 'new_round'
          ? { authorResponse: response.trim(), revisedAt: now, status: 'closed', closedAt: now }
          : { authorResponse: response.trim(), revisedAt: now, status: 'revisions_submitted' },
      );
      if (round.revisionKind === 'new_round')
        await manager.insert(ReviewRound, {
          submissionId,
          number: round.number + 1,
          fileVersion: version,
          status: 'in_review',
        });
      await manager.insert(SubmissionEvent, {
        submissionId,
        actorId: user.id,
        kind: 'revision_submitted',
        authorVisible: true,
        data: { version, round: round.number } as never,
      });
      await this.audit.record(manager, {
        actor,
        journalId: submission.journalId,
        objectType: 'submission',
        objectId: submissionId,
        action: 'submission.revised',
        after: { version, round: round.number },
      });
      const facts = await loadSubmissionFacts(manager, submissionId);
      for (const editor of await this.mailer.editorsOf(manager, facts)) {
        await this.notifications.queueEmail(manager, {
          template: 'submission-resubmitted',
          to: recipientOf(editor),
          journalId: submission.journalId,
          submissionId: submission.id,
          data: {
            submissionNumber: facts.number,
            title: facts.titleIn(editor.preferredLocale),
            round: round.number,
            resubmittedAt: day(now),
            workflowUrl: this.mailer.workflowUrl(facts),
          },
        });
      }
      return {
        version,
        round: round.revisionKind === 'new_round' ? round.number + 1 : round.number,
      };
    });
  }
}
