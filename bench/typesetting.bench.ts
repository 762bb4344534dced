import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/paths/project-root';
import { renderHtmlGalley } from '../src/typesetting/galleys/html-galley';
import { shippedFonts, TypstEngine } from '../src/typesetting/pdf/typst-engine';
import { prepareIssue, typesetIssue } from '../src/typesetting/typesetter';
import type { TypesetIssueInput } from '../src/typesetting/typesetting-input';
import { syntheticIssue } from './fixtures/synthetic-issue';

type Report = (name: string, value: number, unit: string, target: string, met: boolean) => void;

const CHROMIUM = '/usr/bin/chromium';
// Chromium on this machine: no sandbox as root, no GPU, no network chatter.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Where the page asks for the fonts: requests to it are answered from the npm packages.
const FONT_ORIGIN = 'https://fonts.bench.invalid';

/**
 * The fonts Typst is given (Amiri, Noto Serif from npm), as @font-face rules: each engine sets
 * the same text in the same fonts, and loads them itself, as a Chromium pipeline in production
 * would. Without them Chromium would fall back to whatever the machine has.
 */
function shippedFontFaces() {
  const fonts = shippedFonts().map((font, index) => ({
    ...font,
    url: `${FONT_ORIGIN}/${index}.ttf`,
    bytes: readFileSync(font.path),
  }));
  const css = fonts
    .map(
      (font) =>
        `@font-face{font-family:"${font.family}";font-weight:${font.weight};font-style:${font.style};src:url(${font.url}) format("truetype")}`,
    )
    .join('');
  return { css, bytesByUrl: new Map(fonts.map((font) => [font.url, font.bytes])) };
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** The issue's HTML galleys, as Chromium and Paged.js print them: one per article, and all in one. */
function htmlGalleys(input: TypesetIssueInput) {
  const articles = input.articles.map((article) =>
    renderHtmlGalley({ journal: input.journal, issue: input.issue, article }),
  );
  // The issue: every article's <article> in one document (the first one's head and styles).
  const bodies = articles.map((html) => /<article>[\s\S]*<\/article>/.exec(html)![0]);
  const issue = articles[0].replace(
    /<article>[\s\S]*<\/article>/,
    bodies
      .map((body) => body.replace('<article>', '<article style="break-before: page">'))
      .join('\n'),
  );
  return { articles, issue };
}

async function chromiumFigures(input: TypesetIssueInput, report: Report, typstWarm: number) {
  if (!existsSync(CHROMIUM)) {
    console.log(`skip Chromium and Paged.js: ${CHROMIUM} is missing (apt-get install chromium)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const fonts = shippedFontFaces();
    await page.route(`${FONT_ORIGIN}/**`, (route) =>
      route.fulfill({ body: fonts.bytesByUrl.get(route.request().url()), contentType: 'font/ttf' }),
    );
    const galleys = htmlGalleys(input);
    const printAll = async (paged: boolean) => {
      const polyfill = readFileSync(
        join(projectRoot(), 'node_modules', 'pagedjs', 'dist', 'paged.polyfill.js'),
        'utf8',
      );
      const print = async (galley: string) => {
        const html = galley.replace('</head>', () => `<style>${fonts.css}</style></head>`);
        if (!paged) {
          await page.setContent(html, { waitUntil: 'load' });
        } else {
          // Paged.js lays the pages out in the page, then says so.
          // A function, not a string: the polyfill's source holds `$` patterns replace() would read.
          const withPaged = html.replace(
            '</head>',
            () =>
              `<script>window.PagedConfig = { auto: true, after: () => { window.__paged = true; } };</script><script>${polyfill}</script></head>`,
          );
          await page.setContent(withPaged, { waitUntil: 'load' });
          await page.waitForFunction('window.__paged === true', null, { timeout: 300_000 });
        }
        // Fonts load when text first asks for them, which can be after the load event.
        await page.evaluate('document.fonts.ready.then(() => true)');
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: paged });
      };
      const started = process.hrtime.bigint();
      const issuePdf = await print(galleys.issue);
      const issueSeconds = seconds(started);
      for (const html of galleys.articles) await print(html);
      return { issueSeconds, allSeconds: seconds(started), bytes: issuePdf.length };
    };
    await printAll(false); // warm: Chromium's first page load and fonts
    // As for Typst, the median of a few runs: one run on a shared machine is noisy.
    const median = async (paged: boolean) => {
      const runs = [await printAll(paged), await printAll(paged), await printAll(paged)];
      return runs.sort((a, b) => a.allSeconds - b.allSeconds)[1];
    };
    const chrome = await median(false);
    const paged = await median(true);
    report('Chromium page.pdf(): issue', chrome.issueSeconds, 's', 'for comparison', true);
    report(
      'Chromium page.pdf(): issue + 20 articles',
      chrome.allSeconds,
      's',
      'for comparison',
      true,
    );
    report('Paged.js 0.4.3 in Chromium: issue', paged.issueSeconds, 's', 'for comparison', true);
    report(
      'Paged.js 0.4.3 in Chromium: issue + 20 articles',
      paged.allSeconds,
      's',
      'for comparison',
      true,
    );
    report(
      'Typst vs Chromium print (issue + 20 articles)',
      chrome.allSeconds / typstWarm,
      '×',
      '≥ 5× faster',
      chrome.allSeconds / typstWarm >= 5,
    );
    report(
      'Typst vs Paged.js (issue + 20 articles)',
      paged.allSeconds / typstWarm,
      '×',
      '≥ 10× faster',
      paged.allSeconds / typstWarm >= 10,
    );
  } finally {
    await browser.close();
  }
}

/**
 * The typesetting benchmark: a ~200-page issue of 20 articles (10 Arabic, 6 English, 4 French;
 * tables, notes, contents with page numbers, running heads), content no run has seen before
 * (each seed is new text). Typst lays the issue out once and the 20 article PDFs are cut from
 * it; then Chromium prints the same HTML galleys, and Paged.js paginates them in Chromium.
 */
export async function benchTypesetting(report: Report): Promise<void> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const engine = new TypstEngine();
  let started = process.hrtime.bigint();
  const cold = await typesetIssue(engine, syntheticIssue(101));
  const coldSeconds = seconds(started);
  // Warm: the engine has run, but each issue is content it has not seen. One run on a shared
  // machine is noisy, so the figure is the median of five; memory is watched over all of them
  // (the engine's caches are evicted after each issue, so it stays flat).
  const warmRuns: number[] = [];
  let input = syntheticIssue(102);
  let warm = cold;
  for (const seed of [102, 103, 104, 105, 106]) {
    input = syntheticIssue(seed);
    started = process.hrtime.bigint();
    warm = await typesetIssue(engine, input);
    warmRuns.push(seconds(started));
  }
  const warmSeconds = [...warmRuns].sort((a, b) => a - b)[Math.floor(warmRuns.length / 2)];
  clearInterval(sampler);
  // Unchanged inputs: the worker hashes them and finds the previous result.
  started = process.hrtime.bigint();
  prepareIssue(input);
  const reuseSeconds = seconds(started);

  report(
    `Typst issue, cold (${cold.pages} pages, 20 article PDFs)`,
    coldSeconds,
    's',
    'for comparison',
    true,
  );
  report(
    `Typst issue + 20 article PDFs, warm, new content (${warm.pages} pages; median of ${warmRuns
      .map((run) => run.toFixed(2))
      .join(', ')})`,
    warmSeconds,
    's',
    '< 2.5 s',
    warmSeconds < 2.5,
  );
  report(
    'Typst worker peak memory over 6 issues',
    peak / 1024 / 1024,
    'MiB',
    '< 1024 MiB',
    peak < 1024 ** 3,
  );
  report(
    're-typesetting an unchanged issue (input hash)',
    reuseSeconds,
    's',
    '< 0.5 s',
    reuseSeconds < 0.5,
  );
  await chromiumFigures(input, report, warmSeconds);
}
