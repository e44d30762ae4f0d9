// Structured logs: one JSON line per request (request id, user id, route,
// method, status, duration) and per unexpected error, through pino. No token,
// no body, no query string and no personal data reach the log: the route is
// logged as its pattern (/api/requests/:id), never the path the user typed.
import { createMiddleware } from 'hono/factory';
import { pino } from 'pino';
import type { AppEnv } from './env.js';

export type Logger = pino.Logger;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'atende' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** Logs each request once it is answered. */
export function requestLog(log: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const start = performance.now();
    await next();
    if (!log.isLevelEnabled('info')) return;
    log.info({
      requestId: c.get('requestId'),
      userId: c.get('user')?.id ?? null,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
    });
  });
}
