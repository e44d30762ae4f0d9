// The node entry point: configuration, database, identity, then one port for
// the API, the built element bundle and the demo pages.
//   node --import tsx bff/server.ts [--demo]
// --demo (what `npm start` passes) turns on the development identity provider
// unless DEV_IDP says otherwise or an SSO is configured (loadConfig decides, and
// refuses it outside NODE_ENV unset/development/test), and seeds the demo data
// into an empty database.
import { dirname, join } from 'node:path';
import { serve } from '@hono/node-server';
import { fileStoreFor } from '../db/file-store.js';
import { buildApp } from './app.js';
import { serveDemo } from './static.js';
import { jitsiOrigin } from '../contract/meetings.js';
import { type TrustedIssuer, createVerifier, remoteIssuer } from './auth.js';
import { loadConfig } from './config.js';
import { createDevIdp } from './dev-idp.js';
import { createLogger } from './log.js';
import { connect, isPostgresUrl } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { isSeeded, seedDemo } from '../seed/demo-seed.js';
import { DEMO_USERS } from '../seed/demo-users.js';

const demo = process.argv.includes('--demo');

let config;
try {
  config = loadConfig(process.env, { demo });
} catch (err) {
  console.error(`Atende: configuração inválida: ${(err as Error).message}`);
  process.exit(1);
}

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const database = connect(config.databaseUrl);
await migrateToLatest(database.db);
if (demo && !(await isSeeded(database.db))) {
  const t0 = performance.now();
  await seedDemo(database.db, { now: new Date(), holidays: config.holidays, timeZone: config.timeZone });
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

const log = createLogger(config.logLevel);
const app = buildApp({
  log,
  db: database.db,
  config,
  now: () => new Date(),
  verify: createVerifier(issuers, { clockToleranceSeconds: config.clockToleranceSeconds }),
  devIdp,
  fileStore: fileStoreFor(config.databaseUrl, config.filesDir),
});

serveDemo(app, root, { corsOrigins: config.corsOrigins, jitsiOrigin: config.jitsi ? jitsiOrigin(config.jitsi.domain) : undefined });

// Accesses authorized until a day end by the clock on every request already
// (memberships in force exclude them); this records each expiry in the access
// history and leaves its requests "sem atendente", on every instance (each
// expiry is recorded once). Unref'd: it never keeps the process up.
const sweepEveryMs = Math.max(1000, Math.min(config.identityTtlMs || 30_000, 30_000));
let sweeping = false;
setInterval(() => {
  if (sweeping) return;
  sweeping = true;
  app
    .sweepExpired()
    .then((ended) => {
      if (ended.length) log.info({ expired: ended.map((e) => e.membershipId) }, 'accesses expired');
    })
    .catch((err) => log.error({ err }, 'expiry sweep failed'))
    .finally(() => (sweeping = false));
}, sweepEveryMs).unref();

const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
  console.log(`Atende em ${config.publicUrl} (porta ${info.port}, banco ${database.dialect}${devIdp ? ', identidade de desenvolvimento ligada' : ''})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    database.close().finally(() => process.exit(0));
  });
}
