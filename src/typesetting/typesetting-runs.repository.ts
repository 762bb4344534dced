import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { Repository } from '../database/transactions';
import { TypesettingRun, type TypesettingScope } from './entities/typesetting-run.entity';

/** What a run typesets: an issue whole, or one article's proof. */
export type RunTarget =
  { scope: 'issue'; issueId: string } | { scope: 'article'; submissionId: string };

/** What a run ends with. */
export type RunOutcome = Partial<
  Pick<TypesettingRun, 'status' | 'outputs' | 'pages' | 'inputHash' | 'error' | 'reused' | 'step'>
>;

const UNDER_WAY = In(['queued', 'running']);

/** The typesetting_runs table: requests, their progress as the worker reports it, their files. */
@Injectable()
export class TypesettingRunsRepository extends Repository {
  /** One request per target at a time, until the transaction ends. */
  async lockTarget(targetId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('typesetting:' || $1))`, [targetId]);
  }

  /** The newest run of this target still queued or running. */
  underWay(target: RunTarget): Promise<TypesettingRun | null> {
    return this.db.findOne(TypesettingRun, {
      where: { ...target, status: UNDER_WAY },
      order: { createdAt: 'DESC' },
    });
  }

  create(fields: Partial<TypesettingRun>): Promise<TypesettingRun> {
    return this.db.save(this.db.create(TypesettingRun, fields));
  }

  /** The oldest runs still queued or running (at most 100). */
  oldestUnderWay(): Promise<TypesettingRun[]> {
    return this.db.find(TypesettingRun, {
      where: { status: UNDER_WAY },
      order: { createdAt: 'ASC' },
      take: 100,
    });
  }

  /** The newest runs of a target in this journal (at most 20). */
  recent(journalId: string, target: RunTarget): Promise<TypesettingRun[]> {
    return this.db.find(TypesettingRun, {
      where: { journalId, ...target },
      order: { createdAt: 'DESC' },
      take: 20,
    });
  }

  /** A run of this journal and scope (an article's, only with that article's id). */
  find(
    journalId: string,
    id: string,
    scope: TypesettingScope,
    submissionId?: string,
  ): Promise<TypesettingRun | null> {
    return this.db.findOneBy(TypesettingRun, {
      id,
      journalId,
      scope,
      ...(submissionId ? { submissionId } : {}),
    });
  }

  byId(id: string): Promise<TypesettingRun> {
    return this.db.findOneByOrFail(TypesettingRun, { id });
  }

  /**
   * Claims a run for the worker: only while queued (or running, when a worker died mid-run and
   * BullMQ re-delivers). False when it is finished already.
   */
  async claim(id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE typesetting_runs SET status = 'running', started_at = now(), percent = 5,
              step = 'reading the records'
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** What the worker is doing, while the run is running. */
  async progress(id: string, step: string, percent: number): Promise<void> {
    await this.db.query(
      `UPDATE typesetting_runs SET step = left($2, 200), percent = $3 WHERE id = $1 AND status = 'running'`,
      [id, step, percent],
    );
  }

  async finish(id: string, outcome: RunOutcome): Promise<void> {
    await this.db.update(
      TypesettingRun,
      { id },
      { ...outcome, percent: 100, finishedAt: new Date() },
    );
  }

  /** The newest other successful run of the same target from the same inputs. */
  sameInputs(run: TypesettingRun, inputHash: string): Promise<TypesettingRun | null> {
    return this.db.findOne(TypesettingRun, {
      where: {
        scope: run.scope,
        ...(run.scope === 'issue'
          ? { issueId: run.issueId! }
          : { submissionId: run.submissionId! }),
        status: 'succeeded',
        inputHash,
        id: Not(run.id),
      },
      order: { createdAt: 'DESC' },
    });
  }

  /** An article's successful proofs, newest first. */
  proofs(submissionId: string): Promise<TypesettingRun[]> {
    return this.db.find(TypesettingRun, {
      where: { submissionId, scope: 'article', status: 'succeeded' },
      order: { createdAt: 'DESC' },
    });
  }

  proof(submissionId: string, id: string): Promise<TypesettingRun | null> {
    return this.db.findOneBy(TypesettingRun, {
      id,
      submissionId,
      scope: 'article',
      status: 'succeeded',
    });
  }

  /** Whether a run's files include this stored content. */
  async holds(key: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM typesetting_runs WHERE outputs @> $1::jsonb LIMIT 1`,
      [JSON.stringify([{ storageKey: key }])],
    );
    return rows.length > 0;
  }
}
