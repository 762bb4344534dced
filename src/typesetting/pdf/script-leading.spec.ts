import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticIssue } from '../../../bench/fixtures/synthetic-issue';
import type { TypesetIssueInput } from '../typesetting-input';
import { issueDocument } from './typst-document';
import { TypstEngine } from './typst-engine';

/**
 * Where an Arabic line and a Latin line meet, neither may reach into the other (issue #18: on
 * the cover, the Arabic identification line's descenders touched the capitals of the English
 * line under it).
 *
 * Poppler draws a word's box from its font's ascender to its descender, as the font declares
 * them (and Typst writes them into the PDF). These are the fonts' full extents, which every
 * glyph keeps within:
 *
 * - Amiri: 1.124 em above the baseline (marks stacked over the tallest letters), 0.634 em below
 *   it (the tails of ي ج ع and the dots and marks under them);
 * - Noto Serif: 1.069 em above (accented capitals), 0.293 em below (p, g, y).
 *
 * So the minimum is that the boxes do not overlap: the baselines of an Arabic line and the Latin
 * line under it at least Amiri's descender plus Noto Serif's ascender apart (22.1 pt at the
 * cover's 13 pt), of a Latin line and the Arabic one under it Noto Serif's descender plus
 * Amiri's ascender. The old template set the cover's Arabic identification 8.7 pt into the
 * English one. Lines of one script may overlap their extents (Arabic running text does, and
 * Amiri's are generous): those pairs are not checked.
 */
const AMIRI = { ascender: 1.124, descender: 0.634 };
const NOTO_SERIF = { ascender: 1.069, descender: 0.293 };
/**
 * Amiri's cursive joining sets some letters a little off the baseline (the م of مجلة, 0.019 em
 * lower), and poppler moves the word's box with the letter: an overlap up to 0.03 em of the
 * Arabic line's size is such a letter's box, not the line's extent.
 */
const JOINING_SHIFT_EM = 0.03;

interface Line {
  left: number;
  right: number;
  top: number;
  bottom: number;
  text: string;
  arabic: boolean;
  latin: boolean;
}

/** The lines of each page as poppler finds them (a line's box holds its words' boxes). */
function pagesOf(pdf: string): Line[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
        ),
      ].map(([, xMin, yMin, xMax, yMax, body]) => {
        const text = [...body.matchAll(/>([^<]*)<\/word>/g)].map(([, word]) => word).join(' ');
        return {
          left: Number(xMin),
          top: Number(yMin),
          right: Number(xMax),
          bottom: Number(yMax),
          text,
          arabic: /[\u0600-\u06ff]/.test(text),
          latin: /[A-Za-z\u00c0-\u024f]/.test(text),
        };
      }),
    );
}

/** The size of a line holding Arabic, from its box: Amiri's extents at that size. */
const arabicSize = (line: Line) => (line.bottom - line.top) / (AMIRI.ascender + AMIRI.descender);

/** The nearest line above `line` that shares some of its width: the one it is read under. */
function lineAbove(lines: Line[], line: Line): Line | undefined {
  return lines
    .filter(
      (other) =>
        other !== line &&
        other.top + other.bottom < line.top + line.bottom &&
        other.left < line.right &&
        line.left < other.right,
    )
    .reduce<Line | undefined>(
      (nearest, other) => (!nearest || other.bottom > nearest.bottom ? other : nearest),
      undefined,
    );
}

/** Every line under another where the two hold both scripts, with the gap between them. */
function meetings(lines: Line[]) {
  return lines.flatMap((below) => {
    const above = lineAbove(lines, below);
    if (!above) return [];
    if (!(above.arabic || below.arabic) || !(above.latin || below.latin)) return [];
    const size = Math.max(...[above, below].filter((line) => line.arabic).map(arabicSize));
    return [{ above, below, gap: below.top - above.bottom, tolerance: JOINING_SHIFT_EM * size }];
  });
}

const find = (lines: Line[], text: string) => {
  const line = lines.find((candidate) => candidate.text === text);
  if (!line) throw new Error(`no line "${text}" in ${lines.map((l) => l.text).join(' | ')}`);
  return line;
};

describe('Typst template: lines where Arabic and Latin meet', () => {
  let dir: string;
  let engine: TypstEngine;
  const render = (name: string, input: TypesetIssueInput) => {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, engine.render(issueDocument(input), new Map()).pdf);
    return pagesOf(path);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tahkim-scripts-'));
    engine = new TypstEngine();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the Arabic identification clear of the English one under it on the cover', () => {
    // The demo journal's cover: Arabic first, then English and French.
    const [cover] = render('arabic-cover', syntheticIssue(7, 1));
    const english = find(cover, 'Vol. 1, No. 7 (2026)');
    const arabic = lineAbove(cover, english)!;
    expect(arabic.arabic).toBe(true);
    expect(arabic.text).toContain('2026');
    // Both are set at one size: the boxes are the fonts' extents if their heights say so.
    const size = arabicSize(arabic);
    const englishSize =
      (english.bottom - english.top) / (NOTO_SERIF.ascender + NOTO_SERIF.descender);
    expect(size).toBeCloseTo(englishSize, 1);
    // Baseline to baseline, at least the Arabic descender and the Latin ascender.
    const arabicBaseline = arabic.bottom - AMIRI.descender * size;
    const englishBaseline = english.top + NOTO_SERIF.ascender * englishSize;
    expect(englishBaseline - arabicBaseline).toBeGreaterThanOrEqual(
      AMIRI.descender * size + NOTO_SERIF.ascender * englishSize - JOINING_SHIFT_EM * size,
    );
  });

  it('keeps an Arabic line clear of the Latin lines above and under it on the cover', () => {
    // A journal in English first: its cover has the Arabic lines between Latin ones.
    const input = syntheticIssue(7, 1);
    input.journal.primaryLocale = 'en';
    input.journal.additionalLocales = ['ar', 'fr'];
    const [cover] = render('english-cover', input);
    const english = find(cover, 'Vol. 1, No. 7 (2026)');
    const french = find(cover, 'Vol. 1, n° 7 (2026)');
    const arabic = lineAbove(cover, french)!;
    expect(arabic.arabic).toBe(true);
    expect(lineAbove(cover, arabic)).toBe(english);
    const tolerance = JOINING_SHIFT_EM * arabicSize(arabic);
    expect(arabic.top - english.bottom).toBeGreaterThanOrEqual(-tolerance);
    expect(french.top - arabic.bottom).toBeGreaterThanOrEqual(-tolerance);
    // And the journal's names above them, and the publisher's lines at the foot.
    const met = meetings(cover);
    expect(met.length).toBeGreaterThanOrEqual(5);
    for (const { gap, tolerance: allowed } of met) expect(gap).toBeGreaterThanOrEqual(-allowed);
  });

  it('keeps them apart wherever they meet in an issue: cover, masthead, contents, articles', () => {
    const pages = render('issue', syntheticIssue(7, 4));
    const overlaps = pages.flatMap((lines, index) =>
      meetings(lines)
        .filter(({ gap, tolerance }) => gap < -tolerance)
        .map(
          ({ above, below, gap }) =>
            `page ${index + 1}: ${gap.toFixed(2)} pt between "${above.text.slice(0, 30)}" and "${below.text.slice(0, 30)}"`,
        ),
    );
    // Where they meet: the journal's band, affiliations over addresses, citations ending in a
    // DOI, Arabic articles' English references, heads in two scripts…
    expect(pages.flatMap(meetings).length).toBeGreaterThan(20);
    expect(overlaps).toEqual([]);
  });
});
