// The server child, the scenarios and one autocannon measurement.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { type Kysely, sql } from 'kysely';
import type { RequestPage } from '../contract/types.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { addSubmitted } from './generate.js';
import { prng } from './model.js';
import type { ChildReply, ServerReady } from './server.js';

const HERE = new URL('.', import.meta.url).pathname;

export interface ServerHandle {
  base: string;
  /** The server process (for its RSS). */
  pid: number;
  dialect: string;
  durability: string;
  sign(sub: string, name: string): Promise<string>;
  /** Starts a CPU profile of the server's main thread; with `file`, stops it and writes it there. */
  profile(file?: string): Promise<unknown>;
  stop(): Promise<{ jwksFetches: number }>;
}

/** Forks bench/server.ts on `url`; `execArgv` may add profiling flags (--cpu-prof …). */
export async function startServer(url: string, execArgv: string[] = []): Promise<ServerHandle> {
  const child: ChildProcess = fork(join(HERE, 'server.ts'), [url], {
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let seq = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.on('message', (m: ServerReady | ChildReply) => {
      if ('op' in m && m.op === 'ready') {
        clearTimeout(timer);
        resolve(m);
      } else if ('id' in m) {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if (m.error) w?.reject(new Error(m.error));
        else w?.resolve(m.result);
      }
    });
  });
  /** Sends `msg` to the child; resolves to its reply's result. */
  const call = (msg: object) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, { resolve, reject });
      child.send({ id, ...msg });
    });
  return {
    base: `http://127.0.0.1:${ready.port}`,
    pid: child.pid!,
    dialect: ready.dialect,
    durability: ready.durability,
    sign: async (sub, name) => (await call({ op: 'sign', sub, name })) as string,
    profile: (file) => call({ op: 'profile', file }),
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = (await call({ op: 'stop' })) as { jwksFetches: number };
      await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

export interface Scenario {
  key: string;
  title: string;
  method: 'GET' | 'POST';
  /** A fixed path, or the next one of a rotating set / one-shot pool. */
  path: string | (() => string);
  token: string | (() => string);
  /** Bounded by request count per round instead of duration (one-shot pools). */
  amount?: number;
  /** Runs once before the scenario's rounds, told how many requests they may send in all. */
  setup?: (requests: number) => Promise<void>;
  note?: string;
  /** Extra request headers (bench/server.ts: `x-atende-bench-cache: off` selects the app without the queue cache). */
  headers?: Record<string, string>;
}

/** Sent to read the queue from the database: the bench server's second app, without the page cache. */
export const CACHE_OFF = { 'x-atende-bench-cache': 'off' };

export interface Prepared {
  institution: { id: number; acronym: string; requests: number };
  attendants: number;
  deepDepth: number;
  scenarios: Scenario[];
  hello: Scenario;
  bare: Scenario;
}

const rotate = <T>(xs: T[]) => {
  let i = 0;
  return () => xs[i++ % xs.length];
};

async function getJson<T>(base: string, path: string, token: string): Promise<T> {
  const res = await fetch(base + path, { headers: { Authorization: `Bearer ${token}` } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body);
}

/**
 * Looks the data up (the busiest institution, its attendants, sample ids,
 * names and protocols), signs the attendants' tokens, walks the cursor
 * `deep` rows into the queue, and returns the scenarios.
 */
/** The institution with the most requests: the one the benchmark's attendants work in. */
export async function busiestInstitution(db: Kysely<Database>): Promise<{ id: number; acronym: string; requests: number }> {
  const busiest = await db
    .selectFrom('requests')
    .select(['institution_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('institution_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const row = await db.selectFrom('institutions').select(['id', 'acronym']).where('id', '=', busiest.institution_id).executeTakeFirstOrThrow();
  return { ...row, requests: Number(busiest.n) };
}

/** Up to `limit` attendants of an institution whose role stands. */
export async function attendantsOf(db: Kysely<Database>, institutionId: number, limit: number): Promise<{ sub: string; name: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.sub', 'u.name'])
    .where('m.institution_id', '=', institutionId)
    .where('m.role', '=', 'attendant')
    .where('m.revoked_at', 'is', null)
    .orderBy('u.id')
    .limit(limit)
    .execute();
}

export async function prepare(server: ServerHandle, url: string, n: number, o: { deep: number; transitionsPerRound: number }): Promise<Prepared> {
  const conn = connect(url, { poolSize: 2 });
  const { db } = conn;
  let inst: { id: number; acronym: string; requests: number };
  let staff: { sub: string; name: string }[];
  let sample: { id: number; protocol: string; citizen_name: string }[];
  try {
    inst = await busiestInstitution(db);
    staff = await attendantsOf(db, inst.id, 8);
    if (!staff.length) throw new Error(`no attendant in institution ${inst.acronym}`);
    const stride = Math.max(1, Math.floor(inst.requests / 3000));
    sample = await db
      .selectFrom('requests')
      .select(['id', 'protocol', 'citizen_name'])
      .where('institution_id', '=', inst.id)
      .where(sql<number>`id % ${stride}`, '=', 0)
      .execute();
  } finally {
    await conn.close();
  }
  const r = prng(n);
  const picks = Array.from({ length: 500 }, () => sample[Math.floor(r.next() * sample.length)]);
  const tokens = await Promise.all(staff.map((s) => server.sign(s.sub, s.name)));
  const token = tokens[0];

  // The deep page: walk the FIFO queue with the API's own cursor, 100 rows a page.
  const pages = Math.max(0, Math.floor(Math.min(o.deep, inst.requests - 25) / 100));
  let cursor: string | null = null;
  for (let p = 0; p < pages; p++) {
    const page: RequestPage = await getJson(server.base, `/api/requests?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    if (page.items.length !== 100 || !page.nextCursor) throw new Error(`queue page ${p + 1}: ${page.items.length} items, no cursor`);
    cursor = page.nextCursor;
  }
  const first = await getJson<RequestPage>(server.base, '/api/requests?limit=25', token);
  if (first.items.length !== Math.min(25, inst.requests)) throw new Error(`queue: ${first.items.length} items`);

  // "Oliveira Perei": a citizen's last two names, the last one cut short, as typed.
  const names = picks.slice(0, 50).map((p) => {
    const w = p.citizen_name.split(' ');
    const last = w.at(-1)!;
    return `${w.length > 1 ? `${w.at(-2)} ` : ''}${last.slice(0, Math.max(4, last.length - 2))}`;
  });
  // "2025/0012": a protocol's year and first four digits (up to 100 protocols of that year).
  const protocols = picks.slice(50, 100).map((p) => p.protocol.slice(0, 9));
  // Part of a protocol as people type it (issue #11): "001234", "1234/2025", "1234" in turn.
  const parts = picks.slice(100, 150).map((p, i) => {
    const [year, number] = p.protocol.split('/');
    const n = String(Number(number));
    return [number, `${n}/${year}`, n][i % 3];
  });
  const nextToken = rotate(tokens);
  let pool: number[] = [];
  let taken = 0;

  // A free-text search scenario: the queue page with each of `terms` in turn.
  const search = (key: string, title: string, terms: string[], what: string): Scenario => ({
    key,
    title,
    method: 'GET',
    token,
    path: rotate(terms.map((q) => `/api/requests?limit=25&q=${encodeURIComponent(q)}`)),
    note: `${terms.length} ${what} such as "${terms[0]}"`,
  });
  const scenarios: Scenario[] = [
    {
      key: 'queue',
      title: 'Queue page (25, FIFO, default filters)',
      method: 'GET',
      path: '/api/requests?limit=25',
      token,
      note: 'as served: the first page is kept in memory until the institution changes',
    },
    {
      key: 'queue_db',
      title: 'Queue page read from the database',
      method: 'GET',
      path: '/api/requests?limit=25',
      token,
      headers: CACHE_OFF,
      note: 'the same page with the page cache off: the first load after every change',
    },
    {
      key: 'status_due',
      title: 'Queue: status=submitted, sort=due',
      method: 'GET',
      path: '/api/requests?status=submitted&sort=due&limit=25',
      token,
      headers: CACHE_OFF,
      note: 'read from the database (page cache off)',
    },
    {
      key: 'worklist',
      title: 'Queue: the worklist (open statuses, sort=due)',
      method: 'GET',
      path: '/api/requests?status=submitted,in_analysis,in_service&sort=due&limit=25',
      token,
      headers: CACHE_OFF,
      note: 'the default staff view, read from the database (page cache off)',
    },
    {
      key: 'deep',
      title: `Deep page (cursor ${(pages * 100).toLocaleString('en')} rows in)`,
      method: 'GET',
      path: `/api/requests?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token,
    },
    search('search_name', 'Search: citizen name fragment', names, 'fragments'),
    search('search_protocol', 'Search: protocol prefix', protocols, 'prefixes'),
    search('search_protocol_part', 'Search: part of a protocol', parts, 'parts'),
    {
      key: 'detail',
      title: 'Request detail',
      method: 'GET',
      path: rotate(picks.map((p) => `/api/requests/${p.id}`)),
      token,
      note: `${picks.length} ids`,
    },
    {
      key: 'start_analysis',
      title: 'Start analysis (durable write)',
      method: 'POST',
      // Each request starts once: a fresh id every time (reusing the last one, a visible 409, if the pool ever ran dry).
      path: () => `/api/requests/${pool[Math.min(taken++, pool.length - 1)]}/analysis`,
      token: nextToken,
      amount: o.transitionsPerRound,
      note: `distinct fresh submitted requests, ${tokens.length} attendants' tokens`,
      setup: async (count) => {
        pool = await addSubmitted(url, n, inst.id, count);
        taken = 0;
      },
    },
  ];
  return {
    institution: inst,
    attendants: tokens.length,
    deepDepth: pages * 100,
    scenarios,
    hello: { key: 'hello', title: 'Hello-world route of the app', method: 'GET', path: '/bench/hello', token },
    bare: { key: 'bare', title: 'Bare Hono hello-world', method: 'GET', path: '/bench/bare', token },
  };
}

export interface Measurement {
  /** Responses per second (all statuses). */
  rps: number;
  /** Latency percentiles of 2xx responses, ms. */
  p50: number;
  p99: number;
  responses: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  status: Record<string, number>;
  seconds: number;
}

/**
 * Waits until no request is running in the server: requests still running
 * when a measurement ends (autocannon closes their connections, the server
 * finishes them anyway) must not eat into the next measurement, nor meet a
 * closed database at the end.
 */
export async function drain(base: string, maxSeconds = 300): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < maxSeconds * 1000) {
    try {
      const res = await fetch(`${base}/bench/inflight`, { signal: AbortSignal.timeout(maxSeconds * 1000) });
      if ((await res.text()) === '0') break;
    } catch {
      /* try again */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return (performance.now() - t0) / 1000;
}

/** One autocannon run; bounded by `duration` or `amount`, and always by `maxSeconds`. */
export function measure(base: string, s: Scenario, o: { connections: number; duration?: number; amount?: number; maxSeconds: number }): Promise<Measurement> {
  const dynamic = typeof s.path === 'function' || typeof s.token === 'function';
  const auth = () => `Bearer ${typeof s.token === 'function' ? s.token() : s.token}`;
  const path = () => (typeof s.path === 'function' ? s.path() : s.path);
  const amount = s.amount ? Math.min(s.amount, o.amount ?? Infinity) : o.amount;
  const opts: autocannon.Options = {
    url: base + (dynamic ? '' : path()),
    method: s.method,
    connections: amount ? Math.min(o.connections, amount) : o.connections,
    ...(amount ? { amount } : { duration: o.duration }),
    timeout: 10,
    // Finish within 100 ms of the last response (the default 1 s tick would pad short runs).
    sampleInt: 100,
    // A POST without a body carries "Content-Length: 0", as browsers and
    // fetch() send it (autocannon alone would send no length at all).
    headers: { authorization: auth(), ...(s.method === 'GET' ? {} : { 'content-length': '0' }), ...s.headers },
    ...(dynamic
      ? {
          requests: [
            { method: s.method, setupRequest: (req: autocannon.Request) => ({ ...req, path: path(), headers: { ...req.headers, authorization: auth() } }) },
          ],
        }
      : {}),
  };
  const latencies: number[] = [];
  const t0 = performance.now();
  let tLast = t0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, res) => {
      clearTimeout(timer);
      if (err) return reject(err);
      const sorted = Float64Array.from(latencies).sort();
      const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);
      const status: Record<string, number> = {};
      for (const [code, v] of Object.entries(res.statusCodeStats ?? {})) status[code] = (v as { count: number }).count;
      const responses = Object.values(status).reduce((a, b) => a + b, 0);
      const seconds = (tLast - t0) / 1000;
      resolve({
        rps: seconds > 0 ? responses / seconds : 0,
        p50: pct(50),
        p99: pct(99),
        responses,
        ok: res['2xx'],
        non2xx: res.non2xx,
        errors: res.errors,
        timeouts: res.timeouts,
        status,
        seconds,
      });
    });
    const timer = setTimeout(() => instance.stop(), o.maxSeconds * 1000);
    instance.on('response', (_client: unknown, code: number, _bytes: number, ms: number) => {
      tLast = performance.now();
      if (code >= 200 && code < 300) latencies.push(ms);
    });
  });
}
