// Summarizes a V8 CPU profile (from `npm run bench -- --cpu-prof`, written to
// bench/.data/profiles/): self time by function and by package or source file,
// and the inclusive time of the app's own functions.
//   node --import tsx bench/profile.ts <file.cpuprofile> [--top 25]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a frame's code lives: a package name, an app source file, or a V8/Node category. */
export function origin(url: string): string {
  if (!url) return '(native/V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return url;
  const app = /\/((?:bff|db|bench)\/.*)$/.exec(url);
  return app ? app[1] : url.replace(/^file:\/\//, '');
}

export function summarizeProfile(p: Profile, top = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Leave out the profiler's own work (bench/server.ts stopping and serializing the profile).
  const harness = (id: number) => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (f.functionName === 'profile' && f.url.endsWith('bench/server.ts')) return true;
    }
    return false;
  };
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    if (!harness(p.samples[i])) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((a, [, t]) => a + t, 0);
  const busy = total - idle;
  const fnSelf = new Map<string, number>();
  const originSelf = new Map<string, number>();
  for (const [id, t] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === '(idle)') continue;
    const key = `${f.functionName || '(anonymous)'}  ${origin(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
    originSelf.set(origin(f.url), (originSelf.get(origin(f.url)) ?? 0) + t);
  }
  // Inclusive time of app functions (bff/, db/): each sample counted once per distinct function on its stack.
  const incl = new Map<string, number>();
  for (const [id, t] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const o = origin(f.url);
      if (!/^(bff|db)\//.test(o) && !/^(hono|kysely|better-sqlite3|pg|jose|zod|@hono\/node-server)$/.test(o)) continue;
      const key = /^(bff|db)\//.test(o) ? `${f.functionName || '(anonymous)'}  ${o}:${f.lineNumber + 1}` : `[${o}]`;
      if (!seen.has(key)) {
        seen.add(key);
        incl.set(key, (incl.get(key) ?? 0) + t);
      }
    }
  }
  const pct = (t: number) => `${((t / busy) * 100).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, t]) => `  ${pct(t)}  ${name}`);
  return [
    `busy ${(busy / 1e6).toFixed(2)} s of ${(total / 1e6).toFixed(2)} s sampled (${((busy / total) * 100).toFixed(0)}% busy); percentages of busy time`,
    '',
    'self time by package / file:',
    ...list(originSelf, 15),
    '',
    `self time by function (top ${top}):`,
    ...list(fnSelf, top),
    '',
    'inclusive time (app functions and libraries):',
    ...list(incl, top),
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bench/profile.ts <file.cpuprofile> [--top N]');
  const i = process.argv.indexOf('--top');
  console.log(summarizeProfile(JSON.parse(readFileSync(file, 'utf8')), i > 0 ? Number(process.argv[i + 1]) : 25));
}
