import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { syntheticIssue } from '../../../bench/fixtures/synthetic-issue';
import type { Block, Inline } from '../content/article-content';
import type { TypesetIssueInput } from '../typesetting-input';
import { cutArticles } from './article-pdfs';
import { articleDocument, assetPath, issueDocument } from './typst-document';
import { TypstEngine, type TypstOutput } from './typst-engine';

/** Text of some pages, as a reader's copy-paste would give it: bidi marks dropped, spaces collapsed. */
function textOf(pdf: string, first: number, last = first): string {
  const raw = execFileSync('pdftotext', ['-f', String(first), '-l', String(last), pdf, '-'], {
    encoding: 'utf8',
  });
  return raw.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
}

/**
 * Without any whitespace: poppler guesses word breaks from glyph gaps, and Amiri's gap after a
 * non-joining letter (و، ر) reads to it as a space ("التمو يل"). The letters' order is what
 * must be right.
 */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The text of every note in an article's blocks, in reading order. */
function notesOf(blocks: Block[]): string[] {
  const notes: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as { type?: string; paragraphs?: Inline[][] };
    if (node.type === 'footnote' && node.paragraphs) {
      notes.push(
        node.paragraphs
          .flat()
          .map((inline) => (inline.type === 'text' ? inline.text : ''))
          .join(''),
      );
      return;
    }
    Object.values(node).forEach(visit);
  };
  visit(blocks);
  return notes;
}

describe('Typst engine: an issue in Arabic, English and French', () => {
  let dir: string;
  let input: TypesetIssueInput;
  let output: TypstOutput;
  let issuePath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tahkim-typst-'));
    input = syntheticIssue(7, 4);
    input.articles[0].publication.firstPage = 11;
    output = new TypstEngine().render(issueDocument(input), new Map());
    issuePath = join(dir, 'issue.pdf');
    writeFileSync(issuePath, output.pdf);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('places every article, numbered on from the first article’s first page', () => {
    expect(output.placements.map((placement) => placement.key)).toEqual(
      input.articles.map((article) => article.publication.id),
    );
    expect(output.placements[0].firstPage).toBe(11);
    for (const [index, placement] of output.placements.entries()) {
      expect(placement.lastPage).toBeGreaterThan(placement.firstPage);
      if (index > 0) expect(placement.firstPage).toBe(output.placements[index - 1].lastPage + 1);
      expect(placement.lastPhysical - placement.firstPhysical).toBe(
        placement.lastPage - placement.firstPage,
      );
    }
    expect(output.pages).toBe(output.placements.at(-1)!.lastPhysical);
  });

  it('prints the contents with the page each article really starts on', () => {
    // Cover, masthead, contents: the contents page is the one before the first article.
    const contents = textOf(issuePath, output.placements[0].firstPhysical - 1);
    expect(squeeze(contents)).toContain('المحتويات');
    for (const article of input.articles) {
      const title = article.publication.metadata[article.publication.locale]!.title;
      expect(squeeze(contents)).toContain(squeeze(title.slice(0, 20)));
    }
    // The numbers on the page, in order, are the articles' first pages.
    const firstPages = new Set(output.placements.map((placement) => String(placement.firstPage)));
    const printed = (contents.match(/\b\d+\b/g) ?? []).filter((number) => firstPages.has(number));
    expect(printed).toEqual(output.placements.map((placement) => String(placement.firstPage)));
  });

  it('heads each article with the ISSNs, the issue, its pages, the DOI and the licence', () => {
    for (const [index, article] of input.articles.entries()) {
      const placement = output.placements[index];
      const first = textOf(issuePath, placement.firstPhysical);
      expect(first).toContain('ISSN 2345-6789');
      expect(first).toContain('ISSN 0378-5955');
      expect(first).toContain(`https://doi.org/${article.publication.doi}`);
      expect(first).toContain('CC BY 4.0');
      expect(first).toContain(`${placement.firstPage}–${placement.lastPage}`);
      // The folio of the article's last page.
      expect(textOf(issuePath, placement.lastPhysical)).toMatch(
        new RegExp(`\\b${placement.lastPage}\\b`),
      );
    }
  });

  it('keeps Arabic in reading order and French accents whole', () => {
    const arabic = input.articles[0].publication;
    const abstract = arabic.metadata.ar!.abstract!;
    const page = textOf(issuePath, output.placements[0].firstPhysical);
    // The abstract's first words, in logical order, as a reader copying them would get them.
    expect(squeeze(page)).toContain(
      squeeze(`الملخص: ${abstract.split(' ').slice(0, 6).join(' ')}`),
    );
    const french = input.articles.findIndex((article) => article.publication.locale === 'fr');
    const frenchText = textOf(
      issuePath,
      output.placements[french].firstPhysical,
      output.placements[french].lastPhysical,
    );
    expect(frenchText).toMatch(/Mots-clés/);
    const frenchAbstract = input.articles[french].publication.metadata.fr!.abstract!;
    expect(frenchText).toContain(frenchAbstract.split(' ').slice(0, 8).join(' '));
    expect(frenchText).toMatch(/Résumé/);
  });

  it('numbers each article’s notes from 1, the note at the foot of the page its call is on', () => {
    for (const locale of ['en', 'fr'] as const) {
      const index = input.articles.findIndex((article) => article.publication.locale === locale);
      const notes = notesOf(input.articles[index].content.blocks);
      expect(notes.length).toBeGreaterThan(2);
      const placement = output.placements[index];
      const pages = Array.from(
        { length: placement.lastPhysical - placement.firstPhysical + 1 },
        (_, offset) => textOf(issuePath, placement.firstPhysical + offset),
      );
      for (const [position, note] of notes.entries()) {
        const opening = note.split(' ').slice(0, 4).join(' ');
        // The number, then the note's words: on one page, in the order of the calls.
        const page = pages.find((text) => text.includes(opening));
        expect(page).toMatch(new RegExp(`\\b${position + 1} ?${opening}`));
      }
    }
  });

  it('embeds every font', () => {
    const fonts = execFileSync('pdffonts', [issuePath], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('cuts article PDFs with their own pages and properties', async () => {
    const article = input.articles[1];
    const placement = output.placements[1];
    const cut = await cutArticles(
      output.pdf,
      output.placements,
      new Map([
        [
          article.publication.id,
          {
            title: 'Title',
            authors: ['A', 'B'],
            subject: 'S',
            keywords: ['k1', 'k2'],
            locale: article.publication.locale,
          },
        ],
      ]),
      new Date('2026-06-01T00:00:00Z'),
    );
    const pdf = await PDFDocument.load(cut.get(article.publication.id)!);
    expect(pdf.getPageCount()).toBe(placement.lastPhysical - placement.firstPhysical + 1);
    expect(pdf.getTitle()).toBe('Title');
    expect(pdf.getKeywords()).toBe('k1 k2');
    const path = join(dir, 'article.pdf');
    writeFileSync(path, cut.get(article.publication.id)!);
    expect(textOf(path, 1)).toContain(`https://doi.org/${article.publication.doi}`);
  });

  it('renders pages to images', () => {
    execFileSync('pdftoppm', [
      '-f',
      '1',
      '-l',
      '1',
      '-r',
      '40',
      '-png',
      issuePath,
      join(dir, 'page'),
    ]);
    const png = readFileSync(join(dir, 'page-01.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(2000);
  });
});

describe('Typst engine: an article proof with a figure and a table with merged cells', () => {
  it('lays them out, with the image embedded', async () => {
    // A 2×2 PNG, made here: red, green, blue, white.
    const crcTable = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const crc = (bytes: Buffer) => {
      let c = 0xffffffff;
      for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type), data]);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(data.length);
      const sum = Buffer.alloc(4);
      sum.writeUInt32BE(crc(body));
      return Buffer.concat([length, body, sum]);
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(2, 0);
    header.writeUInt32BE(2, 4);
    header[8] = 8;
    header[9] = 2;
    const raw = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const issue = syntheticIssue(9, 1);
    const article = issue.articles[0];
    article.content.assets = [
      { id: 'fig-1', mediaType: 'image/png', data: png, width: 2, height: 2 },
    ];
    article.content.blocks.splice(
      1,
      0,
      {
        type: 'figure',
        assetId: 'fig-1',
        alt: 'Four colours',
        caption: [{ type: 'text', text: 'خريطة المتطوعين' }],
      },
      {
        type: 'table',
        caption: [{ type: 'text', text: 'Spans' }],
        rows: [
          { header: true, cells: [{ children: [{ type: 'text', text: 'A' }], colspan: 2 }] },
          {
            header: false,
            cells: [
              { children: [{ type: 'text', text: 'B' }], rowspan: 2 },
              { children: [{ type: 'text', text: 'C' }] },
            ],
          },
          { header: false, cells: [{ children: [{ type: 'text', text: 'D' }] }] },
        ],
      },
    );
    const files = new Map([[assetPath(article.publication.id, article.content.assets[0]), png]]);
    const output = new TypstEngine().render(
      articleDocument(issue.journal, issue.issue, article),
      files,
    );
    const dir = mkdtempSync(join(tmpdir(), 'tahkim-figure-'));
    try {
      const path = join(dir, 'proof.pdf');
      writeFileSync(path, output.pdf);
      const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
      expect(images.split('\n').filter((line) => /^\s+\d+\s+\d+\s+image/.test(line))).toHaveLength(
        1,
      );
      const text = squeeze(textOf(path, 1, output.pages));
      // Numbered captions ("شكل 1: …"; poppler may put the colon on either side of the number).
      expect(text).toMatch(/شكل(1:|:1)خريطةالمتطوعين/);
      expect(text).toMatch(/جدول(1:|:1)?Spans(:1)?ABCD/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
