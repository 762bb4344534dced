import { normaliseWithOrigin, wholeWordOnly } from './search-text';

/** What the normal form drops after a letter: marks, the tatweel, invisible characters. */
const TRAILING = /^[\p{M}\p{Cf}\u0640]$/u;

/** A span of the original text, [start, end) in UTF-16 units. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where the terms (normalised, see searchTerms) occur in the original text, as the search finds
 * them (short ones as whole words only), merged, in order.
 */
export function matchSpans(original: string, terms: readonly string[]): Span[] {
  const normalised = normaliseWithOrigin(original);
  const text = normalised.text;
  const found: Span[] = [];
  for (const term of terms) {
    if (!term) continue;
    const whole = wholeWordOnly(term);
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      const after = at + term.length;
      if (
        whole &&
        ((at > 0 && text[at - 1] !== ' ') || (after < text.length && text[after] !== ' '))
      )
        continue;
      // The marks after the last letter (a haraka, a shadda) belong to the match.
      let end = normalised.end[after - 1];
      while (end < original.length && TRAILING.test(original[end])) end++;
      found.push({ start: normalised.start[at], end });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of found) {
    const previous = merged[merged.length - 1];
    if (previous && span.start <= previous.end) previous.end = Math.max(previous.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to place in HTML, as content or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/**
 * The part [from, to) of the text as HTML: escaped, each span in `<mark>`. The marks are the
 * only markup: whatever the text holds (an author's `<script>`) arrives escaped.
 */
export function markedHtml(
  text: string,
  spans: readonly Span[],
  from = 0,
  to = text.length,
): string {
  let html = '';
  let at = from;
  for (const span of spans) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (end <= start) continue;
    html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The whole text as escaped HTML with the terms marked (titles, names, keywords). */
export function highlight(text: string, terms: readonly string[]): string {
  return markedHtml(text, matchSpans(text, terms));
}

const ELLIPSIS = '…';

/**
 * A fragment of a long text around its first match, at most about `length` characters, cut at
 * spaces, with an ellipsis where it was cut: escaped HTML with the terms marked. Null when no
 * term occurs in the text.
 */
export function snippet(text: string, terms: readonly string[], length = 240): string | null {
  return fragmentHtml(text, matchSpans(text, terms), length);
}

/** The snippet of a text whose matches are known (see snippet). */
export function fragmentHtml(text: string, spans: readonly Span[], length = 240): string | null {
  if (spans.length === 0) return null;
  if (text.length <= length) return markedHtml(text, spans);
  const first = spans[0];
  // The match a third of the way in: some context before it, more after.
  let from = Math.max(0, first.start - Math.floor(length / 3));
  let to = Math.min(text.length, from + length);
  from = Math.max(0, Math.min(from, to - length));
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < first.start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > Math.max(from, first.end)) to = space;
  }
  // Never cut inside a surrogate pair.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  return (
    (from > 0 ? ELLIPSIS : '') +
    markedHtml(text, spans, from, to).trim() +
    (to < text.length ? ELLIPSIS : '')
  );
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
