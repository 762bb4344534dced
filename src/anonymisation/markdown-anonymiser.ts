import { DocumentAnonymisationError } from './anonymisation.errors';
import type { CleaningContext } from './cleaning-context';
import { findNames, lineLocator } from './name-matcher';

/** Front-matter keys that identify the authors; matched case-insensitively, at any depth. */
const IDENTIFYING_KEYS = new Set([
  'author',
  'authors',
  'affiliation',
  'affiliations',
  'email',
  'orcid',
]);

// A "key:" line (the key bare or quoted), and a "- item" line.
const KEY_LINE = /^([ \t]*)(["']?)([A-Za-z_][\w-]*)\2[ \t]*:(?=[ \t]|\r?\n|$)/u;
const LIST_ITEM = /^[ \t]*-(?=[ \t]|\r?\n|$)/u;
const FENCE_OPEN = /^\ufeff?---[ \t]*\r?\n/u;
const FENCE_CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

const indentOf = (line: string) => /^[ \t]*/u.exec(line)![0].length;
const isBlank = (line: string) => line.trim() === '';

/**
 * Drops the identifying keys of a YAML front matter with everything that belongs to them: more
 * indented lines (nested maps, block scalars) and "- item" lines at the key's own indent (YAML
 * allows `authors:` followed by unindented items). Works line by line so that comments, quoting
 * and the order of the other keys stay exactly as written.
 */
function stripFrontMatter(lines: string[], ctx: CleaningContext): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const key = KEY_LINE.exec(lines[i]);
    if (!key || !IDENTIFYING_KEYS.has(key[3].toLowerCase())) {
      kept.push(lines[i]);
      continue;
    }
    ctx.removed('property', '', `front matter ${key[3]}`);
    const indent = key[1].length;
    const belongs = (line: string) =>
      indentOf(line) > indent || (indentOf(line) === indent && LIST_ITEM.test(line));
    let end = i + 1;
    for (let next = end; next < lines.length; next++) {
      if (isBlank(lines[next])) continue;
      if (!belongs(lines[next])) break;
      end = next + 1; // blank lines only go when a line of the value follows them
    }
    i = end - 1;
  }
  return kept;
}

/** The file as UTF-8 text without NUL: anything else is not a text file we can read. */
function decodeText(input: Uint8Array, ctx: CleaningContext, kind: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch (error) {
    throw new DocumentAnonymisationError(`${ctx.where}: the ${kind} file is not UTF-8 text`, {
      cause: error,
    });
  }
  if (text.includes('\u0000')) {
    throw new DocumentAnonymisationError(`${ctx.where}: the ${kind} file contains binary data`);
  }
  return text;
}

/**
 * Markdown: the identifying keys of a YAML front matter are removed; the rest (a title, say) and
 * the body are searched for the contributors' names, each mention given with its line.
 */
export function anonymiseMarkdown(input: Buffer, ctx: CleaningContext): Buffer {
  const text = decodeText(input, ctx, 'text');
  let output = text;
  const open = FENCE_OPEN.exec(text);
  if (open) {
    const lines = text.slice(open[0].length).split(/(?<=\n)/u);
    const close = lines.findIndex((line) => FENCE_CLOSE.test(line));
    // No closing fence: a thematic break, not front matter. Leave the text alone.
    if (close !== -1) {
      const front = stripFrontMatter(lines.slice(0, close), ctx);
      output = open[0] + front.join('') + lines.slice(close).join('');
    }
  }
  // What remains of the front matter is searched too: reviewers see it.
  ctx.warn(findNames(output, ctx.terms, 'body', lineLocator(output)));
  return output === text ? input : Buffer.from(output, 'utf8');
}

/**
 * Plain text and CSV: cleaned as Markdown, since a text file is one as soon as it opens with a
 * front matter (a data file exported with its YAML header names its authors there); without
 * one, nothing is metadata and the text is only searched for the names.
 */
export function anonymisePlainText(input: Buffer, ctx: CleaningContext): Buffer {
  return anonymiseMarkdown(input, ctx);
}
