// A client that goes away (a closed tab, a timeout, a dropped connection)
// mid-body or mid-handler is no fault of the server: it is logged at info as
// "client closed the request", never as an unexpected error. A real server
// on an ephemeral port, raw sockets that hang up, and the JSON log captured.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { setTimeout as tick } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { type ServerType, serve } from '@hono/node-server';
import { createLogger } from '../../bff/log.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';

type Line = { level: number; msg?: string; requestId?: string; status?: number };

describe('client abort', () => {
  let t: TestContext;
  let server: ServerType;
  let port: number;
  let id: number;
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

  before(async () => {
    t = await createTestContext({ log: createLogger('info', sink) });
    ({ id } = await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json());
    await t.call('POST', `/api/requests/${id}/analysis`, { as: 'attendant' });
    await t.call('POST', `/api/requests/${id}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps } });
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  /** Sends the head and part of a body, then hangs up; answers once the server has logged the request. */
  async function hangUp(requestId: string, head: string[], partial: string | Buffer) {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write([...head, `X-Request-Id: ${requestId}`, 'Connection: close', '', ''].join('\r\n'));
    socket.write(partial);
    socket.destroy();
    // Wait on state: the request's own log line, written once the app has answered it.
    while (!lines.some((l) => l.requestId === requestId && l.status !== undefined)) await tick(5);
    return lines.filter((l) => l.requestId === requestId);
  }

  const bearer = async (as: string) => `Authorization: Bearer ${await t.token(t.fx.users[as as 'attendant'].sub)}`;

  test('hanging up in the middle of a JSON body is logged as the client closing, not as an error', async () => {
    const logged = await hangUp(
      'abort-json',
      [`POST /api/requests/${id}/reject HTTP/1.1`, 'Host: atende.test', await bearer('attendant'), 'Content-Type: application/json', 'Content-Length: 100000'],
      `{"justification": "${'x'.repeat(2000)}`,
    );
    assert.deepEqual(
      logged.filter((l) => l.level >= 50),
      [],
      'no error logged',
    );
    assert.ok(logged.some((l) => l.level === 30 && l.msg === 'client closed the request'));
  });

  test('hanging up in the middle of a multipart upload is logged as the client closing, not as an error', async () => {
    const boundary = 'atende-boundary';
    const logged = await hangUp(
      'abort-multipart',
      [
        `POST /api/requests/${id}/follow-ups HTTP/1.1`,
        'Host: atende.test',
        await bearer('citizen'),
        `Content-Type: multipart/form-data; boundary=${boundary}`,
        'Content-Length: 5000000',
      ],
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\nSegue o arquivo.\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`),
        Buffer.alloc(64 * 1024, 0x20),
      ]),
    );
    assert.deepEqual(
      logged.filter((l) => l.level >= 50),
      [],
      'no error logged',
    );
    assert.ok(logged.some((l) => l.level === 30 && l.msg === 'client closed the request'));
    const thread = await (await t.call('GET', `/api/requests/${id}/follow-ups`, { as: 'citizen' })).json();
    assert.ok(!thread.items.some((e: { body: string | null }) => e.body === 'Segue o arquivo.'), 'nothing of the cut message was stored');
  });

  test('hanging up in the middle of a chunked body is logged as the client closing, not as an error', async () => {
    const chunk = `{"justification": "${'x'.repeat(1000)}`;
    const logged = await hangUp(
      'abort-chunked',
      [
        `POST /api/requests/${id}/reject HTTP/1.1`,
        'Host: atende.test',
        await bearer('attendant'),
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
      ],
      `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    );
    assert.deepEqual(
      logged.filter((l) => l.level >= 50),
      [],
      'no error logged',
    );
    assert.ok(logged.some((l) => l.level === 30 && l.msg === 'client closed the request'));
  });

  test('hanging up while the handler runs is no error either', async () => {
    const logged = await hangUp('abort-handler', [`GET /api/requests/${id}/follow-ups HTTP/1.1`, 'Host: atende.test', await bearer('attendant')], '');
    assert.deepEqual(
      logged.filter((l) => l.level >= 50),
      [],
      'no error logged',
    );
  });
});
