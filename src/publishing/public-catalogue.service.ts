import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { fileDownload, type FileDownload } from '../common/http/files';
import type { LocalizedText } from '../common/i18n/locale';
import { httpProblems } from '../common/problems/http.problems';
import { BoardService, type BoardMember, type Journal, JournalsLookup } from '../journals';
import { FileStorage } from '../storage/file-storage';
import type { Galley } from './entities/galley.entity';
import type { Issue } from './entities/issue.entity';
import type { PublicationNotice } from './entities/publication-notice.entity';
import type { Publication } from './entities/publication.entity';
import { GalleysRepository } from './galleys.repository';
import { IssuesRepository } from './issues.repository';
import { NoticesRepository } from './notices.repository';
import { PublicationsRepository } from './publications.repository';
import { TableOfContents, type TocSection } from './table-of-contents';

/** A galley never changes (a correction is a new one): any cache may keep it. */
const GALLEY_CACHE_CONTROL = 'public, max-age=86400, immutable';

export interface PublicJournal {
  journal: Journal;
  board: BoardMember[];
  current: Issue | null;
}

export interface PublicIssue {
  journal: Journal;
  issue: Issue;
  toc: TocSection[];
  galleys: Galley[];
  retracted: Set<string>;
}

export interface PublicArticle {
  journal: Journal;
  /** Published versions, newest first (never empty). */
  versions: Publication[];
  issue: Issue;
  galleys: Galley[];
  section: LocalizedText;
  notices: PublicationNotice[];
}

/** An image to show inline. */
export interface PublicImage {
  content: Readable;
  mediaType: string;
}

/**
 * The journal's public record for readers and indexers: published issues and articles only,
 * never a draft, an editor's note or a reviewer. Everything here can be cached.
 */
@Injectable()
export class PublicCatalogue {
  constructor(
    private readonly journals: JournalsLookup,
    private readonly board: BoardService,
    private readonly issues: IssuesRepository,
    private readonly publications: PublicationsRepository,
    private readonly galleys: GalleysRepository,
    private readonly notices: NoticesRepository,
    private readonly contents: TableOfContents,
    private readonly storage: FileStorage,
  ) {}

  async journal(slug: string): Promise<PublicJournal> {
    const journal = await this.journals.bySlug(slug);
    const [board, current] = await Promise.all([
      this.board.list(journal.id),
      this.issues.current(journal.id),
    ]);
    return { journal, board, current };
  }

  /** The archive: published issues, newest first, the current one marked. */
  async archive(slug: string): Promise<{ journal: Journal; issues: Issue[] }> {
    const journal = await this.journals.bySlug(slug);
    return { journal, issues: await this.issues.published(journal.id) };
  }

  /** A published issue: its table of contents by section, and its own galleys. */
  async issue(slug: string, id: string): Promise<PublicIssue> {
    const journal = await this.journals.bySlug(slug);
    const issue = await this.issues.publishedOne(journal.id, id);
    if (!issue) throw httpProblems.raise('not-found', 'There is no such published issue');
    const [toc, galleys, retracted] = await Promise.all([
      this.contents.of(issue, true),
      this.galleys.ofIssue(issue.id),
      this.notices.retractedIn(issue.id),
    ]);
    return { journal, issue, toc, galleys, retracted };
  }

  /** A published article: the newest published version in full, and every published version. */
  async article(slug: string, submissionId: string): Promise<PublicArticle> {
    const journal = await this.journals.bySlug(slug);
    const versions = await this.publications.publishedVersions(journal.id, submissionId);
    if (versions.length === 0)
      throw httpProblems.raise('not-found', 'There is no such published article');
    const [latest] = versions;
    const [issue, galleys, sections, notices] = await Promise.all([
      this.issues.byId(latest.issueId!),
      this.galleys.ofPublications(versions.map((version) => version.id)),
      this.publications.sections([latest.sectionId]),
      this.notices.of(submissionId),
    ]);
    return {
      journal,
      versions,
      issue,
      galleys,
      section: sections[0]?.titles ?? {},
      notices,
    };
  }

  /** A published issue's cover image. */
  async cover(slug: string, id: string): Promise<PublicImage> {
    const journal = await this.journals.bySlug(slug);
    const issue = await this.issues.publishedOne(journal.id, id);
    if (!issue?.coverImageKey)
      throw httpProblems.raise('not-found', 'This issue has no public cover');
    return {
      content: await this.storage.get(issue.coverImageKey),
      mediaType: issue.coverImageMediaType!,
    };
  }

  /** A galley of something published, for download without signing in, cacheable for good. */
  async galley(slug: string, galleyId: string): Promise<FileDownload> {
    const journal = await this.journals.bySlug(slug);
    const galley = await this.galleys.published(journal.id, galleyId);
    if (!galley) throw httpProblems.raise('not-found', 'There is no such published file');
    return fileDownload(
      await this.storage.get(galley.storageKey),
      { mediaType: galley.mediaType, fileName: galley.originalName },
      { cacheControl: GALLEY_CACHE_CONTROL, etag: `"${galley.sha256}"` },
    );
  }
}
