import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import type { User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import { DiscussionsService } from '../production/discussions.service';
import { problem } from '../reviews/review-problems';
import { Submission } from '../submissions/entities/submission.entity';
import { ProofResponse, type ProofResponseKind } from './entities/proof-response.entity';
import { TypesettingRun } from './entities/typesetting-run.entity';

/** A proof as its author and editors see it: the run, and who answered what. */
function proofView(run: TypesettingRun, responses: ProofResponse[]) {
  return {
    id: run.id,
    pages: run.pages,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    responses: responses
      .filter((response) => response.runId === run.id)
      .map((response) => ({
        userId: response.userId,
        response: response.response,
        discussionId: response.discussionId,
        at: response.createdAt,
      })),
  };
}

/**
 * Proofs before publication: the article's author (its submitter) and its editors read each
 * proof, and approve it or send corrections, which open a production discussion with the
 * editors and production editors (who are emailed, as for every discussion message).
 */
@Injectable()
export class Proofs {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly discussions: DiscussionsService,
    private readonly audit: AuditLog,
  ) {}

  /** The submission, for its submitter; 404 for anyone else (it is not revealed). */
  async ownSubmission(user: User, submissionId: string): Promise<Submission> {
    const submission = await this.dataSource
      .getRepository(Submission)
      .findOneBy({ id: submissionId, submitterId: user.id });
    if (!submission) throw problem(404, 'not-found', 'There is no such submission of yours');
    return submission;
  }

  /** The succeeded proofs of the article, newest first, with the answers to them. */
  async list(submissionId: string) {
    const runs = await this.dataSource.getRepository(TypesettingRun).find({
      where: { submissionId, scope: 'article', status: 'succeeded' },
      order: { createdAt: 'DESC' },
    });
    const responses = runs.length
      ? await this.dataSource
          .getRepository(ProofResponse)
          .findBy({ runId: In(runs.map((run) => run.id)) })
      : [];
    return runs.map((run) => proofView(run, responses));
  }

  /** A succeeded proof of this article, with its PDF. */
  async proof(submissionId: string, runId: string) {
    const run = await this.dataSource
      .getRepository(TypesettingRun)
      .findOneBy({ id: runId, submissionId, scope: 'article', status: 'succeeded' });
    const output = run?.outputs[0];
    if (!run || !output) throw problem(404, 'not-found', 'There is no such proof of this article');
    return { run, output };
  }

  /**
   * Approves the proof, or sends corrections: they open a production discussion ("Corrections
   * to the proof") holding them. Only while the article is in production: once published, it
   * changes by correction.
   */
  async respond(
    user: User,
    submissionId: string,
    runId: string,
    answer: { response: ProofResponseKind; corrections?: string },
    actor: Actor,
  ) {
    const { run } = await this.proof(submissionId, runId);
    const submission = await this.dataSource
      .getRepository(Submission)
      .findOneByOrFail({ id: submissionId });
    if (submission.stage !== 'production')
      throw problem(
        409,
        'proofs-closed',
        `The article is ${submission.stage}: proofs are answered while it is in production`,
      );
    let discussionId: string | null = null;
    if (answer.response === 'corrections') {
      const text = answer.corrections?.trim();
      if (!text)
        throw problem(422, 'corrections-missing', 'Say what to correct: the corrections are empty');
      const discussion = await this.discussions.start(
        user,
        submissionId,
        {
          stage: 'production',
          subject: `Corrections to the proof of ${run.createdAt.toISOString().slice(0, 10)}`,
          body: text,
        },
        actor,
      );
      discussionId = discussion.id;
    }
    await inTransaction(this.transactions, async (manager) => {
      await manager.upsert(
        ProofResponse,
        { runId, userId: user.id, response: answer.response, discussionId, createdAt: new Date() },
        ['runId', 'userId'],
      );
      await this.audit.record(manager, {
        actor,
        journalId: submission.journalId,
        objectType: 'submission',
        objectId: submissionId,
        action: answer.response === 'approved' ? 'proof.approved' : 'proof.corrections_sent',
        after: { runId, discussionId },
      });
    });
    return (await this.list(submissionId)).find((proof) => proof.id === runId)!;
  }
}
