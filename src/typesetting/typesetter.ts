import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pickLocalized } from '../common/i18n/locale';
import { displayName } from '../editorial/people';
import { renderHtmlGalley } from './galleys/html-galley';
import { renderJatsGalley } from './galleys/jats-galley';
import type { ArticleCutter } from './pdf/article-cutter';
import { cutArticles, type ArticlePdfProperties } from './pdf/article-pdfs';
import {
  articleDocument,
  assetPath,
  issueDocument,
  type TypstDocumentData,
} from './pdf/typst-document';
import { stampSuppliedPages } from './pdf/supplied-pages';
import { TEMPLATE_PATH, type ArticlePlacement, type TypstEngine } from './pdf/typst-engine';
import type {
  TypesetArticle,
  TypesetArticleInput,
  TypesetIssueInput,
  TypesetJournal,
} from './typesetting-input';

/** Bump when the engine or the fonts change in a way the template's text does not show. */
const ENGINE_REVISION = 'typst-0.14/amiri+noto-serif/untagged/2';

/** The in-memory files an article's images are read from by the template. */
function assetFiles(articles: TypesetArticle[]): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const article of articles) {
    for (const asset of article.content.assets)
      files.set(assetPath(article.publication.id, asset), asset.data);
    // Not read by the template, but part of the output: so part of the hash.
    if (article.supplied)
      files.set(`/supplied/${article.publication.id}.pdf`, article.supplied.bytes);
  }
  return files;
}

function suppliedOf(articles: TypesetArticle[]) {
  return new Map(
    articles.flatMap((article) =>
      article.supplied ? [[article.publication.id, article.supplied] as const] : [],
    ),
  );
}

let templateBytes: Buffer | undefined;

/**
 * A SHA-256 over everything an output depends on: the template, the engine, the data the
 * template lays out (as the JSON the engine is given) and every image's bytes. Same hash, same
 * PDF: no need to typeset again.
 */
export function inputHash(json: string, files: Map<string, Buffer>): string {
  const hash = createHash('sha256');
  hash.update(ENGINE_REVISION);
  // Read once per process: the template ships with the code and changes with a deploy.
  templateBytes ??= readFileSync(TEMPLATE_PATH);
  hash.update(templateBytes);
  hash.update(json);
  for (const [path, bytes] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(path);
    hash.update(createHash('sha256').update(bytes).digest());
  }
  return hash.digest('hex');
}

function pdfProperties(journal: TypesetJournal, issueLine: string, article: TypesetArticle) {
  const { publication } = article;
  const own = publication.metadata[publication.locale];
  return {
    title: own?.title ?? '',
    authors: publication.contributors.map((contributor) =>
      displayName(contributor.names, publication.locale),
    ),
    subject: [pickLocalized(journal.titles, publication.locale), issueLine]
      .filter(Boolean)
      .join(', '),
    keywords: own?.keywords ?? [],
    locale: publication.locale,
  } satisfies ArticlePdfProperties;
}

export interface PreparedDocument {
  data: TypstDocumentData;
  /** The data as the engine reads it, serialised once for both the hash and the engine. */
  json: string;
  files: Map<string, Buffer>;
  hash: string;
}

function prepared(data: TypstDocumentData, files: Map<string, Buffer>): PreparedDocument {
  const json = JSON.stringify(data);
  return { data, json, files, hash: inputHash(json, files) };
}

/** The data and files of an issue's typesetting, and their hash (cheap: nothing is laid out). */
export function prepareIssue(input: TypesetIssueInput): PreparedDocument {
  const files = assetFiles(input.articles);
  if (input.cover) files.set('/assets/cover/cover', input.cover.data);
  return prepared(issueDocument(input), files);
}

/** What lays an issue out (Typst) and what cuts it into article PDFs (on a thread of its own). */
export interface Typesetters {
  engine: TypstEngine;
  cutter: ArticleCutter;
}

export interface TypesetIssueOutput {
  issuePdf: Buffer;
  pages: number;
  placements: ArticlePlacement[];
  articles: Map<string, { pdf: Buffer; html?: string; jats?: string }>;
}

/**
 * The issue, laid out once: its PDF, then each article's PDF cut from it (the same pages, never
 * laid out twice), and each article's HTML and JATS from the same records. The cut runs on the
 * cutter's thread while this one writes the HTML and JATS and relieves the engine's memory.
 */
export async function typesetIssue(
  { engine, cutter }: Typesetters,
  input: TypesetIssueInput,
  document: PreparedDocument = prepareIssue(input),
  onStep?: (step: string, percent: number) => Promise<void>,
): Promise<TypesetIssueOutput> {
  await onStep?.(`laying out ${input.articles.length} articles`, 30);
  const laidOut = engine.render(
    document.json,
    document.files,
    input.issue.publishedAt ?? undefined,
  );
  const output = {
    ...laidOut,
    pdf: await stampSuppliedPages(laidOut.pdf, laidOut.placements, suppliedOf(input.articles)),
  };
  const issueLine = (locale: TypesetArticle['publication']['locale']) =>
    pickLocalized(input.issue.identification, locale) ?? '';
  const properties = new Map(
    input.articles.map((article) => [
      article.publication.id,
      pdfProperties(input.journal, issueLine(article.publication.locale), article),
    ]),
  );
  const cutting = cutter.cut(
    output.pdf,
    output.placements,
    properties,
    input.issue.publishedAt ?? new Date(0),
  );
  // Awaited below; handled now, so that a failed cut is not reported as unhandled meanwhile.
  cutting.catch(() => undefined);
  engine.relieveMemory();
  await onStep?.(
    `cutting ${output.placements.length} article PDFs from ${output.pages} pages, writing the HTML and JATS galleys`,
    60,
  );
  // A supplied PDF has no text of ours to write as HTML or JATS: its galley is its PDF.
  const written = new Map<string, { html?: string; jats?: string }>();
  for (const article of input.articles) {
    const placement = output.placements.find((entry) => entry.key === article.publication.id);
    // The galleys carry the pages the issue gave the article.
    const paged: TypesetArticle = {
      ...article,
      publication: {
        ...article.publication,
        firstPage: placement?.firstPage ?? article.publication.firstPage,
        lastPage: placement?.lastPage ?? article.publication.lastPage,
      },
    };
    const single: TypesetArticleInput = {
      journal: input.journal,
      issue: input.issue,
      article: paged,
    };
    written.set(
      article.publication.id,
      article.supplied ? {} : { html: renderHtmlGalley(single), jats: renderJatsGalley(single) },
    );
  }
  const pdfs = await cutting;
  const articles = new Map(
    [...written].map(([key, galleys]) => [key, { pdf: pdfs.get(key)!, ...galleys }]),
  );
  return { issuePdf: output.pdf, pages: output.pages, placements: output.placements, articles };
}

/** One article alone, for proofs: numbered from its first page if it has one. */
export function prepareArticle(input: TypesetArticleInput): PreparedDocument {
  return prepared(
    articleDocument(input.journal, input.issue, input.article),
    assetFiles([input.article]),
  );
}

export async function typesetArticleProof(
  engine: TypstEngine,
  input: TypesetArticleInput,
  document = prepareArticle(input),
): Promise<{ pdf: Buffer; pages: number }> {
  const laidOut = engine.render(document.json, document.files);
  const output = {
    ...laidOut,
    pdf: await stampSuppliedPages(laidOut.pdf, laidOut.placements, suppliedOf([input.article])),
  };
  // Set the article's own properties (Typst's are the document's): one cut of every page.
  const issueLine = input.issue
    ? (pickLocalized(input.issue.identification, input.article.publication.locale) ?? '')
    : '';
  const pdfs = await cutArticles(
    output.pdf,
    output.placements,
    new Map([
      [input.article.publication.id, pdfProperties(input.journal, issueLine, input.article)],
    ]),
    new Date(0),
  );
  return { pdf: pdfs.get(input.article.publication.id) ?? output.pdf, pages: output.pages };
}
