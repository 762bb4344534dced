import { Injectable } from '@nestjs/common';
import type { Journal } from '../../journals';
import { type Issue, type Publication, PublicCatalogue } from '../../publishing';

/** A published issue and its articles (the newest published version of each), in contents order. */
export interface IssueArticles {
  issue: Issue;
  articles: Publication[];
}

/** An XML date: RFC 3339 in UTC, to the second (Atom's and the sitemap's `lastmod`). */
export const xmlDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The latest of some dates, or null when there is none. */
export function latest(...dates: (Date | null | undefined)[]): Date | null {
  const times = dates.filter((date): date is Date => !!date).map((date) => date.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * A journal's published record as the feed and the sitemap walk it, read from the public
 * catalogue (what the public pages show, nothing else): its published issues and their
 * articles.
 */
@Injectable()
export class PublishedArticles {
  constructor(private readonly catalogue: PublicCatalogue) {}

  /** The journal and its published issues, newest first; 404 for an unknown journal. */
  archive(slug: string): Promise<{ journal: Journal; issues: Issue[] }> {
    return this.catalogue.archive(slug);
  }

  /** A published issue's articles, in the order of its contents. */
  async articlesOf(slug: string, issue: Issue): Promise<IssueArticles> {
    const { toc } = await this.catalogue.issue(slug, issue.id);
    return { issue, articles: toc.flatMap((section) => section.articles) };
  }

  /** When an article first appeared: a correction (a later version) keeps the first date. */
  async firstPublished(slug: string, article: Publication): Promise<Date | null> {
    if (article.version === 1) return article.publishedAt;
    const { versions } = await this.catalogue.article(slug, article.submissionId);
    return versions.at(-1)?.publishedAt ?? article.publishedAt;
  }
}
