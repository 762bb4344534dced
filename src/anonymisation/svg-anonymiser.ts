import { DocumentAnonymisationError } from './anonymisation.errors';
import type { CleaningContext } from './cleaning-context';
import { findNames } from './name-matcher';
import { localName, mapElements, rewriteAttributes, xmlAttributeValues, xmlText } from './xml-edit';

/** Attributes drawing programs leave behind: the file's own name and an export path. */
const PATH_ATTRIBUTES = new Set(['docname', 'export-filename', 'absref']);

/**
 * SVG: the metadata element (RDF with dc:creator, rights, publisher), comments and the editor's
 * file paths are removed; the text and labels that draw the figure are kept and searched.
 */
export function anonymiseSvg(input: Buffer, ctx: CleaningContext): Buffer {
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch (error) {
    throw new DocumentAnonymisationError(`${ctx.where}: the SVG image is not UTF-8 text`, {
      cause: error,
    });
  }
  let out = mapElements(xml, ['metadata'], () => '');
  if (out !== xml) ctx.removed('image-metadata', '', 'SVG metadata');
  const withoutComments = out.replace(/<!--[\s\S]*?-->/gu, '');
  if (withoutComments !== out) ctx.removed('image-metadata', '', 'SVG comments');
  out = withoutComments;
  const paths = rewriteAttributes(out, (qname) =>
    qname.includes(':') && PATH_ATTRIBUTES.has(localName(qname)) ? '' : undefined,
  );
  if (paths.changed > 0) ctx.removed('property', '', 'SVG file paths', paths.changed);
  out = paths.xml;
  ctx.warn(findNames(`${xmlText(out)}\n${xmlAttributeValues(out)}`, ctx.terms, 'body'));
  return out === xml ? input : Buffer.from(out, 'utf8');
}
