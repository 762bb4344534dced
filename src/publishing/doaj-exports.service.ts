import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { AuditLog } from '../audit/audit-log.service';
import { AppConfig } from '../config/app-config';
import { Journal } from '../journals/journal.entity';
import { problem } from '../reviews/review-problems';
import { FileStorage } from '../storage/file-storage';
import { DoajExport } from './entities/doaj-export.entity';
import { Issue } from './entities/issue.entity';
import { buildDoajArticles, fullTextUrlAdvice } from './exports/doaj-articles';
import { buildPendingExports } from './exports/pending-exports';
import { DOAJ_ARTICLES_SCHEMA } from './exports/schema-validation';
import { findIssue, tableOfContents } from './issues.service';

/**
 * DOAJ article uploads: requested with the publication (in its transaction), built by the
 * worker, and downloaded by the editors for DOAJ (which takes them through its upload form, or
 * its API with the publisher's key, which this installation does not hold).
 */
@Injectable()
export class DoajExports {
  private readonly logger = new Logger(DoajExports.name);

  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  /** An export to build, in the caller's transaction. DOAJ needs no DOI: every journal gets one. */
  static async request(manager: EntityManager, issue: Issue) {
    await manager.insert(DoajExport, { issueId: issue.id, status: 'pending' });
  }

  /**
   * Builds every pending export, each checked against doajArticles.xsd: one it refuses is marked
   * failed with the errors, never offered. Its full-text URLs are built on PUBLIC_URL, which
   * DOAJ's pattern takes only as a public address (a domain name or an IP address, not
   * `localhost`): when that is what fails, the reason says so first.
   */
  buildPending(): Promise<{ built: number; failed: number }> {
    return buildPendingExports(this.dataSource, this.storage, this.logger, {
      table: 'doaj_exports',
      schema: DOAJ_ARTICLES_SCHEMA,
      render: (manager, id) => this.render(manager, id),
      advise: (errors) =>
        errors.some((error) => error.path === 'fullTextUrl')
          ? fullTextUrlAdvice(this.config.PUBLIC_URL)
          : undefined,
    });
  }

  private async render(manager: EntityManager, id: string) {
    const exported = await manager.findOneByOrFail(DoajExport, { id });
    const issue = await manager.findOneByOrFail(Issue, { id: exported.issueId });
    const journal = await manager.findOneByOrFail(Journal, { id: issue.journalId });
    if (issue.status !== 'published') throw new Error('the issue is not published');
    const publicUrl = (path: string) => new URL(path, this.config.PUBLIC_URL).href;
    const records = (await tableOfContents(manager, issue, true)).flatMap(
      (group) => group.articles,
    );
    const xml = buildDoajArticles({
      journal,
      issue,
      articles: records.map((record) => {
        const pdf = record.galleys.find((galley) => galley.mediaType === 'application/pdf');
        return {
          publication: record,
          fullText: pdf
            ? {
                url: publicUrl(`/api/public/journals/${journal.slug}/galleys/${pdf.id}/content`),
                format: 'pdf' as const,
              }
            : {
                url: publicUrl(`/journals/${journal.slug}/articles/${record.submissionId}`),
                format: 'html' as const,
              },
        };
      }),
    });
    return { xml, articles: records.length };
  }

  async list(journal: Journal, issueId: string) {
    await findIssue(this.dataSource.manager, journal, issueId);
    const exports = await this.dataSource.getRepository(DoajExport).find({
      where: { issueId },
      order: { createdAt: 'DESC' },
    });
    return exports.map(({ storageKey: _key, ...exported }) => exported);
  }

  /** A new export of a published issue (after a failure, or after DOAJ asked for changes). */
  async requestAgain(journal: Journal, issueId: string, actor: Actor) {
    await inTransaction(this.transactions, async (manager) => {
      const issue = await findIssue(manager, journal, issueId);
      if (issue.status !== 'published')
        throw problem(409, 'issue-not-published', 'Only a published issue is exported to DOAJ');
      await DoajExports.request(manager, issue);
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.doaj_export_requested',
      });
    });
    return this.list(journal, issueId);
  }

  async file(journal: Journal, issueId: string, exportId: string) {
    await findIssue(this.dataSource.manager, journal, issueId);
    const exported = await this.dataSource
      .getRepository(DoajExport)
      .findOneBy({ id: exportId, issueId });
    if (!exported?.storageKey)
      throw problem(404, 'not-found', 'There is no built DOAJ export with this id for this issue');
    return exported;
  }
}
