import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { recordEvent } from '../submissions/submission-events';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager, In, Not } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { displayName, User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import { AppConfig } from '../config/app-config';
import { NotificationService } from '../notifications/notification.service';
import { problem } from '../reviews/review-problems';
import { loadSubmissionFacts, recipientOf } from '../reviews/submission-facts';
import { FileStorage } from '../storage/file-storage';
import { contentInUse } from '../submissions/content-in-use';
import { type FileGenre, SubmissionFile } from '../submissions/entities/submission-file.entity';
import { Submission } from '../submissions/entities/submission.entity';
import { sendSubmissionFile } from '../submissions/file-download';
import { FileIntake } from '../submissions/file-intake.service';
import { ReviewCopies } from '../submissions/review-copies.service';
import type { StartDiscussionDto } from './dto/production.dto';
import { DiscussionMessage } from './entities/discussion-message.entity';
import { Discussion } from './entities/discussion.entity';
import { fileView } from './file-view';
import { loadParticipants, type Participants, stagesOf, takesPart } from './participants';
import { type ProductionStage, STAGE_NAMES, WORKING_STAGES, hasReached } from './production-stages';

/** The kind a file shared in a discussion is kept as among the submission's files. */
const STAGE_GENRE: Record<ProductionStage, FileGenre> = {
  copyediting: 'copyedited',
  production: 'galley',
};

const noSubmission = () =>
  problem(404, 'not-found', 'There is no such submission with discussions for you');
const noDiscussion = () => problem(404, 'not-found', 'There is no such discussion');

interface Reached {
  participants: Participants;
  discussion: Discussion;
}

/**
 * Threaded discussions of the copyediting and production stages between the author, the
 * editors and the stage's copyeditors or production editors (see participants.ts). Anyone else
 * gets 404: neither the submission nor the discussion is revealed. Every message, and every
 * file shared, is emailed to the other participants in their language.
 */
@Injectable()
export class DiscussionsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
    private readonly storage: FileStorage,
    private readonly intake: FileIntake,
    private readonly copies: ReviewCopies,
  ) {}

  /** The discussions of the stages this person takes part in, oldest first. */
  async list(user: User, submissionId: string) {
    const participants = await this.participantsFor(this.dataSource.manager, user, submissionId);
    const stages = stagesOf(participants, user.id);
    const discussions = await this.dataSource.manager.find(Discussion, {
      where: { submissionId, stage: In(stages) },
      relations: { createdBy: true },
      order: { createdAt: 'ASC' },
    });
    const counts: { discussion_id: string; messages: number; last_at: Date }[] = discussions.length
      ? await this.dataSource.query(
          `SELECT discussion_id, count(*)::int AS messages, max(created_at) AS last_at
             FROM discussion_messages WHERE discussion_id = ANY($1) GROUP BY discussion_id`,
          [discussions.map((discussion) => discussion.id)],
        )
      : [];
    return {
      stage: participants.submission.stage,
      stages,
      discussions: discussions.map((discussion) => {
        const count = counts.find((row) => row.discussion_id === discussion.id);
        return {
          ...this.discussionView(discussion),
          messages: count?.messages ?? 0,
          lastMessageAt: count?.last_at ?? null,
        };
      }),
    };
  }

  /** Starts a discussion of a stage the submission has reached, with its first message. */
  async start(user: User, submissionId: string, dto: StartDiscussionDto, actor: Actor) {
    return inTransaction(this.transactions, async (manager) => {
      const participants = await this.participantsFor(manager, user, submissionId, true);
      if (!takesPart(participants, user.id, dto.stage))
        throw problem(
          403,
          'not-a-participant',
          `You do not take part in the ${dto.stage} discussions of this submission`,
        );
      const { submission } = participants;
      if (!hasReached(submission.stage, dto.stage))
        throw problem(
          409,
          'stage-not-reached',
          `The submission is ${submission.stage}: ${dto.stage} discussions start once it is in ${dto.stage} (and end when it is published)`,
        );
      const discussion = await manager.save(
        manager.create(Discussion, {
          submissionId,
          stage: dto.stage,
          subject: dto.subject.trim(),
          createdById: user.id,
        }),
      );
      const message = await manager.save(
        manager.create(DiscussionMessage, {
          discussionId: discussion.id,
          authorId: user.id,
          body: dto.body.trim(),
        }),
      );
      await this.event(manager, submissionId, actor, 'discussion_started', {
        discussionId: discussion.id,
        stage: discussion.stage,
        subject: discussion.subject,
      });
      await this.audit.record(manager, {
        actor,
        journalId: submission.journalId,
        objectType: 'discussion',
        objectId: discussion.id,
        action: 'discussion.started',
        after: { submissionId, stage: discussion.stage, subject: discussion.subject },
      });
      await this.notify(manager, participants, discussion, message, user, null);
      return this.view(user, submissionId, discussion.id, manager);
    });
  }

  /** A discussion with its messages in order. */
  async view(
    user: User,
    submissionId: string,
    discussionId: string,
    manager: EntityManager = this.dataSource.manager,
  ) {
    const { discussion } = await this.reach(manager, user, submissionId, discussionId);
    const messages = await manager.find(DiscussionMessage, {
      where: { discussionId },
      relations: { author: true, file: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return {
      ...this.discussionView(discussion),
      messages: messages.map((message) =>
        this.messageView(message, message.author!, message.file ?? null),
      ),
    };
  }

  async post(user: User, submissionId: string, discussionId: string, body: string, actor: Actor) {
    return inTransaction(this.transactions, async (manager) => {
      const { participants, discussion } = await this.reachOpen(
        manager,
        user,
        submissionId,
        discussionId,
      );
      const message = await manager.save(
        manager.create(DiscussionMessage, { discussionId, authorId: user.id, body: body.trim() }),
      );
      await this.audit.record(manager, {
        actor,
        journalId: participants.submission.journalId,
        objectType: 'discussion',
        objectId: discussionId,
        action: 'discussion.message_posted',
        after: { messageId: message.id },
      });
      await this.notify(manager, participants, discussion, message, user, null);
      return this.messageView(message, user, null);
    });
  }

  /**
   * Shares a file in the discussion: it joins the submission's files (`copyedited` in
   * copyediting, `galley` in production; the type decided by its content) and makes a message.
   */
  async upload(
    user: User,
    submissionId: string,
    discussionId: string,
    request: Request,
    actor: Actor,
  ) {
    // Checked before the upload, so nothing is stored for someone who may not share it.
    const { participants, discussion } = await inTransaction(this.transactions, (manager) =>
      this.reachOpen(manager, user, submissionId, discussionId),
    );
    const facts = await loadSubmissionFacts(this.dataSource.manager, submissionId);
    const genre = STAGE_GENRE[discussion.stage];
    const inUse = (key: string) => contentInUse(this.dataSource.manager, key);
    const received = await this.intake.receive(
      request,
      genre,
      facts.journal.maxUploadMb * 1024 * 1024,
      inUse,
    );
    // Nobody here is a reviewer, so nothing crosses the anonymity line; the file must still be
    // sound: a PDF that parses, a package within the archive limits.
    await this.copies.checkSound(received);
    return inTransaction(this.transactions, async (manager) => {
      // Closed meanwhile? Then the message is refused; the stored content is used by nothing.
      await this.reachOpen(manager, user, submissionId, discussionId);
      const file = await manager.save(
        manager.create(SubmissionFile, {
          submissionId,
          genre,
          version: participants.submission.currentVersion,
          storageKey: received.key,
          sha256: received.sha256,
          size: received.size,
          mediaType: received.mediaType,
          originalName: received.originalName,
          uploadedBy: user.id,
          anonymisedKey: null,
          anonymisation: null,
        }),
      );
      const message = await manager.save(
        manager.create(DiscussionMessage, {
          discussionId,
          authorId: user.id,
          body: '',
          fileId: file.id,
        }),
      );
      await this.event(manager, submissionId, actor, 'file_uploaded', {
        fileId: file.id,
        genre,
        originalName: file.originalName,
        discussionId,
      });
      await this.audit.record(manager, {
        actor,
        journalId: participants.submission.journalId,
        objectType: 'discussion',
        objectId: discussionId,
        action: 'discussion.file_shared',
        after: { messageId: message.id, fileId: file.id, genre, mediaType: file.mediaType },
      });
      await this.notify(manager, participants, discussion, message, user, file);
      return this.messageView(message, user, file);
    });
  }

  /** Closes a discussion: the editors and whoever started it may. */
  async close(user: User, submissionId: string, discussionId: string, actor: Actor) {
    return inTransaction(this.transactions, async (manager) => {
      const { participants, discussion } = await this.reach(
        manager,
        user,
        submissionId,
        discussionId,
        true,
      );
      if (discussion.createdById !== user.id && !participants.editorIds.has(user.id))
        throw problem(
          403,
          'not-allowed-to-close',
          'Only the editors and whoever started the discussion may close it',
        );
      if (discussion.closedAt)
        throw problem(409, 'discussion-closed', 'This discussion is already closed');
      const closedAt = new Date();
      await manager.update(Discussion, { id: discussionId }, { closedAt });
      await this.event(manager, submissionId, actor, 'discussion_closed', {
        discussionId,
        stage: discussion.stage,
      });
      await this.audit.record(manager, {
        actor,
        journalId: participants.submission.journalId,
        objectType: 'discussion',
        objectId: discussionId,
        action: 'discussion.closed',
      });
      return this.discussionView({ ...discussion, closedAt });
    });
  }

  /** A file shared in the discussion, as uploaded. */
  async sendFile(
    user: User,
    submissionId: string,
    discussionId: string,
    fileId: string,
    response: Response,
  ): Promise<void> {
    const manager = this.dataSource.manager;
    await this.reach(manager, user, submissionId, discussionId);
    const shared = await manager.existsBy(DiscussionMessage, { discussionId, fileId });
    const file = shared
      ? await manager.findOneBy(SubmissionFile, { id: fileId, submissionId })
      : null;
    if (!file) throw problem(404, 'not-found', 'There is no such file in this discussion');
    await sendSubmissionFile(response, this.storage, file, file.storageKey);
  }

  /** The submission's participants, if this person is one of them; 404 otherwise. */
  private async participantsFor(
    manager: EntityManager,
    user: User,
    submissionId: string,
    lock = false,
  ): Promise<Participants> {
    const submission = await manager.findOne(Submission, {
      where: { id: submissionId, stage: Not('draft') },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!submission) throw noSubmission();
    const participants = await loadParticipants(manager, submission);
    if (stagesOf(participants, user.id).length === 0) throw noSubmission();
    return participants;
  }

  /** A discussion of a stage this person takes part in; 404 otherwise. */
  private async reach(
    manager: EntityManager,
    user: User,
    submissionId: string,
    discussionId: string,
    lock = false,
  ): Promise<Reached> {
    const participants = await this.participantsFor(manager, user, submissionId);
    // Messages and closing of one discussion take turns.
    if (lock)
      await manager.query(
        'SELECT 1 FROM discussions WHERE id = $1 AND submission_id = $2 FOR UPDATE',
        [discussionId, submissionId],
      );
    const discussion = await manager.findOne(Discussion, {
      where: { id: discussionId, submissionId },
      relations: { createdBy: true },
    });
    if (!discussion || !takesPart(participants, user.id, discussion.stage)) throw noDiscussion();
    return { participants, discussion };
  }

  /** As reach(), for writing: the discussion open and the submission still being worked on. */
  private async reachOpen(
    manager: EntityManager,
    user: User,
    submissionId: string,
    discussionId: string,
  ): Promise<Reached> {
    const reached = await this.reach(manager, user, submissionId, discussionId, true);
    if (reached.discussion.closedAt)
      throw problem(409, 'discussion-closed', 'This discussion is closed: start a new one');
    const stage = reached.participants.submission.stage;
    if (!WORKING_STAGES.includes(stage))
      throw problem(409, 'stage-closed', `The submission is ${stage}: its discussions are closed`);
    return reached;
  }

  /**
   * Emails a new message to the other participants who follow the discussion: the author, the
   * submission's editors (else the journal's editors), the stage's assignees, and anyone else
   * who has written in it. Each in their language; one email per message and recipient.
   */
  private async notify(
    manager: EntityManager,
    participants: Participants,
    discussion: Discussion,
    message: DiscussionMessage,
    sender: User,
    file: SubmissionFile | null,
  ): Promise<void> {
    const writers: { author_id: string }[] = await manager.query(
      'SELECT DISTINCT author_id FROM discussion_messages WHERE discussion_id = $1',
      [discussion.id],
    );
    const candidates = new Set([
      participants.authorId,
      ...participants.notifiedEditorIds,
      ...participants.assigneeIds[discussion.stage],
      discussion.createdById,
      ...writers.map((row) => row.author_id),
    ]);
    const ids = [...candidates].filter(
      (id) => id !== sender.id && takesPart(participants, id, discussion.stage),
    );
    if (ids.length === 0) return;
    const recipients = await manager.find(User, {
      where: { id: In(ids), status: 'active' },
      order: { id: 'ASC' },
    });
    const facts = await loadSubmissionFacts(manager, participants.submission.id);
    const discussionUrl = new URL(
      `/submissions/${participants.submission.id}/discussions/${discussion.id}`,
      this.config.PUBLIC_URL,
    ).href;
    for (const recipient of recipients) {
      const locale = recipient.preferredLocale;
      await this.notifications.queueEmail(manager, {
        template: 'discussion-message',
        to: recipientOf(recipient),
        journalId: facts.journal.id,
        submissionId: participants.submission.id,
        dedupeKey: `discussion-message:${message.id}:${recipient.id}`,
        data: {
          submissionNumber: facts.number,
          title: facts.titleIn(locale),
          stageName: STAGE_NAMES[locale][discussion.stage],
          subject: discussion.subject,
          senderName: displayName(sender.names, locale) || sender.email,
          body: message.body,
          fileName: file?.originalName ?? null,
          discussionUrl,
        },
      });
    }
  }

  private discussionView(discussion: Discussion) {
    const { createdBy, ...rest } = discussion;
    return {
      ...rest,
      createdBy: createdBy ? { id: createdBy.id, names: createdBy.names } : undefined,
    };
  }

  private messageView(message: DiscussionMessage, author: User, file: SubmissionFile | null) {
    return {
      id: message.id,
      author: { id: author.id, names: author.names },
      body: message.body,
      file: file ? fileView(file) : null,
      createdAt: message.createdAt,
    };
  }

  private event(
    manager: EntityManager,
    submissionId: string,
    actor: Actor,
    kind: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    // The author takes part in these discussions: their history shows them.
    return recordEvent(manager, submissionId, actor, kind, data, true);
  }
}
