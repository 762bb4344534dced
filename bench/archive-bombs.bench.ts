import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  ensureLocalServices,
} from '../src/cli/local-services';
import { projectRoot } from '../src/common/paths/project-root';
import { databaseOptions } from '../src/database/database-options';
import { runMigrationsLocked } from '../src/database/run-migrations';
import { loadConfig } from '../src/config/app-config';
import { DEMO_JOURNAL_SLUG, DEMO_PASSWORD, openDemoApp, seedDemo } from '../src/demo';
import { Section } from '../src/journals/section.entity';
import { docxBomb, DOCX, GiB, KiB, MiB, normalDocx } from './fixtures/zip-bombs';
import { deleteKeysWithPrefix } from '../src/redis/delete-keys';

type Report = (name: string, value: number, unit: string, target: string, met: boolean) => void;

const DATABASE = 'tahkim_bench_archive_bombs';
const REDIS_PREFIX = 'tahkim-bench-archive-bombs';
const PARALLEL = 10;
const HEALTH_POLL_MS = 10;
/** What a lying bomb claims its 1 GiB entry unpacks to. */
const CLAIMED = 4 * KiB;

/**
 * The API process's resident memory from /proc/<pid>/status: VmRSS now, and VmHWM, its peak
 * since the last reset (writing 5 to /proc/<pid>/clear_refs), exact where sampling could miss.
 */
function processMemory(pid: number) {
  const status = () => readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string, text: string) =>
    Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0) * 1024;
  return {
    rss: () => kib('VmRSS', status()),
    peak: () => kib('VmHWM', status()),
    resetPeak(): boolean {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * The API process's peak RSS growth over `work`: VmHWM (reset before) and VmRSS sampled every
 * millisecond, over its RSS when `work` started.
 */
async function withApiMemory<T>(pid: number, work: () => Promise<T>) {
  const memory = processMemory(pid);
  const before = memory.rss();
  const exact = memory.resetPeak();
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, memory.rss());
  };
  const sampler = setInterval(sample, 1);
  try {
    const result = await work();
    sample();
    if (exact) peak = Math.max(peak, memory.peak());
    return { result, rssMiB: (peak - before) / MiB };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * GET /health/live every ~10 ms from a thread of its own (so that this thread's uploads do not
 * delay it), from when it is ready (its first, untimed, request made: a new thread's first fetch
 * pays for loading the HTTP client) until stopped: the worst and the median latency.
 */
async function pollHealth(base: string) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const latencies = [];
    let running = true;
    parentPort.on('message', () => (running = false));
    const get = async () => {
      const response = await fetch(workerData.url);
      await response.arrayBuffer();
      if (!response.ok) throw new Error('/health/live answered ' + response.status);
    };
    (async () => {
      await get();
      parentPort.postMessage('ready');
      while (running) {
        const started = performance.now();
        await get();
        latencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, workerData.every));
      }
      parentPort.postMessage(latencies);
    })();
    `,
    { eval: true, workerData: { url: `${base}/health/live`, every: HEALTH_POLL_MS } },
  );
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  await next();
  return {
    async stop() {
      const result = next() as Promise<number[]>;
      worker.postMessage('stop');
      const sorted = (await result).sort((a, b) => a - b);
      await worker.terminate();
      return {
        polls: sorted.length,
        worst: sorted.at(-1) ?? 0,
        median: sorted[Math.floor(sorted.length / 2)] ?? 0,
      };
    },
  };
}

/** A free TCP port on this machine, for the API. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built API (dist/src/main.js) as its own process, as in production. */
async function startApi(env: NodeJS.ProcessEnv, base: string): Promise<ChildProcess> {
  const api = spawn(process.execPath, [join(projectRoot(), 'dist', 'src', 'main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode}`);
    try {
      if ((await fetch(`${base}/health/live`)).ok) return api;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  api.kill('SIGTERM');
  throw new Error('the API did not answer /health/live within 60 s');
}

/** The processes `pid` started (from /proc), with their command lines. */
function childrenOf(pid: number): { pid: number; command: string }[] {
  const children: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent is the second field after the command name (which may hold spaces).
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid)
        children.push({
          pid: Number(entry),
          command: readFileSync(`/proc/${entry}/cmdline`, 'utf8'),
        });
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/**
 * Stops the API, and the ExifTool processes it started for the figures: the API does not end
 * them when it is stopped, and they would stay behind.
 */
async function stopApi(api: ChildProcess): Promise<void> {
  const helpers = api.pid ? childrenOf(api.pid) : [];
  if (api.exitCode === null && api.signalCode === null)
    await new Promise<void>((resolve) => {
      api.once('exit', () => resolve());
      api.kill('SIGTERM');
    });
  for (const helper of helpers) {
    try {
      // Only if that pid is still the same program (not a new process given the number).
      if (readFileSync(`/proc/${helper.pid}/cmdline`, 'utf8') === helper.command)
        process.kill(helper.pid, 'SIGTERM');
    } catch {
      // already ended
    }
  }
}

interface Answer {
  status: number;
  ms: number;
  body: { type?: string; limit?: string; detail?: string } | null;
}

/** An answer as the figures name it: "413 entry-uncompressed-bytes". */
const answered = (answer: Answer) =>
  `${answer.status} ${answer.body?.limit ?? answer.body?.type ?? ''}`.trim();

/** The refusal the fix promises: 413 or 422 problem+json naming the limit. */
const namesItsLimit = (answer: Answer) =>
  (answer.status === 413 || answer.status === 422) && typeof answer.body?.limit === 'string';

function filesUnder(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    ).length;
  } catch {
    return 0;
  }
}

/**
 * Zip bombs uploaded through the API as a double-anonymous journal's manuscript (the upload
 * opens every DOCX to make the review copy): a 1 GiB entry of zeros in a 1 MB DOCX, with honest
 * and with lying headers. Targets: refused in under 1 s with under 50 MiB memory growth, ten at
 * once leaving /health/live answering within 100 ms, the answer 413 or 422 naming the limit,
 * nothing stored. The API runs as its own process (the built dist/src/main.js, as in
 * production) with its own database and Redis prefix: its memory is measured from /proc, and
 * this process is only its client.
 */
export async function benchArchiveBombs(report: Report): Promise<void> {
  const services = await ensureLocalServices(join(projectRoot(), 'var'));
  await dropDatabase(services.postgresServerUrl, DATABASE);
  await ensureDatabase(services.postgresServerUrl, DATABASE);
  const scratch = mkdtempSync(join(tmpdir(), 'tahkim-bench-bombs-'));
  const storageDir = join(scratch, 'files');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl(services.postgresServerUrl, DATABASE),
    REDIS_URL: services.redisUrl,
    REDIS_PREFIX,
    MIGRATE_ON_START: 'false',
    STORAGE: 'local',
    STORAGE_LOCAL_DIR: storageDir,
    MAIL_DIR: join(scratch, 'mail'),
    WORKER_HEARTBEAT_FILE: join(scratch, 'worker-heartbeat'),
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '1000000',
    AUTH_REQUESTS_PER_IP: '100000',
  };
  const dataSource = await new DataSource(databaseOptions(env.DATABASE_URL!)).initialize();
  let api: ChildProcess | undefined;
  try {
    await runMigrationsLocked(dataSource);
    // The demo journal and its people, through the API's services.
    const seeding = await openDemoApp(loadConfig(env));
    await seedDemo(seeding, { submissions: false }).finally(() => seeding.close());
    api = await startApi(env, base);
    const pid = api.pid!;

    // A demo author of the double-anonymous demo journal, with a draft.
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'author1@volunteering.example.org', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in answered ${login.status}`);
    const authorization = `Bearer ${((await login.json()) as { token: string }).token}`;
    const sections = await dataSource.getRepository(Section).find();
    const section = sections.find((candidate) => candidate.titles.en === 'Research Articles');
    const draft = await fetch(`${base}/api/journals/${DEMO_JOURNAL_SLUG}/submissions`, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify({ sectionId: section?.id ?? sections[0].id, locale: 'ar' }),
    });
    if (draft.status !== 201) throw new Error(`creating the draft answered ${draft.status}`);
    const submissionId = ((await draft.json()) as { id: string }).id;

    const upload = async (
      bytes: Buffer,
      filename: string,
      genre = 'manuscript',
      type = DOCX,
    ): Promise<Answer> => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type }), filename);
      const started = performance.now();
      const response = await fetch(`${base}/api/submissions/${submissionId}/files?genre=${genre}`, {
        method: 'POST',
        headers: { Authorization: authorization },
        body: form,
      });
      const text = await response.text();
      const ms = performance.now() - started;
      let body: Answer['body'] = null;
      try {
        body = JSON.parse(text) as Answer['body'];
      } catch {
        // not JSON: reported by its status alone
      }
      return { status: response.status, ms, body };
    };
    const storedFiles = async () =>
      Number(
        (
          await dataSource.query(
            'SELECT count(*)::int AS n FROM submission_files WHERE submission_id = $1',
            [submissionId],
          )
        )[0].n,
      );

    // Warm: the upload path, the pipeline and ExifTool, with an ordinary manuscript.
    const normal = await upload(normalDocx({ author: 'Leila Benali' }), 'manuscript.docx');
    if (normal.status !== 201)
      console.log(`     (the ordinary DOCX answered ${answered(normal)}: ${normal.body?.detail})`);
    await upload(docxBomb({ entryBytes: 16 * MiB, salt: 'warm' }), 'warm.docx');
    const warmNormal = await upload(normalDocx({ salt: 'second' }), 'manuscript-2.docx');
    report(
      `ordinary 13 KB DOCX with a figure and an embedded document, answered ${answered(warmNormal)}`,
      warmNormal.ms,
      'ms',
      'for comparison',
      true,
    );

    const rowsBefore = await storedFiles();
    const filesBefore = filesUnder(storageDir);
    const answers: Answer[] = [];

    for (const [kind, claimedSize] of [
      ['honest', undefined],
      ['lying', CLAIMED],
    ] as const) {
      const label =
        kind === 'honest'
          ? '1 GiB-entry DOCX bomb, honest headers'
          : `1 GiB-entry DOCX bomb, headers claiming ${CLAIMED / KiB} KiB`;
      const bomb = docxBomb({ entryBytes: GiB, claimedSize, salt: `${kind} single` });
      const measured = await withApiMemory(pid, () => upload(bomb, 'manuscript.docx'));
      const answer = measured.result;
      answers.push(answer);
      console.log(
        `     (${label}: ${(bomb.length / 1e6).toFixed(2)} MB upload, answered ${answered(answer)}${answer.body?.detail ? `: ${answer.body.detail}` : ''})`,
      );
      report(`${label}: time to the refusal`, answer.ms, 'ms', '< 1000 ms', answer.ms < 1000);
      report(
        `${label}: API RSS growth (peak)`,
        measured.rssMiB,
        'MiB',
        '< 50 MiB',
        measured.rssMiB < 50,
      );

      // Ten at once (each different bytes: storage is content-addressed), /health/live polled.
      const bombs = Array.from({ length: PARALLEL }, (_, index) =>
        docxBomb({ entryBytes: GiB, claimedSize, salt: `${kind} ${index}` }),
      );
      const idle = await pollHealth(base);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const idleHealth = await idle.stop();
      const health = await pollHealth(base);
      const started = performance.now();
      const parallel = await withApiMemory(pid, () =>
        Promise.all(bombs.map((bytes, index) => upload(bytes, `manuscript-${index}.docx`))),
      );
      const wallMs = performance.now() - started;
      const latency = await health.stop();
      answers.push(...parallel.result);
      const slowest = Math.max(...parallel.result.map((each) => each.ms));
      report(
        `${PARALLEL} ${kind} bombs at once: worst /health/live (median ${latency.median.toFixed(1)} ms over ${latency.polls} polls; idle worst ${idleHealth.worst.toFixed(1)} ms)`,
        latency.worst,
        'ms',
        '< 100 ms',
        latency.worst < 100,
      );
      report(
        `${PARALLEL} ${kind} bombs at once: all refused after (slowest answer ${slowest.toFixed(0)} ms)`,
        wallMs,
        'ms',
        'for comparison',
        true,
      );
      report(
        `${PARALLEL} ${kind} bombs at once: API RSS growth (peak)`,
        parallel.rssMiB,
        'MiB',
        'for comparison',
        true,
      );
    }

    const naming = answers.filter(namesItsLimit).length;
    const statuses = [...new Set(answers.map(answered))].join(', ');
    report(
      `answers that are 413/422 problem+json naming the limit (got: ${statuses})`,
      naming,
      `of ${answers.length}`,
      `all ${answers.length}`,
      naming === answers.length,
    );
    const rowsAdded = (await storedFiles()) - rowsBefore;
    const filesAdded = filesUnder(storageDir) - filesBefore;
    report(
      `files stored by the ${answers.length} refused uploads (rows ${rowsAdded}, files in storage ${filesAdded})`,
      rowsAdded + filesAdded,
      'files',
      '0',
      rowsAdded + filesAdded === 0,
    );

    // For comparison: ten ordinary uploads of the same size at once, stored without being
    // opened (a CSV data set): what ten 1 MB uploads cost the API's event loop anyway.
    const datasets = Array.from({ length: PARALLEL }, (_, index) =>
      Buffer.from(
        `id,value\n${Array.from({ length: 70_000 }, (_, row) => `${index}-${row},${row * 7}`).join('\n')}\n`,
      ),
    );
    const health = await pollHealth(base);
    const plain = await Promise.all(
      datasets.map((bytes, index) => upload(bytes, `data-${index}.csv`, 'dataset', 'text/csv')),
    );
    const latency = await health.stop();
    report(
      `${PARALLEL} ordinary ${(datasets[0].length / 1e6).toFixed(2)} MB CSV uploads at once (${[...new Set(plain.map(answered))].join(', ')}): worst /health/live (median ${latency.median.toFixed(1)} ms)`,
      latency.worst,
      'ms',
      'for comparison',
      true,
    );
  } finally {
    if (api) await stopApi(api);
    await dataSource.destroy();
    await dropDatabase(services.postgresServerUrl, DATABASE);
    await deleteKeysWithPrefix(services.redisUrl, REDIS_PREFIX).catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
    await services.stop();
  }
}
