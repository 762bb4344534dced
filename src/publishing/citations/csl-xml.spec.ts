import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { isTag, isText, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import chicagoAuthorDate from 'style-chicago';
import { cslXml, type CslNode } from './csl-xml';

const node = (
  name: string,
  attrs: Record<string, string> = {},
  ...children: CslNode['children']
) => ({
  name,
  attrs,
  children,
});

/** The tree an XML parser reads back from the document (the declaration left aside). */
function parsed(xml: string): CslNode {
  const tree = (nodes: ChildNode[]): CslNode['children'] =>
    nodes.flatMap((child): CslNode['children'] => {
      if (isTag(child))
        return [{ name: child.name, attrs: child.attribs, children: tree(child.children) }];
      return isText(child) ? [child.data] : [];
    });
  const [root] = tree(parseDocument(xml, { xmlMode: true }).children).filter(
    (child) => typeof child !== 'string',
  );
  return root as CslNode;
}

describe('cslXml', () => {
  it('writes the declaration, then the elements without adding white space', () => {
    const style = node(
      'style',
      { xmlns: 'urn:x', 'xml:lang': 'ar' },
      node('a', {}, 'x'),
      node('b'),
    );
    expect(cslXml(style)).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="urn:x" xml:lang="ar"><a>x</a><b/></style>\n',
    );
  });

  it('escapes text and attribute values', () => {
    const xml = cslXml(node('text', { prefix: `"& <'>\n` }, `a & b < c > d "q" 'e'`));
    expect(xml).toContain(
      `<text prefix="&quot;&amp; &lt;'&gt;&#10;">a &amp; b &lt; c &gt; d "q" 'e'</text>`,
    );
    expect(parsed(xml)).toEqual(node('text', { prefix: `"& <'>\n` }, `a & b < c > d "q" 'e'`));
  });

  it('writes a text of white space only as references', () => {
    expect(cslXml(node('term', { name: 'in' }, ' \u00A0'))).toContain(
      '<term name="in">&#32;&#160;</term>',
    );
  });

  it('refuses a name that is not an XML name', () => {
    expect(() => cslXml(node('a b'))).toThrow(/not an XML name/);
    expect(() => cslXml(node('a', { 'x="1" y': '2' }))).toThrow(/not an XML name/);
  });

  it('gives back style-chicago’s whole tree to an XML parser', () => {
    expect(parsed(cslXml(chicagoAuthorDate))).toEqual(chicagoAuthorDate);
  });

  it('is read whole by citeproc, whose reader knows no &apos; and drops white space between tags', () => {
    const layout = node(
      'layout',
      {},
      node('text', { variable: 'title', prefix: "'", suffix: '" & <' }),
      node('text', { term: 'in' }),
      node('text', { variable: 'title' }),
    );
    const style = node(
      'style',
      { xmlns: 'http://purl.org/net/xbiblio/csl', class: 'in-text', version: '1.0' },
      node('locale', {}, node('terms', {}, node('term', { name: 'in' }, ' '))),
      node('citation', {}, node('layout', {}, node('text', { variable: 'title' }))),
      node('bibliography', {}, layout),
    );
    plugins.config.get('@csl').styles.add('csl-xml-spec', cslXml(style));
    const item = { id: 'x', type: 'book', title: 'Title' };
    expect(
      new Cite([item]).format('bibliography', { format: 'text', template: 'csl-xml-spec' }).trim(),
    ).toBe(`'Title" & < Title`);
  });
});
