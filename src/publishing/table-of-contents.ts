import { Injectable } from '@nestjs/common';
import type { LocalizedText } from '../common/i18n/locale';
import type { Galley } from './entities/galley.entity';
import type { Issue } from './entities/issue.entity';
import type { Publication } from './entities/publication.entity';
import { GalleysRepository } from './galleys.repository';
import { PublicationsRepository } from './publications.repository';

/** An article of the contents: its record (one version) and that version's galleys. */
export type TocArticle = Publication & { galleys: Galley[] };

/** One section of an issue's contents. */
export interface TocSection {
  section: { id: string; titles: LocalizedText };
  articles: TocArticle[];
}

/**
 * An issue's articles by section, in the journal's section order, each in its own order: the
 * newest version of each (the newest published one for the public), with its galleys.
 */
@Injectable()
export class TableOfContents {
  constructor(
    private readonly publications: PublicationsRepository,
    private readonly galleys: GalleysRepository,
  ) {}

  async of(issue: Pick<Issue, 'id'>, publishedOnly = false): Promise<TocSection[]> {
    const records = await this.publications.ofIssue(issue.id, publishedOnly);
    const newest = new Map<string, Publication>();
    for (const record of records) {
      const seen = newest.get(record.submissionId);
      if (!seen || record.version > seen.version) newest.set(record.submissionId, record);
    }
    const latest = [...newest.values()].sort((a, b) => a.seq - b.seq);
    const sections = await this.publications.sections([
      ...new Set(latest.map((record) => record.sectionId)),
    ]);
    const galleys = await this.galleys.ofPublications(latest.map((record) => record.id));
    return sections.map((section) => ({
      section: { id: section.id, titles: section.titles },
      articles: latest
        .filter((record) => record.sectionId === section.id)
        .map((record) => ({
          ...record,
          galleys: galleys.filter((galley) => galley.publicationId === record.id),
        })),
    }));
  }

  /** The articles of the contents, in reading order. */
  async articles(issue: Pick<Issue, 'id'>, publishedOnly = false): Promise<TocArticle[]> {
    return (await this.of(issue, publishedOnly)).flatMap((group) => group.articles);
  }
}
