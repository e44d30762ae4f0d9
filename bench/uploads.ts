// Memory and responsiveness under parallel uploads: starts the real server
// (bench/server.ts, a child process) on a fresh database, sends N parallel
// uploads of `--mb` MB each, and samples the server's RSS (/proc/<pid>/status
// VmRSS) and GET /health latency while they run.
//   node --import tsx bench/uploads.ts [--n 50] [--mb 24] [--kinds follow-up,filing,json] [--profile /tmp/uploads]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/uploads.ts
// Kinds: follow-up (multipart POST /api/requests/:id/follow-ups, 3 files),
// filing (multipart POST /api/requests, 3 documents), json (POST
// /api/requests with the documents in base64, as the elements send). Each
// kind runs on its own: N of it at once, then the next.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { connect } from '../db/connect.js';
import { scratchDatabase } from '../db/scratch.js';
import { insertPublishedService } from '../db/queries/services.js';
import { migrateToLatest } from '../db/migrate.js';
import { startServer } from './scenarios.js';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '50' },
    mb: { type: 'string', default: '24' },
    files: { type: 'string', default: '3' },
    kinds: { type: 'string', default: 'follow-up,filing,json' },
    profile: { type: 'string' },
  },
});
const N = Number(args.n);
const FILES = Number(args.files);
const FILE_BYTES = Math.floor((Number(args.mb) * 1024 * 1024) / FILES);
const MB = 1024 * 1024;
// Limits that admit the messages: each file within MAX_FILE_MB, the message within MAX_MESSAGE_MB.
process.env.MAX_FILE_MB ??= String(Math.ceil(FILE_BYTES / MB));
process.env.MAX_MESSAGE_MB ??= String(Math.ceil((FILE_BYTES * FILES) / MB) + 1);
// Long enough that every upload is served (the 503 of a full budget is a test's business, not the benchmark's).
process.env.UPLOAD_WAIT ??= '300';
// One citizen files N + 1 requests per kind: the per-user write rate limit would answer 429.
process.env.RATE_LIMIT_WRITES ??= '0';

const LABELS = Array.from({ length: FILES }, (_, i) => `Documento ${i + 1}`);

/** An institution, a citizen and an attendant, and a service asking for FILES optional PDF documents. */
async function fixture(url: string) {
  const { db, close } = connect(url);
  await migrateToLatest(db);
  const at = new Date().toISOString();
  const { id: institution } = await db
    .insertInto('institutions')
    .values({ acronym: 'BENCH', name: 'Bancada', units: '[]' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = async (sub: string) =>
    (await db.insertInto('users').values({ sub, name: sub, email: null, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  await user('bench-citizen');
  const attendant = await user('bench-attendant');
  await db
    .insertInto('memberships')
    .values({
      user_id: attendant,
      institution_id: institution,
      role: 'attendant',
      unit: null,
      granted_by: null,
      granted_at: at,
      ordinance: null,
      revoked_at: null,
    })
    .execute();
  const { id: service } = await insertPublishedService(db, {
    institutionId: institution,
    name: 'Serviço da bancada',
    description: 'Recebe documentos.',
    fields: [],
    documents: LABELS.map((name) => ({ name, required: false, formats: ['pdf'] })),
    deadlineDays: 10,
    deadlineKind: 'business',
    at,
  });
  await close();
  return { service };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * GET /health, one at a time on its own connection every 20 ms, until
 * stopped; answers the latencies in ms and when each probe was sent. It runs
 * in a worker thread: the upload client's own event loop (busy sending 50
 * bodies) must not delay the probes it times.
 */
function probeHealth(baseUrl: string) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const { Agent, request } = require('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const times = [], at = [], start = performance.now();
    let running = true;
    parentPort.on('message', () => (running = false));
    const once = () => new Promise((resolve) => {
      const t0 = performance.now();
      const req = request(workerData + '/health', { agent }, (res) => {
        res.resume();
        res.on('end', () => { times.push(performance.now() - t0); at.push((t0 - start) / 1000); resolve(); });
      });
      req.on('error', () => resolve());
      req.end();
    });
    (async () => {
      while (running) { await once(); await new Promise((r) => setTimeout(r, 20)); }
      agent.destroy();
      parentPort.postMessage({ times, at });
    })();
    `,
    { eval: true, workerData: baseUrl },
  );
  return {
    stop: () =>
      new Promise<{ times: number[]; at: number[] }>((resolve) => {
        worker.once('message', (m: { times: number[]; at: number[] }) => void worker.terminate().then(() => resolve(m)));
        worker.postMessage('stop');
      }),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

async function main() {
  const created = await scratchDatabase('atende_bench_uploads');
  const { service } = await fixture(created.url);
  const server = await startServer(created.url);
  const results: Record<string, unknown>[] = [];
  try {
    const citizen = await server.sign('bench-citizen', 'Cidadã da bancada');
    const attendant = await server.sign('bench-attendant', 'Atendente da bancada');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(FILE_BYTES - 9, 0x20)]);
    const blob = new Blob([pdf], { type: 'application/pdf' });
    const json = (documents: { label: string; fileName: string; contentBase64: string }[]) => JSON.stringify({ serviceId: service, formData: {}, documents });
    const small = json([{ label: LABELS[0], fileName: 'a.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }]);
    const post = (path: string, token: string, body: BodyInit, type?: string) =>
      fetch(`${server.base}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, ...(type ? { 'Content-Type': type } : {}) }, body });
    const filed = await (await post('/api/requests', citizen, small, 'application/json')).json();
    if (!filed.id) throw new Error(`fixture filing failed: ${JSON.stringify(filed)}`);
    // Encoded once: 50 bodies encoded at once would stall the client, not the server.
    const bigJson = Buffer.from(json(LABELS.map((label, i) => ({ label, fileName: `doc${i}.pdf`, contentBase64: pdf.toString('base64') }))));

    const kinds: Record<string, () => Promise<Response>> = {
      'follow-up': () => {
        const fd = new FormData();
        fd.set('body', 'Documentos anexos.');
        for (let i = 0; i < FILES; i++) fd.append('files', blob, `anexo${i}.pdf`);
        return post(`/api/requests/${filed.id}/follow-ups`, attendant, fd);
      },
      filing: () => {
        const fd = new FormData();
        fd.set('request', JSON.stringify({ serviceId: service, formData: {} }));
        for (const label of LABELS) fd.append(label, blob, 'doc.pdf');
        return post('/api/requests', citizen, fd);
      },
      json: () => post('/api/requests', citizen, bigJson, 'application/json'),
    };

    for (const kind of args.kinds.split(',')) {
      const send = kinds[kind];
      if (!send) throw new Error(`unknown kind ${kind}`);
      const idle = rssMb(server.pid);
      let peak = idle;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 25);
      const health = probeHealth(server.base);
      if (args.profile) await server.profile();
      const t0 = performance.now();
      const statuses: Record<string, number> = {};
      await Promise.all(
        Array.from({ length: N }, async () => {
          let status: string;
          try {
            const res = await send();
            await res.arrayBuffer();
            status = String(res.status);
          } catch (err) {
            status = (err as Error).name;
          }
          statuses[status] = (statuses[status] ?? 0) + 1;
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      if (args.profile) console.log(`profile: ${await server.profile(`${args.profile}-${kind}.cpuprofile`)}`);
      clearInterval(sampler);
      peak = Math.max(peak, rssMb(server.pid));
      const { times, at } = await health.stop();
      const row = {
        dialect: server.dialect,
        kind,
        uploads: N,
        mbEach: Math.round((FILE_BYTES * FILES) / MB),
        seconds: Math.round(seconds * 10) / 10,
        statuses,
        rssIdleMb: Math.round(idle),
        rssPeakMb: Math.round(peak),
        healthProbes: times.length,
        healthP50Ms: Math.round(pct(times, 50) * 10) / 10,
        healthP99Ms: Math.round(pct(times, 99) * 10) / 10,
        healthMaxMs: Math.round(Math.max(...times) * 10) / 10,
        // When the slowest probe was sent, seconds after the uploads started.
        healthMaxAtS: Math.round(at[times.indexOf(Math.max(...times))] * 10) / 10,
        healthOver100: times.filter((x) => x > 100).length,
      };
      results.push(row);
      console.log(JSON.stringify(row));
    }
  } finally {
    await server.stop();
    await created.drop();
  }
  console.log('\n| engine | kind | uploads × MB | s | statuses | RSS idle → peak (MB) | /health p50 / p99 / max (ms) | max at (s) | probes > 100 ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    console.log(
      `| ${r.dialect} | ${r.kind} | ${r.uploads} × ${r.mbEach} | ${r.seconds} | ${JSON.stringify(r.statuses)} | ${r.rssIdleMb} → ${r.rssPeakMb} | ${r.healthP50Ms} / ${r.healthP99Ms} / ${r.healthMaxMs} | ${r.healthMaxAtS} | ${r.healthOver100} of ${r.healthProbes} |`,
    );
  }
}

await main();
