import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { AuditLog } from '../audit/audit-log.service';
import { RequestValidationException } from '../common/http/request-validation.exception';
import type { Journal } from '../journals/journal.entity';
import type {
  CreateReviewFormDto,
  ReviewQuestionDto,
  UpdateReviewFormDto,
} from './dto/review-form.dto';
import { ReviewForm, type ReviewFormQuestion } from './entities/review-form.entity';
import { problem } from './review-problems';

/**
 * The journal's review forms. Reviews keep a copy of the questions they were written against,
 * so editing a form never changes a review already begun.
 */
@Injectable()
export class ReviewFormsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  list(journal: Journal): Promise<ReviewForm[]> {
    return this.dataSource.manager.find(ReviewForm, {
      where: { journalId: journal.id },
      order: { createdAt: 'ASC' },
    });
  }

  async get(journal: Journal, id: string): Promise<ReviewForm> {
    const form = await this.dataSource.manager.findOneBy(ReviewForm, { id, journalId: journal.id });
    if (!form) throw problem(404, 'not-found', 'There is no such review form in this journal');
    return form;
  }

  async create(journal: Journal, dto: CreateReviewFormDto, actor: Actor): Promise<ReviewForm> {
    assertDefaultIsActive(dto.isDefault, dto.active ?? true);
    return inTransaction(this.transactions, async (manager) => {
      const form = await manager.save(
        manager.create(ReviewForm, {
          journalId: journal.id,
          titles: dto.titles,
          questions: questionsOf(dto.questions),
          active: dto.active ?? true,
          isDefault: dto.isDefault ?? false,
        }),
      );
      await this.keepOneDefault(manager, journal, form);
      await this.record(manager, journal, form, actor, 'review_form.created', null);
      return manager.findOneByOrFail(ReviewForm, { id: form.id });
    });
  }

  async update(
    journal: Journal,
    id: string,
    dto: UpdateReviewFormDto,
    actor: Actor,
  ): Promise<ReviewForm> {
    return inTransaction(this.transactions, async (manager) => {
      const before = await manager.findOne(ReviewForm, {
        where: { id, journalId: journal.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!before) throw problem(404, 'not-found', 'There is no such review form in this journal');
      assertDefaultIsActive(dto.isDefault, dto.active ?? before.active);
      const changes: Partial<ReviewForm> = {};
      if (dto.titles) changes.titles = dto.titles;
      if (dto.questions) changes.questions = questionsOf(dto.questions);
      if (dto.active !== undefined) changes.active = dto.active;
      if (dto.isDefault !== undefined) changes.isDefault = dto.isDefault;
      if (changes.active === false) changes.isDefault = false;
      await manager.update(ReviewForm, { id }, changes as never);
      const after = await manager.findOneByOrFail(ReviewForm, { id });
      await this.keepOneDefault(manager, journal, after);
      await this.record(manager, journal, after, actor, 'review_form.updated', before);
      return after;
    });
  }

  private async keepOneDefault(manager: EntityManager, journal: Journal, form: ReviewForm) {
    if (form.isDefault)
      await manager.update(
        ReviewForm,
        { journalId: journal.id, id: Not(form.id), isDefault: true },
        { isDefault: false },
      );
  }

  private record(
    manager: EntityManager,
    journal: Journal,
    form: ReviewForm,
    actor: Actor,
    action: string,
    before: ReviewForm | null,
  ) {
    return this.audit.record(manager, {
      actor,
      journalId: journal.id,
      objectType: 'review_form',
      objectId: form.id,
      action,
      before,
      after: form,
    });
  }
}

/**
 * New invitations use the default form, and only active forms are offered: marking an inactive
 * form default would also unmark the journal's real default.
 */
function assertDefaultIsActive(isDefault: boolean | undefined, active: boolean): void {
  if (isDefault && !active)
    throw problem(
      422,
      'inactive-default-form',
      'An inactive form cannot be the default form: activate it too (active: true)',
    );
}

/** Checks what class-validator cannot: unique ids, options for choices, a sane scale. */
function questionsOf(questions: ReviewQuestionDto[]): ReviewFormQuestion[] {
  const errors: { field: string; messages: string[] }[] = [];
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    const field = `questions.${index}`;
    if (seen.has(question.id)) errors.push({ field: `${field}.id`, messages: ['is used twice'] });
    seen.add(question.id);
    if (question.kind === 'choice' && !question.options?.length)
      errors.push({ field: `${field}.options`, messages: ['a choice needs options'] });
    if (question.kind === 'scale' && question.scale && question.scale.min >= question.scale.max)
      errors.push({ field: `${field}.scale`, messages: ['min must be below max'] });
  });
  if (errors.length) throw new RequestValidationException(errors);
  return questions.map((question) => ({
    id: question.id,
    kind: question.kind,
    label: question.label,
    ...(question.description ? { description: question.description } : {}),
    required: question.required ?? false,
    sharedWithAuthor: question.sharedWithAuthor ?? false,
    ...(question.kind === 'choice' ? { options: question.options } : {}),
    ...(question.kind === 'scale' ? { scale: question.scale ?? { min: 1, max: 5 } } : {}),
  }));
}
