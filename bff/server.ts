// The node entry point: configuration, database, identity, then one port for
// the API, the built element bundle and the demo pages.
//   node --import tsx bff/server.ts [--demo]
// --demo (what `npm start` passes) turns on the development identity provider
// unless DEV_IDP says otherwise, and seeds the demo data into an empty database.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { buildApp } from './app.js';
import { type TrustedIssuer, createVerifier, remoteIssuer } from './auth.js';
import { loadConfig } from './config.js';
import { createDevIdp } from './dev-idp.js';
import { connect, isPostgresUrl } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { isSeeded, seedDemo } from '../seed/demo-seed.js';
import { DEMO_USERS } from '../seed/demo-users.js';

const demo = process.argv.includes('--demo');
const env = { ...process.env };
if (demo && env.DEV_IDP === undefined) env.DEV_IDP = '1';

let config;
try {
  config = loadConfig(env);
} catch (err) {
  console.error(`Atende: configuração inválida: ${(err as Error).message}`);
  process.exit(1);
}

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const database = connect(config.databaseUrl);
await migrateToLatest(database.db);
if (demo && !(await isSeeded(database.db))) {
  const t0 = performance.now();
  await seedDemo(database.db, { now: new Date(), holidays: config.holidays });
  console.log(`Atende: dados de demonstração criados em ${Math.round(performance.now() - t0)} ms.`);
}

const issuers: TrustedIssuer[] = [];
if (config.sso) issuers.push(remoteIssuer(config.sso.jwksUrl, config.sso.issuer, config.sso.audience));
const devIdp = config.devIdp
  ? await createDevIdp(`${config.publicUrl}/dev`, config.audience, {
      users: DEMO_USERS,
      keyFile: isPostgresUrl(config.databaseUrl) ? undefined : join(dirname(config.databaseUrl), 'dev-idp-key.json'),
    })
  : undefined;
if (devIdp) issuers.push(devIdp.trusted);

const app = buildApp({
  db: database.db,
  config,
  now: () => new Date(),
  verify: createVerifier(issuers, { clockToleranceSeconds: config.clockToleranceSeconds }),
  devIdp,
});

// Static files: the built bundle under /dist and the demo pages at /, served
// with a strict Content Security Policy (no inline script or style).
const PAGE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "font-src 'self'",
  "connect-src 'self'", "frame-src 'self' blob:", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');
app.use('*', async (c, next) => {
  await next();
  if (!c.req.path.startsWith('/api/') && !c.res.headers.has('Content-Security-Policy')) {
    c.res.headers.set('Content-Security-Policy', PAGE_CSP);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
  }
});
const distDir = join(root, 'dist');
if (existsSync(distDir)) app.use('/dist/*', serveStatic({ root: distDir, rewriteRequestPath: (p) => p.replace(/^\/dist/, '') }));
app.use('/*', serveStatic({ root: join(root, 'demo') }));

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Atende em ${config.publicUrl} (porta ${info.port}, banco ${database.dialect}${devIdp ? ', identidade de desenvolvimento ligada' : ''})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    database.close().finally(() => process.exit(0));
  });
}
