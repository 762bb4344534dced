import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import type { StoredAnonymisation } from '../anonymisation/file-anonymiser';
import { compileNames, findNames } from '../anonymisation/name-matcher';
import { AuditLog } from '../audit/audit-log.service';
import type { UploadSource } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import { personNameVariants, type Person } from '../editorial/people';
import type { Actor, JournalRef, Viewer } from '../editorial/request-context';
import { StoredContent } from '../editorial/stored-content';
import type { Journal } from '../journals';
import { EditorialListing, FileIntake, ReviewCopies } from '../submissions';
import type { DecisionAttachment } from './decision-attachment.entity';
import { DecisionAttachmentsRepository } from './decision-attachments.repository';
import { decisionsProblems } from './decisions.problems';
import { SharedReviewsRepository } from './shared-reviews.repository';

/**
 * Files an editor attaches to a decision letter. Uploaded before deciding, listed and removable
 * while unsent; the decision links them (`claim`, then DecisionsService) and they are then part
 * of the record. Because an editor may attach a reviewer's file, documents are stored only as
 * copies with identifying properties stripped, checked against the names of everyone who was
 * asked to review the submission.
 */
@Injectable()
export class DecisionAttachmentsService {
  constructor(
    private readonly attachments: DecisionAttachmentsRepository,
    private readonly reviews: SharedReviewsRepository,
    private readonly listing: EditorialListing,
    private readonly intake: FileIntake,
    private readonly copies: ReviewCopies,
    private readonly stored: StoredContent,
    private readonly audit: AuditLog,
  ) {}

  async upload(
    journal: Journal,
    viewer: Viewer,
    user: Person,
    submissionId: string,
    upload: UploadSource,
    actor: Actor,
  ): Promise<DecisionAttachment> {
    // Checked before the upload, so nothing is stored for someone who may not attach it.
    await this.listing.handled(journal, viewer, submissionId);
    const received = await this.intake.receive(
      upload,
      'letter_attachment',
      journal.maxUploadMb * 1024 * 1024,
      (key) => this.stored.inUse(key),
    );
    const names = [
      ...new Set((await this.reviews.reviewerNames(submissionId)).flatMap(personNameVariants)),
    ];
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
    return this.record(journal, submissionId, actor, {
      submissionId,
      decisionId: null,
      uploadedById: user.id,
      storageKey: stored.key,
      sha256: stored.sha256,
      size: stored.size,
      mediaType: received.mediaType,
      originalName: received.originalName,
      anonymisation,
    });
  }

  @Transactional()
  private async record(
    journal: JournalRef,
    submissionId: string,
    actor: Actor,
    values: Partial<DecisionAttachment> & { anonymisation: StoredAnonymisation },
  ): Promise<DecisionAttachment> {
    const saved = await this.attachments.insert(values);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'submission',
      objectId: submissionId,
      action: 'decision_attachment.uploaded',
      after: {
        attachmentId: saved.id,
        name: saved.originalName,
        stripped: values.anonymisation.removed,
      },
    });
    return saved;
  }

  /** The submission's attachments, oldest first: unsent ones have no decisionId. */
  async list(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
  ): Promise<DecisionAttachment[]> {
    await this.listing.handled(journal, viewer, submissionId);
    return this.attachments.ofSubmission(submissionId);
  }

  /** Removes an unsent attachment; a sent one is part of the record (409). */
  @Transactional()
  async remove(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    attachmentId: string,
    actor: Actor,
  ): Promise<void> {
    await this.listing.handled(journal, viewer, submissionId);
    // Locked: a decision sending it at the same moment either wins (409 here) or finds it gone.
    const attachment = await this.attachments.lock(submissionId, attachmentId);
    if (!attachment) throw httpProblems.raise('not-found', 'There is no such decision attachment');
    if (attachment.decisionId)
      throw decisionsProblems.raise(
        'attachment-sent',
        'This file was sent with a decision letter: it is part of the record and stays',
      );
    await this.attachments.delete(attachment.id);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'submission',
      objectId: submissionId,
      action: 'decision_attachment.removed',
      before: { attachmentId: attachment.id, name: attachment.originalName },
    });
    // The stored content stays, as for other removed files: another upload of the same bytes
    // may be about to claim it (storage is content-addressed).
  }

  /**
   * In the decision's transaction: locks the attachments named, each of which must be an unsent
   * attachment of this submission (422 naming the others), in the order given.
   */
  async claim(submissionId: string, ids: readonly string[]): Promise<DecisionAttachment[]> {
    if (ids.length === 0) return [];
    const found = await this.attachments.lockMany(submissionId, ids);
    const unsent = new Map(
      found
        .filter((attachment) => attachment.decisionId === null)
        .map((attachment) => [attachment.id, attachment]),
    );
    const unknown = ids.filter((id) => !unsent.has(id));
    if (unknown.length)
      throw decisionsProblems.raise(
        'unknown-attachment',
        `Only unsent attachments of this submission can go with the letter; not: ${unknown.join(', ')}`,
        { attachmentIds: unknown },
      );
    return ids.map((id) => unsent.get(id)!);
  }

  /** Links the claimed attachments to the decision whose letter carries them. */
  async send(attachments: readonly DecisionAttachment[], decisionId: string): Promise<void> {
    await this.attachments.link(
      attachments.map((attachment) => attachment.id),
      decisionId,
    );
  }
}
