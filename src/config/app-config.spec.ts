import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigValidationError, loadConfig } from './app-config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
};

const PRODUCTION_SECRETS = {
  APP_SECRET: 'a'.repeat(40),
  ADMIN_API_TOKEN: 'b'.repeat(40),
  SMTP_URL: 'smtp://mail.example.org:587',
};

describe('loadConfig', () => {
  it('has safe local defaults for everything', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tahkim',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PUBLIC_URL: 'http://localhost:3000',
      STORAGE: 'local',
      MIGRATE_ON_START: true,
      DEFAULT_LOCALE: 'ar',
      CORS_ORIGINS: ['http://localhost:3000'],
    });
    expect(config.SMTP_URL).toBeUndefined();
    expect(config.APP_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it('converts numbers, booleans and lists from their text form', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '8080',
      MIGRATE_ON_START: 'false',
      CORS_ORIGINS: 'https://a.example.org, https://b.example.org',
    });
    expect(config.PORT).toBe(8080);
    expect(config.MIGRATE_ON_START).toBe(false);
    expect(config.CORS_ORIGINS).toEqual(['https://a.example.org', 'https://b.example.org']);
  });

  it('points an unset PUBLIC_URL, and so the allowed origin, at PORT', () => {
    expect(loadConfig({ NODE_ENV: 'test', PORT: '3999' })).toMatchObject({
      PORT: 3999,
      PUBLIC_URL: 'http://localhost:3999',
      CORS_ORIGINS: ['http://localhost:3999'],
    });
  });

  it('keeps a PUBLIC_URL that is set, whatever PORT is', () => {
    expect(
      loadConfig({ NODE_ENV: 'test', PORT: '3999', PUBLIC_URL: 'https://journals.example.org' }),
    ).toMatchObject({
      PUBLIC_URL: 'https://journals.example.org',
      CORS_ORIGINS: ['https://journals.example.org'],
    });
  });

  it('reports one line per bad variable, naming it and what is expected', () => {
    const problems = problemsOf({
      NODE_ENV: 'test',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/tahkim',
      REDIS_URL: 'localhost:6379',
      STORAGE: 'ftp',
      DEFAULT_LOCALE: 'de',
      MIGRATE_ON_START: 'maybe',
    });
    expect(problems).toHaveLength(6);
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be a whole number (TCP port) (got "eighty")',
        'DATABASE_URL must be a postgres:// connection URL (got "mysql://localhost/tahkim")',
        'REDIS_URL must be a redis:// or rediss:// URL (got "localhost:6379")',
        'STORAGE must be one of local, s3 (got "ftp")',
        'DEFAULT_LOCALE must be one of ar, en, fr (got "de")',
        'MIGRATE_ON_START must be true or false (got "maybe")',
      ]),
    );
  });

  it('checks ranges after types', () => {
    expect(problemsOf({ NODE_ENV: 'test', PORT: '70000', WORKER_CONCURRENCY: '0' })).toEqual([
      'PORT must be a TCP port, 0-65535 (got 70000)',
      'WORKER_CONCURRENCY must be between 1 and 100 (got 0)',
    ]);
  });

  it('puts every problem in the error message, one per line', () => {
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(
      /^Invalid configuration:\n {2}- NODE_ENV must be one of development, test, production \(got "staging"\)$/,
    );
  });

  it('requires the S3 bucket only with STORAGE=s3', () => {
    expect(problemsOf({ NODE_ENV: 'test', STORAGE: 's3' })).toEqual([
      'S3_BUCKET is required when STORAGE=s3 (not set)',
    ]);
    expect(() => loadConfig({ NODE_ENV: 'test', STORAGE: 's3', S3_BUCKET: 'files' })).not.toThrow();
  });

  it('refuses half an S3 key pair', () => {
    expect(
      problemsOf({ NODE_ENV: 'test', STORAGE: 's3', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'x' }),
    ).toEqual([
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left unset)',
    ]);
  });

  describe('sign-in throttling and email caps', () => {
    it('default to 5 failures per address and IP, 20 per IP, waits up to 15 minutes, 3 emails per address and 20 requests per IP an hour', () => {
      expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({
        LOGIN_FAILURES_PER_ACCOUNT_IP: 5,
        LOGIN_FAILURES_PER_IP: 20,
        LOGIN_MAX_DELAY_SECONDS: 900,
        AUTH_EMAILS_PER_ACCOUNT_PER_HOUR: 3,
        AUTH_EMAIL_REQUESTS_PER_IP_PER_HOUR: 20,
      });
    });

    it('refuses values out of range', () => {
      expect(
        problemsOf({
          NODE_ENV: 'test',
          LOGIN_FAILURES_PER_ACCOUNT_IP: '0',
          LOGIN_FAILURES_PER_IP: 'many',
          LOGIN_MAX_DELAY_SECONDS: '1',
          AUTH_EMAILS_PER_ACCOUNT_PER_HOUR: '500',
          AUTH_EMAIL_REQUESTS_PER_IP_PER_HOUR: '-3',
        }),
      ).toEqual([
        'LOGIN_FAILURES_PER_ACCOUNT_IP must be between 1 and 1000 (got 0)',
        'LOGIN_FAILURES_PER_IP must be a whole number (got "many")',
        'LOGIN_MAX_DELAY_SECONDS must be between 2 and 86400 seconds (got 1)',
        'AUTH_EMAILS_PER_ACCOUNT_PER_HOUR must be between 1 and 100 (got 500)',
        'AUTH_EMAIL_REQUESTS_PER_IP_PER_HOUR must be between 1 and 100000 (got -3)',
      ]);
    });

    it('refuses the old LOGIN_FAILURES_PER_ACCOUNT, naming what replaced it', () => {
      expect(problemsOf({ NODE_ENV: 'test', LOGIN_FAILURES_PER_ACCOUNT: '5' })).toEqual([
        expect.stringMatching(
          /^LOGIN_FAILURES_PER_ACCOUNT is no longer read: .*LOGIN_FAILURES_PER_ACCOUNT_IP.*LOGIN_FAILURES_PER_IP/,
        ),
      ]);
    });
  });

  describe('in production', () => {
    it('never invents secrets and requires SMTP', () => {
      const problems = problemsOf({ NODE_ENV: 'production' });
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^APP_SECRET is required in production/),
          expect.stringMatching(/^ADMIN_API_TOKEN is required in production/),
          expect.stringMatching(
            /^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL \(required in production\)/,
          ),
        ]),
      );
    });

    it('refuses short secrets', () => {
      expect(
        problemsOf({ ...PRODUCTION_SECRETS, NODE_ENV: 'production', APP_SECRET: 'short' }),
      ).toEqual(['APP_SECRET must be at least 32 characters (got "short")']);
    });

    it('does not migrate on start unless asked, and refuses pretty logs', () => {
      expect(loadConfig({ ...PRODUCTION_SECRETS, NODE_ENV: 'production' }).MIGRATE_ON_START).toBe(
        false,
      );
      expect(
        problemsOf({ ...PRODUCTION_SECRETS, NODE_ENV: 'production', LOG_FORMAT: 'pretty' }),
      ).toEqual(['LOG_FORMAT must be json in production (got "pretty")']);
    });
  });

  describe('development secrets', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tahkim-config-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('are generated once, kept private, and shared by every process that reads them', () => {
      const file = join(dir, 'dev-secrets.json');
      const first = loadConfig({ NODE_ENV: 'development', DEV_SECRETS_FILE: file });
      const second = loadConfig({ NODE_ENV: 'development', DEV_SECRETS_FILE: file });
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(second.APP_SECRET).toBe(first.APP_SECRET);
      expect(JSON.parse(readFileSync(file, 'utf8')).ADMIN_API_TOKEN).toBe(first.ADMIN_API_TOKEN);
    });

    it('yield to secrets given in the environment', () => {
      const config = loadConfig({
        NODE_ENV: 'development',
        DEV_SECRETS_FILE: join(dir, 'unused.json'),
        APP_SECRET: 'c'.repeat(32),
        ADMIN_API_TOKEN: 'd'.repeat(32),
      });
      expect(config.APP_SECRET).toBe('c'.repeat(32));
      expect(existsSync(join(dir, 'unused.json'))).toBe(false);
    });
  });
});
