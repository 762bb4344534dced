import type { Locale } from '../../common/i18n/locale';

/**
 * An article's body as structured content: what the manuscript readers (DOCX, Markdown) produce
 * and what every output (the Typst PDF, the HTML galley, the JATS XML) is rendered from. Plain
 * JSON, so that it can be hashed, stored and handed to the Typst template as data: nothing in it
 * is markup, so nothing in it needs escaping until an output writes it.
 */
export interface ArticleContent {
  /** Bump when the shape changes: stored content of an older shape is read again. */
  schemaVersion: 1;
  blocks: Block[];
  /**
   * References found at the end of the manuscript (a "References" / «المراجع» / «Références»
   * section), one per entry, in order. The publication record's references win when it has any.
   */
  references: string[];
  /** Images the blocks point at, by id; their bytes travel beside the JSON (see ContentAsset). */
  assets: ContentAsset[];
  /** Things a production editor should look at (e.g. an empty heading dropped); never fatal. */
  warnings: string[];
}

export interface ContentAsset {
  /** Stable within the article: `fig-1`, `fig-2`… */
  id: string;
  /** image/png, image/jpeg, image/gif or image/svg+xml: what Typst, browsers and JATS all take. */
  mediaType: string;
  /** The bytes (a Buffer in memory; base64 when the content is serialised to JSON). */
  data: Buffer;
  /** Pixel size when known, to keep the aspect ratio. */
  width?: number;
  height?: number;
}

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'superscript'; children: Inline[] }
  | { type: 'subscript'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  /** A footnote, placed where its call is: its text is a list of paragraphs' inlines. */
  | { type: 'footnote'; paragraphs: Inline[][] }
  /** A forced line break inside a paragraph. */
  | { type: 'break' };

export interface TableCell {
  children: Inline[];
  colspan?: number;
  rowspan?: number;
}

export interface TableRow {
  /** A header row (repeated on each page the table spans). */
  header: boolean;
  cells: TableCell[];
}

export type Block =
  /** Level 1 is a section heading of the article (the article title is not in the body). */
  | { type: 'heading'; level: 1 | 2 | 3 | 4; children: Inline[] }
  /** `locale` only when the paragraph is in another language than the article (a quotation…). */
  | { type: 'paragraph'; children: Inline[]; locale?: Locale }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'code'; text: string }
  /** Numbered in order of appearance: "Table 1", «جدول 1». */
  | { type: 'table'; caption: Inline[]; rows: TableRow[] }
  /** Numbered in order of appearance: "Figure 1", «شكل 1». */
  | { type: 'figure'; assetId: string; caption: Inline[]; alt: string }
  | { type: 'rule' };

/** A readable error about the manuscript itself, e.g. "figure 3 in manuscript.docx could not be read". */
export class ManuscriptContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManuscriptContentError';
  }
}

export function emptyContent(): ArticleContent {
  return { schemaVersion: 1, blocks: [], references: [], assets: [], warnings: [] };
}
