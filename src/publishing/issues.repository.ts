import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Repository } from '../database/transactions';
import { Issue } from './entities/issue.entity';

const NEWEST_FIRST = { year: 'DESC', volume: 'DESC', number: 'DESC' } as const;

/** The issues table: what the editors assemble, the worker publishes and the public reads. */
@Injectable()
export class IssuesRepository extends Repository {
  /** An issue of this journal, locked until the transaction ends if asked. */
  find(journalId: string, id: string, lock = false): Promise<Issue | null> {
    return this.db.findOne(Issue, {
      where: { id, journalId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  byId(id: string): Promise<Issue> {
    return this.db.findOneByOrFail(Issue, { id });
  }

  byNumber(journalId: string, volume: number, number: number): Promise<Issue | null> {
    return this.db.findOneBy(Issue, { journalId, volume, number });
  }

  create(fields: Partial<Issue>): Promise<Issue> {
    return this.db.save(this.db.create(Issue, fields));
  }

  save(issue: Issue): Promise<Issue> {
    return this.db.save(issue);
  }

  update(id: string, fields: QueryDeepPartialEntity<Issue>): Promise<unknown> {
    return this.db.update(Issue, { id }, fields);
  }

  /** Every issue of the journal, newest first. */
  ofJournal(journalId: string): Promise<Issue[]> {
    return this.db.find(Issue, { where: { journalId }, order: NEWEST_FIRST });
  }

  /** Published issues of the journal, newest first: the archive. */
  published(journalId: string): Promise<Issue[]> {
    return this.db.find(Issue, { where: { journalId, status: 'published' }, order: NEWEST_FIRST });
  }

  publishedOne(journalId: string, id: string): Promise<Issue | null> {
    return this.db.findOneBy(Issue, { id, journalId, status: 'published' });
  }

  current(journalId: string): Promise<Issue | null> {
    return this.db.findOneBy(Issue, { journalId, isCurrent: true, status: 'published' });
  }

  /** How many articles each issue holds (the newest version of each). */
  async articleCounts(issueIds: string[]): Promise<Map<string, number>> {
    if (issueIds.length === 0) return new Map();
    const rows: { issue_id: string; count: string }[] = await this.db.query(
      `SELECT issue_id, count(*) FROM publications WHERE issue_id = ANY($1)
        AND version = (SELECT max(version) FROM publications p2 WHERE p2.submission_id = publications.submission_id)
        GROUP BY issue_id`,
      [issueIds],
    );
    return new Map(rows.map((row) => [row.issue_id, Number(row.count)]));
  }

  /** The newest published issue (year, volume, number) becomes the current one. */
  async makeCurrentIfNewest(journalId: string): Promise<void> {
    const newest = await this.db.findOne(Issue, {
      where: { journalId, status: 'published' },
      order: NEWEST_FIRST,
    });
    await this.db.update(Issue, { journalId, isCurrent: true }, { isCurrent: false });
    if (newest) await this.db.update(Issue, { id: newest.id }, { isCurrent: true });
  }

  /** Scheduled issues whose time has come, soonest first. */
  async due(now: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM issues WHERE status = 'scheduled' AND scheduled_for <= $1 ORDER BY scheduled_for`,
      [now],
    );
    return rows.map((row) => row.id);
  }

  /** Claims a due issue for this transaction; false when another worker has it or it moved. */
  async claimDue(id: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT id FROM issues WHERE id = $1 AND status = 'scheduled' AND scheduled_for <= $2
          FOR UPDATE SKIP LOCKED`,
      [id, now],
    );
    return rows.length > 0;
  }

  /** A scheduled issue, locked; null when it is not scheduled (any more). */
  lockScheduled(id: string): Promise<Issue | null> {
    return this.db.findOne(Issue, {
      where: { id, status: 'scheduled' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Whether an issue's cover is this stored content. */
  coverHolds(key: string): Promise<boolean> {
    return this.db.exists(Issue, { where: { coverImageKey: key } });
  }
}
