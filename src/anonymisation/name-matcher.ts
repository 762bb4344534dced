/** Where a contributor's name is still mentioned in the anonymised copy. */
export interface NameWarning {
  /** The name searched for, as the caller spelled it: the full name, or the family name alone. */
  name: string;
  /** About 60 characters of the text around the match, whitespace collapsed. */
  excerpt: string;
  /** 'body' for the main text, otherwise the package part (e.g. 'word/header1.xml'). */
  location: string;
  /** The page (PDF; Word's or LibreOffice's last layout; a slide) the mention is on. */
  page?: number;
  /** The paragraph, counted from 1, when the file knows no pages. */
  paragraph?: number;
  /** The line of a Markdown or plain-text file. */
  line?: number;
}

/** Where in a text an offset is: the page, paragraph or line to tell the reader. */
export type Locator = (offset: number) => Pick<NameWarning, 'page' | 'paragraph' | 'line'>;

/** The index of the last of the sorted `starts` at or before `offset`, +1 (0 when none). */
export function countAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (starts[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Lines of a text file, counted from 1. */
export function lineLocator(text: string): Locator {
  const starts: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at);
  return (offset) => ({ line: countAtOrBefore(starts, offset - 1) + 1 });
}

/** One thing to look for: how the caller wrote it, and its folded form. */
export interface NameTerm {
  display: string;
  folded: string;
}

/** Characters of context kept on each side of a match: ~60 in all for a typical name. */
const CONTEXT = 25;
/** A manuscript that cites its author a hundred times needs one list, not a hundred warnings. */
const MAX_WARNINGS_PER_LOCATION = 50;
/** A family name this short ("Ali", "Sy") matches too many ordinary words to be worth a warning. */
const MIN_FAMILY_NAME_LENGTH = 4;

// Invisible in print, so ignored on both sides: tatweel, zero-width and bidi controls, soft hyphen.
const IGNORED = /[\u0640\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;
const COMBINING_MARK = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
// Arabic writes "and", "with", "for", "like" joined to the next word: «وبنعلي» still names Benali.
const ARABIC_PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
const ARABIC_LETTER = /[\u0600-\u06ff]/u;
const ARABIC_FOLDS: Record<string, string> = {
  ى: 'ي', // alef maqsura
  ی: 'ي', // Farsi yeh, which some keyboards and OCR produce for ي
  ة: 'ه', // taa marbuta
  ٱ: 'ا', // alef wasla
  ک: 'ك', // keheh
};

/**
 * Folds one code point for matching. NFKD splits أ إ آ into ا plus a combining hamza/madda and
 * é into e plus an accent; dropping every combining mark then removes those, the harakat
 * (U+064B–U+0652) and the dagger alef alike. (It also folds ؤ to و and ئ to ي, and presentation
 * forms to plain letters: more matches, never fewer, which is the right error for a warning.)
 * Latin is lower-cased; Arabic has no case.
 */
function foldCodePoint(ch: string): string {
  if (/\s/u.test(ch)) return ' ';
  if (IGNORED.test(ch)) return '';
  let folded = '';
  for (const part of ch.normalize('NFKD').replace(COMBINING_MARK, '')) {
    folded += ARABIC_FOLDS[part] ?? part.toLowerCase();
  }
  return folded;
}

// A manuscript uses a few hundred distinct characters: fold each once.
const foldCache = new Map<string, string>();
function foldCached(ch: string): string {
  let folded = foldCache.get(ch);
  if (folded === undefined) {
    folded = foldCodePoint(ch);
    if (foldCache.size < 10_000) foldCache.set(ch, folded);
  }
  return folded;
}

interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, where the code point it came from starts in the text. */
  origin: number[];
}

/** Folds a text, collapsing runs of whitespace, and remembers where each folded unit came from. */
function foldWithOrigin(text: string): FoldedText {
  // Pieces joined once at the end: reading back a string built by += (endsWith on every step)
  // flattens it each time, which made a 1 MB manuscript take minutes.
  const pieces: string[] = [];
  const origin: number[] = [];
  let index = 0;
  let afterSpace = true; // no leading space
  for (const ch of text) {
    const start = index;
    index += ch.length;
    const piece = foldCached(ch);
    if (piece === '') continue;
    if (piece === ' ') {
      if (afterSpace) continue;
      afterSpace = true;
    } else afterSpace = false;
    pieces.push(piece);
    for (let i = 0; i < piece.length; i++) origin.push(start);
  }
  return { folded: pieces.join(''), origin };
}

export function foldForMatching(text: string): string {
  return foldWithOrigin(text).folded.trim();
}

/**
 * The terms to search for: each full name, plus its last word (the family name) when that is
 * long enough to be distinctive. Duplicates (same folded form) are searched once.
 */
export function compileNames(contributorNames: readonly string[]): NameTerm[] {
  const terms = new Map<string, NameTerm>();
  const add = (display: string) => {
    const folded = foldForMatching(display);
    if (folded && !terms.has(folded)) terms.set(folded, { display, folded });
  };
  for (const raw of contributorNames) {
    const name = raw.trim().replace(/\s+/gu, ' ');
    if (!name) continue;
    add(name);
    const words = name.split(' ');
    const family = words[words.length - 1];
    if (words.length > 1 && [...foldForMatching(family)].length >= MIN_FAMILY_NAME_LENGTH) {
      add(family);
    }
  }
  // Longest first, so "Leila Benali" claims its span before "Benali" alone could.
  return [...terms.values()].sort((a, b) => b.folded.length - a.folded.length);
}

/** The start of a match is a word start, allowing up to two Arabic proclitics before it. */
function startsWord(folded: string, start: number, term: string): boolean {
  let at = start;
  if (ARABIC_LETTER.test(term[0])) {
    for (let skipped = 0; skipped < 2 && at > 0 && ARABIC_PROCLITICS.has(folded[at - 1]);) {
      at--;
      skipped++;
    }
  }
  return at === 0 || !WORD_CHAR.test(folded[at - 1]);
}

function endsWord(folded: string, end: number): boolean {
  return end >= folded.length || !WORD_CHAR.test(folded[end]);
}

interface Match {
  term: NameTerm;
  start: number;
  end: number;
}

function findMatches(folded: string, terms: readonly NameTerm[]): Match[] {
  const matches: Match[] = [];
  for (const term of terms) {
    // Past the cap nobody reads on, and the overlap check below would grow quadratic.
    let found = 0;
    let at = folded.indexOf(term.folded);
    while (at !== -1 && found < MAX_WARNINGS_PER_LOCATION) {
      const end = at + term.folded.length;
      const start = at;
      if (
        startsWord(folded, start, term.folded) &&
        endsWord(folded, end) &&
        !matches.some((m) => start < m.end && end > m.start)
      ) {
        matches.push({ term, start, end });
        found++;
      }
      at = folded.indexOf(term.folded, at + 1);
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** True when the text mentions any of the names (used to decide whether to blank a field). */
export function mentionsAnyName(text: string, terms: readonly NameTerm[]): boolean {
  return terms.length > 0 && findMatches(foldWithOrigin(text).folded, terms).length > 0;
}

/** Never cut a surrogate pair in half: the excerpt ends up in JSON and in e-mails. */
function safeSlice(text: string, start: number, end: number): string {
  let from = Math.max(0, start);
  let to = Math.min(text.length, end);
  if (from > 0 && /[\udc00-\udfff]/u.test(text[from])) from--;
  if (to < text.length && /[\udc00-\udfff]/u.test(text[to])) to++;
  return text.slice(from, to);
}

function excerptAround(text: string, start: number, end: number): string {
  const before = safeSlice(text, start - CONTEXT, start);
  const after = safeSlice(text, end, end + CONTEXT);
  const excerpt = (before + text.slice(start, end) + after).replace(/\s+/gu, ' ').trim();
  const head = start - CONTEXT > 0 ? '…' : '';
  const tail = end + CONTEXT < text.length ? '…' : '';
  return head + excerpt + tail;
}

/** Every mention of the names in `text`, each with an excerpt of the original text around it. */
export function findNames(
  text: string,
  terms: readonly NameTerm[],
  location: string,
  locate?: Locator,
): NameWarning[] {
  if (terms.length === 0 || !text) return [];
  const { folded, origin } = foldWithOrigin(text);
  return findMatches(folded, terms)
    .slice(0, MAX_WARNINGS_PER_LOCATION)
    .map(({ term, start, end }) => {
      const last = origin[end - 1];
      const lastEnd = last + String.fromCodePoint(text.codePointAt(last)!).length;
      const excerpt = excerptAround(text, origin[start], lastEnd);
      return { name: term.display, excerpt, location, ...locate?.(origin[start]) };
    });
}
