import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import type { User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import { ProblemException } from '../common/http/problem.exception';
import type { Journal } from '../journals/journal.entity';
import { ReviewAssignment } from '../reviews/entities/review-assignment.entity';
import { problem } from '../reviews/review-problems';
import { compileNames, findNames } from '../anonymisation/name-matcher';
import { contentInUse } from '../submissions/content-in-use';
import { EditorialListing } from '../submissions/editorial-listing.service';
import type { Viewer } from '../editorial/request-context';
import { FileIntake } from '../submissions/file-intake.service';
import type { StoredAnonymisation } from '../anonymisation/file-anonymiser';
import { ReviewCopies } from '../submissions/review-copies.service';
import { personNameVariants } from '../submissions/submissions.service';
import { DecisionAttachment } from './decision-attachment.entity';

/** An attachment as editors see it: everything but where its content is stored. */
export type AttachmentView = Omit<
  DecisionAttachment,
  'storageKey' | 'submission' | 'decision' | 'uploadedBy'
>;

export function attachmentView(attachment: DecisionAttachment): AttachmentView {
  const {
    storageKey: _key,
    submission: _submission,
    decision: _decision,
    uploadedBy: _uploader,
    ...view
  } = attachment;
  return view;
}

/**
 * Files an editor attaches to a decision letter. Uploaded before deciding, listed and removable
 * while unsent; the decision links them (DecisionsService.decide) and they are then part of the
 * record. Because an editor may attach a reviewer's file, documents are stored only as copies
 * with identifying properties stripped, checked against the names of everyone who was asked to
 * review the submission.
 */
@Injectable()
export class DecisionAttachmentsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listing: EditorialListing,
    private readonly intake: FileIntake,
    private readonly audit: AuditLog,
    private readonly copies: ReviewCopies,
  ) {}

  async upload(
    journal: Journal,
    viewer: Viewer,
    user: User,
    submissionId: string,
    request: Request,
    actor: Actor,
  ): Promise<AttachmentView> {
    // Checked before the upload, so nothing is stored for someone who may not attach it.
    await this.listing.handled(journal, viewer, submissionId);
    const received = await this.intake.receive(
      request,
      'letter_attachment',
      journal.maxUploadMb * 1024 * 1024,
      (key) => contentInUse(this.dataSource.manager, key),
    );
    const names = await this.reviewerNames(submissionId);
    const copy = await this.copies.make(received, names, 'refuse');
    if (copy.outcome !== 'cleaned') throw new Error('an uncleanable attachment was not refused');
    const fileNameWarnings = findNames(received.originalName, compileNames(names), 'file name');
    const anonymisation: StoredAnonymisation = {
      ...copy.report,
      nameWarnings: [...fileNameWarnings, ...(copy.report.nameWarnings ?? [])],
    };
    // Only the cleaned copy is kept; the original goes unless other rows share its bytes
    // (or the copy is byte for byte the original: nothing was there to strip).
    const { stored } = copy;
    if (stored.key !== received.key) await this.copies.discard(received.key);
    const attachment = await inTransaction(this.transactions, async (manager) => {
      const saved = await manager.save(
        manager.create(DecisionAttachment, {
          submissionId,
          decisionId: null,
          uploadedById: user.id,
          storageKey: stored.key,
          sha256: stored.sha256,
          size: stored.size,
          mediaType: received.mediaType,
          originalName: received.originalName,
          anonymisation,
        }),
      );
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'submission',
        objectId: submissionId,
        action: 'decision_attachment.uploaded',
        after: {
          attachmentId: saved.id,
          name: saved.originalName,
          stripped: anonymisation.removed,
        },
      });
      return saved;
    });
    return attachmentView(attachment);
  }

  /** The submission's attachments, oldest first: unsent ones have no decisionId. */
  async list(journal: Journal, viewer: Viewer, submissionId: string): Promise<AttachmentView[]> {
    await this.listing.handled(journal, viewer, submissionId);
    const attachments = await this.dataSource.manager.find(DecisionAttachment, {
      where: { submissionId },
      order: { createdAt: 'ASC' },
    });
    return attachments.map(attachmentView);
  }

  /** Removes an unsent attachment; a sent one is part of the record (409). */
  async remove(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    attachmentId: string,
    actor: Actor,
  ): Promise<void> {
    await this.listing.handled(journal, viewer, submissionId);
    await inTransaction(this.transactions, async (manager) => {
      // Locked: a decision sending it at the same moment either wins (409 here) or finds it gone.
      const attachment = await manager.findOne(DecisionAttachment, {
        where: { id: attachmentId, submissionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!attachment) throw problem(404, 'not-found', 'There is no such decision attachment');
      if (attachment.decisionId)
        throw problem(
          409,
          'attachment-sent',
          'This file was sent with a decision letter: it is part of the record and stays',
        );
      await manager.delete(DecisionAttachment, { id: attachment.id });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'submission',
        objectId: submissionId,
        action: 'decision_attachment.removed',
        before: { attachmentId: attachment.id, name: attachment.originalName },
      });
    });
    // The stored content stays, as for other removed files: another upload of the same bytes
    // may be about to claim it (storage is content-addressed).
  }

  /**
   * Inside the decision's transaction: locks the attachments named, each of which must be an
   * unsent attachment of this submission (422 naming the others), in the order given.
   */
  static async claim(
    manager: EntityManager,
    submissionId: string,
    ids: readonly string[],
  ): Promise<DecisionAttachment[]> {
    if (ids.length === 0) return [];
    const found = await manager.find(DecisionAttachment, {
      where: { id: In([...ids]), submissionId },
      lock: { mode: 'pessimistic_write' },
    });
    const unsent = new Map(
      found
        .filter((attachment) => attachment.decisionId === null)
        .map((attachment) => [attachment.id, attachment]),
    );
    const unknown = ids.filter((id) => !unsent.has(id));
    if (unknown.length)
      throw new ProblemException({
        status: 422,
        type: 'urn:tahkim:problem:unknown-attachment',
        title: 'Unprocessable Content',
        detail: `Only unsent attachments of this submission can go with the letter; not: ${unknown.join(', ')}`,
        extensions: { attachmentIds: unknown },
      });
    return ids.map((id) => unsent.get(id)!);
  }

  /** Everyone asked to review the submission, in any round and any state, by every name. */
  private async reviewerNames(submissionId: string): Promise<string[]> {
    const assignments = await this.dataSource.manager.find(ReviewAssignment, {
      where: { submissionId },
      relations: { reviewer: true },
    });
    return [
      ...new Set(
        assignments.flatMap((assignment) =>
          assignment.reviewer ? personNameVariants(assignment.reviewer.names) : [],
        ),
      ),
    ];
  }
}
