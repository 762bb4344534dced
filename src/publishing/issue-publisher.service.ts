import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import type { Actor, Viewer } from '../editorial/request-context';
import type { Mover } from '../editorial/stages/stage-machine';
import type { Journal } from '../journals';
import { ArticleStages, staffMover } from './article-stages';
import { CatalogueChanges } from '../database/catalogue-changes.repository';
import { CrossrefDeposits } from './crossref-deposits.service';
import { DoajExports } from './doaj-exports.service';
import { DoisRepository } from './dois.repository';
import type {
  PublishIssueDto,
  PublishNowDto,
  ScheduleIssueDto,
  UnpublishIssueDto,
} from './dto/publishing.dto';
import type { Issue } from './entities/issue.entity';
import type { Publication } from './entities/publication.entity';
import { IssueMailer } from './issue-mailer';
import { IssuesRepository } from './issues.repository';
import { IssuesService, type IssueView } from './issues.service';
import { missingForPublication, overlappingPages } from './publication-readiness';
import { PublicationsRepository } from './publications.repository';
import { publishingProblems } from './publishing.problems';
import { SearchIndex } from './search/search-index.service';

const stale = () =>
  publishingProblems.raise('stale-issue', 'The issue changed meanwhile: reload it');

/**
 * An issue's publication, in one transaction each: publishing (every article with the issue's
 * date, DOIs frozen, the issue current if it is the newest, the authors and readers emailed,
 * the indexing exports requested), scheduling it for the worker, and taking either back. Its
 * articles move with it through the stage machine.
 */
@Injectable()
export class IssuePublisher {
  constructor(
    private readonly issues: IssuesService,
    private readonly issueRows: IssuesRepository,
    private readonly publications: PublicationsRepository,
    private readonly dois: DoisRepository,
    private readonly stages: ArticleStages,
    private readonly deposits: CrossrefDeposits,
    private readonly doaj: DoajExports,
    private readonly mailer: IssueMailer,
    private readonly audit: AuditLog,
    private readonly searchIndex: SearchIndex,
    private readonly catalogue: CatalogueChanges,
  ) {}

  @Transactional()
  async publish(
    journal: Journal,
    viewer: Viewer,
    id: string,
    dto: PublishNowDto,
    actor: Actor,
  ): Promise<IssueView> {
    await this.publishIn(journal, id, dto.lockVersion, staffMover(viewer), actor, {
      notifyReaders: dto.notifyReaders,
    });
    return this.issues.get(journal, id);
  }

  /**
   * The publication itself, in the ambient transaction (the scheduled publication runs it too).
   * Refused, with nothing changed, when the issue is empty, an article lacks what publishing
   * needs, or page ranges overlap.
   */
  async publishIn(
    journal: Journal,
    id: string,
    lockVersion: number | null,
    by: Mover,
    actor: Actor,
    { now = new Date(), notifyReaders = true }: { now?: Date; notifyReaders?: boolean } = {},
  ): Promise<Issue> {
    const issue = await this.issues.find(journal, id, true);
    if (lockVersion !== null && issue.lockVersion !== lockVersion) throw stale();
    if (issue.status === 'published')
      throw publishingProblems.raise('issue-published', 'The issue is published already');
    const records = await this.publications.draftsOfIssue(issue.id);
    if (records.length === 0)
      throw publishingProblems.raise('empty-issue', 'The issue has no articles to publish');
    const articles = await this.publications.articles(records.map((record) => record.submissionId));
    this.assertReady(journal, records, articles);

    await this.issueRows.update(issue.id, {
      status: 'published',
      publishedAt: now,
      scheduledFor: null,
    });
    await this.issueRows.makeCurrentIfNewest(journal.id);
    for (const record of records) {
      await this.publications.update(record.id, { status: 'published', publishedAt: now });
      await this.dois.freeze([record.submissionId], now);
      const article = articles.find((candidate) => candidate.id === record.submissionId)!;
      await this.stages.move(article, 'publish', by, actor, {
        issueId: issue.id,
        doi: record.doi,
      });
      await this.mailer.articlePublished(journal, issue, record, article);
    }
    await this.searchIndex.refresh(records.map((record) => record.submissionId));
    await this.catalogue.journalChanged(journal.id);
    if (notifyReaders)
      await this.mailer.issuePublished(
        journal,
        issue,
        records,
        articles.map((article) => article.submitterId),
      );
    // The indexing exports: the worker builds the Crossref deposit and the DOAJ upload once this
    // commits (OAI-PMH harvesters read the published records directly).
    await this.deposits.requestFor(journal, issue);
    await this.doaj.requestFor(issue);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.published',
      after: { articles: records.length, publishedAt: now.toISOString() },
    });
    return issue;
  }

  /** 422 listing each article's missing fields and every overlap of pages. */
  private assertReady(
    journal: Journal,
    records: Publication[],
    articles: { id: string; number: string | null }[],
  ) {
    const label = (record: Publication) =>
      articles.find((article) => article.id === record.submissionId)?.number ?? record.submissionId;
    const unready = records
      .map((record) => ({
        article: label(record),
        missing: missingForPublication(journal, record),
      }))
      .filter((entry) => entry.missing.length > 0);
    const overlaps = overlappingPages(
      records.map((record) => ({
        label: label(record),
        firstPage: record.firstPage,
        lastPage: record.lastPage,
      })),
    );
    if (unready.length || overlaps.length)
      throw publishingProblems.raise(
        'issue-not-ready',
        [
          ...unready.map((entry) => `${entry.article} lacks ${entry.missing.join(', ')}`),
          ...overlaps.map((overlap) => `pages overlap: ${overlap}`),
        ].join('; '),
        { articles: unready, overlaps },
      );
  }

  /**
   * Schedules the issue for publication at a given time: the worker publishes it then (the same
   * checks apply; if they fail, the issue returns to the editors, who are emailed why). Its
   * articles move to the `scheduled` stage. Scheduling again moves the time.
   */
  @Transactional()
  async schedule(
    journal: Journal,
    viewer: Viewer,
    id: string,
    dto: ScheduleIssueDto,
    actor: Actor,
  ): Promise<IssueView> {
    if (dto.publishAt.getTime() <= Date.now())
      throw publishingProblems.raise(
        'schedule-in-past',
        'The publication time must be in the future',
      );
    const issue = await this.issues.find(journal, id, true);
    if (issue.lockVersion !== dto.lockVersion) throw stale();
    if (issue.status === 'published')
      throw publishingProblems.raise('issue-published', 'The issue is published already');
    const records = await this.publications.draftsOfIssue(issue.id);
    if (records.length === 0)
      throw publishingProblems.raise('empty-issue', 'The issue has no articles to publish');
    await this.issueRows.update(issue.id, { status: 'scheduled', scheduledFor: dto.publishAt });
    const articles = await this.publications.articles(records.map((record) => record.submissionId));
    for (const article of articles.filter((candidate) => candidate.stage === 'production'))
      await this.stages.move(article, 'schedule', staffMover(viewer), actor, {
        issueId: issue.id,
        publishAt: dto.publishAt.toISOString(),
      });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.scheduled',
      after: { publishAt: dto.publishAt.toISOString() },
    });
    return this.issues.get(journal, id);
  }

  /** Back to a draft, in the ambient transaction: no longer scheduled; its articles return to production. */
  async unscheduleIn(issue: Issue, by: Mover, actor: Actor): Promise<void> {
    await this.issueRows.update(issue.id, { status: 'draft', scheduledFor: null });
    const records = await this.publications.draftsOfIssue(issue.id);
    const articles = await this.publications.articles(records.map((record) => record.submissionId));
    for (const article of articles.filter((candidate) => candidate.stage === 'scheduled'))
      await this.stages.move(article, 'unschedule', by, actor, { issueId: issue.id });
  }

  @Transactional()
  async unschedule(
    journal: Journal,
    viewer: Viewer,
    id: string,
    dto: PublishIssueDto,
    actor: Actor,
  ): Promise<IssueView> {
    const issue = await this.issues.find(journal, id, true);
    if (issue.lockVersion !== dto.lockVersion) throw stale();
    if (issue.status !== 'scheduled')
      throw publishingProblems.raise('issue-not-scheduled', 'The issue is not scheduled');
    await this.unscheduleIn(issue, staffMover(viewer), actor);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.unscheduled',
    });
    return this.issues.get(journal, id);
  }

  /**
   * Takes an issue back from the public record, with a reason, while none of its DOIs has been
   * registered: its articles return to production. After a deposit only corrections remain.
   */
  @Transactional()
  async unpublish(
    journal: Journal,
    viewer: Viewer,
    id: string,
    dto: UnpublishIssueDto,
    actor: Actor,
  ): Promise<IssueView> {
    const issue = await this.issues.find(journal, id, true);
    if (issue.lockVersion !== dto.lockVersion) throw stale();
    if (issue.status !== 'published')
      throw publishingProblems.raise('issue-not-published', 'The issue is not published');
    const records = await this.publications.ofIssue(issue.id);
    const submissionIds = records.map((record) => record.submissionId);
    const registered = await this.dois.registered(submissionIds);
    if (registered)
      throw publishingProblems.raise(
        'doi-registered',
        `${registered} DOI(s) of this issue are registered: the issue stays published; publish corrections instead`,
      );
    if (records.some((record) => record.version > 1))
      throw publishingProblems.raise(
        'has-corrections',
        'Articles of this issue have corrections: the issue stays published',
      );
    await this.issueRows.update(issue.id, { status: 'draft', publishedAt: null, isCurrent: false });
    await this.publications.unpublishIssue(issue.id);
    await this.searchIndex.refresh(submissionIds);
    await this.catalogue.journalChanged(journal.id);
    for (const article of await this.publications.articles(submissionIds))
      await this.stages.move(article, 'unpublish', staffMover(viewer), actor, {
        issueId: issue.id,
        reason: dto.reason.trim(),
      });
    await this.issueRows.makeCurrentIfNewest(journal.id);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.unpublished',
      after: { reason: dto.reason.trim() },
    });
    return this.issues.get(journal, id);
  }
}
