// Fills a database with N synthetic requests (bench/model.ts) for the
// benchmark, and reuses it between runs:
//   SQLite:     bench/.data/requests-<N>.db (written to a .tmp file, renamed when complete)
//   PostgreSQL: database atende_bench_<N> next to DATABASE_URL (marked complete by a comment)
// Schema by the app's own migrations; bulk rows with the driver directly
// (one prepared INSERT in big transactions on SQLite, unnest() arrays on
// PostgreSQL), secondary indexes dropped during the load and rebuilt after.
// A reused database is first brought to the app's latest migration; bump
// GENERATOR_VERSION (bench/model.ts) when new columns need generated values.
//   node --import tsx bench/generate.ts [--n 1000000] [--force]
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { connect, isPostgresUrl } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { SLOTS } from '../db/migrations/2026-11-28T03-00_queue-versions.js';
import { BATCH_TABLES, type Batch, COLUMNS, GENERATOR_VERSION, type Row, type Table, buildWorld, requestStream } from './model.js';

export const DATA_DIR = join(dirname(new URL(import.meta.url).pathname), '.data');
const BULK_TABLES: string[] = [...BATCH_TABLES];
const CHUNK = 10_000;

export interface Generated {
  url: string;
  dialect: 'sqlite' | 'postgres';
  n: number;
  /** Seconds spent generating; 0 when a cached database was reused. */
  seconds: number;
  reused: boolean;
}

/** Where the benchmark database of size `n` lives for this DATABASE_URL (or SQLite when none). */
export function benchDatabaseUrl(n: number, baseUrl = process.env.DATABASE_URL, dir = DATA_DIR, name = `atende_bench_${n}`): string {
  if (baseUrl && isPostgresUrl(baseUrl)) {
    const u = new URL(baseUrl);
    u.pathname = `/${name}`;
    return u.toString();
  }
  return join(dir, `requests-${n}.db`);
}

const marker = (n: number) => `atende-bench v${GENERATOR_VERSION} n=${n}`;

/** The database of `n` requests: reused when a complete one of this generator version exists, else generated. */
export async function ensureDatabase(
  n: number,
  opts: { baseUrl?: string; dir?: string; name?: string; force?: boolean; quiet?: boolean } = {},
): Promise<Generated> {
  const baseUrl = opts.baseUrl ?? process.env.DATABASE_URL;
  const url = benchDatabaseUrl(n, baseUrl, opts.dir ?? DATA_DIR, opts.name);
  const log = opts.quiet ? () => {} : (s: string) => process.stderr.write(`${s}\n`);
  const t0 = performance.now();
  if (isPostgresUrl(url)) {
    const name = new URL(url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      const found = await admin.query(`select shobj_description(oid, 'pg_database') as c from pg_database where datname = $1`, [name]);
      if (found.rows.length && found.rows[0].c === marker(n) && !opts.force) {
        log(`bench: reusing PostgreSQL database ${name}`);
        await migrate(url);
        return { url, dialect: 'postgres', n, seconds: 0, reused: true };
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    await migrate(url);
    await fillPostgres(url, n, opts.quiet);
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    await c.query(`comment on database ${name} is '${marker(n)}'`);
    await c.end();
  } else {
    if (existsSync(url) && !opts.force) {
      const db = new SQLite(url, { readonly: true });
      const ok =
        db.pragma('user_version', { simple: true }) === GENERATOR_VERSION && (db.prepare('select max(id) as n from requests').get() as { n: number }).n === n;
      db.close();
      if (ok) {
        log(`bench: reusing ${url}`);
        await migrate(url);
        return { url, dialect: 'sqlite', n, seconds: 0, reused: true };
      }
    }
    const tmp = `${url}.tmp`;
    for (const f of [url, tmp]) for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
    mkdirSync(dirname(url), { recursive: true });
    await migrate(tmp);
    fillSqlite(tmp, n, opts.quiet);
    renameSync(tmp, url);
  }
  const seconds = (performance.now() - t0) / 1000;
  log(`bench: generated ${n.toLocaleString('en')} requests in ${seconds.toFixed(1)} s (${url.replace(/\/\/[^@]*@/, '//')})`);
  return { url, dialect: isPostgresUrl(url) ? 'postgres' : 'sqlite', n, seconds, reused: false };
}

async function migrate(url: string) {
  const conn = connect(url);
  await migrateToLatest(conn.db);
  await conn.close();
}

function progress(total: number, quiet?: boolean) {
  const t0 = performance.now();
  let last = 0;
  const tty = process.stderr.isTTY;
  return {
    tick(done: number, force = false) {
      if (quiet) return;
      const now = performance.now();
      if (!force && now - last < (tty ? 200 : 5000)) return;
      last = now;
      const f = total ? done / total : 1;
      const s = (now - t0) / 1000;
      const eta = f > 0 ? s / f - s : 0;
      const bar = '#'.repeat(Math.round(f * 30)).padEnd(30, '.');
      process.stderr.write(
        `${tty ? '\r' : ''}  requests [${bar}] ${(f * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${s.toFixed(0)} s, ETA ${eta.toFixed(0)} s ${tty ? '' : '\n'}`,
      );
    },
    done(what: string) {
      if (!quiet) process.stderr.write(`${tty ? '\n' : ''}  ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
    },
  };
}

/** The generator's columns of `table` that the database has: their names and positions in a row. */
interface Shape {
  names: string[];
  types: string[];
  pick: ((row: Row) => Row) | null;
}
function shape(table: Table, present: Set<string>): Shape {
  const keep = COLUMNS[table].map((c, k) => [c, k] as const).filter(([[name]]) => present.has(name));
  const idx = keep.map(([, k]) => k);
  return {
    names: keep.map(([[name]]) => name),
    types: keep.map(([[, type]]) => type),
    pick: idx.length === COLUMNS[table].length ? null : (row) => idx.map((k) => row[k]),
  };
}
const insertSql = (table: Table, s: Shape) => `insert into ${table} (${s.names.join(', ')}) values (${s.names.map(() => '?').join(', ')})`;
const sqliteShapes = (db: SQLite.Database) => (table: Table) =>
  shape(table, new Set((db.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((r) => r.name)));
async function pgShapes(client: pg.ClientBase) {
  const { rows } = await client.query(`select table_name, column_name from information_schema.columns where table_schema = 'public'`);
  return (table: Table) => shape(table, new Set(rows.filter((r) => r.table_name === table).map((r) => r.column_name as string)));
}

function fillSqlite(file: string, n: number, quiet?: boolean) {
  const db = new SQLite(file);
  // Generation only: no journal, no fsync, a big page cache. The file is a
  // .tmp until complete; the app's connect() sets its own durable pragmas.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  const indexes = db
    .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${BULK_TABLES.map((t) => `'${t}'`).join(',')})`)
    .all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`drop index ${i.name}`);
  const shapes = sqliteShapes(db);
  const stmts = new Map<Table, [SQLite.Statement | null, Shape]>();
  const insert = db.transaction((table: Table, rows: Row[]) => {
    let s = stmts.get(table);
    if (!s) {
      const sh = shapes(table);
      stmts.set(table, (s = [sh.names.length ? db.prepare(insertSql(table, sh)) : null, sh]));
    }
    const [stmt, { pick }] = s;
    if (!stmt) return; // a table this schema does not have
    for (const row of rows) stmt.run(pick ? pick(row) : row);
  });
  const world = buildWorld(n, Date.now());
  for (const [table, rows] of Object.entries(world.rows)) insert(table as Table, rows);
  const stream = requestStream(world, n);
  const bar = progress(n, quiet);
  while (stream.count < n) {
    const b = stream.next(CHUNK);
    for (const t of BATCH_TABLES) insert(t, b[t]);
    bar.tick(stream.count);
  }
  bar.tick(n, true);
  insert('protocol_counters', [...stream.counters]);
  bar.done('rows written');
  for (const i of indexes) db.exec(i.sql);
  bar.done(`${indexes.length} indexes rebuilt`);
  db.pragma(`user_version = ${GENERATOR_VERSION}`);
  db.pragma('journal_mode = WAL');
  db.close();
}

async function pgInsert(client: pg.ClientBase, table: Table, rows: Row[], shapes: (t: Table) => Shape) {
  const sh = shapes(table);
  if (!sh.names.length) return; // a table this schema does not have
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK).map((r) => (sh.pick ? sh.pick(r) : r));
    const arrays = sh.names.map((_, k) => part.map((r) => r[k]));
    await client.query(`insert into ${table} (${sh.names.join(', ')}) select * from unnest(${sh.types.map((t, k) => `$${k + 1}::${t}[]`).join(', ')})`, arrays);
  }
}

async function fillPostgres(url: string, n: number, quiet?: boolean) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Generation only: no foreign-key triggers, no waiting for WAL flushes.
    await client.query(`set session_replication_role = replica`);
    await client.query(`set synchronous_commit = off`);
    await client.query(`set maintenance_work_mem = '512MB'`);
    const { rows: indexes } = await client.query(
      `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = any($1)
         and indexname not in (select conname from pg_constraint)`,
      [BULK_TABLES],
    );
    for (const i of indexes) await client.query(`drop index ${i.indexname}`);
    const shapes = await pgShapes(client);
    const world = buildWorld(n, Date.now());
    for (const [table, rows] of Object.entries(world.rows)) await pgInsert(client, table as Table, rows, shapes);
    const stream = requestStream(world, n);
    const bar = progress(n, quiet);
    while (stream.count < n) {
      const b = stream.next(CHUNK);
      await client.query('begin');
      for (const t of BATCH_TABLES) await pgInsert(client, t, b[t], shapes);
      await client.query('commit');
      bar.tick(stream.count);
    }
    bar.tick(n, true);
    await pgInsert(client, 'protocol_counters', [...stream.counters], shapes);
    bar.done('rows written');
    for (const i of indexes) await client.query(i.indexdef);
    bar.done(`${indexes.length} indexes rebuilt`);
    await syncSequences(client);
    // Triggers were off during the load (replica role): give each institution its queue version.
    await client.query(`insert into queue_versions (institution_id, slot, version)
      select i.id, s.slot, 0 from institutions i cross join generate_series(0, ${SLOTS - 1}) as s (slot) on conflict do nothing`);
    await client.query('vacuum analyze');
    bar.done('vacuum analyze');
  } finally {
    await client.end();
  }
}

/** Identity columns got explicit ids: move their sequences past the largest. */
async function syncSequences(client: pg.ClientBase) {
  for (const [table, c] of Object.entries(COLUMNS)) {
    if (c[0][0] !== 'id') continue;
    await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest(1, (select coalesce(max(id), 0) from ${table})))`);
  }
}

/**
 * Files `count` fresh submitted requests in one institution of a generated
 * database (the pool the transition scenario starts analysis on; each request
 * can start only once). Returns their ids.
 */
export async function addSubmitted(url: string, n: number, institutionId: number, count: number): Promise<number[]> {
  const world = buildWorld(n, Date.now());
  const load = (maxId: number, counters: { year: number; last: number }[]) =>
    requestStream(world, n).fresh(count, institutionId, maxId + 1, new Map(counters.map((c) => [c.year, c.last])));
  const ids = (b: Batch) => b.requests.map((r) => r[0] as number);
  const counterRows = (b: Batch) => {
    const last = new Map<number, number>();
    for (const r of b.requests) last.set(Number(String(r[1]).slice(0, 4)), Number(String(r[1]).slice(5)));
    return [...last];
  };
  if (isPostgresUrl(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('lock table requests in exclusive mode');
      const max = (await client.query('select coalesce(max(id), 0)::int as m from requests')).rows[0].m;
      const b = load(max, (await client.query('select year, last from protocol_counters')).rows);
      const shapes = await pgShapes(client);
      for (const t of BATCH_TABLES) await pgInsert(client, t, b[t], shapes);
      for (const [year, last] of counterRows(b)) {
        await client.query('insert into protocol_counters (year, last) values ($1, $2) on conflict (year) do update set last = excluded.last', [year, last]);
      }
      await syncSequences(client);
      await client.query('commit');
      return ids(b);
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      await client.end();
    }
  }
  const db = new SQLite(url);
  db.pragma('busy_timeout = 5000');
  try {
    return db
      .transaction(() => {
        const max = (db.prepare('select coalesce(max(id), 0) as m from requests').get() as { m: number }).m;
        const b = load(max, db.prepare('select year, last from protocol_counters').all() as { year: number; last: number }[]);
        const shapes = sqliteShapes(db);
        for (const t of BATCH_TABLES) {
          const sh = shapes(t);
          if (!sh.names.length) continue;
          const ins = db.prepare(insertSql(t, sh));
          for (const row of b[t]) ins.run(sh.pick ? sh.pick(row) : row);
        }
        const up = db.prepare('insert into protocol_counters (year, last) values (?, ?) on conflict (year) do update set last = excluded.last');
        for (const c of counterRows(b)) up.run(c);
        return ids(b);
      })
      .immediate();
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const n = Number(arg('n') ?? 1_000_000);
  if (!Number.isInteger(n) || n < 1 || n > 20_000_000) throw new Error('--n: a whole number of requests, 1 to 20,000,000');
  await ensureDatabase(n, { force: process.argv.includes('--force') });
}
