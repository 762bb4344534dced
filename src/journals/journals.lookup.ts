import { Injectable } from '@nestjs/common';
import { httpProblems } from '../common/problems/http.problems';
import type { Journal } from './journal.entity';
import { JournalsRepository } from './journals.repository';

/**
 * Finds journals for the other features and for public routes (guarded routes get theirs from
 * the journal access guard, through @CurrentJournal()).
 */
@Injectable()
export class JournalsLookup {
  constructor(private readonly journals: JournalsRepository) {}

  /** The journal of a slug; 404 when there is none. */
  async bySlug(slug: string): Promise<Journal> {
    const journal = await this.journals.findBySlug(slug);
    if (!journal) throw httpProblems.raise('not-found', `There is no journal "${slug}"`);
    return journal;
  }

  /** Every journal of the installation, by slug (the site's home lists them). */
  list(): Promise<Journal[]> {
    return this.journals.list();
  }

  /** The journal of an id that another row refers to (it exists: the foreign key says so). */
  byId(id: string): Promise<Journal> {
    return this.journals.findByIdOrFail(id);
  }
}
