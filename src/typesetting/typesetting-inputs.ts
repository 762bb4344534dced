import { buffer } from 'node:stream/consumers';
import { In, type EntityManager } from 'typeorm';
import { SUPPORTED_LOCALES } from '../common/i18n/locale';
import { BoardMember } from '../journals/board-member.entity';
import type { Journal } from '../journals/journal.entity';
import type { Issue } from '../publishing/entities/issue.entity';
import type { Publication } from '../publishing/entities/publication.entity';
import { identifyIssueIn } from '../publishing/issue-identification';
import { tableOfContents } from '../publishing/issues.service';
import type { FileStorage } from '../storage/file-storage';
import { Section } from '../journals/section.entity';
import { SubmissionFile } from '../submissions/entities/submission-file.entity';
import { Submission } from '../submissions/entities/submission.entity';
import { PDFDocument } from 'pdf-lib';
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
 * The file an article is typeset from: the galley source the production editor marked, or
 * else the newest copyedited file, or else the newest manuscript.
 */
export async function sourceFileOf(
  manager: EntityManager,
  submission: Submission,
): Promise<SubmissionFile> {
  if (submission.galleySourceFileId) {
    const marked = await manager.findOneBy(SubmissionFile, { id: submission.galleySourceFileId });
    if (marked) return marked;
  }
  const files = await manager.find(SubmissionFile, {
    where: { submissionId: submission.id, genre: In([...SOURCE_GENRES]) },
    order: { version: 'DESC', createdAt: 'DESC' },
  });
  for (const genre of SOURCE_GENRES) {
    const file = files.find((candidate) => candidate.genre === genre);
    if (file) return file;
  }
  throw new ManuscriptContentError(
    'the submission has no manuscript or copyedited file to typeset: upload one in production',
  );
}

/** Reads an article's text from its source file into structured content. */
export async function contentOf(
  manager: EntityManager,
  storage: FileStorage,
  submissionId: string,
): Promise<{ content: ArticleContent; file: SubmissionFile; supplied?: SuppliedPdf }> {
  const submission = await manager.findOneByOrFail(Submission, { id: submissionId });
  const file = await sourceFileOf(manager, submission);
  const bytes = await buffer(await storage.get(file.storageKey));
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
export async function typesetArticle(
  manager: EntityManager,
  journal: Journal,
  publication: Publication,
  content: ArticleContent,
  publicUrl: string,
): Promise<TypesetArticle> {
  const section = await manager.findOneByOrFail(Section, { id: publication.sectionId });
  return {
    publication,
    sectionTitles: section.titles,
    landingUrl: new URL(`/journals/${journal.slug}/articles/${publication.submissionId}`, publicUrl)
      .href,
    content,
  };
}

/**
 * Everything an issue's typesetting reads, from the publication records (the latest version of
 * each article, in table-of-contents order) and each article's source file.
 */
export async function loadIssueInput(
  manager: EntityManager,
  storage: FileStorage,
  journal: Journal,
  issue: Issue,
  publicUrl: string,
  onArticle?: (index: number, total: number, fileName: string) => Promise<void>,
): Promise<TypesetIssueInput> {
  const groups = await tableOfContents(manager, issue);
  const records = groups.flatMap((group) =>
    group.articles.map((record) => ({ record, sectionTitles: group.section.titles })),
  );
  const articles: TypesetArticle[] = [];
  for (const [index, { record, sectionTitles }] of records.entries()) {
    const { content, file, supplied } = await contentOf(
      manager,
      storage,
      record.submissionId,
    ).catch((error: unknown) => {
      // Say which article: "«title»: figure 3 in manuscript.docx could not be read".
      if (error instanceof ManuscriptContentError) {
        const title = record.metadata[record.locale]?.title ?? record.submissionId;
        throw new ManuscriptContentError(`«${title}»: ${error.message}`);
      }
      throw error;
    });
    await onArticle?.(index, records.length, file.originalName);
    const { galleys: _galleys, ...publication } = record;
    articles.push({
      publication,
      sectionTitles,
      landingUrl: new URL(`/journals/${journal.slug}/articles/${record.submissionId}`, publicUrl)
        .href,
      content,
      supplied,
    });
  }
  const board = await manager.find(BoardMember, {
    where: { journalId: journal.id },
    order: { seq: 'ASC' },
  });
  const cover =
    issue.coverImageKey && issue.coverImageMediaType
      ? {
          mediaType: issue.coverImageMediaType,
          data: await buffer(await storage.get(issue.coverImageKey)),
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
