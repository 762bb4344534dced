import { Injectable } from '@nestjs/common';
import { type Locale, type LocalizedText, SUPPORTED_LOCALES } from '../../common/i18n/locale';
import { normalizeOrcid } from '../../common/identifiers/orcid';
import { AppConfig } from '../../config/app-config';
import { displayName } from '../../editorial/people';
import type { Journal } from '../../journals';
import {
  element,
  type Publication,
  serializeXmlDocument,
  textElement,
  type XmlElement,
} from '../../publishing';
import { absoluteUrl, publicPaths } from '../../editorial/site-addresses';
import { latest, PublishedArticles, xmlDate } from './published-articles';

/** How many of the latest articles a feed lists. */
export const FEED_SIZE = 50;

const ATOM = 'http://www.w3.org/2005/Atom';

/** A text in the feed's language if it has one, else in `fallback`'s, else in any. */
function inLanguage(
  texts: LocalizedText,
  locale: Locale,
  fallback: Locale,
): { text: string; lang: Locale } | null {
  for (const lang of [locale, fallback, ...SUPPORTED_LOCALES])
    if (texts[lang]?.trim()) return { text: texts[lang]!, lang };
  return null;
}

/** `xml:lang` on an element whose text is not in the feed's language. */
const langIf = (lang: Locale, feed: Locale) => (lang === feed ? {} : { 'xml:lang': lang });

interface FeedArticle {
  record: Publication;
  published: Date;
  updated: Date;
}

/**
 * A journal's Atom feed (RFC 4287) in one language: its latest published articles, each with
 * its title and abstract in that language when the article has them (else in its own, marked
 * with `xml:lang`), its authors, when it was published and last corrected, and its page.
 */
@Injectable()
export class JournalFeed {
  constructor(
    private readonly published: PublishedArticles,
    private readonly config: AppConfig,
  ) {}

  async atom(slug: string, locale: Locale): Promise<string> {
    const { journal, issues } = await this.published.archive(slug);
    const articles = await this.latestArticles(journal, issues);
    return serializeXmlDocument(this.feed(journal, locale, articles));
  }

  /**
   * The FEED_SIZE articles published last: the issues are read newest published first until
   * there are enough.
   */
  private async latestArticles(
    journal: Journal,
    issues: Awaited<ReturnType<PublishedArticles['archive']>>['issues'],
  ): Promise<FeedArticle[]> {
    const byPublication = [...issues].sort(
      (a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0),
    );
    const found: FeedArticle[] = [];
    for (const issue of byPublication) {
      if (found.length >= FEED_SIZE) break;
      const { articles } = await this.published.articlesOf(journal.slug, issue);
      for (const record of articles) {
        const published =
          (await this.published.firstPublished(journal.slug, record)) ??
          issue.publishedAt ??
          record.createdAt;
        found.push({ record, published, updated: latest(record.publishedAt, published)! });
      }
    }
    return found.sort((a, b) => b.published.getTime() - a.published.getTime()).slice(0, FEED_SIZE);
  }

  private feed(journal: Journal, locale: Locale, articles: FeedArticle[]): XmlElement {
    const journalPath = (lang: Locale) =>
      absoluteUrl(this.config.PUBLIC_URL, lang, `/j/${encodeURIComponent(journal.slug)}`);
    const self = `${journalPath(locale)}/feed.atom`;
    const title = inLanguage(journal.titles, locale, journal.primaryLocale);
    const subtitle = inLanguage(journal.descriptions, locale, journal.primaryLocale);
    const updated = latest(journal.updatedAt, ...articles.map((article) => article.updated))!;
    return element('feed', { xmlns: ATOM, 'xml:lang': locale }, [
      textElement('id', self),
      textElement('title', title?.text ?? journal.slug, title ? langIf(title.lang, locale) : {}),
      subtitle && textElement('subtitle', subtitle.text, langIf(subtitle.lang, locale)),
      textElement('updated', xmlDate(updated)),
      element('link', { rel: 'self', type: 'application/atom+xml', href: self }),
      element('link', {
        rel: 'alternate',
        type: 'text/html',
        hreflang: locale,
        href: journalPath(locale),
      }),
      ...SUPPORTED_LOCALES.filter((other) => other !== locale).map((other) =>
        element('link', {
          rel: 'alternate',
          type: 'application/atom+xml',
          hreflang: other,
          href: `${journalPath(other)}/feed.atom`,
        }),
      ),
      // Entries all have authors; the publisher answers for an article that names none.
      element('author', {}, [textElement('name', journal.publisherName)]),
      textElement('generator', 'Tahkim'),
      ...articles.map((article) => this.entry(journal, article, locale)),
    ]);
  }

  private entry(journal: Journal, article: FeedArticle, locale: Locale): XmlElement {
    const { record } = article;
    const url = absoluteUrl(
      this.config.PUBLIC_URL,
      locale,
      publicPaths.article(journal.slug, record.submissionId),
    );
    const titles: LocalizedText = {};
    const abstracts: LocalizedText = {};
    for (const [lang, metadata] of Object.entries(record.metadata) as [
      Locale,
      NonNullable<Publication['metadata'][Locale]>,
    ][]) {
      if (metadata?.title) titles[lang] = metadata.title;
      if (metadata?.abstract) abstracts[lang] = metadata.abstract;
    }
    const title = inLanguage(titles, locale, record.locale);
    const summary = inLanguage(abstracts, locale, record.locale);
    return element('entry', {}, [
      textElement('id', url),
      textElement('title', title?.text ?? url, title ? langIf(title.lang, locale) : {}),
      element('link', { rel: 'alternate', type: 'text/html', href: url }),
      record.doi && element('link', { rel: 'related', href: `https://doi.org/${record.doi}` }),
      textElement('published', xmlDate(article.published)),
      textElement('updated', xmlDate(article.updated)),
      ...record.contributors
        .map((contributor) => ({
          name: displayName(contributor.names, locale),
          orcid: contributor.orcid ? normalizeOrcid(contributor.orcid) : null,
        }))
        .filter((author) => author.name)
        .map((author) =>
          element('author', {}, [
            textElement('name', author.name),
            author.orcid && textElement('uri', `https://orcid.org/${author.orcid}`),
          ]),
        ),
      summary &&
        textElement('summary', summary.text, { type: 'text', ...langIf(summary.lang, locale) }),
    ]);
  }
}
