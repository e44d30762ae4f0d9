// Builds the Hono app from its dependencies, so tests build one per case and
// call app.request() without a network.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, Next } from 'hono';
import { except } from 'hono/combine';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { IdentityCache, authMiddleware } from './auth.js';
import { type AppDeps, type AppEnv, type Deps, requireUser } from './env.js';
import { createByteBudget } from './budget.js';
import { toMb } from './files.js';
import { createWrites } from './writes.js';
import { ipLimit, writeLimit } from './rate-limit.js';
import { createLogger, requestLog } from './log.js';
import { QueueCache } from '../db/queries/queue-cache.js';
import { ProblemError, problem } from './errors.js';
import { documentConfig, json, router } from './openapi.js';
import { Health } from '../contract/responses.js';
import { createRoute } from '@hono/zod-openapi';
import { accessLogRoutes } from './routes/access-log.js';
import { accessRoutes } from './routes/access.js';
import { sweepExpired } from './access-service.js';
import { attachmentRoutes } from './routes/attachments.js';
import { devRoutes } from './routes/dev.js';
import { followUpRoutes } from './routes/follow-ups.js';
import { identityRoutes } from './routes/identity.js';
import { requestRoutes } from './routes/requests.js';
import { serviceRoutes } from './routes/services.js';
import { charterRoutes } from './routes/charter.js';
import { evaluationRoutes } from './routes/evaluations.js';
import { publicRoutes } from './routes/public.js';
import { agendaRoutes } from './routes/agenda.js';
import { agendaPageRoutes } from './routes/agenda-page.js';
import { meetingRoutes } from './routes/meetings.js';
import { jitsiHookAuth, jitsiRoutes } from './routes/jitsi.js';

export function buildApp(given: Deps) {
  const pages = given.config.queueCachePages;
  const deps: AppDeps = {
    ...given,
    writes: given.writes ?? createWrites(given.db),
    queueCache: given.queueCache === undefined ? (pages > 0 ? new QueueCache(pages) : null) : given.queueCache,
    log: given.log ?? createLogger(given.config.logLevel),
    uploadBudget: given.uploadBudget ?? createByteBudget(given.config.uploads.memoryBytes, given.config.uploads.waitMs),
    fileStore: given.fileStore ?? null,
    identities: given.identities ?? new IdentityCache(given.config.identityTtlMs),
  };
  const { config } = deps;
  const app = router();
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'jitsiReservation', {
    type: 'http',
    scheme: 'bearer',
    description: 'Jitsi’s reservation hook: the shared JITSI_RESERVATION_TOKEN, not a user’s token',
  });

  // Headers added after a handler go on c.res.headers directly: c.header()
  // at that point would rebuild the response around a body stream, which
  // cost the node server most of its throughput (measured: hello-world at
  // 25% of a bare Hono app's).
  app.use('*', async (c, next) => {
    c.set('requestId', c.req.header('X-Request-Id')?.slice(0, 64) || randomUUID());
    await next();
    c.res.headers.set('X-Request-Id', c.get('requestId'));
  });
  app.use('*', requestLog(deps.log));
  // Every answer of the app itself (API, health, dev identity provider)
  // carries the security headers; the demo pages get their own page CSP
  // (bff/server.ts).
  const apiHeaders = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'cross-origin',
    crossOriginOpenerPolicy: false,
  });
  for (const path of ['/api/*', '/health', '/dev/*']) app.use(path, apiHeaders);
  const portalCors = cors({
    origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: ['ETag', 'Location', 'X-Request-Id', 'Retry-After', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  // Only cross-origin browser calls carry an Origin; the rest skip CORS work.
  app.use('/api/*', (c, next) => (c.req.header('Origin') ? portalCors(c, next) : next()));
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });

  app.openapi(createRoute({ method: 'get', path: '/health', summary: 'Liveness', responses: { 200: json(Health, 'Up') } }), (c) =>
    c.json({ status: 'ok' as const }, 200),
  );
  app.doc31('/api/openapi.json', documentConfig(config.publicUrl));
  // Jitsi's reservation hook (/api/jitsi/*) carries the shared JITSI_RESERVATION_TOKEN, not a user's
  // token: its routes check it themselves (bff/routes/jitsi.ts), and no user is read there.
  const jitsiHook = /^\/api\/jitsi\//;
  app.use(
    '/api/*',
    except((c) => jitsiHook.test(c.req.path), authMiddleware(deps.db, deps.verify, deps.now, deps.identities)),
  );
  // Filings, follow-up posts (the upload routes) and access requests share one budget per user, checked before any body is read.
  if (config.rateLimits.writesPerMinute > 0) {
    const writes = writeLimit(config.rateLimits.writesPerMinute, config.trustProxy);
    app.use('/api/requests', writes);
    app.use('/api/requests/:id/follow-ups', writes);
    app.use('/api/access-requests', writes);
  }
  // Every API route that takes a body needs a user: an anonymous body is
  // answered 401 before a byte of it is read (the public routes are GETs).
  // A method no route takes is left to the 405 below (no handler reads its body).
  // Jitsi's reservation hook needs its shared token instead (404 when the hook is off).
  let allowed: (path: string) => string[] = () => [];
  const hookAuth = jitsiHookAuth(config.jitsiReservationToken);
  app.use('/api/*', (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || !allowed(c.req.path).includes(method)) return next();
    if (jitsiHook.test(c.req.path)) return hookAuth(c, next);
    requireUser(c);
    return next();
  });
  // Bodies are limited after authentication: uploads by their own limits
  // (multipart is counted file by file as it streams; a base64 filing is a
  // third larger than its files), every other body by BODY_LIMIT.
  const filing = /^\/api\/requests\/?$/;
  const followUp = /^\/api\/requests\/[^/]+\/follow-ups\/?$/;
  app.use('*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (filing.test(c.req.path) || followUp.test(c.req.path)) {
      const multipart = /^multipart\/form-data\b/i.test(c.req.header('Content-Type') ?? '');
      if (multipart)
        return limitBody(c, next, config.uploads.multipartBodyBytes, `A mensagem passa do limite de ${toMb(config.maxMessageBytes)} MB com os anexos.`);
      if (filing.test(c.req.path))
        return limitBody(c, next, config.uploads.jsonBodyBytes, `Os documentos passam do limite de ${toMb(config.maxMessageBytes)} MB somados.`);
    }
    return limitBody(c, next, config.bodyLimitBytes, `O corpo da requisição passa do limite de ${toMb(config.bodyLimitBytes)} MB.`);
  });

  const routes = app
    .route('/api', identityRoutes(deps))
    .route('/api/services', serviceRoutes(deps))
    .route('/api/services', charterRoutes(deps))
    .route('/api/requests', requestRoutes(deps))
    .route('/api/requests', followUpRoutes(deps))
    .route('/api/attachments', attachmentRoutes(deps))
    .route('/api/institutions', accessLogRoutes(deps))
    .route('/api', accessRoutes(deps))
    .route('/api/evaluations', evaluationRoutes(deps))
    .route('/api/public', publicRoutes(deps))
    .route('/api', meetingRoutes(deps))
    .route('/api/jitsi', jitsiRoutes(deps))
    .route('/api', agendaRoutes(deps));
  // The shared day list: a public page outside /api, with its own headers.
  app.route('/agenda', agendaPageRoutes(deps));
  if (deps.devIdp) {
    // Loud on purpose (error level, shown at every LOG_LEVEL but silent): this server hands out anyone's token.
    deps.log.error(
      { devIdp: deps.devIdp.issuer },
      'DEVELOPMENT IDENTITY PROVIDER ENABLED: POST /dev/token signs a token for any user, managers included. Never run it where others can reach it.',
    );
    if (config.rateLimits.devTokensPerMinute > 0) app.use('/dev/token', ipLimit(config.rateLimits.devTokensPerMinute, config.trustProxy));
    app.route('/dev', devRoutes(deps.devIdp));
  }

  // A path the app knows, asked with another method: 405 naming the methods it takes.
  allowed = allowedMethods(app.routes);
  app.notFound((c) => {
    const methods = allowed(c.req.path);
    if (methods.length) {
      c.header('Allow', methods.join(', '));
      return problem(c, new ProblemError(405, `Método ${c.req.method} não aceito aqui. Use ${methods.join(' ou ')}.`, undefined, 'method-not-allowed'));
    }
    return problem(c, new ProblemError(404, `Rota não encontrada: ${c.req.method} ${c.req.path}`, undefined, 'not-found'));
  });
  app.onError((err, c) => {
    // The client went away mid-request (closed tab, timeout): nobody reads an
    // answer; not a fault of ours, nor a bad request (a body cut short fails
    // to parse, which would read as a 400). Checked first for that reason.
    if (clientGone(c)) {
      deps.log.info({ requestId: c.get('requestId'), route: c.req.routePath }, 'client closed the request');
      return c.body(null, 499 as 400);
    }
    if (err instanceof ProblemError) return problem(c, err);
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problem(c, new ProblemError(status as 400, err.message || 'Requisição inválida.'));
    }
    deps.log.error({ requestId: c.get('requestId'), route: c.req.routePath, err }, 'unexpected error');
    return problem(c, new ProblemError(500, `Erro inesperado. Informe o código ${c.get('requestId')} ao suporte.`));
  });
  /**
   * Records the accesses past their end at the app's clock (bff/access-service.ts
   * sweepExpired) and drops their people's identities here. bff/server.ts runs
   * it on a timer; tests run it with their clock.
   */
  const sweep = async () => {
    const ended = await sweepExpired(deps.db, deps.now(), deps.config.timeZone);
    for (const e of ended) deps.identities.forget(e.userId);
    return ended;
  };
  return Object.assign(routes, { sweepExpired: sweep });
}

export type AppType = ReturnType<typeof buildApp>;

/**
 * 413 for a body over `max`. A declared length is checked as it stands
 * (node's HTTP parser reads no byte past it); a chunked body, or one of
 * unknown length, is counted as the route reads it, never read ahead (unlike
 * hono's bodyLimit, which buffers it whole). Looking for a body makes the
 * node server build a full Request object (~10% of a transition's time), so
 * a declared length within the limit skips it.
 */
function limitBody(c: Context<AppEnv>, next: Next, max: number, message: string) {
  const tooLarge = () => new ProblemError(413, message, undefined, 'too-large');
  if (c.req.header('Transfer-Encoding') === undefined) {
    const length = c.req.header('Content-Length');
    if (length !== undefined) {
      if (Number(length) > max) throw tooLarge();
      return next();
    }
  }
  const body = c.req.raw.body;
  if (!body) return next();
  let size = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > max) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
  return next();
}

/**
 * Whether the client has gone: its request's signal aborted, or (served by
 * @hono/node-server, which creates that signal only when something asks for
 * it) its body cut short or its connection closed before the answer.
 */
function clientGone(c: Context): boolean {
  if (c.req.raw.signal.aborted) return true;
  const node = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
  if (!node?.incoming) return false;
  return Boolean(node.incoming.errored) || (node.incoming.destroyed && !node.incoming.complete) || Boolean(node.outgoing?.destroyed);
}

/** For a path, the methods the app's routes take there (HEAD with GET), from Hono's route list. */
function allowedMethods(routes: readonly { method: string; path: string }[]) {
  const table = routes
    .filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
    .map((r) => ({ method: r.method, pattern: new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+')}/?$`) }));
  return (path: string): string[] => {
    const methods = new Set<string>();
    for (const r of table) if (r.pattern.test(path)) methods.add(r.method);
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
