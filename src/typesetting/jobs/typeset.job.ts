import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../../database/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Readable } from 'node:stream';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { isLocale, pickLocalized } from '../../common/i18n/locale';
import { Journal } from '../../journals/journal.entity';
import { NotificationService } from '../../notifications/notification.service';
import { authorsOf } from '../../reviews/jobs/review-reminders.job';
import { Submission } from '../../submissions/entities/submission.entity';
import { Galley } from '../../publishing/entities/galley.entity';
import { Issue } from '../../publishing/entities/issue.entity';
import { Publication } from '../../publishing/entities/publication.entity';
import { FileStorage } from '../../storage/file-storage';
import { ManuscriptContentError } from '../content/article-content';
import { TypesettingRun, type TypesettingOutput } from '../entities/typesetting-run.entity';
import { TypesettingEngineError } from '../pdf/typst-engine';
import { TypstEngineHost } from '../typst-engine.host';
import { prepareArticle, prepareIssue, typesetArticleProof, typesetIssue } from '../typesetter';
import {
  contentOf,
  loadIssueInput,
  typesetArticle,
  typesetIssue as issueOf,
  typesetJournal,
} from '../typesetting-inputs';

/** The job's payload: the run's id, nothing else (the run is read again from the database). */
export interface TypesetJobData {
  runId: string;
}

export type TypesetOutcome = 'succeeded' | 'reused' | 'failed' | 'skipped';

const MEDIA_TYPES: Record<TypesettingOutput['kind'], string> = {
  'issue-pdf': 'application/pdf',
  'article-pdf': 'application/pdf',
  'article-html': 'text/html',
  'article-jats': 'application/jats+xml',
};

/** The galleys typesetting makes for each article, with the labels readers see. */
const ARTICLE_GALLEYS: { kind: TypesettingOutput['kind']; label: string; file: string }[] = [
  { kind: 'article-pdf', label: 'PDF', file: 'article.pdf' },
  { kind: 'article-html', label: 'HTML', file: 'article.html' },
  { kind: 'article-jats', label: 'JATS XML', file: 'article.xml' },
];

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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly config: AppConfig,
    private readonly engine: TypstEngineHost,
    private readonly notifications: NotificationService,
  ) {}

  /** `finalAttempt`: BullMQ will not try again, so a passing failure is the run's failure too. */
  async handle({ runId }: TypesetJobData, finalAttempt = true): Promise<TypesetOutcome> {
    // Claimed only while queued (or running, when a worker died mid-run and BullMQ re-delivers).
    const claimed: TypesettingRun[] = await this.dataSource.query(
      `UPDATE typesetting_runs SET status = 'running', started_at = now(), percent = 5,
              step = 'reading the records'
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [runId],
    );
    if (claimed.length === 0) return 'skipped';
    const run = await this.dataSource.getRepository(TypesettingRun).findOneByOrFail({ id: runId });
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
    const manager = this.dataSource.manager;
    const journal = await manager.findOneByOrFail(Journal, { id: run.journalId });
    const issue = await manager.findOneByOrFail(Issue, { id: run.issueId! });
    const input = await loadIssueInput(
      manager,
      this.storage,
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
    await inTransaction(this.transactions, async (tx) => {
      await this.replaceGalleys(
        tx,
        run,
        journal,
        issue,
        outputs,
        input.articles.map((a) => a.publication),
      );
      // The pages typesetting gave each article become its record's: a draft's, or a published
      // record's that has none yet. Pages once published change only by correction.
      for (const placement of output.placements)
        await tx.query(
          `UPDATE publications SET first_page = $2, last_page = $3, updated_at = now()
            WHERE id = $1 AND (status = 'draft' OR first_page IS NULL)`,
          [placement.key, placement.firstPage, placement.lastPage],
        );
      await this.finish(
        run.id,
        {
          status: 'succeeded',
          outputs,
          pages: output.pages,
          inputHash: prepared.hash,
          step: 'done',
        },
        tx,
      );
    });
    return 'succeeded';
  }

  private async runProof(run: TypesettingRun): Promise<TypesetOutcome> {
    const manager = this.dataSource.manager;
    const journal = await manager.findOneByOrFail(Journal, { id: run.journalId });
    const record = await manager.findOne(Publication, {
      where: { submissionId: run.submissionId! },
      order: { version: 'DESC' },
    });
    if (!record)
      throw new ManuscriptContentError(
        'the article has no publication record yet: place it in an issue first',
      );
    await this.progress(run.id, 'reading the manuscript', 10);
    const { content, supplied } = await contentOf(manager, this.storage, record.submissionId);
    const issue = record.issueId ? await manager.findOneBy(Issue, { id: record.issueId }) : null;
    const input = {
      journal: typesetJournal(journal, this.config.PUBLIC_URL),
      issue: issue ? issueOf(issue) : null,
      article: {
        ...(await typesetArticle(manager, journal, record, content, this.config.PUBLIC_URL)),
        supplied,
      },
    };
    const prepared = prepareArticle(input);
    if (await this.reuse(run, prepared.hash)) return 'reused';
    await this.progress(run.id, 'laying out the proof', 40);
    const proof = await typesetArticleProof(this.engine.engine, input, prepared);
    await this.progress(run.id, 'storing the proof', 90);
    const outputs = [await this.store('article-pdf', record.id, proof.pdf)];
    await inTransaction(this.transactions, async (tx) => {
      await this.finish(
        run.id,
        {
          status: 'succeeded',
          outputs,
          pages: proof.pages,
          inputHash: prepared.hash,
          step: 'done',
        },
        tx,
      );
      await this.tellAuthors(tx, journal, record, run.id);
    });
    return 'succeeded';
  }

  /** The authors hear that a proof waits for them, in their language (once per proof). */
  private async tellAuthors(
    tx: EntityManager,
    journal: Journal,
    record: Publication,
    runId: string,
  ) {
    const submission = await tx.findOneByOrFail(Submission, { id: record.submissionId });
    for (const author of await authorsOf(tx, submission.id, submission.submitterId)) {
      const locale = isLocale(author.preferredLocale)
        ? author.preferredLocale
        : journal.primaryLocale;
      await this.notifications.queueEmail(tx, {
        template: 'proof-ready',
        to: author,
        journalId: journal.id,
        submissionId: submission.id,
        dedupeKey: `proof-ready:${runId}:${author.email}`,
        data: {
          title:
            pickLocalized(
              Object.fromEntries(Object.entries(record.metadata).map(([l, m]) => [l, m?.title])),
              locale,
              record.locale,
            ) ?? '',
          proofsUrl: new URL(`/submissions/${submission.id}/proofs`, this.config.PUBLIC_URL).href,
        },
      });
    }
  }

  /**
   * Same inputs as the last successful run of the same issue or article: its files are this
   * run's too, and (for an issue) its galleys stay as they are. Nothing is laid out.
   */
  private async reuse(run: TypesettingRun, hash: string): Promise<boolean> {
    const previous = await this.dataSource.getRepository(TypesettingRun).findOne({
      where: {
        scope: run.scope,
        ...(run.scope === 'issue'
          ? { issueId: run.issueId! }
          : { submissionId: run.submissionId! }),
        status: 'succeeded',
        inputHash: hash,
        id: Not(run.id),
      },
      order: { createdAt: 'DESC' },
    });
    if (!previous) return false;
    for (const output of previous.outputs)
      if (!(await this.storage.exists(output.storageKey))) return false;
    if (run.scope === 'issue') {
      // Only if the galleys on the issue are still that run's (none replaced by hand since).
      const current = await this.dataSource
        .getRepository(Galley)
        .countBy({ typesettingRunId: previous.id });
      if (current !== previous.outputs.length) return false;
    }
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

  private async replaceGalleys(
    tx: EntityManager,
    run: TypesettingRun,
    journal: Journal,
    issue: Issue,
    outputs: TypesettingOutput[],
    publications: { id: string; locale: Publication['locale'] }[],
  ) {
    const ids = publications.map((publication) => publication.id);
    await tx.delete(Galley, { issueId: issue.id, typesettingRunId: Not(IsNull()) });
    if (ids.length)
      await tx.delete(Galley, { publicationId: In(ids), typesettingRunId: Not(IsNull()) });
    const rows: Partial<Galley>[] = [];
    const issuePdf = outputs.find((output) => output.kind === 'issue-pdf')!;
    rows.push({
      issueId: issue.id,
      publicationId: null,
      label: 'PDF',
      locale: journal.primaryLocale,
      mediaType: issuePdf.mediaType,
      storageKey: issuePdf.storageKey,
      sha256: issuePdf.sha256,
      size: issuePdf.size,
      originalName: `${journal.slug}-${issue.volume}-${issue.number}.pdf`,
      seq: 0,
      typesettingRunId: run.id,
    });
    for (const publication of publications)
      ARTICLE_GALLEYS.forEach((galley, seq) => {
        const output = outputs.find(
          (candidate) =>
            candidate.kind === galley.kind && candidate.publicationId === publication.id,
        );
        if (!output) return;
        rows.push({
          publicationId: publication.id,
          issueId: null,
          label: galley.label,
          locale: publication.locale,
          mediaType: output.mediaType,
          storageKey: output.storageKey,
          sha256: output.sha256,
          size: output.size,
          originalName: galley.file,
          // Typeset galleys come first; uploaded ones keep their order after them.
          seq: seq - ARTICLE_GALLEYS.length,
          typesettingRunId: run.id,
        });
      });
    await tx.insert(Galley, rows);
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

  private async progress(runId: string, step: string, percent: number) {
    await this.dataSource.query(
      `UPDATE typesetting_runs SET step = left($2, 200), percent = $3 WHERE id = $1 AND status = 'running'`,
      [runId, step, percent],
    );
  }

  private async finish(
    runId: string,
    outcome: Partial<
      Pick<
        TypesettingRun,
        'status' | 'outputs' | 'pages' | 'inputHash' | 'error' | 'reused' | 'step'
      >
    >,
    manager: EntityManager = this.dataSource.manager,
  ) {
    if (outcome.status === 'failed')
      this.logger.warn(`typesetting run ${runId} failed: ${outcome.error}`);
    await manager.update(
      TypesettingRun,
      { id: runId },
      { ...outcome, percent: 100, finishedAt: new Date() },
    );
  }
}
