import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/http/problem.exception';
import { Journal } from './journal.entity';

/** Finds a journal by slug for public routes (guarded routes get it from JournalAccessGuard). */
@Injectable()
export class JournalsLookup {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async bySlug(slug: string): Promise<Journal> {
    const journal = await this.dataSource.getRepository(Journal).findOneBy({ slug });
    if (!journal)
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: `There is no journal "${slug}"`,
      });
    return journal;
  }
}
