import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import {
  type ArticleContent,
  type Block,
  type ContentAsset,
  type Inline,
  type TableRow,
  emptyContent,
} from './article-content';

/**
 * Both manuscript readers end here: mammoth turns a DOCX into HTML, markdown-it turns Markdown
 * into HTML, and this turns that HTML (a known, small vocabulary) into structured content.
 * Nothing of the HTML survives as markup: unknown elements give their text, links keep only
 * http(s) and mailto targets, and footnote calls become footnotes holding their text.
 */

// Headings whose section is the reference list, in the journal's three languages.
const REFERENCE_HEADINGS =
  /^(references|bibliography|works cited|المراجع|المصادر|قائمة المراجع|المصادر والمراجع|références|bibliographie)$/i;
// "Table 2:", «جدول 2:», "Tableau 2 :", "Figure 1.", «شكل 1:» at the start of a caption.
const CAPTION_LABEL =
  /^(table|tableau|figure|fig\.|جدول|الجدول|شكل|الشكل)(\s+[\d٠-٩]+)?\s*[:.\-–—]?\s*/i;

export interface HtmlImage {
  /** The `src` of an <img>: a data: URI or an id the reader gave it. */
  src: string;
  alt: string;
}

export interface HtmlToContentOptions {
  /** Turns an image's src into an asset (bytes, type), or throws a ManuscriptContentError. */
  image: (image: HtmlImage, figureNumber: number) => ContentAsset;
}

const collapse = (text: string) => text.replace(/[ \t\r\n\f\v]+/g, ' ');

function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (isTag(node)) return node.children.map(textOf).join('');
  return '';
}

function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Trims the ends of a run of inlines and drops empty text. */
function tidy(inlines: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const inline of inlines) {
    const last = merged[merged.length - 1];
    if (inline.type === 'text' && last?.type === 'text')
      last.text = collapse(last.text + inline.text);
    else if (inline.type === 'text') merged.push({ type: 'text', text: collapse(inline.text) });
    else merged.push(inline);
  }
  const first = merged[0];
  if (first?.type === 'text') first.text = first.text.replace(/^ +/, '');
  const end = merged[merged.length - 1];
  if (end?.type === 'text') end.text = end.text.replace(/ +$/, '');
  return merged.filter((inline) => inline.type !== 'text' || inline.text !== '');
}

const plain = (inlines: Inline[]): string =>
  inlines
    .map((inline) =>
      inline.type === 'text' || inline.type === 'code'
        ? inline.text
        : 'children' in inline
          ? plain(inline.children)
          : '',
    )
    .join('');

export function htmlToContent(html: string, options: HtmlToContentOptions): ArticleContent {
  const content = emptyContent();
  const root = parseDocument(html, { decodeEntities: true });
  const all: Element[] = [];
  const walk = (node: ChildNode) => {
    if (isTag(node)) {
      all.push(node);
      node.children.forEach(walk);
    }
  };
  root.children.forEach(walk);

  // Footnote texts: list items that a call (<sup><a href="#id">) points at. Both mammoth
  // (#footnote-1, #endnote-1) and markdown-it-footnote (#fn1) write them this way.
  const callTargets = new Set(
    all
      .filter((el) => el.name === 'a' && el.attribs.href?.startsWith('#'))
      .filter((el) => el.parent && isTag(el.parent) && el.parent.name === 'sup')
      .map((el) => el.attribs.href.slice(1)),
  );
  const notes = new Map<string, Element>();
  for (const el of all)
    if (el.name === 'li' && el.attribs.id && callTargets.has(el.attribs.id))
      notes.set(el.attribs.id, el);
  const noteLists = new Set<Element>();
  for (const note of notes.values())
    if (note.parent && isTag(note.parent)) noteLists.add(note.parent);

  let figures = 0;
  const pendingFigures: Block[] = [];

  const inlinesOf = (nodes: ChildNode[]): Inline[] => {
    const out: Inline[] = [];
    for (const node of nodes) {
      if (isText(node)) {
        out.push({ type: 'text', text: node.data });
        continue;
      }
      if (!isTag(node)) continue;
      const children = () => inlinesOf(node.children);
      switch (node.name) {
        case 'em':
        case 'i':
          out.push({ type: 'emphasis', children: children() });
          break;
        case 'strong':
        case 'b':
          out.push({ type: 'strong', children: children() });
          break;
        case 'sub':
          out.push({ type: 'subscript', children: children() });
          break;
        case 'sup': {
          const call = node.children.find(
            (child): child is Element =>
              isTag(child) && child.name === 'a' && Boolean(child.attribs.href?.startsWith('#')),
          );
          const note = call ? notes.get(call.attribs.href.slice(1)) : undefined;
          if (note) out.push({ type: 'footnote', paragraphs: noteParagraphs(note) });
          else out.push({ type: 'superscript', children: children() });
          break;
        }
        case 'code':
          out.push({ type: 'code', text: textOf(node) });
          break;
        case 'br':
          out.push({ type: 'break' });
          break;
        case 'a': {
          // Back-links from a note to its call ("↑", "↩︎") are navigation, not text.
          if (node.attribs.href?.startsWith('#')) {
            const inner = children();
            if (/^(?:\s|\u2191|\u21a9|\ufe0e)*$/u.test(plain(inner))) break;
            out.push(...inner);
            break;
          }
          const href = safeHref(node.attribs.href);
          if (href) out.push({ type: 'link', href, children: children() });
          else out.push(...children());
          break;
        }
        case 'img': {
          // An image inside text becomes a figure after the paragraph.
          figures += 1;
          const asset = options.image(
            { src: node.attribs.src ?? '', alt: node.attribs.alt ?? '' },
            figures,
          );
          content.assets.push(asset);
          pendingFigures.push({
            type: 'figure',
            assetId: asset.id,
            caption: [],
            alt: node.attribs.alt ?? '',
          });
          break;
        }
        default:
          out.push(...children());
      }
    }
    return out;
  };

  const noteParagraphs = (note: Element): Inline[][] => {
    const paragraphs = note.children.filter(
      (child): child is Element => isTag(child) && child.name === 'p',
    );
    const runs = paragraphs.length
      ? paragraphs.map((p) => inlinesOf(p.children))
      : [inlinesOf(note.children)];
    return runs.map(tidy).filter((run) => run.length > 0);
  };

  const tableOf = (table: Element): Extract<Block, { type: 'table' }> => {
    const rows: TableRow[] = [];
    const visit = (node: Element, inHead: boolean) => {
      for (const child of node.children) {
        if (!isTag(child)) continue;
        if (child.name === 'thead') visit(child, true);
        else if (child.name === 'tbody' || child.name === 'tfoot') visit(child, false);
        else if (child.name === 'tr') {
          const cells = child.children.filter(
            (cell): cell is Element => isTag(cell) && (cell.name === 'td' || cell.name === 'th'),
          );
          rows.push({
            header: inHead || (cells.length > 0 && cells.every((cell) => cell.name === 'th')),
            cells: cells.map((cell) => {
              const colspan = Number(cell.attribs.colspan ?? 1);
              const rowspan = Number(cell.attribs.rowspan ?? 1);
              return {
                children: tidy(
                  inlinesOf(
                    cell.children.flatMap((c) =>
                      isTag(c) && c.name === 'p'
                        ? [...c.children, { type: 'text', data: ' ' } as unknown as ChildNode]
                        : [c],
                    ),
                  ),
                ),
                ...(colspan > 1 ? { colspan } : {}),
                ...(rowspan > 1 ? { rowspan } : {}),
              };
            }),
          });
        }
      }
    };
    visit(table, false);
    // Header rows first, however the manuscript ordered them (Typst and JATS want them so).
    const header = rows.findIndex((row) => !row.header);
    if (header > 0) rows.slice(header).forEach((row) => (row.header = false));
    return { type: 'table', caption: [], rows };
  };

  const blocksOf = (nodes: ChildNode[]): Block[] => {
    const out: Block[] = [];
    const flushFigures = () => out.push(...pendingFigures.splice(0));
    for (const node of nodes) {
      if (isText(node)) {
        const text = collapse(node.data).trim();
        if (text) out.push({ type: 'paragraph', children: [{ type: 'text', text }] });
        continue;
      }
      if (!isTag(node) || noteLists.has(node)) continue;
      switch (node.name) {
        case 'h1':
        case 'h2':
        case 'h3':
        case 'h4':
        case 'h5':
        case 'h6': {
          const children = tidy(inlinesOf(node.children));
          if (children.length === 0) {
            content.warnings.push('an empty heading was dropped');
            break;
          }
          out.push({ type: 'heading', level: Number(node.name[1]) as 1, children });
          break;
        }
        case 'p': {
          const className = node.attribs.class ?? '';
          const children = tidy(inlinesOf(node.children));
          if (className.includes('caption')) {
            out.push({
              type: 'paragraph',
              children: [{ type: 'text', text: '\u0000caption' }, ...children],
            });
          } else if (children.length > 0) out.push({ type: 'paragraph', children });
          // An image alone in its paragraph: a figure where it stands.
          flushFigures();
          break;
        }
        case 'ul':
        case 'ol':
          out.push({
            type: 'list',
            ordered: node.name === 'ol',
            items: node.children
              .filter((child): child is Element => isTag(child) && child.name === 'li')
              .map((item) => {
                const hasBlocks = item.children.some(
                  (child) =>
                    isTag(child) && ['p', 'ul', 'ol', 'table', 'blockquote'].includes(child.name),
                );
                if (hasBlocks) return blocksOf(item.children);
                const children = tidy(inlinesOf(item.children));
                return children.length ? [{ type: 'paragraph', children } as Block] : [];
              }),
          });
          break;
        case 'blockquote':
          out.push({ type: 'quote', blocks: blocksOf(node.children) });
          break;
        case 'pre':
          out.push({ type: 'code', text: textOf(node).replace(/\n$/, '') });
          break;
        case 'table':
          out.push(tableOf(node));
          break;
        case 'hr':
          out.push({ type: 'rule' });
          break;
        case 'img': {
          inlinesOf([node]);
          flushFigures();
          break;
        }
        default:
          out.push(...blocksOf(node.children));
      }
    }
    flushFigures();
    return out;
  };

  const blocks = blocksOf(root.children);
  content.blocks = attachCaptions(blocks);
  splitReferences(content);
  return content;
}

/**
 * A caption paragraph (a Caption style, or text starting "Table 2:", «جدول 2:»…) next to a table
 * or figure becomes its caption, without the label: the outputs number them.
 */
function attachCaptions(blocks: Block[]): Block[] {
  const out: Block[] = [];
  const isCaption = (block: Block | undefined) => {
    if (block?.type !== 'paragraph') return false;
    const first = block.children[0];
    return (
      first?.type === 'text' &&
      (first.text.startsWith('\u0000caption') || CAPTION_LABEL.test(first.text))
    );
  };
  const captionText = (block: Extract<Block, { type: 'paragraph' }>): Inline[] => {
    const [first, ...rest] = block.children;
    const text = (first as { text: string }).text
      .replace('\u0000caption', '')
      .replace(CAPTION_LABEL, '');
    return tidy([{ type: 'text', text }, ...rest]);
  };
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index];
    if ((block.type === 'table' || block.type === 'figure') && block.caption.length === 0) {
      const previous = out[out.length - 1];
      const next = blocks[index + 1];
      if (isCaption(previous)) {
        block.caption = captionText(out.pop() as Extract<Block, { type: 'paragraph' }>);
      } else if (isCaption(next)) {
        block.caption = captionText(next as Extract<Block, { type: 'paragraph' }>);
        index += 1;
      }
      out.push(block);
      continue;
    }
    if (
      block.type === 'paragraph' &&
      block.children[0]?.type === 'text' &&
      block.children[0].text.startsWith('\u0000caption')
    ) {
      // A caption with nothing to caption stays as text.
      out.push({ ...block, children: captionText(block) });
      continue;
    }
    if (block.type === 'list') block.items = block.items.map(attachCaptions);
    if (block.type === 'quote') block.blocks = attachCaptions(block.blocks);
    out.push(block);
  }
  return out;
}

/** The section under a "References" heading leaves the body for `references`. */
function splitReferences(content: ArticleContent) {
  const at = content.blocks.findIndex(
    (block) => block.type === 'heading' && REFERENCE_HEADINGS.test(plain(block.children).trim()),
  );
  if (at < 0) return;
  const level = (content.blocks[at] as { level: number }).level;
  let end = content.blocks.length;
  for (let index = at + 1; index < content.blocks.length; index++) {
    const block = content.blocks[index];
    if (block.type === 'heading' && block.level <= level) {
      end = index;
      break;
    }
  }
  const section = content.blocks.slice(at + 1, end);
  const entries: string[] = [];
  const collect = (block: Block) => {
    if (block.type === 'paragraph') entries.push(plain(block.children).trim());
    else if (block.type === 'list') block.items.forEach((item) => item.forEach(collect));
  };
  section.forEach(collect);
  content.references = entries.filter(Boolean);
  content.blocks.splice(at, end - at);
}
