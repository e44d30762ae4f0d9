// Rate limits (hono-rate-limiter, its memory store: per instance): filings
// and follow-up posts per user (per client IP when anonymous), and dev-token
// minting per client IP. Past the limit: 429 problem+json with Retry-After.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from './env.js';
import { ProblemError, problem } from './errors.js';

const WINDOW_MS = 60_000;

/**
 * The client's IP address: the socket's peer, or with `trustProxy` proxies in
 * front (each appending to X-Forwarded-For) the address the outermost of them
 * saw. Without a socket (app.request() in tests) and no trusted header, one
 * shared key: every such caller counts as one client.
 */
export function clientIp(c: Context, trustProxy: number): string {
  if (trustProxy > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const ip = hops[Math.max(0, hops.length - trustProxy)];
    if (ip) return ip.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function tooMany(c: Context, limit: number): Response {
  const info = c.get('rateLimit') as { resetTime?: Date } | undefined;
  const seconds = Math.max(1, Math.ceil(((info?.resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
  const res = problem(
    c,
    new ProblemError(429, `Muitas requisições: o limite é de ${limit} por minuto. Tente de novo em ${seconds} s.`, undefined, 'too-many-requests'),
  );
  res.headers.set('Retry-After', String(seconds));
  return res;
}

/** POSTs limited to `perMinute` per key. */
function postLimit(perMinute: number, key: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-6',
    skip: (c) => c.req.method !== 'POST',
    keyGenerator: key,
    handler: (c) => tooMany(c, perMinute),
  });
}

/** POSTs limited to `perMinute` per signed-in user, or per client IP for anonymous callers. */
export function writeLimit(perMinute: number, trustProxy: number): MiddlewareHandler<AppEnv> {
  return postLimit(perMinute, (c) => {
    const user = c.get('user');
    return user ? `user:${user.id}` : `ip:${clientIp(c, trustProxy)}`;
  });
}

/** POSTs limited to `perMinute` per client IP. */
export function ipLimit(perMinute: number, trustProxy: number): MiddlewareHandler<AppEnv> {
  return postLimit(perMinute, (c) => `ip:${clientIp(c, trustProxy)}`);
}
