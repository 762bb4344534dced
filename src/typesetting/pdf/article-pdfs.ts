import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { Locale } from '../../common/i18n/locale';
import type { ArticlePlacement } from './typst-engine';

/** What an article PDF says of itself in its document properties. */
export interface ArticlePdfProperties {
  title: string;
  authors: string[];
  subject: string;
  keywords: string[];
  locale: Locale;
}

/**
 * Cuts an issue PDF into its articles' PDFs: the pages are copied, never laid out again, so an
 * article's page numbers, running heads and layout are exactly the issue's. Each gets its own
 * document properties (title, authors, subject, keywords, language).
 */
export async function cutArticles(
  issuePdf: Uint8Array,
  placements: ArticlePlacement[],
  properties: Map<string, ArticlePdfProperties>,
  modified: Date,
): Promise<Map<string, Buffer>> {
  const issue = await PDFDocument.load(issuePdf, { updateMetadata: false });
  const articles = new Map<string, Buffer>();
  for (const placement of placements) {
    const article = await PDFDocument.create({ updateMetadata: false });
    const indices = range(placement.firstPhysical - 1, placement.lastPhysical - 1);
    const pages = await article.copyPages(issue, indices);
    for (const page of pages) {
      dropInternalLinks(page.node);
      article.addPage(page);
    }
    const about = properties.get(placement.key);
    if (about) describe(article, about, modified);
    articles.set(placement.key, Buffer.from(await article.save({ useObjectStreams: true })));
  }
  return articles;
}

/** Sets a PDF's document properties and its language (the catalogue's /Lang). */
export function describe(pdf: PDFDocument, about: ArticlePdfProperties, modified: Date) {
  pdf.setTitle(about.title, { showInWindowTitleBar: true });
  pdf.setAuthor(about.authors.join('; '));
  pdf.setSubject(about.subject);
  pdf.setKeywords(about.keywords);
  pdf.setCreator('Tahkim');
  pdf.setProducer('Tahkim (Typst)');
  pdf.setCreationDate(modified);
  pdf.setModificationDate(modified);
  pdf.catalog.set(PDFName.of('Lang'), PDFString.of(about.locale));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

// Links inside the issue (a footnote's call to its text, the contents to an article) point at
// named destinations of the issue, which an article cut from it does not carry: left in, they
// would be dead. Links to the web (DOI, ORCID, licence) stay.
function dropInternalLinks(page: import('pdf-lib').PDFPageLeaf) {
  const annots = page.Annots();
  if (!annots) return;
  for (let index = annots.size() - 1; index >= 0; index--) {
    const annot = page.context.lookup(annots.get(index));
    if (!annot || !('get' in annot)) continue;
    const dict = annot as import('pdf-lib').PDFDict;
    const action = dict.lookup(PDFName.of('A'));
    const isWebLink =
      action &&
      'get' in action &&
      (action as import('pdf-lib').PDFDict).get(PDFName.of('S'))?.toString() === '/URI';
    if (!isWebLink) annots.remove(index);
  }
}
