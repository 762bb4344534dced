import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditLog } from '../audit/audit-log.service';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { normalizeIssn } from '../common/identifiers/issn';
import { httpProblems } from '../common/problems/http.problems';
import type { Actor, Viewer } from '../editorial/request-context';
import type {
  CreateJournalDto,
  JournalSettingsDto,
  UpdateJournalDto,
} from './dto/journal-settings.dto';
import type { Journal } from './journal.entity';
import { journalProblems } from './journals.problems';
import { JournalsRepository } from './journals.repository';

/** Canonical forms (ISSN with hyphen and upper-case X), ids for new checklist items. */
function prepare(dto: Partial<CreateJournalDto & UpdateJournalDto>): Partial<Journal> {
  const values = { ...dto } as Partial<Journal>;
  if (dto.onlineIssn) values.onlineIssn = normalizeIssn(dto.onlineIssn);
  if (dto.printIssn) values.printIssn = normalizeIssn(dto.printIssn);
  if (dto.submissionChecklist) {
    values.submissionChecklist = dto.submissionChecklist.map((item) => ({
      id: item.id ?? randomUUID(),
      text: item.text,
    }));
  }
  if (dto.additionalLocales) values.additionalLocales = [...new Set(dto.additionalLocales)];
  for (const key of Object.keys(values) as (keyof Journal)[])
    if (values[key] === undefined) delete values[key];
  return values;
}

/** The journals hosted here and their settings. Every change is audited. */
@Injectable()
export class JournalsService {
  constructor(
    private readonly journals: JournalsRepository,
    private readonly audit: AuditLog,
  ) {}

  list(): Promise<Journal[]> {
    return this.journals.list();
  }

  @Transactional()
  async create(dto: CreateJournalDto, actor: Actor): Promise<Journal> {
    const values = prepare(dto);
    await this.assertUnique(values, null);
    const journal = await this.journals.insert(values);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'journal',
      objectId: journal.id,
      action: 'journal.created',
      after: journal,
    });
    return journal;
  }

  /** Managers edit the settings; only site administrators change the slug. */
  async update(
    journal: Journal,
    dto: UpdateJournalDto,
    viewer: Viewer,
    actor: Actor,
  ): Promise<Journal> {
    if (dto.slug !== undefined && dto.slug !== journal.slug && !viewer.isSiteAdmin)
      throw journalProblems.raise(
        'slug-change-forbidden',
        'Only site administrators may change a journal’s slug',
      );
    return this.updateSettings(journal, dto, actor);
  }

  @Transactional()
  private async updateSettings(
    journal: Journal,
    dto: UpdateJournalDto | JournalSettingsDto,
    actor: Actor,
  ): Promise<Journal> {
    const before = await this.journals.lockById(journal.id);
    const values = prepare(dto);
    await this.assertUnique({ ...before, ...values }, journal.id);
    await this.journals.update(journal.id, values);
    const after = await this.journals.findByIdOrFail(journal.id);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'journal',
      objectId: journal.id,
      action: 'journal.settings_updated',
      before,
      after,
    });
    return after;
  }

  /**
   * Slugs are unique, and an ISSN identifies one serial in one medium: it may appear once in
   * the whole installation, whether as an online or a print ISSN.
   */
  private async assertUnique(journal: Partial<Journal>, ownId: string | null): Promise<void> {
    const errors: { field: string; messages: string[] }[] = [];
    if (journal.additionalLocales?.includes(journal.primaryLocale!)) {
      errors.push({
        field: 'additionalLocales',
        messages: ['must not repeat the primary language'],
      });
    }
    if (journal.onlineIssn && journal.onlineIssn === journal.printIssn) {
      errors.push({ field: 'printIssn', messages: ['must differ from the online ISSN'] });
    }
    if (errors.length) throw new RequestValidationException(errors);

    await this.journals.lockIdentifiers();
    const conflicts: string[] = [];
    if (journal.slug && (await this.journals.slugTaken(journal.slug, ownId)))
      conflicts.push(`the slug "${journal.slug}" is taken`);
    for (const issn of [journal.onlineIssn, journal.printIssn].filter(
      (value): value is string => !!value,
    )) {
      if (await this.journals.issnTaken(issn, ownId))
        conflicts.push(`the ISSN ${issn} belongs to another journal`);
    }
    if (conflicts.length) throw httpProblems.raise('conflict', conflicts.join('; '));
  }
}
