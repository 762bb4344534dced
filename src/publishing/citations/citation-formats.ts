import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import { type ChildNode, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import chicagoAuthorDate from 'style-chicago';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import { projectRoot } from '../../common/paths/project-root';
import type { CitableArticle } from './citable-article';
import { toCslItem } from './csl-item';
import { cslXml } from './csl-xml';

/**
 * The styles of "cite this article", in the order the page shows them, named as plugin-csl's
 * registry names them: APA 7th edition and NLM/Vancouver come with the plugin; Chicago
 * author-date (17th edition) is the CSL project's, from the style-chicago npm package.
 */
export const CITATION_STYLES = ['apa', 'chicago-author-date', 'vancouver'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

/** A citation ready for the page: safe HTML (italics, small capitals) and the same as text. */
export interface FormattedCitation {
  style: CitationStyle;
  /** An inline fragment: escaped text with only `<i>`, `<b>`, `<sup>`, `<sub>` and classed `<span>`s. */
  html: string;
  text: string;
}

/** CSL locales: plugin-csl has en-US and fr-FR; the Arabic one is Tahkim's, in templates/csl. */
const CSL_LOCALES: Record<Locale, string> = { ar: 'ar', en: 'en-US', fr: 'fr-FR' };

let registered = false;

/**
 * Adds Chicago and the Arabic locale to plugin-csl's registries, once per process. style-chicago
 * gives the style as a JSON tree, which citeproc would take as it is but then changes in place
 * (it adds nodes while compiling, once per engine): the registry keeps it as CSL XML instead,
 * which each engine parses into a tree of its own.
 */
function registerTemplates(): void {
  if (registered) return;
  const { styles, locales } = plugins.config.get('@csl');
  if (!styles.has('chicago-author-date'))
    styles.add('chicago-author-date', cslXml(chicagoAuthorDate));
  if (!locales.has('ar'))
    locales.add(
      'ar',
      readFileSync(join(projectRoot(), 'templates', 'csl', 'locales-ar.xml'), 'utf8'),
    );
  registered = true;
}

/**
 * The classes that stand for the inline styles citeproc writes: the page's Content-Security-Policy
 * allows no style attribute, so the stylesheet gives them their look.
 */
const STYLE_CLASSES: Record<string, string> = {
  'font-variant:small-caps;': 'csl-small-caps',
  'font-variant:normal;': 'csl-normal-variant',
  'font-style:normal;': 'csl-normal-style',
  'font-style:oblique;': 'csl-oblique',
  'font-weight:normal;': 'csl-normal-weight',
  'font-weight:lighter;': 'csl-light',
  'text-decoration:underline;': 'csl-underline',
  'text-decoration:none;': 'csl-no-decoration',
};
const KEPT_ELEMENTS = new Set(['i', 'b', 'sup', 'sub']);

const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

/**
 * citeproc's bibliography entry, rewritten from its parsed tree: text escaped again, only the
 * inline elements of an allowlist kept (a style attribute becomes a class), every other element
 * reduced to its text, and Vancouver's list number ("1.") dropped, since one citation is no list.
 */
function rewrite(nodes: ChildNode[]): { html: string; text: string } {
  let html = '';
  let text = '';
  for (const node of nodes) {
    if (isText(node)) {
      html += escapeHtml(node.data);
      text += node.data;
    } else if (isTag(node)) {
      if (node.attribs.class === 'csl-left-margin') continue;
      const inner = rewrite(node.children);
      text += inner.text;
      const styleClass = node.name === 'span' ? STYLE_CLASSES[node.attribs.style ?? ''] : undefined;
      if (KEPT_ELEMENTS.has(node.name)) html += `<${node.name}>${inner.html}</${node.name}>`;
      else if (styleClass) html += `<span class="${styleClass}">${inner.html}</span>`;
      else html += inner.html;
    }
  }
  return { html, text };
}

// The layout whitespace between citeproc's divs; a no-break space (French) is kept.
const collapse = (text: string) => text.replace(/[ \t\r\n\f]+/g, ' ').trim();

/** citeproc's HTML for one CSL-JSON item (an engine per style and language, kept by plugin-csl). */
function render(item: object, style: CitationStyle, locale: Locale): string {
  registerTemplates();
  return new Cite([item]).format('bibliography', {
    format: 'html',
    template: style,
    lang: CSL_LOCALES[locale],
  });
}

/** The article cited in one style and language (the names, title and terms of that language). */
export function formatCitation(
  article: CitableArticle,
  style: CitationStyle,
  locale: Locale,
): FormattedCitation {
  const { html, text } = rewrite(
    parseDocument(render(toCslItem(article, locale), style, locale)).children,
  );
  return { style, html: collapse(html), text: collapse(text) };
}

/**
 * Compiles every style for every language once. citeproc takes one to two seconds of CPU to
 * compile APA in a language (Chicago and Vancouver some tens of milliseconds), and then some
 * milliseconds per citation: a process that serves article pages can pay this at start rather
 * than on a reader's first visit.
 */
export function warmCitationStyles(locales: readonly Locale[] = SUPPORTED_LOCALES): void {
  const item = {
    id: 'warm-up',
    type: 'article-journal',
    title: 'Warm-up',
    issued: { 'date-parts': [[2000]] },
  };
  for (const locale of locales) for (const style of CITATION_STYLES) render(item, style, locale);
}

/** "Cite this article": every style, in the page's order. */
export function formatCitations(article: CitableArticle, locale: Locale): FormattedCitation[] {
  return CITATION_STYLES.map((style) => formatCitation(article, style, locale));
}
