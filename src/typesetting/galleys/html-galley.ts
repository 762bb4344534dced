import { displayName } from '../../editorial/people';
import { directionOf, pickLocalized, type Locale } from '../../common/i18n/locale';
import {
  CREATIVE_COMMONS_LICENCE_NAMES,
  type CreativeCommonsLicence,
} from '../../common/validation/validators';
import type { Block, ContentAsset, Inline, TableRow } from '../content/article-content';
import { formatDate } from '../pdf/typst-document';
import { localesOf, type TypesetArticleInput } from '../typesetting-input';
import { citeArticle } from './citation';
import { labelsFor } from './labels';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Only web and mail links; anything else (javascript:, data:) is printed as text. */
function safeHref(href: string): string | null {
  return /^(https?:|mailto:)/i.test(href) ? href : null;
}

/** `lang` and `dir` for text in another language than the page's. */
const langAttributes = (locale: Locale) => ` lang="${locale}" dir="${directionOf(locale)}"`;

// A small stylesheet in the page: no fetch, readable on screen and on paper.
const STYLE = `
body{margin:0 auto;max-width:46rem;padding:1.5rem;line-height:1.6;color:#1b1b1b;font-family:"Noto Serif",Georgia,serif}
[lang=ar]{font-family:Amiri,"Noto Naskh Arabic","Noto Serif",serif;line-height:1.9}
header.journal{border-bottom:2px solid #1f4e5f;font-size:.85rem;padding-bottom:.4rem;display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem}
h1{font-size:1.7rem;line-height:1.3;margin:.6rem 0 .2rem}
.subtitle{font-size:1.2rem;margin:0 0 .6rem}
.authors{font-weight:bold;margin:.4rem 0}
.affiliations,.dates,.rights{font-size:.85rem}
section.abstract{background:#f3f6f7;padding:.6rem .9rem;margin:.8rem 0;border-radius:2px}
figure{margin:1rem 0}
figure img{max-width:100%;height:auto}
table{border-collapse:collapse;font-size:.9rem;width:100%}
th,td{border-bottom:1px solid #9bb3bd;padding:.25rem .4rem;text-align:start;vertical-align:top}
caption,figcaption{font-size:.85rem;text-align:start;margin:.3rem 0}
a{color:#1f4e5f}
@media print{body{max-width:none}a{color:inherit}}
`;

interface BodyState {
  notes: Inline[][][];
  tables: number;
  figures: number;
  assets: Map<string, ContentAsset>;
  assetUrl?: (assetId: string) => string;
  labels: ReturnType<typeof labelsFor>;
}

function inline(node: Inline, state: BodyState): string {
  switch (node.type) {
    case 'text':
      return escape(node.text);
    case 'emphasis':
      return `<em>${inlines(node.children, state)}</em>`;
    case 'strong':
      return `<strong>${inlines(node.children, state)}</strong>`;
    case 'superscript':
      return `<sup>${inlines(node.children, state)}</sup>`;
    case 'subscript':
      return `<sub>${inlines(node.children, state)}</sub>`;
    case 'code':
      return `<code>${escape(node.text)}</code>`;
    case 'break':
      return '<br>';
    case 'link': {
      const href = safeHref(node.href);
      const text = inlines(node.children, state);
      return href ? `<a href="${escape(href)}">${text}</a>` : text;
    }
    case 'footnote': {
      state.notes.push(node.paragraphs);
      const n = state.notes.length;
      return `<sup><a href="#fn${n}" id="fnref${n}" role="doc-noteref">${n}</a></sup>`;
    }
  }
}

const inlines = (nodes: Inline[], state: BodyState) =>
  nodes.map((node) => inline(node, state)).join('');

function block(node: Block, state: BodyState): string {
  switch (node.type) {
    case 'heading': {
      const level = node.level + 1;
      return `<h${level}>${inlines(node.children, state)}</h${level}>`;
    }
    case 'paragraph':
      return `<p${node.locale ? langAttributes(node.locale) : ''}>${inlines(node.children, state)}</p>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const items = node.items.map(
        (item) => `<li>${item.map((b) => block(b, state)).join('')}</li>`,
      );
      return `<${tag}>${items.join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${node.blocks.map((b) => block(b, state)).join('')}</blockquote>`;
    case 'code':
      return `<pre><code>${escape(node.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'table': {
      state.tables += 1;
      const caption = `<caption><strong>${escape(state.labels.table)} ${state.tables}.</strong> ${inlines(node.caption, state)}</caption>`;
      const row = (tableRow: TableRow, tag: 'th' | 'td') =>
        `<tr>${tableRow.cells
          .map((cell) => {
            const spans = `${cell.colspan ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan ? ` rowspan="${cell.rowspan}"` : ''}`;
            return `<${tag}${spans}${tag === 'th' ? ' scope="col"' : ''}>${inlines(cell.children, state)}</${tag}>`;
          })
          .join('')}</tr>`;
      const head = node.rows.filter((r) => r.header).map((r) => row(r, 'th'));
      const body = node.rows.filter((r) => !r.header).map((r) => row(r, 'td'));
      return `<table>${caption}${head.length ? `<thead>${head.join('')}</thead>` : ''}<tbody>${body.join('')}</tbody></table>`;
    }
    case 'figure': {
      state.figures += 1;
      const asset = state.assets.get(node.assetId);
      const src = state.assetUrl
        ? state.assetUrl(node.assetId)
        : asset
          ? `data:${asset.mediaType};base64,${asset.data.toString('base64')}`
          : '';
      const size =
        asset?.width && asset.height ? ` width="${asset.width}" height="${asset.height}"` : '';
      return `<figure id="fig${state.figures}"><img src="${escape(src)}" alt="${escape(node.alt)}"${size}><figcaption><strong>${escape(state.labels.figure)} ${state.figures}.</strong> ${inlines(node.caption, state)}</figcaption></figure>`;
    }
  }
}

function meta(name: string, content: string | number | null | undefined): string {
  if (content === null || content === undefined || content === '') return '';
  return `<meta name="${name}" content="${escape(String(content))}">`;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The article as one standalone, semantic HTML page: the Highwire (Google Scholar) and Dublin
 * Core tags indexers read, the record's metadata in every language it has (each abstract in
 * its own language and direction), the body with numbered tables and figures and its notes as
 * endnotes, then references, funding, copyright, licence and how to cite it.
 */
export function renderHtmlGalley(
  input: TypesetArticleInput,
  options: { assetUrl?: (assetId: string) => string; pdfUrl?: string } = {},
): string {
  const { journal, issue, article } = input;
  const { publication, content } = article;
  const locale = publication.locale;
  const labels = labelsFor(locale);
  const own = publication.metadata[locale] ?? Object.values(publication.metadata)[0]!;
  const journalTitle = pickLocalized(journal.titles, locale, journal.primaryLocale) ?? '';
  const published = publication.publishedAt ?? issue?.publishedAt ?? null;
  const state: BodyState = {
    notes: [],
    tables: 0,
    figures: 0,
    assets: new Map(content.assets.map((asset) => [asset.id, asset])),
    assetUrl: options.assetUrl,
    labels,
  };
  const authorNames = publication.contributors.map((contributor) =>
    displayName(contributor.names, locale),
  );

  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(own.title)}</title>`,
    meta('citation_title', own.title),
    ...publication.contributors.flatMap((contributor, index) => [
      meta('citation_author', authorNames[index]),
      meta('citation_author_institution', contributor.affiliation),
      meta(
        'citation_author_orcid',
        contributor.orcid ? `https://orcid.org/${contributor.orcid}` : null,
      ),
    ]),
    meta('citation_publication_date', published ? isoDate(published).replace(/-/g, '/') : null),
    meta('citation_journal_title', journalTitle),
    meta('citation_publisher', journal.publisherName),
    meta('citation_issn', journal.onlineIssn),
    meta('citation_issn', journal.printIssn),
    meta('citation_volume', issue?.volume),
    meta('citation_issue', issue?.number),
    meta('citation_firstpage', publication.firstPage),
    meta('citation_lastpage', publication.lastPage),
    meta('citation_doi', publication.doi),
    meta('citation_language', locale),
    meta('citation_keywords', (own.keywords ?? []).join('; ')),
    meta('citation_abstract_html_url', article.landingUrl),
    meta('citation_pdf_url', options.pdfUrl),
    meta('DC.title', own.title),
    ...authorNames.map((name) => meta('DC.creator', name)),
    meta(
      'DC.identifier',
      publication.doi ? `https://doi.org/${publication.doi}` : article.landingUrl,
    ),
    meta('DC.language', locale),
    meta('DC.rights', publication.licenceUrl),
    `<link rel="license" href="${escape(publication.licenceUrl)}">`,
    `<style>${STYLE}</style>`,
  ].filter(Boolean);

  const affiliations: string[] = [];
  const authorHtml = publication.contributors.map((contributor, index) => {
    let marks = '';
    if (contributor.affiliation) {
      let at = affiliations.indexOf(contributor.affiliation);
      if (at < 0) at = affiliations.push(contributor.affiliation) - 1;
      marks += `<sup>${at + 1}</sup>`;
    }
    if (contributor.corresponding) marks += '<sup>*</sup>';
    const orcid = contributor.orcid
      ? ` <a href="https://orcid.org/${escape(contributor.orcid)}" aria-label="ORCID ${escape(contributor.orcid)}">iD</a>`
      : '';
    return `<bdi>${escape(authorNames[index])}</bdi>${marks}${orcid}`;
  });
  const corresponding = publication.contributors.find((c) => c.corresponding && c.email);
  const abstracts = localesOf(journal, publication)
    .filter((language) => publication.metadata[language]?.abstract)
    .map((language) => {
      const entry = publication.metadata[language]!;
      const words = labelsFor(language);
      const keywords = entry.keywords?.length
        ? `<p><strong>${escape(words.keywords)}:</strong> ${escape(entry.keywords.join(language === 'ar' ? '، ' : ', '))}</p>`
        : '';
      const title = language === locale ? '' : `<p><strong>${escape(entry.title)}</strong></p>`;
      return `<section class="abstract"${language === locale ? '' : langAttributes(language)}><h2>${escape(words.abstract)}</h2>${title}<p>${escape(entry.abstract!)}</p>${keywords}</section>`;
    });
  const dates = (
    [
      [publication.receivedAt, labels.received],
      [publication.revisedAt, labels.revised],
      [publication.acceptedAt, labels.accepted],
      [published, labels.published],
    ] as const
  )
    .filter(([date]) => date)
    .map(
      ([date, label]) =>
        `${escape(label)}: <time datetime="${isoDate(date!)}">${escape(formatDate(date!, locale))}</time>`,
    );
  const body = content.blocks.map((node) => block(node, state)).join('\n');
  const notes = state.notes.length
    ? `<section role="doc-endnotes"><h2>${escape(labels.notes)}</h2><ol>${state.notes
        .map(
          (paragraphs, index) =>
            `<li id="fn${index + 1}">${paragraphs.map((p) => inlines(p, state)).join(' ')} <a href="#fnref${index + 1}" role="doc-backlink">↩</a></li>`,
        )
        .join('')}</ol></section>`
    : '';
  const references = publication.references.length ? publication.references : content.references;
  const licenceName =
    CREATIVE_COMMONS_LICENCE_NAMES[publication.licenceUrl as CreativeCommonsLicence] ??
    publication.licenceUrl;
  const issueLine = issue ? (pickLocalized(issue.identification, locale) ?? '') : labels.proof;
  const pages =
    publication.firstPage !== null && publication.lastPage !== null
      ? ` · ${labels.pages} <bdi>${publication.firstPage}–${publication.lastPage}</bdi>`
      : '';

  return `<!DOCTYPE html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head>
${head.join('\n')}
</head>
<body>
<article>
<header class="journal"><span><a href="${escape(journal.homeUrl)}">${escape(journalTitle)}</a> · ${escape(issueLine)}${pages}</span>${
    publication.doi
      ? `<a href="https://doi.org/${escape(publication.doi)}" dir="ltr">https://doi.org/${escape(publication.doi)}</a>`
      : ''
  }</header>
<p class="section">${escape(pickLocalized(article.sectionTitles, locale, journal.primaryLocale) ?? '')}</p>
<h1>${escape(own.title)}</h1>
${own.subtitle ? `<p class="subtitle">${escape(own.subtitle)}</p>` : ''}
<p class="authors">${authorHtml.join(locale === 'ar' ? '، ' : ', ')}</p>
<p class="affiliations">${affiliations.map((affiliation, index) => `<sup>${index + 1}</sup> ${escape(affiliation)}`).join('<br>')}${
    corresponding
      ? `<br><sup>*</sup> ${escape(labels.correspondingAuthor)}: <a href="mailto:${escape(corresponding.email!)}" dir="ltr">${escape(corresponding.email!)}</a>`
      : ''
  }</p>
${abstracts.join('\n')}
<p class="dates">${dates.join(' · ')}</p>
<div class="body">
${body}
</div>
${notes}
${publication.funding ? `<section><h2>${escape(labels.funding)}</h2><p>${escape(publication.funding)}</p></section>` : ''}
${references.length ? `<section role="doc-bibliography"><h2>${escape(labels.references)}</h2><ol>${references.map((reference) => `<li>${escape(reference)}</li>`).join('')}</ol></section>` : ''}
<footer class="rights">
<p>© ${publication.copyrightYear} ${escape(publication.copyrightHolder)} · ${escape(labels.licence)}: <a rel="license" href="${escape(publication.licenceUrl)}">${escape(licenceName)}</a></p>
<p><strong>${escape(labels.citeThisArticle)}:</strong> ${escape(citeArticle(input, locale))}</p>
</footer>
</article>
</body>
</html>
`;
}
