import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { CatalogueChanges } from '../database/catalogue-changes.repository';
import type { LocalizedText } from '../common/i18n/locale';
import { RequestValidationException } from '../common/http/request-validation.exception';
import type { FieldError } from '../common/http/problem.exception';
import type { CursorQuery, Page } from '../common/pagination/cursor-page';
import { httpProblems } from '../common/problems/http.problems';
import type { Actor } from '../editorial/request-context';
import type { Journal } from '../journals';
import type { Announcement } from './announcement.entity';
import { announcementProblems } from './announcements.problems';
import { AnnouncementsRepository } from './announcements.repository';
import type { CreateAnnouncementDto, UpdateAnnouncementDto } from './dto/announcement.dto';

const noSuchAnnouncement = () =>
  httpProblems.raise('not-found', 'The journal has no such announcement');

/** What the audit log keeps of an announcement. */
const recorded = ({ titles, summaries, bodies, publishedAt, expiresAt }: Announcement) => ({
  titles,
  summaries,
  bodies,
  publishedAt: publishedAt?.toISOString() ?? null,
  expiresAt: expiresAt?.toISOString() ?? null,
});

/**
 * A journal's announcements: its managers and editors write them, publish them at once or from
 * a time to come, and take them down; anyone reads those published. Every change tells the
 * public pages' cache that the journal's public record changed.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly announcements: AnnouncementsRepository,
    private readonly audit: AuditLog,
    private readonly catalogue: CatalogueChanges,
  ) {}

  /** For the journal's home page: at most `limit` published by `now` and not expired, newest first. */
  async latestForHome(journalId: string, now: Date, limit: number): Promise<Announcement[]> {
    // A limit of 0 would be no LIMIT at all to TypeORM.
    if (limit < 1) return [];
    return this.announcements.latestUnexpired(journalId, now, limit);
  }

  /** Those published by `now`, expired ones included, newest first (unless `page` asks otherwise). */
  listPublished(
    journalId: string,
    page: CursorQuery,
    now = new Date(),
  ): Promise<Page<Announcement>> {
    return this.announcements.pageOfPublished(journalId, now, page);
  }

  /** One published by `now`; a draft or a scheduled one is not found, as one that does not exist. */
  async findPublished(journalId: string, id: string, now = new Date()): Promise<Announcement> {
    const announcement = await this.announcements.findPublished(journalId, id, now);
    if (!announcement) throw noSuchAnnouncement();
    return announcement;
  }

  /** For the editors: every one, drafts and scheduled ones included, newest written first. */
  listAll(journal: Journal, page: CursorQuery): Promise<Page<Announcement>> {
    return this.announcements.pageOfAll(journal.id, page);
  }

  @Transactional()
  async create(journal: Journal, dto: CreateAnnouncementDto, actor: Actor): Promise<Announcement> {
    assertValid(journal, dto.titles, dto.publishedAt ?? null, dto.expiresAt ?? null);
    const created = await this.announcements.insert({
      journalId: journal.id,
      titles: dto.titles,
      summaries: dto.summaries ?? {},
      bodies: dto.bodies ?? {},
      publishedAt: dto.publishedAt ?? null,
      expiresAt: dto.expiresAt ?? null,
    });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'announcement',
      objectId: created.id,
      action: 'announcement.created',
      after: recorded(created),
    });
    await this.catalogue.journalChanged(journal.id);
    return created;
  }

  /** Changes the fields given, if nobody changed the announcement since `lockVersion`. */
  @Transactional()
  async update(
    journal: Journal,
    id: string,
    dto: UpdateAnnouncementDto,
    actor: Actor,
  ): Promise<Announcement> {
    const announcement = await this.announcements.lock(journal.id, id);
    if (!announcement) throw noSuchAnnouncement();
    if (announcement.lockVersion !== dto.lockVersion)
      throw announcementProblems.raise(
        'stale-announcement',
        'The announcement changed meanwhile: reload it',
        { lockVersion: announcement.lockVersion },
      );
    const before = recorded(announcement);
    const { lockVersion: _read, ...fields } = dto;
    // Titles are checked when they change: a journal's primary language may have changed since.
    assertValid(
      journal,
      fields.titles,
      fields.publishedAt !== undefined ? fields.publishedAt : announcement.publishedAt,
      fields.expiresAt !== undefined ? fields.expiresAt : announcement.expiresAt,
    );
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) Object.assign(announcement, { [key]: value });
    const saved = await this.announcements.update(announcement);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'announcement',
      objectId: id,
      action: 'announcement.updated',
      before,
      after: recorded(saved),
    });
    await this.catalogue.journalChanged(journal.id);
    return saved;
  }

  @Transactional()
  async delete(journal: Journal, id: string, actor: Actor): Promise<void> {
    const announcement = await this.announcements.lock(journal.id, id);
    if (!announcement) throw noSuchAnnouncement();
    await this.announcements.remove(id);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'announcement',
      objectId: id,
      action: 'announcement.deleted',
      before: recorded(announcement),
    });
    await this.catalogue.journalChanged(journal.id);
  }
}

/**
 * The rules a DTO cannot check alone: a title in the journal's primary language (`titles`
 * undefined: unchanged), and an expiry after the publication.
 */
function assertValid(
  journal: Journal,
  titles: LocalizedText | undefined,
  publishedAt: Date | null,
  expiresAt: Date | null,
): void {
  const errors: FieldError[] = [];
  if (titles && !titles[journal.primaryLocale]?.trim())
    errors.push({
      field: 'titles',
      messages: [`must have a title in the journal’s primary language (${journal.primaryLocale})`],
    });
  if (publishedAt && expiresAt && expiresAt <= publishedAt)
    errors.push({ field: 'expiresAt', messages: ['must be after publishedAt'] });
  if (errors.length) throw new RequestValidationException(errors);
}
