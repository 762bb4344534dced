import { Transactional } from '@nestjs-cls/transactional';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '../audit/audit-log.service';
import { type LocalizedText, SUPPORTED_LOCALES } from '../common/i18n/locale';
import { httpProblems } from '../common/problems/http.problems';
import type { Actor } from '../editorial/request-context';
import type { Journal } from '../journals';
import { CatalogueChanges } from '../database/catalogue-changes.repository';
import type { CreateIssueDto, UpdateIssueDto } from './dto/publishing.dto';
import type { Galley } from './entities/galley.entity';
import type { Issue } from './entities/issue.entity';
import { GalleysRepository } from './galleys.repository';
import { identifyIssueIn } from './issue-identification';
import { IssuesRepository } from './issues.repository';
import { publishingProblems } from './publishing.problems';
import { TableOfContents, type TocSection } from './table-of-contents';

/** An issue in the editors' list: its identification and how many articles it holds. */
export type IssueListItem = Issue & { identification: LocalizedText; articles: number };

/** An issue as its editors see it: its table of contents (drafts included) and its galleys. */
export type IssueView = Issue & {
  identification: LocalizedText;
  toc: TocSection[];
  galleys: Galley[];
};

/**
 * Issues as the editors assemble them: volume, number and year, identification, guest editors;
 * their table of contents is IssueContents', their publication IssuePublisher's.
 */
@Injectable()
export class IssuesService {
  constructor(
    private readonly issues: IssuesRepository,
    private readonly galleys: GalleysRepository,
    private readonly contents: TableOfContents,
    private readonly audit: AuditLog,
    private readonly catalogue: CatalogueChanges,
  ) {}

  @Transactional()
  async create(journal: Journal, dto: CreateIssueDto, actor: Actor): Promise<Issue> {
    await this.assertFree(journal, dto.volume, dto.number);
    const issue = await this.issues.create({ ...dto, journalId: journal.id, status: 'draft' });
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.created',
      after: { volume: issue.volume, number: issue.number, year: issue.year },
    });
    return issue;
  }

  @Transactional()
  async update(journal: Journal, id: string, dto: UpdateIssueDto, actor: Actor): Promise<Issue> {
    const issue = await this.find(journal, id, true);
    const renumbered =
      (dto.volume !== undefined && dto.volume !== issue.volume) ||
      (dto.number !== undefined && dto.number !== issue.number) ||
      (dto.year !== undefined && dto.year !== issue.year);
    if (renumbered && issue.status === 'published')
      throw publishingProblems.raise(
        'issue-published',
        'A published issue keeps its volume, number and year; titles and descriptions can still change',
      );
    if (renumbered)
      await this.assertFree(
        journal,
        dto.volume ?? issue.volume,
        dto.number ?? issue.number,
        issue.id,
      );
    const before = { volume: issue.volume, number: issue.number, year: issue.year };
    Object.assign(issue, dto);
    const saved = await this.issues.save(issue);
    // A published issue's titles and descriptions are on its public pages.
    if (issue.status === 'published') await this.catalogue.journalChanged(journal.id);
    await this.audit.write({
      actor,
      journalId: journal.id,
      objectType: 'issue',
      objectId: issue.id,
      action: 'issue.updated',
      before,
      after: dto as Record<string, unknown>,
    });
    return saved;
  }

  /** Every issue of the journal, newest first, with its identification and article count. */
  async list(journal: Journal): Promise<IssueListItem[]> {
    const issues = await this.issues.ofJournal(journal.id);
    const counts = await this.issues.articleCounts(issues.map((issue) => issue.id));
    return issues.map((issue) => ({
      ...issue,
      identification: identifyIssueIn(issue, SUPPORTED_LOCALES),
      articles: counts.get(issue.id) ?? 0,
    }));
  }

  /** One issue with its table of contents, as the editors see it (drafts included). */
  async get(journal: Journal, id: string): Promise<IssueView> {
    const issue = await this.find(journal, id);
    return {
      ...issue,
      identification: identifyIssueIn(issue, SUPPORTED_LOCALES),
      toc: await this.contents.of(issue),
      galleys: await this.galleys.ofIssue(issue.id),
    };
  }

  /** An issue of this journal (locked until the transaction ends if asked); 404 for any other. */
  async find(journal: Pick<Journal, 'id'>, id: string, lock = false): Promise<Issue> {
    const issue = await this.issues.find(journal.id, id, lock);
    if (!issue) throw httpProblems.raise('not-found', 'There is no such issue in this journal');
    return issue;
  }

  /** An issue's table of contents: the newest version of each article, with its galleys. */
  contentsOf(issue: Pick<Issue, 'id'>, publishedOnly = false): Promise<TocSection[]> {
    return this.contents.of(issue, publishedOnly);
  }

  private async assertFree(journal: Journal, volume: number, number: number, except?: string) {
    const clash = await this.issues.byNumber(journal.id, volume, number);
    if (clash && clash.id !== except)
      throw publishingProblems.raise(
        'issue-exists',
        `Volume ${volume}, number ${number} exists already in this journal`,
      );
  }
}
