// The fuzz corpus: seeded random requests over every route of the app (the
// route list comes from app.routes and the bodies from /api/openapi.json, so
// a new route is fuzzed without touching this file), as every kind of actor.
// Never a 5xx; every 4xx a problem+json with a Portuguese title; the app
// still answers a normal request afterwards.
//   FUZZ_SEED=<n>  replays a run (the seed is printed);
//   FUZZ_RUNS=<n>  requests (default 3000).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TITLES } from '../../bff/errors.js';
import { isPostgresUrl } from '../../db/connect.js';
import { localDate } from '../../contract/time.js';
import { type TestContext, TINY_PDF, TINY_PNG, createTestContext, filingBody } from '../helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const ENGINE = process.env.DATABASE_URL && isPostgresUrl(process.env.DATABASE_URL) ? 'PostgreSQL' : 'SQLite';

/** mulberry32: a small seeded PRNG, so a seed replays the same requests. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)], chance: (p: number) => next() < p };
}
type Rand = ReturnType<typeof prng>;

/** Who sends each request: staff of the requests' institution and their citizen more often than outsiders. */
const ACTORS = [
  'citizen',
  'citizen',
  'other',
  'attendant',
  'attendant',
  'attendant2',
  'manager',
  'manager',
  'attendantB',
  'managerB',
  'newcomer',
  'anonymous',
  'garbage',
];

const HOSTILE_IDS = [
  '0',
  '-1',
  '1.5',
  '2147483647',
  '2147483648',
  '9007199254740993',
  '99999999999999999999',
  '1e309',
  'NaN',
  'Infinity',
  'abc',
  '0x10',
  '%20',
  '%00',
  '1%00',
  '..',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%5c..%5cwindows',
  '%C3%A7',
  '%F0%9F%98%80',
  '%E2%80%AE1',
  "1'--",
  '1;drop',
  '%FF',
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\u202egpj.exe',
  '\u200f\u202a',
  '\ud800',
  '😀'.repeat(50),
  'ç'.repeat(600),
  'x'.repeat(20_000),
  '<script>alert(1)</script>',
  "'; drop table requests; --",
  '%_\\',
  '../../etc/passwd',
  '2026/000001',
  '2026-13-45',
  'null',
  '{"a":1}',
  '\r\n',
];

const HOSTILE_NUMBERS = [0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 63, -(2 ** 31) - 1, 1e308, Number.MIN_VALUE];

const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53,
  -(2 ** 63),
  1e308,
  [],
  {},
  [[[]]],
  { __proto__: { admin: true } },
  { constructor: { prototype: {} } },
  ...HOSTILE_STRINGS,
];

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  additionalProperties?: JsonSchema | boolean;
  default?: unknown;
}

interface RouteSpec {
  method: string;
  /** Hono path, with :params */
  path: string;
  params: string[];
  query: { name: string; schema: JsonSchema }[];
  json?: JsonSchema;
  multipart?: JsonSchema;
}

/** A value that fits `schema` most of the time, built from the ids the fixture has. */
function instance(r: Rand, schema: JsonSchema, resolve: (s: JsonSchema) => JsonSchema, ids: () => number, depth = 0): unknown {
  const s = resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return r.pick(s.enum);
  if (s.anyOf || s.oneOf) return instance(r, r.pick((s.anyOf ?? s.oneOf)!), resolve, ids, depth);
  const type = Array.isArray(s.type) ? r.pick(s.type) : s.type;
  switch (type) {
    case 'integer':
    case 'number':
      if (r.chance(0.15)) return r.pick(HOSTILE_NUMBERS);
      return s.maximum !== undefined && s.maximum <= 100 ? (s.minimum ?? 1) + r.int(Math.max(1, s.maximum - (s.minimum ?? 1) + 1)) : ids();
    case 'string':
      if (r.chance(0.15)) return r.pick(HOSTILE_STRINGS);
      return r.chance(0.7)
        ? r.pick(['Perda', 'Documento de identidade', 'rg.pdf', 'Texto válido.', '529.982.247-25', 'citizen', 'attendant'])
        : 'texto ' + r.int(1000);
    case 'boolean':
      return r.chance(0.5);
    case 'array':
      return depth > 4 ? [] : Array.from({ length: r.int(3) }, () => instance(r, s.items ?? {}, resolve, ids, depth + 1));
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if ((s.required ?? []).includes(k) || r.chance(0.6)) o[k] = instance(r, p, resolve, ids, depth + 1);
      }
      return o;
    }
    default:
      return r.pick(HOSTILE_VALUES);
  }
}

function deep(r: Rand, depth: number): unknown {
  let v: unknown = r.pick(HOSTILE_VALUES);
  for (let i = 0; i < depth; i++) v = r.chance(0.5) ? [v] : { a: v };
  return v;
}

/** One mutation of a JSON value: wrong types, huge or hostile strings, deep nesting, unknown keys. */
function mutate(r: Rand, v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || r.chance(0.1)) {
    return r.pick([() => r.pick(HOSTILE_VALUES), () => deep(r, 10 + r.int(2000)), () => 'x'.repeat(r.int(200_000))])();
  }
  const o = { ...(v as Record<string, unknown>) };
  const keys = Object.keys(o);
  // Sometimes deeper: a field of a nested object or an element of an array.
  const inner = keys.filter((k) => o[k] !== null && typeof o[k] === 'object');
  if (inner.length && r.chance(0.4)) {
    const k = r.pick(inner);
    const x = o[k];
    if (Array.isArray(x)) {
      const a = [...x];
      if (a.length) a[r.int(a.length)] = mutate(r, a[r.int(a.length)]);
      else a.push(r.pick(HOSTILE_VALUES));
      o[k] = a;
    } else o[k] = mutate(r, x);
    return o;
  }
  const key = keys.length && r.chance(0.8) ? r.pick(keys) : r.pick(['__proto__', 'constructor', 'extra', 'a\u0000', '']);
  switch (r.int(5)) {
    case 0:
      delete o[key];
      break;
    case 1:
      o[key] = mutate(r, o[key]);
      break;
    case 2:
      o[key] = deep(r, 1 + r.int(60));
      break;
    default:
      o[key] = r.pick(HOSTILE_VALUES);
  }
  return o;
}

/** A JSON body as text: mostly schema-shaped and mutated, sometimes not JSON at all. */
function jsonText(r: Rand, v: unknown): string {
  if (r.chance(0.05)) return r.pick(['', '{', '{"a":', 'nul', '[1,2', '\u0000', '{"a":1}{"b":2}', '"\\ud800"', '{"a":1e999999}', '1'.repeat(400)]);
  if (r.chance(0.05)) return '['.repeat(5000) + ']'.repeat(5000);
  return JSON.stringify(v);
}

describe(`fuzz corpus (${ENGINE})`, () => {
  let t: TestContext;
  let routes: RouteSpec[];
  const pool: { requests: number[]; steps: number[]; files: number[]; ids: number[]; services: number[]; tokens: string[] } = {
    tokens: [],
    requests: [],
    steps: [],
    files: [],
    ids: [],
    services: [],
  };
  const tokens: Record<string, string> = {};

  /** Valid bodies of some routes, to mutate from (the rest come from the schemas alone). */
  const EXAMPLES: Partial<Record<string, () => unknown>> = {
    'POST /api/requests': () => filingBody(t.fx.service, { observacoes: 'Perdi na rua.' }),
    'POST /api/requests/:id/approve': () => ({ assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps }),
    'POST /api/requests/:id/evaluation': () => ({ verdict: 'approved', rating: 5, comment: 'Bom.' }),
    'POST /api/services': () => ({
      institutionId: t.fx.instA,
      name: 'Serviço do fuzz',
      steps: ['Conferir'],
      fields: [{ code: 'motivo', label: 'Motivo', datatype: 'singlevaluelist', values: ['A', 'B'], required: true }],
      documents: [{ name: 'RG', required: true, formats: ['pdf'] }],
      deadline: { days: 5, kind: 'business' },
      delivery: ['online'],
    }),
    'PATCH /api/services/:id': () => ({
      cost: 'Gratuito',
      steps: ['Conferir', 'Decidir'],
      fields: [{ code: 'cpf', label: 'CPF', datatype: 'string', format: 'cpf' }],
    }),
    'POST /api/services/:id/unpublish': () => ({ reason: 'Suspenso.' }),
    'POST /api/requests/:id/reassign': () => ({ assigneeId: t.fx.users.attendant2.id }),
    'POST /api/access-requests': () => ({ institutionId: t.fx.instA, unit: 'Unidade 1', ordinance: 'Portaria nº 1/2026' }),
    'POST /api/access-requests/:id/approve': () => ({ until: '2099-12-31' }),
    'POST /api/access-requests/:id/reject': () => ({ reason: 'Sem portaria.' }),
    'POST /api/memberships/:id/revoke': () => ({ reason: 'Encerrado.' }),
    'POST /api/requests/:id/reopen': () => ({ reason: 'Não resolveu.' }),
    'POST /api/evaluations/:id/approve': () => ({ mask: true }),
    'POST /api/evaluations/:id/reject': () => ({ reason: 'other', text: 'Fora do tema.' }),
    'POST /api/evaluations/moderate': () => ({ ids: pool.ids.slice(0, 3), decision: 'reject', reason: 'offensive' }),
    'POST /api/agenda/share': () => ({ date: localDate(t.clock.now, t.config.timeZone), institutionId: t.fx.instA }),
    'POST /api/requests/:id/meetings': () => ({ startsAt: soon(), durationMinutes: 30, subject: 'Conferir documentos' }),
    'PATCH /api/meetings/:id': () => ({ startsAt: soon(), durationMinutes: 45 }),
    'POST /api/meetings/:id/cancel': () => ({ reason: 'Imprevisto.' }),
  };
  /** A start some days ahead, at a random minute (meetings of the same host may clash: a 409, as it should). */
  let minutes = 0;
  const soon = () => new Date(Date.now() + (3 * 24 * 60 + (minutes += 7)) * 60 * 1000).toISOString();

  /** Requests in several states (submitted … concluded, and awaiting the citizen), so transitions meet real ones. */
  async function fileInStates() {
    const { users, service } = t.fx;
    for (let i = 0; i < 6; i++) {
      const res = await t.call('POST', '/api/requests', { as: i === 5 ? 'other' : 'citizen', body: filingBody(service) });
      if (res.status !== 201) continue;
      const r = await res.json();
      pool.requests.push(r.id);
      pool.ids.push(r.id);
      pool.files.push(...r.documents.map((d: { href: string }) => Number(d.href.split('/').pop())));
      if (i >= 1) await t.call('POST', `/api/requests/${r.id}/analysis`, { as: 'attendant' });
      if (i === 4) {
        const form = new FormData();
        form.set('body', 'Envie o comprovante.');
        form.set('kind', 'info_request');
        await t.call('POST', `/api/requests/${r.id}/follow-ups`, { as: 'attendant', body: form });
      }
      if (i >= 2 && i !== 4)
        await t.call('POST', `/api/requests/${r.id}/approve`, { as: 'attendant', body: { assigneeId: users.attendant.id, confirmSteps: t.fx.steps } });
      // A meeting on a request in service, so the meeting routes meet real ones (and one left on a concluded request).
      if (i === 2 || i === 3) {
        const m = await t.call('POST', `/api/requests/${r.id}/meetings`, { as: 'attendant', body: EXAMPLES['POST /api/requests/:id/meetings']!() });
        if (m.status === 201) pool.ids.push((await m.json()).id);
      }
      if (i === 3) await t.call('POST', `/api/requests/${r.id}/conclude`, { as: 'attendant', body: { text: 'Feito.' } });
    }
    // An evaluated request with a comment (not approved: reopenable), so the moderation routes meet a real evaluation.
    const e = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(service) });
    if (e.status === 201) {
      const r = await e.json();
      pool.requests.push(r.id);
      await t.call('POST', `/api/requests/${r.id}/analysis`, { as: 'attendant' });
      await t.call('POST', `/api/requests/${r.id}/approve`, { as: 'attendant', body: { assigneeId: users.attendant.id, confirmSteps: t.fx.steps } });
      await t.call('POST', `/api/requests/${r.id}/conclude`, { as: 'attendant', body: { text: 'Feito.' } });
      const done = await t.call('POST', `/api/requests/${r.id}/evaluation`, {
        as: 'citizen',
        body: { verdict: 'rejected', rating: 2, comment: 'Liguem no (69) 99988-7766.' },
      });
      if (done.status === 200) pool.ids.push((await done.json()).evaluation.id);
    }
  }

  before(async () => {
    // Jitsi with token authentication and its reservation hook, so "Acessar" signs and the hook checks its token.
    t = await createTestContext({
      env: {
        JITSI_DOMAIN: 'meet.example.gov.br',
        JITSI_APP_ID: 'atende',
        JITSI_APP_SECRET: 'segredo-do-fuzz-com-mais-de-32-caracteres',
        JITSI_RESERVATION_TOKEN: 'token-do-gancho',
      },
    });
    const { users, service, serviceB, steps, instA, instB } = t.fx;
    await fileInStates();
    const b = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(serviceB) })).json();
    pool.requests.push(b.id);
    pool.steps.push(...steps);
    pool.ids.push(b.id, ...steps, instA, instB, service, serviceB, ...Object.values(users).map((u) => u.id));
    // The charter's routes act on services of their own (the filings above need the fixture's as they are): a
    // draft of each institution, and a copy of the fixture's service published, with a draft (versions 1 and 2).
    for (const [as, institutionId] of [
      ['manager', instA],
      ['managerB', instB],
    ] as const) {
      const draft = await t.call('POST', '/api/services', { as, body: { institutionId, name: 'Rascunho do fuzz' } });
      pool.services.push((await draft.json()).serviceId);
    }
    const entry = (await (await t.call('GET', `/api/services/${service}/versions/1`, { as: 'manager' })).json()).entry;
    const copy = (await (await t.call('POST', '/api/services', { as: 'manager', body: { ...entry, institutionId: instA } })).json()).serviceId;
    assert.equal((await t.call('POST', `/api/services/${copy}/publish`, { as: 'manager' })).status, 200);
    assert.equal((await t.call('PATCH', `/api/services/${copy}`, { as: 'manager', body: { cost: 'Gratuito' } })).status, 200);
    pool.services.push(copy);
    // Access requests of servants of their own (pending, approved with a membership), so the access routes meet real ones.
    for (const [k, institutionId] of [instA, instB, instA].entries()) {
      const servant = await t.token(`fuzz-servant-${k}`);
      const asked = await t.call('POST', '/api/access-requests', { as: servant, body: { institutionId, unit: 'Unidade 1', ordinance: 'Portaria nº 1/2026' } });
      const { id } = await asked.json();
      pool.ids.push(id);
      if (k === 2) {
        const approved = await t.call('POST', `/api/access-requests/${id}/approve`, { as: 'manager', body: {} });
        pool.ids.push((await approved.json()).access.membershipId);
      }
    }
    for (const [k, u] of Object.entries(users)) tokens[k] = await t.token(u.sub);
    // The day agenda (issue #12): share links (one revoked, and a tampered copy of each) for the shared page.
    for (const as of ['attendant', 'manager', 'attendantB']) {
      const share = await (await t.call('POST', '/api/agenda/share', { as, body: { date: localDate(t.clock.now, t.config.timeZone) } })).json();
      const token = new URL(share.url).pathname.split('/').pop()!;
      pool.tokens.push(token, `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}x`);
      pool.ids.push(share.id);
      if (as === 'manager') await t.call('DELETE', `/api/agenda/share/${share.id}`, { as });
    }
    tokens.newcomer = await t.token('fuzz-newcomer');

    const doc = (await (await t.call('GET', '/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
      >;
    };
    const seen = new Set<string>();
    routes = [];
    for (const r of t.app.routes) {
      if (r.method === 'ALL' || r.path.includes('*') || seen.has(`${r.method} ${r.path}`)) continue;
      seen.add(`${r.method} ${r.path}`);
      const op = doc.paths[r.path.replace(/:([^/]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const content = op?.requestBody?.content ?? {};
      routes.push({
        method: r.method,
        path: r.path,
        params: [...r.path.matchAll(/:([^/]+)/g)].map((m) => m[1]),
        query: (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        json: content['application/json']?.schema,
        multipart: content['multipart/form-data']?.schema,
      });
    }
    assert.ok(routes.length >= 20, `routes found: ${routes.length}`);
  });
  after(() => t.close());

  test(`never a 5xx, every 4xx a Portuguese problem+json (seed ${SEED}, ${RUNS} requests)`, async (ctx) => {
    const r = prng(SEED);
    const resolve = (s: JsonSchema): JsonSchema => s;
    // Mostly the newest requests, whose states the transitions still fit.
    const anId = () => (r.chance(0.6) ? r.pick(pool.requests.slice(-6)) : r.chance(0.5) ? r.pick(pool.requests) : r.pick(pool.ids));
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    let count = 0;
    let fivexx = 0;
    const titles = new Set(Object.values(TITLES));
    const english = /\b(invalid|expected|unexpected|malformed|cannot|failed|error|received|required|must|not found|bad request)\b/i;

    for (let i = 0; i < RUNS; i++) {
      // Fresh requests in each state now and then, as the run moves the old ones to their ends.
      if (i % 100 === 0) await fileInStates();
      const route = r.pick(routes);
      const method = r.chance(0.88) ? route.method : r.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
      let path = route.path;
      for (const p of route.params) {
        const charter = route.path.startsWith('/api/services');
        const v = r.chance(0.6)
          ? String(
              p === 'token'
                ? r.pick(pool.tokens)
                : p === 'stepId'
                  ? r.pick(pool.steps)
                  : p === 'id' && route.path.startsWith('/api/attachments')
                    ? r.pick(pool.files)
                    : charter && p === 'id'
                      ? r.pick(pool.services)
                      : charter
                        ? 1 + r.int(3)
                        : anId(),
            )
          : r.pick(HOSTILE_IDS);
        path = path.replace(`:${p}`, v);
      }
      if (r.chance(0.03)) path += r.pick(['/', '//', '/x', '?', '/..', '%2f']);
      const qs = new URLSearchParams();
      for (const q of route.query) {
        if (r.chance(0.4)) qs.append(q.name, r.chance(0.6) ? String(instance(r, q.schema, resolve, anId)) : String(r.pick(HOSTILE_VALUES)));
      }
      if (r.chance(0.1)) qs.append(r.pick(['limit', 'cursor', 'q', 'status', 'x', '__proto__']), r.pick(HOSTILE_STRINGS));
      if (route.query.some((q) => q.name === 'cursor') && r.chance(0.15)) {
        const key = r.chance(0.5) ? r.pick(['2026-11-01T12:00:00.000Z', '2026/000001', '2099-01-01']) : r.pick(HOSTILE_VALUES);
        const id = r.chance(0.3) ? r.pick(pool.requests) : r.pick([...HOSTILE_NUMBERS, ...HOSTILE_VALUES]);
        qs.set('cursor', Buffer.from(JSON.stringify(r.chance(0.9) ? [key, id] : r.pick(HOSTILE_VALUES))).toString('base64url'));
      }
      const query = qs.toString();

      const headers: Record<string, string> = {};
      const actor = r.pick(ACTORS);
      if (actor === 'garbage') {
        headers.Authorization = r.pick([
          'Bearer',
          'Bearer ',
          'Bearer x.y.z',
          'Basic YWRtaW46YWRtaW4=',
          `Bearer ${tokens.citizen.split('.').slice(0, 2).join('.')}.AAAA`,
          `Bearer eyJhbGciOiJub25lIn0.${Buffer.from('{"sub":"manager"}').toString('base64url')}.`,
          `bearer ${tokens.manager}x`,
          'Bearer ' + 'A'.repeat(9000),
        ]);
      } else if (actor !== 'anonymous') {
        headers.Authorization = `Bearer ${tokens[actor]}`;
      }
      if (r.chance(0.15))
        headers['If-Match'] = r.pick([
          '"1"',
          '"2"',
          'W/"3"',
          '*',
          'amanhã'.normalize('NFD').replace(/[^\x20-\x7e]/g, ''),
          '"99999999999"',
          '""',
          '"-1"',
          '1e309',
          '"1.1"',
          '"3.2"',
          'W/"5.1"',
          '"1.99999999999"',
          '"."',
        ]);
      if (r.chance(0.1)) headers['Idempotency-Key'] = r.pick(['chave-do-fuzz-1', 'chave-do-fuzz-2', 'curta', 'x'.repeat(300), 'com espaço', '']);
      if (r.chance(0.05)) headers['If-None-Match'] = r.pick(['"1"', '*', 'x']);
      if (r.chance(0.05)) headers['X-Request-Id'] = 'x'.repeat(r.int(300));
      if (r.chance(0.05)) headers.Origin = r.pick(['https://portal.example.gov.br', 'https://evil.example', 'null']);

      let body: BodyInit | undefined;
      const sendsBody = !['GET', 'HEAD'].includes(method);
      if (sendsBody && route.multipart && r.chance(0.85)) {
        const form = new FormData();
        const v = r.chance(0.7) ? (instance(r, route.multipart, resolve, anId) as Record<string, unknown>) : (mutate(r, {}) as Record<string, unknown>);
        for (const [k, x] of Object.entries(v ?? {})) {
          if (k === 'files') continue;
          form.append(
            r.chance(0.95) ? k : r.pick(['body\u0000', 'files[]', 'x']),
            typeof x === 'string' ? x : r.chance(0.5) ? JSON.stringify(x) : r.pick(HOSTILE_STRINGS),
          );
        }
        if (r.chance(0.3)) form.append('body', r.pick(HOSTILE_STRINGS));
        for (let k = r.chance(0.7) ? 0 : r.int(4); k > 0; k--) {
          const bytes = r.pick([TINY_PDF, TINY_PNG, Buffer.from('<html><script>1</script>'), Buffer.alloc(0), Buffer.from('%PDF-1.4\n<html>')]);
          form.append(
            r.pick(['files', 'files[]', 'file']),
            new Blob([new Uint8Array(bytes)]),
            r.pick(['a.pdf', 'a\u0000.pdf', '../../x.png', '\u202egpj.exe', 'x'.repeat(500), '']),
          );
        }
        body = form;
        if (r.chance(0.1)) headers['Content-Type'] = r.pick(['multipart/form-data', 'multipart/form-data; boundary=x', 'application/json']);
      } else if (sendsBody && (route.json || r.chance(0.2))) {
        const example = EXAMPLES[`${route.method} ${route.path}`];
        const v = example && r.chance(0.5) ? example() : route.json ? instance(r, route.json, resolve, anId) : {};
        body = jsonText(r, r.chance(0.5) ? v : mutate(r, v));
        headers['Content-Type'] = r.chance(0.9)
          ? 'application/json'
          : r.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/vnd.x+json', '']);
      }

      const url = query ? `${path}?${query}` : path;
      let res: Response;
      try {
        res = await t.app.request(url, { method, headers, body });
      } catch (err) {
        failures.push(`${method} ${url}: threw ${(err as Error).message}`);
        continue;
      }
      count++;
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      const what = `#${i} ${actor} ${method} ${url.slice(0, 160)}`;
      if (res.status >= 500) {
        fivexx++;
        failures.push(`${what} → ${res.status} ${(await res.text()).slice(0, 200)}`);
        continue;
      }
      if (res.status >= 400 && method !== 'HEAD' && route.path === '/agenda/:token' && (res.headers.get('Content-Type') ?? '').startsWith('text/html')) {
        // The shared agenda page answers a page that says what is wrong with the link, never data.
        const page = await res.text();
        if (!/Link inválido\.|Este link (expirou|foi revogado)/.test(page)) failures.push(`${what} → ${res.status} ${page.slice(0, 200)}`);
      } else if (res.status >= 400 && method !== 'HEAD') {
        const type = res.headers.get('Content-Type') ?? '';
        if (!type.startsWith('application/problem+json')) {
          failures.push(`${what} → ${res.status} as ${type}`);
          continue;
        }
        const p = (await res.json()) as { title?: string; detail?: string; status?: number; errors?: Record<string, string> };
        const texts = [p.detail ?? '', ...Object.values(p.errors ?? {})];
        if (p.status !== res.status || !titles.has(p.title ?? '') || texts.some((s) => english.test(s))) {
          failures.push(`${what} → ${res.status} ${JSON.stringify(p).slice(0, 300)}`);
        }
      } else {
        await res.arrayBuffer();
      }
    }

    const summary = `fuzz: ${count} requests, ${fivexx} 5xx on ${ENGINE} (seed ${SEED}; statuses ${JSON.stringify(statuses)})`;
    console.log(summary);
    ctx.diagnostic(summary);
    assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures; replay with FUZZ_SEED=${SEED}`);

    // The app still answers normal requests after the run.
    const me = await t.call('GET', '/api/me', { as: 'citizen' });
    assert.equal(me.status, 200);
    const filed = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) });
    assert.equal(filed.status, 201);
    assert.equal((await t.call('GET', '/health')).status, 200);
  });
});
