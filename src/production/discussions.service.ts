import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { People } from '../accounts';
import { AuditLog } from '../audit/audit-log.service';
import { type FileDownload, fileDownload, type UploadSource } from '../common/http/files';
import { httpProblems } from '../common/problems/http.problems';
import { SubmissionEvents } from '../editorial/events/submission-events.service';
import type { Person } from '../editorial/people';
import type { Actor } from '../editorial/request-context';
import { StoredContent } from '../editorial/stored-content';
import { FileIntake, type FileGenre, ReviewCopies, SubmissionChanges } from '../submissions';
import { FileStorage } from '../storage/file-storage';
import { DiscussionAccess } from './discussion-access';
import { DiscussionsRepository } from './discussions.repository';
import type { StartDiscussionDto } from './dto/production.dto';
import type { DiscussionMessage } from './entities/discussion-message.entity';
import type { Discussion } from './entities/discussion.entity';
import {
  type DiscussionList,
  type DiscussionThread,
  type MessageView,
  messageView,
} from './discussion-views';
import { type Participants, stagesOf, takesPart } from './participants';
import { ProductionMailer } from './production-mailer';
import { hasReached, type ProductionStage } from './production-stages';
import {
  ProductionSubmissionsRepository,
  type StageFile,
} from './production-submissions.repository';
import { productionProblems } from './production.problems';

/** The kind a file shared in a discussion is kept as among the submission's files. */
const STAGE_GENRE: Record<ProductionStage, FileGenre> = {
  copyediting: 'copyedited',
  production: 'galley',
};

/**
 * Threaded discussions of the copyediting and production stages between the author, the
 * editors and the stage's copyeditors or production editors (see participants.ts). Anyone else
 * gets 404: neither the submission nor the discussion is revealed. Every message, and every
 * file shared, is emailed to the other participants in their language.
 */
@Injectable()
export class DiscussionsService {
  constructor(
    private readonly discussions: DiscussionsRepository,
    private readonly submissions: ProductionSubmissionsRepository,
    private readonly access: DiscussionAccess,
    private readonly people: People,
    private readonly events: SubmissionEvents,
    private readonly audit: AuditLog,
    private readonly mailer: ProductionMailer,
    private readonly storage: FileStorage,
    private readonly intake: FileIntake,
    private readonly copies: ReviewCopies,
    private readonly stored: StoredContent,
    private readonly changes: SubmissionChanges,
  ) {}

  /** The discussions of the stages this person takes part in, oldest first. */
  async list(user: Person, submissionId: string): Promise<DiscussionList> {
    const participants = await this.access.participantsFor(user, submissionId);
    const stages = stagesOf(participants, user.id);
    const discussions = await this.discussions.ofStages(submissionId, stages);
    const counts = await this.discussions.counts(
      discussions.map(({ id }) => id),
      user.id,
    );
    return {
      stage: participants.submission.stage,
      stages,
      discussions: discussions.map((discussion) => {
        const count = counts.find((row) => row.discussionId === discussion.id);
        return {
          ...discussion,
          messages: count?.messages ?? 0,
          lastMessageAt: count?.lastAt ?? null,
          lastWriterId: count?.lastWriterId ?? null,
          unread: count?.unread ?? 0,
        };
      }),
    };
  }

  /** Starts a discussion of a stage the submission has reached, with its first message. */
  @Transactional()
  async start(
    user: Person,
    submissionId: string,
    dto: StartDiscussionDto,
    actor: Actor,
  ): Promise<DiscussionThread> {
    const participants = await this.access.participantsFor(user, submissionId, true);
    if (!takesPart(participants, user.id, dto.stage))
      throw productionProblems.raise(
        'not-a-participant',
        `You do not take part in the ${dto.stage} discussions of this submission`,
      );
    const { submission } = participants;
    if (!hasReached(submission.stage, dto.stage))
      throw productionProblems.raise(
        'stage-not-reached',
        `The submission is ${submission.stage}: ${dto.stage} discussions start once it is in ${dto.stage} (and end when it is published)`,
      );
    const discussion = await this.discussions.insert({
      submissionId,
      stage: dto.stage,
      subject: dto.subject.trim(),
      createdById: user.id,
    });
    const message = await this.discussions.addMessage({
      discussionId: discussion.id,
      authorId: user.id,
      body: dto.body.trim(),
    });
    await this.events.record(submissionId, actor, {
      kind: 'discussion_started',
      data: { discussionId: discussion.id, stage: discussion.stage, subject: discussion.subject },
    });
    await this.audit.write({
      actor,
      journalId: submission.journalId,
      objectType: 'discussion',
      objectId: discussion.id,
      action: 'discussion.started',
      after: { submissionId, stage: discussion.stage, subject: discussion.subject },
    });
    await this.notify(participants, discussion, message, user, null);
    return this.view(user, submissionId, discussion.id);
  }

  /**
   * A discussion with its messages in order; from then on they are read by `user` (the
   * list's `unread` counts only what others write after the newest of them).
   */
  async view(user: Person, submissionId: string, discussionId: string): Promise<DiscussionThread> {
    const { discussion } = await this.access.reach(user, submissionId, discussionId);
    const messages = await this.discussions.messages(discussionId);
    const newest = messages.at(-1);
    if (newest) await this.discussions.markRead(discussionId, user.id, newest.createdAt);
    return {
      ...discussion,
      messages: messages.map((message) =>
        messageView(message, message.author!, message.file ?? null),
      ),
    };
  }

  @Transactional()
  async post(
    user: Person,
    submissionId: string,
    discussionId: string,
    body: string,
    actor: Actor,
  ): Promise<MessageView> {
    const { participants, discussion } = await this.access.reachOpen(
      user,
      submissionId,
      discussionId,
    );
    const message = await this.discussions.addMessage({
      discussionId,
      authorId: user.id,
      body: body.trim(),
    });
    await this.audit.write({
      actor,
      journalId: participants.submission.journalId,
      objectType: 'discussion',
      objectId: discussionId,
      action: 'discussion.message_posted',
      after: { messageId: message.id },
    });
    await this.notify(participants, discussion, message, user, null);
    return messageView(message, user, null);
  }

  /**
   * Shares a file in the discussion: it joins the submission's files (`copyedited` in
   * copyediting, `galley` in production; the type decided by its content) and makes a message.
   */
  async upload(
    user: Person,
    submissionId: string,
    discussionId: string,
    upload: UploadSource,
    actor: Actor,
  ): Promise<MessageView> {
    // Checked before the upload, so nothing is stored for someone who may not share it.
    const { discussion } = await this.access.reachOpenNow(user, submissionId, discussionId);
    const facts = await this.submissions.facts(submissionId);
    const genre = STAGE_GENRE[discussion.stage];
    const received = await this.intake.receive(
      upload,
      genre,
      facts.maxUploadMb * 1024 * 1024,
      (key) => this.stored.inUse(key),
    );
    // Nobody here is a reviewer, so nothing crosses the anonymity line; the file must still be
    // sound: a PDF that parses, a package within the archive limits.
    await this.copies.checkSound(received);
    return this.share(user, submissionId, discussionId, actor, {
      genre,
      storageKey: received.key,
      sha256: received.sha256,
      size: received.size,
      mediaType: received.mediaType,
      originalName: received.originalName,
    });
  }

  @Transactional()
  private async share(
    user: Person,
    submissionId: string,
    discussionId: string,
    actor: Actor,
    received: Pick<StageFile, 'genre' | 'storageKey' | 'size' | 'mediaType' | 'originalName'> & {
      sha256: string;
    },
  ): Promise<MessageView> {
    // Closed meanwhile? Then the message is refused; the stored content is used by nothing.
    const { participants, discussion } = await this.access.reachOpen(
      user,
      submissionId,
      discussionId,
    );
    const added = await this.changes.addStageFile({
      ...received,
      submissionId,
      version: participants.submission.currentVersion,
      uploadedBy: user.id,
    });
    const file = {
      id: added.id,
      genre: added.genre,
      version: added.version,
      originalName: added.originalName,
      mediaType: added.mediaType,
      size: added.size,
      uploadedBy: added.uploadedBy,
      createdAt: added.createdAt,
    };
    const message = await this.discussions.addMessage({
      discussionId,
      authorId: user.id,
      body: '',
      fileId: file.id,
    });
    await this.events.record(submissionId, actor, {
      kind: 'file_uploaded',
      data: { fileId: file.id, genre: file.genre, originalName: file.originalName, discussionId },
    });
    await this.audit.write({
      actor,
      journalId: participants.submission.journalId,
      objectType: 'discussion',
      objectId: discussionId,
      action: 'discussion.file_shared',
      after: {
        messageId: message.id,
        fileId: file.id,
        genre: file.genre,
        mediaType: file.mediaType,
      },
    });
    await this.notify(participants, discussion, message, user, file.originalName);
    return messageView(message, user, file);
  }

  /** Closes a discussion: the editors and whoever started it may. */
  @Transactional()
  async close(
    user: Person,
    submissionId: string,
    discussionId: string,
    actor: Actor,
  ): Promise<Discussion> {
    const { participants, discussion } = await this.access.reach(
      user,
      submissionId,
      discussionId,
      true,
    );
    if (discussion.createdById !== user.id && !participants.editorIds.has(user.id))
      throw productionProblems.raise(
        'not-allowed-to-close',
        'Only the editors and whoever started the discussion may close it',
      );
    if (discussion.closedAt)
      throw productionProblems.raise('discussion-closed', 'This discussion is already closed');
    const closedAt = new Date();
    await this.discussions.close(discussionId, closedAt);
    await this.events.record(submissionId, actor, {
      kind: 'discussion_closed',
      data: { discussionId, stage: discussion.stage },
    });
    await this.audit.write({
      actor,
      journalId: participants.submission.journalId,
      objectType: 'discussion',
      objectId: discussionId,
      action: 'discussion.closed',
    });
    return { ...discussion, closedAt };
  }

  /** A file shared in the discussion, as uploaded. */
  async file(
    user: Person,
    submissionId: string,
    discussionId: string,
    fileId: string,
  ): Promise<FileDownload> {
    await this.access.reach(user, submissionId, discussionId);
    const file = (await this.discussions.hasFile(discussionId, fileId))
      ? await this.submissions.file(submissionId, fileId)
      : null;
    if (!file) throw httpProblems.raise('not-found', 'There is no such file in this discussion');
    return fileDownload(await this.storage.get(file.storageKey), {
      mediaType: file.mediaType,
      fileName: file.originalName,
    });
  }

  /**
   * Emails a new message to the other participants who follow the discussion: the author, the
   * submission's editors (else the journal's editors), the stage's assignees, and anyone else
   * who has written in it. Each in their language; one email per message and recipient.
   */
  private async notify(
    participants: Participants,
    discussion: Discussion,
    message: DiscussionMessage,
    sender: Person,
    fileName: string | null,
  ): Promise<void> {
    const candidates = new Set([
      participants.authorId,
      ...participants.notifiedEditorIds,
      ...participants.assigneeIds[discussion.stage],
      discussion.createdById,
      ...(await this.discussions.writers(discussion.id)),
    ]);
    const ids = [...candidates].filter(
      (id) => id !== sender.id && takesPart(participants, id, discussion.stage),
    );
    if (ids.length === 0) return;
    const recipients = (await this.people.byIds(ids, ['active'])).sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    const facts = await this.submissions.facts(participants.submission.id);
    await this.mailer.message(facts, discussion, message, sender, fileName, recipients);
  }
}
