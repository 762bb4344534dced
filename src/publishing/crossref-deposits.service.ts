import { Transactional } from '@nestjs-cls/transactional';
import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { fileDownload, type FileDownload } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../editorial/request-context';
import { type Journal, JournalsLookup } from '../journals';
import { FileStorage } from '../storage/file-storage';
import { DoisRepository } from './dois.repository';
import type { CrossrefDeposit } from './entities/crossref-deposit.entity';
import type { Issue } from './entities/issue.entity';
import { buildCrossrefDeposit } from './exports/crossref-deposit';
import { PendingExports } from './exports/pending-exports';
import { CROSSREF_5_4_0_SCHEMA } from './exports/schema-validation';
import { IndexingExportsRepository } from './indexing-exports.repository';
import { IssuesRepository } from './issues.repository';
import { IssuesService } from './issues.service';
import { PublicationsRepository } from './publications.repository';
import { publishingProblems } from './publishing.problems';
import { TableOfContents } from './table-of-contents';
import { articleLandingUrl } from '../editorial/site-addresses';

/** A deposit as the editors see it: everything but its storage key. */
export type DepositView = Omit<CrossrefDeposit, 'storageKey' | 'issue'>;

const view = ({ storageKey: _key, issue: _issue, ...deposit }: CrossrefDeposit): DepositView =>
  deposit;

/**
 * Crossref deposits: requested with the publication (in its transaction), built by the worker
 * into schema 5.4.0 XML, downloaded by the editors for Crossref, and marked registered once
 * Crossref has taken them. Registering is what freezes an issue for good.
 */
@Injectable()
export class CrossrefDeposits {
  private readonly logger = new Logger(CrossrefDeposits.name);

  constructor(
    private readonly exports: IndexingExportsRepository,
    private readonly pending: PendingExports,
    private readonly issues: IssuesService,
    private readonly issueRows: IssuesRepository,
    private readonly publications: PublicationsRepository,
    private readonly dois: DoisRepository,
    private readonly contents: TableOfContents,
    private readonly journals: JournalsLookup,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  /** A deposit to build, in the ambient transaction; none for a journal without DOIs. */
  async requestFor(journal: Pick<Journal, 'doiPrefix'>, issue: Pick<Issue, 'id'>): Promise<void> {
    if (journal.doiPrefix) await this.exports.requestDeposit(issue.id);
  }

  /**
   * Builds every pending deposit, one at a time, each claimed with SKIP LOCKED; a deposit that
   * schema 5.4.0 refuses is marked failed with the errors, never offered.
   */
  buildPending(): Promise<{ built: number; failed: number }> {
    return this.pending.build({
      table: 'crossref_deposits',
      schema: CROSSREF_5_4_0_SCHEMA,
      render: (id) => this.render(id),
      logger: this.logger,
    });
  }

  private async render(id: string) {
    const deposit = await this.exports.depositById(id);
    const issue = await this.issueRows.byId(deposit.issueId);
    const journal = await this.journals.byId(issue.journalId);
    if (issue.status !== 'published') throw new Error('the issue is not published');
    const email = journal.contactEmail ?? /<([^>]+)>/.exec(this.config.MAIL_FROM)?.[1];
    if (!email) throw new Error('the journal has no contact email to deposit under');
    const publicUrl = (path: string) => new URL(path, this.config.PUBLIC_URL).href;
    const records = (await this.contents.articles(issue, true)).filter((record) => record.doi);
    if (records.length === 0) throw new Error('no article of the issue has a DOI');
    // A correction (version 2…) keeps the article's first publication date for Crossref.
    const firsts = await this.publications.firstPublished(
      records.map((record) => record.submissionId),
    );
    const xml = buildCrossrefDeposit({
      batchId: deposit.batchId,
      timestamp: deposit.createdAt.getTime(),
      depositor: { name: journal.publisherName, email },
      registrant: journal.publisherName,
      journal,
      issue,
      articles: records.map((record) => ({
        publication: { ...record, publishedAt: firsts.get(record.submissionId) ?? null },
        resourceUrl: articleLandingUrl(this.config.PUBLIC_URL, journal, record.submissionId),
        fullTextUrls: record.galleys
          .filter((galley) => galley.mediaType === 'application/pdf')
          .map((galley) => ({
            url: publicUrl(`/api/public/journals/${journal.slug}/galleys/${galley.id}/content`),
            mediaType: galley.mediaType,
          })),
      })),
    });
    return { xml, articles: records.length };
  }

  async list(journal: Journal, issueId: string): Promise<DepositView[]> {
    await this.issues.find(journal, issueId);
    return (await this.exports.deposits(issueId)).map(view);
  }

  /** Asks for a new deposit of a published issue (after a failure, or to update Crossref). */
  @Transactional()
  async requestAgain(journal: Journal, issueId: string, actor: Actor): Promise<DepositView[]> {
    const issue = await this.issues.find(journal, issueId);
    if (issue.status !== 'published')
      throw publishingProblems.raise('issue-not-published', 'Only a published issue is deposited');
    if (!journal.doiPrefix)
      throw publishingProblems.raise(
        'no-doi-prefix',
        'The journal has no DOI prefix: nothing to deposit',
      );
    await this.requestFor(journal, issue);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.crossref_deposit_requested',
    });
    return this.list(journal, issueId);
  }

  /** A built deposit's file (Crossref schema 5.4.0 XML), for the editors to send. */
  async file(journal: Journal, issueId: string, depositId: string): Promise<FileDownload> {
    await this.issues.find(journal, issueId);
    const deposit = await this.exports.deposit(depositId, issueId);
    if (!deposit?.storageKey)
      throw httpProblems.raise(
        'not-found',
        'There is no built deposit with this id for this issue',
      );
    return fileDownload(await this.storage.get(deposit.storageKey), {
      mediaType: 'application/xml',
      fileName: `${deposit.batchId}.xml`,
    });
  }

  /**
   * Crossref has accepted the deposit: its DOIs are registered, and the issue can no longer
   * be unpublished (only corrected).
   */
  @Transactional()
  async markRegistered(
    journal: Journal,
    issueId: string,
    depositId: string,
    actor: Actor,
  ): Promise<DepositView[]> {
    await this.issues.find(journal, issueId);
    const deposit = await this.exports.deposit(depositId, issueId, true);
    if (!deposit) throw httpProblems.raise('not-found', 'There is no such deposit for this issue');
    if (deposit.status !== 'built')
      throw publishingProblems.raise(
        'deposit-not-built',
        `The deposit is ${deposit.status}: only a built deposit can have been registered`,
      );
    const now = new Date();
    await this.exports.markRegistered(deposit.id, now);
    await this.dois.markRegistered(await this.publications.publishedArticlesOf(issueId), now);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issueId,
      action: 'issue.crossref_registered',
      after: { depositId, batchId: deposit.batchId },
    });
    return this.list(journal, issueId);
  }
}
