import { ApiProperty } from '@nestjs/swagger';
import type { LocalizedText } from '../../common/i18n/locale';
import { PageOf } from '../../common/pagination/page.dto';
import type { Announcement } from '../announcement.entity';

const LOCALIZED_TEXT = {
  type: 'object' as const,
  additionalProperties: { type: 'string' as const },
  example: { ar: '…', en: '…', fr: '…' },
};

export const ANNOUNCEMENT_STATES = ['draft', 'scheduled', 'published'] as const;
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number];

/** An announcement as the public reads it. */
export class AnnouncementResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(LOCALIZED_TEXT)
  titles: LocalizedText;

  @ApiProperty(LOCALIZED_TEXT)
  summaries: LocalizedText;

  @ApiProperty({
    ...LOCALIZED_TEXT,
    description: 'Plain text per language; paragraphs are separated by a blank line',
  })
  bodies: LocalizedText;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Off the home page from then on; still in the list',
  })
  expiresAt: Date | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt: Date;
}

/** An announcement as its editors see it: drafts and scheduled ones too, with the lock version. */
export class EditorialAnnouncementResponse extends AnnouncementResponse {
  @ApiProperty({
    enum: ANNOUNCEMENT_STATES,
    description: 'A draft has no publication time; a scheduled one has one still to come',
  })
  state: AnnouncementState;

  @ApiProperty({ type: 'integer', description: 'Send it back with a change (409 if it moved)' })
  lockVersion: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;
}

export class AnnouncementPage extends PageOf(AnnouncementResponse) {}
export class EditorialAnnouncementPage extends PageOf(EditorialAnnouncementResponse) {}

export function toAnnouncementResponse(announcement: Announcement): AnnouncementResponse {
  return {
    id: announcement.id,
    titles: announcement.titles,
    summaries: announcement.summaries,
    bodies: announcement.bodies,
    publishedAt: announcement.publishedAt,
    expiresAt: announcement.expiresAt,
    updatedAt: announcement.updatedAt,
  };
}

/** `now` decides whether a publication time is still to come. */
export function toEditorialAnnouncementResponse(
  announcement: Announcement,
  now: Date,
): EditorialAnnouncementResponse {
  const { publishedAt } = announcement;
  return {
    ...toAnnouncementResponse(announcement),
    state: !publishedAt ? 'draft' : publishedAt > now ? 'scheduled' : 'published',
    lockVersion: announcement.lockVersion,
    createdAt: announcement.createdAt,
  };
}
