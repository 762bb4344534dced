import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Repository } from '../database/transactions';
import { ReviewForm } from './entities/review-form.entity';

/** The rows of review_forms. */
@Injectable()
export class ReviewFormsRepository extends Repository {
  ofJournal(journalId: string): Promise<ReviewForm[]> {
    return this.db.find(ReviewForm, { where: { journalId }, order: { createdAt: 'ASC' } });
  }

  find(id: string, journalId: string): Promise<ReviewForm | null> {
    return this.db.findOneBy(ReviewForm, { id, journalId });
  }

  /** A form by id, whichever journal (an assignment names its form). */
  byId(id: string): Promise<ReviewForm | null> {
    return this.db.findOneBy(ReviewForm, { id });
  }

  lock(id: string, journalId: string): Promise<ReviewForm | null> {
    return this.db.findOne(ReviewForm, {
      where: { id, journalId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  get(id: string): Promise<ReviewForm> {
    return this.db.findOneByOrFail(ReviewForm, { id });
  }

  async create(values: Partial<ReviewForm>): Promise<ReviewForm> {
    const saved = await this.db.save(this.db.create(ReviewForm, values));
    return this.get(saved.id);
  }

  async update(id: string, changes: QueryDeepPartialEntity<ReviewForm>): Promise<void> {
    await this.db.update(ReviewForm, { id }, changes);
  }

  /** Unmarks every other default form of the journal. */
  async unsetOtherDefaults(journalId: string, formId: string): Promise<void> {
    await this.db.update(
      ReviewForm,
      { journalId, id: Not(formId), isDefault: true },
      { isDefault: false },
    );
  }

  /** An active form of the journal by id. */
  active(id: string, journalId: string): Promise<ReviewForm | null> {
    return this.db.findOneBy(ReviewForm, { id, journalId, active: true });
  }

  /**
   * The form a manager marked default, else the newest active one: a journal with a form never
   * sends a reviewer an empty one because nobody ticked "default".
   */
  defaultOf(journalId: string): Promise<ReviewForm | null> {
    return this.db.findOne(ReviewForm, {
      where: { journalId, active: true },
      order: { isDefault: 'DESC', createdAt: 'DESC', id: 'ASC' },
    });
  }
}
