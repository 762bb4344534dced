import { Injectable, type OnModuleInit } from '@nestjs/common';
import { StoredContent } from '../editorial/stored-content';
import { GalleysRepository } from './galleys.repository';
import { IndexingExportsRepository } from './indexing-exports.repository';
import { IssuesRepository } from './issues.repository';

/**
 * Publishing's rows that hold stored content: galleys, issue covers, and the built indexing
 * exports. Registered with the stored-content registry at start, in both processes, so that
 * content is never deleted while one of them holds it.
 */
@Injectable()
export class PublishingContent implements OnModuleInit {
  constructor(
    private readonly stored: StoredContent,
    private readonly galleys: GalleysRepository,
    private readonly issues: IssuesRepository,
    private readonly exports: IndexingExportsRepository,
  ) {}

  onModuleInit(): void {
    this.stored.register('publishing', (key) => this.holds(key));
  }

  async holds(key: string): Promise<boolean> {
    return (
      (await this.galleys.holds(key)) ||
      (await this.issues.coverHolds(key)) ||
      (await this.exports.holds(key))
    );
  }
}
