// Uploads are checked by their bytes, but a polyglot (a PDF that is also an
// HTML page) passes as a PDF: it stays harmless only because every download
// is an attachment the browser neither sniffs nor renders as a page. These
// headers are pinned on every path that serves a file — a request document,
// a follow-up's attachment, an internal note's attachment (also what the
// analysis form's previews fetch).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TINY_PNG, type TestContext, createTestContext, filingBody } from '../helpers.js';

/** Valid PDF magic, and an HTML page with a script a sniffing browser would run. */
const POLYGLOT = Buffer.from(
  '%PDF-1.4\n<html><body><script>fetch("/api/me").then(r=>r.text()).then(alert)</script></body></html>\n' +
    '1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

function message(kind: string, name: string, bytes: Uint8Array): FormData {
  const fd = new FormData();
  fd.set('body', 'Segue o arquivo.');
  fd.set('kind', kind);
  fd.append('files', new Blob([new Uint8Array(bytes)]), name);
  return fd;
}

describe('download headers on every path', () => {
  let t: TestContext;
  const files: { path: string; as: string; name: string }[] = [];

  before(async () => {
    t = await createTestContext();
    const body = filingBody(t.fx.service);
    body.documents = [{ label: 'Documento de identidade', fileName: 'Identificação "João" <b>.html.pdf', contentBase64: POLYGLOT.toString('base64') }];
    const filed = await t.call('POST', '/api/requests', { as: 'citizen', body });
    assert.equal(filed.status, 201);
    const { id, documents } = await filed.json();
    files.push({ path: documents[0].href, as: 'citizen', name: 'document' });
    await t.call('POST', `/api/requests/${id}/analysis`, { as: 'attendant' });
    await t.call('POST', `/api/requests/${id}/approve`, { as: 'attendant', body: { assigneeId: t.fx.users.attendant.id, confirmSteps: t.fx.steps } });
    const sent = await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'citizen', body: message('message', 'comprovante ção.pdf', POLYGLOT) });
    assert.equal(sent.status, 201);
    const note = await t.call('POST', `/api/requests/${id}/follow-ups`, { as: 'attendant', body: message('internal_note', 'foto.png', TINY_PNG) });
    assert.equal(note.status, 201);
    const thread = await (await t.call('GET', `/api/requests/${id}/follow-ups`, { as: 'attendant' })).json();
    const attached = (type: string) => thread.items.find((e: { type: string }) => e.type === type).attachments[0].href;
    files.push({ path: attached('message'), as: 'citizen', name: 'follow-up attachment' });
    files.push({ path: attached('internal_note'), as: 'attendant', name: 'internal note attachment' });
  });
  after(() => t.close());

  test('attachment, safe file name, nosniff, CSP default-src none, private no-store — polyglots too', async () => {
    assert.equal(files.length, 3);
    for (const f of files) {
      for (const method of ['GET', 'HEAD']) {
        const res = await t.call(method, f.path, { as: f.as });
        const what = `${method} ${f.name}`;
        assert.equal(res.status, 200, what);
        const disposition = res.headers.get('Content-Disposition') ?? '';
        const m = /^attachment; filename="([\x20-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9%!'()*._~-]+)$/.exec(disposition);
        assert.ok(m, `${what}: ${disposition}`);
        assert.doesNotMatch(m[1], /["\\]/, what);
        assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff', what);
        const csp = res.headers.get('Content-Security-Policy') ?? '';
        assert.match(csp, /(^|;\s*)default-src 'none'/, what);
        const cache = res.headers.get('Cache-Control') ?? '';
        assert.match(cache, /\bprivate\b/, what);
        assert.match(cache, /\bno-store\b/, what);
        assert.notEqual(res.headers.get('Content-Type'), 'text/html', what);
        await res.arrayBuffer();
      }
    }
  });

  test('the polyglot is served as the PDF its bytes were detected as, unchanged', async () => {
    const res = await t.call('GET', files[0].path, { as: 'citizen' });
    assert.equal(res.headers.get('Content-Type'), 'application/pdf');
    const disposition = res.headers.get('Content-Disposition') ?? '';
    assert.match(disposition, /filename\*=UTF-8''/);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), POLYGLOT, 'the bytes are served as stored');
  });
});
