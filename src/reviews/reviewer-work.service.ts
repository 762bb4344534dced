import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import type { User } from '../accounts/user.entity';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { AppConfig } from '../config/app-config';
import { Journal } from '../journals/journal.entity';
import { FileStorage } from '../storage/file-storage';
import { contentInUse } from '../submissions/content-in-use';
import { Contributor } from '../submissions/entities/contributor.entity';
import { SubmissionEvent } from '../submissions/entities/submission-event.entity';
import {
  REVIEW_ROUND_GENRES,
  SubmissionFile,
} from '../submissions/entities/submission-file.entity';
import { SubmissionMetadata } from '../submissions/entities/submission-metadata.entity';
import { Submission } from '../submissions/entities/submission.entity';
import { sendSubmissionFile } from '../submissions/file-download';
import { personNameVariants } from '../submissions/submissions.service';
import { extensionOf, FileIntake } from '../submissions/file-intake.service';
import { ReviewCopies } from '../submissions/review-copies.service';
import type { DeclineInvitationDto, ReviewDraftDto } from './dto/review.dto';
import {
  assignmentStatus,
  readResponseNonce,
  ReviewAssignment,
} from './entities/review-assignment.entity';
import { ReviewFile } from './entities/review-file.entity';
import { ReviewForm } from './entities/review-form.entity';
import { ReviewRound } from './entities/review-round.entity';
import { Review } from './entities/review.entity';
import { checkAnswers } from './review-answers';
import { ReviewMailer } from './review-mailer';
import { problem } from './review-problems';
import { parseResponseToken, verifyResponseToken } from './review-response-token';
import { RECOMMENDATION_NAMES } from './review-texts';

/** A file of a round as a reviewer gets it: a neutral name, never the uploaded one. */
export interface ReviewerFileView {
  id: string;
  genre: string;
  name: string;
  mediaType: string;
  size: number;
}

const invalidLink = () =>
  problem(
    404,
    'invalid-review-link',
    'This invitation link is not valid: it is wrong, has expired or was already used',
  );
const notYours = () => problem(404, 'not-found', 'There is no such review assignment of yours');

/**
 * The reviewer's side: the dashboard, answering an invitation (signed in or through the email
 * link), the submission as the reviewer may see it, the files of the round, the review itself
 * (autosaved drafts, then submitted and locked) and annotated files.
 */
@Injectable()
export class ReviewerWorkService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly storage: FileStorage,
    private readonly intake: FileIntake,
    private readonly mailer: ReviewMailer,
    private readonly copies: ReviewCopies,
  ) {}

  /** Pending invitations, active reviews and completed ones, across journals. */
  async dashboard(user: User) {
    const assignments = await this.dataSource.manager.find(ReviewAssignment, {
      where: { reviewerId: user.id },
      relations: { round: true, journal: true },
      order: { invitedAt: 'DESC' },
      take: 500,
    });
    const titles = await this.titles(assignments.map((assignment) => assignment.submissionId));
    const now = new Date();
    const item = (assignment: ReviewAssignment) => ({
      id: assignment.id,
      journal: { slug: assignment.journal!.slug, titles: assignment.journal!.titles },
      titles: titles.get(assignment.submissionId) ?? {},
      round: assignment.round!.number,
      method: assignment.method,
      status: assignmentStatus(assignment, now),
      responseDueAt: assignment.responseDueAt,
      reviewDueAt: assignment.reviewDueAt,
      completedAt: assignment.completedAt,
    });
    return {
      invitations: assignments.filter((a) => a.state === 'invited').map(item),
      active: assignments.filter((a) => a.state === 'accepted').map(item),
      completed: assignments.filter((a) => a.state === 'completed').map(item),
    };
  }

  private async titles(submissionIds: string[]) {
    const map = new Map<string, Record<string, string>>();
    if (submissionIds.length === 0) return map;
    const rows = await this.dataSource.manager.findBy(SubmissionMetadata, {
      submissionId: In([...new Set(submissionIds)]),
    });
    for (const row of rows)
      map.set(row.submissionId, { ...(map.get(row.submissionId) ?? {}), [row.locale]: row.title });
    return map;
  }

  /** What the reviewer may see. Authors only in anonymous/open review; files after accepting. */
  async view(user: User, assignmentId: string) {
    const assignment = await this.own(this.dataSource.manager, user, assignmentId);
    const manager = this.dataSource.manager;
    const submission = await manager.findOneByOrFail(Submission, { id: assignment.submissionId });
    const journal = await manager.findOneByOrFail(Journal, { id: assignment.journalId });
    const round = await manager.findOneByOrFail(ReviewRound, { id: assignment.roundId });
    const metadata = await manager.find(SubmissionMetadata, {
      where: { submissionId: submission.id },
      order: { locale: 'ASC' },
    });
    const working = assignment.state === 'accepted' || assignment.state === 'completed';
    const authorsShown = assignment.method !== 'double_anonymous';
    const contributors = authorsShown
      ? (
          await manager.find(Contributor, {
            where: { submissionId: submission.id, inByline: true },
            order: { seq: 'ASC' },
          })
        ).map((contributor) => ({
          names: contributor.names,
          affiliation: contributor.affiliation,
          country: contributor.country,
        }))
      : null;
    const review = await manager.findOneBy(Review, { assignmentId });
    const form = review
      ? null
      : assignment.reviewFormId
        ? await manager.findOneBy(ReviewForm, { id: assignment.reviewFormId })
        : null;
    return {
      assignment: {
        id: assignment.id,
        status: assignmentStatus(assignment),
        method: assignment.method,
        round: round.number,
        responseDueAt: assignment.responseDueAt,
        reviewDueAt: assignment.reviewDueAt,
        personalMessage: assignment.personalMessage,
      },
      journal: { slug: journal.slug, titles: journal.titles },
      submission: {
        locale: submission.locale,
        sectionId: submission.sectionId,
        metadata: metadata.map(({ locale, title, subtitle, abstract, keywords }) => ({
          locale,
          title,
          subtitle,
          abstract,
          keywords,
        })),
        contributors,
      },
      // Neutral names only: the uploaded names and storage keys stay with the editors.
      files: working
        ? (await this.roundFiles(manager, assignment, round.fileVersion)).map(
            ({ file: _file, key: _key, ...view }) => view,
          )
        : [],
      questions: review?.questions ?? form?.questions ?? [],
      review: review ?? null,
      reviewFiles: working
        ? (
            await manager.find(ReviewFile, { where: { assignmentId }, order: { createdAt: 'ASC' } })
          ).map(({ id, originalName, mediaType, size, shareWithAuthor, anonymisation }) => ({
            id,
            originalName,
            mediaType,
            size,
            shareWithAuthor,
            anonymisation,
          }))
        : [],
    };
  }

  /**
   * The files of the round's version: per kind, the newest version not after the round's;
   * only the kinds in REVIEW_ROUND_GENRES. A double-anonymous reviewer gets each file's cleaned
   * copy, or the original of a file an editor released after checking it by hand; a file that
   * could not be cleaned and was not released is not shown at all.
   */
  private async roundFiles(
    manager: EntityManager,
    assignment: ReviewAssignment,
    version: number,
  ): Promise<(ReviewerFileView & { file: SubmissionFile; key: string })[]> {
    const files = await manager.find(SubmissionFile, {
      where: { submissionId: assignment.submissionId },
      order: { createdAt: 'ASC' },
    });
    const latest = new Map<string, number>();
    for (const file of files)
      if (file.version <= version && REVIEW_ROUND_GENRES.includes(file.genre))
        latest.set(file.genre, Math.max(latest.get(file.genre) ?? 0, file.version));
    const anonymous = assignment.method === 'double_anonymous';
    const chosen = files.flatMap((file) => {
      if (latest.get(file.genre) !== file.version) return [];
      if (!anonymous) return [{ file, key: file.storageKey }];
      if (file.anonymisedKey) return [{ file, key: file.anonymisedKey }];
      return file.releasedAt ? [{ file, key: file.storageKey }] : [];
    });
    return chosen.map(({ file, key }) => {
      const sameGenre = chosen.filter((other) => other.file.genre === file.genre);
      const n =
        sameGenre.length > 1 ? `-${sameGenre.findIndex((other) => other.file === file) + 1}` : '';
      return {
        id: file.id,
        genre: file.genre,
        name: `${file.genre}${n}-v${file.version}.${extensionOf(file.mediaType)}`,
        mediaType: file.mediaType,
        size: file.size,
        file,
        key,
      };
    });
  }

  /** Streams a file of the round: what roundFiles says this reviewer may receive. */
  async sendFile(user: User, assignmentId: string, fileId: string, response: Response) {
    const manager = this.dataSource.manager;
    const assignment = await this.own(manager, user, assignmentId);
    if (assignment.state !== 'accepted' && assignment.state !== 'completed')
      throw problem(403, 'not-accepted', 'Files become available once you accept the invitation');
    const round = await manager.findOneByOrFail(ReviewRound, { id: assignment.roundId });
    const found = (await this.roundFiles(manager, assignment, round.fileVersion)).find(
      (candidate) => candidate.id === fileId,
    );
    if (!found) throw problem(404, 'not-found', 'There is no such file in this review');
    await sendSubmissionFile(
      response,
      this.storage,
      { ...found.file, originalName: found.name },
      found.key,
    );
  }

  /** The invitation as the email link shows it, before any sign-in: no author, no file. */
  async describeByToken(token: string) {
    const assignment = await this.byToken(this.dataSource.manager, token);
    const manager = this.dataSource.manager;
    const [journal, round, metadata] = await Promise.all([
      manager.findOneByOrFail(Journal, { id: assignment.journalId }),
      manager.findOneByOrFail(ReviewRound, { id: assignment.roundId }),
      manager.findBy(SubmissionMetadata, { submissionId: assignment.submissionId }),
    ]);
    return {
      journal: { slug: journal.slug, titles: journal.titles },
      round: round.number,
      method: assignment.method,
      responseDueAt: assignment.responseDueAt,
      reviewDueAt: assignment.reviewDueAt,
      personalMessage: assignment.personalMessage,
      metadata: metadata.map(({ locale, title, abstract, keywords }) => ({
        locale,
        title,
        abstract,
        keywords,
      })),
    };
  }

  async acceptByToken(token: string, actor: Actor) {
    return inTransaction(this.transactions, async (manager) => {
      const assignment = await this.byToken(manager, token, true);
      return this.accept(manager, assignment, actor);
    });
  }

  async declineByToken(token: string, dto: DeclineInvitationDto, actor: Actor) {
    return inTransaction(this.transactions, async (manager) => {
      const assignment = await this.byToken(manager, token, true);
      return this.decline(manager, assignment, dto, actor);
    });
  }

  async acceptSignedIn(user: User, assignmentId: string, actor: Actor) {
    return inTransaction(this.transactions, async (manager) =>
      this.accept(manager, await this.own(manager, user, assignmentId, true), actor),
    );
  }

  async declineSignedIn(user: User, assignmentId: string, dto: DeclineInvitationDto, actor: Actor) {
    return inTransaction(this.transactions, async (manager) =>
      this.decline(manager, await this.own(manager, user, assignmentId, true), dto, actor),
    );
  }

  private async accept(manager: EntityManager, assignment: ReviewAssignment, actor: Actor) {
    this.assertInvited(assignment);
    await manager.update(
      ReviewAssignment,
      { id: assignment.id },
      { state: 'accepted', respondedAt: new Date(), responseNonce: null, overdueReminders: 0 },
    );
    const form = assignment.reviewFormId
      ? await manager.findOneBy(ReviewForm, { id: assignment.reviewFormId })
      : null;
    await manager
      .createQueryBuilder()
      .insert()
      .into(Review)
      .values({ assignmentId: assignment.id, questions: (form?.questions ?? []) as never })
      .orIgnore()
      .execute();
    await this.event(manager, assignment, actor, 'review_accepted');
    await this.mailer.withReviewLink(manager, assignment.id, 'review-accepted');
    return { id: assignment.id, status: 'accepted' as const };
  }

  private async decline(
    manager: EntityManager,
    assignment: ReviewAssignment,
    dto: DeclineInvitationDto,
    actor: Actor,
  ) {
    this.assertInvited(assignment);
    await manager.update(
      ReviewAssignment,
      { id: assignment.id },
      {
        state: 'declined',
        respondedAt: new Date(),
        responseNonce: null,
        declineReason: dto.reason?.trim() || null,
        suggestedReviewer: dto.suggestedReviewer?.trim() || null,
      },
    );
    await this.event(manager, assignment, actor, 'review_declined');
    await this.mailer.simple(manager, assignment.id, 'review-declined');
    await this.mailer.declinedToEditors(manager, assignment.id);
    return { id: assignment.id, status: 'declined' as const };
  }

  private assertInvited(assignment: ReviewAssignment): void {
    if (assignment.state !== 'invited')
      throw problem(
        409,
        'invitation-answered',
        `This invitation was already answered or withdrawn (${assignment.state})`,
      );
  }

  /** Autosave: any part of the review, while it is not locked. */
  async saveDraft(user: User, assignmentId: string, dto: ReviewDraftDto): Promise<Review> {
    return inTransaction(this.transactions, async (manager) => {
      const { review } = await this.editable(manager, user, assignmentId);
      const changes = this.changes(review, dto, false);
      if (Object.keys(changes).length) await manager.update(Review, { id: review.id }, changes);
      return manager.findOneByOrFail(Review, { id: review.id });
    });
  }

  /** Submits the review (with a last set of changes): complete, then locked. */
  async submit(
    user: User,
    assignmentId: string,
    dto: ReviewDraftDto,
    actor: Actor,
  ): Promise<Review> {
    return inTransaction(this.transactions, async (manager) => {
      const { assignment, review } = await this.editable(manager, user, assignmentId);
      const merged = { ...review, ...this.changes(review, dto, true) };
      if (!merged.recommendation)
        throw new RequestValidationException([
          { field: 'recommendation', messages: ['a review needs a recommendation'] },
        ]);
      const now = new Date();
      await manager.update(
        Review,
        { id: review.id },
        {
          answers: merged.answers as never,
          recommendation: merged.recommendation,
          commentsForAuthor: merged.commentsForAuthor,
          commentsForEditor: merged.commentsForEditor,
          competingInterests: merged.competingInterests,
          submittedAt: now,
          locked: true,
        },
      );
      await manager.update(
        ReviewAssignment,
        { id: assignment.id },
        { state: 'completed', completedAt: now },
      );
      await this.event(manager, assignment, actor, 'review_submitted', {
        recommendation: merged.recommendation,
      });
      await this.mailer.submittedToEditors(
        manager,
        assignment.id,
        (locale) => RECOMMENDATION_NAMES[locale][merged.recommendation!],
      );
      return manager.findOneByOrFail(Review, { id: review.id });
    });
  }

  private changes(review: Review, dto: ReviewDraftDto, complete: boolean): Partial<Review> {
    const changes: Partial<Review> = {};
    const answers = { ...review.answers, ...(dto.answers ?? {}) };
    const checked = checkAnswers(review.questions, answers, complete);
    if (checked.errors.length) throw new RequestValidationException(checked.errors);
    if (dto.answers) changes.answers = checked.answers;
    else if (complete) changes.answers = checked.answers;
    if (dto.recommendation !== undefined) changes.recommendation = dto.recommendation;
    if (dto.commentsForAuthor !== undefined) changes.commentsForAuthor = dto.commentsForAuthor;
    if (dto.commentsForEditor !== undefined) changes.commentsForEditor = dto.commentsForEditor;
    if (dto.competingInterests !== undefined) changes.competingInterests = dto.competingInterests;
    return changes;
  }

  /** The review of an accepted assignment, for writing; 409 once it is submitted (locked). */
  private async editable(manager: EntityManager, user: User, assignmentId: string) {
    const assignment = await this.own(manager, user, assignmentId, true);
    const review = await manager.findOne(Review, {
      where: { assignmentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (review?.locked || assignment.state === 'completed')
      throw problem(
        409,
        'review-locked',
        'The review has been submitted; ask the editor to unlock it',
      );
    if (assignment.state !== 'accepted' || !review)
      throw problem(
        409,
        'not-accepted',
        `This assignment is ${assignment.state}: there is no review to write`,
      );
    return { assignment, review };
  }

  /**
   * An annotated file with the review. The copy the author may receive goes through the
   * anonymisation pipeline with the reviewer's names; a file it cannot clean is refused (422),
   * so the reviewer can send it in another form.
   */
  async uploadFile(user: User, assignmentId: string, request: Request): Promise<ReviewFile> {
    const { assignment } = await inTransaction(this.transactions, (manager) =>
      this.editable(manager, user, assignmentId),
    );
    const journal = await this.dataSource.manager.findOneByOrFail(Journal, {
      id: assignment.journalId,
    });
    const files = this.dataSource.getRepository(ReviewFile);
    const received = await this.intake.receive(
      request,
      'review_attachment',
      journal.maxUploadMb * 1024 * 1024,
      (key) => contentInUse(this.dataSource.manager, key),
    );
    const copy = await this.copies.make(received, personNameVariants(user.names), 'refuse');
    if (copy.outcome !== 'cleaned') throw new Error('an uncleanable review file was not refused');
    return files.save(
      files.create({
        assignmentId,
        storageKey: received.key,
        anonymisedKey: copy.stored.key,
        anonymisation: copy.report,
        sha256: received.sha256,
        size: received.size,
        mediaType: received.mediaType,
        originalName: received.originalName,
      }),
    );
  }

  async deleteFile(user: User, assignmentId: string, fileId: string): Promise<void> {
    await inTransaction(this.transactions, async (manager) => {
      await this.editable(manager, user, assignmentId);
      const deleted = await manager.delete(ReviewFile, { id: fileId, assignmentId });
      if (!deleted.affected)
        throw problem(404, 'not-found', 'There is no such file in your review');
    });
  }

  async sendOwnFile(user: User, assignmentId: string, fileId: string, response: Response) {
    await this.own(this.dataSource.manager, user, assignmentId);
    const file = await this.dataSource.manager.findOneBy(ReviewFile, { id: fileId, assignmentId });
    if (!file) throw problem(404, 'not-found', 'There is no such file in your review');
    await sendSubmissionFile(response, this.storage, file, file.storageKey);
  }

  /** The signed-in reviewer's own assignment; 404 for anyone else's (it is not revealed). */
  private async own(
    manager: EntityManager,
    user: User,
    assignmentId: string,
    lock = false,
  ): Promise<ReviewAssignment> {
    const assignment = await manager.findOne(ReviewAssignment, {
      where: { id: assignmentId, reviewerId: user.id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!assignment) throw notYours();
    return assignment;
  }

  private async byToken(
    manager: EntityManager,
    token: string,
    lock = false,
  ): Promise<ReviewAssignment> {
    const parsed = parseResponseToken(token);
    if (!parsed) throw invalidLink();
    const assignment = await manager.findOne(ReviewAssignment, {
      where: { id: parsed.assignmentId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!assignment) throw invalidLink();
    const nonce = await readResponseNonce(manager, assignment.id);
    if (!verifyResponseToken(this.config.APP_SECRET, parsed, nonce)) throw invalidLink();
    // A link signed for an earlier due date stops working when the editor moves it.
    if (parsed.expiresAt.getTime() !== Math.floor(assignment.reviewDueAt.getTime() / 1000) * 1000)
      throw invalidLink();
    return assignment;
  }

  private async event(
    manager: EntityManager,
    assignment: ReviewAssignment,
    actor: Actor,
    kind: string,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await manager.insert(SubmissionEvent, {
      submissionId: assignment.submissionId,
      actorId: actor.userId ?? null,
      kind,
      authorVisible: false,
      data: { assignmentId: assignment.id, ...data } as never,
    });
  }
}
