import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { AuditLog } from '../audit/audit-log.service';
import type { Journal } from '../journals/journal.entity';
import { problem } from '../reviews/review-problems';
import { FileStorage } from '../storage/file-storage';
import { contentInUse } from '../submissions/content-in-use';
import { FileIntake } from '../submissions/file-intake.service';
import { Galley } from './entities/galley.entity';
import { Issue } from './entities/issue.entity';
import { receiveGalley, saveGalley } from './galleys';
import { IssuesService } from './issues.service';

/** Covers shown on the archive: what browsers display everywhere. */
const COVER_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** An issue's own files: its cover image, and its galleys (the whole issue as one PDF…). */
@Injectable()
export class IssueFiles {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issues: IssuesService,
    private readonly intake: FileIntake,
    private readonly storage: FileStorage,
    private readonly audit: AuditLog,
  ) {}

  async setCover(journal: Journal, id: string, request: Request, actor: Actor) {
    await this.issues.find(this.dataSource.manager, journal, id);
    const received = await this.intake.receive(
      request,
      'figure',
      journal.maxUploadMb * 1024 * 1024,
      (key) => contentInUse(this.dataSource.manager, key),
    );
    if (!COVER_TYPES.includes(received.mediaType)) {
      if (!(await contentInUse(this.dataSource.manager, received.key)))
        await this.storage.delete(received.key);
      throw problem(422, 'cover-type', 'A cover is a JPEG, PNG or WebP image');
    }
    await inTransaction(this.transactions, async (manager) => {
      const issue = await this.issues.find(manager, journal, id, true);
      await manager.update(
        Issue,
        { id: issue.id },
        { coverImageKey: received.key, coverImageMediaType: received.mediaType },
      );
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.cover_set',
        after: { sha256: received.sha256, mediaType: received.mediaType },
      });
    });
    return this.issues.get(journal, id);
  }

  async addGalley(
    journal: Journal,
    id: string,
    request: Request,
    label: string,
    locale: string,
    actor: Actor,
  ): Promise<Galley> {
    const issue = await this.issues.find(this.dataSource.manager, journal, id);
    if (issue.status === 'published')
      throw problem(409, 'issue-published', 'A published issue’s files are fixed');
    const received = await receiveGalley(
      this.intake,
      this.dataSource.manager,
      journal,
      request,
      locale,
    );
    return inTransaction(this.transactions, async (manager) => {
      const galley = await saveGalley(manager, { issueId: issue.id }, received, label);
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.galley_added',
        after: { galleyId: galley.id, label: galley.label },
      });
      return galley;
    });
  }

  async removeGalley(journal: Journal, id: string, galleyId: string, actor: Actor) {
    await inTransaction(this.transactions, async (manager) => {
      const issue = await this.issues.find(manager, journal, id, true);
      if (issue.status === 'published')
        throw problem(409, 'issue-published', 'A published issue’s files are fixed');
      const deleted = await manager.delete(Galley, { id: galleyId, issueId: issue.id });
      if (!deleted.affected) throw problem(404, 'not-found', 'The issue has no such galley');
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.galley_removed',
        after: { galleyId },
      });
    });
  }
}
