// Uploads and bodies under hostile input: nothing is read from an anonymous
// caller, multipart uploads are checked as they stream (refused before the
// rest is read), JSON filings wait for memory or get 503, stored names follow
// the detected type without control or bidi characters, and each document
// takes only the formats its service asks for.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../bff/app.js';
import { createByteBudget } from '../../bff/budget.js';
import { createVerifier } from '../../bff/auth.js';
import { loadConfig } from '../../bff/config.js';
import { TINY_PDF, TINY_PNG, type TestContext, VALID_CPF, createTestContext, filingBody } from '../helpers.js';

// Temporary upload files of this process go here, where the test can count them.
const uploadTmp = mkdtempSync(join(tmpdir(), 'atende-uploads-test-'));
process.env.TMPDIR = uploadTmp;
const leftovers = () => readdirSync(uploadTmp).filter((name) => name.startsWith('atende-upload-'));

const MB = 1024 * 1024;
// A minimal DOCX (a ZIP with [Content_Types].xml and word/document.xml).
const TINY_DOCX = Buffer.from(
  'UEsDBBQAAAAIAEsSgV3GEnoHrAAAAPEAAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbF2Puw7CMAxFf6XKihoXBgaUlIEdGPgBK3HbiOahJBT4exKQOjBax/dcWxxfdm4Wisl4J9mWd+zYi9s7UGoKcUmyKedwAEhqIouJ+0CukMFHi7mMcYSA6o4jwa7r9qC8y+Rym6uD9eJS5NFoaq4Y8xktSQZPHzVorx62bPJiY83pF6vNkmEIs1GYy02wOP3X2fphMIrWfLWF6BWlZNxoZ74Si8Ztqh56Ad+n+g9QSwMEFAAAAAgASxKBXShR+dlcAAAAagAAAAsAAABfcmVscy8ucmVsc02Myw2AIBAFWyEU4KIHD4ZPD3awIasY+YUlxvLl6PHNTJ52b4riocZXyUbOk5LO6p0i9gE4XJXFKDIbGXqvGwD7QAl5KpXyMEdpCfuY7YSK/saTYFFqhfb/kGA/UEsDBBQAAAAIAEsSgV2IHiThawAAAH4AAAARAAAAd29yZC9kb2N1bWVudC54bWxFzEEOwiAQQNGrNByggy5cEErPgoAtSWeGMCh6+9KVy5+XfLt+8Zg+qUpmWtRt1mp1tpvI4Y2J2jSYxPRF7a0VAyBhT+hl5pJo2Isr+jaybtC5xlI5JJFMGx5w1/oB6DOpa/nk+ANn4T93J1BLAQIUAxQAAAAIAEsSgV3GEnoHrAAAAPEAAAATAAAAAAAAAAAAAACAAQAAAABbQ29udGVudF9UeXBlc10ueG1sUEsBAhQDFAAAAAgASxKBXShR+dlcAAAAagAAAAsAAAAAAAAAAAAAAIAB3QAAAF9yZWxzLy5yZWxzUEsBAhQDFAAAAAgASxKBXYgeJOFrAAAAfgAAABEAAAAAAAAAAAAAAIABYgEAAHdvcmQvZG9jdW1lbnQueG1sUEsFBgAAAAADAAMAuQAAAPwBAAAAAA==',
  'base64',
);

/** A body of `total` bytes (starting with `head`) that records how much of it was pulled. */
function trackedBody(total: number, head: Uint8Array = new Uint8Array()) {
  const chunk = 256 * 1024;
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled >= total) return controller.close();
        const size = Math.min(chunk, total - state.pulled);
        const bytes = new Uint8Array(size).fill(0x61);
        if (state.pulled === 0) bytes.set(head.subarray(0, size));
        state.pulled += size;
        controller.enqueue(bytes);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/** One multipart file part, then the rest of a `total`-byte body streamed on demand (never ending the part before it is all read). */
function trackedMultipart(fields: Record<string, string>, file: { field: string; name: string; head: Uint8Array }, total: number) {
  const boundary = 'atendeboundary';
  let pre = '';
  for (const [k, v] of Object.entries(fields)) pre += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  pre += `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const head = Buffer.concat([Buffer.from(pre), file.head]);
  const tracked = trackedBody(total, head);
  return { ...tracked, contentType: `multipart/form-data; boundary=${boundary}` };
}

function form(body: string, files: [string, Uint8Array][] = [], field = 'files'): FormData {
  const fd = new FormData();
  fd.set('body', body);
  for (const [name, bytes] of files) fd.append(field, new Blob([new Uint8Array(bytes)]), name);
  return fd;
}

function filingForm(serviceId: number, docs: [label: string, name: string, bytes: Uint8Array][]): FormData {
  const fd = new FormData();
  fd.set('request', JSON.stringify({ serviceId, formData: { cpf: VALID_CPF, motivo: 'Perda' } }));
  for (const [label, name, bytes] of docs) fd.append(label, new Blob([new Uint8Array(bytes)]), name);
  return fd;
}

describe('uploads and bodies', () => {
  let t: TestContext;
  let id: number;
  before(async () => {
    // Jitsi's reservation hook on: it takes a body too, with its shared token instead of a user's.
    t = await createTestContext({ env: { JITSI_RESERVATION_TOKEN: 'token-do-gancho-de-reservas' } });
    id = (await (await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) })).json()).id;
  });
  after(() => t.close());

  test('every API route that takes a body answers an anonymous caller 401 without reading it', async () => {
    const doc = await (await t.call('GET', '/api/openapi.json')).json();
    const writes: [string, string][] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (method === 'get' || !path.startsWith('/api/')) continue;
        assert.ok(op.security?.length, `${method} ${path} takes a body without a user`);
        writes.push([method.toUpperCase(), path.replace(/\{[^}]+\}/g, String(id))]);
      }
    }
    assert.ok(writes.length >= 8, 'the write routes were found');
    const bodies = [
      { type: 'application/json', size: 34 * MB, length: true },
      { type: 'application/json', size: 34 * MB, length: false },
      { type: 'multipart/form-data; boundary=x', size: 34 * MB, length: false },
    ];
    for (const [method, path] of writes) {
      for (const b of bodies) {
        const { stream, state } = trackedBody(b.size, Buffer.from('{"x": '));
        const headers: Record<string, string> = { 'Content-Type': b.type };
        if (b.length) headers['Content-Length'] = String(b.size);
        const res = await t.app.request(path, { method, headers, body: stream, duplex: 'half' } as RequestInit);
        assert.equal(res.status, 401, `${method} ${path} (${b.type}, length ${b.length})`);
        assert.equal(state.pulled, 0, `${method} ${path}: nothing of the body was read`);
        await stream.cancel();
      }
      const malformed = await t.call(method, path, { body: '{"justification": ', headers: { 'Content-Type': 'application/json' } });
      assert.equal(malformed.status, 401, `${method} ${path} malformed JSON`);
      const forged = await t.call(method, path, { as: 'not.a.token', body: '{' });
      assert.equal(forged.status, 401, `${method} ${path} bad token`);
    }
  });

  test('an ordinary JSON body over 1 MB is refused (413), counted as it streams when its length is not declared', async () => {
    const { stream, state } = trackedBody(8 * MB, Buffer.from('{"justification": "'));
    const token = await t.token('attendant');
    const res = await t.app.request(`/api/requests/${id}/reject`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(res.status, 413);
    assert.ok(state.pulled <= 2 * MB, `read ${state.pulled} bytes of an 8 MB body`);
    await stream.cancel();
  });

  test('a multipart file over the limit is refused the moment it passes it, without reading the rest', async () => {
    const token = await t.token('attendant');
    const send = async (file: { name: string; head: Uint8Array }, total: number) => {
      const body = trackedMultipart({ body: 'Anexo' }, { field: 'files', ...file }, total);
      const res = await t.app.request(`/api/requests/${id}/follow-ups`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': body.contentType },
        body: body.stream,
        duplex: 'half',
      } as RequestInit);
      await body.stream.cancel();
      return { status: res.status, problem: await res.json(), pulled: body.state.pulled };
    };
    // MAX_FILE_MB is 10 here: a 24 MB "PDF" stops at 10 MB.
    const big = await send({ name: 'grande.pdf', head: TINY_PDF }, 24 * MB);
    assert.equal(big.status, 413);
    assert.match(big.problem.detail, /10 MB/);
    assert.ok(big.pulled < 12 * MB, `read ${big.pulled} bytes of 24 MB`);
    // HTML is refused from its first bytes.
    const html = await send({ name: 'nota.pdf', head: Buffer.from('<!doctype html><script>alert(1)</script>') }, 24 * MB);
    assert.equal(html.status, 415);
    assert.ok(html.pulled < 2 * MB, `read ${html.pulled} bytes of 24 MB`);
    assert.deepEqual(leftovers(), [], 'the temporary files were removed');
  });

  test('form fields named like Object properties are only fields', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const fd = form('Olá');
      fd.set(name, 'x');
      const res = await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'attendant', body: fd });
      assert.equal(res.status, 201, name);
      const filing = filingForm(t.fx.service, [['Documento de identidade', 'rg.pdf', TINY_PDF]]);
      filing.set(name, 'x');
      assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body: filing })).status, 201, name);
    }
  });

  test('a message whose files pass MAX_MESSAGE_MB together is refused, and stores nothing', async () => {
    const before = (await (await t.call('GET', `/api/requests/${id}/follow-ups?limit=100`, { as: 'attendant' })).json()).items.length;
    const nine = Buffer.concat([TINY_PDF, Buffer.alloc(9 * MB)]);
    const res = await t.call('POST', `/api/requests/${id}/follow-ups`, {
      as: 'attendant',
      body: form('Três anexos', [
        ['a.pdf', nine],
        ['b.pdf', nine],
        ['c.pdf', nine],
      ]),
    });
    assert.equal(res.status, 413);
    assert.match((await res.json()).detail, /25 MB/);
    const after = (await (await t.call('GET', `/api/requests/${id}/follow-ups?limit=100`, { as: 'attendant' })).json()).items.length;
    assert.equal(after, before);
    assert.deepEqual(leftovers(), []);
  });

  test('a streamed attachment is stored whole, with its SHA-256, and its temporary file removed', async () => {
    const content = Buffer.concat([TINY_PDF, Buffer.alloc(3 * MB, 7)]);
    const res = await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'attendant', body: form('Laudo', [['laudo.pdf', content]]) });
    assert.equal(res.status, 201);
    const thread = await (await t.call('GET', `/api/requests/${id}/follow-ups`, { as: 'citizen' })).json();
    const file = thread.items.at(-1).attachments[0];
    const dl = await t.call('GET', file.href, { as: 'citizen' });
    const bytes = Buffer.from(await dl.arrayBuffer());
    assert.ok(bytes.equals(content));
    assert.equal(dl.headers.get('ETag'), `"${createHash('sha256').update(content).digest('hex')}"`);
    assert.deepEqual(leftovers(), []);
  });

  test('a filing can be sent as multipart: a request field and one file part per document label', async () => {
    const fd = filingForm(t.fx.service, [
      ['Documento de identidade', 'rg.png', TINY_PNG],
      ['Boletim de ocorrência', 'bo.pdf', TINY_PDF],
    ]);
    const res = await t.call('POST', '/api/requests', { as: 'citizen', body: fd });
    assert.equal(res.status, 201);
    const filed = await res.json();
    assert.equal(filed.status, 'submitted');
    assert.deepEqual(
      filed.documents.map((d: { label: string; fileName: string; contentType: string }) => [d.label, d.fileName, d.contentType]),
      [
        ['Documento de identidade', 'rg.png', 'image/png'],
        ['Boletim de ocorrência', 'bo.pdf', 'application/pdf'],
      ],
    );
    const dl = await t.call('GET', filed.documents[0].href, { as: 'citizen' });
    assert.ok(Buffer.from(await dl.arrayBuffer()).equals(TINY_PNG));

    const missing = await t.call('POST', '/api/requests', { as: 'citizen', body: filingForm(t.fx.service, [['Boletim de ocorrência', 'bo.pdf', TINY_PDF]]) });
    assert.equal(missing.status, 400);
    assert.ok((await missing.json()).errors['documents.Documento de identidade']);
    const noRequest = new FormData();
    noRequest.append('Documento de identidade', new Blob([TINY_PDF]), 'rg.pdf');
    assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body: noRequest })).status, 400);
    assert.equal((await t.call('POST', '/api/requests', { as: 'citizen', body: 'x', headers: { 'Content-Type': 'text/plain' } })).status, 415);
    assert.deepEqual(leftovers(), []);
  });

  test('a JSON filing waits for upload memory, and gets 503 with Retry-After when none frees up', async () => {
    const budget = createByteBudget(1024 * 1024, 50);
    const app = buildApp({
      db: t.database.db,
      config: loadConfig({ DEV_IDP: '1', LOG_LEVEL: 'silent' }),
      now: () => t.clock.now,
      verify: createVerifier([t.idp.trusted], { clockToleranceSeconds: 30, now: () => t.clock.now }),
      uploadBudget: budget,
    });
    const token = await t.token('citizen');
    const file = () =>
      app.request('/api/requests', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(filingBody(t.fx.service)),
      });
    const hold = await budget.acquire(1024 * 1024);
    const busy = await file();
    assert.equal(busy.status, 503);
    assert.ok(Number(busy.headers.get('Retry-After')) >= 1);
    assert.equal(busy.headers.get('Content-Type'), 'application/problem+json; charset=UTF-8');
    const waiting = file();
    setTimeout(hold, 10);
    assert.equal((await waiting).status, 201, 'served once the memory was released');
    assert.equal(budget.held, 0);
  });

  test('stored names follow the detected type and carry no control or bidi characters', async () => {
    const cases: [given: string, bytes: Uint8Array, stored: string][] = [
      ['invoice.html', TINY_PDF, 'invoice.pdf'],
      ['foto', TINY_PNG, 'foto.png'],
      ['foto.JPEG.png', TINY_PNG, 'foto.JPEG.png'],
      ['relatorio\u202Efdp.exe', TINY_PDF, 'relatoriofdp.pdf'],
      ['a\u200Eb\u200Fc\u202Ad\u202Be\u202Cf\u2066g\u2067h\u2068i\u2069j\u061Ck.pdf', TINY_PDF, 'abcdefghijk.pdf'],
    ];
    for (const [given, bytes, stored] of cases) {
      const res = await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'citizen', body: form('Anexo', [[given, bytes]]) });
      assert.equal(res.status, 201, given);
      const thread = await (await t.call('GET', `/api/requests/${id}/follow-ups`, { as: 'citizen' })).json();
      assert.equal(thread.items.at(-1).attachments[0].fileName, stored, JSON.stringify(given));
    }
    const json = filingBody(t.fx.service);
    json.documents[0].fileName = 'r\u0007g\u0085\u202Egnp.html';
    const filed = await (await t.call('POST', '/api/requests', { as: 'citizen', body: json })).json();
    assert.equal(filed.documents[0].fileName, 'rggnp.pdf', 'C0, C1 and bidi characters stripped');
    const multipart = await t.call('POST', '/api/requests', {
      as: 'citizen',
      body: filingForm(t.fx.service, [['Documento de identidade', 'rg\u202Egnp.html', TINY_PDF]]),
    });
    assert.equal((await multipart.json()).documents[0].fileName, 'rggnp.pdf');
  });

  test("each document takes only its service document's formats (415 naming them)", async () => {
    // Documento de identidade: pdf, png, jpg. Boletim de ocorrência: pdf.
    const json = filingBody(t.fx.service);
    json.documents[0] = { label: 'Documento de identidade', fileName: 'rg.docx', contentBase64: TINY_DOCX.toString('base64') };
    const docx = await t.call('POST', '/api/requests', { as: 'citizen', body: json });
    assert.equal(docx.status, 415);
    const problem = await docx.json();
    assert.match(problem.detail, /Documento de identidade/);
    assert.match(problem.detail, /PDF, PNG ou JPG/);
    assert.match(problem.errors['documents.0'], /DOCX/);

    const png = filingForm(t.fx.service, [
      ['Documento de identidade', 'rg.pdf', TINY_PDF],
      ['Boletim de ocorrência', 'bo.png', TINY_PNG],
    ]);
    const refused = await t.call('POST', '/api/requests', { as: 'citizen', body: png });
    assert.equal(refused.status, 415);
    assert.match((await refused.json()).detail, /Boletim de ocorrência.*PDF/);
    const multipartDocx = await t.call('POST', '/api/requests', {
      as: 'citizen',
      body: filingForm(t.fx.service, [['Documento de identidade', 'rg.docx', TINY_DOCX]]),
    });
    assert.equal(multipartDocx.status, 415);
    // A follow-up attachment may still be any accepted type.
    assert.equal((await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'citizen', body: form('Anexo', [['carta.docx', TINY_DOCX]]) })).status, 201);
    assert.deepEqual(leftovers(), []);
  });
});
