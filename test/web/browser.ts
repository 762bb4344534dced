import AxeBuilder from '@axe-core/playwright';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { mkdirSync } from 'node:fs';
import { freePort } from '../support/free-port';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { createApi, type CreateApiOptions } from '../../src/api.bootstrap';
import { projectRoot } from '../../src/common/paths/project-root';
import { type DemoSeedOptions, seedDemo } from '../../src/demo';
import { mailbox, type Stack } from '../support/api-with-worker';
import { startSmtpTestServer } from '../support/smtp-test-server';
import { createTestEnvironment, type TestEnvironment } from '../support/test-environment';
import { startWorker } from '../support/worker-context';

/** Debian's Chromium (`apt-get install chromium`; npm test's pretest installs it). */
export const CHROMIUM = '/usr/bin/chromium';
/** The WCAG 2.x A and AA rules axe runs on every page. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const SCREENSHOTS_DIR = join(projectRoot(), 'var', 'screenshots');

/** The API (which serves the web pages) listening on a free localhost port, with its own database. */
export interface WebApp {
  env: TestEnvironment;
  app: NestExpressApplication;
  dataSource: DataSource;
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  /**
   * With `worker: true`: waits for the next email to `address` (delivered by the worker to an
   * SMTP server in the test process) that matches, and returns it. Else it throws.
   */
  mailTo: Stack['mailTo'];
  close(): Promise<void>;
}

/**
 * Starts the app as production does (createApi), on a free port of 127.0.0.1 which is also its
 * PUBLIC_URL, with the demo journal seeded unless `seed` is false. Limits are lifted: a browser
 * suite makes many requests. `worker: true` also starts the worker and an SMTP server, so that
 * emails are sent and their links can be followed.
 */
export async function startWebApp(
  options: {
    seed?: false | DemoSeedOptions;
    env?: Record<string, string>;
    /** Modules beside the app's own (a test's routes). */
    imports?: CreateApiOptions['imports'];
    worker?: boolean;
  } = {},
): Promise<WebApp> {
  // The site's address is where the browser finds it: its forms' Origin is then the site's own.
  const port = await freePort();
  const smtp = options.worker ? await startSmtpTestServer() : null;
  const env = await createTestEnvironment({
    RATE_LIMIT_PER_MINUTE: '100000',
    AUTH_REQUESTS_PER_IP: '100000',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ...(smtp ? { SMTP_URL: smtp.url } : {}),
    ...options.env,
  });
  const app = await createApi(env.config, { imports: options.imports });
  await app.listen(port, '127.0.0.1');
  if (options.seed !== false) await seedDemo(app, options.seed ?? {});
  const worker = smtp ? (await startWorker(env.config)).worker : null;
  return {
    env,
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    baseUrl: `http://127.0.0.1:${port}`,
    mailTo: smtp
      ? mailbox(smtp)
      : () => Promise.reject(new Error('startWebApp({ worker: true }) sends emails')),
    async close() {
      await app.close();
      await worker?.close();
      await smtp?.close();
      await env.cleanup();
    },
  };
}

/** One headless Chromium for a test file (each `newContext` is a fresh visitor). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM });
}

/**
 * A visitor whose browser asks for `locale` (Accept-Language), on a 1280×900 screen unless
 * told otherwise. Close it with the browser, or on its own to forget its cookies.
 */
export function visitor(
  browser: Browser,
  baseUrl: string,
  options: { locale?: string; width?: number; height?: number } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'ar',
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
}

/** axe's serious and critical findings on the page as it is now, one line each. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

export interface PageDirection {
  /** The computed `direction` of <html>. */
  direction: string;
  /** Where the main navigation's first link sits: its centre, on the left or the right half. */
  navigationSide: 'left' | 'right';
}

/**
 * The page's direction as a reader sees it: the computed direction of the document, and the
 * side of the screen where the main navigation (`.main-nav`) starts. Arabic: rtl and right.
 */
export async function pageDirection(page: Page): Promise<PageDirection> {
  const direction = String(
    await page.evaluate('getComputedStyle(document.documentElement).direction'),
  );
  const box = await page.locator('.main-nav a').first().boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  if (!box) throw new Error('the page has no main navigation (.main-nav a)');
  return { direction, navigationSide: box.x + box.width / 2 > width / 2 ? 'right' : 'left' };
}

/** The little of the browser's window these helpers call (the project compiles without the DOM). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { direction: string };
}

/** The computed direction of an element (an English abstract on an Arabic page is ltr). */
export function directionOf(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .first()
    .evaluate(
      (element) => (globalThis as unknown as BrowserWindow).getComputedStyle(element).direction,
    );
}

/** Saves a full-page screenshot as var/screenshots/<name>-<locale>.png, and returns its path. */
export async function saveScreenshot(page: Page, name: string, locale: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}-${locale}.png`);
  // Fonts first: a screenshot taken before the UI font arrives shows the fallback.
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** `<link rel="alternate" hreflang>` of the page: hreflang → href. */
export async function hreflangAlternates(page: Page): Promise<Record<string, string>> {
  return Object.fromEntries(
    await page
      .locator('head link[rel="alternate"][hreflang]')
      .evaluateAll((links) =>
        links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]),
      ),
  );
}

/** Content-Security-Policy violations the page reported while it loaded (see watchCsp). */
export function watchCsp(page: Page): string[] {
  const reported: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  return reported;
}
