import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { AuditLog } from '../audit/audit-log.service';
import { displayName } from '../accounts/user.entity';
import { isLocale, type Locale } from '../common/i18n/locale';
import { ProblemException } from '../common/http/problem.exception';
import { AppConfig } from '../config/app-config';
import type { Journal } from '../journals/journal.entity';
import { NotificationService } from '../notifications/notification.service';
import { authorsOf } from '../reviews/jobs/review-reminders.job';
import { problem } from '../reviews/review-problems';
import { Submission } from '../submissions/entities/submission.entity';
import type {
  PublishIssueDto,
  PublishNowDto,
  ScheduleIssueDto,
  UnpublishIssueDto,
} from './dto/publishing.dto';
import { CrossrefDeposits } from './crossref-deposits.service';
import { DoajExports } from './doaj-exports.service';
import { DoiAssignment } from './entities/doi-assignment.entity';
import { Issue } from './entities/issue.entity';
import { Publication } from './entities/publication.entity';
import { identifyIssue } from './issue-identification';
import { IssuesService } from './issues.service';

/** The article's title in a reader's language, else in its own. */
function titleIn(record: Publication, locale: Locale): string {
  return record.metadata[locale]?.title ?? record.metadata[record.locale]?.title ?? '';
}

/** What an article lacks before it can be published; empty when it is ready. */
export function missingForPublication(journal: Journal, record: Publication): string[] {
  const missing: string[] = [];
  const own = record.metadata[record.locale];
  if (!own?.title?.trim()) missing.push(`title (${record.locale})`);
  if (!own?.abstract?.trim()) missing.push(`abstract (${record.locale})`);
  if (record.contributors.length === 0) missing.push('authors');
  if (!record.copyrightHolder?.trim()) missing.push('copyright holder');
  if (!record.copyrightYear) missing.push('copyright year');
  if (!record.licenceUrl) missing.push('licence');
  if (!record.articleNumber && (record.firstPage === null || record.lastPage === null))
    missing.push('pages (or an article number)');
  else if (
    record.firstPage !== null &&
    record.lastPage !== null &&
    record.lastPage < record.firstPage
  )
    missing.push('pages that run forward (the last page is before the first)');
  if (journal.doiPrefix && !record.doi) missing.push('DOI');
  return missing;
}

/** Page ranges of different articles that share pages: "VOL-1 (5–12) and VOL-2 (10–20)". */
export function overlappingPages(
  articles: { label: string; firstPage: number | null; lastPage: number | null }[],
): string[] {
  const paged = articles
    .filter((article) => article.firstPage !== null && article.lastPage !== null)
    .sort((a, b) => a.firstPage! - b.firstPage!);
  const overlaps: string[] = [];
  for (let index = 1; index < paged.length; index++) {
    const previous = paged[index - 1];
    const current = paged[index];
    if (current.firstPage! <= previous.lastPage!)
      overlaps.push(
        `${previous.label} (${previous.firstPage}–${previous.lastPage}) and ${current.label} (${current.firstPage}–${current.lastPage})`,
      );
  }
  return overlaps;
}

/**
 * Publishing an issue, in one transaction: every article in it is published with the issue's
 * date, DOIs are frozen, the issue becomes current if it is the newest, and the authors are
 * emailed. Refused (and nothing changed) when the issue is empty, an article lacks what
 * publishing needs, or page ranges overlap.
 */
@Injectable()
export class IssuePublisher {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issues: IssuesService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async publish(journal: Journal, id: string, dto: PublishNowDto, actor: Actor) {
    await inTransaction(this.transactions, (manager) =>
      this.publishIn(manager, journal, id, dto.lockVersion, actor, new Date(), dto.notifyReaders),
    );
    return this.issues.get(journal, id);
  }

  /** The publication itself, in the caller's transaction (the scheduled job uses it too). */
  async publishIn(
    manager: EntityManager,
    journal: Journal,
    id: string,
    lockVersion: number | null,
    actor: Actor,
    now = new Date(),
    notifyReaders = true,
  ): Promise<Issue> {
    const issue = await this.issues.find(manager, journal, id, true);
    if (lockVersion !== null && issue.lockVersion !== lockVersion)
      throw problem(409, 'stale-issue', 'The issue changed meanwhile: reload it');
    if (issue.status === 'published')
      throw problem(409, 'issue-published', 'The issue is published already');
    const records = await manager.find(Publication, {
      where: { issueId: issue.id, status: 'draft' },
      order: { seq: 'ASC' },
    });
    if (records.length === 0)
      throw problem(422, 'empty-issue', 'The issue has no articles to publish');
    const submissions = await manager.findBy(Submission, {
      id: In(records.map((record) => record.submissionId)),
    });
    const label = (record: Publication) =>
      submissions.find((submission) => submission.id === record.submissionId)?.number ??
      record.submissionId;
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
      throw new ProblemException({
        status: 422,
        type: 'urn:tahkim:problem:issue-not-ready',
        title: 'Unprocessable Content',
        detail: [
          ...unready.map((entry) => `${entry.article} lacks ${entry.missing.join(', ')}`),
          ...overlaps.map((overlap) => `pages overlap: ${overlap}`),
        ].join('; '),
        extensions: { articles: unready, overlaps },
      });

    await manager.update(
      Issue,
      { id: issue.id },
      { status: 'published', publishedAt: now, scheduledFor: null },
    );
    await this.makeCurrentIfNewest(manager, journal);
    for (const record of records) {
      await manager.update(
        Publication,
        { id: record.id },
        { status: 'published', publishedAt: now },
      );
      await manager.update(
        DoiAssignment,
        { submissionId: record.submissionId, frozenAt: IsNull() },
        { frozenAt: now },
      );
      const submission = submissions.find((candidate) => candidate.id === record.submissionId)!;
      await this.issues.moveStage(
        manager,
        submission,
        'published',
        actor,
        { issueId: issue.id, doi: record.doi },
        true,
      );
      await this.tellAuthors(manager, journal, issue, record, submission);
    }
    if (notifyReaders) await this.tellReaders(manager, journal, issue, records, submissions);
    // The indexing exports: the worker builds the Crossref deposit and the DOAJ upload once this
    // commits (OAI-PMH harvesters read the published records directly).
    await CrossrefDeposits.request(manager, journal, issue);
    await DoajExports.request(manager, issue);
    await this.audit.record(manager, {
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.published',
      after: { articles: records.length, publishedAt: now.toISOString() },
    });
    return issue;
  }

  /**
   * Schedules the issue for publication at a given time: the worker publishes it then (the same
   * checks apply; if they fail, the issue returns to the editors, who are emailed why). Its
   * articles move to the `scheduled` stage. Scheduling again moves the time.
   */
  async schedule(journal: Journal, id: string, dto: ScheduleIssueDto, actor: Actor) {
    if (dto.publishAt.getTime() <= Date.now())
      throw problem(422, 'schedule-in-past', 'The publication time must be in the future');
    await inTransaction(this.transactions, async (manager) => {
      const issue = await this.issues.find(manager, journal, id, true);
      if (issue.lockVersion !== dto.lockVersion)
        throw problem(409, 'stale-issue', 'The issue changed meanwhile: reload it');
      if (issue.status === 'published')
        throw problem(409, 'issue-published', 'The issue is published already');
      const records = await manager.findBy(Publication, { issueId: issue.id, status: 'draft' });
      if (records.length === 0)
        throw problem(422, 'empty-issue', 'The issue has no articles to publish');
      await manager.update(
        Issue,
        { id: issue.id },
        { status: 'scheduled', scheduledFor: dto.publishAt },
      );
      const submissions = await manager.findBy(Submission, {
        id: In(records.map((record) => record.submissionId)),
        stage: 'production',
      });
      for (const submission of submissions)
        await this.issues.moveStage(manager, submission, 'scheduled', actor, {
          issueId: issue.id,
          publishAt: dto.publishAt.toISOString(),
        });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.scheduled',
        after: { publishAt: dto.publishAt.toISOString() },
      });
    });
    return this.issues.get(journal, id);
  }

  /** Back to a draft: no longer scheduled; its articles return to production. */
  async unscheduleIn(manager: EntityManager, journal: Journal, issue: Issue, actor: Actor) {
    await manager.update(Issue, { id: issue.id }, { status: 'draft', scheduledFor: null });
    const records = await manager.findBy(Publication, { issueId: issue.id, status: 'draft' });
    const submissions = records.length
      ? await manager.findBy(Submission, {
          id: In(records.map((record) => record.submissionId)),
          stage: 'scheduled',
        })
      : [];
    for (const submission of submissions)
      await this.issues.moveStage(manager, submission, 'production', actor, { issueId: issue.id });
  }

  async unschedule(journal: Journal, id: string, dto: PublishIssueDto, actor: Actor) {
    await inTransaction(this.transactions, async (manager) => {
      const issue = await this.issues.find(manager, journal, id, true);
      if (issue.lockVersion !== dto.lockVersion)
        throw problem(409, 'stale-issue', 'The issue changed meanwhile: reload it');
      if (issue.status !== 'scheduled')
        throw problem(409, 'issue-not-scheduled', 'The issue is not scheduled');
      await this.unscheduleIn(manager, journal, issue, actor);
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.unscheduled',
      });
    });
    return this.issues.get(journal, id);
  }

  /**
   * Takes an issue back from the public record, with a reason, while none of its DOIs has been
   * registered: its articles return to production. After a deposit only corrections remain.
   */
  async unpublish(journal: Journal, id: string, dto: UnpublishIssueDto, actor: Actor) {
    await inTransaction(this.transactions, async (manager) => {
      const issue = await this.issues.find(manager, journal, id, true);
      if (issue.lockVersion !== dto.lockVersion)
        throw problem(409, 'stale-issue', 'The issue changed meanwhile: reload it');
      if (issue.status !== 'published')
        throw problem(409, 'issue-not-published', 'The issue is not published');
      const records = await manager.findBy(Publication, { issueId: issue.id });
      const registered = records.length
        ? await manager.countBy(DoiAssignment, {
            submissionId: In(records.map((record) => record.submissionId)),
            registeredAt: Not(IsNull()),
          })
        : 0;
      if (registered)
        throw problem(
          409,
          'doi-registered',
          `${registered} DOI(s) of this issue are registered: the issue stays published; publish corrections instead`,
        );
      if (records.some((record) => record.version > 1))
        throw problem(
          409,
          'has-corrections',
          'Articles of this issue have corrections: the issue stays published',
        );
      await manager.update(
        Issue,
        { id: issue.id },
        { status: 'draft', publishedAt: null, isCurrent: false },
      );
      await manager.update(
        Publication,
        { issueId: issue.id },
        { status: 'draft', publishedAt: null },
      );
      const submissions = await manager.findBy(Submission, {
        id: In(records.map((record) => record.submissionId)),
      });
      for (const submission of submissions)
        await this.issues.moveStage(manager, submission, 'production', actor, {
          issueId: issue.id,
          reason: dto.reason.trim(),
        });
      await this.makeCurrentIfNewest(manager, journal);
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.unpublished',
        after: { reason: dto.reason.trim() },
      });
    });
    return this.issues.get(journal, id);
  }

  /** The newest published issue (year, volume, number) is the current one. */
  private async makeCurrentIfNewest(manager: EntityManager, journal: Journal) {
    const newest = await manager.findOne(Issue, {
      where: { journalId: journal.id, status: 'published' },
      order: { year: 'DESC', volume: 'DESC', number: 'DESC' },
    });
    await manager.update(Issue, { journalId: journal.id, isCurrent: true }, { isCurrent: false });
    if (newest) await manager.update(Issue, { id: newest.id }, { isCurrent: true });
  }

  /**
   * The journal's readers (people who enrolled as readers: subscribing is that, and leaving
   * the role unsubscribes) hear of the new issue with its contents, in their language; the
   * authors in it have their own email.
   */
  private async tellReaders(
    manager: EntityManager,
    journal: Journal,
    issue: Issue,
    records: Publication[],
    submissions: Submission[],
  ) {
    const readers: { id: string; email: string; names: never; preferred_locale: string }[] =
      await manager.query(
        `SELECT u.id, u.email, u.names, u.preferred_locale FROM journal_roles r
           JOIN users u ON u.id = r.user_id AND u.status = 'active'
          WHERE r.journal_id = $1 AND r.role = 'reader'
            AND u.id <> ALL($2::uuid[])`,
        [journal.id, submissions.map((submission) => submission.submitterId)],
      );
    const issueUrl = new URL(`/journals/${journal.slug}/issues/${issue.id}`, this.config.PUBLIC_URL)
      .href;
    for (const reader of readers) {
      const locale = isLocale(reader.preferred_locale)
        ? reader.preferred_locale
        : journal.primaryLocale;
      await this.notifications.queueEmail(manager, {
        template: 'issue-published',
        to: {
          email: reader.email,
          name: displayName(reader.names, locale) || null,
          preferredLocale: locale,
        },
        journalId: journal.id,
        dedupeKey: `issue-published:${issue.id}:${reader.id}`,
        data: {
          issue: identifyIssue(issue, locale),
          articles: records.map((record) => ({
            title: titleIn(record, locale),
            authors: record.contributors
              .map((contributor) => displayName(contributor.names, locale))
              .join(locale === 'ar' ? '، ' : ', '),
          })),
          issueUrl,
        },
      });
    }
  }

  private async tellAuthors(
    manager: EntityManager,
    journal: Journal,
    issue: Issue,
    record: Publication,
    submission: Submission,
  ) {
    for (const author of await authorsOf(manager, submission.id, submission.submitterId)) {
      const locale = isLocale(author.preferredLocale)
        ? author.preferredLocale
        : journal.primaryLocale;
      await this.notifications.queueEmail(manager, {
        template: 'article-published',
        to: author,
        journalId: journal.id,
        submissionId: submission.id,
        dedupeKey: `article-published:${record.id}:${author.email}`,
        data: {
          title: titleIn(record, locale),
          issue: identifyIssue(issue, locale),
          doiUrl: record.doi ? `https://doi.org/${record.doi}` : null,
          articleUrl: new URL(
            `/journals/${journal.slug}/articles/${submission.id}`,
            this.config.PUBLIC_URL,
          ).href,
        },
      });
    }
  }
}
