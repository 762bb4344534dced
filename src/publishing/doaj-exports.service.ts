import { Transactional } from '@nestjs-cls/transactional';
import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { fileDownload, type FileDownload } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../editorial/request-context';
import { type Journal, JournalsLookup } from '../journals';
import { FileStorage } from '../storage/file-storage';
import type { DoajExport } from './entities/doaj-export.entity';
import type { Issue } from './entities/issue.entity';
import { buildDoajArticles, fullTextUrlAdvice } from './exports/doaj-articles';
import { PendingExports } from './exports/pending-exports';
import { DOAJ_ARTICLES_SCHEMA } from './exports/schema-validation';
import { IndexingExportsRepository } from './indexing-exports.repository';
import { IssuesRepository } from './issues.repository';
import { IssuesService } from './issues.service';
import { publishingProblems } from './publishing.problems';
import { TableOfContents } from './table-of-contents';
import { articleLandingUrl } from '../editorial/site-addresses';

/** An export as the editors see it: everything but its storage key. */
export type DoajExportView = Omit<DoajExport, 'storageKey' | 'issue'>;

const view = ({ storageKey: _key, issue: _issue, ...exported }: DoajExport): DoajExportView =>
  exported;

/**
 * DOAJ article uploads: requested with the publication (in its transaction), built by the
 * worker, and downloaded by the editors for DOAJ (which takes them through its upload form, or
 * its API with the publisher's key, which this installation does not hold).
 */
@Injectable()
export class DoajExports {
  private readonly logger = new Logger(DoajExports.name);

  constructor(
    private readonly exports: IndexingExportsRepository,
    private readonly pending: PendingExports,
    private readonly issues: IssuesService,
    private readonly issueRows: IssuesRepository,
    private readonly contents: TableOfContents,
    private readonly journals: JournalsLookup,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  /** An export to build, in the ambient transaction. DOAJ needs no DOI: every journal gets one. */
  requestFor(issue: Pick<Issue, 'id'>): Promise<void> {
    return this.exports.requestDoajExport(issue.id);
  }

  /**
   * Builds every pending export, each checked against doajArticles.xsd: one it refuses is marked
   * failed with the errors, never offered. Its full-text URLs are built on PUBLIC_URL, which
   * DOAJ's pattern takes only as a public address (a domain name or an IP address, not
   * `localhost`): when that is what fails, the reason says so first.
   */
  buildPending(): Promise<{ built: number; failed: number }> {
    return this.pending.build({
      table: 'doaj_exports',
      schema: DOAJ_ARTICLES_SCHEMA,
      render: (id) => this.render(id),
      advise: (errors) =>
        errors.some((error) => error.path === 'fullTextUrl')
          ? fullTextUrlAdvice(this.config.PUBLIC_URL)
          : undefined,
      logger: this.logger,
    });
  }

  private async render(id: string) {
    const exported = await this.exports.doajById(id);
    const issue = await this.issueRows.byId(exported.issueId);
    const journal = await this.journals.byId(issue.journalId);
    if (issue.status !== 'published') throw new Error('the issue is not published');
    const publicUrl = (path: string) => new URL(path, this.config.PUBLIC_URL).href;
    const records = await this.contents.articles(issue, true);
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
                url: articleLandingUrl(this.config.PUBLIC_URL, journal, record.submissionId),
                format: 'html' as const,
              },
        };
      }),
    });
    return { xml, articles: records.length };
  }

  async list(journal: Journal, issueId: string): Promise<DoajExportView[]> {
    await this.issues.find(journal, issueId);
    return (await this.exports.doajExports(issueId)).map(view);
  }

  /** A new export of a published issue (after a failure, or after DOAJ asked for changes). */
  @Transactional()
  async requestAgain(journal: Journal, issueId: string, actor: Actor): Promise<DoajExportView[]> {
    const issue = await this.issues.find(journal, issueId);
    if (issue.status !== 'published')
      throw publishingProblems.raise(
        'issue-not-published',
        'Only a published issue is exported to DOAJ',
      );
    await this.requestFor(issue);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.doaj_export_requested',
    });
    return this.list(journal, issueId);
  }

  /** A built export's file (doajArticles.xsd XML), for DOAJ's upload form. */
  async file(journal: Journal, issueId: string, exportId: string): Promise<FileDownload> {
    await this.issues.find(journal, issueId);
    const exported = await this.exports.doajExport(exportId, issueId);
    if (!exported?.storageKey)
      throw httpProblems.raise(
        'not-found',
        'There is no built DOAJ export with this id for this issue',
      );
    return fileDownload(await this.storage.get(exported.storageKey), {
      mediaType: 'application/xml',
      fileName: `doaj-${exported.id}.xml`,
    });
  }
}
