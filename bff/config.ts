// Configuration from the environment, checked once at start-up.
import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../contract/time.js';
import { defaultHolidays, parseHolidays } from './domain/deadlines.js';
import { LOG_LEVELS, type LogLevel } from './log.js';

/**
 * How the room tokens of a Jitsi Meet are signed: none (a Jitsi without token
 * authentication), HS256 with the app secret of a self-hosted Jitsi's prosody
 * `token` module, or RS256 with a JaaS (8x8) API key.
 */
export type JitsiAuth =
  { kind: 'none' } | { kind: 'hs256'; appId: string; secret: string; audience: string } | { kind: 'jaas'; appId: string; keyId: string; privateKeyPem: string };

export interface JitsiConfig {
  /** JITSI_DOMAIN: where the call runs and external_api.js is loaded from ("meet.example.gov.br", "8x8.vc"). */
  domain: string;
  auth: JitsiAuth;
}

export interface Config {
  port: number;
  databaseUrl: string;
  /** Where uploaded files go beside a SQLite database (FILES_DIR; default: `files/` beside it); PostgreSQL keeps them in the database. */
  filesDir: string | null;
  production: boolean;
  /**
   * Embedded development identity provider: only when asked for (--demo or
   * DEV_IDP=1), only with NODE_ENV unset, development or test, never beside an SSO.
   */
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
  /** Rate limits per minute (0: none): filings and follow-up posts per user (or IP when anonymous), dev tokens per IP. */
  rateLimits: { writesPerMinute: number; devTokensPerMinute: number };
  /** Days after an evaluation that did not approve the attendance during which the citizen may reopen the request (REOPEN_DAYS; default 7). */
  reopenDays: number;
  /** How many proxies in front of the server append to X-Forwarded-For (0: ignore the header, use the socket's address). */
  trustProxy: number;
  /** The state's time zone (TIME_ZONE, IANA; default America/Porto_Velho): days, deadlines, protocol years, meetings, the agenda. */
  timeZone: string;
  /** How long before a meeting's start "Acessar" opens (JOIN_LEAD_MINUTES; default 10). */
  joinLeadMinutes: number;
  /** The video calls' Jitsi Meet (JITSI_*); null: not configured, meetings are scheduled but not joined here. */
  jitsi: JitsiConfig | null;
  /** The shared token Jitsi's reservation hook sends as `Authorization: Bearer …` (JITSI_RESERVATION_TOKEN); null: the hook is off. */
  jitsiReservationToken: string | null;
  /** The key that signs agenda share links (SHARE_LINK_SECRET, ≥ 32 characters; required in production, random per process otherwise). */
  shareLinkSecret: Uint8Array;
}

/** NODE_ENV values under which the development identity provider may run (compared case-insensitively; unset too). */
export const DEV_IDP_NODE_ENVS = ['development', 'test'] as const;

/**
 * Whether the development identity provider runs: asked for explicitly
 * (DEV_IDP=1/true, or --demo while DEV_IDP is unset and no SSO is set up), and
 * then only where it is safe. Throws when asked for where it must not run.
 */
export function devIdpWanted(env: NodeJS.ProcessEnv, opts: { demo?: boolean; sso: boolean }): boolean {
  const flag = env.DEV_IDP?.trim().toLowerCase() || undefined;
  if (flag !== undefined && !['0', 'false', '1', 'true'].includes(flag)) {
    throw new Error(`DEV_IDP: "${env.DEV_IDP}" is not 1, true, 0 or false`);
  }
  const explicit = flag === '1' || flag === 'true';
  const wanted = explicit || (flag === undefined && opts.demo === true && !opts.sso);
  if (!wanted) return false;
  if (opts.sso) {
    throw new Error('DEV_IDP is enabled while an SSO is configured (SSO_*): the development identity provider never runs beside a real one. Unset DEV_IDP.');
  }
  const nodeEnv = env.NODE_ENV?.trim().toLowerCase();
  if (nodeEnv && !(DEV_IDP_NODE_ENVS as readonly string[]).includes(nodeEnv)) {
    throw new Error(
      `the development identity provider (${explicit ? 'DEV_IDP' : '--demo'}) runs only with NODE_ENV unset, development or test, not NODE_ENV=${env.NODE_ENV}: it signs a manager's token for anyone who asks.`,
    );
  }
  return true;
}

/** `demo`: the server was started with --demo (asks for the development identity provider unless DEV_IDP says otherwise). */
/** The database the server (and the administrator's command line) opens: DATABASE_URL, or the embedded SQLite file. */
export function databaseUrlOf(env: NodeJS.ProcessEnv): string {
  return env.DATABASE_URL || 'data/atende.db';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: { demo?: boolean } = {}): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${env.PORT}" is not a port number`);
  const production = env.NODE_ENV?.trim().toLowerCase() === 'production';
  const sso =
    env.SSO_JWKS_URL || env.SSO_ISSUER || env.SSO_AUDIENCE
      ? { jwksUrl: req(env, 'SSO_JWKS_URL'), issuer: req(env, 'SSO_ISSUER'), audience: req(env, 'SSO_AUDIENCE') }
      : null;
  if (sso) new URL(sso.jwksUrl);
  const devIdp = devIdpWanted(env, { demo: opts.demo, sso: sso !== null });
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
    databaseUrl: databaseUrlOf(env),
    filesDir: env.FILES_DIR || null,
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
    rateLimits: { writesPerMinute: count(env, 'RATE_LIMIT_WRITES', 60), devTokensPerMinute: count(env, 'RATE_LIMIT_DEV_TOKENS', 30) },
    trustProxy: count(env, 'TRUST_PROXY', 0),
    reopenDays: count(env, 'REOPEN_DAYS', 7),
    uploads: uploadLimits(env, maxMessageBytes),
    timeZone: timeZoneOf(env),
    joinLeadMinutes: count(env, 'JOIN_LEAD_MINUTES', 10),
    jitsi: jitsiOf(env),
    jitsiReservationToken: env.JITSI_RESERVATION_TOKEN?.trim() || null,
    shareLinkSecret: shareLinkSecretOf(env, production),
  };
}

/** TIME_ZONE, checked: an IANA name the runtime knows. */
export function timeZoneOf(env: NodeJS.ProcessEnv): string {
  const zone = env.TIME_ZONE?.trim() || DEFAULT_TIME_ZONE;
  if (!isTimeZone(zone)) throw new Error(`TIME_ZONE: "${env.TIME_ZONE}" is not an IANA time zone such as America/Porto_Velho`);
  return zone;
}

function jitsiOf(env: NodeJS.ProcessEnv): JitsiConfig | null {
  const domain = env.JITSI_DOMAIN?.trim();
  const others = ['JITSI_APP_ID', 'JITSI_APP_SECRET', 'JITSI_JAAS_KEY_ID', 'JITSI_JAAS_PRIVATE_KEY_FILE'].filter((n) => env[n]?.trim());
  if (!domain) {
    if (others.length) throw new Error(`${others[0]} is set but JITSI_DOMAIN is not: set the Jitsi Meet's domain (e.g. meet.example.gov.br or 8x8.vc)`);
    return null;
  }
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain)) throw new Error(`JITSI_DOMAIN: "${domain}" is not a host name such as meet.example.gov.br`);
  const appId = env.JITSI_APP_ID?.trim();
  const keyId = env.JITSI_JAAS_KEY_ID?.trim();
  const keyFile = env.JITSI_JAAS_PRIVATE_KEY_FILE?.trim();
  const secret = env.JITSI_APP_SECRET;
  if (keyId || keyFile) {
    if (!keyId || !keyFile || !appId)
      throw new Error('JaaS needs JITSI_APP_ID (the vpaas-magic-cookie-… tenant), JITSI_JAAS_KEY_ID and JITSI_JAAS_PRIVATE_KEY_FILE together');
    if (secret) throw new Error('Set JITSI_APP_SECRET (self-hosted Jitsi) or the JITSI_JAAS_* key (JaaS), not both');
    const privateKeyPem = readFileSync(keyFile, 'utf8');
    // A key that does not sign RS256 fails here, at start, not at the first "Acessar".
    let key;
    try {
      key = createPrivateKey(privateKeyPem);
    } catch {
      throw new Error(`JITSI_JAAS_PRIVATE_KEY_FILE: ${keyFile} is not a PEM private key`);
    }
    if (key.asymmetricKeyType !== 'rsa') throw new Error(`JITSI_JAAS_PRIVATE_KEY_FILE: ${keyFile} is not an RSA key (JaaS signs with RS256)`);
    return { domain, auth: { kind: 'jaas', appId, keyId, privateKeyPem } };
  }
  if (secret || appId) {
    if (!secret || !appId) throw new Error('A Jitsi with token authentication needs JITSI_APP_ID and JITSI_APP_SECRET together');
    return { domain, auth: { kind: 'hs256', appId, secret, audience: env.JITSI_AUDIENCE?.trim() || 'jitsi' } };
  }
  return { domain, auth: { kind: 'none' } };
}

function shareLinkSecretOf(env: NodeJS.ProcessEnv, production: boolean): Uint8Array {
  const secret = env.SHARE_LINK_SECRET;
  if (secret) {
    if (secret.length < 32) throw new Error('SHARE_LINK_SECRET must be at least 32 characters');
    return new TextEncoder().encode(secret);
  }
  if (production)
    throw new Error('SHARE_LINK_SECRET is required in production: it signs the agenda share links (at least 32 characters, the same on every server)');
  return randomBytes(32);
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

/** A whole number ≥ 0 from the environment, or its default when unset or empty. */
function count(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const raw = env[name]?.trim();
  if (!raw) return dflt;
  if (!/^\d{1,9}$/.test(raw)) throw new Error(`${name}: "${env[name]}" is not a whole number (0 or more)`);
  return Number(raw);
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
