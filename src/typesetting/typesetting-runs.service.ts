import { Transactional } from '@nestjs-cls/transactional';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AuditLog } from '../audit/audit-log.service';
import { fileDownload, type FileDownload } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import type { Actor } from '../editorial/request-context';
import type { Journal } from '../journals';
import { IssuesService, publishingProblems, TypesetOutputs } from '../publishing';
import { QueueName } from '../queue/queue-name.enum';
import { FileStorage } from '../storage/file-storage';
import type { TypesettingOutput, TypesettingRun } from './entities/typesetting-run.entity';
import {
  TYPESETTING_ATTEMPTS,
  TYPESETTING_BACKOFF_MS,
  TypesetJob,
  type TypesetJobData,
} from './jobs/typeset.job';
import { typesettingProblems } from './typesetting.problems';
import { type RunTarget, TypesettingRunsRepository } from './typesetting-runs.repository';

/** A queued run older than this whose job is not in Redis is queued again by the worker's scan. */
export const STALE_QUEUED_RUN_MS = 30_000;
/** A run still running after this long lost its worker (and maybe its job): it is queued again. */
export const STALE_RUNNING_RUN_MS = 15 * 60_000;

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'text/html': 'html',
  'application/jats+xml': 'xml',
};

/**
 * Requests typesetting (an issue whole, or one article's proof), reports runs and serves their
 * files. The work itself is the worker's (TypesetJob); a request only records the run and
 * queues its id.
 */
@Injectable()
export class TypesettingRuns {
  private readonly logger = new Logger(TypesettingRuns.name);

  constructor(
    private readonly runs: TypesettingRunsRepository,
    private readonly issues: IssuesService,
    private readonly outputs: TypesetOutputs,
    private readonly storage: FileStorage,
    private readonly audit: AuditLog,
    @InjectQueue(QueueName.Typesetting) private readonly queue: Queue,
  ) {}

  async requestIssue(journal: Journal, issueId: string, actor: Actor): Promise<TypesettingRun> {
    const run = await this.openIssueRun(journal, issueId, actor);
    await this.enqueue(run);
    return run;
  }

  @Transactional()
  private async openIssueRun(journal: Journal, issueId: string, actor: Actor) {
    const issue = await this.issues.find(journal, issueId, true);
    if (issue.status === 'published')
      throw publishingProblems.raise(
        'issue-published',
        'The issue is published: its galleys change only by correcting an article',
      );
    if ((await this.outputs.articleCount(issue.id)) === 0)
      throw typesettingProblems.raise('issue-empty', 'The issue has no articles to typeset');
    return this.open(journal, { scope: 'issue', issueId: issue.id }, actor);
  }

  /** A proof of one article (its latest record), for its editors and production editor. */
  async requestProof(
    journal: Journal,
    submissionId: string,
    actor: Actor,
  ): Promise<TypesettingRun> {
    const run = await this.openProofRun(journal, submissionId, actor);
    await this.enqueue(run);
    return run;
  }

  @Transactional()
  private async openProofRun(journal: Journal, submissionId: string, actor: Actor) {
    if (!(await this.outputs.newestRecord(submissionId)))
      throw typesettingProblems.raise(
        'no-publication-record',
        'The article has no publication record yet: place it in an issue first',
      );
    return this.open(journal, { scope: 'article', submissionId }, actor);
  }

  /**
   * The run already queued or running for the same target, or a new one: asking twice while
   * the first is under way does not typeset twice. Locked per target so two requests agree.
   */
  private async open(journal: Journal, target: RunTarget, actor: Actor): Promise<TypesettingRun> {
    const targetId = target.scope === 'issue' ? target.issueId : target.submissionId;
    await this.runs.lockTarget(targetId);
    const active = await this.runs.underWay(target);
    if (active) return active;
    const run = await this.runs.create({
      journalId: journal.id,
      issueId: null,
      submissionId: null,
      ...target,
      status: 'queued',
      requestedBy: actor.userId ?? null,
    });
    await this.audit.write({
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
    const stale = await this.runs.oldestUnderWay();
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

  async listForIssue(journal: Journal, issueId: string): Promise<TypesettingRun[]> {
    await this.issues.find(journal, issueId);
    return this.runs.recent(journal.id, { scope: 'issue', issueId });
  }

  listProofs(journal: Journal, submissionId: string): Promise<TypesettingRun[]> {
    return this.runs.recent(journal.id, { scope: 'article', submissionId });
  }

  /** A run of this journal; for an article's run, only with that article's id. */
  async get(journal: Journal, runId: string, submissionId?: string): Promise<TypesettingRun> {
    const run = await this.runs.find(
      journal.id,
      runId,
      submissionId ? 'article' : 'issue',
      submissionId,
    );
    if (!run) throw httpProblems.raise('not-found', 'There is no such typesetting run here');
    return run;
  }

  /** A file an issue's run made, for download. */
  async issueOutput(journal: Journal, runId: string, index: number): Promise<FileDownload> {
    const output = await this.output(journal, runId, index);
    return this.download(
      output,
      `${output.kind}-${index}.${EXTENSIONS[output.mediaType] ?? 'bin'}`,
    );
  }

  /** An article's proof PDF, for its editors. */
  async proofPdf(journal: Journal, runId: string, submissionId: string): Promise<FileDownload> {
    return this.download(await this.output(journal, runId, 0, submissionId), 'proof.pdf');
  }

  private async output(
    journal: Journal,
    runId: string,
    index: number,
    submissionId?: string,
  ): Promise<TypesettingOutput> {
    const run = await this.get(journal, runId, submissionId);
    const output = run.outputs[index];
    if (run.status !== 'succeeded' || !output)
      throw httpProblems.raise('not-found', 'The run has no such file (yet)');
    return output;
  }

  private async download(output: TypesettingOutput, fileName: string): Promise<FileDownload> {
    return fileDownload(await this.storage.get(output.storageKey), {
      mediaType: output.mediaType,
      fileName,
    });
  }
}
