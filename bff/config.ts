// Configuration from the environment, checked once at start-up.
import { defaultHolidays, parseHolidays } from './domain/deadlines.js';
import { LOG_LEVELS, type LogLevel } from './log.js';

export interface Config {
  port: number;
  databaseUrl: string;
  production: boolean;
  /** Embedded development identity provider (never in production). */
  devIdp: boolean;
  publicUrl: string;
  sso: { jwksUrl: string; issuer: string; audience: string } | null;
  /** The audience of tokens the dev identity provider issues. */
  audience: string;
  corsOrigins: string[];
  holidays: Set<string>;
  clockToleranceSeconds: number;
  bodyLimitBytes: number;
  /** Largest uploaded file, and largest message (all its files). */
  maxFileBytes: number;
  maxMessageBytes: number;
  /** How long a user's memberships are reused before being read again. */
  identityTtlMs: number;
  /** First queue pages kept in memory (0: none). */
  queueCachePages: number;
  /** pino level of the JSON logs (LOG_LEVEL; default info). */
  logLevel: LogLevel;
  /** Memory and body limits of uploads (uploadLimits()). */
  uploads: UploadLimits;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${env.PORT}" is not a port number`);
  const production = env.NODE_ENV === 'production';
  const devIdp = env.DEV_IDP === '1' || env.DEV_IDP === 'true';
  if (production && devIdp) {
    throw new Error('DEV_IDP is enabled with NODE_ENV=production: the development identity provider never runs in production.');
  }
  const sso =
    env.SSO_JWKS_URL || env.SSO_ISSUER || env.SSO_AUDIENCE
      ? { jwksUrl: req(env, 'SSO_JWKS_URL'), issuer: req(env, 'SSO_ISSUER'), audience: req(env, 'SSO_AUDIENCE') }
      : null;
  if (sso) new URL(sso.jwksUrl);
  if (!sso && !devIdp) throw new Error('No identity provider: set SSO_JWKS_URL, SSO_ISSUER and SSO_AUDIENCE, or DEV_IDP=1 for development.');
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of corsOrigins) {
    if (o === '*' || new URL(o).origin !== o) throw new Error(`CORS_ORIGINS: "${o}" must be an origin like https://portal.example.gov.br`);
  }
  const clockToleranceSeconds = Number(env.CLOCK_TOLERANCE ?? 30);
  const mb = (name: string, dflt: number) => {
    const v = Number(env[name] ?? dflt);
    if (!(v > 0)) throw new Error(`${name}: "${env[name]}" is not a positive number of MB`);
    return Math.round(v * 1024 * 1024);
  };
  const maxFileBytes = mb('MAX_FILE_MB', 10);
  const maxMessageBytes = mb('MAX_MESSAGE_MB', 25);
  const bodyLimitBytes = env.BODY_LIMIT ? Number(env.BODY_LIMIT) : 1024 * 1024;
  if (!(bodyLimitBytes > 0)) throw new Error(`BODY_LIMIT: "${env.BODY_LIMIT}" is not a number of bytes`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || 'data/atende.db',
    production,
    devIdp,
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, ''),
    sso,
    audience: sso?.audience ?? 'atende',
    corsOrigins,
    holidays: env.HOLIDAYS ? parseHolidays(env.HOLIDAYS) : defaultHolidays(),
    clockToleranceSeconds,
    bodyLimitBytes,
    maxFileBytes,
    maxMessageBytes,
    identityTtlMs: Math.max(0, Number(env.IDENTITY_TTL ?? 5)) * 1000,
    queueCachePages: Math.max(0, Math.floor(Number(env.QUEUE_CACHE_PAGES ?? 1000)) || 0),
    logLevel: logLevel(env.LOG_LEVEL),
    uploads: uploadLimits(env, maxMessageBytes),
  };
}

export interface UploadLimits {
  /** Bytes of uploads held in memory at once, all requests together (UPLOAD_MEMORY_MB; default 64). */
  memoryBytes: number;
  /** How long a request waits for that memory before a 503 with Retry-After (UPLOAD_WAIT seconds; default 10). */
  waitMs: number;
  /** Largest body of a JSON filing (documents in base64, a third larger than the files). */
  jsonBodyBytes: number;
  /** Largest body of a multipart upload (files counted one by one as they stream in). */
  multipartBodyBytes: number;
}

function uploadLimits(env: NodeJS.ProcessEnv, maxMessageBytes: number): UploadLimits {
  const memoryMb = Number(env.UPLOAD_MEMORY_MB ?? 64);
  if (!(memoryMb > 0)) throw new Error(`UPLOAD_MEMORY_MB: "${env.UPLOAD_MEMORY_MB}" is not a positive number of MB`);
  const waitSeconds = Number(env.UPLOAD_WAIT ?? 10);
  if (!(waitSeconds >= 0)) throw new Error(`UPLOAD_WAIT: "${env.UPLOAD_WAIT}" is not a number of seconds`);
  return {
    memoryBytes: Math.round(memoryMb * 1024 * 1024),
    waitMs: waitSeconds * 1000,
    jsonBodyBytes: Math.ceil((maxMessageBytes * 4) / 3) + 1024 * 1024,
    multipartBodyBytes: maxMessageBytes + 1024 * 1024,
  };
}

function logLevel(value: string | undefined): LogLevel {
  const level = (value ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new Error(`LOG_LEVEL: "${value}" is not one of ${LOG_LEVELS.join(', ')}`);
  return level as LogLevel;
}

function req(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name];
  if (!v) throw new Error(`${name} is required when any SSO_* variable is set`);
  return v;
}
