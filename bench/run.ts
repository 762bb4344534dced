import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { SUPPORTED_LOCALES } from '../src/common/i18n/locale';
import { EmailRenderer } from '../src/mail/email-renderer.service';
import { LocalFileStorage } from '../src/storage/local-file-storage';
import { benchArticleSearch } from './article-search.bench';
import { benchArchiveBombs } from './archive-bombs.bench';
import { benchSubmissionsListing } from './submissions-listing.bench';
import { benchTypesetting } from './typesetting.bench';
import { benchWebPages } from './web-pages.bench';
import { benchWorkspacePages } from './workspace-pages.bench';

/**
 * `npm run bench`: speed and memory figures with their targets. Benchmarks, not tests: they
 * print numbers for a person (or a later comparison) and never fail the build.
 */
interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
  met: boolean;
}

const figures: Figure[] = [];
const report = (figure: Figure) => {
  figures.push(figure);
  console.log(
    `${figure.met ? 'ok  ' : 'MISS'} ${figure.name}: ${figure.value.toFixed(1)} ${figure.unit} (target ${figure.target})`,
  );
};

function renderEmails(): void {
  const renderer = new EmailRenderer();
  const context = {
    siteUrl: 'https://journals.example.org',
    recipientName: 'Leila Benali',
    journal: { title: 'مجلة العمل التطوعي المحكّمة', url: 'https://journals.example.org/j/v' },
    verificationUrl: 'https://journals.example.org/verify?token=abc',
    expiresInHours: 48,
  };
  for (const locale of SUPPORTED_LOCALES) renderer.render('account-verification', locale, context); // warm
  const count = 3_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    renderer.render('account-verification', SUPPORTED_LOCALES[i % 3], {
      ...context,
      recipientName: `R${i}`,
    });
  }
  const perEmailMs = Number(process.hrtime.bigint() - started) / 1e6 / count;
  report({
    name: 'email render (layout + subject + text part)',
    value: perEmailMs * 1000,
    unit: 'µs/email',
    target: '< 2000 µs',
    met: perEmailMs < 2,
  });
}

async function streamStorage(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'tahkim-bench-'));
  try {
    const storage = new LocalFileStorage(root);
    const totalBytes = 512 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 7);
    let sent = 0;
    const source = new Readable({
      read() {
        if (sent >= totalBytes) return this.push(null);
        sent += chunk.length;
        // Vary one byte so the content is not one repeated chunk the OS could shortcut.
        chunk[0] = sent & 0xff;
        this.push(Buffer.from(chunk));
      },
    });
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = process.hrtime.bigint();
    await storage.put(source);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const growthMiB = (peak - baseline) / 1024 / 1024;
    report({
      name: 'local storage put, 512 MiB stream',
      value: totalBytes / 1024 / 1024 / seconds,
      unit: 'MiB/s',
      target: '> 100 MiB/s',
      met: totalBytes / 1024 / 1024 / seconds > 100,
    });
    report({
      name: 'memory growth while storing 512 MiB',
      value: growthMiB,
      unit: 'MiB',
      target: '< 64 MiB (streaming, never buffered)',
      met: growthMiB < 64,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`Tahkim benchmarks on Node ${process.version}`);
  const toReport = (name: string, value: number, unit: string, target: string, met: boolean) =>
    report({ name, value, unit, target, met });
  // `npm run bench -- typesetting` runs that one alone.
  if (process.argv.includes('typesetting')) {
    await benchTypesetting(toReport);
    return;
  }
  // `npm run bench -- article-search`: the public search over 20,000 published articles.
  if (process.argv.includes('article-search')) {
    await benchArticleSearch(toReport);
    return;
  }
  // `npm run bench -- web-pages`: the public pages' speed, size and Lighthouse scores.
  if (process.argv.includes('web-pages')) {
    await benchWebPages(toReport);
    return;
  }
  // `npm run bench -- workspace-pages`: the workspaces' pages with 100,000 submissions.
  if (process.argv.includes('workspace-pages')) {
    await benchWorkspacePages(toReport);
    return;
  }
  // `npm run bench -- archive-bombs`: zip bombs through the upload route.
  if (process.argv.includes('archive-bombs')) {
    await benchArchiveBombs(toReport);
    return;
  }
  renderEmails();
  await streamStorage();
  await benchSubmissionsListing(toReport);
  await benchArticleSearch(toReport);
  await benchTypesetting(toReport);
  await benchArchiveBombs(toReport);
  await benchWebPages(toReport);
  await benchWorkspacePages(toReport);
  const missed = figures.filter((figure) => !figure.met).length;
  console.log(`${figures.length - missed} of ${figures.length} targets met`);
}

void main();
