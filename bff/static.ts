// Static files beside the API: the built bundle under /dist and the demo
// pages at /, with a strict Content Security Policy (no inline script or
// style). Read-only: another method is a 405, never a file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { ProblemError, problem } from './errors.js';

const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Serves `root`/dist at /dist and `root`/demo at / on `app`, after its own routes. */
export function serveDemo(app: Hono<AppEnv>, root: string): void {
  app.use('*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/api/') && !c.res.headers.has('Content-Security-Policy')) {
      c.res.headers.set('Content-Security-Policy', PAGE_CSP);
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
  if (existsSync(distDir)) app.use('/dist/*', serveStatic({ root: distDir, rewriteRequestPath: (p) => p.replace(/^\/dist/, '') }));
  app.use('/*', serveStatic({ root: join(root, 'demo') }));
}
