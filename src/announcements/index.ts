/** The announcements feature's public surface: what the web pages (and the app) may use. */
export { AnnouncementsModule } from './announcements.module';
export { AnnouncementsService } from './announcements.service';
export type { Announcement } from './announcement.entity';
