// The server under test, run as a child process of bench/run.ts so the load
// generator and the server each have their own event loop (and core):
//   node --import tsx bench/server.ts <database url>
// Configured as in production: tokens verified by jose against a remote JWKS
// (served by a tiny node:http server on loopback, standing in for the state
// SSO), the app from buildApp(), plus GET /bench/hello (a route of the app) and
// GET /bench/bare (a bare Hono app in front of it) as same-process baselines. Talks to the parent over IPC: {op:'sign'} for tokens, {op:'profile'} to start and
// stop a CPU profile, {op:'stop'}.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { fileStoreFor } from '../db/file-store.js';
import { buildApp } from '../bff/app.js';
import { createVerifier, remoteIssuer } from '../bff/auth.js';
import { loadConfig } from '../bff/config.js';
import { DEMO_USERS } from '../seed/demo-users.js';
import { pino } from 'pino';
import { createLogger } from '../bff/log.js';
import { createDevIdp } from '../bff/dev-idp.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';

export interface ServerReady {
  op: 'ready';
  port: number;
  jwksUrl: string;
  dialect: string;
  durability: string;
}
export type ParentMessage = { id: number; op: 'sign'; sub: string; name: string } | { id: number; op: 'profile'; file?: string } | { id: number; op: 'stop' };
export type ChildReply = { id: number; result?: unknown; error?: string };

const AUDIENCE = 'atende';
const url = process.argv[2];
if (!url || !process.send) {
  console.error('usage: forked by bench/run.ts with the database url');
  process.exit(2);
}
const send = (m: ServerReady | ChildReply) => process.send!(m);

// The stand-in SSO: publishes the signing key set, counts fetches.
let jwksFetches = 0;
let jwksBody = '';
const sso = createServer((req, res) => {
  if (req.url === '/jwks.json') {
    jwksFetches++;
    res.writeHead(200, { 'Content-Type': 'application/jwk-set+json', 'Cache-Control': 'max-age=600' }).end(jwksBody);
  } else res.writeHead(404).end();
});
await new Promise<void>((resolve) => sso.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${(sso.address() as AddressInfo).port}`;
const jwksUrl = `${issuer}/jwks.json`;
const idp = await createDevIdp(issuer, AUDIENCE, { users: DEMO_USERS });
jwksBody = JSON.stringify(idp.jwks);

// Upload limits pass through from the parent's environment (bench/uploads.ts sets them).
const limits = Object.fromEntries(
  ['MAX_FILE_MB', 'MAX_MESSAGE_MB', 'UPLOAD_MEMORY_MB', 'UPLOAD_WAIT', 'RATE_LIMIT_WRITES'].flatMap((k) => (process.env[k] ? [[k, process.env[k]]] : [])),
);
const config = loadConfig({ ...limits, DATABASE_URL: url, SSO_JWKS_URL: jwksUrl, SSO_ISSUER: issuer, SSO_AUDIENCE: AUDIENCE, PORT: '0' });
const database = connect(config.databaseUrl);
await migrateToLatest(database.db);
const verify = createVerifier([remoteIssuer(config.sso!.jwksUrl, config.sso!.issuer, config.sso!.audience)], {
  clockToleranceSeconds: config.clockToleranceSeconds,
});
// Request logs at info, as in production, written to /dev/null: their cost is measured, not the terminal's.
const log = createLogger('info', pino.destination('/dev/null'));
const fileStore = fileStoreFor(config.databaseUrl, config.filesDir);
const app = buildApp({ db: database.db, config, now: () => new Date(), verify, log, fileStore });
// The same app without the queue page cache, for requests that carry
// CACHE_OFF (bench/scenarios.ts): what a page costs when read from the database.
const direct = buildApp({ db: database.db, config, now: () => new Date(), verify, log, fileStore, queueCache: null });
// Added after buildApp(): still routed (notFound only answers when nothing matches),
// through the app's global middleware (request id, body limit).
app.get('/bench/hello', (c) => c.json({ ok: true }));
// A bare Hono hello-world in the same process, dispatched before the app (no
// middleware), and the count of app requests still running (the harness waits
// for 0 between measurements).
let inflight = 0;
const done = () => void inflight--;
const bare = new Hono();
bare.get('/bench/bare', (c) => c.json({ ok: true }));
bare.get('/bench/inflight', (c) => c.text(String(inflight)));
const dispatch = (req: Request, env: unknown) => {
  if (req.url.endsWith('/bench/bare') || req.url.endsWith('/bench/inflight')) return bare.fetch(req, env);
  const res = (req.headers.get('x-atende-bench-cache') === 'off' ? direct : app).fetch(req, env);
  if (!(res instanceof Promise)) return res;
  inflight++;
  res.then(done, done);
  return res;
};

// What an acknowledged write survives, as the app configured its connection.
const durability =
  database.dialect === 'sqlite'
    ? `synchronous=${['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(Object.values((await sql`pragma synchronous`.execute(database.db)).rows[0] as object)[0])]}`
    : `synchronous_commit=${Object.values((await sql`show synchronous_commit`.execute(database.db)).rows[0] as object)[0]}`;

const server = serve({ fetch: dispatch, port: 0, hostname: '127.0.0.1' }, (info) => {
  send({ op: 'ready', port: info.port, jwksUrl, dialect: database.dialect, durability });
});

// CPU profile of the main thread on demand: {op:'profile'} starts, {op:'profile', file} stops and writes.
let inspector: Session | null = null;
async function profile(file?: string) {
  if (!file) {
    inspector = new Session();
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
    await inspector.post('Profiler.start');
    return null;
  }
  if (!inspector) throw new Error('profile: not started');
  const { profile } = await inspector.post('Profiler.stop');
  inspector.disconnect();
  inspector = null;
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

process.on('message', async (m: ParentMessage) => {
  try {
    if (m.op === 'profile') {
      send({ id: m.id, result: await profile(m.file) });
    } else if (m.op === 'sign') {
      send({ id: m.id, result: await idp.sign({ sub: m.sub, name: m.name, email: null }, 4 * 60 * 60) });
    } else if (m.op === 'stop') {
      server.close();
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      sso.close();
      await database.close();
      send({ id: m.id, result: { jwksFetches } });
      // Leave through exit() so --cpu-prof writes its profile.
      setTimeout(() => process.exit(0), 50);
    }
  } catch (err) {
    send({ id: m.id, error: String((err as Error)?.stack ?? err) });
  }
});
process.on('disconnect', () => process.exit(0));
