import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppConfig } from '../config/app-config';

/** How often the worker proves it is alive; worker-health.ts allows three missed beats. */
export const WORKER_HEARTBEAT_INTERVAL_MS = 10_000;

/**
 * The worker has no HTTP port to probe, so it touches a file while its event loop runs;
 * `node dist/src/cli/worker-health.js` (the container health check) reads the file's age.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    mkdirSync(dirname(this.config.WORKER_HEARTBEAT_FILE), { recursive: true });
    this.beat();
    this.timer = setInterval(() => this.beat(), WORKER_HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    rmSync(this.config.WORKER_HEARTBEAT_FILE, { force: true });
  }

  private beat(): void {
    writeFileSync(this.config.WORKER_HEARTBEAT_FILE, new Date().toISOString());
  }
}
