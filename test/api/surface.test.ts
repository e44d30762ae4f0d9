// What the HTTP surface says besides the routes' answers: 405 with Allow for
// a known path asked with another method (API and static files alike),
// security headers on every answer of the app, structured request logs
// without tokens or personal data.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { createLogger } from '../../bff/log.js';
import { localDate } from '../../contract/time.js';
import { serveDemo } from '../../bff/static.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

describe('HTTP surface: methods, headers, logs', () => {
  let t: TestContext;
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  let site: string;
  before(async () => {
    t = await createTestContext({ log: createLogger('info', sink) });
    site = mkdtempSync(join(tmpdir(), 'atende-site-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(site, 'demo'));
    writeFileSync(join(site, 'demo', 'index.html'), '<!doctype html><title>Atende</title>');
    serveDemo(t.app as never, site);
  });
  after(async () => {
    await t.close();
    rmSync(site, { recursive: true, force: true });
  });

  test('a known API path asked with another method answers 405 with Allow', async () => {
    const del = await t.call('DELETE', '/api/requests/1', { as: 'citizen' });
    assert.equal(del.status, 405);
    assert.equal(del.headers.get('Allow'), 'GET, HEAD');
    assert.match(del.headers.get('Content-Type') ?? '', /problem\+json/);
    const patch = await t.call('PATCH', '/api/requests', { as: 'citizen' });
    assert.equal(patch.status, 405);
    assert.equal(patch.headers.get('Allow'), 'GET, HEAD, POST');
    const get = await t.call('GET', '/api/requests/1/approve', { as: 'attendant' });
    assert.equal(get.headers.get('Allow'), 'POST');
    const service = await t.call('DELETE', '/api/services/1', { as: 'manager' });
    assert.equal(service.status, 405);
    assert.equal(service.headers.get('Allow'), 'GET, HEAD, PATCH');
    assert.equal((await t.call('PUT', '/api/services', { as: 'manager' })).headers.get('Allow'), 'GET, HEAD, POST');
    assert.equal((await t.call('GET', '/api/services/1/publish', { as: 'manager' })).headers.get('Allow'), 'POST');
    assert.equal((await t.call('POST', '/api/services/1/versions/1/diff/2', { as: 'manager' })).headers.get('Allow'), 'GET, HEAD');
    // Who may attend (issue #15).
    const allow = async (method: string, path: string) => {
      const res = await t.call(method, path, { as: 'manager' });
      assert.equal(res.status, 405, `${method} ${path}`);
      return res.headers.get('Allow');
    };
    assert.equal(await allow('DELETE', '/api/access-requests'), 'GET, HEAD, POST');
    assert.equal(await allow('GET', '/api/access-requests/1/approve'), 'POST');
    assert.equal(await allow('PUT', '/api/access-requests/1/reject'), 'POST');
    assert.equal(await allow('GET', '/api/memberships/1/revoke'), 'POST');
    assert.equal(await allow('POST', '/api/institutions/1/memberships'), 'GET, HEAD');
    assert.equal(await allow('DELETE', '/api/institutions/1/access-history'), 'GET, HEAD');
    assert.equal(await allow('GET', '/api/requests/1/reassign'), 'POST');
    // Avaliações (issue #13).
    assert.equal(await allow('GET', '/api/requests/1/reopen'), 'POST');
    assert.equal(await allow('POST', '/api/evaluations'), 'GET, HEAD');
    assert.equal(await allow('GET', '/api/evaluations/1/approve'), 'POST');
    assert.equal(await allow('DELETE', '/api/evaluations/1/reject'), 'POST');
    assert.equal(await allow('GET', '/api/evaluations/moderate'), 'POST');
    assert.equal(await allow('POST', '/api/public/ratings'), 'GET, HEAD');
    // Videoconferência (issue #12).
    assert.equal(await allow('PUT', '/api/requests/1/meetings'), 'GET, HEAD, POST');
    assert.equal(await allow('GET', '/api/meetings/1'), 'PATCH');
    assert.equal(await allow('GET', '/api/meetings/1/cancel'), 'POST');
    assert.equal(await allow('GET', '/api/meetings/1/join'), 'POST');
    assert.equal(await allow('GET', '/api/jitsi/conference'), 'POST');
    assert.equal(await allow('POST', '/api/jitsi/conference/1'), 'DELETE');
    assert.equal(await allow('PUT', '/api/public/services/1/comments'), 'GET, HEAD');
    // The day agenda and its share links (issue #12).
    assert.equal(await allow('POST', '/api/meetings'), 'GET, HEAD');
    assert.equal(await allow('POST', '/api/meetings/1/ics'), 'GET, HEAD');
    assert.equal(await allow('GET', '/api/agenda/share'), 'POST');
    assert.equal(await allow('POST', '/api/agenda/shares'), 'GET, HEAD');
    assert.equal(await allow('GET', '/api/agenda/share/1'), 'DELETE');
    assert.equal(await allow('POST', '/agenda/um-token'), 'GET, HEAD');
    assert.equal((await t.call('DELETE', '/api/agenda/share/1')).status, 401, 'a revocation without a token');
    assert.equal((await t.call('POST', '/api/public/ratings')).status, 405, 'the public panel is read-only, with a token or without');
    assert.equal((await t.call('POST', '/api/memberships/1/revoke')).status, 401, 'a write the route takes, without a token');
    assert.equal((await t.call('GET', '/api/nada', { as: 'citizen' })).status, 404, 'an unknown path stays a 404');
    // Without a token too: the method is wrong whoever asks (a write the route takes is a 401).
    const anonymous = await t.call('DELETE', '/api/requests/1');
    assert.equal(anonymous.status, 405);
    assert.equal(anonymous.headers.get('Allow'), 'GET, HEAD');
    assert.equal((await t.call('POST', '/api/requests/1/approve')).status, 401);
    assert.equal((await t.call('POST', '/api/nada')).status, 404);
  });

  test('static pages are read-only: POST, DELETE and TRACE answer 405, GET the page', async () => {
    assert.equal((await t.call('GET', '/index.html')).status, 200);
    for (const method of ['POST', 'DELETE', 'PUT']) {
      const res = await t.call(method, '/index.html');
      assert.equal(res.status, 405, method);
      assert.equal(res.headers.get('Allow'), 'GET, HEAD');
    }
  });

  test('health and the dev identity provider carry the security headers too', async () => {
    for (const path of ['/health', '/dev/users', '/dev/jwks.json']) {
      const res = await t.call('GET', path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff', path);
      assert.match(res.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/, path);
      assert.equal(res.headers.get('Referrer-Policy'), 'no-referrer', path);
    }
  });

  test('one JSON log line per request: id, user, route pattern, status, duration; no token, query or name', async () => {
    lines.length = 0;
    const filed = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json();
    const res = await t.call('GET', `/api/requests/${filed.id}?q=${encodeURIComponent('Maria Segredo')}`, {
      as: 'citizen',
      headers: { 'X-Request-Id': 'pedido-42' },
    });
    assert.equal(res.status, 200);
    // A shared agenda page: the link's token is its key, and stays out of the log.
    const share = await (await t.call('POST', '/api/agenda/share', { as: 'attendant', body: { date: localDate(t.clock.now, t.config.timeZone) } })).json();
    assert.equal((await t.call('GET', new URL(share.url).pathname, { headers: { 'X-Request-Id': 'agenda-1' } })).status, 200);
    assert.equal(lines.find((l) => l.requestId === 'agenda-1')?.route, '/agenda/:token');
    const line = lines.find((l) => l.requestId === 'pedido-42');
    assert.ok(line, 'the request was logged');
    assert.equal(line.route, '/api/requests/:id');
    assert.equal(line.method, 'GET');
    assert.equal(line.status, 200);
    assert.equal(typeof line.userId, 'number');
    assert.equal(typeof line.ms, 'number');
    const all = JSON.stringify(lines);
    assert.doesNotMatch(all, /Bearer|eyJ/, 'no token');
    assert.doesNotMatch(all, /Segredo|529\.982|Pessoa/, 'no query, form data or name');
  });
});
