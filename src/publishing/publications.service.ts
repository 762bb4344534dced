import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person } from '../editorial/people';
import type { Actor, Viewer } from '../editorial/request-context';
import type { Journal } from '../journals';
import { EditorialListing } from '../submissions';
import { CatalogueChanges } from '../database/catalogue-changes.repository';
import { CrossrefDeposits } from './crossref-deposits.service';
import { DoajExports } from './doaj-exports.service';
import type { NewVersionDto, NoticeDto, UpdatePublicationDto } from './dto/publishing.dto';
import type { Galley } from './entities/galley.entity';
import type { PublicationNotice } from './entities/publication-notice.entity';
import type { Publication } from './entities/publication.entity';
import { GalleysRepository } from './galleys.repository';
import { IssuesRepository } from './issues.repository';
import { NoticesRepository } from './notices.repository';
import { missingForPublication, overlappingPages } from './publication-readiness';
import { PublicationsRepository } from './publications.repository';
import { publishingProblems } from './publishing.problems';
import { SearchIndex } from './search/search-index.service';

/** A version of an article's record as its editors see it: its galleys, what it lacks. */
export type RecordView = Publication & { galleys: Galley[]; missing: string[] };

/**
 * An article's publication records as its editors keep them: corrections before publishing,
 * later versions (corrections) of a published article, which keep its DOI, and COPE notices.
 */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly publications: PublicationsRepository,
    private readonly galleys: GalleysRepository,
    private readonly notices: NoticesRepository,
    private readonly issues: IssuesRepository,
    private readonly listing: EditorialListing,
    private readonly deposits: CrossrefDeposits,
    private readonly doaj: DoajExports,
    private readonly events: SubmissionEvents,
    private readonly audit: AuditLog,
    private readonly searchIndex: SearchIndex,
    private readonly catalogue: CatalogueChanges,
  ) {}

  /** Every version, newest first, each with its galleys and what it lacks for publishing. */
  async records(journal: Journal, viewer: Viewer, submissionId: string): Promise<RecordView[]> {
    await this.prepares(journal, viewer, submissionId);
    const records = await this.publications.versions(submissionId);
    const galleys = await this.galleys.ofPublications(records.map((record) => record.id));
    return records.map((record) => ({
      ...record,
      galleys: galleys.filter((galley) => galley.publicationId === record.id),
      missing: record.status === 'draft' ? missingForPublication(journal, record) : [],
    }));
  }

  @Transactional()
  async update(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    dto: UpdatePublicationDto,
    actor: Actor,
  ): Promise<RecordView[]> {
    await this.prepares(journal, viewer, submissionId);
    const record = await this.draft(submissionId);
    if (record.lockVersion !== dto.lockVersion)
      throw publishingProblems.raise(
        'stale-publication',
        'The record changed meanwhile: reload it',
      );
    const { lockVersion: _lockVersion, metadata, ...fields } = dto;
    if (metadata) record.metadata = { ...record.metadata, ...metadata };
    Object.assign(record, fields);
    if (record.firstPage !== null && record.lastPage !== null && record.lastPage < record.firstPage)
      throw publishingProblems.raise('pages', 'The last page comes before the first');
    if (record.issueId) await this.assertNoOverlap(record);
    await this.publications.save(record);
    const { lockVersion: _read, ...changed } = dto;
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'publication',
      objectId: record.id,
      action: 'publication.updated',
      after: changed,
    });
    return this.records(journal, viewer, submissionId);
  }

  /**
   * A correction: a new draft version of a published article, copied from the newest published
   * one with a note saying what changes. The DOI, issue and pages stay.
   */
  @Transactional()
  async newVersion(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    dto: NewVersionDto,
    actor: Actor,
  ): Promise<RecordView[]> {
    await this.listing.handled(journal, viewer, submissionId);
    await this.publications.lockArticle(submissionId);
    const newest = await this.publications.newest(submissionId);
    if (!newest)
      throw publishingProblems.raise(
        'not-published',
        'Only a published article gets corrections; edit its record instead',
      );
    if (newest.status !== 'published')
      throw publishingProblems.raise(
        'draft-exists',
        'A new version is already in preparation: edit that one',
      );
    const { id: _id, createdAt: _c, updatedAt: _u, lockVersion: _l, ...copy } = newest;
    const created = await this.publications.create({
      ...copy,
      version: newest.version + 1,
      status: 'draft',
      versionNote: dto.versionNote.trim(),
      publishedAt: null,
    });
    await this.events.record(submissionId, actor, {
      kind: 'correction_started',
      data: { version: created.version },
    });
    return this.records(journal, viewer, submissionId);
  }

  /** Publishes a correction: the new version joins the public record; the old ones stay. */
  @Transactional()
  async publishVersion(
    journal: Journal,
    viewer: Viewer,
    submissionId: string,
    actor: Actor,
  ): Promise<RecordView[]> {
    await this.listing.handled(journal, viewer, submissionId);
    const record = await this.draft(submissionId);
    if (record.version === 1)
      throw publishingProblems.raise('not-a-correction', 'Version 1 is published with its issue');
    const missing = missingForPublication(journal, record);
    if (missing.length)
      throw publishingProblems.raise('not-ready', `The correction lacks ${missing.join(', ')}`);
    await this.publications.update(record.id, { status: 'published', publishedAt: new Date() });
    await this.searchIndex.refresh([submissionId]);
    await this.catalogue.journalChanged(journal.id);
    // Crossref and DOAJ hear of the correction with the issue's next exports.
    const issue = await this.issues.byId(record.issueId!);
    await this.deposits.requestFor(journal, issue);
    await this.doaj.requestFor(issue);
    await this.events.record(submissionId, actor, {
      kind: 'correction_published',
      data: { version: record.version, note: record.versionNote },
    });
    return this.records(journal, viewer, submissionId);
  }

  /**
   * An erratum, expression of concern or retraction on a published article (COPE): it joins
   * the public record at once and the article stays visible. An article is retracted once.
   */
  @Transactional()
  async addNotice(
    journal: Journal,
    viewer: Viewer,
    user: Person,
    submissionId: string,
    dto: NoticeDto,
    actor: Actor,
  ): Promise<PublicationNotice> {
    await this.listing.handled(journal, viewer, submissionId);
    await this.publications.lockArticle(submissionId);
    if (!(await this.publications.hasPublished(submissionId)))
      throw publishingProblems.raise('not-published', 'Notices are for published articles');
    if (dto.kind === 'retraction' && (await this.notices.isRetracted(submissionId)))
      throw publishingProblems.raise('already-retracted', 'The article is retracted already');
    const notice = await this.notices.add({
      submissionId,
      kind: dto.kind,
      texts: dto.texts,
      createdById: user.id,
    });
    await this.catalogue.journalChanged(journal.id);
    await this.events.record(submissionId, actor, {
      kind: `notice_${dto.kind}`,
      data: { noticeId: notice.id },
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'publication',
      objectId: submissionId,
      action: `publication.${dto.kind}`,
      after: { noticeId: notice.id },
    });
    return notice;
  }

  /**
   * Who prepares an article for publication: the editors who handle it, and the production
   * editor assigned to its production stage (who holds the role still). 404 for anyone else.
   */
  async prepares(journal: Journal, viewer: Viewer, submissionId: string): Promise<void> {
    if (
      viewer.user &&
      viewer.roles.includes('production_editor') &&
      (await this.publications.isAssignedProductionEditor(submissionId, journal.id, viewer.user.id))
    )
      return;
    await this.listing.handled(journal, viewer, submissionId);
  }

  /**
   * The record still being prepared, locked until the transaction ends (unless asked not to);
   * 409 when there is none (published, or not placed yet).
   */
  async draft(submissionId: string, lock = true): Promise<Publication> {
    const record = await this.publications.draft(submissionId, lock);
    if (!record)
      throw publishingProblems.raise(
        'no-draft-record',
        'There is no record in preparation: place the article in an issue first, or start a correction',
      );
    return record;
  }

  private async assertNoOverlap(record: Publication) {
    const others = await this.publications.othersPages(record.issueId!, record.submissionId);
    const overlaps = overlappingPages([
      ...others,
      { label: 'this article', firstPage: record.firstPage, lastPage: record.lastPage },
    ]).filter((overlap) => overlap.includes('this article'));
    if (overlaps.length)
      throw publishingProblems.raise(
        'pages-overlap',
        `Pages overlap another article: ${overlaps.join('; ')}`,
      );
  }
}
