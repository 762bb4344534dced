import { escapeXmlText } from '../exports/xml';

/**
 * A CSL style as a JSON tree, the form citeproc-js also reads and the style-* npm packages
 * export: an element with its attributes and its children, elements or text.
 */
export interface CslNode {
  name: string;
  attrs: Record<string, string>;
  children: (CslNode | string)[];
}

/** An XML name as CSL uses them (`term`, `xml:lang`, `et-al-min`); anything else is refused. */
const XML_NAME = /^[A-Za-z_][\w.:-]*$/;

function checkedName(name: string): string {
  if (!XML_NAME.test(name))
    throw new Error(`not an XML name in a CSL tree: ${JSON.stringify(name)}`);
  return name;
}

/**
 * An attribute value for double quotes. The single quote stays as it is (legal there), since
 * citeproc's own XML reader decodes `&quot;` and numeric references but not `&apos;`; tabs and
 * line breaks become references so that attribute-value normalisation keeps them.
 */
function escapeAttribute(value: string): string {
  return escapeXmlText(value)
    .replaceAll('"', '&quot;')
    .replace(/[\t\n\r]/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Character data. A text of white space only (a term that is one space) is written as character
 * references: citeproc's reader drops white space between two tags, but not a reference.
 */
function escapeText(text: string): string {
  if (/^\s+$/.test(text))
    return [...text].map((character) => `&#${character.codePointAt(0)};`).join('');
  return escapeXmlText(text);
}

function serialize(node: CslNode | string): string {
  if (typeof node === 'string') return escapeText(node);
  const name = checkedName(node.name);
  const attributes = Object.entries(node.attrs)
    .map(([attribute, value]) => ` ${checkedName(attribute)}="${escapeAttribute(value)}"`)
    .join('');
  if (node.children.length === 0) return `<${name}${attributes}/>`;
  return `<${name}${attributes}>${node.children.map(serialize).join('')}</${name}>`;
}

/**
 * The tree as a CSL document: the XML declaration, then the elements on one line. No indentation
 * is added, so no white space appears that the style does not have (in CSL, text is meaningful).
 */
export function cslXml(root: CslNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${serialize(root)}\n`;
}
