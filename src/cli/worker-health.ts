import { statSync } from 'node:fs';
import { loadConfig } from '../config/app-config';
import { WORKER_HEARTBEAT_INTERVAL_MS } from '../queue/worker-heartbeat.service';

/** Container health check for the worker: exit 0 while its heartbeat file is fresh. */
try {
  const { WORKER_HEARTBEAT_FILE } = loadConfig();
  const age = Date.now() - statSync(WORKER_HEARTBEAT_FILE).mtimeMs;
  if (age > 3 * WORKER_HEARTBEAT_INTERVAL_MS) {
    console.error(`worker heartbeat is ${Math.round(age / 1000)} s old`);
    process.exit(1);
  }
} catch (error) {
  console.error(`worker unhealthy: ${(error as Error).message}`);
  process.exit(1);
}
