// The SQL the app actually sends for each scenario (captured from Kysely's log
// while calling the app's own query functions), with its query plan and its
// time per execution straight on the driver: where a scenario's database time
// goes, apart from HTTP and JavaScript.
//   node --import tsx bench/explain.ts [--n 1000000]     (DATABASE_URL=postgres://… for PostgreSQL)
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { loadUser } from '../bff/auth.js';
import { getRequestDetailRows, getRequestFacts, listRequests, type QueueFilters } from '../db/queries/requests.js';
import type { Database } from '../db/schema.js';
import { isPostgresUrl } from '../db/connect.js';
import { ensureDatabase } from './generate.js';
import { attendantsOf, busiestInstitution } from './scenarios.js';

interface Captured {
  sql: string;
  parameters: readonly unknown[];
}

export async function explain(url: string, o: { repeat?: number } = {}): Promise<string> {
  const repeat = o.repeat ?? 200;
  const captured: Captured[] = [];
  const log = (e: LogEvent) => {
    if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters });
  };
  const postgres = isPostgresUrl(url);
  const pool = postgres ? new pg.Pool({ connectionString: url, max: 2 }) : null;
  const sqlite = postgres ? null : new SQLite(url, { readonly: true });
  const db = new Kysely<Database>({
    dialect: postgres ? new PostgresDialect({ pool: pool! }) : new SqliteDialect({ database: sqlite! }),
    log,
  });
  const out: string[] = [];
  try {
    const inst = await busiestInstitution(db);
    const [user] = await attendantsOf(db, inst.id, 1);
    if (!user) throw new Error(`no attendant in institution ${inst.acronym}`);
    const sample = await db
      .selectFrom('requests')
      .select(['id', 'protocol', 'citizen_name'])
      .where('institution_id', '=', inst.id)
      .orderBy('id', 'desc')
      .limit(1)
      .offset(Math.floor(inst.requests / 3))
      .executeTakeFirstOrThrow();
    const now = new Date();
    const { id: userId } = await db.selectFrom('users').select('id').where('sub', '=', user.sub).executeTakeFirstOrThrow();
    const scope = { institutionIds: [inst.id] };
    // The deep cursor: 10,000 rows in (or as deep as the institution goes).
    let cursor: [string, number] | undefined;
    for (let depth = 0; depth + 100 <= Math.min(10_000, inst.requests - 25); depth += 100) {
      const page = await listRequests(db, scope, { sort: 'filed', limit: 100, cursor });
      const last = page.rows.at(-1)!;
      cursor = [last.filed_at, last.id];
    }
    const w = sample.citizen_name.split(' ');
    const name = `${w.at(-2) ?? ''} ${w.at(-1)!.slice(0, Math.max(4, w.at(-1)!.length - 2))}`.trim();
    const cases: [string, () => Promise<unknown>][] = [
      ['auth: loadUser (every request)', () => loadUser(db, { sub: user.sub, name: user.name, email: null, exp: 0 }, now)],
      ['queue page (FIFO)', () => listRequests(db, scope, { sort: 'filed', limit: 25 })],
      ['status=submitted, sort=due', () => listRequests(db, scope, { statuses: ['submitted'], sort: 'due', limit: 25 })],
      [`deep page (cursor ${cursor ? '10,000' : '0'} rows in)`, () => listRequests(db, scope, { sort: 'filed', limit: 25, cursor })],
      [`search name "${name}"`, () => listRequests(db, scope, { sort: 'filed', limit: 25, q: name } as QueueFilters)],
      [`search one word "${name.split(' ')[0]}"`, () => listRequests(db, scope, { sort: 'filed', limit: 25, q: name.split(' ')[0] } as QueueFilters)],
      [`search protocol "${sample.protocol.slice(0, 9)}"`, () => listRequests(db, scope, { sort: 'filed', limit: 25, q: sample.protocol.slice(0, 9) })],
      ['worklist (open statuses, sort=due)', () => listRequests(db, scope, { statuses: ['submitted', 'in_analysis', 'in_service'], sort: 'due', limit: 25 })],
      ['sort=due, every status', () => listRequests(db, scope, { sort: 'due', limit: 25 })],
      [
        'Minhas (mine, open statuses, sort=due)',
        () => listRequests(db, scope, { statuses: ['submitted', 'in_analysis', 'in_service', 'awaiting_citizen'], mineOf: userId, sort: 'due', limit: 25 }),
      ],
      ...[sample.protocol.slice(5), `${Number(sample.protocol.slice(5))}/${sample.protocol.slice(0, 4)}`, String(Number(sample.protocol.slice(5)))].map(
        (part): [string, () => Promise<unknown>] => [
          `search part of a protocol "${part}"`,
          () => listRequests(db, scope, { sort: 'filed', limit: 25, q: part }),
        ],
      ),
      ['detail: facts', () => getRequestFacts(db, sample.id)],
      ['detail', () => getRequestDetailRows(db, sample.id)],
    ];
    out.push(
      `# Query plans and driver time (${postgres ? 'PostgreSQL' : 'SQLite'}, ${inst.requests.toLocaleString('en')} requests in institution ${inst.id})`,
      '',
    );
    for (const [title, run] of cases) {
      captured.length = 0;
      await run();
      out.push(`## ${title}`, '');
      for (const q of [...captured]) {
        out.push('```sql', q.sql, `-- parameters: ${JSON.stringify(q.parameters)}`, '```');
        if (sqlite) {
          const plan = sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as { id: number; parent: number; detail: string }[];
          const depth = new Map<number, number>([[0, 0]]);
          for (const p of plan) depth.set(p.id, (depth.get(p.parent) ?? 0) + 1);
          out.push('```', ...plan.map((p) => `${'  '.repeat(depth.get(p.id)! - 1)}${p.detail}`), '```');
          const stmt = sqlite.prepare(q.sql);
          const t0 = performance.now();
          let k = 0;
          for (; k < repeat && (k < 3 || performance.now() - t0 < 2000); k++) stmt.all(...(q.parameters as unknown[]));
          out.push(`driver time: ${(((performance.now() - t0) / k) * 1000).toFixed(0)} µs per execution (prepared once, ${k} runs)`, '');
        } else {
          const { rows } = await pool!.query(`explain (analyze, buffers) ${q.sql}`, q.parameters as unknown[]);
          out.push('```', ...rows.map((r) => r['QUERY PLAN']), '```');
          const t0 = performance.now();
          let k = 0;
          for (; k < repeat && (k < 3 || performance.now() - t0 < 2000); k++) await pool!.query(q.sql, q.parameters as unknown[]);
          out.push(`round trip: ${(((performance.now() - t0) / k) * 1000).toFixed(0)} µs per execution (${k} runs)`, '');
        }
      }
    }
  } finally {
    await db.destroy();
  }
  return out.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--n');
  const n = Number(i > 0 ? process.argv[i + 1] : 1_000_000);
  console.log(await explain((await ensureDatabase(n)).url));
}
