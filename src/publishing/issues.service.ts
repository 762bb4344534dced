import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { AuditLog } from '../audit/audit-log.service';
import { SUPPORTED_LOCALES } from '../common/i18n/locale';
import type { Journal } from '../journals/journal.entity';
import { Section } from '../journals/section.entity';
import { problem } from '../reviews/review-problems';
import { SubmissionEvent } from '../submissions/entities/submission-event.entity';
import { Submission, type SubmissionStage } from '../submissions/entities/submission.entity';
import type { CreateIssueDto, TocDto, UpdateIssueDto } from './dto/publishing.dto';
import { Galley } from './entities/galley.entity';
import { Issue } from './entities/issue.entity';
import { Publication } from './entities/publication.entity';
import { identifyIssueIn } from './issue-identification';
import { draftPublication, mintDoi } from './publication-record';

/** Stages an article may be in to be placed in an issue. */
const PLACEABLE: readonly SubmissionStage[] = ['production', 'scheduled'];

/**
 * Issues as the editors assemble them: volume, number and year, identification, guest editors,
 * and the table of contents (articles grouped by section in the journal's section order, each
 * with its publication record and DOI).
 */
@Injectable()
export class IssuesService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async create(journal: Journal, dto: CreateIssueDto, actor: Actor): Promise<Issue> {
    return inTransaction(this.transactions, async (manager) => {
      await this.assertFree(manager, journal, dto.volume, dto.number);
      const issue = await manager.save(
        manager.create(Issue, { ...dto, journalId: journal.id, status: 'draft' }),
      );
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.created',
        after: { volume: issue.volume, number: issue.number, year: issue.year },
      });
      return issue;
    });
  }

  async update(journal: Journal, id: string, dto: UpdateIssueDto, actor: Actor): Promise<Issue> {
    return inTransaction(this.transactions, async (manager) => {
      const issue = await this.find(manager, journal, id, true);
      const renumbered =
        (dto.volume !== undefined && dto.volume !== issue.volume) ||
        (dto.number !== undefined && dto.number !== issue.number) ||
        (dto.year !== undefined && dto.year !== issue.year);
      if (renumbered && issue.status === 'published')
        throw problem(
          409,
          'issue-published',
          'A published issue keeps its volume, number and year; titles and descriptions can still change',
        );
      if (renumbered)
        await this.assertFree(
          manager,
          journal,
          dto.volume ?? issue.volume,
          dto.number ?? issue.number,
          issue.id,
        );
      const before = { ...issue };
      Object.assign(issue, dto);
      const saved = await manager.save(issue);
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.updated',
        before: { volume: before.volume, number: before.number, year: before.year },
        after: dto as Record<string, unknown>,
      });
      return saved;
    });
  }

  /** Every issue of the journal, newest first, with its identification and article count. */
  async list(journal: Journal) {
    const issues = await this.dataSource.getRepository(Issue).find({
      where: { journalId: journal.id },
      order: { year: 'DESC', volume: 'DESC', number: 'DESC' },
    });
    const counts: { issue_id: string; count: string }[] = issues.length
      ? await this.dataSource.query(
          `SELECT issue_id, count(*) FROM publications WHERE issue_id = ANY($1)
            AND version = (SELECT max(version) FROM publications p2 WHERE p2.submission_id = publications.submission_id)
            GROUP BY issue_id`,
          [issues.map((issue) => issue.id)],
        )
      : [];
    return issues.map((issue) => ({
      ...issue,
      identification: identifyIssueIn(issue, SUPPORTED_LOCALES),
      articles: Number(counts.find((row) => row.issue_id === issue.id)?.count ?? 0),
    }));
  }

  /** One issue with its table of contents, as the editors see it (drafts included). */
  async get(journal: Journal, id: string) {
    const issue = await this.find(this.dataSource.manager, journal, id);
    return {
      ...issue,
      identification: identifyIssueIn(issue, SUPPORTED_LOCALES),
      toc: await tableOfContents(this.dataSource.manager, issue),
      galleys: await this.dataSource.getRepository(Galley).find({
        where: { issueId: issue.id },
        order: { seq: 'ASC', createdAt: 'ASC' },
      }),
    };
  }

  /**
   * Sets the issue's articles and their order. Each must be an accepted article of the journal
   * in production (or scheduled) and in no other issue; it gets its publication record (made
   * from the submission the first time) and its DOI. Articles left out return to unassigned.
   */
  async setToc(journal: Journal, id: string, dto: TocDto, actor: Actor) {
    await inTransaction(this.transactions, async (manager) => {
      const issue = await this.find(manager, journal, id, true);
      if (issue.status === 'published')
        throw problem(
          409,
          'issue-published',
          'The articles of a published issue are fixed: publish a correction instead',
        );
      const ids = dto.items.map((item) => item.submissionId);
      if (new Set(ids).size !== ids.length)
        throw problem(422, 'duplicate-article', 'An article is listed twice');
      const submissions = ids.length
        ? await manager.findBy(Submission, { id: In(ids), journalId: journal.id })
        : [];
      const problems: string[] = [];
      for (const submissionId of ids) {
        const submission = submissions.find((candidate) => candidate.id === submissionId);
        if (!submission) problems.push(`${submissionId}: no such submission in this journal`);
        else if (!PLACEABLE.includes(submission.stage))
          problems.push(
            `${submission.number}: is ${submission.stage}; only articles in production can be placed in an issue`,
          );
      }
      const elsewhere: { submission_id: string; number: string }[] = ids.length
        ? await manager.query(
            `SELECT p.submission_id, s.number FROM publications p JOIN submissions s ON s.id = p.submission_id
              WHERE p.submission_id = ANY($1) AND p.issue_id IS NOT NULL AND p.issue_id <> $2`,
            [ids, issue.id],
          )
        : [];
      for (const row of elsewhere)
        problems.push(`${row.number}: is already in another issue; take it out of that one first`);
      if (problems.length)
        throw problem(
          422,
          'unplaceable-articles',
          `These articles cannot be placed: ${problems.join('; ')}`,
        );

      // Out: every draft record of this issue not listed; a scheduled article is back in production.
      const leaving = await manager
        .getRepository(Publication)
        .createQueryBuilder('p')
        .where('p.issue_id = :issueId AND p.status = :draft', { issueId: issue.id, draft: 'draft' })
        .andWhere(ids.length ? 'p.submission_id NOT IN (:...ids)' : 'true', { ids })
        .getMany();
      if (leaving.length) {
        const left = await manager.findBy(Submission, {
          id: In(leaving.map((record) => record.submissionId)),
          stage: 'scheduled',
        });
        for (const submission of left)
          await this.moveStage(manager, submission, 'production', actor, { issueId: issue.id });
      }
      await manager
        .createQueryBuilder()
        .update(Publication)
        .set({ issueId: null, seq: 0 })
        .where('issue_id = :issueId AND status = :draft', { issueId: issue.id, draft: 'draft' })
        .andWhere(ids.length ? 'submission_id NOT IN (:...ids)' : 'true', { ids })
        .execute();
      for (const [index, item] of dto.items.entries()) {
        const submission = submissions.find((candidate) => candidate.id === item.submissionId)!;
        let record = await manager.findOne(Publication, {
          where: { submissionId: submission.id, status: 'draft' },
          order: { version: 'DESC' },
        });
        record ??= await manager.save(await draftPublication(manager, journal, submission));
        const doi = record.doi ?? (await mintDoi(manager, journal, submission, issue));
        await manager.update(
          Publication,
          { id: record.id },
          { issueId: issue.id, seq: item.seq ?? index, doi },
        );
        if (issue.status === 'scheduled' && submission.stage === 'production')
          await this.moveStage(manager, submission, 'scheduled', actor, { issueId: issue.id });
      }
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'issue',
        objectId: issue.id,
        action: 'issue.toc_set',
        after: { articles: ids },
      });
    });
    return this.get(journal, id);
  }

  async moveStage(
    manager: EntityManager,
    submission: Submission,
    stage: SubmissionStage,
    actor: Actor,
    data: Record<string, unknown>,
    authorVisible = false,
  ) {
    await manager.update(
      Submission,
      { id: submission.id },
      { stage, lockVersion: () => 'lock_version + 1' },
    );
    await manager.insert(SubmissionEvent, {
      submissionId: submission.id,
      actorId: actor.userId ?? null,
      kind: stage === 'published' ? 'published' : `stage_${stage}`,
      authorVisible,
      data: { from: submission.stage, to: stage, ...data } as never,
    });
  }

  find(manager: EntityManager, journal: Journal, id: string, lock = false): Promise<Issue> {
    return findIssue(manager, journal, id, lock);
  }

  private async assertFree(
    manager: EntityManager,
    journal: Journal,
    volume: number,
    number: number,
    except?: string,
  ) {
    const clash = await manager.findOneBy(Issue, { journalId: journal.id, volume, number });
    if (clash && clash.id !== except)
      throw problem(
        409,
        'issue-exists',
        `Volume ${volume}, number ${number} exists already in this journal`,
      );
  }
}

/**
 * An issue's articles by section, in the journal's section order, each in its own order: the
 * newest version of each (the newest published one for the public).
 */
/** An issue of this journal (locked for update if asked); 404 for any other. */
export async function findIssue(
  manager: EntityManager,
  journal: Journal,
  id: string,
  lock = false,
): Promise<Issue> {
  const issue = await manager.findOne(Issue, {
    where: { id, journalId: journal.id },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!issue) throw problem(404, 'not-found', 'There is no such issue in this journal');
  return issue;
}

export async function tableOfContents(manager: EntityManager, issue: Issue, publishedOnly = false) {
  const records = await manager.find(Publication, {
    where: { issueId: issue.id, ...(publishedOnly ? { status: 'published' as const } : {}) },
  });
  const newest = new Map<string, Publication>();
  for (const record of records) {
    const seen = newest.get(record.submissionId);
    if (!seen || record.version > seen.version) newest.set(record.submissionId, record);
  }
  const latest = [...newest.values()].sort((a, b) => a.seq - b.seq);
  const sections = latest.length
    ? await manager.find(Section, {
        where: { id: In([...new Set(latest.map((record) => record.sectionId))]) },
        order: { seq: 'ASC' },
      })
    : [];
  const galleys = latest.length
    ? await manager.find(Galley, {
        where: { publicationId: In(latest.map((record) => record.id)) },
        order: { seq: 'ASC', createdAt: 'ASC' },
      })
    : [];
  return sections.map((section) => ({
    section: { id: section.id, titles: section.titles },
    articles: latest
      .filter((record) => record.sectionId === section.id)
      .map((record) => ({
        ...record,
        galleys: galleys.filter((galley) => galley.publicationId === record.id),
      })),
  }));
}
