import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { Locale } from '../../common/i18n/locale';
import type { CitableArticle } from './citable-article';
import { toCslItem, type CslItem, type CslName } from './csl-item';

/** The files a reader can take into a reference manager. */
export const CITATION_DOWNLOAD_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type CitationDownloadFormat = (typeof CITATION_DOWNLOAD_FORMATS)[number];

/** A citation file: its text (UTF-8), media type and file name, for a `fileDownload`. */
export interface CitationDownload {
  format: CitationDownloadFormat;
  mediaType: string;
  fileName: string;
  content: string;
}

const FILES: Record<CitationDownloadFormat, { mediaType: string; extension: string }> = {
  bibtex: { mediaType: 'application/x-bibtex', extension: 'bib' },
  ris: { mediaType: 'application/x-research-info-systems', extension: 'ris' },
  'csl-json': { mediaType: 'application/vnd.citationstyles.csl+json', extension: 'json' },
};

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/**
 * LaTeX's special characters escaped, so that a brace or a % in a title cannot break the entry;
 * a no-break space (French, before a colon) is LaTeX's `~`.
 */
function escapeLatex(text: string): string {
  return text
    .replace(/[\\{}$&%#_~^]/g, (character) => LATEX_SPECIALS[character] ?? `\\${character}`)
    .replaceAll('\u00A0', '~');
}

/** A verbatim field (URL, DOI) may hold anything but an unbalanced brace or a backslash. */
function verbatim(text: string): string {
  return text.replaceAll('{', '%7B').replaceAll('}', '%7D').replaceAll('\\', '%5C');
}

/** The item without its empty fields, which citation-js would otherwise write out. */
function defined(item: CslItem): CslItem {
  return Object.fromEntries(
    Object.entries(item).filter(([, value]) => value !== undefined),
  ) as unknown as CslItem;
}

/**
 * The item as BibTeX entries need it. plugin-bibtex either escapes into ASCII, dropping every
 * Arabic letter it has no LaTeX command for, or writes UTF-8 without escaping LaTeX's special
 * characters; Tahkim writes UTF-8 (biber, JabRef, Zotero and Mendeley read it) and escapes the
 * specials itself.
 */
function forBibtex(item: CslItem): CslItem {
  const text = (value: string | undefined) => value && escapeLatex(value);
  const name = (author: CslName): CslName =>
    'literal' in author
      ? { literal: escapeLatex(author.literal) }
      : { family: escapeLatex(author.family), given: escapeLatex(author.given) };
  return defined({
    ...item,
    title: escapeLatex(item.title),
    'container-title': escapeLatex(item['container-title']),
    'container-title-short': text(item['container-title-short']),
    publisher: text(item.publisher),
    abstract: text(item.abstract),
    keyword: text(item.keyword),
    number: text(item.number),
    author: item.author.map(name),
    URL: verbatim(item.URL),
    DOI: item.DOI && verbatim(item.DOI),
  });
}

function bibtex(item: CslItem): string {
  const config = plugins.config.get('@bibtex').format;
  const asciiOnly = config.asciiOnly;
  // The setting is the plugin's, for the whole process: set for this call only, then put back.
  config.asciiOnly = false;
  try {
    return new Cite([forBibtex(item)]).format('bibtex', { format: 'text' });
  } finally {
    config.asciiOnly = asciiOnly;
  }
}

/**
 * RIS from plugin-ris's tags, one line each. The plugin's own text output breaks every line
 * after 70 characters, inside words and URLs, which reference managers do not join back.
 */
function ris(item: CslItem): string {
  // plugin-ris splits keywords on commas into KW lines; without the space after each comma.
  const keyword = item.keyword?.split(', ').join(',');
  const [entry] = new Cite([defined({ ...item, keyword })]).format('ris', { format: 'object' });
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}`;
  const lines = [line('TY', String(entry.TY))];
  for (const [tag, values] of Object.entries(entry))
    if (tag !== 'TY') for (const value of [values].flat()) lines.push(line(tag, String(value)));
  lines.push('ER  - ');
  return `${lines.join('\r\n')}\r\n`;
}

/** The article as a citation file, cited in a language (names, title and journal in it). */
export function citationDownload(
  article: CitableArticle,
  format: CitationDownloadFormat,
  locale: Locale,
): CitationDownload {
  const item = toCslItem(article, locale);
  const { mediaType, extension } = FILES[format];
  const content =
    format === 'bibtex'
      ? bibtex(item)
      : format === 'ris'
        ? ris(item)
        : new Cite([item]).format('data', { format: 'text' });
  return { format, mediaType, fileName: `${item['citation-key']}.${extension}`, content };
}
