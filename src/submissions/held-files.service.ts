import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { AuditLog } from '../audit/audit-log.service';
import { ProblemException } from '../common/http/problem.exception';
import type { Journal } from '../journals/journal.entity';
import { EditorialListing } from './editorial-listing.service';
import type { Viewer } from '../editorial/request-context';
import { SubmissionFile } from './entities/submission-file.entity';
import { recordEvent } from './submission-events';

/**
 * Author files the anonymisation pipeline could not clean (an archive, an encrypted PDF, an
 * embedded OLE object): held back from double-anonymous reviewers until an editor, having
 * checked the file by hand, releases the original to them. The release is in the history.
 */
@Injectable()
export class HeldFiles {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listing: EditorialListing,
    private readonly audit: AuditLog,
  ) {}

  async release(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    fileId: string,
    actor: Actor,
  ): Promise<SubmissionFile> {
    await this.listing.handled(journal, viewer, submissionId);
    return inTransaction(this.transactions, async (manager) => {
      const file = await manager.findOne(SubmissionFile, {
        where: { id: fileId, submissionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!file)
        throw new ProblemException({
          status: 404,
          title: 'Not Found',
          detail: 'There is no such file in this submission',
        });
      if (!file.heldReason)
        throw new ProblemException({
          status: 409,
          type: 'urn:tahkim:problem:file-not-held',
          title: 'Conflict',
          detail: 'This file was cleaned for review: reviewers receive its cleaned copy already',
        });
      if (file.releasedAt)
        throw new ProblemException({
          status: 409,
          type: 'urn:tahkim:problem:file-already-released',
          title: 'Conflict',
          detail: 'This file has already been released to reviewers',
        });
      const releasedAt = new Date();
      await manager.update(
        SubmissionFile,
        { id: file.id },
        { releasedAt, releasedBy: actor.userId ?? null },
      );
      const facts = { fileId: file.id, genre: file.genre, originalName: file.originalName };
      await recordEvent(manager, submissionId, actor, 'file_released', {
        ...facts,
        heldReason: file.heldReason,
      });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'submission',
        objectId: submissionId,
        action: 'submission_file.released',
        before: { heldReason: file.heldReason },
        after: { ...facts, releasedAt },
      });
      return manager.findOneByOrFail(SubmissionFile, { id: file.id });
    });
  }
}
