import { plainToInstance, Transform } from 'class-transformer';
import {
  getMetadataStorage,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
  ValidationError,
} from 'class-validator';
import { SUPPORTED_LOCALES, type Locale } from '../common/i18n/locale';
import { loadDevSecrets } from './dev-secrets';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const STORAGE_DRIVERS = ['local', 's3'] as const;
export type StorageDriverName = (typeof STORAGE_DRIVERS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Secrets: generated for development and tests, required in production. */
export const SECRET_VARIABLES = ['APP_SECRET', 'ADMIN_API_TOKEN'] as const;

const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
  if (['false', '0', 'no', 'off'].includes(normalised)) return false;
  return value;
};
const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

const URL_OPTIONS = { require_tld: false, require_protocol: true } as const;
const DEFAULT_PORT = 3000;

/**
 * Every environment variable Tahkim reads, validated once at boot. Defaults are the safe local
 * ones documented in the README; production refuses to start without the variables that have
 * no safe default.
 */
export class AppConfig {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  // class-validator runs the bottom decorator first: the type check must come last.
  @Transform(toInteger)
  @Min(0, { message: 'must be a TCP port, 0-65535' })
  @Max(65535, { message: 'must be a TCP port, 0-65535' })
  @IsInt({ message: 'must be a whole number (TCP port)' })
  PORT = DEFAULT_PORT;

  @IsString()
  HOST = '127.0.0.1';

  /** Where users reach the API; unset, http://localhost:<PORT> (see loadConfig). */
  @IsUrl({ ...URL_OPTIONS, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  PUBLIC_URL: string;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tahkim';

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  MIGRATE_ON_START: boolean;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9:_-]{1,64}$/, {
    message: 'must be 1-64 characters of letters, digits, ":", "_" or "-"',
  })
  REDIS_PREFIX = 'tahkim';

  @IsIn(STORAGE_DRIVERS, { message: `must be one of ${STORAGE_DRIVERS.join(', ')}` })
  STORAGE: StorageDriverName = 'local';

  @IsString()
  @MinLength(1)
  STORAGE_LOCAL_DIR = 'var/files';

  @ValidateIf((config: AppConfig) => config.STORAGE === 's3')
  @IsString({ message: 'is required when STORAGE=s3' })
  @MinLength(3, { message: 'is required when STORAGE=s3' })
  S3_BUCKET?: string;

  @IsOptional()
  @IsString()
  S3_REGION = 'us-east-1';

  @IsOptional()
  @IsUrl({ ...URL_OPTIONS, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  @ValidateIf(
    (config: AppConfig) => config.NODE_ENV === 'production' || config.SMTP_URL !== undefined,
  )
  @Matches(/^smtps?:\/\/.+/, {
    message: 'must be an smtp:// or smtps:// URL (required in production)',
  })
  SMTP_URL?: string;

  @Matches(/^(.+<[^<>\s]+@[^<>\s]+>|[^<>\s]+@[^<>\s]+)$/, {
    message: 'must be an address such as "Tahkim <no-reply@example.org>"',
  })
  MAIL_FROM = 'Tahkim <no-reply@localhost>';

  @IsString()
  @MinLength(1)
  MAIL_DIR = 'var/mail';

  @IsIn(SUPPORTED_LOCALES, { message: `must be one of ${SUPPORTED_LOCALES.join(', ')}` })
  DEFAULT_LOCALE: Locale = 'ar';

  @IsDefined({ message: 'is required in production (at least 32 characters)' })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  APP_SECRET: string;

  @IsDefined({ message: 'is required in production (at least 32 characters)' })
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  ADMIN_API_TOKEN: string;

  @Transform(toList)
  @IsUrl(
    { ...URL_OPTIONS, protocols: ['http', 'https'] },
    { each: true, message: 'must be a comma-separated list of http(s) origins' },
  )
  CORS_ORIGINS: string[];

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 512kb or 2mb' })
  BODY_LIMIT = '1mb';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** pretty (pino-pretty, a development dependency) is refused in production. */
  @IsIn(['json', 'pretty'], { message: 'must be json or pretty' })
  LOG_FORMAT: 'json' | 'pretty' = 'json';

  @Transform(toInteger)
  @Min(50, { message: 'must be between 50 and 60000 milliseconds' })
  @Max(60_000, { message: 'must be between 50 and 60000 milliseconds' })
  @IsInt({ message: 'must be a whole number of milliseconds' })
  OUTBOX_POLL_INTERVAL_MS = 1000;

  @Transform(toInteger)
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  @IsInt({ message: 'must be a whole number' })
  WORKER_CONCURRENCY = 5;

  /** How often the worker looks for reviews and revisions to remind people of. */
  @Transform(toInteger)
  @Min(200, { message: 'must be between 200 and 86400000 milliseconds' })
  @Max(86_400_000, { message: 'must be between 200 and 86400000 milliseconds' })
  @IsInt({ message: 'must be a whole number of milliseconds' })
  REMINDER_SCAN_INTERVAL_MS = 900_000;

  /** How often the worker looks for scheduled issues whose publication time has come. */
  @Transform(toInteger)
  @Min(200, { message: 'must be between 200 and 86400000 milliseconds' })
  @Max(86_400_000, { message: 'must be between 200 and 86400000 milliseconds' })
  @IsInt({ message: 'must be a whole number of milliseconds' })
  PUBLICATION_SCAN_INTERVAL_MS = 60_000;

  /** Requests per minute one IP address may make to the API. */
  @Transform(toInteger)
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  RATE_LIMIT_PER_MINUTE = 300;

  /**
   * Failed sign-ins one IP address (an IPv6 /64) may make with one email address before its
   * next attempts there are delayed (2 s, doubling up to LOGIN_MAX_DELAY_SECONDS). No account is
   * ever locked: the owner signing in from elsewhere is not slowed down.
   */
  @Transform(toInteger)
  @Min(1, { message: 'must be between 1 and 1000' })
  @Max(1000, { message: 'must be between 1 and 1000' })
  @IsInt({ message: 'must be a whole number' })
  LOGIN_FAILURES_PER_ACCOUNT_IP = 5;

  /** Failed sign-ins one IP address may make, whatever the addresses, before it is delayed. */
  @Transform(toInteger)
  @Min(1, { message: 'must be between 1 and 100000' })
  @Max(100_000, { message: 'must be between 1 and 100000' })
  @IsInt({ message: 'must be a whole number' })
  LOGIN_FAILURES_PER_IP = 20;

  /** The longest wait the sign-in throttle imposes between attempts. */
  @Transform(toInteger)
  @Min(2, { message: 'must be between 2 and 86400 seconds' })
  @Max(86_400, { message: 'must be between 2 and 86400 seconds' })
  @IsInt({ message: 'must be a whole number of seconds' })
  LOGIN_MAX_DELAY_SECONDS = 900;

  /**
   * Confirmation emails, and as many password-reset emails, sent to one address per hour; past
   * that, requests are answered as usual but nothing is sent.
   */
  @Transform(toInteger)
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  @IsInt({ message: 'must be a whole number' })
  AUTH_EMAILS_PER_ACCOUNT_PER_HOUR = 3;

  /** Registration, verification-resend and reset requests one IP address may make per hour. */
  @Transform(toInteger)
  @Min(1, { message: 'must be between 1 and 100000' })
  @Max(100_000, { message: 'must be between 1 and 100000' })
  @IsInt({ message: 'must be a whole number' })
  AUTH_EMAIL_REQUESTS_PER_IP_PER_HOUR = 20;

  /** Sign-in, registration and reset requests allowed per IP address in 15 minutes. */
  @Transform(toInteger)
  @Min(1, { message: 'must be at least 1' })
  @IsInt({ message: 'must be a whole number' })
  AUTH_REQUESTS_PER_IP = 30;

  /** A session ends after this many days without use… */
  @Transform(toInteger)
  @Min(1, { message: 'must be at least 1 day' })
  @IsInt({ message: 'must be a whole number of days' })
  SESSION_IDLE_DAYS = 14;

  /** …and after this many days in any case. */
  @Transform(toInteger)
  @Min(1, { message: 'must be at least 1 day' })
  @IsInt({ message: 'must be a whole number of days' })
  SESSION_MAX_DAYS = 60;

  /** Touched by the worker every few seconds; its container health check reads it. */
  @IsString()
  @MinLength(1)
  WORKER_HEARTBEAT_FILE = 'var/worker-heartbeat';
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url; // PUBLIC_URL's own validation reports the problem
  }
}

/**
 * PUBLIC_URL when it is not set: this machine at the port the API listens on, so links and the
 * allowed origin follow PORT. A PORT that is not a usable port is left to its own validation.
 */
function localPublicUrl(port: unknown): string {
  const text = typeof port === 'string' ? port.trim() : '';
  const number = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  return `http://localhost:${number >= 1 && number <= 65535 ? number : DEFAULT_PORT}`;
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => {
    // stopAtFirstError leaves one message per variable; class-validator's own messages start
    // with the property name, ours do not.
    const message = Object.values(error.constraints ?? {})[0]?.replace(
      new RegExp(`^${error.property} `),
      '',
    );
    const value = error.value === undefined ? 'not set' : `got ${JSON.stringify(error.value)}`;
    const own = message ? [`${error.property} ${message} (${value})`] : [];
    return [...own, ...flatten(error.children ?? [])];
  });
}

/**
 * Builds the validated configuration from an environment. Throws ConfigValidationError with one
 * line per problem. In development and test, missing secrets are filled in (see dev-secrets.ts);
 * production never invents one.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const nodeEnv = (raw.NODE_ENV as string | undefined) ?? 'development';
  if (nodeEnv !== 'production') {
    const missing = SECRET_VARIABLES.filter((name) => raw[name] === undefined);
    if (missing.length > 0) {
      const file =
        nodeEnv === 'test' ? null : String(raw.DEV_SECRETS_FILE ?? 'var/dev-secrets.json');
      const secrets = loadDevSecrets(file);
      for (const name of missing) raw[name] = secrets[name];
    }
  }
  raw.MIGRATE_ON_START ??= nodeEnv === 'production' ? 'false' : 'true';
  raw.PUBLIC_URL ??= localPublicUrl(raw.PORT);
  raw.CORS_ORIGINS ??= originOf(String(raw.PUBLIC_URL));

  const known = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
  const ours = Object.fromEntries(Object.entries(raw).filter(([key]) => known.has(key)));
  const config = plainToInstance(AppConfig, ours, { exposeDefaultValues: true });
  const problems = flatten(
    validateSync(config, { forbidUnknownValues: false, stopAtFirstError: true }),
  );
  if (config.STORAGE === 's3' && !config.S3_ACCESS_KEY_ID !== !config.S3_SECRET_ACCESS_KEY) {
    // Half a key pair is a typo, not a request for the SDK's default credential chain.
    problems.push(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together (or both left unset)',
    );
  }
  if (raw.LOGIN_FAILURES_PER_ACCOUNT !== undefined) {
    // Read by older versions, which locked the account; ignoring it silently would surprise.
    problems.push(
      'LOGIN_FAILURES_PER_ACCOUNT is no longer read: accounts are not locked any more, sign-in is slowed down per IP address. Use LOGIN_FAILURES_PER_ACCOUNT_IP (failures per address from one IP, default 5) and LOGIN_FAILURES_PER_IP (default 20) instead',
    );
  }
  if (config.NODE_ENV === 'production' && config.LOG_FORMAT === 'pretty') {
    problems.push('LOG_FORMAT must be json in production (got "pretty")');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return config;
}
