/**
 * A very small XML writer for the metadata exports (Crossref and the like): text and attribute
 * escaping, removal of characters XML 1.0 cannot carry, and an element tree serialised with
 * indentation. Elements hold either text or child elements, never both, so indenting never
 * changes what the document says.
 */

// Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF] (XML 1.0 §2.2).
// With the `u` flag a lone surrogate is one code point outside every range, so it goes too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text without the characters XML 1.0 forbids (control characters, U+FFFE/U+FFFF, lone surrogates). */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

/** Character data: `&`, `<` and `>` escaped (`>` for `]]>`), invalid characters removed. */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * An attribute value for double quotes; both quotes are escaped anyway, and tabs and line
 * breaks are written as references so that attribute-value normalisation keeps them.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;');
}

/**
 * Text made fit for a one-line metadata field: invalid characters removed, Unicode NFC, and
 * every run of white space (line breaks included) turned into one space, trimmed.
 */
export function cleanText(text: string | null | undefined): string {
  if (!text) return '';
  return stripInvalidXmlChars(text).normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export type XmlAttributes = Record<string, string | number | boolean | null | undefined>;

export interface XmlElement {
  name: string;
  attributes: XmlAttributes;
  /** A text (escaped on output) or child elements. */
  content: string | XmlElement[];
}

/** A child element, or a falsy value for one left out: how optional parts are written inline. */
export type XmlChild = XmlElement | null | undefined | false | '';

/** An element with child elements; null, undefined and false children are dropped. */
export function element(
  name: string,
  attributes: XmlAttributes = {},
  children: XmlChild[] = [],
): XmlElement {
  return {
    name,
    attributes,
    content: children.filter((child): child is XmlElement => Boolean(child)),
  };
}

/** An element holding text only. */
export function textElement(
  name: string,
  text: string | number,
  attributes: XmlAttributes = {},
): XmlElement {
  return { name, attributes, content: String(text) };
}

function serializeAttributes(attributes: XmlAttributes): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

function serializeElement(node: XmlElement, depth: number, indent: string): string {
  const pad = indent.repeat(depth);
  const open = `${node.name}${serializeAttributes(node.attributes)}`;
  if (typeof node.content === 'string') {
    const text = escapeXmlText(node.content);
    return text === '' ? `${pad}<${open}/>` : `${pad}<${open}>${text}</${node.name}>`;
  }
  if (node.content.length === 0) return `${pad}<${open}/>`;
  const children = node.content.map((child) => serializeElement(child, depth + 1, indent));
  return [`${pad}<${open}>`, ...children, `${pad}</${node.name}>`].join('\n');
}

/** A whole UTF-8 document: the XML declaration, then the root element, indented. */
export function serializeXmlDocument(root: XmlElement, indent = '  '): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeElement(root, 0, indent)}\n`;
}
