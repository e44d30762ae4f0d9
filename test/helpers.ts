// Test context: a fresh database (SQLite file, or a PostgreSQL database created
// for the run and dropped after it when DATABASE_URL is postgres://), small
// fixtures, the dev identity provider for tokens, and the real app.
import assert from 'node:assert/strict';
import { buildApp } from '../bff/app.js';
import { createVerifier } from '../bff/auth.js';
import { type Config, loadConfig } from '../bff/config.js';
import { createDevIdp, type DevIdp } from '../bff/dev-idp.js';
import type { Logger } from '../bff/log.js';
import { DEMO_USERS } from '../seed/demo-users.js';
import { type Connection, connect } from '../db/connect.js';
import { type FileStore, fileStoreFor } from '../db/file-store.js';
import { scratchDatabase } from '../db/scratch.js';
import { insertPublishedService } from '../db/queries/services.js';
import { migrateToLatest } from '../db/migrate.js';

export const ISSUER = 'http://atende.test/dev';
export const AUDIENCE = 'atende';

export const SERVICE_FIELDS = [
  { code: 'cpf', label: 'CPF', datatype: 'string', format: 'cpf', required: true },
  { code: 'motivo', label: 'Motivo', datatype: 'singlevaluelist', required: true, values: ['Perda', 'Roubo'] },
  { code: 'observacoes', label: 'Observações', datatype: 'text', required: false },
];
export const SERVICE_DOCUMENTS = [
  { name: 'Documento de identidade', required: true, formats: ['pdf', 'png', 'jpg'] },
  { name: 'Boletim de ocorrência', required: false, formats: ['pdf'] },
];
export const VALID_CPF = '529.982.247-25';
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4530000000049454e44ae426082',
  'hex',
);
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export interface Fixture {
  instA: number;
  instB: number;
  service: number;
  serviceB: number;
  steps: number[];
  /** attendantFiler: an attendant of instA who also files requests there (separation of duties). */
  users: Record<'citizen' | 'other' | 'attendant' | 'attendant2' | 'manager' | 'attendantB' | 'managerB' | 'attendantFiler', { id: number; sub: string }>;
}

export interface TestContext {
  app: ReturnType<typeof buildApp>;
  database: Connection;
  idp: DevIdp;
  fx: Fixture;
  clock: { now: Date };
  /** Where uploads go on SQLite (in the run's folder); null on PostgreSQL. */
  fileStore: FileStore | null;
  token(sub: string): Promise<string>;
  /** JSON request helper; `as` is a fixture user key or a raw token. */
  call(method: string, path: string, opts?: CallOptions): Promise<Response>;
  /**
   * Another app instance on the same database (another server behind the
   * load balancer): its own identity cache, queue cache and clock, the same
   * configuration and identity provider. `call` as above, on that app.
   */
  sibling(clock: { now: Date }): { app: ReturnType<typeof buildApp>; call(method: string, path: string, opts?: CallOptions): Promise<Response> };
  close(): Promise<void>;
  /** The app's configuration (TIME_ZONE and the rest, after opts.env). */
  config: Config;
}

export interface CallOptions {
  as?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * `empty`: migrated but without the fixture (for the demo seed). `env`: more
 * configuration (e.g. RATE_LIMIT_WRITES); by default the rate limits are far
 * above what any test does in a minute.
 */
export async function createTestContext(opts: { empty?: boolean; log?: Logger; env?: Record<string, string> } = {}): Promise<TestContext> {
  const created = await scratchDatabase('atende_test');
  const database = connect(created.url, { poolSize: 8 });
  await migrateToLatest(database.db);
  const fx = opts.empty ? ({} as Fixture) : await insertFixture(database);
  const clock = { now: new Date() };
  const idp = await createDevIdp(ISSUER, AUDIENCE, { now: () => clock.now, users: DEMO_USERS });
  const config = loadConfig({
    DEV_IDP: '1',
    PUBLIC_URL: 'http://atende.test',
    CORS_ORIGINS: 'https://portal.example.gov.br',
    HOLIDAYS: '2026-12-25',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_WRITES: '100000',
    RATE_LIMIT_DEV_TOKENS: '100000',
    ...opts.env,
  });
  // SQLite: the file store in the run's own folder, dropped with it.
  const fileStore = fileStoreFor(created.url);
  const app = buildApp({
    db: database.db,
    config,
    now: () => clock.now,
    verify: createVerifier([idp.trusted], { clockToleranceSeconds: 30, now: () => clock.now }),
    devIdp: idp,
    log: opts.log,
    fileStore,
  });
  // Signed by the test clock, so tests that move time get tokens valid then.
  const token = (sub: string) => idp.sign({ sub, name: `Pessoa ${sub}`, email: `${sub}@exemplo.com.br` });
  const users = (fx.users ?? {}) as Record<string, { sub: string }>;
  const callOn =
    (target: ReturnType<typeof buildApp>) =>
    async (method: string, path: string, opts: CallOptions = {}): Promise<Response> => {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.as) headers.Authorization = `Bearer ${users[opts.as] ? await token(users[opts.as].sub) : opts.as}`;
      let body: BodyInit | undefined;
      if (opts.body instanceof FormData) {
        body = opts.body;
      } else if (opts.body !== undefined) {
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
        headers['Content-Type'] ??= 'application/json';
      }
      return target.request(path, { method, headers, body });
    };
  return {
    app,
    database,
    idp,
    fx,
    clock,
    config,
    fileStore,
    token,
    call: callOn(app),
    sibling(other) {
      const twin = buildApp({
        db: database.db,
        config,
        now: () => other.now,
        verify: createVerifier([idp.trusted], { clockToleranceSeconds: 30, now: () => other.now }),
        log: opts.log,
        fileStore,
      });
      return { app: twin, call: callOn(twin) };
    },
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

async function insertFixture({ db }: Connection): Promise<Fixture> {
  const at = '2026-11-01T12:00:00.000Z';
  const inst = async (acronym: string, name: string) =>
    (await db.insertInto('institutions').values({ acronym, name, units: '["Unidade 1"]' }).returning('id').executeTakeFirstOrThrow()).id;
  const instA = await inst('DETRAN', 'Departamento Estadual de Trânsito');
  const instB = await inst('SEFAZ', 'Secretaria da Fazenda');
  const user = async (sub: string) =>
    (
      await db
        .insertInto('users')
        .values({ sub, name: `Pessoa ${sub}`, email: `${sub}@exemplo.com.br`, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const users = {} as Fixture['users'];
  for (const key of ['citizen', 'other', 'attendant', 'attendant2', 'manager', 'attendantB', 'managerB', 'attendantFiler'] as const) {
    users[key] = { id: await user(key), sub: key };
  }
  const member = (userId: number, institution_id: number, role: 'attendant' | 'manager') =>
    db
      .insertInto('memberships')
      .values({ user_id: userId, institution_id, role, unit: null, granted_by: null, granted_at: at, ordinance: null, revoked_at: null })
      .execute();
  await member(users.attendant.id, instA, 'attendant');
  await member(users.attendant2.id, instA, 'attendant');
  await member(users.attendantFiler.id, instA, 'attendant');
  await member(users.manager.id, instA, 'manager');
  await member(users.attendantB.id, instB, 'attendant');
  await member(users.managerB.id, instB, 'manager');
  const service = (institutionId: number) =>
    insertPublishedService(db, {
      institutionId,
      name: 'Segunda via da CNH',
      description: 'Nova via da CNH.',
      fields: SERVICE_FIELDS,
      documents: SERVICE_DOCUMENTS,
      deadlineDays: 10,
      deadlineKind: 'business',
      steps: ['Conferir identidade', 'Verificar pagamento da taxa'],
      // Every part the law requires, so an edit of it may be published.
      audience: 'Condutores habilitados.',
      requirements: 'CNH válida ou vencida há menos de 5 anos.',
      cost: 'Taxa estadual conforme tabela vigente.',
      delivery: ['online', 'presencial'],
      area: ['Gerência de Habilitação'],
      address: 'Sede do órgão, Porto Velho (RO), ou pelo portal.',
      hours: 'Segunda a sexta, das 7h30 às 13h30.',
      legalBasis: 'Lei nº 9.503/1997, art. 159.',
      lgpdBasis: 'Cumprimento de obrigação legal (art. 7º, II, LGPD).',
      at,
    });
  const a = await service(instA);
  const b = await service(instB);
  return { instA, instB, service: a.id, serviceB: b.id, steps: a.steps, users };
}

/** A valid filing body for the fixture service. */
export function filingBody(serviceId: number, extra: Record<string, unknown> = {}) {
  return {
    serviceId,
    formData: { cpf: VALID_CPF, motivo: 'Perda', ...extra },
    documents: [{ label: 'Documento de identidade', fileName: 'rg.pdf', contentBase64: TINY_PDF.toString('base64') }],
  };
}

/** Asserts a response's status (its body in the message) and returns its JSON body (null when empty). */
export async function json(res: Response, status: number, what = '') {
  const body = await res.text();
  assert.equal(res.status, status, `${what} ${body}`);
  return body ? JSON.parse(body) : null;
}

/** Asserts a problem+json response with `status` and returns the problem. */
export async function problem(res: Response, status: number, what = '') {
  const body = await res.text();
  assert.equal(res.status, status, `${what} ${body}`);
  assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/, what);
  return JSON.parse(body);
}

/**
 * A request filed by `citizen` on institution A's service (B's with `b`),
 * taken into analysis and approved by its attendant to `assignee` (the same
 * attendant unless given): in service. Its detail.
 */
export async function inService(t: TestContext, o: { b?: boolean; citizen?: string; assignee?: keyof Fixture['users'] } = {}) {
  const post = (path: string, as: string, body?: unknown) => t.call('POST', path, { as, body });
  const staff = o.b ? 'attendantB' : 'attendant';
  const r = await json(await post('/api/requests', o.citizen ?? 'citizen', filingBody(o.b ? t.fx.serviceB : t.fx.service)), 201, 'file');
  await json(await post(`/api/requests/${r.id}/analysis`, staff), 200, 'analysis');
  const assigneeId = t.fx.users[o.assignee ?? staff].id;
  return json(await post(`/api/requests/${r.id}/approve`, staff, { assigneeId, confirmSteps: r.steps.map((s: { id: number }) => s.id) }), 200, 'approve');
}
