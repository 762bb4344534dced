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
import { isLocale } from '../common/i18n/locale';
import type { Journal } from '../journals/journal.entity';
import { problem } from '../reviews/review-problems';
import { EditorialListing } from '../submissions/editorial-listing.service';
import type { Viewer } from '../editorial/request-context';
import { FileIntake } from '../submissions/file-intake.service';
import { recordEvent } from '../submissions/submission-events';
import type { NewVersionDto, NoticeDto, UpdatePublicationDto } from './dto/publishing.dto';
import { PublicationNotice } from './entities/publication-notice.entity';
import { CrossrefDeposits } from './crossref-deposits.service';
import { DoajExports } from './doaj-exports.service';
import { Galley } from './entities/galley.entity';
import { receiveGalley, saveGalley } from './galleys';
import { Issue } from './entities/issue.entity';
import { Publication } from './entities/publication.entity';
import { missingForPublication, overlappingPages } from './issue-publisher.service';

/**
 * An article's publication records as its editors keep them: corrections before publishing,
 * galleys, and later versions (corrections) of a published article, which keep its DOI.
 */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listing: EditorialListing,
    private readonly intake: FileIntake,
    private readonly audit: AuditLog,
  ) {}

  /** Every version, newest first, each with its galleys and what it lacks for publishing. */
  async records(journal: Journal, viewer: Viewer, submissionId: string) {
    await this.prepares(journal, viewer, submissionId);
    const records = await this.dataSource.getRepository(Publication).find({
      where: { submissionId },
      order: { version: 'DESC' },
    });
    const galleys = records.length
      ? await this.dataSource.getRepository(Galley).find({
          where: { publicationId: In(records.map((record) => record.id)) },
          order: { seq: 'ASC' },
        })
      : [];
    return records.map((record) => ({
      ...record,
      galleys: galleys.filter((galley) => galley.publicationId === record.id),
      missing: record.status === 'draft' ? missingForPublication(journal, record) : [],
    }));
  }

  async update(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    dto: UpdatePublicationDto,
    actor: Actor,
  ) {
    await this.prepares(journal, viewer, submissionId);
    await inTransaction(this.transactions, async (manager) => {
      const record = await this.draft(manager, submissionId);
      if (record.lockVersion !== dto.lockVersion)
        throw problem(409, 'stale-publication', 'The record changed meanwhile: reload it');
      const { lockVersion: _lockVersion, metadata, ...fields } = dto;
      if (metadata) record.metadata = { ...record.metadata, ...metadata };
      Object.assign(record, fields);
      if (
        record.firstPage !== null &&
        record.lastPage !== null &&
        record.lastPage < record.firstPage
      )
        throw problem(422, 'pages', 'The last page comes before the first');
      if (record.issueId) await this.assertNoOverlap(manager, record);
      await manager.save(record);
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'publication',
        objectId: record.id,
        action: 'publication.updated',
        after: Object.keys(dto)
          .filter((key) => key !== 'lockVersion')
          .reduce(
            (changed, key) => ({
              ...changed,
              [key]: (dto as unknown as Record<string, unknown>)[key],
            }),
            {},
          ),
      });
    });
    return this.records(journal, viewer, submissionId);
  }

  /**
   * A correction: a new draft version of a published article, copied from the newest published
   * one with a note saying what changes. The DOI, issue and pages stay.
   */
  async newVersion(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    dto: NewVersionDto,
    actor: Actor,
  ) {
    await this.listing.handled(journal, viewer, submissionId);
    await inTransaction(this.transactions, async (manager) => {
      await manager.query('SELECT id FROM submissions WHERE id = $1 FOR UPDATE', [submissionId]);
      const newest = await manager.findOne(Publication, {
        where: { submissionId },
        order: { version: 'DESC' },
      });
      if (!newest || newest.status !== 'published')
        throw problem(
          409,
          newest ? 'draft-exists' : 'not-published',
          newest
            ? 'A new version is already in preparation: edit that one'
            : 'Only a published article gets corrections; edit its record instead',
        );
      const { id: _id, createdAt: _c, updatedAt: _u, lockVersion: _l, ...copy } = newest;
      const created = await manager.save(
        manager.create(Publication, {
          ...copy,
          version: newest.version + 1,
          status: 'draft',
          versionNote: dto.versionNote.trim(),
          publishedAt: null,
        }),
      );
      await recordEvent(manager, submissionId, actor, 'correction_started', {
        version: created.version,
      });
    });
    return this.records(journal, viewer, submissionId);
  }

  /** Publishes a correction: the new version joins the public record; the old ones stay. */
  async publishVersion(journal: Journal, viewer: Viewer, submissionId: string, actor: Actor) {
    await this.listing.handled(journal, viewer, submissionId);
    await inTransaction(this.transactions, async (manager) => {
      const record = await this.draft(manager, submissionId);
      if (record.version === 1)
        throw problem(409, 'not-a-correction', 'Version 1 is published with its issue');
      const missing = missingForPublication(journal, record);
      if (missing.length)
        throw problem(422, 'not-ready', `The correction lacks ${missing.join(', ')}`);
      await manager.update(
        Publication,
        { id: record.id },
        { status: 'published', publishedAt: new Date() },
      );
      // Crossref and DOAJ hear of the correction with the issue's next exports.
      const issue = await manager.findOneByOrFail(Issue, { id: record.issueId! });
      await CrossrefDeposits.request(manager, journal, issue);
      await DoajExports.request(manager, issue);
      await recordEvent(
        manager,
        submissionId,
        actor,
        'correction_published',
        {
          version: record.version,
          note: record.versionNote,
        },
        true,
      );
    });
    return this.records(journal, viewer, submissionId);
  }

  /**
   * An erratum, expression of concern or retraction on a published article (COPE): it joins
   * the public record at once and the article stays visible. An article is retracted once.
   */
  async addNotice(
    journal: Journal,
    viewer: Viewer,
    user: User,
    submissionId: string,
    dto: NoticeDto,
    actor: Actor,
  ): Promise<PublicationNotice> {
    await this.listing.handled(journal, viewer, submissionId);
    return inTransaction(this.transactions, async (manager) => {
      await manager.query('SELECT id FROM submissions WHERE id = $1 FOR UPDATE', [submissionId]);
      const published = await manager.existsBy(Publication, { submissionId, status: 'published' });
      if (!published) throw problem(409, 'not-published', 'Notices are for published articles');
      if (
        dto.kind === 'retraction' &&
        (await manager.existsBy(PublicationNotice, { submissionId, kind: 'retraction' }))
      )
        throw problem(409, 'already-retracted', 'The article is retracted already');
      const notice = await manager.save(
        manager.create(PublicationNotice, {
          submissionId,
          kind: dto.kind,
          texts: dto.texts,
          createdById: user.id,
        }),
      );
      await recordEvent(
        manager,
        submissionId,
        actor,
        `notice_${dto.kind}`,
        { noticeId: notice.id },
        true,
      );
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'publication',
        objectId: submissionId,
        action: `publication.${dto.kind}`,
        after: { noticeId: notice.id },
      });
      return notice;
    });
  }

  /** A galley of the draft record: a PDF, JATS XML or EPUB file, with a label and language. */
  async addGalley(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    request: Request,
    label: string,
    locale: string,
    actor: Actor,
  ): Promise<Galley> {
    await this.prepares(journal, viewer, submissionId);
    const record = await this.draft(this.dataSource.manager, submissionId, false);
    if (!isLocale(locale))
      throw problem(422, 'locale', 'The galley’s language must be ar, en or fr');
    const received = await receiveGalley(
      this.intake,
      this.dataSource.manager,
      journal,
      request,
      locale,
    );
    return inTransaction(this.transactions, async (manager) => {
      const galley = await saveGalley(manager, { publicationId: record.id }, received, label);
      await recordEvent(manager, submissionId, actor, 'galley_added', { galleyId: galley.id });
      return galley;
    });
  }

  async removeGalley(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    galleyId: string,
    actor: Actor,
  ) {
    await this.prepares(journal, viewer, submissionId);
    await inTransaction(this.transactions, async (manager) => {
      const record = await this.draft(manager, submissionId);
      const deleted = await manager.delete(Galley, { id: galleyId, publicationId: record.id });
      if (!deleted.affected)
        throw problem(
          404,
          'not-found',
          'The draft record has no such galley (published ones stay)',
        );
      await recordEvent(manager, submissionId, actor, 'galley_removed', { galleyId });
    });
  }

  /**
   * Who prepares an article for publication: the editors who handle it, and the production
   * editor assigned to its production stage (who holds the role still). 404 for anyone else.
   */
  /** 404 unless the viewer handles the submission or is its assigned production editor. */
  async prepares(journal: Journal, viewer: Viewer, submissionId: string) {
    if (viewer.user && viewer.roles.includes('production_editor')) {
      const assigned: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM stage_assignments a JOIN submissions s ON s.id = a.submission_id
          WHERE a.submission_id = $1 AND s.journal_id = $2 AND a.user_id = $3
            AND a.stage = 'production' AND a.removed_at IS NULL`,
        [submissionId, journal.id, viewer.user.id],
      );
      if (assigned.length) return;
    }
    await this.listing.handled(journal, viewer, submissionId);
  }

  /** The record still being prepared; 409 when there is none (published, or not placed yet). */
  private async draft(
    manager: EntityManager,
    submissionId: string,
    lock = true,
  ): Promise<Publication> {
    const record = await manager.findOne(Publication, {
      where: { submissionId, status: 'draft' },
      order: { version: 'DESC' },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!record)
      throw problem(
        409,
        'no-draft-record',
        'There is no record in preparation: place the article in an issue first, or start a correction',
      );
    return record;
  }

  private async assertNoOverlap(manager: EntityManager, record: Publication) {
    const others = await manager
      .getRepository(Publication)
      .createQueryBuilder('p')
      .innerJoin('submissions', 's', 's.id = p.submission_id')
      .select(['p.first_page AS "firstPage"', 'p.last_page AS "lastPage"', 's.number AS label'])
      .where('p.issue_id = :issueId AND p.submission_id <> :submissionId', {
        issueId: record.issueId,
        submissionId: record.submissionId,
      })
      .getRawMany<{ firstPage: number | null; lastPage: number | null; label: string }>();
    const overlaps = overlappingPages([
      ...others,
      { label: 'this article', firstPage: record.firstPage, lastPage: record.lastPage },
    ]).filter((overlap) => overlap.includes('this article'));
    if (overlaps.length)
      throw problem(422, 'pages-overlap', `Pages overlap another article: ${overlaps.join('; ')}`);
  }
}
