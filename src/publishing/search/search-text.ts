import { endianness } from 'node:os';

/**
 * How the public search reads text: the one normalisation applied alike to what is indexed
 * and to what a reader types, so that a match never depends on how a word happened to be
 * written.
 *
 * - Arabic: alef with hamza or madda and alef wasla (أ إ آ ٱ) are ا; hamza on waw and ya (ؤ ئ)
 *   are و and ي; ta marbuta (ة) is ه; alef maqsura (ى) and the Farsi yeh (ی) are ي, the keheh
 *   (ک) is ك; tashkeel (harakat, tanwin, shadda, sukun, the dagger alef, Quranic marks) and the
 *   tatweel are dropped; Arabic-Indic and Eastern Arabic-Indic digits are Latin digits.
 * - Latin: compatibility decomposition (NFKD) with the accents dropped, ligatures spelt out
 *   (œ → oe, æ → ae, ß → ss), lower case.
 * - Anything that is neither a letter nor a digit separates words: one space, none at the ends.
 *   Invisible characters (zero-width joiners, bidi controls, soft hyphens) are dropped.
 */

// Letters NFKD leaves alone that readers write interchangeably. (أ إ آ ؤ ئ decompose into
// their base letter and a combining hamza or madda, which the mark stripping removes.)
const LETTER_FOLDS: Record<string, string> = {
  ٱ: 'ا', // alef wasla
  ٲ: 'ا', // alef with wavy hamza above
  ٳ: 'ا', // alef with wavy hamza below
  ٴ: '', // high hamza, left over when ٵ ٶ ٸ decompose (as the hamza of أ ؤ ئ is a mark)
  ة: 'ه', // ta marbuta
  ۃ: 'ه', // ta marbuta goal
  ى: 'ي', // alef maqsura
  ی: 'ي', // Farsi yeh, which some keyboards and OCR produce for ي
  ې: 'ي',
  ک: 'ك', // keheh, likewise for ك
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};

const TATWEEL = '\u0640';
const MARK = /\p{M}/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const ARABIC_INDIC_ZERO = 0x0660;
const EASTERN_ARABIC_INDIC_ZERO = 0x06f0;
// Format characters (ZWJ, ZWNJ, bidi controls, soft hyphen, BOM): invisible, never a separator.
const INVISIBLE = /^\p{Cf}$/u;

/** The normal form of one code point: '' (dropped), ' ' (a separator) or letters and digits. */
function normaliseCodePoint(ch: string): string {
  if (ch === TATWEEL || INVISIBLE.test(ch)) return '';
  const code = ch.codePointAt(0)!;
  if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9)
    return String(code - ARABIC_INDIC_ZERO);
  if (code >= EASTERN_ARABIC_INDIC_ZERO && code <= EASTERN_ARABIC_INDIC_ZERO + 9)
    return String(code - EASTERN_ARABIC_INDIC_ZERO);
  let out = '';
  // Full-width and mathematical digits and letters, ligatures (ﬁ, ﻻ) and presentation forms
  // decompose to plain ones; accents, hamza above or below and madda are marks, dropped.
  // Lower case before (İ → i̇, whose dot is a mark) and after (full-width Ａ → A).
  for (const part of ch.toLowerCase().normalize('NFKD').replace(MARK, '').toLowerCase()) {
    const folded = LETTER_FOLDS[part] ?? part;
    for (const unit of folded) out += LETTER_OR_DIGIT.test(unit) ? unit : ' ';
  }
  // A mark on its own (a haraka typed alone) decomposes to nothing: dropped, not a separator.
  return out;
}

// A text uses a few hundred distinct characters: normalise each once. A character of the BMP
// (nearly all) is looked up by its code unit: most become one unit (or none, or a space), kept
// as a number; the few that become several (ligatures), as a string. The rest (surrogate
// pairs) by their string.
const UNKNOWN = -1;
const DROPPED = -2;
const SEVERAL = -3;
const bmpUnits = new Int32Array(0x10000).fill(UNKNOWN);
const bmpForms = new Map<number, string>();
function learnBmp(code: number): number {
  const form = normaliseCodePoint(String.fromCharCode(code));
  const unit = form.length === 0 ? DROPPED : form.length === 1 ? form.charCodeAt(0) : SEVERAL;
  if (unit === SEVERAL) bmpForms.set(code, form);
  bmpUnits[code] = unit;
  return unit;
}
const astralForms = new Map<string, string>();
function astralForm(ch: string): string {
  let normalised = astralForms.get(ch);
  if (normalised === undefined) {
    normalised = normaliseCodePoint(ch);
    if (astralForms.size < 20_000) astralForms.set(ch, normalised);
  }
  return normalised;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const SPACE = 0x20;

/** A normalised text and, for each of its UTF-16 units, where it came from in the original. */
export interface NormalisedText {
  text: string;
  /** `start[i]`: index in the original of the code point that gave unit i. */
  start: Int32Array;
  /** `end[i]`: index in the original just after that code point. */
  end: Int32Array;
}

// Typed arrays are in the machine's byte order; UTF-16LE text is read from them as it is.
const LITTLE_ENDIAN = endianness() === 'LE';

/** The string of these UTF-16 units (lone surrogates kept). */
function stringOf(units: Uint16Array): string {
  if (LITTLE_ENDIAN)
    return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
  let text = '';
  for (let from = 0; from < units.length; from += 4096)
    text += String.fromCharCode(...units.subarray(from, from + 4096));
  return text;
}

/**
 * The text normalised, remembering where each unit came from, so a match found in the
 * normalised form can be shown on the original (see highlight.ts). Every result's texts go
 * through it: one pass over the code units into typed arrays, each character's form looked up.
 */
export function normaliseWithOrigin(original: string): NormalisedText {
  const length = original.length;
  let units = new Uint16Array(length + 16);
  let start = new Int32Array(length + 16);
  let end = new Int32Array(length + 16);
  let size = 0;
  let afterSpace = true; // no leading space
  for (let index = 0; index < length;) {
    const from = index;
    const code = original.charCodeAt(index);
    let piece: string;
    if (
      isHighSurrogate(code) &&
      index + 1 < length &&
      isLowSurrogate(original.charCodeAt(index + 1))
    ) {
      index += 2;
      piece = astralForm(original.slice(from, index));
    } else {
      // A lone surrogate too, as a character of its own.
      index += 1;
      let unit = bmpUnits[code];
      if (unit === UNKNOWN) unit = learnBmp(code);
      if (unit === DROPPED) continue;
      if (unit !== SEVERAL) {
        if (unit === SPACE) {
          if (afterSpace) continue;
          afterSpace = true;
        } else afterSpace = false;
        // The room is there: one unit for each unit in, and more made for every longer form.
        units[size] = unit;
        start[size] = from;
        end[size] = index;
        size++;
        continue;
      }
      piece = bmpForms.get(code)!;
    }
    // Decompositions can be longer than what they decompose (ﷺ is 18 letters): room for this
    // one and one unit for each still to come.
    const needed = size + piece.length + (length - index);
    if (needed > units.length) {
      const grown = Math.max(needed, 2 * units.length);
      units = copied(units, new Uint16Array(grown));
      start = copied(start, new Int32Array(grown));
      end = copied(end, new Int32Array(grown));
    }
    // By UTF-16 unit: a space is one, and the halves of a surrogate pair go through as they are.
    for (let i = 0; i < piece.length; i++) {
      const unit = piece.charCodeAt(i);
      if (unit === SPACE) {
        if (afterSpace) continue;
        afterSpace = true;
      } else afterSpace = false;
      units[size] = unit;
      start[size] = from;
      end[size] = index;
      size++;
    }
  }
  // A trailing separator.
  if (afterSpace && size > 0) size--;
  return {
    text: stringOf(units.subarray(0, size)),
    start: start.subarray(0, size),
    end: end.subarray(0, size),
  };
}

function copied<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The normal form of a text, for the index and for a query alike. */
export function normaliseForSearch(text: string): string {
  return normaliseWithOrigin(text).text;
}

/** Words shorter than this match nearly everything: they are not searched for. */
export const MIN_TERM_LENGTH = 2;
/**
 * A word typed at least this long is found inside longer words (Arabic joins و، ب، ل and ال to
 * the word that follows: «التطوع» is found in «والتطوع»); a shorter one («في», "EU") only as a
 * whole word, or it would match nearly every article.
 */
export const SUBSTRING_MIN_LENGTH = 3;
/** More words than this add nothing but cost: the rest are ignored. */
export const MAX_TERMS = 8;

/** Whether a search word is found only as a whole word (see SUBSTRING_MIN_LENGTH). */
export function wholeWordOnly(term: string): boolean {
  return [...term].length < SUBSTRING_MIN_LENGTH;
}

/**
 * What a reader typed, as the words to look for: normalised, each once, the very short ones
 * left out, at most MAX_TERMS, longest first (the longer, the fewer articles it matches).
 * Empty when nothing searchable was typed.
 */
export function searchTerms(typed: string): string[] {
  const words = [...new Set(normaliseForSearch(typed).split(' ').filter(Boolean))];
  const long = words.filter((word) => [...word].length >= MIN_TERM_LENGTH);
  return long.sort((a, b) => b.length - a.length).slice(0, MAX_TERMS);
}
