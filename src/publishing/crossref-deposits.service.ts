import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { AuditLog } from '../audit/audit-log.service';
import { AppConfig } from '../config/app-config';
import { Journal } from '../journals/journal.entity';
import { problem } from '../reviews/review-problems';
import { FileStorage } from '../storage/file-storage';
import { CrossrefDeposit } from './entities/crossref-deposit.entity';
import { DoiAssignment } from './entities/doi-assignment.entity';
import { Issue } from './entities/issue.entity';
import { buildCrossrefDeposit } from './exports/crossref-deposit';
import { buildPendingExports } from './exports/pending-exports';
import { CROSSREF_5_4_0_SCHEMA } from './exports/schema-validation';
import { findIssue, tableOfContents } from './issues.service';

/**
 * Crossref deposits: requested with the publication (in its transaction), built by the worker
 * into schema 5.4.0 XML, downloaded by the editors for Crossref, and marked registered once
 * Crossref has taken them. Registering is what freezes an issue for good.
 */
@Injectable()
export class CrossrefDeposits {
  private readonly logger = new Logger(CrossrefDeposits.name);

  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
  ) {}

  /** A deposit to build, in the caller's transaction; none for a journal without DOIs. */
  static async request(manager: EntityManager, journal: Journal, issue: Issue) {
    if (!journal.doiPrefix) return;
    await manager.insert(CrossrefDeposit, {
      issueId: issue.id,
      batchId: `tahkim-${issue.id.slice(0, 8)}-${Date.now()}`,
      status: 'pending',
    });
  }

  /**
   * Builds every pending deposit, one at a time, each claimed with SKIP LOCKED; a deposit that
   * schema 5.4.0 refuses is marked failed with the errors, never offered.
   */
  buildPending(): Promise<{ built: number; failed: number }> {
    return buildPendingExports(this.dataSource, this.storage, this.logger, {
      table: 'crossref_deposits',
      schema: CROSSREF_5_4_0_SCHEMA,
      render: async (manager, id) =>
        this.render(manager, await manager.findOneByOrFail(CrossrefDeposit, { id })),
    });
  }

  private async render(manager: EntityManager, deposit: CrossrefDeposit) {
    const issue = await manager.findOneByOrFail(Issue, { id: deposit.issueId });
    const journal = await manager.findOneByOrFail(Journal, { id: issue.journalId });
    if (issue.status !== 'published') throw new Error('the issue is not published');
    const email = journal.contactEmail ?? /<([^>]+)>/.exec(this.config.MAIL_FROM)?.[1];
    if (!email) throw new Error('the journal has no contact email to deposit under');
    const publicUrl = (path: string) => new URL(path, this.config.PUBLIC_URL).href;
    const records = (await tableOfContents(manager, issue, true))
      .flatMap((group) => group.articles)
      .filter((record) => record.doi);
    if (records.length === 0) throw new Error('no article of the issue has a DOI');
    // A correction (version 2…) keeps the article's first publication date for Crossref.
    const firsts: { submission_id: string; published_at: Date }[] = await manager.query(
      `SELECT submission_id, min(published_at) AS published_at FROM publications
        WHERE submission_id = ANY($1) AND status = 'published' GROUP BY submission_id`,
      [records.map((record) => record.submissionId)],
    );
    const firstPublished = (submissionId: string) =>
      firsts.find((row) => row.submission_id === submissionId)?.published_at ?? null;
    const xml = buildCrossrefDeposit({
      batchId: deposit.batchId,
      timestamp: deposit.createdAt.getTime(),
      depositor: { name: journal.publisherName, email },
      registrant: journal.publisherName,
      journal,
      issue,
      articles: records.map((record) => ({
        publication: { ...record, publishedAt: firstPublished(record.submissionId) },
        resourceUrl: publicUrl(`/journals/${journal.slug}/articles/${record.submissionId}`),
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

  async list(journal: Journal, issueId: string) {
    await findIssue(this.dataSource.manager, journal, issueId);
    const deposits = await this.dataSource.getRepository(CrossrefDeposit).find({
      where: { issueId },
      order: { createdAt: 'DESC' },
    });
    return deposits.map(({ storageKey: _key, ...deposit }) => deposit);
  }

  /** Asks for a new deposit of a published issue (after a failure, or to update Crossref). */
  async requestAgain(journal: Journal, issueId: string, actor: Actor) {
    await inTransaction(this.transactions, async (manager) => {
      const issue = await findIssue(manager, journal, issueId);
      if (issue.status !== 'published')
        throw problem(409, 'issue-not-published', 'Only a published issue is deposited');
      if (!journal.doiPrefix)
        throw problem(422, 'no-doi-prefix', 'The journal has no DOI prefix: nothing to deposit');
      await CrossrefDeposits.request(manager, journal, issue);
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.crossref_deposit_requested',
      });
    });
    return this.list(journal, issueId);
  }

  async file(journal: Journal, issueId: string, depositId: string) {
    await findIssue(this.dataSource.manager, journal, issueId);
    const deposit = await this.dataSource
      .getRepository(CrossrefDeposit)
      .findOneBy({ id: depositId, issueId });
    if (!deposit?.storageKey)
      throw problem(404, 'not-found', 'There is no built deposit with this id for this issue');
    return deposit;
  }

  /**
   * Crossref has accepted the deposit: its DOIs are registered, and the issue can no longer
   * be unpublished (only corrected).
   */
  async markRegistered(journal: Journal, issueId: string, depositId: string, actor: Actor) {
    await inTransaction(this.transactions, async (manager) => {
      await findIssue(manager, journal, issueId);
      const deposit = await manager.findOne(CrossrefDeposit, {
        where: { id: depositId, issueId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!deposit) throw problem(404, 'not-found', 'There is no such deposit for this issue');
      if (deposit.status !== 'built')
        throw problem(
          409,
          'deposit-not-built',
          `The deposit is ${deposit.status}: only a built deposit can have been registered`,
        );
      const now = new Date();
      await manager.update(
        CrossrefDeposit,
        { id: deposit.id },
        { status: 'registered', registeredAt: now },
      );
      const submissions: { submission_id: string }[] = await manager.query(
        `SELECT DISTINCT submission_id FROM publications WHERE issue_id = $1 AND status = 'published'`,
        [issueId],
      );
      if (submissions.length)
        await manager.update(
          DoiAssignment,
          {
            submissionId: In(submissions.map((row) => row.submission_id)),
            registeredAt: IsNull(),
          },
          { registeredAt: now },
        );
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issueId,
        action: 'issue.crossref_registered',
        after: { depositId, batchId: deposit.batchId },
      });
    });
    return this.list(journal, issueId);
  }
}
