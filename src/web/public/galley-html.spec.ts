import { embedGalley } from './galley-html';

/** A standalone galley as typesetting writes one (see src/typesetting/galleys/html-galley.ts). */
const GALLEY = `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>عنوان</title><style>body{color:red}</style>
<meta name="citation_title" content="عنوان"></head>
<body>
<article>
<header class="journal"><span><a href="https://journals.example/ar/j/x">مجلة</a> · المجلد 1</span></header>
<h1>عنوان</h1>
<section class="abstract" lang="en" dir="ltr"><h2>Abstract</h2><p>An abstract.</p></section>
<div class="body">
<p>نص.<sup><a href="#fn1" id="fnref1" role="doc-noteref">1</a></sup></p>
<figure id="fig1"><img src="data:image/png;base64,iVBORw0KGgo=" alt="شكل" width="10" height="10"><figcaption><strong>شكل 1.</strong> وصف</figcaption></figure>
<table><caption>جدول</caption><thead><tr><th scope="col" colspan="2">أ</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>
</div>
<section role="doc-endnotes"><h2>الحواشي</h2><ol><li id="fn1">حاشية. <a href="#fnref1" role="doc-backlink">↩</a></li></ol></section>
</article>
</body>
</html>`;

describe('embedGalley', () => {
  it('keeps the article and its notes, linked both ways under prefixed ids, without the head', () => {
    const { lang, dir, html } = embedGalley(GALLEY);
    expect([lang, dir]).toEqual(['ar', 'rtl']);
    expect(html).toContain('<h1>عنوان</h1>');
    expect(html).toContain(
      '<section lang="en" dir="ltr"><h2>Abstract</h2><p>An abstract.</p></section>',
    );
    expect(html).toContain('<a href="#galley-fn1" id="galley-fnref1" role="doc-noteref">1</a>');
    expect(html).toContain(
      '<li id="galley-fn1">حاشية. <a href="#galley-fnref1" role="doc-backlink">↩</a></li>',
    );
    expect(html).toContain(
      '<figure id="galley-fig1"><img src="data:image/png;base64,iVBORw0KGgo=" alt="شكل" width="10" height="10">',
    );
    expect(html).toContain('<th scope="col" colspan="2">أ</th>');
    // The galley's own head and journal line: the site's frame has its own.
    expect(html).not.toMatch(/<title|<meta|<style|citation_title|class=|مجلة/);
  });

  it('drops scripts, styles, handlers, frames and links that are not web, mail or in-page', () => {
    const { html } = embedGalley(`<html><body><article>
      <p style="color:red" onclick="alert(1)" class="x">text<script>alert(2)</script></p>
      <a href="javascript:alert(3)">js</a><a href="data:text/html,x">data</a>
      <a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener">web</a>
      <a href="#not a fragment">bad</a><a href="mailto:a@example.org">mail</a>
      <img src="https://tracker.example/x.png" alt="remote"><img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">
      <iframe src="https://evil.example"></iframe><object data="x"></object>
      <svg onload="alert(4)"><circle/></svg><form action="/x"><input name="a"></form>
      <custom-element data-x="1">kept text</custom-element>
      <p id="1bad" lang="en&quot;onmouseover=1" dir="sideways" role="button">attributes</p>
      <p title="&quot;&gt;&lt;script&gt;">&lt;script&gt;alert(5)&lt;/script&gt;</p>
    </article></body></html>`);
    expect(html).not.toMatch(
      /<script|style=|onclick|onload|class=|javascript:|data:text|iframe|object|svg|form|input|target=|tracker/,
    );
    expect(html).toContain('<p>text</p>');
    expect(html).toContain('<a>js</a><a>data</a>');
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2">web</a>');
    expect(html).toContain('<a>bad</a><a href="mailto:a@example.org">mail</a>');
    expect(html).toContain('<span>remote</span>');
    expect(html).toContain('kept text');
    expect(html).toContain('<p>attributes</p>');
    // Text that looks like markup stays text.
    expect(html).toContain('<p>&lt;script&gt;alert(5)&lt;/script&gt;</p>');
  });

  it('takes the body when the galley has no <article>', () => {
    expect(embedGalley('<html lang="fr"><body><p>Bonjour</p></body></html>')).toEqual({
      lang: 'fr',
      dir: null,
      html: '<p>Bonjour</p>',
    });
  });
});
