import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type DevSecrets = Record<'APP_SECRET' | 'ADMIN_API_TOKEN', string>;

function generate(): DevSecrets {
  return {
    APP_SECRET: randomBytes(32).toString('base64url'),
    ADMIN_API_TOKEN: randomBytes(24).toString('base64url'),
  };
}

/**
 * Secrets for development only. They are kept in a git-ignored file so that the API and the
 * worker (two processes) and later restarts agree on them; `file = null` keeps them in memory
 * (tests). Production never calls this: it refuses to boot without real secrets.
 */
export function loadDevSecrets(file: string | null): DevSecrets {
  if (file === null) return generate();
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecrets>;
    if (stored.APP_SECRET && stored.ADMIN_API_TOKEN) return stored as DevSecrets;
  }
  const secrets = generate();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}
