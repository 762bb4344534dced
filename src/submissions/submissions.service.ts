import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { releaseOpenReviews } from '../reviews/open-reviews';
import { ReviewMailer } from '../reviews/review-mailer';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { JournalRole } from '../access/journal-role.entity';
import { nameStrings } from '../accounts/auth.service';
import { displayName, type PersonNames, User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import { type Locale, pickLocalized } from '../common/i18n/locale';
import { normalizeOrcid } from '../common/identifiers/orcid';
import { type FieldError, ProblemException } from '../common/http/problem.exception';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { type Page, paginate, type CursorQuery } from '../common/pagination/cursor-page';
import { AppConfig } from '../config/app-config';
import { Journal } from '../journals/journal.entity';
import { Section } from '../journals/section.entity';
import { NotificationService } from '../notifications/notification.service';
import { FileStorage } from '../storage/file-storage';
import { contentInUse } from './content-in-use';
import { copyrightTerms } from './copyright-terms';
import type {
  ContributorsDto,
  MetadataDto,
  CopyrightAgreementDto,
  CreateSubmissionDto,
  UpdateSubmissionDto,
} from './dto/submission.dto';
import { Contributor } from './entities/contributor.entity';
import { CopyrightAgreement } from './entities/copyright-agreement.entity';
import { SubmissionEditor } from './entities/submission-editor.entity';
import { SubmissionEvent } from './entities/submission-event.entity';
import {
  type FileGenre,
  REVIEW_ROUND_GENRES,
  SubmissionFile,
} from './entities/submission-file.entity';
import { SubmissionMetadata } from './entities/submission-metadata.entity';
import { Submission, type SubmissionStage } from './entities/submission.entity';
import { sendSubmissionFile } from './file-download';
import { FileIntake } from './file-intake.service';
import { type ReviewCopy, ReviewCopies } from './review-copies.service';
import { loadSubmissionDetails } from './submission-details';
import { refreshSubmissionSearch } from './submission-search';

/** Stages in which the author may still withdraw: before any final decision. */
const WITHDRAWABLE: readonly SubmissionStage[] = ['submitted', 'review'];

const LANGUAGE_NAMES: Record<Locale, Record<Locale, string>> = {
  ar: { ar: 'العربية', en: 'الإنجليزية', fr: 'الفرنسية' },
  en: { ar: 'Arabic', en: 'English', fr: 'French' },
  fr: { ar: 'arabe', en: 'anglais', fr: 'français' },
};

const notFound = () =>
  new ProblemException({
    status: 404,
    title: 'Not Found',
    detail: 'There is no such submission of yours',
  });
const notEditable = (stage: SubmissionStage) =>
  new ProblemException({
    status: 409,
    type: 'urn:tahkim:problem:submission-not-editable',
    title: 'Conflict',
    detail: `The submission is ${stage}: only drafts can be edited`,
  });

export interface SubmissionView {
  submission: Submission;
  metadata: SubmissionMetadata[];
  contributors: Contributor[];
  files: SubmissionFile[];
  agreement: CopyrightAgreement | null;
  events: SubmissionEvent[];
  tasks: string[];
}

/**
 * The author's side of a submission: the draft saved step by step, files, the copyright
 * agreement, submitting (which hands it to the editors) and withdrawing.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly storage: FileStorage,
    private readonly intake: FileIntake,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
    private readonly reviewMailer: ReviewMailer,
    private readonly copies: ReviewCopies,
  ) {}

  /** The submission if `user` submitted it; 404 otherwise (its existence is not revealed). */
  async forSubmitter(
    id: string,
    user: User,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Submission> {
    const submission = await manager.findOne(Submission, {
      where: { id, submitterId: user.id },
      relations: { journal: true },
    });
    if (!submission) throw notFound();
    return submission;
  }

  async create(
    journal: Journal,
    user: User,
    dto: CreateSubmissionDto,
    actor: Actor,
  ): Promise<Submission> {
    return inTransaction(this.transactions, async (manager) => {
      await this.assertSectionOpen(manager, journal.id, dto.sectionId, 'sectionId');
      // Anyone signed in may be an author of any journal: starting a submission makes them one.
      await manager
        .createQueryBuilder()
        .insert()
        .into(JournalRole)
        .values({ journalId: journal.id, userId: user.id, role: 'author' })
        .orIgnore()
        .execute();
      const submission = await manager.save(
        manager.create(Submission, {
          journalId: journal.id,
          sectionId: dto.sectionId,
          submitterId: user.id,
          locale: dto.locale,
          stage: 'draft',
        }),
      );
      // The submitter is the first contributor until they say otherwise.
      await manager.save(
        manager.create(Contributor, {
          submissionId: submission.id,
          seq: 0,
          names: user.names,
          email: user.email,
          affiliation: user.affiliation,
          country: user.country,
          orcid: user.orcid,
          corresponding: true,
        }),
      );
      await this.event(manager, submission.id, actor, 'created', true);
      return submission;
    });
  }

  private async assertSectionOpen(
    manager: EntityManager,
    journalId: string,
    sectionId: string,
    field: string,
  ): Promise<Section> {
    const section = await manager.findOneBy(Section, { id: sectionId, journalId });
    if (!section)
      throw new RequestValidationException([
        { field, messages: ['is not a section of this journal'] },
      ]);
    if (!section.openForSubmissions) {
      throw new ProblemException({
        status: 409,
        type: 'urn:tahkim:problem:section-closed',
        title: 'Conflict',
        detail: 'This section does not accept submissions at the moment',
      });
    }
    return section;
  }

  async update(id: string, user: User, dto: UpdateSubmissionDto): Promise<void> {
    await inTransaction(this.transactions, async (manager) => {
      const submission = await this.forSubmitter(id, user, manager);
      if (submission.stage !== 'draft') throw notEditable(submission.stage);
      if (dto.sectionId)
        await this.assertSectionOpen(manager, submission.journalId, dto.sectionId, 'sectionId');
      if (dto.checklistConfirmed) {
        const known = new Set(submission.journal!.submissionChecklist.map((item) => item.id));
        const unknown = dto.checklistConfirmed.filter((item) => !known.has(item));
        if (unknown.length)
          throw new RequestValidationException([
            {
              field: 'checklistConfirmed',
              messages: [`not items of this journal's checklist: ${unknown.join(', ')}`],
            },
          ]);
      }
      const { metadata, references, ...fields } = dto;
      const changes: Partial<Submission> = { ...fields };
      if (references !== undefined) {
        changes.references = references
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean);
      }
      for (const key of Object.keys(changes) as (keyof Submission)[])
        if (changes[key] === undefined) delete changes[key];
      if (Object.keys(changes).length) await manager.update(Submission, { id }, changes);
      for (const [locale, values] of Object.entries(metadata ?? {}) as [
        Locale,
        MetadataDto | null | undefined,
      ][]) {
        if (values === undefined) continue;
        if (values === null) {
          await manager.delete(SubmissionMetadata, { submissionId: id, locale });
          continue;
        }
        await manager.upsert(
          SubmissionMetadata,
          {
            submissionId: id,
            locale,
            title: values.title.trim(),
            subtitle: values.subtitle ?? null,
            abstract: values.abstract ?? null,
            keywords: [...new Set((values.keywords ?? []).map((keyword) => keyword.trim()))],
          },
          ['submissionId', 'locale'],
        );
      }
      if (metadata) await refreshSubmissionSearch(manager, id);
    });
  }

  async setContributors(id: string, user: User, dto: ContributorsDto): Promise<Contributor[]> {
    return inTransaction(this.transactions, async (manager) => {
      const submission = await this.forSubmitter(id, user, manager);
      if (submission.stage !== 'draft') throw notEditable(submission.stage);
      const corresponding = dto.contributors.filter((contributor) => contributor.corresponding);
      if (corresponding.length > 1)
        throw new RequestValidationException([
          {
            field: 'contributors',
            messages: ['only one contributor may be the corresponding author'],
          },
        ]);
      await manager.delete(Contributor, { submissionId: id });
      return manager.save(
        dto.contributors.map((contributor, seq) =>
          manager.create(Contributor, {
            submissionId: id,
            seq,
            names: contributor.names as PersonNames,
            email: contributor.email.trim().toLowerCase(),
            affiliation: contributor.affiliation ?? null,
            country: contributor.country?.toUpperCase() ?? null,
            orcid: contributor.orcid ? normalizeOrcid(contributor.orcid) : null,
            role: contributor.role ?? 'author',
            corresponding: contributor.corresponding ?? false,
            inByline: contributor.inByline ?? true,
          }),
        ),
      );
    });
  }

  /**
   * Streams an upload into storage and checks its type by content. Every file reviewers may
   * receive goes through the anonymisation pipeline: the cleaned copy is stored beside the
   * original with its report, or, when the file cannot be cleaned, it is held back from
   * double-anonymous reviewers until an editor releases it.
   */
  async uploadFile(
    id: string,
    user: User,
    genre: FileGenre,
    request: Request,
    actor: Actor,
  ): Promise<SubmissionFile> {
    const submission = await this.forSubmitter(id, user);
    // A draft's files are version 1; after a decision asking for revisions, uploads make the
    // next version, which becomes current when the author sends the revision.
    const revising = submission.stage === 'review' && (await this.revisionsRequested(id));
    if (submission.stage !== 'draft' && !revising) throw notEditable(submission.stage);
    const version = revising ? submission.currentVersion + 1 : submission.currentVersion;
    const journal = submission.journal!;
    const received = await this.intake.receive(
      request,
      genre,
      journal.maxUploadMb * 1024 * 1024,
      (key) => contentInUse(this.dataSource.manager, key),
    );

    let copy: ReviewCopy | null = null;
    if (REVIEW_ROUND_GENRES.includes(genre)) {
      const contributors = await this.dataSource
        .getRepository(Contributor)
        .findBy({ submissionId: id });
      const names = [
        ...contributors.flatMap((contributor) => personNameVariants(contributor.names)),
        ...personNameVariants(user.names),
      ];
      copy = await this.copies.make(received, names, 'hold');
    } else {
      await this.copies.checkSound(received);
    }

    return inTransaction(this.transactions, async (manager) => {
      const file = await manager.save(
        manager.create(SubmissionFile, {
          submissionId: id,
          genre,
          version,
          storageKey: received.key,
          sha256: received.sha256,
          size: received.size,
          mediaType: received.mediaType,
          originalName: received.originalName,
          uploadedBy: user.id,
          anonymisedKey: copy?.outcome === 'cleaned' ? copy.stored.key : null,
          anonymisation: copy?.report ?? null,
          heldReason: copy?.outcome === 'held' ? copy.report.heldReason : null,
        }),
      );
      await this.event(manager, id, actor, 'file_uploaded', true, {
        fileId: file.id,
        genre,
        originalName: file.originalName,
        ...(file.heldReason ? { heldFromReviewers: file.heldReason } : {}),
      });
      return file;
    });
  }

  /** Whether the current review round waits for the author's revised version. */
  private async revisionsRequested(submissionId: string): Promise<boolean> {
    const [round]: { status: string }[] = await this.dataSource.query(
      'SELECT status FROM review_rounds WHERE submission_id = $1 ORDER BY number DESC LIMIT 1',
      [submissionId],
    );
    return round?.status === 'revisions_requested';
  }

  async terms(id: string, user: User, locale: Locale) {
    const submission = await this.forSubmitter(id, user);
    return copyrightTerms(submission.journal!, locale);
  }

  async agree(
    id: string,
    user: User,
    dto: CopyrightAgreementDto,
    actor: Actor,
  ): Promise<CopyrightAgreement> {
    return inTransaction(this.transactions, async (manager) => {
      const submission = await this.forSubmitter(id, user, manager);
      if (submission.stage !== 'draft') throw notEditable(submission.stage);
      const terms = copyrightTerms(submission.journal!, dto.locale);
      if (terms.termsVersion !== dto.termsVersion) {
        throw new ProblemException({
          status: 409,
          type: 'urn:tahkim:problem:terms-changed',
          title: 'Conflict',
          detail: 'The journal’s terms have changed since they were shown: read them again',
        });
      }
      await manager.delete(CopyrightAgreement, { submissionId: id });
      const agreement = await manager.save(
        manager.create(CopyrightAgreement, {
          submissionId: id,
          userId: user.id,
          termsText: terms.text,
          termsVersion: terms.termsVersion,
          licenceUrl: terms.licenceUrl,
          ip: actor.ip ?? null,
        }),
      );
      await this.event(manager, id, actor, 'copyright_agreed', true, {
        termsVersion: terms.termsVersion,
      });
      return agreement;
    });
  }

  /** Everything a draft still lacks; empty when it can be submitted. */
  private async missing(manager: EntityManager, submission: Submission): Promise<FieldError[]> {
    const journal = submission.journal!;
    const errors: FieldError[] = [];
    const add = (field: string, message: string) => errors.push({ field, messages: [message] });
    const metadata = await manager.findBy(SubmissionMetadata, { submissionId: submission.id });
    const byLocale = new Map(metadata.map((entry) => [entry.locale, entry]));
    const own = byLocale.get(submission.locale);
    if (!own)
      add(
        `metadata.${submission.locale}`,
        'the title, abstract and keywords in the manuscript’s language are required',
      );
    else {
      if (!own.abstract?.trim()) add(`metadata.${submission.locale}.abstract`, 'is required');
      if (own.keywords.length === 0)
        add(`metadata.${submission.locale}.keywords`, 'at least one keyword is required');
    }
    for (const locale of journal.requiredAbstractLocales.filter(
      (required) => required !== submission.locale,
    )) {
      const entry = byLocale.get(locale);
      if (!entry?.title.trim() || !entry.abstract?.trim())
        add(
          `metadata.${locale}`,
          'this journal requires the title and abstract in this language too',
        );
    }
    const contributors = await manager.findBy(Contributor, { submissionId: submission.id });
    const corresponding = contributors.filter((contributor) => contributor.corresponding);
    if (contributors.length === 0) add('contributors', 'at least one contributor is required');
    else if (corresponding.length !== 1)
      add('contributors', 'exactly one contributor must be the corresponding author');
    if (!contributors.some((contributor) => contributor.inByline))
      add('contributors', 'at least one contributor must be in the byline');
    const unconfirmed = journal.submissionChecklist.filter(
      (item) => !submission.checklistConfirmed.includes(item.id),
    );
    if (unconfirmed.length)
      add(
        'checklistConfirmed',
        `confirm every checklist item; unconfirmed: ${unconfirmed.map((item) => item.id).join(', ')}`,
      );
    if (!(await manager.existsBy(CopyrightAgreement, { submissionId: submission.id })))
      add('copyrightAgreement', 'the copyright and licence terms must be agreed to');
    if (
      !(await manager.existsBy(SubmissionFile, {
        submissionId: submission.id,
        genre: 'manuscript',
      }))
    )
      add('files', 'a manuscript file is required');
    return errors;
  }

  /** Hands the draft to the editors: numbered, assigned, acknowledged by email. */
  async submit(id: string, user: User, actor: Actor): Promise<Submission> {
    return inTransaction(this.transactions, async (manager) => {
      const submission = await this.forSubmitter(id, user, manager);
      if (submission.stage !== 'draft') throw notEditable(submission.stage);
      const journal = submission.journal!;
      const section = await this.assertSectionOpen(
        manager,
        journal.id,
        submission.sectionId,
        'sectionId',
      );
      const errors = await this.missing(manager, submission);
      if (errors.length) {
        throw new ProblemException({
          status: 422,
          type: 'urn:tahkim:problem:submission-incomplete',
          title: 'The submission is not complete',
          detail: errors.map((error) => `${error.field}: ${error.messages.join('; ')}`).join('. '),
          extensions: { errors },
        });
      }

      // Numbers are per journal and year, in submission order.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `submission-number:${journal.id}`,
      ]);
      const year = new Date().getUTCFullYear();
      const prefix = `${
        journal.slug
          .replace(/[^a-z]/g, '')
          .slice(0, 3)
          .toUpperCase() || 'SUB'
      }-${year}-`;
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM submissions WHERE journal_id = $1 AND number LIKE $2`,
        [journal.id, `${prefix}%`],
      );
      const number = `${prefix}${String(count + 1).padStart(4, '0')}`;
      const submittedAt = new Date();
      // The lock version makes a concurrent change to this draft fail instead of being lost.
      const updated = await manager.update(
        Submission,
        { id, lockVersion: submission.lockVersion },
        { stage: 'submitted', number, submittedAt, lockVersion: submission.lockVersion + 1 },
      );
      if (updated.affected !== 1)
        throw new ProblemException({
          status: 409,
          title: 'Conflict',
          detail: 'The submission changed meanwhile: reload it',
        });

      const editors = await this.assignEditors(manager, submission, section);
      await this.event(manager, id, actor, 'submitted', true, {
        number,
        editors: editors.map((editor) => editor.id),
      });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'submission',
        objectId: id,
        action: 'submission.submitted',
        after: { number, stage: 'submitted' },
      });

      const metadata = await manager.findBy(SubmissionMetadata, { submissionId: id });
      const titleIn = (locale: Locale) =>
        (metadata.find((entry) => entry.locale === locale) ??
          metadata.find((entry) => entry.locale === submission.locale))!.title;
      const corresponding = await manager.findOneByOrFail(Contributor, {
        submissionId: id,
        corresponding: true,
      });
      const correspondingUser = await manager.findOneBy(User, { email: corresponding.email });
      const authorLocale = correspondingUser?.preferredLocale ?? journal.primaryLocale;
      const when = submittedAt.toISOString().slice(0, 10);
      await this.notifications.queueEmail(manager, {
        template: 'submission-acknowledgement',
        to: {
          email: corresponding.email,
          name: displayName(corresponding.names, authorLocale) || null,
          preferredLocale: authorLocale,
        },
        journalId: journal.id,
        submissionId: id,
        data: {
          submissionNumber: number,
          title: titleIn(authorLocale),
          sectionTitle: pickLocalized(section.titles, authorLocale) ?? '',
          submittedAt: when,
          statusUrl: new URL(`/submissions/${id}`, this.config.PUBLIC_URL).href,
        },
      });
      for (const editor of editors) {
        await this.notifications.queueEmail(manager, {
          template: 'submission-new-for-editor',
          to: {
            email: editor.email,
            name: displayName(editor.names, editor.preferredLocale) || null,
            preferredLocale: editor.preferredLocale,
          },
          journalId: journal.id,
          submissionId: id,
          data: {
            submissionNumber: number,
            title: titleIn(editor.preferredLocale),
            sectionTitle: pickLocalized(section.titles, editor.preferredLocale) ?? '',
            language: LANGUAGE_NAMES[editor.preferredLocale][submission.locale],
            submittedAt: when,
            workflowUrl: new URL(`/journals/${journal.slug}/workflow/${id}`, this.config.PUBLIC_URL)
              .href,
          },
        });
      }
      return manager.findOneByOrFail(Submission, { id });
    });
  }

  /** The section's editors, or the journal's editors when the section has none. */
  private async assignEditors(
    manager: EntityManager,
    submission: Submission,
    section: Section,
  ): Promise<User[]> {
    const sectionEditors: { user_id: string }[] = await manager.query(
      'SELECT user_id FROM section_editors WHERE section_id = $1',
      [section.id],
    );
    // Nobody edits their own submission: neither its submitter nor any of its contributors.
    const contributorEmails = new Set(
      (
        (await manager.query(
          'SELECT lower(email) AS email FROM contributors WHERE submission_id = $1',
          [submission.id],
        )) as { email: string | null }[]
      ).map((row) => row.email),
    );
    const eligible = async (ids: string[]) =>
      (ids.length ? await manager.findBy(User, { id: In(ids), status: 'active' }) : []).filter(
        (user) =>
          user.id !== submission.submitterId && !contributorEmails.has(user.email.toLowerCase()),
      );
    let editors = await eligible(sectionEditors.map((row) => row.user_id));
    if (editors.length === 0) {
      editors = await eligible(
        (
          await manager.findBy(JournalRole, { journalId: submission.journalId, role: 'editor' })
        ).map((role) => role.userId),
      );
    }
    if (editors.length)
      await manager.insert(
        SubmissionEditor,
        editors.map((editor) => ({ submissionId: submission.id, userId: editor.id })),
      );
    return editors;
  }

  async withdraw(id: string, user: User, reason: string, actor: Actor): Promise<Submission> {
    return inTransaction(this.transactions, async (manager) => {
      const submission = await this.forSubmitter(id, user, manager);
      if (!WITHDRAWABLE.includes(submission.stage)) {
        throw new ProblemException({
          status: 409,
          type: 'urn:tahkim:problem:not-withdrawable',
          title: 'Conflict',
          detail:
            submission.stage === 'draft'
              ? 'A draft has not been submitted: there is nothing to withdraw'
              : `The submission is ${submission.stage}: it can no longer be withdrawn`,
        });
      }
      const withdrawnAt = new Date();
      await manager.update(
        Submission,
        { id },
        {
          stage: 'withdrawn',
          withdrawnAt,
          withdrawalReason: reason.trim(),
          lockVersion: submission.lockVersion + 1,
        },
      );
      await this.event(manager, id, actor, 'withdrawn', true, { reason: reason.trim() });
      // Reviewers stop, are told, and get no more reminders; no more revisions are due.
      await releaseOpenReviews(
        manager,
        this.reviewMailer,
        { submissionId: id },
        actor.userId ?? null,
        'withdrawn',
        true,
      );
      await this.audit.record(manager, {
        actor,
        journalId: submission.journalId,
        objectType: 'submission',
        objectId: id,
        action: 'submission.withdrawn',
        before: { stage: submission.stage },
        after: { stage: 'withdrawn' },
      });
      const editors = await manager.find(SubmissionEditor, {
        where: { submissionId: id },
        relations: { user: true },
      });
      const metadata = await manager.findBy(SubmissionMetadata, { submissionId: id });
      for (const { user: editor } of editors) {
        if (!editor) continue;
        const title =
          (
            metadata.find((entry) => entry.locale === editor.preferredLocale) ??
            metadata.find((entry) => entry.locale === submission.locale)
          )?.title ?? '';
        await this.notifications.queueEmail(manager, {
          template: 'submission-withdrawn',
          to: {
            email: editor.email,
            name: displayName(editor.names, editor.preferredLocale) || null,
            preferredLocale: editor.preferredLocale,
          },
          journalId: submission.journalId,
          submissionId: id,
          data: {
            submissionNumber: submission.number ?? '',
            title,
            reason: reason.trim(),
            withdrawnAt: withdrawnAt.toISOString().slice(0, 10),
            workflowUrl: new URL(
              `/journals/${submission.journal!.slug}/workflow/${id}`,
              this.config.PUBLIC_URL,
            ).href,
          },
        });
      }
      return manager.findOneByOrFail(Submission, { id });
    });
  }

  /** The author's status page: stage, their metadata and files, history they may see, tasks. */
  async view(id: string, user: User): Promise<SubmissionView> {
    const submission = await this.forSubmitter(id, user);
    const manager = this.dataSource.manager;
    const details = await loadSubmissionDetails(manager, id, 'author');
    const tasks =
      submission.stage === 'draft'
        ? (await this.missing(manager, submission)).map(
            (error) => `${error.field}: ${error.messages.join('; ')}`,
          )
        : [];
    const [revisions]: { revisions_due_at: Date | null }[] =
      submission.stage === 'review'
        ? await manager.query(
            `SELECT revisions_due_at FROM review_rounds
              WHERE submission_id = $1 AND status = 'revisions_requested'
              ORDER BY number DESC LIMIT 1`,
            [id],
          )
        : [];
    if (revisions)
      tasks.push(
        `revisions: upload the revised manuscript and send it with your response to the reviewers${
          revisions.revisions_due_at
            ? ` by ${revisions.revisions_due_at.toISOString().slice(0, 10)}`
            : ''
        }`,
      );
    return { submission, ...details, tasks };
  }

  /** Streams a file of the submitter's own submission, as uploaded. */
  async sendOwnFile(id: string, fileId: string, user: User, response: Response): Promise<void> {
    await this.forSubmitter(id, user);
    const file = await this.dataSource
      .getRepository(SubmissionFile)
      .findOneBy({ id: fileId, submissionId: id });
    if (!file)
      throw new ProblemException({
        status: 404,
        title: 'Not Found',
        detail: 'There is no such file in this submission',
      });
    await sendSubmissionFile(response, this.storage, file, file.storageKey);
  }

  listMine(user: User, query: CursorQuery): Promise<Page<Submission>> {
    const builder = this.dataSource
      .getRepository(Submission)
      .createQueryBuilder('submission')
      .where('submission.submitter_id = :userId', { userId: user.id });
    return paginate(
      builder,
      {
        keys: [
          { property: 'createdAt', column: 'created_at' },
          { property: 'id', column: 'id' },
        ],
        direction: 'DESC',
      },
      query,
    );
  }

  private async event(
    manager: EntityManager,
    submissionId: string,
    actor: Actor,
    kind: string,
    authorVisible: boolean,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await manager.insert(SubmissionEvent, {
      submissionId,
      actorId: actor.userId ?? null,
      kind,
      authorVisible,
      data: data as never,
    });
  }
}

/** "Given Family" in every script a person's name is written in, and its longer parts. */
export function personNameVariants(names: PersonNames): string[] {
  const full = Object.values(names)
    .filter((name) => name?.given)
    .map((name) => [name!.given, name!.family].filter(Boolean).join(' '));
  return [...full, ...nameStrings(names).filter((part) => part.length >= 4)];
}
