import type { NameScript, PersonName } from '../../editorial/people';
import { SUPPORTED_LOCALES, type Locale } from '../../common/i18n/locale';
import {
  CREATIVE_COMMONS_LICENCE_NAMES,
  type CreativeCommonsLicence,
} from '../../common/validation/validators';
import { escapeXmlAttribute, escapeXmlText, stripInvalidXmlChars } from '../../publishing';
import type { Block, Inline } from '../content/article-content';
import { assetFileName } from '../pdf/typst-document';
import { localesOf, type TypesetArticleInput } from '../typesetting-input';
import { labelsFor } from './labels';

/*
 * JATS 1.3 (Journal Publishing) has mixed content everywhere in the body (text with <italic>,
 * <xref>…), which the exports' element builder does not write; this file writes strings, and
 * every piece of text and every attribute goes through the XML escapes.
 */
const text = (value: string) => escapeXmlText(stripInvalidXmlChars(value));
const attr = (value: string | number) => escapeXmlAttribute(stripInvalidXmlChars(String(value)));

/** What JATS writes for a language: ISO 639-1, as xml:lang wants. */
const lang = (locale: Locale) => locale;

interface BodyState {
  notes: Inline[][][];
  tables: number;
  figures: number;
  assets: Map<string, { id: string; mediaType: string }>;
  labels: ReturnType<typeof labelsFor>;
}

function inline(node: Inline, state: BodyState): string {
  switch (node.type) {
    case 'text':
      return text(node.text);
    case 'emphasis':
      return `<italic>${inlines(node.children, state)}</italic>`;
    case 'strong':
      return `<bold>${inlines(node.children, state)}</bold>`;
    case 'superscript':
      return `<sup>${inlines(node.children, state)}</sup>`;
    case 'subscript':
      return `<sub>${inlines(node.children, state)}</sub>`;
    case 'code':
      return `<monospace>${text(node.text)}</monospace>`;
    case 'break':
      return '<break/>';
    case 'link':
      return /^(https?:|mailto:)/i.test(node.href)
        ? `<ext-link ext-link-type="uri" xlink:href="${attr(node.href)}">${inlines(node.children, state)}</ext-link>`
        : inlines(node.children, state);
    case 'footnote': {
      state.notes.push(node.paragraphs);
      const n = state.notes.length;
      return `<xref ref-type="fn" rid="fn${n}">${n}</xref>`;
    }
  }
}

const inlines = (nodes: Inline[], state: BodyState) =>
  nodes.map((node) => inline(node, state)).join('');

/** Body blocks, sections nested by heading level. */
function body(blocks: Block[], state: BodyState): string {
  let out = '';
  const open: number[] = [];
  let section = 0;
  for (const node of blocks) {
    if (node.type === 'heading') {
      while (open.length && open[open.length - 1] >= node.level) {
        out += '</sec>';
        open.pop();
      }
      section += 1;
      out += `<sec id="s${section}"><title>${inlines(node.children, state)}</title>`;
      open.push(node.level);
      continue;
    }
    out += block(node, state);
  }
  while (open.pop() !== undefined) out += '</sec>';
  return out;
}

function block(node: Block, state: BodyState): string {
  switch (node.type) {
    case 'heading':
      return `<p><bold>${inlines(node.children, state)}</bold></p>`;
    case 'paragraph':
      return `<p${node.locale ? ` xml:lang="${lang(node.locale)}"` : ''}>${inlines(node.children, state)}</p>`;
    case 'list':
      return `<list list-type="${node.ordered ? 'order' : 'bullet'}">${node.items
        .map(
          (item) =>
            `<list-item>${item.length ? item.map((b) => block(b, state)).join('') : '<p/>'}</list-item>`,
        )
        .join('')}</list>`;
    case 'quote':
      return `<disp-quote>${node.blocks.map((b) => block(b, state)).join('') || '<p/>'}</disp-quote>`;
    case 'code':
      return `<preformat>${text(node.text)}</preformat>`;
    case 'rule':
      return '';
    case 'table': {
      state.tables += 1;
      const n = state.tables;
      const row = (cells: (typeof node.rows)[number], tag: 'th' | 'td') =>
        `<tr>${cells.cells
          .map(
            (cell) =>
              `<${tag}${cell.colspan ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan ? ` rowspan="${cell.rowspan}"` : ''}>${inlines(cell.children, state)}</${tag}>`,
          )
          .join('')}</tr>`;
      const head = node.rows.filter((r) => r.header).map((r) => row(r, 'th'));
      const rows = node.rows.filter((r) => !r.header).map((r) => row(r, 'td'));
      return `<table-wrap id="t${n}"><label>${text(`${state.labels.table} ${n}`)}</label>${
        node.caption.length ? `<caption><p>${inlines(node.caption, state)}</p></caption>` : ''
      }<table>${head.length ? `<thead>${head.join('')}</thead>` : ''}<tbody>${rows.join('') || '<tr><td/></tr>'}</tbody></table></table-wrap>`;
    }
    case 'figure': {
      state.figures += 1;
      const n = state.figures;
      const asset = state.assets.get(node.assetId);
      const [mimetype, subtype] = (asset?.mediaType ?? 'image/png').split('/');
      return `<fig id="f${n}"><label>${text(`${state.labels.figure} ${n}`)}</label>${
        node.caption.length ? `<caption><p>${inlines(node.caption, state)}</p></caption>` : ''
      }${node.alt ? `<alt-text>${text(node.alt)}</alt-text>` : ''}<graphic mimetype="${mimetype}" mime-subtype="${attr(subtype)}" xlink:href="${attr(asset ? assetFileName(asset) : node.assetId)}"/></fig>`;
    }
  }
}

function date(type: string, value: Date): string {
  const iso = value.toISOString().slice(0, 10);
  const [year, month, day] = iso.split('-');
  return `<date date-type="${type}" iso-8601-date="${iso}"><day>${day}</day><month>${month}</month><year>${year}</year></date>`;
}

function name(person: PersonName, script: NameScript): string {
  const locale = script === 'Arab' ? 'ar' : undefined;
  const given = `<given-names>${text(person.given)}</given-names>`;
  return person.family
    ? `<name name-style="western"${locale ? ` xml:lang="${locale}"` : ''}><surname>${text(person.family)}</surname>${given}</name>`
    : `<name name-style="given-only"${locale ? ` xml:lang="${locale}"` : ''}>${given}</name>`;
}

/**
 * The article as JATS 1.3 Journal Publishing XML: front matter from the publication record
 * (journal, identifiers, names in every script, history, permissions, abstracts and keywords in
 * every language), the body as nested sections, and notes and references in the back.
 */
export function renderJatsGalley(input: TypesetArticleInput): string {
  const { journal, issue, article } = input;
  const { publication, content } = article;
  const locale = publication.locale;
  const labels = labelsFor(locale);
  const own = publication.metadata[locale] ?? Object.values(publication.metadata)[0]!;
  const state: BodyState = {
    notes: [],
    tables: 0,
    figures: 0,
    assets: new Map(content.assets.map((asset) => [asset.id, asset])),
    labels,
  };
  const others = SUPPORTED_LOCALES.filter((l) => l !== locale);

  const journalTitles = [
    journal.titles[journal.primaryLocale]
      ? `<journal-title xml:lang="${journal.primaryLocale}">${text(journal.titles[journal.primaryLocale]!)}</journal-title>`
      : '',
    ...SUPPORTED_LOCALES.filter((l) => l !== journal.primaryLocale && journal.titles[l]).map(
      (l) =>
        `<trans-title-group xml:lang="${l}"><trans-title>${text(journal.titles[l]!)}</trans-title></trans-title-group>`,
    ),
    ...SUPPORTED_LOCALES.filter((l) => journal.abbreviations[l]).map(
      (l) =>
        `<abbrev-journal-title abbrev-type="publisher" xml:lang="${l}">${text(journal.abbreviations[l]!)}</abbrev-journal-title>`,
    ),
  ].join('');

  const affiliations: string[] = [];
  const contribs = publication.contributors.map((contributor) => {
    const scripts = (['Arab', 'Latn', 'Tfng'] as NameScript[]).filter(
      (script) => contributor.names[script]?.given,
    );
    const names = scripts.map((script) => name(contributor.names[script]!, script));
    let affRef = '';
    if (contributor.affiliation) {
      let at = affiliations.indexOf(contributor.affiliation);
      if (at < 0) at = affiliations.push(contributor.affiliation) - 1;
      affRef = `<xref ref-type="aff" rid="aff${at + 1}"/>`;
    }
    return `<contrib contrib-type="author"${contributor.corresponding ? ' corresp="yes"' : ''}>${
      contributor.orcid
        ? `<contrib-id contrib-id-type="orcid">https://orcid.org/${text(contributor.orcid)}</contrib-id>`
        : ''
    }${names.length > 1 ? `<name-alternatives>${names.join('')}</name-alternatives>` : (names[0] ?? '<string-name/>')}${
      contributor.corresponding && contributor.email
        ? `<email>${text(contributor.email)}</email>`
        : ''
    }${affRef}</contrib>`;
  });
  const affs = affiliations.map(
    (affiliation, index) => `<aff id="aff${index + 1}">${text(affiliation)}</aff>`,
  );

  const titleGroup = `<title-group><article-title>${text(own.title)}</article-title>${
    own.subtitle ? `<subtitle>${text(own.subtitle)}</subtitle>` : ''
  }${others
    .filter((l) => publication.metadata[l]?.title)
    .map(
      (l) =>
        `<trans-title-group xml:lang="${l}"><trans-title>${text(publication.metadata[l]!.title)}</trans-title>${
          publication.metadata[l]!.subtitle
            ? `<trans-subtitle>${text(publication.metadata[l]!.subtitle!)}</trans-subtitle>`
            : ''
        }</trans-title-group>`,
    )
    .join('')}</title-group>`;

  const published = publication.publishedAt ?? issue?.publishedAt ?? null;
  const pubDate = published
    ? (() => {
        const iso = published.toISOString().slice(0, 10);
        const [year, month, day] = iso.split('-');
        return `<pub-date publication-format="electronic" date-type="pub" iso-8601-date="${iso}"><day>${day}</day><month>${month}</month><year>${year}</year></pub-date>`;
      })()
    : '';
  const pages =
    publication.firstPage !== null && publication.lastPage !== null
      ? `<fpage>${publication.firstPage}</fpage><lpage>${publication.lastPage}</lpage>`
      : publication.articleNumber
        ? `<elocation-id>${text(publication.articleNumber)}</elocation-id>`
        : '';
  const history = [
    publication.receivedAt && date('received', publication.receivedAt),
    publication.revisedAt && date('rev-recd', publication.revisedAt),
    publication.acceptedAt && date('accepted', publication.acceptedAt),
  ].filter(Boolean);
  const licenceName =
    CREATIVE_COMMONS_LICENCE_NAMES[publication.licenceUrl as CreativeCommonsLicence] ??
    publication.licenceUrl;
  const permissions = `<permissions><copyright-statement>© ${publication.copyrightYear} ${text(publication.copyrightHolder)}</copyright-statement><copyright-year>${publication.copyrightYear}</copyright-year><copyright-holder>${text(publication.copyrightHolder)}</copyright-holder><license><ali:license_ref>${text(publication.licenceUrl)}</ali:license_ref><license-p>${text(licenceName)}</license-p></license></permissions>`;
  const abstractLocales = localesOf(journal, publication).filter(
    (l) => publication.metadata[l]?.abstract,
  );
  const abstracts = abstractLocales
    .map((l) =>
      l === locale
        ? `<abstract><p>${text(publication.metadata[l]!.abstract!)}</p></abstract>`
        : `<trans-abstract xml:lang="${l}"><p>${text(publication.metadata[l]!.abstract!)}</p></trans-abstract>`,
    )
    .join('');
  const keywords = localesOf(journal, publication)
    .filter((l) => publication.metadata[l]?.keywords?.length)
    .map(
      (l) =>
        `<kwd-group kwd-group-type="author" xml:lang="${l}">${publication.metadata[l]!.keywords!.map((k) => `<kwd>${text(k)}</kwd>`).join('')}</kwd-group>`,
    )
    .join('');
  const funding = publication.funding
    ? `<funding-group><funding-statement>${text(publication.funding)}</funding-statement></funding-group>`
    : '';

  const bodyXml = body(content.blocks, state);
  const references = publication.references.length ? publication.references : content.references;
  const refList = references.length
    ? `<ref-list><title>${text(labels.references)}</title>${references
        .map((reference, index) => {
          const doi = /\b(10\.\d{4,9}\/[^\s"<>]+[^\s"<>.,;])/.exec(reference)?.[1];
          return `<ref id="r${index + 1}"><mixed-citation>${text(reference)}${doi ? ` <pub-id pub-id-type="doi">${text(doi)}</pub-id>` : ''}</mixed-citation></ref>`;
        })
        .join('')}</ref-list>`
    : '';
  const notes = state.notes.length
    ? `<fn-group><title>${text(labels.notes)}</title>${state.notes
        .map(
          (paragraphs, index) =>
            `<fn id="fn${index + 1}"><label>${index + 1}</label>${(paragraphs.length
              ? paragraphs
              : [[]]
            )
              .map((p) => `<p>${inlines(p, state)}</p>`)
              .join('')}</fn>`,
        )
        .join('')}</fn-group>`
    : '';
  const back = refList || notes ? `<back>${refList}${notes}</back>` : '';

  return `<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:mml="http://www.w3.org/1998/Math/MathML" xmlns:ali="http://www.niso.org/schemas/ali/1.0/" article-type="research-article" dtd-version="1.3" xml:lang="${lang(locale)}">
<front>
<journal-meta><journal-id journal-id-type="publisher-id">${text(journal.slug)}</journal-id><journal-title-group>${journalTitles}</journal-title-group>${
    journal.onlineIssn
      ? `<issn publication-format="electronic">${text(journal.onlineIssn)}</issn>`
      : ''
  }${journal.printIssn ? `<issn publication-format="print">${text(journal.printIssn)}</issn>` : ''}<publisher><publisher-name>${text(journal.publisherName)}</publisher-name>${
    journal.publisherPlace ? `<publisher-loc>${text(journal.publisherPlace)}</publisher-loc>` : ''
  }</publisher></journal-meta>
<article-meta>${publication.doi ? `<article-id pub-id-type="doi">${text(publication.doi)}</article-id>` : ''}<article-id pub-id-type="publisher-id">${text(publication.submissionId)}</article-id><article-categories><subj-group subj-group-type="heading"><subject>${text(
    article.sectionTitles[locale] ??
      article.sectionTitles[journal.primaryLocale] ??
      Object.values(article.sectionTitles)[0] ??
      '',
  )}</subject></subj-group></article-categories>${titleGroup}<contrib-group>${contribs.join('')}${affs.join('')}</contrib-group>${pubDate}${
    issue ? `<volume>${issue.volume}</volume><issue>${issue.number}</issue>` : ''
  }${pages}${history.length ? `<history>${history.join('')}</history>` : ''}${permissions}<self-uri xlink:href="${attr(article.landingUrl)}"/>${abstracts}${keywords}${funding}</article-meta>
</front>
<body>${bodyXml}</body>
${back}
</article>
`;
}
