// Rate limits: filings and follow-up posts per user (per IP when anonymous),
// dev tokens per IP; past the limit a 429 problem+json in Portuguese with
// Retry-After, and nobody else is affected.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import { loadConfig } from '../../bff/config.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

async function assertLimited(res: Response) {
  assert.equal(res.status, 429);
  assert.match(res.headers.get('Content-Type') ?? '', /application\/problem\+json/);
  const retryAfter = Number(res.headers.get('Retry-After'));
  assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${res.headers.get('Retry-After')}`);
  assert.match((await res.json()).detail, /Muitas requisições: o limite é de \d+ por minuto/);
}

const message = (body: string) => {
  const fd = new FormData();
  fd.set('body', body);
  return fd;
};

describe('rate limits: filings and follow-ups', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext({ env: { RATE_LIMIT_WRITES: '3' } })));
  after(() => t.close());

  test('past the limit a user gets 429 with Retry-After; another user does not', async () => {
    const first = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).status, 201);
    assert.equal((await t.call('POST', `/api/requests/${first.id}/follow-ups`, { as: 'citizen', body: message('Olá.') })).status, 201);
    // Filings and posts share the budget: the fourth write of the minute is refused, whichever it is.
    await assertLimited(await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) }));
    await assertLimited(await t.call('POST', `/api/requests/${first.id}/follow-ups`, { as: 'citizen', body: message('De novo.') }));
    assert.equal((await t.call('GET', `/api/requests/${first.id}`, { as: 'citizen' })).status, 200, 'reading is not limited');
    assert.equal((await t.call('POST', '/api/requests', { as: 'other', body: filingBody(t.fx.service) })).status, 201, 'another user files');
    assert.equal((await t.call('POST', `/api/requests/${first.id}/follow-ups`, { as: 'attendant', body: message('Recebido.') })).status, 201);
    assert.equal((await t.call('POST', `/api/requests/${first.id}/analysis`, { as: 'attendant' })).status, 200, 'transitions are not limited');
  });

  test('anonymous callers are counted by address', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await t.call('POST', '/api/requests', { body: filingBody(t.fx.service) })).status, 401);
    await assertLimited(await t.call('POST', '/api/requests', { body: filingBody(t.fx.service) }));
  });
});

describe('rate limits: a portal on another origin', () => {
  test('reads the 429 and its Retry-After (CORS exposes it)', async () => {
    const portal = 'https://portal.example.gov.br';
    const t = await createTestContext({ env: { RATE_LIMIT_WRITES: '1', CORS_ORIGINS: portal } });
    try {
      const file = () => t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service), headers: { Origin: portal } });
      assert.equal((await file()).status, 201);
      const res = await file();
      assert.equal(res.headers.get('Access-Control-Allow-Origin'), portal);
      const exposed = (res.headers.get('Access-Control-Expose-Headers') ?? '').toLowerCase().split(/\s*,\s*/);
      assert.ok(exposed.includes('retry-after'), `exposed: ${exposed.join(', ')}`);
      await assertLimited(res);
    } finally {
      await t.close();
    }
  });
});

describe('rate limits: dev tokens per client address', () => {
  test('behind a trusted proxy, by the address the proxy saw', async () => {
    const t = await createTestContext({ empty: true, env: { RATE_LIMIT_DEV_TOKENS: '2', TRUST_PROXY: '1' } });
    try {
      const mint = (forwardedFor: string) => t.call('POST', '/dev/token', { body: { sub: 'manager' }, headers: { 'X-Forwarded-For': forwardedFor } });
      assert.equal((await mint('203.0.113.5')).status, 200);
      assert.equal((await mint('203.0.113.5')).status, 200);
      await assertLimited(await mint('203.0.113.5'));
      await assertLimited(await mint('198.51.100.1, 203.0.113.5'));
      assert.equal((await mint('203.0.113.6')).status, 200, 'another address is not affected');
    } finally {
      await t.close();
    }
  });

  test('without TRUST_PROXY, X-Forwarded-For changes nothing', async () => {
    const t = await createTestContext({ empty: true, env: { RATE_LIMIT_DEV_TOKENS: '2' } });
    try {
      for (const ip of ['203.0.113.7', '203.0.113.8']) {
        assert.equal((await t.call('POST', '/dev/token', { body: { sub: 'manager' }, headers: { 'X-Forwarded-For': ip } })).status, 200);
      }
      await assertLimited(await t.call('POST', '/dev/token', { body: { sub: 'manager' }, headers: { 'X-Forwarded-For': '203.0.113.9' } }));
    } finally {
      await t.close();
    }
  });

  test('on a real socket, by the peer address', async () => {
    const t = await createTestContext({ empty: true, env: { RATE_LIMIT_DEV_TOKENS: '2' } });
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dev/token`;
      const mint = () => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sub: 'manager' }) });
      assert.equal((await mint()).status, 200);
      assert.equal((await mint()).status, 200);
      await assertLimited(await mint());
    } finally {
      server.close();
      await t.close();
    }
  });
});

describe('rate limit configuration', () => {
  test('defaults real use never reaches; 0 turns a limit off; nonsense refuses to start', () => {
    assert.deepEqual(loadConfig({ DEV_IDP: '1' }).rateLimits, { writesPerMinute: 60, devTokensPerMinute: 30 });
    assert.deepEqual(loadConfig({ DEV_IDP: '1', RATE_LIMIT_WRITES: '0', RATE_LIMIT_DEV_TOKENS: '0' }).rateLimits, {
      writesPerMinute: 0,
      devTokensPerMinute: 0,
    });
    for (const bad of ['-1', '1.5', 'abc', '60/min']) {
      assert.throws(() => loadConfig({ DEV_IDP: '1', RATE_LIMIT_WRITES: bad }), /RATE_LIMIT_WRITES/);
      assert.throws(() => loadConfig({ DEV_IDP: '1', RATE_LIMIT_DEV_TOKENS: bad }), /RATE_LIMIT_DEV_TOKENS/);
      assert.throws(() => loadConfig({ DEV_IDP: '1', TRUST_PROXY: bad }), /TRUST_PROXY/);
    }
  });

  test('a limit of 0 lets everything through', async () => {
    const t = await createTestContext({ empty: true, env: { RATE_LIMIT_DEV_TOKENS: '0' } });
    try {
      for (let i = 0; i < 5; i++) assert.equal((await t.call('POST', '/dev/token', { body: { sub: 'manager' } })).status, 200);
    } finally {
      await t.close();
    }
  });
});
