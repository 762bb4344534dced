import {
  compressible,
  docxBomb,
  DOCX,
  entryCountBomb,
  GiB,
  KiB,
  MiB,
  nestingBomb,
  normalDocx,
  ratioBomb,
  totalSizeBomb,
  zeros,
  zipBuffer,
} from '../../bench/fixtures/zip-bombs';
import { DocumentAnonymisationError } from './anonymisation.errors';
import {
  ArchiveBudget,
  ArchiveLimit,
  ArchiveLimitError,
  type ArchiveLimits,
  DEFAULT_ARCHIVE_LIMITS,
} from './archive-limits';
import { anonymiseFile } from './file-anonymiser';
import { closeImageCleaner } from './image-anonymiser';
import { checkDeclaredArchive, ZipPackage } from './zip-package';

/**
 * Zip bombs (bench/fixtures/zip-bombs.ts) through the anonymisation pipeline and the zip loader:
 * each is refused with the limit it breaks, before it costs memory. Memory is a behaviour here:
 * a bomb that were inflated, even to be thrown away, would show in the process's growth. No
 * wall-clock assertions: `npm run bench -- archive-bombs` prints the times.
 */

/** Low limits, so that a bomb of a few MiB breaks them and the tests stay fast. */
const LOW: Readonly<ArchiveLimits> = {
  totalBytes: 8 * MiB,
  entryBytes: 4 * MiB,
  entries: 40,
  ratio: 20,
  ratioGraceBytes: 256 * KiB,
  depth: 2,
};

const names = ['Leila Benali', 'ليلى بنعلي'];

/** What a refusal cost: the error, and the process's peak memory growth while it ran. */
interface Outcome {
  error: unknown;
  growthMiB: number;
}

/**
 * Runs `work`, sampling the resident set (and Buffers outside the heap) every millisecond;
 * the growth is the peak over the figure before it started.
 */
async function measured(work: () => Promise<unknown>): Promise<Outcome> {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakBuffers = before.arrayBuffers;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
  };
  const sampler = setInterval(sample, 1);
  let error: unknown;
  try {
    await work();
  } catch (caught) {
    error = caught;
  } finally {
    sample();
    clearInterval(sampler);
  }
  const growth = Math.max(peakRss - before.rss, peakBuffers - before.arrayBuffers);
  return { error, growthMiB: growth / MiB };
}

const throughPipeline = (bytes: Buffer, limits: Readonly<ArchiveLimits>) => () =>
  anonymiseFile(bytes, DOCX, { contributorNames: names, limits });

const throughLoader = (bytes: Buffer, limits: Readonly<ArchiveLimits>) => () =>
  ZipPackage.load(bytes, 'The file', new ArchiveBudget(limits));

function expectRefused(outcome: Outcome, limit: ArchiveLimit, status: 413 | 422): void {
  expect(outcome.error).toBeInstanceOf(ArchiveLimitError);
  const error = outcome.error as ArchiveLimitError;
  expect({ limit: error.limit, status: error.status }).toEqual({ limit, status });
}

afterAll(async () => {
  await closeImageCleaner();
});

describe('archive limits: each bomb is refused with the limit it breaks (low limits)', () => {
  const cases: [string, () => Buffer, ArchiveLimit, 413 | 422][] = [
    [
      '(a) one 16 MiB entry, honest headers',
      () => docxBomb({ entryBytes: 16 * MiB }),
      ArchiveLimit.EntryBytes,
      413,
    ],
    [
      '(b) one 16 MiB entry of zeros claiming 4 KiB: stopped by the ratio as it inflates',
      () => docxBomb({ entryBytes: 16 * MiB, claimedSize: 4 * KiB }),
      ArchiveLimit.Ratio,
      422,
    ],
    [
      '(b) one 16 MiB entry at 4:1 claiming 4 KiB: stopped by the entry size as it inflates',
      () =>
        zipBuffer([
          { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
          { name: 'word/media/a.bin', content: compressible(16 * MiB, 4), claimedSize: 4 * KiB },
        ]),
      ArchiveLimit.EntryBytes,
      413,
    ],
    [
      '(c) a 2 MiB entry (under the size limits) compressed about 1000:1',
      () => ratioBomb({ entryBytes: 2 * MiB }),
      ArchiveLimit.Ratio,
      422,
    ],
    ['(d) 41 entries', () => entryCountBomb({ entries: 41 }), ArchiveLimit.Entries, 422],
    [
      '(f) three 3 MiB entries at 4:1 (each under the limits, 9 MiB in all)',
      () => totalSizeBomb({ entries: 3, entryBytes: 3 * MiB, ratio: 4 }),
      ArchiveLimit.TotalBytes,
      413,
    ],
  ];

  it.each(cases)('%s: anonymiseFile', async (_name, bomb, limit, status) => {
    const outcome = await measured(throughPipeline(bomb(), LOW));
    expectRefused(outcome, limit, status);
    expect(outcome.growthMiB).toBeLessThan(32);
  });

  it.each(cases)('%s: ZipPackage.load', async (_name, bomb, limit, status) => {
    expectRefused(await measured(throughLoader(bomb(), LOW)), limit, status);
  });

  it('(e) a DOCX embedding a DOCX … three levels deep (limit 2)', async () => {
    const outcome = await measured(throughPipeline(nestingBomb({ levels: 3 }), LOW));
    expectRefused(outcome, ArchiveLimit.Depth, 422);
    expect((outcome.error as ArchiveLimitError).where).toContain('word/embeddings/');
  });

  it('(e) two levels deep is within the limit, and every level is cleaned', async () => {
    const copy = await anonymiseFile(nestingBomb({ levels: 2 }), DOCX, {
      contributorNames: names,
      limits: LOW,
    });
    expect(copy.embeddedCleaned).toHaveLength(2);
  });

  it('(f) the entry sizes of a package count against the total before any is inflated', async () => {
    // Two entries of 3 MiB are within the limits; the budget already spent 4 MiB elsewhere.
    const budget = new ArchiveBudget(LOW);
    budget.spend(4 * MiB);
    const bytes = totalSizeBomb({ entries: 2, entryBytes: 3 * MiB, ratio: 4 });
    const outcome = await measured(() => ZipPackage.load(bytes, 'The file', budget));
    expectRefused(outcome, ArchiveLimit.TotalBytes, 413);
    expect(budget.spent).toBe(4 * MiB);
  });

  it('past its lie, an entry is held to the ratio it inflates at, not the one of its whole', async () => {
    // 3 MiB of zeros then 1 MiB of noise: about 4:1 in all, but 1000:1 for its first 3 MiB.
    const content = [...zeros(3 * MiB), ...compressible(1 * MiB, 1)];
    const honest = zipBuffer([{ name: 'a.bin', content }]);
    const lying = zipBuffer([{ name: 'a.bin', content, claimedSize: 4 * KiB }]);
    await expect(throughLoader(honest, LOW)()).resolves.toBeInstanceOf(ZipPackage);
    expectRefused(await measured(throughLoader(lying, LOW)), ArchiveLimit.Ratio, 422);
  });

  it('a lie within the limits is damage, not a limit: the entry unpacks past its size', async () => {
    const bytes = zipBuffer([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'word/media/a.bin', content: compressible(1 * MiB, 4), claimedSize: 4 * KiB },
    ]);
    const outcome = await measured(throughLoader(bytes, LOW));
    expect(outcome.error).toBeInstanceOf(DocumentAnonymisationError);
    expect(outcome.error).not.toBeInstanceOf(ArchiveLimitError);
  });

  it('checkDeclaredArchive refuses the honest bombs from the central directory alone', async () => {
    for (const [bytes, limit] of [
      [docxBomb({ entryBytes: 16 * MiB }), ArchiveLimit.EntryBytes],
      [ratioBomb({ entryBytes: 2 * MiB }), ArchiveLimit.Ratio],
      [entryCountBomb({ entries: 41 }), ArchiveLimit.Entries],
      [totalSizeBomb({ entries: 3, entryBytes: 3 * MiB, ratio: 4 }), ArchiveLimit.TotalBytes],
    ] as const) {
      await expect(checkDeclaredArchive(bytes, new ArchiveBudget(LOW))).rejects.toMatchObject({
        limit,
      });
    }
  });
});

describe('archive limits: the default limits against real bombs', () => {
  it('(a) a 1 GiB entry of zeros with honest headers: 413, from its declared size', async () => {
    const bomb = docxBomb({ entryBytes: GiB });
    expect(bomb.length).toBeLessThan(2 * MiB);
    for (const run of [throughPipeline, throughLoader]) {
      const outcome = await measured(run(bomb, DEFAULT_ARCHIVE_LIMITS));
      expectRefused(outcome, ArchiveLimit.EntryBytes, 413);
      expect(outcome.growthMiB).toBeLessThan(50);
    }
  });

  it('(b) a 1 GiB entry of zeros claiming 4 KiB: 422 ratio, counted as it inflates', async () => {
    const bomb = docxBomb({ entryBytes: GiB, claimedSize: 4 * KiB });
    for (const run of [throughPipeline, throughLoader]) {
      const outcome = await measured(run(bomb, DEFAULT_ARCHIVE_LIMITS));
      expectRefused(outcome, ArchiveLimit.Ratio, 422);
      expect(outcome.growthMiB).toBeLessThan(50);
    }
  });

  it('(a) a 5 GiB entry (zip64 sizes): 413', async () => {
    const bomb = zipBuffer([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'word/document.xml', content: zeros(5 * GiB) },
    ]);
    const outcome = await measured(throughPipeline(bomb, DEFAULT_ARCHIVE_LIMITS));
    expectRefused(outcome, ArchiveLimit.EntryBytes, 413);
    expect(outcome.growthMiB).toBeLessThan(50);
  });

  it('(c) a 100 MiB entry of zeros (under 128 MiB) at about 1000:1: 422 ratio', async () => {
    const outcome = await measured(
      throughPipeline(ratioBomb({ entryBytes: 100 * MiB }), DEFAULT_ARCHIVE_LIMITS),
    );
    expectRefused(outcome, ArchiveLimit.Ratio, 422);
    expect(outcome.growthMiB).toBeLessThan(50);
  });

  it('(d) 10,001 entries: 422', async () => {
    const outcome = await measured(
      throughPipeline(entryCountBomb({ entries: 10_001 }), DEFAULT_ARCHIVE_LIMITS),
    );
    expectRefused(outcome, ArchiveLimit.Entries, 422);
  });

  it('(e) four levels of embedded DOCX (limit 3): 422', async () => {
    const outcome = await measured(
      throughPipeline(nestingBomb({ levels: 4 }), DEFAULT_ARCHIVE_LIMITS),
    );
    expectRefused(outcome, ArchiveLimit.Depth, 422);
  });

  it('(f) three 100 MiB entries at 50:1 (300 MiB in all): 413 before any is inflated', async () => {
    const bomb = totalSizeBomb({ entries: 3, entryBytes: 100 * MiB, ratio: 50 });
    const outcome = await measured(throughPipeline(bomb, DEFAULT_ARCHIVE_LIMITS));
    expectRefused(outcome, ArchiveLimit.TotalBytes, 413);
    expect(outcome.growthMiB).toBeLessThan(50);
  });
});

describe('archive limits: ordinary documents pass', () => {
  it('a realistic DOCX (text, styles, a figure, an embedded document) is cleaned', async () => {
    for (const limits of [DEFAULT_ARCHIVE_LIMITS, LOW]) {
      const copy = await anonymiseFile(normalDocx({ author: 'Leila Benali' }), DOCX, {
        contributorNames: names,
        limits,
      });
      expect(copy.content.length).toBeGreaterThan(0);
      expect(copy.removed).toContain('docProps/core.xml dc:creator');
      expect(copy.embeddedCleaned).toEqual(
        expect.arrayContaining([
          'word/media/image1.png',
          'word/embeddings/Microsoft_Word_Document.docx',
        ]),
      );
    }
  });

  it('an entry exactly at the entry limit, at the ratio limit, is read whole', async () => {
    const bytes = zipBuffer([
      { name: '[Content_Types].xml', content: Buffer.from('<Types/>') },
      { name: 'a.bin', content: compressible(LOW.entryBytes, 8) },
    ]);
    const pkg = await ZipPackage.load(bytes, 'The file', new ArchiveBudget(LOW));
    expect(pkg.bytes('a.bin')).toHaveLength(LOW.entryBytes);
  });
});
