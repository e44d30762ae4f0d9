// Static files beside the API: the built bundle under /dist and the demo
// pages at /, with a strict Content Security Policy (no inline script or
// style). Read-only: another method is a 405, never a file.
//
// The bundle is what portals on other origins load (README, "Embedding in a
// portal"): `<script type="module">` and the chunks it imports are fetched in
// CORS mode, so /dist answers the origins of CORS_ORIGINS with
// Access-Control-Allow-Origin (Vary: Origin, so a shared cache keeps one copy
// per origin) and Cross-Origin-Resource-Policy: cross-origin. Files whose name
// carries vite's content hash (chunk-AbCd1234.js) never change: cached for a
// year, immutable. The entry points (atende.js, elements/*.js) keep their
// names across releases: revalidated on every use (ETag → 304).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { RETAINED_304_HEADERS, etag } from 'hono/etag';
import type { AppEnv } from './env.js';
import { ProblemError, problem } from './errors.js';

/** The pages' policy; with a Jitsi, its origin may run external_api.js and frame the call. */
function pageCsp(jitsiOrigin?: string): string {
  const jitsi = jitsiOrigin ? ` ${jitsiOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${jitsi}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src 'self' blob:${jitsi}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/**
 * vite's names for chunks and assets: `[name]-[hash].[ext]`, the hash 8
 * characters of [A-Za-z0-9_-]; a source map follows its file. The entry
 * points are lower-case kebab names (atende.js, elements/request-queue.js):
 * a hash must hold a capital or a digit, so "x-elements.js" is never taken
 * for one (a hash without either only costs a revalidation).
 */
const HASHED = /-(?=[\w-]{0,7}[A-Z0-9])[\w-]{8}\.[a-z0-9]+(\.map)?$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export interface StaticOptions {
  /** Origins allowed to load the bundle cross-origin (CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  /** The Jitsi Meet's origin (JITSI_DOMAIN), allowed to run external_api.js and frame the call on the pages. */
  jitsiOrigin?: string;
}

/** Serves `root`/dist at /dist and `root`/demo at / on `app`, after its own routes. */
export function serveDemo(app: Hono<AppEnv>, root: string, options: StaticOptions = {}): void {
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const csp = pageCsp(options.jitsiOrigin);
  app.use('*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/api/') && !c.req.path.startsWith('/dist/') && !c.res.headers.has('Content-Security-Policy')) {
      c.res.headers.set('Content-Security-Policy', csp);
      c.res.headers.set('X-Content-Type-Options', 'nosniff');
      c.res.headers.set('Referrer-Policy', 'no-referrer');
    }
  });
  app.use('*', async (c, next) => {
    const ours = c.req.path.startsWith('/api/') || c.req.path.startsWith('/dev/') || c.req.path === '/health';
    if (ours || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    c.header('Allow', 'GET, HEAD');
    return problem(c, new ProblemError(405, `Método ${c.req.method} não aceito aqui. Use GET.`, undefined, 'method-not-allowed'));
  });
  const distDir = join(root, 'dist');
  if (existsSync(distDir)) {
    // Outermost: an ETag from the content, and a 304 for If-None-Match that keeps the CORS and cache headers set below.
    app.use(
      '/dist/*',
      etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'cross-origin-resource-policy', 'x-content-type-options'] }),
    );
    app.use('/dist/*', async (c, next) => {
      await next();
      const h = c.res.headers;
      h.append('Vary', 'Origin');
      if (!c.res.ok) return;
      const origin = c.req.header('Origin');
      if (origin && corsOrigins.has(origin)) h.set('Access-Control-Allow-Origin', origin);
      h.set('Cross-Origin-Resource-Policy', 'cross-origin');
      h.set('X-Content-Type-Options', 'nosniff');
      h.set('Cache-Control', HASHED.test(c.req.path) ? IMMUTABLE : REVALIDATE);
    });
    app.use('/dist/*', serveStatic({ root: distDir, rewriteRequestPath: (p) => p.replace(/^\/dist/, '') }));
  }
  app.use('/*', serveStatic({ root: join(root, 'demo') }));
}
