/**
 * Small, string-level XML edits for the parts of office packages. A full DOM round trip would
 * reformat every part (namespaces, whitespace, entity choices) and risk what Word or LibreOffice
 * accept; these helpers change only the attribute values and elements they are asked to, and
 * leave every other byte as it was.
 *
 * Attribute values are matched as whole quoted strings, so a value holding `>`, `&amp;`, a
 * quote of the other kind or Arabic text is consumed correctly; comments, CDATA sections and
 * processing instructions are skipped by the tokenizer, never mistaken for tags.
 */

// One token at a time: comment | CDATA (1) | PI | doctype | tag: "/"? (2), name (3), attributes (4).
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!(?:[^>"'[]|"[^"]*"|'[^']*'|\[[\s\S]*?\])*>|<(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /(\s+)([^\s=/>]+)(\s*=\s*)("[^"]*"|'[^']*')/g;
// Inside a tag, outside quoted values, "/" only appears as the "/>" that closes an empty element.
const ATTRIBUTES_SOURCE = `(?:[^>"'/]|"[^"]*"|'[^']*')*`;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (entity, body: string) => {
    if (body[0] !== '#') return ENTITIES[body] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : +body.slice(1);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

export function localName(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Rewrites attribute values in start tags. `replacement(qname, value)` gets the decoded value
 * and returns the new (unescaped) value, or undefined to keep it. Returns the new XML and how
 * many values actually changed.
 */
export function rewriteAttributes(
  xml: string,
  replacement: (qname: string, value: string, element: string) => string | undefined,
): { xml: string; changed: number } {
  let changed = 0;
  const out = xml.replace(
    TOKEN,
    (token, _cdata, slash: string | undefined, name: string | undefined, attrs: string) => {
      if (name === undefined || slash) return token;
      const newAttrs = attrs.replace(
        ATTRIBUTE,
        (attr, space: string, qname: string, equals: string, quoted: string) => {
          const value = decodeXml(quoted.slice(1, -1));
          const next = replacement(qname, value, name);
          if (next === undefined || next === value) return attr;
          changed++;
          return `${space}${qname}${equals}"${escapeXmlAttribute(next)}"`;
        },
      );
      return `<${name}${newAttrs}>`;
    },
  );
  return { xml: out, changed };
}

export function escapeXmlAttribute(value: string): string {
  return value
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
}

export interface ElementMatch {
  qname: string;
  /** The raw attribute text, leading whitespace included ('' when none). */
  attributes: string;
  /** The raw content between the tags; undefined for an empty element (`<x/>`). */
  content: string | undefined;
}

/**
 * Replaces elements with one of `localNames` (any prefix) by what `replace` returns; undefined
 * keeps the element. Only for elements that never nest inside themselves (metadata fields, the
 * people of a comments list), which is everything this module edits.
 */
export function mapElements(
  xml: string,
  localNames: readonly string[],
  replace: (element: ElementMatch) => string | undefined,
): string {
  const names = localNames.map(escapeRegExp).join('|');
  const element = new RegExp(
    `<((?:[\\w.-]+:)?(?:${names}))(\\s${ATTRIBUTES_SOURCE})?(?:/>|>([\\s\\S]*?)</\\1\\s*>)`,
    'gu',
  );
  return xml.replace(
    element,
    (whole, qname: string, attributes: string | undefined, content: string | undefined) =>
      replace({ qname, attributes: attributes ?? '', content }) ?? whole,
  );
}

/** The text of an element's content: tags dropped, entities decoded, CDATA kept. */
export function elementText(content: string | undefined): string {
  return content === undefined ? '' : xmlText(content);
}

// Elements that end a line or stand for a space in WordprocessingML and ODF text.
const LINE_BREAKS = new Set(['p', 'h', 'br', 'cr', 'line-break', 'tr', 'list-item']);
const SPACES = new Set(['tab', 's', 'tc', 'table-cell']);

/** The character data of an XML fragment, with paragraph and tab elements as line breaks. */
export function xmlText(xml: string): string {
  let text = '';
  let last = 0;
  for (const token of xml.matchAll(TOKEN)) {
    text += decodeXml(xml.slice(last, token.index));
    last = token.index + token[0].length;
    const [, cdata, slash, name] = token;
    if (cdata !== undefined) text += cdata;
    else if (name !== undefined) {
      const local = localName(name);
      if (LINE_BREAKS.has(local) && (slash || token[0].endsWith('/>'))) text += '\n';
      else if (SPACES.has(local) && !slash) text += ' ';
    }
  }
  return text + decodeXml(xml.slice(last));
}

/** Every attribute value that holds a letter (namespace declarations left out), one per line. */
export function xmlAttributeValues(xml: string): string {
  const values: string[] = [];
  for (const token of xml.matchAll(TOKEN)) {
    const attrs = token[4];
    if (attrs === undefined || token[2]) continue;
    for (const [, , qname, , quoted] of attrs.matchAll(ATTRIBUTE)) {
      if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      const value = decodeXml(quoted.slice(1, -1));
      if (/\p{L}/u.test(value)) values.push(value);
    }
  }
  return values.join('\n');
}

export interface DocumentTextOptions {
  /** Elements whose end ends a paragraph ('p', 'h'). */
  paragraphs: ReadonlySet<string>;
  /** What ends a paragraph in the text: a blank line for Word (as mammoth reads it), else '\n'. */
  separator: string;
  /** Elements whose character data is not the text a reader sees (deleted text, field codes). */
  skip: ReadonlySet<string>;
  /** Whether a start or empty tag begins a new page (a rendered page break, a slide). */
  pageBreak: (localName: string, tag: string) => boolean;
}

/** A document's running text, with where its pages and paragraphs start. */
export interface DocumentText {
  text: string;
  /** Offsets in `text` where page 2, 3, … begin; empty when the file records no pages. */
  pageStarts: number[];
  /** Offsets where paragraph 1, 2, … begin. */
  paragraphStarts: number[];
}

/**
 * The body text of a WordprocessingML or ODF part in reading order, remembering page and paragraph boundaries so a mention can be placed ("page 3").
 */
export function documentText(xml: string, options: DocumentTextOptions): DocumentText {
  const pieces: string[] = [];
  let length = 0;
  const push = (piece: string) => {
    if (!piece) return;
    pieces.push(piece);
    length += piece.length;
  };
  const pageStarts: number[] = [];
  const paragraphStarts = [0];
  let skipping = 0;
  let last = 0;
  for (const token of xml.matchAll(TOKEN)) {
    if (!skipping) push(decodeXml(xml.slice(last, token.index)));
    last = token.index + token[0].length;
    const [whole, cdata, slash, name] = token;
    if (cdata !== undefined) {
      if (!skipping) push(cdata);
      continue;
    }
    if (name === undefined) continue;
    const local = localName(name);
    const empty = whole.endsWith('/>');
    if (options.skip.has(local)) {
      if (slash) skipping = Math.max(0, skipping - 1);
      else if (!empty) skipping++;
      continue;
    }
    if (!slash && options.pageBreak(local, whole)) pageStarts.push(length);
    if (options.paragraphs.has(local) && (slash || empty)) {
      push(options.separator);
      paragraphStarts.push(length);
    } else if (LINE_BREAKS.has(local) && (slash || empty)) push('\n');
    else if (SPACES.has(local) && !slash) push(' ');
  }
  if (!skipping) push(decodeXml(xml.slice(last)));
  return { text: pieces.join(''), pageStarts, paragraphStarts };
}
