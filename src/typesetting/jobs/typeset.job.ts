import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { AppConfig } from '../../config/app-config';
import { inTransaction } from '../../database/transactions';
import { type Journal, JournalsLookup } from '../../journals';
import { IssuesService, type Publication, TypesetOutputs } from '../../publishing';
import { FileStorage } from '../../storage/file-storage';
import { ManuscriptContentError } from '../content/article-content';
import type { TypesettingOutput, TypesettingRun } from '../entities/typesetting-run.entity';
import { TypesettingEngineError } from '../pdf/typst-engine';
import { typesetGalleys } from '../typeset-galleys';
import { prepareArticle, prepareIssue, typesetArticleProof, typesetIssue } from '../typesetter';
import { TypesettingInputs, typesetIssue as issueOf, typesetJournal } from '../typesetting-inputs';
import { TypesettingMailer } from '../typesetting-mailer';
import { type RunOutcome, TypesettingRunsRepository } from '../typesetting-runs.repository';
import { TypesettingSourcesRepository } from '../typesetting-sources.repository';
import { TypstEngineHost } from '../typst-engine.host';

/** The job's payload: the run's id, nothing else (the run is read again from the database). */
export interface TypesetJobData {
  runId: string;
}

/** Typesetting is slow to fail for passing reasons (storage, database): three tries… */
export const TYPESETTING_ATTEMPTS = 3;
/** …10 s apart, then doubling. */
export const TYPESETTING_BACKOFF_MS = 10_000;

export type TypesetOutcome = 'succeeded' | 'reused' | 'failed' | 'skipped';

const MEDIA_TYPES: Record<TypesettingOutput['kind'], string> = {
  'issue-pdf': 'application/pdf',
  'article-pdf': 'application/pdf',
  'article-html': 'text/html',
  'article-jats': 'application/jats+xml',
};

/**
 * Runs one typesetting run: reads the records and manuscripts, lays the issue (or the proof)
 * out, stores the files and, for an issue, replaces the galleys typesetting made before and
 * writes each article's pages back to its record, all in one transaction. Unchanged inputs
 * reuse the last result. A manuscript or layout problem fails the run with a readable error and
 * keeps the previous galleys; anything else is thrown for BullMQ to retry.
 */
@Injectable()
export class TypesetJob {
  static readonly jobName = 'typeset';
  private readonly logger = new Logger(TypesetJob.name);

  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly runs: TypesettingRunsRepository,
    private readonly sources: TypesettingSourcesRepository,
    private readonly inputs: TypesettingInputs,
    private readonly journals: JournalsLookup,
    private readonly issues: IssuesService,
    private readonly outputs: TypesetOutputs,
    private readonly mailer: TypesettingMailer,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
    private readonly engine: TypstEngineHost,
  ) {}

  /** `finalAttempt`: BullMQ will not try again, so a passing failure is the run's failure too. */
  async handle({ runId }: TypesetJobData, finalAttempt = true): Promise<TypesetOutcome> {
    if (!(await this.runs.claim(runId))) return 'skipped';
    const run = await this.runs.byId(runId);
    try {
      return run.scope === 'issue' ? await this.runIssue(run) : await this.runProof(run);
    } catch (error) {
      if (error instanceof ManuscriptContentError || error instanceof TypesettingEngineError) {
        await this.finish(run.id, { status: 'failed', error: error.message, step: 'failed' });
        return 'failed';
      }
      if (finalAttempt) {
        await this.finish(run.id, {
          status: 'failed',
          error: (error as Error).message,
          step: 'failed',
        });
        throw error;
      }
      await this.progress(run.id, `interrupted, to be retried: ${(error as Error).message}`, 0);
      throw error;
    }
  }

  private async runIssue(run: TypesettingRun): Promise<TypesetOutcome> {
    const journal = await this.journals.byId(run.journalId);
    const issue = await this.issues.find(journal, run.issueId!);
    const input = await this.inputs.issue(
      journal,
      issue,
      this.config.PUBLIC_URL,
      (index, total, fileName) =>
        this.progress(
          run.id,
          `reading ${fileName} (${index + 1}/${total})`,
          5 + Math.round((20 * (index + 1)) / total),
        ),
    );
    if (input.articles.length === 0)
      throw new ManuscriptContentError('the issue has no articles to typeset');
    const prepared = prepareIssue(input);
    if (await this.reuse(run, prepared.hash)) return 'reused';

    const output = await typesetIssue(this.engine, input, prepared, (step, percent) =>
      this.progress(run.id, step, percent),
    );
    await this.progress(run.id, 'storing the files', 85);
    const outputs: TypesettingOutput[] = [await this.store('issue-pdf', null, output.issuePdf)];
    for (const [publicationId, files] of output.articles) {
      outputs.push(await this.store('article-pdf', publicationId, files.pdf));
      // A supplied PDF has only its PDF.
      if (files.html)
        outputs.push(
          await this.store('article-html', publicationId, Buffer.from(files.html, 'utf8')),
        );
      if (files.jats)
        outputs.push(
          await this.store('article-jats', publicationId, Buffer.from(files.jats, 'utf8')),
        );
    }
    const publications = input.articles.map((article) => article.publication);
    await inTransaction(this.transactions, async () => {
      await this.outputs.replaceGalleys(
        issue.id,
        publications.map((publication) => publication.id),
        typesetGalleys(run.id, journal, issue, outputs, publications),
      );
      // The pages typesetting gave each article become its record's (see takePages).
      await this.outputs.takePages(
        output.placements.map((placement) => ({
          publicationId: placement.key,
          firstPage: placement.firstPage,
          lastPage: placement.lastPage,
        })),
      );
      await this.finish(run.id, {
        status: 'succeeded',
        outputs,
        pages: output.pages,
        inputHash: prepared.hash,
        step: 'done',
      });
    });
    return 'succeeded';
  }

  private async runProof(run: TypesettingRun): Promise<TypesetOutcome> {
    const journal = await this.journals.byId(run.journalId);
    const record = await this.outputs.newestRecord(run.submissionId!);
    if (!record)
      throw new ManuscriptContentError(
        'the article has no publication record yet: place it in an issue first',
      );
    await this.progress(run.id, 'reading the manuscript', 10);
    const { content, supplied } = await this.inputs.contentOf(record.submissionId);
    const issue = record.issueId ? await this.issues.find(journal, record.issueId) : null;
    const input = {
      journal: typesetJournal(journal, this.config.PUBLIC_URL),
      issue: issue ? issueOf(issue) : null,
      article: {
        ...(await this.inputs.article(journal, record, content, this.config.PUBLIC_URL)),
        supplied,
      },
    };
    const prepared = prepareArticle(input);
    if (await this.reuse(run, prepared.hash)) return 'reused';
    await this.progress(run.id, 'laying out the proof', 40);
    const proof = await typesetArticleProof(this.engine.engine, input, prepared);
    await this.progress(run.id, 'storing the proof', 90);
    const outputs = [await this.store('article-pdf', record.id, proof.pdf)];
    await inTransaction(this.transactions, async () => {
      await this.finish(run.id, {
        status: 'succeeded',
        outputs,
        pages: proof.pages,
        inputHash: prepared.hash,
        step: 'done',
      });
      await this.tellAuthors(journal, record, run.id);
    });
    return 'succeeded';
  }

  private async tellAuthors(journal: Journal, record: Publication, runId: string) {
    const submission = await this.sources.submission(record.submissionId);
    if (submission) await this.mailer.proofReady(journal, record, submission, runId);
  }

  /**
   * Same inputs as the last successful run of the same issue or article: its files are this
   * run's too, and (for an issue) its galleys stay as they are. Nothing is laid out.
   */
  private async reuse(run: TypesettingRun, hash: string): Promise<boolean> {
    const previous = await this.runs.sameInputs(run, hash);
    if (!previous) return false;
    for (const output of previous.outputs)
      if (!(await this.storage.exists(output.storageKey))) return false;
    // Only if the galleys on the issue are still that run's (none replaced by hand since).
    if (
      run.scope === 'issue' &&
      (await this.outputs.galleysMadeBy(previous.id)) !== previous.outputs.length
    )
      return false;
    await this.finish(run.id, {
      status: 'succeeded',
      reused: true,
      outputs: previous.outputs,
      pages: previous.pages,
      inputHash: hash,
      step: 'unchanged: the previous result is reused',
    });
    return true;
  }

  private async store(
    kind: TypesettingOutput['kind'],
    publicationId: string | null,
    bytes: Buffer,
  ): Promise<TypesettingOutput> {
    const mediaType = MEDIA_TYPES[kind];
    const stored = await this.storage.put(Readable.from([bytes]), { contentType: mediaType });
    return {
      kind,
      publicationId,
      storageKey: stored.key,
      sha256: stored.sha256,
      size: stored.size,
      mediaType,
    };
  }

  private progress(runId: string, step: string, percent: number): Promise<void> {
    return this.runs.progress(runId, step, percent);
  }

  private async finish(runId: string, outcome: RunOutcome): Promise<void> {
    if (outcome.status === 'failed')
      this.logger.warn(`typesetting run ${runId} failed: ${outcome.error}`);
    await this.runs.finish(runId, outcome);
  }
}
