import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { AuditLog } from '../audit/audit-log.service';
import type { Journal } from '../journals/journal.entity';
import { findIssue } from '../publishing/issues.service';
import { Publication } from '../publishing/entities/publication.entity';
import { QueueName } from '../queue/queue-name.enum';
import { problem } from '../reviews/review-problems';
import { TypesettingRun } from './entities/typesetting-run.entity';
import { TypesetJob, type TypesetJobData } from './jobs/typeset.job';

/** Typesetting is slow to fail for passing reasons (storage, database): three tries, 10 s apart and doubling. */
export const TYPESETTING_ATTEMPTS = 3;
export const TYPESETTING_BACKOFF_MS = 10_000;
/** A queued run older than this whose job is not in Redis is queued again by the worker's scan. */
export const STALE_QUEUED_RUN_MS = 30_000;
/** A run still running after this long lost its worker (and maybe its job): it is queued again. */
export const STALE_RUNNING_RUN_MS = 15 * 60_000;

/** What the editors see of a run: everything but storage keys. */
export function runView(run: TypesettingRun) {
  return {
    id: run.id,
    scope: run.scope,
    issueId: run.issueId,
    submissionId: run.submissionId,
    status: run.status,
    percent: run.percent,
    step: run.step,
    reused: run.reused,
    pages: run.pages,
    error: run.error,
    outputs: run.outputs.map((output, index) => ({
      index,
      kind: output.kind,
      publicationId: output.publicationId,
      mediaType: output.mediaType,
      size: output.size,
      sha256: output.sha256,
    })),
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

/**
 * Requests typesetting (an issue whole, or one article's proof), reports runs and serves their
 * files. The work itself is the worker's (TypesetJob); a request only records the run and
 * queues its id.
 */
@Injectable()
export class TypesettingRuns {
  private readonly logger = new Logger(TypesettingRuns.name);

  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Typesetting) private readonly queue: Queue,
    private readonly audit: AuditLog,
  ) {}

  async requestIssue(journal: Journal, issueId: string, actor: Actor) {
    const run = await inTransaction(this.transactions, async (manager) => {
      const issue = await findIssue(manager, journal, issueId, true);
      if (issue.status === 'published')
        throw problem(
          409,
          'issue-published',
          'The issue is published: its galleys change only by correcting an article',
        );
      const articles = await manager.countBy(Publication, { issueId: issue.id });
      if (articles === 0) throw problem(422, 'issue-empty', 'The issue has no articles to typeset');
      return this.open(manager, journal, { scope: 'issue', issueId: issue.id }, actor);
    });
    await this.enqueue(run);
    return runView(run);
  }

  /** A proof of one article (its latest record), for its editors and production editor. */
  async requestProof(journal: Journal, submissionId: string, actor: Actor) {
    const run = await inTransaction(this.transactions, async (manager) => {
      const record = await manager.findOne(Publication, {
        where: { submissionId },
        order: { version: 'DESC' },
      });
      if (!record)
        throw problem(
          409,
          'no-publication-record',
          'The article has no publication record yet: place it in an issue first',
        );
      return this.open(manager, journal, { scope: 'article', submissionId }, actor);
    });
    await this.enqueue(run);
    return runView(run);
  }

  /**
   * The run already queued or running for the same target, or a new one: asking twice while
   * the first is under way does not typeset twice. Locked per target so two requests agree.
   */
  private async open(
    manager: EntityManager,
    journal: Journal,
    target: { scope: 'issue'; issueId: string } | { scope: 'article'; submissionId: string },
    actor: Actor,
  ): Promise<TypesettingRun> {
    const targetId = target.scope === 'issue' ? target.issueId : target.submissionId;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('typesetting:' || $1))`, [targetId]);
    const active = await manager.findOne(TypesettingRun, {
      where: {
        ...target,
        status: In(['queued', 'running']),
      },
      order: { createdAt: 'DESC' },
    });
    if (active) return active;
    const run = await manager.save(
      manager.create(TypesettingRun, {
        journalId: journal.id,
        issueId: null,
        submissionId: null,
        ...target,
        status: 'queued',
        requestedBy: actor.userId ?? null,
      }),
    );
    await this.audit.record(manager, {
      actor,
      journalId: journal.id,
      objectType: target.scope === 'issue' ? 'issue' : 'submission',
      objectId: targetId,
      action:
        target.scope === 'issue' ? 'issue.typesetting_requested' : 'submission.proof_requested',
      after: { runId: run.id },
    });
    return run;
  }

  /** Queues the run's job; if Redis is down the run stays queued and the scan queues it later. */
  private async enqueue(run: TypesettingRun) {
    if (run.status !== 'queued' && run.status !== 'running') return;
    try {
      await this.queue.add(TypesetJob.jobName, { runId: run.id } satisfies TypesetJobData, {
        jobId: run.id,
        attempts: TYPESETTING_ATTEMPTS,
        backoff: { type: 'exponential', delay: TYPESETTING_BACKOFF_MS },
      });
    } catch (error) {
      this.logger.warn(`typesetting run ${run.id} left queued: ${(error as Error).message}`);
    }
  }

  /** The worker's safety net: queued runs whose job never reached Redis. */
  async requeueStale(olderThanMs = STALE_QUEUED_RUN_MS): Promise<number> {
    const stale = await this.dataSource.getRepository(TypesettingRun).find({
      where: { status: In(['queued', 'running']) },
      order: { createdAt: 'ASC' },
      take: 100,
    });
    const now = Date.now();
    const due = (run: TypesettingRun) =>
      run.status === 'queued'
        ? run.createdAt.getTime() <= now - olderThanMs
        : (run.startedAt?.getTime() ?? 0) <= now - STALE_RUNNING_RUN_MS;
    let requeued = 0;
    for (const run of stale.filter(due)) {
      // Same job id: BullMQ ignores it if the job is already there.
      await this.enqueue(run);
      requeued += 1;
    }
    return requeued;
  }

  async listForIssue(journal: Journal, issueId: string) {
    await findIssue(this.dataSource.manager, journal, issueId);
    const runs = await this.dataSource.getRepository(TypesettingRun).find({
      where: { issueId, scope: 'issue' },
      order: { createdAt: 'DESC' },
      take: 20,
    });
    return runs.map(runView);
  }

  async listProofs(journal: Journal, submissionId: string) {
    const runs = await this.dataSource.getRepository(TypesettingRun).find({
      where: { journalId: journal.id, submissionId, scope: 'article' },
      order: { createdAt: 'DESC' },
      take: 20,
    });
    return runs.map(runView);
  }

  /** A run of this journal; for an article's run, only with that article's id. */
  async get(journal: Journal, runId: string, submissionId?: string) {
    const run = await this.dataSource.getRepository(TypesettingRun).findOneBy({
      id: runId,
      journalId: journal.id,
      ...(submissionId ? { submissionId, scope: 'article' as const } : { scope: 'issue' as const }),
    });
    if (!run) throw problem(404, 'not-found', 'There is no such typesetting run here');
    return run;
  }

  async output(journal: Journal, runId: string, index: number, submissionId?: string) {
    const run = await this.get(journal, runId, submissionId);
    const output = run.outputs[index];
    if (run.status !== 'succeeded' || !output)
      throw problem(404, 'not-found', 'The run has no such file (yet)');
    return { run, output };
  }
}
