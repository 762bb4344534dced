import { fromBuffer as fileTypeFromBuffer } from 'file-type';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import { ArchiveLimitError } from '../../anonymisation/archive-limits';
import { assertSound } from '../../anonymisation/soundness';
import markdownItFootnote from 'markdown-it-footnote';
import {
  type ArticleContent,
  type Block,
  type ContentAsset,
  ManuscriptContentError,
} from './article-content';
import { htmlToContent, type HtmlImage } from './html-to-content';

/** Image formats Typst, browsers and JATS readers all take. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml']);

export const DOCX_MEDIA_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MARKDOWN_MEDIA_TYPES = new Set(['text/markdown', 'text/x-markdown', 'text/plain']);

/** Section headings start at level 1 and go no deeper than 4, whatever the manuscript used. */
function normaliseHeadings(content: ArticleContent) {
  const levels = content.blocks.flatMap((block) => (block.type === 'heading' ? [block.level] : []));
  if (levels.length === 0) return;
  const shift = Math.min(...levels) - 1;
  content.blocks = content.blocks.map((block): Block =>
    block.type === 'heading'
      ? { ...block, level: Math.min(4, Math.max(1, block.level - shift)) as 1 | 2 | 3 | 4 }
      : block,
  );
}

/** The manuscript's title is the publication record's business: a lone top heading goes. */
function dropTitleHeading(content: ArticleContent, fileName: string) {
  const first = content.blocks[0];
  const topLevel = content.blocks.filter((block) => block.type === 'heading' && block.level === 1);
  if (first?.type === 'heading' && first.level === 1 && topLevel.length === 1) {
    content.blocks.shift();
    content.warnings.push(
      `the title heading of ${fileName} was left out: the article's title comes from its publication record`,
    );
  }
}

function pixelSize(data: Buffer, mediaType: string): { width?: number; height?: number } {
  if (mediaType === 'image/png' && data.length > 24)
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (mediaType === 'image/gif' && data.length > 10)
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  return {};
}

function asset(
  id: string,
  data: Buffer,
  mediaType: string,
  figure: number,
  fileName: string,
): ContentAsset {
  if (!IMAGE_TYPES.has(mediaType))
    throw new ManuscriptContentError(
      `figure ${figure} in ${fileName} could not be read (${mediaType || 'an unknown format'} is not an image format Tahkim can typeset; save it as PNG or JPEG)`,
    );
  return { id, mediaType, data, ...pixelSize(data, mediaType) };
}

/** Reads a Word document (DOCX) through mammoth: styles, notes, tables, images. */
export async function readDocx(bytes: Buffer, fileName: string): Promise<ArticleContent> {
  const images = new Map<string, { data: Buffer; mediaType: string }>();
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    // mammoth inflates whole entries with no limit: the package is first read within the
    // archive limits, as a stream, so a bomb stops the run instead of the worker.
    await assertSound(bytes, DOCX_MEDIA_TYPE);
  } catch (error) {
    if (error instanceof ArchiveLimitError)
      throw new ManuscriptContentError(`${fileName}: ${error.message}`);
    throw new ManuscriptContentError(`${fileName} is not a Word document Tahkim can read`);
  }
  try {
    result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: [
          "p[style-name='Title'] => h1.title:fresh",
          "p[style-name='Subtitle'] => p.subtitle:fresh",
          "p[style-name='Caption'] => p.caption:fresh",
          "p[style-name='Quote'] => blockquote > p:fresh",
          "p[style-name='Intense Quote'] => blockquote > p:fresh",
        ],
        convertImage: mammoth.images.imgElement(async (image) => {
          const id = `img-${images.size + 1}`;
          images.set(id, { data: await image.readAsBuffer(), mediaType: image.contentType });
          return { src: id };
        }),
      },
    );
  } catch {
    throw new ManuscriptContentError(`${fileName} is not a Word document Tahkim can read`);
  }
  // The Title style is the manuscript's title: dropped like a Markdown title.
  const html = result.value.replace(/<h1 class="title">[\s\S]*?<\/h1>/, '');
  const content = htmlToContent(html, {
    image: (image: HtmlImage, figure: number) => {
      const found = images.get(image.src);
      if (!found)
        throw new ManuscriptContentError(`figure ${figure} in ${fileName} could not be read`);
      return asset(`fig-${figure}`, found.data, found.mediaType, figure, fileName);
    },
  });
  if (html !== result.value)
    content.warnings.push(
      `the title of ${fileName} was left out: the article's title comes from its publication record`,
    );
  for (const message of result.messages) content.warnings.push(`${fileName}: ${message.message}`);
  normaliseHeadings(content);
  return content;
}

// Raw HTML in Markdown is not trusted: off, so "<script>" stays text.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(
  markdownItFootnote,
);

/** Reads a Markdown manuscript (CommonMark, GFM tables, footnotes); images from those uploaded with it. */
export function readMarkdown(
  text: string,
  fileName: string,
  images: Map<string, { mediaType: string; data: Buffer }> = new Map(),
): ArticleContent {
  const html = markdown.render(text);
  const content = htmlToContent(html, {
    image: (image: HtmlImage, figure: number) => {
      const found = images.get(image.src);
      if (!found)
        throw new ManuscriptContentError(
          `figure ${figure} in ${fileName} could not be read (${image.src} was not uploaded with it)`,
        );
      return asset(`fig-${figure}`, found.data, found.mediaType, figure, fileName);
    },
  });
  dropTitleHeading(content, fileName);
  normaliseHeadings(content);
  return content;
}

/**
 * A manuscript file into structured content, by what its bytes are: a DOCX, or Markdown text.
 * PDFs are finished pages, not text to typeset; other formats are refused with a reason.
 */
export async function readManuscript(file: {
  bytes: Buffer;
  fileName: string;
  mediaType: string;
}): Promise<ArticleContent> {
  const sniffed = await fileTypeFromBuffer(file.bytes);
  if (
    file.mediaType === DOCX_MEDIA_TYPE ||
    sniffed?.mime === DOCX_MEDIA_TYPE ||
    /\.docx$/i.test(file.fileName)
  ) {
    return readDocx(file.bytes, file.fileName);
  }
  if (MARKDOWN_MEDIA_TYPES.has(file.mediaType) || /\.(md|markdown)$/i.test(file.fileName)) {
    return readMarkdown(file.bytes.toString('utf8'), file.fileName);
  }
  if (file.mediaType === 'application/pdf')
    throw new ManuscriptContentError(
      `${file.fileName} is a PDF: finished pages are uploaded as galleys, not typeset again; give a DOCX or Markdown manuscript to typeset`,
    );
  throw new ManuscriptContentError(
    `${file.fileName} (${file.mediaType}) cannot be typeset: give a DOCX or Markdown manuscript`,
  );
}
