import { Injectable } from '@nestjs/common';
import { CatalogueChanges } from '../database/catalogue-changes.repository';
import type { Galley } from './entities/galley.entity';
import type { Publication } from './entities/publication.entity';
import { GalleysRepository } from './galleys.repository';
import { PublicationsRepository } from './publications.repository';

/** A galley typesetting made, to replace the ones it made before. */
export type TypesetGalley = Omit<Partial<Galley>, 'id' | 'createdAt'>;

/** Where an article landed in the issue typesetting laid out. */
export interface TypesetPlacement {
  publicationId: string;
  firstPage: number;
  lastPage: number;
}

/**
 * Where typesetting's work lands in publishing, in the ambient transaction: the records it
 * reads, the galleys it makes (replacing those it made before, leaving uploads alone), and the
 * pages it gives the articles.
 */
@Injectable()
export class TypesetOutputs {
  constructor(
    private readonly publications: PublicationsRepository,
    private readonly galleys: GalleysRepository,
    private readonly catalogue: CatalogueChanges,
  ) {}

  /** The newest version of an article's record, if it has one. */
  newestRecord(submissionId: string): Promise<Publication | null> {
    return this.publications.newest(submissionId);
  }

  /** How many article records an issue holds (every version). */
  articleCount(issueId: string): Promise<number> {
    return this.publications.countInIssue(issueId);
  }

  /** Typesetting's new galleys of an issue and of its articles replace those it made before. */
  async replaceGalleys(
    issueId: string,
    publicationIds: string[],
    galleys: TypesetGalley[],
  ): Promise<void> {
    await this.galleys.removeTypeset(issueId, publicationIds);
    await this.galleys.insertMany(galleys);
    // A published issue's typesetting gives its articles their files and pages.
    await this.catalogue.issueChanged(issueId);
  }

  /** How many galleys a typesetting run made are still in place. */
  galleysMadeBy(typesettingRunId: string): Promise<number> {
    return this.galleys.countMadeBy(typesettingRunId);
  }

  /**
   * The pages typesetting gave each article become its record's: a draft's, or a published
   * record's that has none yet (pages once published change only by correction).
   */
  async takePages(placements: TypesetPlacement[]): Promise<void> {
    for (const placement of placements) await this.publications.takePages(placement);
  }
}
