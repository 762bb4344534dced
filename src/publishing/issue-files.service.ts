import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { ReceivedFile, UploadSource } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import type { Actor } from '../editorial/request-context';
import { StoredContent } from '../editorial/stored-content';
import type { Journal } from '../journals';
import { FileStorage } from '../storage/file-storage';
import { FileIntake } from '../submissions';
import { CatalogueChanges } from '../database/catalogue-changes.repository';
import type { Galley } from './entities/galley.entity';
import { GalleysRepository } from './galleys.repository';
import { GalleysService, type ReceivedGalley } from './galleys.service';
import { IssuesRepository } from './issues.repository';
import { IssuesService, type IssueView } from './issues.service';
import { publishingProblems } from './publishing.problems';

/** Covers shown on the archive: what browsers display everywhere. */
const COVER_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** An issue's own files: its cover image, and its galleys (the whole issue as one PDF…). */
@Injectable()
export class IssueFiles {
  constructor(
    private readonly issues: IssuesService,
    private readonly issueRows: IssuesRepository,
    private readonly galleys: GalleysService,
    private readonly galleyRows: GalleysRepository,
    private readonly intake: FileIntake,
    private readonly stored: StoredContent,
    private readonly storage: FileStorage,
    private readonly audit: AuditLog,
    private readonly catalogue: CatalogueChanges,
  ) {}

  async setCover(
    journal: Journal,
    id: string,
    upload: UploadSource,
    actor: Actor,
  ): Promise<IssueView> {
    await this.issues.find(journal, id);
    const received = await this.intake.receive(
      upload,
      'figure',
      journal.maxUploadMb * 1024 * 1024,
      (key) => this.stored.inUse(key),
    );
    if (!COVER_TYPES.includes(received.mediaType)) {
      if (!(await this.stored.inUse(received.key))) await this.storage.delete(received.key);
      throw publishingProblems.raise('cover-type', 'A cover is a JPEG, PNG or WebP image');
    }
    return this.saveCover(journal, id, received, actor);
  }

  @Transactional()
  private async saveCover(
    journal: Journal,
    id: string,
    received: ReceivedFile,
    actor: Actor,
  ): Promise<IssueView> {
    const issue = await this.issues.find(journal, id, true);
    await this.issueRows.update(issue.id, {
      coverImageKey: received.key,
      coverImageMediaType: received.mediaType,
    });
    if (issue.status === 'published') await this.catalogue.journalChanged(journal.id);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.cover_set',
      after: { sha256: received.sha256, mediaType: received.mediaType },
    });
    return this.issues.get(journal, id);
  }

  async addGalley(
    journal: Journal,
    id: string,
    upload: UploadSource,
    label: string,
    locale: string,
    actor: Actor,
  ): Promise<Galley> {
    const issue = await this.issues.find(journal, id);
    if (issue.status === 'published')
      throw publishingProblems.raise('issue-published', 'A published issue’s files are fixed');
    const received = await this.galleys.receive(journal, upload, locale);
    return this.saveGalley(journal, issue.id, received, label, actor);
  }

  @Transactional()
  private async saveGalley(
    journal: Journal,
    issueId: string,
    received: ReceivedGalley,
    label: string,
    actor: Actor,
  ): Promise<Galley> {
    const galley = await this.galleys.save({ issueId }, received, label);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issueId,
      action: 'issue.galley_added',
      after: { galleyId: galley.id, label: galley.label },
    });
    return galley;
  }

  @Transactional()
  async removeGalley(journal: Journal, id: string, galleyId: string, actor: Actor): Promise<void> {
    const issue = await this.issues.find(journal, id, true);
    if (issue.status === 'published')
      throw publishingProblems.raise('issue-published', 'A published issue’s files are fixed');
    if (!(await this.galleyRows.remove({ issueId: issue.id }, galleyId)))
      throw httpProblems.raise('not-found', 'The issue has no such galley');
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.galley_removed',
      after: { galleyId },
    });
  }
}
