import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { projectRoot } from '../src/common/paths/project-root';
import { renderHtmlGalley } from '../src/typesetting/galleys/html-galley';
import { ArticleCutter } from '../src/typesetting/pdf/article-cutter';
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

/**
 * The fonts Typst is given (Amiri, Noto Serif from npm), as @font-face rules pointing at the
 * bench's server: each engine sets the same text in the same fonts, and loads them itself, as a
 * Chromium pipeline in production would. Without them Chromium would fall back to whatever the
 * machine has.
 */
function shippedFontFaces(origin: string) {
  const fonts = shippedFonts().map((font, index) => ({
    ...font,
    path: `/fonts/${index}.ttf`,
    bytes: readFileSync(font.path),
  }));
  const css = fonts
    .map(
      (font) =>
        `@font-face{font-family:"${font.family}";font-weight:${font.weight};font-style:${font.style};src:url(${origin}${font.path}) format("truetype")}`,
    )
    .join('');
  return { css, bytesByPath: new Map(fonts.map((font) => [font.path, font.bytes])) };
}

/**
 * A local HTTP server for the browser: the fonts, cacheable (as from any web server, Chromium
 * fetches them once), and the galley being printed. A real server rather than Playwright's
 * request interception, which turns the browser's cache off.
 */
async function galleyServer() {
  let galley = '';
  let fonts = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const font = fonts.get(request.url ?? '');
    if (font) {
      response.writeHead(200, {
        'content-type': 'font/ttf',
        'cache-control': 'public, max-age=31536000, immutable',
      });
      response.end(font);
    } else {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(galley);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    serveFonts: (bytesByPath: Map<string, Buffer>) => (fonts = bytesByPath),
    serve: (html: string) => (galley = html),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** One pass of a browser engine over the issue and its 20 articles. */
interface PrintRun {
  issueSeconds: number;
  allSeconds: number;
  /** The issue PDF's pages: a check that the engine laid all of it out. */
  pages: number;
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** The middle one of an odd number of runs, by `key`: one run on a shared machine is noisy. */
const middle = <T>(values: T[], key: (value: T) => number) =>
  [...values].sort((a, b) => key(a) - key(b))[Math.floor(values.length / 2)];

// The galleys' print as Typst sets the issue: A4, the same margins, 10.5 pt text. The galleys'
// own style is for screens (16 px text), which would give the browsers almost twice the pages.
const PRINT_STYLE =
  '<style>@page{size:A4;margin:2.2cm 2cm 2cm}body{font-size:10.5pt;line-height:1.45;padding:0}</style>';

const ROOT_ELEMENT = /<html lang="([a-z]+)" dir="(rtl|ltr)">/;

/**
 * A galley as both browser engines get it: its language and direction on a wrapper inside the
 * body instead of the root element. Chromium renders it the same; Paged.js 0.4.3 cannot paginate
 * a document whose root is right-to-left (an Arabic galley comes out as 2 pages, the rest of its
 * text lost), and a Paged.js pipeline would have to do this too.
 */
function forBrowsers(html: string): string {
  const [root, lang, dir] = ROOT_ELEMENT.exec(html)!;
  return html
    .replace(root, `<html lang="${lang}">`)
    .replace('<body>', `<body><div lang="${lang}" dir="${dir}">`)
    .replace('</body>', '</div></body>');
}

/** The issue's HTML galleys, as Chromium and Paged.js print them: one per article, and all in one. */
function htmlGalleys(input: TypesetIssueInput) {
  const galleys = input.articles.map((article) =>
    renderHtmlGalley({ journal: input.journal, issue: input.issue, article }),
  );
  // The issue: every article's <article>, in its own language and direction, in one document
  // (the first one's head and styles).
  const bodies = galleys.map((html) => {
    const [, lang, dir] = ROOT_ELEMENT.exec(html)!;
    return /<article>[\s\S]*<\/article>/
      .exec(html)![0]
      .replace('<article>', `<article lang="${lang}" dir="${dir}" style="break-before: page">`);
  });
  const issue = galleys[0]
    .replace(ROOT_ELEMENT, (_, lang: string) => `<html lang="${lang}">`)
    .replace(/<article>[\s\S]*<\/article>/, () => bodies.join('\n'));
  return { articles: galleys.map(forBrowsers), issue };
}

async function pageCount(pdf: Buffer): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

async function chromiumFigures(
  input: TypesetIssueInput,
  report: Report,
  typesetNewIssue: () => Promise<number>,
) {
  if (!existsSync(CHROMIUM)) {
    console.log(`skip Chromium and Paged.js: ${CHROMIUM} is missing (apt-get install chromium)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const server = await galleyServer();
  try {
    const page = await browser.newPage();
    const fonts = shippedFontFaces(server.origin);
    server.serveFonts(fonts.bytesByPath);
    const polyfill = readFileSync(
      join(projectRoot(), 'node_modules', 'pagedjs', 'dist', 'paged.polyfill.js'),
      'utf8',
    );
    const galleys = htmlGalleys(input);
    let prints = 0;
    const print = async (html: string, paged: boolean) => {
      // Functions, not strings: the polyfill's source holds `$` patterns replace() would read.
      let galley = html.replace(
        '</head>',
        () => `<style>${fonts.css}</style>${PRINT_STYLE}</head>`,
      );
      if (paged) {
        // Paged.js lays the pages out in the page, then says so.
        galley = galley.replace(
          '</head>',
          () =>
            `<script>window.PagedConfig = { auto: true, after: () => { window.__paged = true; } };</script><script>${polyfill}</script></head>`,
        );
      }
      server.serve(galley);
      // A navigation per print: each starts in a new window (Playwright's setContent keeps the
      // window, and with it the previous print's "Paged.js is done" flag).
      await page.goto(`${server.origin}/galley/${++prints}`, { waitUntil: 'load' });
      if (paged) await page.waitForFunction('window.__paged === true', null, { timeout: 300_000 });
      // Fonts load when text first asks for them, which can be after the load event.
      await page.evaluate('document.fonts.ready.then(() => true)');
      return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    };
    const printAll = async (paged: boolean): Promise<PrintRun> => {
      // Warm: one article first, untimed, as Typst's round starts with an untimed issue.
      await print(galleys.articles[0], paged);
      const started = process.hrtime.bigint();
      const issuePdf = await print(galleys.issue, paged);
      const issueSeconds = seconds(started);
      for (const html of galleys.articles) await print(html, paged);
      return { issueSeconds, allSeconds: seconds(started), pages: await pageCount(issuePdf) };
    };
    await printAll(false); // Chromium's first page loads and fonts
    // Side by side: each round typesets a new issue with Typst, then prints with Chromium and
    // paginates with Paged.js, so that a busier minute of a shared machine slows all three; each
    // engine's figure is its median round. Each engine is warmed up just before its turn: on
    // this machine, memory left idle for the other engines' half minute is reclaimed by the host,
    // and touching it again cost Typst's next issue up to half a second.
    const rounds: { typst: number; chrome: PrintRun; paged: PrintRun }[] = [];
    for (let round = 0; round < 3; round++) {
      await typesetNewIssue();
      rounds.push({
        typst: await typesetNewIssue(),
        chrome: await printAll(false),
        paged: await printAll(true),
      });
    }
    const typst = middle(
      rounds.map((round) => round.typst),
      (value) => value,
    );
    const chrome = middle(
      rounds.map((round) => round.chrome),
      (run) => run.allSeconds,
    );
    const paged = middle(
      rounds.map((round) => round.paged),
      (run) => run.allSeconds,
    );
    report(
      `Typst issue + 20 article PDFs in those rounds (${rounds.map((round) => round.typst.toFixed(2)).join(', ')})`,
      typst,
      's',
      'for comparison',
      true,
    );
    report(
      `Chromium page.pdf(): issue (${chrome.pages} pages)`,
      chrome.issueSeconds,
      's',
      'for comparison',
      true,
    );
    report(
      'Chromium page.pdf(): issue + 20 articles',
      chrome.allSeconds,
      's',
      'for comparison',
      true,
    );
    report(
      `Paged.js 0.4.3 in Chromium: issue (${paged.pages} pages)`,
      paged.issueSeconds,
      's',
      'for comparison',
      true,
    );
    report(
      'Paged.js 0.4.3 in Chromium: issue + 20 articles',
      paged.allSeconds,
      's',
      'for comparison',
      true,
    );
    report(
      'Typst vs Chromium print (issue + 20 articles)',
      chrome.allSeconds / typst,
      '×',
      '≥ 5× faster',
      chrome.allSeconds / typst >= 5,
    );
    report(
      'Typst vs Paged.js (issue + 20 articles)',
      paged.allSeconds / typst,
      '×',
      '≥ 10× faster',
      paged.allSeconds / typst >= 10,
    );
  } finally {
    await browser.close();
    await server.close();
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
  // As in the worker: one engine, and one thread cutting the issue into article PDFs.
  const typesetters = { engine: new TypstEngine(), cutter: new ArticleCutter() };
  let started = process.hrtime.bigint();
  const cold = await typesetIssue(typesetters, syntheticIssue(101));
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
    warm = await typesetIssue(typesetters, input);
    warmRuns.push(seconds(started));
  }
  const warmSeconds = middle(warmRuns, (value) => value);
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
  // Each round of the comparison typesets an issue the engine has not seen either.
  let seed = 110;
  const typesetNewIssue = async () => {
    const issue = syntheticIssue(seed++);
    const began = process.hrtime.bigint();
    await typesetIssue(typesetters, issue);
    return seconds(began);
  };
  try {
    await chromiumFigures(input, report, typesetNewIssue);
  } finally {
    await typesetters.cutter.close();
  }
}
