import { Injectable } from '@nestjs/common';
import { AnnouncementsService } from '../../announcements';
import { type Locale, type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { httpProblems } from '../../common/problems/http.problems';
import { AppConfig } from '../../config/app-config';
import { element, PublicCatalogue, serializeXmlDocument, textElement } from '../../publishing';
import { requireId } from './article-pages.service';
import { type AnnouncementView, toAnnouncementView } from './announcement-view';
import { absoluteUrl, publicPaths } from '../../editorial/site-addresses';
import { type JournalView, toJournalView } from './public-site.service';
import { latest, xmlDate } from './published-articles';

/** How many a page of the list shows, and the feed carries. */
export const ANNOUNCEMENTS_PER_PAGE = 20;
/** Longer than any cursor the list gives out: refused before it reaches a query. */
const MAX_CURSOR_LENGTH = 500;

const ATOM = 'http://www.w3.org/2005/Atom';

export interface AnnouncementListView {
  journal: JournalView;
  announcements: AnnouncementView[];
  /** The next (older) page's cursor; null on the last page. */
  olderCursor: string | null;
  /** Whether this is a later page than the first (reached with a cursor). */
  continued: boolean;
}

export interface AnnouncementPageView {
  journal: JournalView;
  announcement: AnnouncementView;
}

/** A text in `locale` if it has one, else in `fallback`'s, else in any. */
function inLanguage(texts: LocalizedText, locale: Locale, fallback: Locale) {
  for (const lang of [locale, fallback, ...SUPPORTED_LOCALES])
    if (texts[lang]?.trim()) return { text: texts[lang]!, lang };
  return null;
}

/**
 * A journal's announcements on its public site: the list (newest first, older ones a page at a
 * time), each one's page and an Atom feed of them (the home page's are PublicSite's). Only those
 * published by now are shown; a draft or a scheduled one is a 404 like one that does not exist.
 */
@Injectable()
export class AnnouncementPages {
  constructor(
    private readonly announcements: AnnouncementsService,
    private readonly catalogue: PublicCatalogue,
    private readonly config: AppConfig,
  ) {}

  async list(slug: string, cursor: string | undefined): Promise<AnnouncementListView> {
    if (cursor !== undefined && (cursor === '' || cursor.length > MAX_CURSOR_LENGTH))
      throw httpProblems.raise('invalid-cursor', 'This is not a cursor the list gave out');
    const { journal } = await this.catalogue.journal(slug);
    const page = await this.announcements.listPublished(journal.id, {
      cursor,
      limit: ANNOUNCEMENTS_PER_PAGE,
    });
    return {
      journal: toJournalView(journal),
      announcements: page.items.map(toAnnouncementView),
      olderCursor: page.nextCursor,
      continued: cursor !== undefined,
    };
  }

  async one(slug: string, id: string): Promise<AnnouncementPageView> {
    const announcementId = requireId(id, 'announcement');
    const { journal } = await this.catalogue.journal(slug);
    const announcement = await this.announcements.findPublished(journal.id, announcementId);
    return { journal: toJournalView(journal), announcement: toAnnouncementView(announcement) };
  }

  /** The Atom feed (RFC 4287) of the latest announcements, in one language. */
  async atom(slug: string, locale: Locale): Promise<string> {
    const { journal } = await this.catalogue.journal(slug);
    const { items } = await this.announcements.listPublished(journal.id, {
      limit: ANNOUNCEMENTS_PER_PAGE,
    });
    const at = (lang: Locale, path: string) => absoluteUrl(this.config.PUBLIC_URL, lang, path);
    const listPath = publicPaths.announcements(journal.slug);
    const self = `${at(locale, listPath)}/feed.atom`;
    const langIf = (lang: Locale) => (lang === locale ? {} : { 'xml:lang': lang });
    const title = inLanguage(journal.titles, locale, journal.primaryLocale);
    const updated = latest(
      journal.updatedAt,
      ...items.map((item) => latest(item.publishedAt, item.updatedAt)),
    )!;
    return serializeXmlDocument(
      element('feed', { xmlns: ATOM, 'xml:lang': locale }, [
        textElement('id', self),
        textElement('title', title?.text ?? journal.slug, title ? langIf(title.lang) : {}),
        textElement('updated', xmlDate(updated)),
        element('link', { rel: 'self', type: 'application/atom+xml', href: self }),
        element('link', {
          rel: 'alternate',
          type: 'text/html',
          hreflang: locale,
          href: at(locale, listPath),
        }),
        element('author', {}, [textElement('name', journal.publisherName)]),
        textElement('generator', 'Tahkim'),
        ...items.map((item) => {
          const url = at(locale, publicPaths.announcement(journal.slug, item.id));
          const heading = inLanguage(item.titles, locale, journal.primaryLocale);
          const summary =
            inLanguage(item.summaries, locale, journal.primaryLocale) ??
            inLanguage(item.bodies, locale, journal.primaryLocale);
          return element('entry', {}, [
            textElement('id', url),
            textElement('title', heading?.text ?? url, heading ? langIf(heading.lang) : {}),
            element('link', { rel: 'alternate', type: 'text/html', href: url }),
            textElement('published', xmlDate(item.publishedAt!)),
            textElement('updated', xmlDate(latest(item.publishedAt, item.updatedAt)!)),
            summary &&
              textElement('summary', summary.text, { type: 'text', ...langIf(summary.lang) }),
          ]);
        }),
      ]),
    );
  }
}
