// Where uploaded bytes live: beside SQLite, in the file store (db/file-store.ts)
// — written off the event loop, fsynced before the row that names them is
// committed, one copy per content — and in the database on PostgreSQL. Either
// way a download gives back exactly what was sent.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { FileStore } from '../../db/file-store.js';
import { TINY_PDF, type TestContext, createTestContext, filingBody } from '../helpers.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A PDF of `kb` KB whose bytes differ by `seed`. */
function pdf(kb: number, seed: number): Buffer {
  const filler = Buffer.alloc(kb * 1024, `página ${seed} `);
  return Buffer.concat([Buffer.from('%PDF-1.4\n'), filler, Buffer.from('\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')]);
}

describe('where uploaded files live', () => {
  let t: TestContext;
  let requestId: number;

  before(async () => {
    t = await createTestContext();
    const filed = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) });
    assert.equal(filed.status, 201);
    requestId = (await filed.json()).id;
  });
  after(() => t.close());

  const row = (id: number) =>
    t.database.db
      .selectFrom('files')
      .select(['stored', 'size', 'sha256', (eb) => eb.fn<number>('length', ['content']).as('bytes_in_db')])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  async function send(files: { name: string; bytes: Buffer }[]) {
    const fd = new FormData();
    fd.set('body', 'Seguem os arquivos.');
    for (const f of files) fd.append('files', new Blob([new Uint8Array(f.bytes)]), f.name);
    const res = await t.call('POST', `/api/requests/${requestId}/follow-ups`, { as: 'citizen', body: fd });
    assert.equal(res.status, 201, await res.clone().text());
    const page = await (await t.call('GET', `/api/requests/${requestId}/follow-ups`, { as: 'citizen' })).json();
    return page.items.at(-1).attachments as { id: number; href: string; size: number }[];
  }

  test('a multipart upload: in the file store beside SQLite, in the database on PostgreSQL; the download is byte for byte', async () => {
    const big = pdf(2048, 1);
    const [a] = await send([{ name: 'laudo.pdf', bytes: big }]);
    const r = await row(a.id);
    assert.equal(r.sha256, sha(big));
    if (t.fileStore) {
      assert.equal(r.stored, `${r.sha256.slice(0, 2)}/${r.sha256}`);
      assert.equal(Number(r.bytes_in_db), 0, 'no bytes in the database');
      assert.equal(sha(readFileSync(t.fileStore.path(r.stored!))), r.sha256, 'the stored file is the upload');
    } else {
      assert.equal(r.stored, null);
      assert.equal(Number(r.bytes_in_db), big.byteLength);
    }
    const down = await t.call('GET', a.href, { as: 'citizen' });
    assert.equal(down.status, 200);
    assert.equal(down.headers.get('ETag'), `"${r.sha256}"`);
    assert.ok(Buffer.from(await down.arrayBuffer()).equals(big));
  });

  test('identical files are kept once, and each download still works', async () => {
    const same = pdf(64, 2);
    const [x, y] = await send([
      { name: 'copia-1.pdf', bytes: same },
      { name: 'copia-2.pdf', bytes: same },
    ]);
    const [rx, ry] = [await row(x.id), await row(y.id)];
    assert.equal(rx.stored, ry.stored);
    for (const f of [x, y]) assert.ok(Buffer.from(await (await t.call('GET', f.href, { as: 'attendant' })).arrayBuffer()).equals(same));
  });

  test('a JSON filing\u2019s documents go the same way; the demo seed\u2019s blobs in the database still download', async () => {
    const res = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) });
    assert.equal(res.status, 201);
    const doc = (await res.json()).documents[0];
    const r = await row(doc.id);
    assert.equal(r.stored === null, t.fileStore === null);
    assert.ok(Buffer.from(await (await t.call('GET', doc.href, { as: 'citizen' })).arrayBuffer()).equals(TINY_PDF));
    // A row written before the file store (its bytes in `content`) is served from the database.
    if (t.fileStore) {
      await t.database.db.updateTable('files').set({ stored: null, content: TINY_PDF }).where('id', '=', doc.id).execute();
      assert.ok(Buffer.from(await (await t.call('GET', doc.href, { as: 'citizen' })).arrayBuffer()).equals(TINY_PDF));
    }
  });

  test('a key names a file inside the store, never outside it', () => {
    const store = new FileStore('/var/atende/files');
    const key = `ab/${'ab'.padEnd(64, '0')}`;
    assert.equal(store.path(key), `/var/atende/files/${key}`);
    for (const bad of ['../../etc/passwd', `cd/${'ab'.padEnd(64, '0')}`, `ab/${'ab'.padEnd(64, '0')}/..`, `ab/${'AB'.padEnd(64, '0')}`, '']) {
      assert.throws(() => store.path(bad), /Not a file store key/, bad);
    }
    assert.equal(existsSync('/var/atende/files'), false, 'path() only computes');
  });
});
