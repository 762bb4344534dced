import { Injectable } from '@nestjs/common';
import { buffer } from 'node:stream/consumers';
import { PDFDocument } from 'pdf-lib';
import { SUPPORTED_LOCALES } from '../common/i18n/locale';
import { BoardService, type Journal } from '../journals';
import { identifyIssueIn, type Issue, IssuesService, type Publication } from '../publishing';
import { FileStorage } from '../storage/file-storage';
import {
  emptyContent,
  ManuscriptContentError,
  type ArticleContent,
} from './content/article-content';
import { readManuscript } from './content/manuscript-readers';
import type {
  SuppliedPdf,
  TypesetArticle,
  TypesetIssue,
  TypesetIssueInput,
  TypesetJournal,
} from './typesetting-input';
import {
  type SourceFile,
  type SourceSubmission,
  TypesettingSourcesRepository,
} from './typesetting-sources.repository';
import { articleLandingUrl } from '../editorial/site-addresses';

/** Files that can be the text of an article, newest version first among the same genre. */
const SOURCE_GENRES = ['copyedited', 'manuscript'] as const;

export function typesetJournal(journal: Journal, publicUrl: string): TypesetJournal {
  return {
    slug: journal.slug,
    titles: journal.titles,
    abbreviations: journal.abbreviations,
    primaryLocale: journal.primaryLocale,
    additionalLocales: journal.additionalLocales,
    onlineIssn: journal.onlineIssn,
    printIssn: journal.printIssn,
    publisherName: journal.publisherName,
    publisherPlace: journal.publisherPlace,
    licenceUrl: journal.licenceUrl,
    homeUrl: new URL(`/journals/${journal.slug}`, publicUrl).href,
  };
}

export function typesetIssue(issue: Issue): TypesetIssue {
  return {
    volume: issue.volume,
    number: issue.number,
    year: issue.year,
    titles: issue.titles,
    identification: identifyIssueIn(issue, SUPPORTED_LOCALES),
    special: issue.special,
    guestEditors: issue.guestEditors,
    publishedAt: issue.publishedAt ?? issue.scheduledFor ?? null,
  };
}

/**
 * Everything a typesetting run reads, from the publication records (the one source of truth)
 * and each article's source file: the issue whole, or one article.
 */
@Injectable()
export class TypesettingInputs {
  constructor(
    private readonly sources: TypesettingSourcesRepository,
    private readonly issues: IssuesService,
    private readonly board: BoardService,
    private readonly storage: FileStorage,
  ) {}

  /**
   * The file an article is typeset from: the galley source the production editor marked, or
   * else the newest copyedited file, or else the newest manuscript.
   */
  async sourceFileOf(submission: SourceSubmission): Promise<SourceFile> {
    if (submission.galleySourceFileId) {
      const marked = await this.sources.file(submission.galleySourceFileId);
      if (marked) return marked;
    }
    const files = await this.sources.files(submission.id, SOURCE_GENRES);
    for (const genre of SOURCE_GENRES) {
      const file = files.find((candidate) => candidate.genre === genre);
      if (file) return file;
    }
    throw new ManuscriptContentError(
      'the submission has no manuscript or copyedited file to typeset: upload one in production',
    );
  }

  /** Reads an article's text from its source file into structured content. */
  async contentOf(
    submissionId: string,
  ): Promise<{ content: ArticleContent; file: SourceFile; supplied?: SuppliedPdf }> {
    const submission = await this.sources.submission(submissionId);
    if (!submission) throw new Error(`no submission ${submissionId}`);
    const file = await this.sourceFileOf(submission);
    const bytes = await buffer(await this.storage.get(file.storageKey));
    if (file.mediaType === 'application/pdf') {
      // Finished pages: counted here, stamped and merged after the layout.
      const pages = await PDFDocument.load(bytes, { updateMetadata: false })
        .then((pdf) => pdf.getPageCount())
        .catch(() => {
          throw new ManuscriptContentError(`${file.originalName} is not a PDF Tahkim can read`);
        });
      return { content: emptyContent(), file, supplied: { bytes, pages } };
    }
    const content = await readManuscript({
      bytes,
      fileName: file.originalName,
      mediaType: file.mediaType,
    });
    return { content, file, supplied: undefined };
  }

  /** An article's record with its section's titles and its public landing page. */
  async article(
    journal: Journal,
    publication: Publication,
    content: ArticleContent,
    publicUrl: string,
  ): Promise<TypesetArticle> {
    return {
      publication,
      sectionTitles: await this.sources.sectionTitles(publication.sectionId),
      landingUrl: landingUrl(journal, publication.submissionId, publicUrl),
      content,
    };
  }

  /**
   * Everything an issue's typesetting reads, from the publication records (the latest version
   * of each article, in table-of-contents order) and each article's source file.
   */
  async issue(
    journal: Journal,
    issue: Issue,
    publicUrl: string,
    onArticle?: (index: number, total: number, fileName: string) => Promise<void>,
  ): Promise<TypesetIssueInput> {
    const groups = await this.issues.contentsOf(issue);
    const records = groups.flatMap((group) =>
      group.articles.map((record) => ({ record, sectionTitles: group.section.titles })),
    );
    const articles: TypesetArticle[] = [];
    for (const [index, { record, sectionTitles }] of records.entries()) {
      const { content, file, supplied } = await this.contentOf(record.submissionId).catch(
        (error: unknown) => {
          // Say which article: "«title»: figure 3 in manuscript.docx could not be read".
          if (error instanceof ManuscriptContentError) {
            const title = record.metadata[record.locale]?.title ?? record.submissionId;
            throw new ManuscriptContentError(`«${title}»: ${error.message}`);
          }
          throw error;
        },
      );
      await onArticle?.(index, records.length, file.originalName);
      const { galleys: _galleys, ...publication } = record;
      articles.push({
        publication,
        sectionTitles,
        landingUrl: landingUrl(journal, record.submissionId, publicUrl),
        content,
        supplied,
      });
    }
    const board = await this.board.list(journal.id);
    const cover =
      issue.coverImageKey && issue.coverImageMediaType
        ? {
            mediaType: issue.coverImageMediaType,
            data: await buffer(await this.storage.get(issue.coverImageKey)),
          }
        : null;
    return {
      journal: typesetJournal(journal, publicUrl),
      issue: typesetIssue(issue),
      cover,
      board: board.map((member) => ({
        names: member.names,
        roleTitles: member.roleTitles,
        affiliations: member.affiliations,
      })),
      articles,
    };
  }
}

/** The article's public landing page (the DOI resolves here). */
function landingUrl(journal: Journal, submissionId: string, publicUrl: string): string {
  return articleLandingUrl(publicUrl, journal, submissionId);
}
