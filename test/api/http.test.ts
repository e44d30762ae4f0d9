// The HTTP surface: security headers, CORS for the portal allow-list, the
// OpenAPI document, health, and the dev identity provider.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../bff/config.js';
import { type TestContext, createTestContext } from '../helpers.js';

describe('HTTP surface', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  test('security headers on every API response', async () => {
    for (const res of [await t.call('GET', '/api/institutions'), await t.call('GET', '/api/requests/1', { as: 'citizen' })]) {
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.equal(res.headers.get('Referrer-Policy'), 'no-referrer');
      assert.match(res.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
      assert.equal(res.headers.get('Cache-Control'), 'no-store');
      assert.ok(res.headers.get('X-Request-Id'));
    }
  });

  test('CORS answers the configured portal origins only, never *', async () => {
    const allowed = await t.call('OPTIONS', '/api/requests', {
      headers: {
        Origin: 'https://portal.example.gov.br',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), 'https://portal.example.gov.br');
    assert.match(allowed.headers.get('Access-Control-Allow-Headers') ?? '', /Authorization/i);
    // A portal's request form files with an Idempotency-Key and reads whether the answer was a replay; its editor edits with If-Match.
    const filing = await t.call('OPTIONS', '/api/requests', {
      headers: { Origin: 'https://portal.example.gov.br', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'idempotency-key' },
    });
    assert.match(filing.headers.get('Access-Control-Allow-Headers') ?? '', /Idempotency-Key/i);
    const edit = await t.call('OPTIONS', '/api/services/1', {
      headers: { Origin: 'https://portal.example.gov.br', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'if-match' },
    });
    assert.match(edit.headers.get('Access-Control-Allow-Methods') ?? '', /PATCH/);
    assert.match(edit.headers.get('Access-Control-Allow-Headers') ?? '', /If-Match/i);
    const exposed = await t.call('GET', '/api/institutions', { headers: { Origin: 'https://portal.example.gov.br' } });
    assert.match(exposed.headers.get('Access-Control-Expose-Headers') ?? '', /Idempotent-Replayed/);
    assert.match(exposed.headers.get('Access-Control-Expose-Headers') ?? '', /ETag/);
    const denied = await t.call('GET', '/api/institutions', { headers: { Origin: 'https://evil.example' } });
    assert.equal(denied.headers.get('Access-Control-Allow-Origin'), null);
    assert.throws(() => loadConfig({ DEV_IDP: '1', CORS_ORIGINS: '*' }), /origin/);
  });

  test('the development identity provider is refused in production', () => {
    assert.throws(() => loadConfig({ DEV_IDP: '1', NODE_ENV: 'production' }), /production/);
    assert.throws(() => loadConfig({}), /identity provider/);
  });

  test('dev users and tokens', async () => {
    const users = await (await t.call('GET', '/dev/users')).json();
    const roles = new Set(users.items.map((u: { role: string }) => u.role));
    for (const r of ['admin', 'manager', 'attendant', 'citizen']) assert.ok(roles.has(r), r);
    const { token } = await (await t.call('POST', '/dev/token', { body: { sub: 'manager' } })).json();
    assert.equal((await t.call('GET', '/api/me', { as: token })).status, 200);
    const jwks = await (await t.call('GET', '/dev/jwks.json')).json();
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0].d, undefined, 'the private part is never published');
  });

  test('OpenAPI 3.1 document generated from the validation schemas', async () => {
    const res = await t.call('GET', '/api/openapi.json');
    assert.equal(res.status, 200);
    const doc = await res.json();
    assert.equal(doc.openapi, '3.1.0');
    for (const p of [
      '/api/requests',
      '/api/requests/{id}/approve',
      '/api/requests/{id}/reject',
      '/api/requests/{id}/evaluation',
      '/api/requests/{id}/reassign',
      '/api/access-requests',
      '/api/access-requests/{id}/approve',
      '/api/access-requests/{id}/reject',
      '/api/memberships/{id}/revoke',
      '/api/institutions/{id}/memberships',
      '/api/institutions/{id}/access-history',
    ]) {
      assert.ok(doc.paths[p], p);
    }
    const until = doc.paths['/api/access-requests/{id}/approve'].post.requestBody.content['application/json'].schema;
    assert.equal(until.properties.until.pattern, '^\\d{4}-\\d{2}-\\d{2}$');
    const reject = doc.paths['/api/requests/{id}/reject'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(reject.required, ['justification']);
    assert.equal(reject.properties.justification.maxLength, 5000);
    const list = doc.paths['/api/requests'].get.parameters.map((p: { name: string }) => p.name);
    for (const q of ['status', 'serviceId', 'assigneeId', 'month', 'q', 'sort', 'cursor', 'limit']) assert.ok(list.includes(q), q);
    // Every operation documents what it answers, with the contract's schema.
    for (const [path, ops] of Object.entries<Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ok = op.responses['200'] ?? op.responses['201'];
        assert.ok(ok?.content, `${method} ${path} documents its success response`);
      }
    }
    const detail = doc.paths['/api/requests/{id}'].get.responses['200'].content['application/json'].schema;
    for (const field of ['protocol', 'status', 'steps', 'allowedActions']) assert.ok(detail.properties[field], `detail.${field}`);
    assert.deepEqual(detail.properties.status.enum, ['submitted', 'in_analysis', 'rejected', 'in_service', 'awaiting_citizen', 'concluded', 'evaluated']);
    const problem = doc.paths['/api/requests/{id}/reject'].post.responses['409'].content['application/problem+json'].schema;
    assert.ok(problem.properties.detail, 'problems are documented as RFC 9457');
  });

  test('health', async () => {
    assert.deepEqual(await (await t.call('GET', '/health')).json(), { status: 'ok' });
  });

  test('the queue pages with a keyset cursor, FIFO by default', async () => {
    for (let i = 0; i < 7; i++) {
      t.clock.now = new Date(t.clock.now.getTime() + 1000);
      const body = {
        serviceId: t.fx.serviceB,
        formData: { cpf: '529.982.247-25', motivo: 'Roubo' },
        documents: [{ label: 'Documento de identidade', fileName: 'a.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64') }],
      };
      assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body })).status, 201);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = cursor ? `&cursor=${cursor}` : '';
      const page = await (await t.call('GET', `/api/requests?limit=3${qs}`, { as: 'attendantB' })).json();
      seen.push(...page.items.map((i: { filedAt: string }) => i.filedAt));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(seen.length, 7);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...seen].sort(), 'oldest first');
    const counts = await (await t.call('GET', '/api/requests/counts', { as: 'attendantB' })).json();
    assert.equal(counts.counts.submitted, 7);
    const byProtocol = await (
      await t.call('GET', `/api/requests?q=${encodeURIComponent(t.clock.now.getUTCFullYear().toString())}`, { as: 'attendantB' })
    ).json();
    assert.ok(byProtocol.items.length > 0);
    const byName = await (await t.call('GET', '/api/requests?q=pessoa%20CITIZEN', { as: 'attendantB' })).json();
    assert.equal(byName.items.length, 7, 'name search ignores case');
  });
});

describe('queue search', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  test('finds citizens by word prefixes, accents and case aside; protocols by prefix', async () => {
    const named = async (sub: string, name: string) => {
      const token = await t.idp.sign({ sub, name, email: null });
      const res = await t.call('POST', '/api/requests', {
        as: token,
        body: {
          serviceId: t.fx.service,
          formData: { cpf: '529.982.247-25', motivo: 'Perda' },
          documents: [{ label: 'Documento de identidade', fileName: 'a.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64') }],
        },
      });
      assert.equal(res.status, 201);
      return (await res.json()).protocol as string;
    };
    const joao = await named('joao', 'João da Conceição Araújo');
    await named('maria', 'Maria Araujo Lima');
    await named('jose', 'José Lima');
    const find = async (q: string, as = 'attendant') =>
      (await (await t.call('GET', `/api/requests?q=${encodeURIComponent(q)}`, { as })).json()).items
        .map((i: { citizen: { name: string } }) => i.citizen.name)
        .sort();
    assert.deepEqual(await find('araujo'), ['João da Conceição Araújo', 'Maria Araujo Lima']);
    assert.deepEqual(await find('CONCEI'), ['João da Conceição Araújo']);
    assert.deepEqual(await find('lima ara'), ['Maria Araujo Lima'], 'every word must match');
    assert.deepEqual(await find('da'), [], 'particles alone find nothing useful');
    const unsearched = await find('');
    for (const name of ['João da Conceição Araújo', 'Maria Araujo Lima', 'José Lima']) {
      assert.ok(unsearched.includes(name), `the queue without a search, right after one, still lists ${name}`);
    }
    assert.deepEqual(await find('araujo', 'attendantB'), [], 'another institution finds none of them');
    const byProtocol = (await (await t.call('GET', `/api/requests?q=${encodeURIComponent(joao)}`, { as: 'attendant' })).json()).items;
    assert.deepEqual(
      byProtocol.map((i: { protocol: string }) => i.protocol),
      [joao],
    );
    const compact = joao.replace('/', '');
    assert.equal((await (await t.call('GET', `/api/requests?q=${compact}`, { as: 'attendant' })).json()).items[0].protocol, joao);
  });

  test('search results page with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      const token = await t.idp.sign({ sub: `pag${i}`, name: `Pagina Teste ${i}`, email: null });
      await t.call('POST', '/api/requests', {
        as: token,
        body: {
          serviceId: t.fx.service,
          formData: { cpf: '529.982.247-25', motivo: 'Perda' },
          documents: [{ label: 'Documento de identidade', fileName: 'a.pdf', contentBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64') }],
        },
      });
    }
    const first = await (await t.call('GET', '/api/requests?q=pagina&limit=3', { as: 'attendant' })).json();
    assert.equal(first.items.length, 3);
    const second = await (await t.call('GET', `/api/requests?q=pagina&limit=3&cursor=${first.nextCursor}`, { as: 'attendant' })).json();
    assert.equal(second.items.length, 2);
    assert.equal(second.nextCursor, null);
  });
});
