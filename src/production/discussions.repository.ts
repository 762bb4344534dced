import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Repository } from '../database/transactions';
import { DiscussionMessage } from './entities/discussion-message.entity';
import { Discussion } from './entities/discussion.entity';
import type { ProductionStage } from './production-stages';

/** How many messages a discussion has, when the last was written, and how many a reader has not read. */
export interface MessageCount {
  discussionId: string;
  messages: number;
  lastAt: Date;
  /** Who wrote the last message. */
  lastWriterId: string;
  unread: number;
}

/** The rows of discussions and discussion_messages. */
@Injectable()
export class DiscussionsRepository extends Repository {
  /** The submission's discussions of these stages, oldest first, with who started them. */
  ofStages(submissionId: string, stages: readonly ProductionStage[]): Promise<Discussion[]> {
    return this.db.find(Discussion, {
      where: { submissionId, stage: In([...stages]) },
      relations: { createdBy: true },
      order: { createdAt: 'ASC' },
    });
  }

  /** Each discussion's messages, and those others wrote after `readerId` last read it. */
  counts(discussionIds: readonly string[], readerId: string): Promise<MessageCount[]> {
    if (discussionIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT m.discussion_id AS "discussionId", count(*)::int AS messages, max(m.created_at) AS "lastAt",
              (array_agg(m.author_id ORDER BY m.created_at DESC, m.id DESC))[1] AS "lastWriterId",
              (count(*) FILTER (WHERE m.author_id <> $2
                 AND m.created_at > coalesce(r.read_up_to, '-infinity')))::int AS unread
         FROM discussion_messages m
         LEFT JOIN discussion_reads r ON r.discussion_id = m.discussion_id AND r.user_id = $2
        WHERE m.discussion_id = ANY($1)
        GROUP BY m.discussion_id, r.read_up_to`,
      [discussionIds, readerId],
    );
  }

  /** Records that `readerId` was shown the discussion up to the message written at `upTo`. */
  async markRead(discussionId: string, readerId: string, upTo: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO discussion_reads (discussion_id, user_id, read_up_to) VALUES ($1, $2, $3)
       ON CONFLICT (discussion_id, user_id)
       DO UPDATE SET read_up_to = greatest(discussion_reads.read_up_to, excluded.read_up_to)`,
      [discussionId, readerId, upTo],
    );
  }

  /** A discussion of the submission with who started it; with `lock`, locked first. */
  async find(submissionId: string, id: string, lock = false): Promise<Discussion | null> {
    // Messages and closing of one discussion take turns.
    if (lock)
      await this.db.query(
        'SELECT 1 FROM discussions WHERE id = $1 AND submission_id = $2 FOR UPDATE',
        [id, submissionId],
      );
    return this.db.findOne(Discussion, {
      where: { id, submissionId },
      relations: { createdBy: true },
    });
  }

  insert(values: Partial<Discussion>): Promise<Discussion> {
    return this.db.save(this.db.create(Discussion, values));
  }

  async close(id: string, closedAt: Date): Promise<void> {
    await this.db.update(Discussion, { id }, { closedAt });
  }

  addMessage(values: Partial<DiscussionMessage>): Promise<DiscussionMessage> {
    return this.db.save(this.db.create(DiscussionMessage, values));
  }

  /** The discussion's messages in order, with their authors and files. */
  messages(discussionId: string): Promise<DiscussionMessage[]> {
    return this.db.find(DiscussionMessage, {
      where: { discussionId },
      relations: { author: true, file: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Everyone who has written in the discussion. */
  async writers(discussionId: string): Promise<string[]> {
    const rows: { author_id: string }[] = await this.db.query(
      'SELECT DISTINCT author_id FROM discussion_messages WHERE discussion_id = $1',
      [discussionId],
    );
    return rows.map((row) => row.author_id);
  }

  /** Whether the file was shared in the discussion. */
  hasFile(discussionId: string, fileId: string): Promise<boolean> {
    return this.db.existsBy(DiscussionMessage, { discussionId, fileId });
  }
}
