import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Repository } from '../database/transactions';
import { DecisionAttachment } from './decision-attachment.entity';
import { Decision } from './decision.entity';

/** The rows of decision_attachments: files sent, or to be sent, with decision letters. */
@Injectable()
export class DecisionAttachmentsRepository extends Repository {
  insert(values: Partial<DecisionAttachment>): Promise<DecisionAttachment> {
    return this.db.save(this.db.create(DecisionAttachment, values));
  }

  /** The submission's attachments, oldest first. */
  ofSubmission(submissionId: string): Promise<DecisionAttachment[]> {
    return this.db.find(DecisionAttachment, {
      where: { submissionId },
      order: { createdAt: 'ASC' },
    });
  }

  /** The attachments sent with these decisions, oldest first. */
  ofDecisions(decisionIds: readonly string[]): Promise<DecisionAttachment[]> {
    if (decisionIds.length === 0) return Promise.resolve([]);
    return this.db.find(DecisionAttachment, {
      where: { decisionId: In([...decisionIds]) },
      order: { createdAt: 'ASC' },
    });
  }

  /** One attachment of the submission, locked until the transaction ends. */
  lock(submissionId: string, id: string): Promise<DecisionAttachment | null> {
    return this.db.findOne(DecisionAttachment, {
      where: { id, submissionId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** The attachments of the submission among `ids`, locked until the transaction ends. */
  lockMany(submissionId: string, ids: readonly string[]): Promise<DecisionAttachment[]> {
    return this.db.find(DecisionAttachment, {
      where: { id: In([...ids]), submissionId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(DecisionAttachment, { id });
  }

  /** Links the attachments to the decision whose letter carries them. */
  async link(ids: readonly string[], decisionId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.update(DecisionAttachment, { id: In([...ids]) }, { decisionId });
  }

  /** An attachment of the submission that went with a letter (never an unsent one). */
  sentWithLetter(submissionId: string, id: string): Promise<DecisionAttachment | null> {
    return this.db
      .createQueryBuilder(DecisionAttachment, 'attachment')
      .innerJoin(Decision, 'decision', 'decision.id = attachment.decision_id')
      .where('attachment.id = :id AND attachment.submission_id = :submissionId', {
        id,
        submissionId,
      })
      .andWhere('decision.letter_subject IS NOT NULL')
      .getOne();
  }

  /** Whether an attachment holds this stored content. */
  holds(key: string): Promise<boolean> {
    return this.db.exists(DecisionAttachment, { where: { storageKey: key } });
  }
}
