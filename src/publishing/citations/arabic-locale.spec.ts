import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { isTag, type ChildNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chicagoAuthorDate from 'style-chicago';
import { projectRoot } from '../../common/paths/project-root';
import { cslXml } from './csl-xml';

/*
 * citeproc gives Arabic no fallback locale: a term templates/csl/locales-ar.xml lacks prints as
 * nothing. The locale must hold every term that APA, Chicago and Vancouver can ask for.
 */

function elements(xml: string): Element[] {
  const found: Element[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes)
      if (isTag(node)) {
        found.push(node);
        walk(node.children);
      }
  };
  walk(parseDocument(xml, { xmlMode: true }).children);
  return found;
}

const LOCALE = readFileSync(join(projectRoot(), 'templates', 'csl', 'locales-ar.xml'), 'utf8');

/** The terms a locator label can name (a timestamp has no label in any language). */
const LOCATORS = [
  'act',
  'appendix',
  'article-locator',
  'book',
  'canon',
  'chapter',
  'column',
  'elocation',
  'equation',
  'figure',
  'folio',
  'issue',
  'line',
  'note',
  'opus',
  'page',
  'paragraph',
  'part',
  'rule',
  'scene',
  'section',
  'sub-verbo',
  'supplement',
  'table',
  'title-locator',
  'verse',
  'version',
  'volume',
];
const MONTHS = Array.from(
  { length: 12 },
  (_, index) => `month-${String(index + 1).padStart(2, '0')}`,
);
const SEASONS = ['season-01', 'season-02', 'season-03', 'season-04'];

/** Every term a style can print: named outright, or through a label, a date, a quote or a list of names. */
function termsCalledFor(style: string): Set<string> {
  const terms = new Set(['et-al', 'and others', 'page-range-delimiter']);
  for (const element of elements(style)) {
    const { name, attribs } = element;
    if (attribs.term) terms.add(attribs.term);
    if (name === 'name' && attribs.and === 'text') terms.add('and');
    if (
      name === 'names' &&
      element.children.some((child) => isTag(child) && child.name === 'label')
    )
      for (const variable of attribs.variable.split(' ')) terms.add(variable);
    if (name === 'label' && attribs.variable)
      for (const variable of attribs.variable.split(' '))
        for (const term of variable === 'locator' ? LOCATORS : [variable]) terms.add(term);
    if (name === 'number' && attribs.form === 'ordinal') terms.add('ordinal');
    if (name === 'number' && attribs.form === 'long-ordinal') terms.add('long-ordinal-01');
    if (name === 'date') for (const term of [...MONTHS, ...SEASONS]) terms.add(term);
    if (attribs.quotes === 'true')
      for (const term of ['open-quote', 'close-quote', 'open-inner-quote', 'close-inner-quote'])
        terms.add(term);
  }
  return terms;
}

describe('the Arabic CSL locale (templates/csl/locales-ar.xml)', () => {
  const locale = elements(LOCALE);
  const defined = new Set(
    locale.filter(({ name }) => name === 'term').map(({ attribs }) => attribs.name),
  );
  const { styles } = plugins.config.get('@csl');

  it.each([
    ['apa', () => styles.get('apa')],
    ['chicago-author-date', () => cslXml(chicagoAuthorDate)],
    ['vancouver', () => styles.get('vancouver')],
  ])('has every term %s calls for', (_name, style) => {
    expect([...termsCalledFor(style())].filter((term) => !defined.has(term)).sort()).toEqual([]);
  });

  it('is a CSL 1.0 locale for Arabic, with text and numeric dates and punctuation outside quotes', () => {
    const [root] = locale;
    expect(root.name).toBe('locale');
    expect(root.attribs).toEqual({
      xmlns: 'http://purl.org/net/xbiblio/csl',
      version: '1.0',
      'xml:lang': 'ar',
    });
    const dates = locale.filter(({ name }) => name === 'date').map(({ attribs }) => attribs.form);
    expect(dates.sort()).toEqual(['numeric', 'text']);
    const options = locale.find(({ name }) => name === 'style-options');
    expect(options?.attribs['punctuation-in-quote']).toBe('false');
  });
});
