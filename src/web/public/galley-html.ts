import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * The elements an article's body may have on the site's page: text structure, lists, tables,
 * figures, notes. Any other element is dropped, its text kept; those of DROPPED go with their
 * content (the galley's own head, styles, anything that runs or embeds).
 */
const ELEMENTS = new Set([
  'article',
  'section',
  'header',
  'footer',
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'hr',
  'em',
  'strong',
  'i',
  'b',
  'sup',
  'sub',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'img',
  'a',
  'span',
  'bdi',
  'time',
]);
const DROPPED = new Set([
  'head',
  'title',
  'meta',
  'link',
  'style',
  'script',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'svg',
  'math',
  'form',
  'input',
  'button',
  'select',
  'textarea',
]);
const VOID = new Set(['br', 'hr', 'img']);

/** The attributes each element keeps (besides the ones every element keeps). */
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'rel'],
  img: ['src', 'alt', 'width', 'height'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
  time: ['datetime'],
};
const COMMON = ['id', 'lang', 'dir', 'role', 'aria-label'];
/** The DPUB-ARIA roles of notes and references, which the galley's links rely on. */
const ROLES = new Set([
  'doc-noteref',
  'doc-endnotes',
  'doc-endnote',
  'doc-footnote',
  'doc-backlink',
  'doc-bibliography',
  'doc-biblioentry',
]);
/** Images the page's Content-Security-Policy allows and no browser runs: raster data URIs. */
const IMAGE_SOURCE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

const escape = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/** What an element's attribute becomes on the page, or null to drop it. */
function attribute(element: string, name: string, value: string, prefix: string): string | null {
  switch (name) {
    case 'id':
      return /^[A-Za-z][\w-]{0,63}$/.test(value) ? `${prefix}${value}` : null;
    case 'href':
      if (value.startsWith('#'))
        return /^#[A-Za-z][\w-]{0,63}$/.test(value) ? `#${prefix}${value.slice(1)}` : null;
      return /^(?:https?:\/\/|mailto:)/i.test(value) ? value : null;
    case 'rel':
      return value === 'license' ? value : null;
    case 'src':
      return element === 'img' && IMAGE_SOURCE.test(value) ? value : null;
    case 'lang':
      return /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value) ? value : null;
    case 'dir':
      return ['ltr', 'rtl', 'auto'].includes(value) ? value : null;
    case 'role':
      return ROLES.has(value) ? value : null;
    case 'scope':
      return ['col', 'row', 'colgroup', 'rowgroup'].includes(value) ? value : null;
    case 'colspan':
    case 'rowspan':
    case 'width':
    case 'height':
    case 'start':
      return /^\d{1,4}$/.test(value) ? value : null;
    default:
      // alt, aria-label, datetime: text, escaped.
      return value.slice(0, 1000);
  }
}

function rewrite(nodes: ChildNode[], prefix: string): string {
  let html = '';
  for (const node of nodes) {
    if (isText(node)) html += escape(node.data);
    else if (isTag(node)) html += element(node, prefix);
  }
  return html;
}

function element(node: Element, prefix: string): string {
  const name = node.name.toLowerCase();
  if (DROPPED.has(name)) return '';
  if (!ELEMENTS.has(name)) return rewrite(node.children, prefix);
  // An image the page may not show is its description.
  if (name === 'img' && !attribute('img', 'src', node.attribs.src ?? '', prefix))
    return node.attribs.alt ? `<span>${escape(node.attribs.alt)}</span>` : '';
  const allowed = [...COMMON, ...(ATTRIBUTES[name] ?? [])];
  const attributes = Object.entries(node.attribs)
    .map(([key, value]) => [key.toLowerCase(), value] as const)
    .filter(([key]) => allowed.includes(key))
    .map(([key, value]) => [key, attribute(name, key, value, prefix)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== null)
    .map(([key, value]) => ` ${key}="${escape(value)}"`)
    .join('');
  if (VOID.has(name)) return `<${name}${attributes}>`;
  return `<${name}${attributes}>${rewrite(node.children, prefix)}</${name}>`;
}

/** A galley's article, ready to show inside a page: its language and its markup. */
export interface EmbeddedGalley {
  /** The `lang` and `dir` of the galley's document. */
  lang: string | null;
  dir: string | null;
  html: string;
}

/**
 * An HTML galley (typesetting's standalone page of the article) rebuilt for the site's own
 * page: the `<article>` (else the body), with only the elements and attributes of the
 * allowlists above, every text escaped again, and no style, script, event handler, frame or
 * link that is not http(s), mail or a fragment. Ids and fragment links get `prefix`, so that
 * the notes still link both ways and cannot clash with the page's own ids. The galley's own
 * journal line (`header.journal`) is left out: the site's frame says it.
 */
export function embedGalley(source: string, prefix = 'galley-'): EmbeddedGalley {
  const document = parseDocument(source, { decodeEntities: true });
  const all = (nodes: ChildNode[]): Element[] =>
    nodes.filter(isTag).flatMap((node) => [node, ...all(node.children)]);
  const elements = all(document.children);
  const html = elements.find((node) => node.name === 'html');
  const root =
    elements.find((node) => node.name === 'article') ??
    elements.find((node) => node.name === 'body') ??
    document;
  const journalLine = elements.find(
    (node) => node.name === 'header' && node.attribs.class?.split(/\s+/).includes('journal'),
  );
  const children = root.children.filter((node) => node !== journalLine);
  const lang = html?.attribs.lang ?? null;
  const dir = html?.attribs.dir ?? null;
  return {
    lang: lang && attribute('html', 'lang', lang, prefix),
    dir: dir && attribute('html', 'dir', dir, prefix),
    html: rewrite(children, prefix).trim(),
  };
}
