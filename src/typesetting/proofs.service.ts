import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { fileDownload, type FileDownload } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import type { Person } from '../editorial/people';
import type { Actor } from '../editorial/request-context';
import { DiscussionsService } from '../production';
import { FileStorage } from '../storage/file-storage';
import type { ProofResponse, ProofResponseKind } from './entities/proof-response.entity';
import type { TypesettingOutput, TypesettingRun } from './entities/typesetting-run.entity';
import { ProofResponsesRepository } from './proof-responses.repository';
import { typesettingProblems } from './typesetting.problems';
import { TypesettingRunsRepository } from './typesetting-runs.repository';
import {
  type SourceSubmission,
  TypesettingSourcesRepository,
} from './typesetting-sources.repository';

/** A proof as its author and editors see it: the run, and who answered what. */
export interface ProofView {
  run: TypesettingRun;
  responses: ProofResponse[];
}

/**
 * Proofs before publication: the article's author (its submitter) and its editors read each
 * proof, and approve it or send corrections, which open a production discussion with the
 * editors and production editors (who are emailed, as for every discussion message).
 */
@Injectable()
export class Proofs {
  constructor(
    private readonly runs: TypesettingRunsRepository,
    private readonly answers: ProofResponsesRepository,
    private readonly sources: TypesettingSourcesRepository,
    private readonly discussions: DiscussionsService,
    private readonly storage: FileStorage,
    private readonly audit: AuditLog,
  ) {}

  /** The submission, for its submitter; 404 for anyone else (it is not revealed). */
  async ownSubmission(user: Person, submissionId: string): Promise<SourceSubmission> {
    const submission = await this.sources.submissionOf(user.id, submissionId);
    if (!submission) throw httpProblems.raise('not-found', 'There is no such submission of yours');
    return submission;
  }

  /** The succeeded proofs of the author's article, newest first, with the answers to them. */
  async mine(user: Person, submissionId: string): Promise<ProofView[]> {
    await this.ownSubmission(user, submissionId);
    return this.list(submissionId);
  }

  /** The author's proof PDF. */
  async myPdf(user: Person, submissionId: string, runId: string): Promise<FileDownload> {
    await this.ownSubmission(user, submissionId);
    const { output } = await this.proof(submissionId, runId);
    return fileDownload(await this.storage.get(output.storageKey), {
      mediaType: output.mediaType,
      fileName: 'proof.pdf',
    });
  }

  /** The author answers their proof. */
  async answerMine(
    user: Person,
    submissionId: string,
    runId: string,
    answer: { response: ProofResponseKind; corrections?: string },
    actor: Actor,
  ): Promise<ProofView> {
    await this.ownSubmission(user, submissionId);
    return this.respond(user, submissionId, runId, answer, actor);
  }

  /** The succeeded proofs of the article, newest first, with the answers to them. */
  async list(submissionId: string): Promise<ProofView[]> {
    const runs = await this.runs.proofs(submissionId);
    const responses = await this.answers.ofRuns(runs.map((run) => run.id));
    return runs.map((run) => ({
      run,
      responses: responses.filter((response) => response.runId === run.id),
    }));
  }

  /** A succeeded proof of this article, with its PDF. */
  async proof(
    submissionId: string,
    runId: string,
  ): Promise<{ run: TypesettingRun; output: TypesettingOutput }> {
    const run = await this.runs.proof(submissionId, runId);
    const output = run?.outputs[0];
    if (!run || !output)
      throw httpProblems.raise('not-found', 'There is no such proof of this article');
    return { run, output };
  }

  /**
   * Approves the proof, or sends corrections: they open a production discussion ("Corrections
   * to the proof") holding them. Only while the article is in production: once published, it
   * changes by correction.
   */
  @Transactional()
  async respond(
    user: Person,
    submissionId: string,
    runId: string,
    answer: { response: ProofResponseKind; corrections?: string },
    actor: Actor,
  ): Promise<ProofView> {
    const { run } = await this.proof(submissionId, runId);
    const submission = await this.sources.submission(submissionId);
    if (!submission) throw httpProblems.raise('not-found', 'There is no such submission');
    if (submission.stage !== 'production')
      throw typesettingProblems.raise(
        'proofs-closed',
        `The article is ${submission.stage}: proofs are answered while it is in production`,
      );
    let discussionId: string | null = null;
    if (answer.response === 'corrections') {
      const text = answer.corrections?.trim();
      if (!text)
        throw typesettingProblems.raise(
          'corrections-missing',
          'Say what to correct: the corrections are empty',
        );
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
    await this.answers.answer({ runId, userId: user.id, response: answer.response, discussionId });
    await this.audit.write({
      actor,
      journalId: submission.journalId,
      objectType: 'submission',
      objectId: submissionId,
      action: answer.response === 'approved' ? 'proof.approved' : 'proof.corrections_sent',
      after: { runId, discussionId },
    });
    return (await this.list(submissionId)).find((proof) => proof.run.id === runId)!;
  }
}
