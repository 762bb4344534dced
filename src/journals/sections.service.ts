import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { httpProblems } from '../common/problems/http.problems';
import type { Actor } from '../editorial/request-context';
import type { JournalRoleName } from '../editorial/roles';
import type { SectionDto, UpdateSectionDto } from './dto/journal-settings.dto';
import type { Journal } from './journal.entity';
import type { Section } from './section.entity';
import { SectionsRepository } from './sections.repository';

/** Who may be given sections to edit: the journal's editors and section editors. */
export const SECTION_EDITOR_ROLES = [
  'editor',
  'section_editor',
] as const satisfies readonly JournalRoleName[];

const noSuchSection = () =>
  httpProblems.raise('not-found', 'There is no such section in this journal');

/** A journal's sections and their editors. Every change is audited. */
@Injectable()
export class SectionsService {
  constructor(
    private readonly sections: SectionsRepository,
    private readonly audit: AuditLog,
  ) {}

  /** In table-of-contents order, with their editors. */
  list(journal: Pick<Journal, 'id'>): Promise<Section[]> {
    return this.sections.listOf(journal.id);
  }

  /** A section of the journal, with its editors; 404 when it is not one. */
  async get(journal: Pick<Journal, 'id'>, sectionId: string): Promise<Section> {
    const section = await this.sections.find(journal.id, sectionId, true);
    if (!section) throw noSuchSection();
    return section;
  }

  /** A section of the journal, or null (for the features that check a section they were given). */
  find(journalId: string, sectionId: string): Promise<Section | null> {
    return this.sections.find(journalId, sectionId);
  }

  /** A section by id, whatever its journal (it must exist). */
  byId(sectionId: string): Promise<Section> {
    return this.sections.findByIdOrFail(sectionId);
  }

  /** Whether the person edits this section of the journal (the journal access guard asks). */
  isEditorOf(journalId: string, sectionId: string, userId: string): Promise<boolean> {
    return this.sections.isEditorOf(journalId, sectionId, userId);
  }

  @Transactional()
  async create(journal: Journal, dto: SectionDto, actor: Actor): Promise<Section> {
    const seq = dto.seq ?? ((await this.sections.maxSeq(journal.id)) ?? -1) + 1;
    const section = await this.sections.insert({ ...dto, seq, journalId: journal.id });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'section',
      objectId: section.id,
      action: 'section.created',
      after: section,
    });
    return section;
  }

  /** The section as changed (its editors not loaded). */
  @Transactional()
  async update(
    journal: Journal,
    sectionId: string,
    dto: UpdateSectionDto,
    actor: Actor,
  ): Promise<Section> {
    const before = await this.sections.find(journal.id, sectionId);
    if (!before) throw noSuchSection();
    await this.sections.update(sectionId, dto);
    const after = await this.sections.findByIdOrFail(sectionId);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'section',
      objectId: sectionId,
      action: 'section.updated',
      before,
      after,
    });
    return after;
  }

  @Transactional()
  async delete(journal: Journal, sectionId: string, actor: Actor): Promise<void> {
    const before = await this.sections.find(journal.id, sectionId);
    if (!before) throw noSuchSection();
    await this.sections.delete(sectionId);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'section',
      objectId: sectionId,
      action: 'section.deleted',
      before,
    });
  }

  /** Replaces the section's editors; each must be an editor or section editor of the journal. */
  @Transactional()
  async setEditors(
    journal: Journal,
    sectionId: string,
    userIds: string[],
    actor: Actor,
  ): Promise<Section> {
    const section = await this.sections.find(journal.id, sectionId, true);
    if (!section) throw noSuchSection();
    const unique = [...new Set(userIds)];
    const eligible = await this.sections.holdersOf(journal.id, unique, SECTION_EDITOR_ROLES);
    const refused = unique.filter((id) => !eligible.has(id));
    if (refused.length) {
      throw new RequestValidationException([
        {
          field: 'userIds',
          messages: [`not editors or section editors of this journal: ${refused.join(', ')}`],
        },
      ]);
    }
    const before = section.editors?.map((editor) => editor.id) ?? [];
    await this.sections.replaceEditors(sectionId, unique, before);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'section',
      objectId: sectionId,
      action: 'section.editors_set',
      before: { editors: before },
      after: { editors: unique },
    });
    section.editors = (await this.sections.find(journal.id, sectionId, true))?.editors ?? [];
    return section;
  }

  /**
   * Takes the person off every section of the journal: the access feature calls it when they
   * no longer hold a role that edits sections.
   */
  async releaseEditor(journalId: string, userId: string): Promise<void> {
    await this.sections.removeEditorEverywhere(journalId, userId);
  }
}
