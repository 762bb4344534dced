import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { syntheticIssue } from '../../../bench/fixtures/synthetic-issue';
import { JATS_1_3_XSD } from '../../../test/support/standards';
import { readMarkdown } from '../content/manuscript-readers';
import { demoManuscript } from '../../demo/demo-manuscripts';
import type { TypesetArticleInput } from '../typesetting-input';
import { renderHtmlGalley } from './html-galley';
import { renderJatsGalley } from './jats-galley';

// The smallest valid PNG: one transparent pixel.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function articleInput(index: number): TypesetArticleInput {
  const issue = syntheticIssue(3, 4);
  const article = issue.articles[index];
  const locale = article.publication.locale;
  // A figure, an unsafe and a safe link, inside the body (before its references).
  const markdown = demoManuscript(locale, 'T', 'A <b>&').replace(
    '\n## ',
    '\n![A map](map.png)\n\nFigure: Where the volunteers <are> & go\n\n[bad](javascript:alert(1)) [good](https://example.org/?a=1&b=2)\n\n## ',
  );
  article.content = readMarkdown(
    markdown,
    'manuscript.md',
    new Map([['map.png', { mediaType: 'image/png', data: PNG }]]),
  );
  article.publication.metadata[locale]!.title = 'A <title> & "quotes"';
  return { journal: issue.journal, issue: issue.issue, article };
}

describe('HTML and JATS galleys', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tahkim-galleys-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([0, 2, 3])('writes JATS 1.3 that validates (article %i)', (index) => {
    const input = articleInput(index);
    const xml = renderJatsGalley(input);
    const path = join(dir, `a${index}.xml`);
    writeFileSync(path, xml);
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', JATS_1_3_XSD, path], {
      stdio: 'pipe',
    });
    const { locale, doi } = input.article.publication;
    expect(xml).toContain(`xml:lang="${locale}"`);
    expect(xml).toContain(`<article-id pub-id-type="doi">${doi}</article-id>`);
    expect(xml).toContain(
      '<contrib-id contrib-id-type="orcid">https://orcid.org/0000-0002-1825-0097</contrib-id>',
    );
    expect(xml).toContain(`<trans-abstract xml:lang="${locale === 'ar' ? 'en' : 'ar'}">`);
    expect(xml).toContain(
      '<ali:license_ref>https://creativecommons.org/licenses/by/4.0/</ali:license_ref>',
    );
    expect(xml).toContain('<article-title>A &lt;title&gt; &amp; "quotes"</article-title>');
    // Every note call has its note.
    const calls = [...xml.matchAll(/<xref ref-type="fn" rid="(fn\d+)">/g)].map((m) => m[1]);
    expect(calls).toEqual(['fn1', 'fn2']);
    for (const id of calls) expect(xml).toContain(`<fn id="${id}">`);
    expect(xml).toContain('<graphic mimetype="image" mime-subtype="png" xlink:href="fig-1.png"/>');
    expect(xml).not.toContain('xlink:href="javascript');
  });

  it('writes a standalone HTML page in the article’s language and direction', () => {
    const input = articleInput(0);
    const html = renderHtmlGalley(input);
    const document = parseDocument(html);
    const root = document.children.find(
      (node) => 'name' in node && node.name === 'html',
    ) as unknown as {
      attribs: Record<string, string>;
    };
    expect(root.attribs).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(html).toContain('<section class="abstract" lang="en" dir="ltr">');
    expect(html).toContain('<meta name="citation_doi" content="10.59999/forum.2026.3.1">');
    expect(html).toContain('<meta name="citation_issn" content="2345-6789">');
    expect(html).toContain('<title>A &lt;title&gt; &amp; &quot;quotes&quot;</title>');
    expect(html).toContain('<caption><strong>جدول 1.</strong>');
    expect(html).toContain(
      '<figcaption><strong>شكل 1.</strong> Where the volunteers &lt;are&gt; &amp; go</figcaption>',
    );
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).toContain('<a href="#fn1" id="fnref1" role="doc-noteref">1</a>');
    expect(html).toContain('<li id="fn1">');
    expect(html).toContain('href="#fnref1"');
    expect(html).not.toMatch(/<script|href="javascript/i);
    expect(html).toContain(
      '<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>',
    );
  });
});
