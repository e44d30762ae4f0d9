// Medians over rounds, the issue's targets (met / missed), and the Markdown
// and JSON written to bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import type { Measurement } from './scenarios.js';

export interface RoundResult {
  round: number;
  hello: Measurement;
  bare: Measurement;
  result: Measurement;
  /** result req/s ÷ hello-world route req/s of the same round */
  ratio: number;
  /** result req/s ÷ bare Hono hello-world req/s of the same round */
  ratioBare: number;
}

export interface ScenarioResult {
  key: string;
  title: string;
  note?: string;
  rounds: RoundResult[];
  median: { rps: number; ratio: number; ratioBare: number; p50: number; p99: number; helloRps: number; bareRps: number };
  responses: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  status: Record<string, number>;
}

export interface SizeResult {
  n: number;
  generation: { seconds: number; reused: boolean };
  institution: { id: number; acronym: string; requests: number };
  deepDepth: number;
  jwksFetches: number;
  /** The code measured when the server started: git HEAD, and the tree of bff/ and db/ ("+changes" if uncommitted). */
  code: string;
  /** 1-minute load average when the size's measurements started and ended (other work on the machine). */
  load: [start: number, end: number];
  scenarios: ScenarioResult[];
}

export interface Target {
  target: string;
  figure: string;
  met: boolean;
}

export interface Report {
  date: string;
  machine: { os: string; cpu: string; cores: number; memoryGB: number };
  node: string;
  dialect: string;
  durability: string;
  options: { connections: number; rounds: number; duration: number | null; amount: number | null; transitionsPerRound: number };
  sizes: SizeResult[];
  targets: Target[];
}

export function machine(): Report['machine'] {
  const c = cpus();
  return { os: `${osType()} ${release()}`, cpu: c[0]?.model.trim() ?? 'unknown', cores: c.length, memoryGB: Math.round(totalmem() / 2 ** 30) };
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarize(key: string, title: string, note: string | undefined, rounds: RoundResult[]): ScenarioResult {
  const sum = (f: (m: Measurement) => number) => rounds.reduce((a, r) => a + f(r.result), 0);
  const status: Record<string, number> = {};
  for (const r of rounds) for (const [code, count] of Object.entries(r.result.status)) status[code] = (status[code] ?? 0) + count;
  return {
    key,
    title,
    note,
    rounds,
    median: {
      rps: median(rounds.map((r) => r.result.rps)),
      ratio: median(rounds.map((r) => r.ratio)),
      ratioBare: median(rounds.map((r) => r.ratioBare)),
      p50: median(rounds.map((r) => r.result.p50)),
      p99: median(rounds.map((r) => r.result.p99)),
      helloRps: median(rounds.map((r) => r.hello.rps)),
      bareRps: median(rounds.map((r) => r.bare.rps)),
    },
    responses: sum((m) => m.responses),
    non2xx: sum((m) => m.non2xx),
    errors: sum((m) => m.errors),
    timeouts: sum((m) => m.timeouts),
    status,
  };
}

const int = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en') : '—');
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—');
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');

/** The issue's targets, checked on one run's figures. */
export function checkTargets(sizes: SizeResult[]): Target[] {
  const out: Target[] = [];
  const get = (s: SizeResult, key: string) => s.scenarios.find((x) => x.key === key);
  for (const s of sizes) {
    const at = `@ ${int(s.n)}`;
    const q = get(s, 'queue');
    if (q) {
      out.push({ target: `Queue page ≥ 20% of hello-world req/s ${at}`, figure: pct(q.median.ratio), met: q.median.ratio >= 0.2 });
      out.push({
        target: `(strict) Queue page ≥ 20% of a bare Hono hello-world ${at}`,
        figure: pct(q.median.ratioBare),
        met: q.median.ratioBare >= 0.2,
      });
      out.push({ target: `Queue page p99 ≤ 15 ms ${at}`, figure: `${ms(q.median.p99)} ms`, met: q.median.p99 <= 15 });
    }
    const qdb = get(s, 'queue_db');
    if (qdb) {
      out.push({
        target: `(database read) Queue page, cache off, ≥ 20% of hello-world req/s ${at}`,
        figure: pct(qdb.median.ratio),
        met: qdb.median.ratio >= 0.2,
      });
      out.push({ target: `(database read) Queue page, cache off, p99 ≤ 15 ms ${at}`, figure: `${ms(qdb.median.p99)} ms`, met: qdb.median.p99 <= 15 });
    }
    const d = get(s, 'deep');
    const first = qdb ?? q;
    if (first && d) {
      const slower = first.median.ratio / d.median.ratio;
      out.push({
        target: `Deep page (${int(s.deepDepth)} rows in) within 1.2× of the first page${qdb ? ' read from the database' : ''} ${at}`,
        figure: times(slower),
        met: slower <= 1.2,
      });
    }
    const t = get(s, 'start_analysis');
    if (t) {
      const conflicts = t.status['409'] ?? 0;
      out.push({
        target: `Start analysis ≥ 2,000/s, durable ${at}`,
        figure: `${int(t.median.rps)}/s (${int(t.status['200'] ?? 0)} × 200, ${int(conflicts)} × 409)`,
        met: t.median.rps >= 2000 && t.non2xx === 0,
      });
    }
    const bad = s.scenarios.filter((x) => x.non2xx || x.errors || x.timeouts || x.rounds.some((r) => r.result.responses === 0));
    out.push({
      target: `No errors, no non-2xx, answers in every round ${at}`,
      figure: bad.length
        ? bad
            .map((x) => `${x.key}: ${x.non2xx} non-2xx, ${x.errors} errors${x.rounds.some((r) => r.result.responses === 0) ? ', a round without answers' : ''}`)
            .join('; ')
        : '0',
      met: bad.length === 0,
    });
  }
  const tree = (code: string) => /\(bff\+db (.*)\)$/.exec(code)?.[1] ?? code;
  if (new Set(sizes.map((s) => tree(s.code))).size > 1) {
    out.push({ target: 'Every size measured on the same code', figure: sizes.map((s) => s.code).join(' vs '), met: false });
  }
  if (sizes.length > 1) {
    const small = sizes.reduce((a, b) => (a.n <= b.n ? a : b));
    const large = sizes.reduce((a, b) => (a.n >= b.n ? a : b));
    for (const l of large.scenarios) {
      const sm = small.scenarios.find((x) => x.key === l.key);
      if (!sm) continue;
      const slower = sm.median.ratio / l.median.ratio;
      out.push({ target: `${l.title} @ ${int(large.n)} within 1.2× of @ ${int(small.n)}`, figure: times(slower), met: slower <= 1.2 });
    }
  }
  return out;
}

export function markdown(r: Report): string {
  const L: string[] = [];
  const o = r.options;
  L.push(`# Atende benchmark (${r.dialect})`, '');
  L.push(`- Date: ${r.date}`);
  L.push(`- Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGB} GB, ${r.machine.os}`);
  L.push(`- Node ${r.node}; database ${r.dialect} (${r.durability}); server and load generator (autocannon) in separate processes on loopback`);
  L.push(
    `- ${o.connections} connections; ${o.rounds} round(s) of (hello-world route, bare hello-world, scenario), ` +
      `${o.duration ? `${o.duration} s each` : `${o.amount} requests each`}; medians over rounds`,
  );
  L.push(
    '- "× hello": the scenario\'s req/s over the req/s of `GET /bench/hello`, a route added to the app (so through its global ' +
      'middleware: request id, body limit), in the same round; "× bare": over a bare Hono hello-world served by the same process',
  );
  L.push('');
  for (const s of r.sizes) {
    L.push(`## ${int(s.n)} requests`, '');
    L.push(
      `Database ${s.generation.reused ? 'reused from cache' : `generated in ${s.generation.seconds.toFixed(1)} s`}; ` +
        `the attendant's institution ${s.institution.acronym} holds ${int(s.institution.requests)} of them; ` +
        `code ${s.code}; JWKS fetched ${s.jwksFetches}× from the stand-in SSO; load average ${s.load[0].toFixed(1)} → ${s.load[1].toFixed(1)} ` +
        `on ${r.machine.cores} cores during the measurements.`,
      '',
    );
    L.push('| scenario | req/s | × hello | × bare | p50 ms | p99 ms | responses | non-2xx | errors |', '|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    const hello = median(s.scenarios.map((x) => x.median.helloRps));
    const bare = median(s.scenarios.map((x) => x.median.bareRps));
    L.push(`| Hello-world route of the app | ${int(hello)} | 100% | ${pct(hello / bare)} | | | | | |`);
    L.push(`| Bare Hono hello-world | ${int(bare)} | | 100% | | | | | |`);
    for (const x of s.scenarios) {
      const codes = Object.entries(x.status)
        .filter(([c]) => !c.startsWith('2'))
        .map(([c, n]) => `${n}×${c}`)
        .join(' ');
      L.push(
        `| ${x.title} | ${int(x.median.rps)} | ${pct(x.median.ratio)} | ${pct(x.median.ratioBare)} | ${ms(x.median.p50)} | ${ms(x.median.p99)} | ${int(x.responses)} | ` +
          `${int(x.non2xx)}${codes ? ` (${codes})` : ''} | ${int(x.errors + x.timeouts)} |`,
      );
    }
    const notes = s.scenarios.filter((x) => x.note).map((x) => `${x.title}: ${x.note}`);
    if (notes.length) L.push('', ...notes.map((n) => `- ${n}`));
    L.push('');
  }
  L.push('## Targets', '', '| target | figure | |', '|---|---|---|');
  for (const t of r.targets) L.push(`| ${t.target} | ${t.figure} | ${t.met ? 'met' : '**missed**'} |`);
  L.push('');
  return L.join('\n');
}

/** Writes latest.{md,json} and <dialect>.{md,json} into `dir`. */
export function writeReport(r: Report, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const md = markdown(r);
  const json = `${JSON.stringify(r, null, 2)}\n`;
  for (const name of ['latest', r.dialect]) {
    writeFileSync(join(dir, `${name}.md`), md);
    writeFileSync(join(dir, `${name}.json`), json);
  }
  return md;
}
