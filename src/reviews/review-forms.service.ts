import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { httpProblems } from '../common/problems/http.problems';
import type { Actor } from '../editorial/request-context';
import type { JournalRef } from '../editorial/request-context';
import type {
  CreateReviewFormDto,
  ReviewQuestionDto,
  UpdateReviewFormDto,
} from './dto/review-form.dto';
import type { ReviewForm, ReviewFormQuestion } from './entities/review-form.entity';
import { ReviewFormsRepository } from './review-forms.repository';
import { reviewProblems } from './reviews.problems';

const noSuchForm = () =>
  httpProblems.raise('not-found', 'There is no such review form in this journal');

/**
 * The journal's review forms. Reviews keep a copy of the questions they were written against,
 * so editing a form never changes a review already begun.
 */
@Injectable()
export class ReviewFormsService {
  constructor(
    private readonly forms: ReviewFormsRepository,
    private readonly audit: AuditLog,
  ) {}

  list(journal: JournalRef): Promise<ReviewForm[]> {
    return this.forms.ofJournal(journal.id);
  }

  async get(journal: JournalRef, id: string): Promise<ReviewForm> {
    const form = await this.forms.find(id, journal.id);
    if (!form) throw noSuchForm();
    return form;
  }

  @Transactional()
  async create(journal: JournalRef, dto: CreateReviewFormDto, actor: Actor): Promise<ReviewForm> {
    assertDefaultIsActive(dto.isDefault, dto.active ?? true);
    const form = await this.forms.create({
      journalId: journal.id,
      titles: dto.titles,
      questions: questionsOf(dto.questions),
      active: dto.active ?? true,
      isDefault: dto.isDefault ?? false,
    });
    if (form.isDefault) await this.forms.unsetOtherDefaults(journal.id, form.id);
    await this.record(journal, form, actor, 'review_form.created', null);
    return form;
  }

  @Transactional()
  async update(
    journal: JournalRef,
    id: string,
    dto: UpdateReviewFormDto,
    actor: Actor,
  ): Promise<ReviewForm> {
    const before = await this.forms.lock(id, journal.id);
    if (!before) throw noSuchForm();
    assertDefaultIsActive(dto.isDefault, dto.active ?? before.active);
    const changes: Partial<ReviewForm> = {};
    if (dto.titles) changes.titles = dto.titles;
    if (dto.questions) changes.questions = questionsOf(dto.questions);
    if (dto.active !== undefined) changes.active = dto.active;
    if (dto.isDefault !== undefined) changes.isDefault = dto.isDefault;
    if (changes.active === false) changes.isDefault = false;
    await this.forms.update(id, changes as never);
    const after = await this.forms.get(id);
    if (after.isDefault) await this.forms.unsetOtherDefaults(journal.id, after.id);
    await this.record(journal, after, actor, 'review_form.updated', before);
    return after;
  }

  private record(
    journal: JournalRef,
    form: ReviewForm,
    actor: Actor,
    action: string,
    before: ReviewForm | null,
  ): Promise<void> {
    return this.audit.write({
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
    throw reviewProblems.raise(
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
