import type { Announcement } from '../../announcements';
import type { LocalizedText } from '../../common/i18n/locale';

/** How many announcements a journal's home page shows. */
export const HOME_ANNOUNCEMENTS = 3;

/** An announcement as the public pages show it. */
export interface AnnouncementView {
  id: string;
  titles: LocalizedText;
  summaries: LocalizedText;
  bodies: LocalizedText;
  publishedAt: Date;
}

export const toAnnouncementView = (announcement: Announcement): AnnouncementView => ({
  id: announcement.id,
  titles: announcement.titles,
  summaries: announcement.summaries,
  bodies: announcement.bodies,
  // Only published ones reach the public pages.
  publishedAt: announcement.publishedAt!,
});
