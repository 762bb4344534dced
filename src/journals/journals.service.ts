import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { inTransaction } from '../database/transactions';
import { httpProblems } from '../common/problems/http.problems';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../editorial/request-context';
import { JournalRole } from '../access/journal-role.entity';
import { User } from '../accounts/user.entity';
import { AuditLog } from '../audit/audit-log.service';
import { normalizeIssn } from '../common/identifiers/issn';
import { normalizeOrcid } from '../common/identifiers/orcid';
import { ProblemException } from '../common/http/problem.exception';
import { RequestValidationException } from '../common/http/request-validation.exception';
import { BoardMember } from './board-member.entity';
import type {
  CreateJournalDto,
  EditorialBoardDto,
  JournalSettingsDto,
  SectionDto,
  UpdateJournalDto,
  UpdateSectionDto,
} from './dto/journal-settings.dto';
import { Journal } from './journal.entity';
import { Section } from './section.entity';

// Serialises ISSN checks across concurrent requests (any fixed number).
const ISSN_LOCK_ID = 7_140_002;

const notFound = (what: string) =>
  new ProblemException({ status: 404, title: 'Not Found', detail: `There is no ${what}` });

/** Journals, their settings, sections and editorial board. Every change is audited. */
@Injectable()
export class JournalsService {
  constructor(
    private readonly transactions: TransactionHost<TransactionalAdapterTypeOrm>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  list(): Promise<Journal[]> {
    return this.dataSource.getRepository(Journal).find({ order: { slug: 'ASC' } });
  }

  async create(dto: CreateJournalDto, actor: Actor): Promise<Journal> {
    return inTransaction(this.transactions, async (manager) => {
      const values = this.prepare(dto);
      await this.assertUnique(manager, values, null);
      const journal = await manager.save(manager.create(Journal, values));
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'journal',
        objectId: journal.id,
        action: 'journal.created',
        after: journal,
      });
      return journal;
    });
  }

  async update(
    journal: Journal,
    dto: UpdateJournalDto | JournalSettingsDto,
    actor: Actor,
  ): Promise<Journal> {
    return inTransaction(this.transactions, async (manager) => {
      const before = await manager.findOneOrFail(Journal, {
        where: { id: journal.id },
        lock: { mode: 'pessimistic_write' },
      });
      const values = this.prepare(dto);
      await this.assertUnique(manager, { ...before, ...values }, journal.id);
      await manager.update(Journal, { id: journal.id }, values);
      const after = await manager.findOneByOrFail(Journal, { id: journal.id });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'journal',
        objectId: journal.id,
        action: 'journal.settings_updated',
        before,
        after,
      });
      return after;
    });
  }

  /** Canonical forms (ISSN with hyphen and upper-case X), ids for new checklist items. */
  private prepare(dto: Partial<CreateJournalDto & UpdateJournalDto>): Partial<Journal> {
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

  /**
   * Slugs are unique, and an ISSN identifies one serial in one medium: it may appear once in
   * the whole installation, whether as an online or a print ISSN.
   */
  private async assertUnique(
    manager: EntityManager,
    journal: Partial<Journal>,
    ownId: string | null,
  ): Promise<void> {
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

    await manager.query('SELECT pg_advisory_xact_lock($1)', [ISSN_LOCK_ID]);
    const conflicts: string[] = [];
    if (journal.slug) {
      const taken = await manager
        .createQueryBuilder(Journal, 'j')
        .where('j.slug = :slug', { slug: journal.slug })
        .andWhere(ownId ? 'j.id <> :ownId' : '1=1', { ownId })
        .getExists();
      if (taken) conflicts.push(`the slug "${journal.slug}" is taken`);
    }
    for (const issn of [journal.onlineIssn, journal.printIssn].filter(
      (value): value is string => !!value,
    )) {
      const taken = await manager
        .createQueryBuilder(Journal, 'j')
        .where('(j.online_issn = :issn OR j.print_issn = :issn)', { issn })
        .andWhere(ownId ? 'j.id <> :ownId' : '1=1', { ownId })
        .getExists();
      if (taken) conflicts.push(`the ISSN ${issn} belongs to another journal`);
    }
    if (conflicts.length) {
      throw new ProblemException({
        status: 409,
        type: httpProblems.type('conflict'),
        title: 'Conflict',
        detail: conflicts.join('; '),
      });
    }
  }

  // Sections

  sections(journal: Journal): Promise<Section[]> {
    return this.dataSource.getRepository(Section).find({
      where: { journalId: journal.id },
      relations: { editors: true },
      order: { seq: 'ASC', createdAt: 'ASC' },
    });
  }

  async section(journal: Journal, sectionId: string): Promise<Section> {
    const section = await this.dataSource
      .getRepository(Section)
      .findOne({ where: { id: sectionId, journalId: journal.id }, relations: { editors: true } });
    if (!section) throw notFound('such section in this journal');
    return section;
  }

  async createSection(journal: Journal, dto: SectionDto, actor: Actor): Promise<Section> {
    return inTransaction(this.transactions, async (manager) => {
      const seq =
        dto.seq ?? ((await manager.maximum(Section, 'seq', { journalId: journal.id })) ?? -1) + 1;
      const section = await manager.save(
        manager.create(Section, { ...dto, seq, journalId: journal.id }),
      );
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'section',
        objectId: section.id,
        action: 'section.created',
        after: section,
      });
      return section;
    });
  }

  async updateSection(
    journal: Journal,
    sectionId: string,
    dto: UpdateSectionDto,
    actor: Actor,
  ): Promise<Section> {
    return inTransaction(this.transactions, async (manager) => {
      const before = await manager.findOneBy(Section, { id: sectionId, journalId: journal.id });
      if (!before) throw notFound('such section in this journal');
      await manager.update(Section, { id: sectionId }, dto);
      const after = await manager.findOneByOrFail(Section, { id: sectionId });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'section',
        objectId: sectionId,
        action: 'section.updated',
        before,
        after,
      });
      return after;
    });
  }

  async deleteSection(journal: Journal, sectionId: string, actor: Actor): Promise<void> {
    await inTransaction(this.transactions, async (manager) => {
      const before = await manager.findOneBy(Section, { id: sectionId, journalId: journal.id });
      if (!before) throw notFound('such section in this journal');
      await manager.delete(Section, { id: sectionId });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'section',
        objectId: sectionId,
        action: 'section.deleted',
        before,
      });
    });
  }

  /** Replaces the section's editors; each must be an editor or section editor of the journal. */
  async setSectionEditors(
    journal: Journal,
    sectionId: string,
    userIds: string[],
    actor: Actor,
  ): Promise<Section> {
    return inTransaction(this.transactions, async (manager) => {
      const section = await manager.findOne(Section, {
        where: { id: sectionId, journalId: journal.id },
        relations: { editors: true },
      });
      if (!section) throw notFound('such section in this journal');
      const unique = [...new Set(userIds)];
      const eligible = await manager.findBy(JournalRole, {
        journalId: journal.id,
        userId: In(unique),
        role: In(['editor', 'section_editor']),
      });
      const eligibleIds = new Set(eligible.map((role) => role.userId));
      const refused = unique.filter((id) => !eligibleIds.has(id));
      if (refused.length) {
        throw new RequestValidationException([
          {
            field: 'userIds',
            messages: [`not editors or section editors of this journal: ${refused.join(', ')}`],
          },
        ]);
      }
      const before = section.editors?.map((editor) => editor.id) ?? [];
      section.editors = await manager.findBy(User, { id: In(unique) });
      await manager.save(section);
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'section',
        objectId: sectionId,
        action: 'section.editors_set',
        before: { editors: before },
        after: { editors: unique },
      });
      return section;
    });
  }

  // Editorial board

  board(journal: Journal): Promise<BoardMember[]> {
    return this.dataSource
      .getRepository(BoardMember)
      .find({ where: { journalId: journal.id }, order: { seq: 'ASC' } });
  }

  async replaceBoard(
    journal: Journal,
    dto: EditorialBoardDto,
    actor: Actor,
  ): Promise<BoardMember[]> {
    return inTransaction(this.transactions, async (manager) => {
      const before = await manager.find(BoardMember, {
        where: { journalId: journal.id },
        order: { seq: 'ASC' },
      });
      await manager.delete(BoardMember, { journalId: journal.id });
      const members = dto.members.map((member, seq) =>
        manager.create(BoardMember, {
          journalId: journal.id,
          names: member.names,
          roleTitles: member.roleTitles,
          affiliations: member.affiliations ?? {},
          orcid: member.orcid ? normalizeOrcid(member.orcid) : null,
          seq,
        }),
      );
      const saved = await manager.save(members);
      const summary = (list: BoardMember[]) => ({
        members: list.map(({ names, roleTitles }) => ({ names, roleTitles })),
      });
      await this.audit.record(manager, {
        actor,
        journalId: journal.id,
        objectType: 'journal',
        objectId: journal.id,
        action: 'journal.board_replaced',
        before: summary(before),
        after: summary(saved),
      });
      return saved;
    });
  }
}
