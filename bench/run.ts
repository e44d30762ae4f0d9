// `npm run bench`: for each size, a working copy of the generated database,
// the server in a child process, and every scenario in rounds interleaved
// with the same process's hello-world; medians and the targets go to
// bench/results/ (Markdown and JSON) and the Markdown to stdout. A round is
// (hello-world route of the app, bare Hono hello-world, scenario).
//   npm run bench -- [--sizes 10000,1000000] [--duration 5] [--rounds 3] [--connections 50]
//                    [--transitions 10000] [--deep 10000] [--only queue,deep] [--cpu-prof] [--quick]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { isPostgresUrl } from '../db/connect.js';
import { DATA_DIR, benchDatabaseUrl, ensureDatabase } from './generate.js';
import { type Report, type RoundResult, type SizeResult, checkTargets, machine, summarize, writeReport } from './report.js';
import { type Measurement, type Scenario, drain, measure, prepare, startServer } from './scenarios.js';

export interface BenchOptions {
  sizes: number[];
  rounds: number;
  connections: number;
  /** Seconds per measurement; with `amount`, a request count instead. */
  duration?: number;
  amount?: number;
  /** Start-analysis requests per round (each on a distinct fresh request). */
  transitionsPerRound: number;
  deep: number;
  warmupSeconds: number;
  only?: string[];
  /** Profiles the server during an extra run of each read scenario; .cpuprofile files land here. */
  cpuProfDir?: string;
  /** Where results go (null: not written). */
  outDir: string | null;
  dataDir: string;
  /** PostgreSQL only: the generated database's name (default atende_bench_<N>). */
  pgName?: (n: number) => string;
  baseUrl?: string;
  quiet?: boolean;
}

export const QUICK: Partial<BenchOptions> = {
  sizes: [1000],
  rounds: 1,
  amount: 300,
  duration: undefined,
  connections: 10,
  transitionsPerRound: 300,
  warmupSeconds: 0,
};

export function defaults(): BenchOptions {
  return {
    sizes: [10_000, 1_000_000],
    rounds: 3,
    connections: 50,
    duration: 5,
    transitionsPerRound: 10_000,
    deep: 10_000,
    warmupSeconds: 1,
    outDir: join(DATA_DIR, '..', 'results'),
    dataDir: DATA_DIR,
  };
}

/** A scratch copy of the generated database, so writes never touch the cache. */
async function workingCopy(url: string, n: number, o: BenchOptions): Promise<{ url: string; drop: () => Promise<void> }> {
  if (isPostgresUrl(url)) {
    const template = new URL(url).pathname.slice(1);
    const name = `${template}_run`;
    const admin = async (...statements: string[]) => {
      const c = new pg.Client({ connectionString: o.baseUrl ?? process.env.DATABASE_URL });
      await c.connect();
      try {
        for (const q of statements) await c.query(q);
      } finally {
        await c.end();
      }
    };
    await admin(`drop database if exists ${name} with (force)`, `create database ${name} template ${template}`);
    const copy = new URL(url);
    copy.pathname = `/${name}`;
    return { url: copy.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
  }
  const file = join(o.dataDir, `run-${n}.db`);
  const clean = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
  };
  clean();
  copyFileSync(url, file);
  return { url: file, drop: async () => clean() };
}

/**
 * The code a size was measured on: git HEAD and the tree of bff/ and db/ (so
 * commits elsewhere do not count as a change), "+changes" when those differ
 * from HEAD.
 */
function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: join(DATA_DIR, '..', '..'), encoding: 'utf8' }).trim();
    const tree = createHash('sha1')
      .update(git('ls-tree', 'HEAD', 'bff', 'db'))
      .digest('hex')
      .slice(0, 7);
    const dirty = git('status', '--porcelain', '--', 'bff', 'db') ? '+changes' : '';
    return `${git('rev-parse', '--short', 'HEAD')} (bff+db ${tree}${dirty})`;
  } catch {
    return 'unknown';
  }
}

const dialectOf = (url: string) => (isPostgresUrl(url) ? 'postgres' : 'sqlite');

export async function runBench(partial: Partial<BenchOptions> = {}): Promise<Report> {
  const o: BenchOptions = { ...defaults(), ...partial };
  const log = o.quiet ? () => {} : (s: string) => process.stderr.write(`${s}\n`);
  const baseUrl = o.baseUrl ?? process.env.DATABASE_URL;
  const sizes: SizeResult[] = [];
  let dialect = 'sqlite';
  let durability = '';
  mkdirSync(o.dataDir, { recursive: true });
  for (const n of o.sizes) {
    const gen = await ensureDatabase(n, { baseUrl, dir: o.dataDir, quiet: o.quiet, name: o.pgName?.(n) });
    const work = await workingCopy(gen.url, n, o);
    const code = codeVersion();
    const server = await startServer(work.url);
    dialect = server.dialect;
    durability = server.durability;
    try {
      const prep = await prepare(server, work.url, n, { deep: o.deep, transitionsPerRound: o.transitionsPerRound });
      log(
        `bench: ${n.toLocaleString('en')} requests, ${dialect} (${durability}), attendant of ${prep.institution.acronym} (${prep.institution.requests.toLocaleString('en')} requests), deep page ${prep.deepDepth.toLocaleString('en')} rows in`,
      );
      const run = async (s: Scenario, seconds?: number, amount?: number): Promise<Measurement> => {
        const m = await measure(server.base, s, {
          connections: o.connections,
          duration: seconds,
          amount,
          maxSeconds: seconds ? seconds * 3 + 10 : 60,
        });
        const waited = await drain(server.base);
        if (waited > 1) log(`  (server busy ${waited.toFixed(1)} s after ${s.key} with requests left over)`);
        return m;
      };
      const results = [];
      const loadStart = loadavg()[0];
      for (const s of prep.scenarios.filter((x) => !o.only || o.only.includes(x.key))) {
        if (s.setup) {
          const slack = 3 * o.connections;
          const warm = o.warmupSeconds ? Math.min(500, o.transitionsPerRound) : 0;
          await s.setup((o.rounds + (o.cpuProfDir ? 1 : 0)) * (o.transitionsPerRound + slack) + (warm ? warm + slack : 0));
        }
        if (o.warmupSeconds) {
          await run(prep.hello, o.warmupSeconds);
          await run(prep.bare, o.warmupSeconds);
          await run(s, o.warmupSeconds, s.amount ? Math.min(500, s.amount) : undefined);
        }
        const rounds: RoundResult[] = [];
        for (let round = 1; round <= o.rounds; round++) {
          const hello = await run(prep.hello, o.duration, o.amount);
          const bare = await run(prep.bare, o.duration, o.amount);
          const result = await run(s, o.duration, o.amount);
          const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);
          rounds.push({ round, hello, bare, result, ratio: ratio(result.rps, hello.rps), ratioBare: ratio(result.rps, bare.rps) });
          log(
            `  ${s.key.padEnd(16)} round ${round}/${o.rounds}: ${Math.round(result.rps).toLocaleString('en').padStart(7)} req/s ` +
              `(hello ${Math.round(hello.rps).toLocaleString('en')}: ${(ratio(result.rps, hello.rps) * 100).toFixed(1)}%, ` +
              `bare ${Math.round(bare.rps).toLocaleString('en')}: ${(ratio(result.rps, bare.rps) * 100).toFixed(1)}%), ` +
              `p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
          );
        }
        results.push(summarize(s.key, s.title, s.note, rounds));
        if (o.cpuProfDir) {
          // An extra, unmeasured run under the profiler (it slows the server down).
          mkdirSync(o.cpuProfDir, { recursive: true });
          const file = join(o.cpuProfDir, `${dialectOf(work.url)}-${n}-${s.key}.cpuprofile`);
          await server.profile();
          await run(s, o.duration ?? 5, o.amount);
          await server.profile(file);
          log(`  profile: ${file}`);
        }
      }
      sizes.push({
        n,
        generation: { seconds: gen.seconds, reused: gen.reused },
        institution: prep.institution,
        deepDepth: prep.deepDepth,
        code,
        jwksFetches: 0,
        load: [loadStart, loadavg()[0]],
        scenarios: results,
      });
    } finally {
      await drain(server.base);
      const { jwksFetches } = await server.stop();
      if (sizes.at(-1)?.n === n) sizes.at(-1)!.jwksFetches = jwksFetches;
      await work.drop();
    }
  }
  const report: Report = {
    date: new Date().toISOString(),
    machine: machine(),
    node: process.version,
    dialect,
    durability,
    options: {
      connections: o.connections,
      rounds: o.rounds,
      duration: o.amount ? null : (o.duration ?? null),
      amount: o.amount ?? null,
      transitionsPerRound: o.transitionsPerRound,
    },
    sizes,
    targets: checkTargets(sizes),
  };
  if (o.outDir) writeReport(report, o.outDir);
  return report;
}

function parseArgs(argv: string[]): Partial<BenchOptions> {
  const o: Partial<BenchOptions> = argv.includes('--quick') ? { ...QUICK } : {};
  const num = (name: string, v: string, min: number, max: number) => {
    const x = Number(v);
    if (!Number.isFinite(x) || x < min || x > max) throw new Error(`--${name}: ${v} is not within ${min}..${max}`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, v] = [argv[i], argv[i + 1]];
    switch (flag) {
      case '--quick':
        break;
      case '--sizes':
        o.sizes = v.split(',').map((s) => num('sizes', s.replace(/_/g, ''), 100, 20_000_000));
        i++;
        break;
      case '--duration':
        o.duration = num('duration', v, 1, 120);
        o.amount = undefined;
        i++;
        break;
      case '--amount':
        o.amount = num('amount', v, 1, 10_000_000);
        i++;
        break;
      case '--rounds':
        o.rounds = num('rounds', v, 1, 20);
        i++;
        break;
      case '--connections':
        o.connections = num('connections', v, 1, 1000);
        i++;
        break;
      case '--transitions':
        o.transitionsPerRound = num('transitions', v, 1, 1_000_000);
        i++;
        break;
      case '--deep':
        o.deep = num('deep', v, 0, 1_000_000);
        i++;
        break;
      case '--warmup':
        o.warmupSeconds = num('warmup', v, 0, 60);
        i++;
        break;
      case '--only':
        o.only = v.split(',');
        i++;
        break;
      case '--cpu-prof':
        o.cpuProfDir = join(DATA_DIR, 'profiles');
        break;
      case '--no-write':
        o.outDir = null;
        break;
      default:
        throw new Error(`unknown option ${flag} (see the header of bench/run.ts)`);
    }
  }
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await runBench(parseArgs(process.argv.slice(2)));
  const { markdown } = await import('./report.js');
  process.stdout.write(`${markdown(report)}\n`);
  if (process.env.DATABASE_URL && isPostgresUrl(process.env.DATABASE_URL)) {
    process.stderr.write(
      `bench: generated databases are kept for reuse (${benchDatabaseUrl(0)
        .replace(/_0$/, '_<N>')
        .replace(/\/\/[^@]*@/, '//')})\n`,
    );
  }
}
