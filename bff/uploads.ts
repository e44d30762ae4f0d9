// Multipart uploads streamed to temporary files: each file is counted,
// sniffed by its first bytes and hashed as it arrives, and refused (413, 415)
// the moment it breaks a rule, so a request never holds more than a chunk of
// it in memory. Beside SQLite they are then moved into the file store
// (db/file-store.ts), off the event loop; otherwise (PostgreSQL) read back to
// be written as blobs, under the shared byte budget (bff/budget.ts).
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { type Kysely, PostgresAdapter } from 'kysely';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { FileStore } from '../db/file-store.js';
import type { ByteBudget } from './budget.js';
import { ProblemError, badRequest } from './errors.js';
import { fileTooLarge, isAllowedMime, nameForType, safeFileName, unsupportedType } from './files.js';

/** Bytes file-type looks at for the magic numbers (a ZIP's entries may lie further: checked again on the whole file). */
const SNIFF_BYTES = 4100;

export interface StagedFile {
  /** The form field that carried it (a filing: the document's label). */
  field: string;
  /** Safe, and with the extension of the detected type. */
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  path: string;
}

export interface Staged {
  fields: Record<string, string[]>;
  files: StagedFile[];
  /** Removes the temporary files (call in finally). */
  close(): Promise<void>;
}

export interface StageLimits {
  maxFileBytes: number;
  maxMessageBytes: number;
  maxFiles: number;
  tooManyFiles: () => ProblemError;
  messageTooLarge: () => ProblemError;
}

const invalidForm = () => badRequest('Formulário multipart inválido.');

/**
 * Streams a multipart/form-data body to temporary files, checking each file
 * as it arrives. `discardFiles`: only the fields are wanted (a filing
 * replayed with its Idempotency-Key): file parts are read past, never written.
 */
export async function stageMultipart(req: Request, limits: StageLimits, opts: { discardFiles?: boolean } = {}): Promise<Staged> {
  const dir = await mkdtemp(join(tmpdir(), 'atende-upload-'));
  // No prototype: a field named "constructor" or "__proto__" is just a field.
  const fields = Object.create(null) as Record<string, string[]>;
  const staged: Staged = { fields, files: [], close: () => rm(dir, { recursive: true, force: true }) };
  try {
    await parse(req, dir, staged, limits, opts.discardFiles ?? false);
    return staged;
  } catch (err) {
    await staged.close();
    throw err;
  }
}

function parse(req: Request, dir: string, staged: Staged, limits: StageLimits, discardFiles: boolean): Promise<void> {
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { 'content-type': req.headers.get('content-type') ?? '' },
      defParamCharset: 'utf8',
      limits: { fields: 50, fieldSize: 256 * 1024, fieldNameSize: 300, parts: 100 },
    });
  } catch {
    return Promise.reject(invalidForm());
  }
  if (!req.body) return Promise.reject(invalidForm());
  const source = Readable.fromWeb(req.body as NodeReadableStream<Uint8Array>);
  return new Promise<void>((resolve, reject) => {
    let failed = false;
    let total = 0;
    const writes: Promise<void>[] = [];
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      // Nothing more is read: the node server drains (or closes) the connection after the answer.
      source.unpipe(bb);
      source.on('error', () => {});
      source.destroy();
      reject(err instanceof ProblemError ? err : invalidForm());
    };
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) return fail(badRequest(`O campo "${safeFileName(name)}" é grande demais.`));
      (staged.fields[name] ??= []).push(value);
    });
    bb.on('file', (field, stream, info) => {
      if (failed || discardFiles) return void stream.resume();
      if (staged.files.length >= limits.maxFiles) {
        stream.resume();
        return fail(limits.tooManyFiles());
      }
      // Browsers (and undici) escape " CR LF in a part's filename as %22 %0D %0A (the HTML form encoding).
      const given = (info.filename ?? '').replace(/%(22|0d|0a)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const entry: StagedFile = { field, fileName: safeFileName(given), contentType: '', size: 0, sha256: '', path: join(dir, String(staged.files.length)) };
      staged.files.push(entry);
      const hash = createHash('sha256');
      let head: Buffer[] = [];
      let headBytes = 0;
      const check = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          entry.size += chunk.byteLength;
          total += chunk.byteLength;
          if (entry.size > limits.maxFileBytes) return done(fileTooLarge(given, limits.maxFileBytes));
          if (total > limits.maxMessageBytes) return done(limits.messageTooLarge());
          hash.update(chunk);
          if (headBytes >= SNIFF_BYTES) return done(null, chunk);
          head.push(chunk);
          headBytes += chunk.byteLength;
          if (headBytes < SNIFF_BYTES) return done(null, chunk);
          const first = Buffer.concat(head);
          head = [];
          plausible(first).then((ok) => (ok ? done(null, chunk) : done(unsupportedType(given))), done);
        },
      });
      writes.push(
        pipeline(stream, check, createWriteStream(entry.path))
          .then(async () => {
            if (entry.size === 0) throw new ProblemError(400, `O arquivo "${entry.fileName}" está vazio.`, undefined, 'empty-file');
            const type = await fileTypeFromFile(entry.path);
            if (!isAllowedMime(type?.mime)) throw unsupportedType(given);
            entry.contentType = type.mime;
            entry.fileName = nameForType(given, type.mime);
            entry.sha256 = hash.digest('hex');
          })
          .catch(fail),
      );
    });
    bb.on('partsLimit', () => fail(badRequest('Partes demais no formulário.')));
    bb.on('fieldsLimit', () => fail(badRequest('Campos demais no formulário.')));
    bb.on('error', fail);
    bb.on('close', () => {
      void Promise.all(writes).then(() => {
        if (!failed) resolve();
      });
    });
    source.on('error', fail);
    source.pipe(bb);
  });
}

/** The first bytes name an accepted type, or a ZIP (DOCX, ODT: decided on the whole file). */
async function plausible(first: Buffer): Promise<boolean> {
  try {
    const type = await fileTypeFromBuffer(first);
    return isAllowedMime(type?.mime) || type?.mime === 'application/zip';
  } catch {
    return true;
  }
}

/**
 * Reads staged files into memory for their insert, holding their bytes of
 * the budget (times `weight`: PostgreSQL's driver sends a Buffer as hex, twice
 * its size) until `release()`. Staged files wait on disk, not in memory, so
 * they wait `waitMs` (six times the budget's own: the client has already sent them).
 */
export async function loadStaged(files: StagedFile[], budget: ByteBudget, weight: number, waitMs: number) {
  const release = await budget.acquire(files.reduce((sum, f) => sum + f.size, 0) * weight, waitMs);
  try {
    const loaded = [];
    for (const f of files) loaded.push({ ...f, content: await readFile(f.path) });
    return { files: loaded, release };
  } catch (err) {
    release();
    throw err;
  }
}

const EMPTY = new Uint8Array(0);

/**
 * Staged files ready for their insert: moved into the file store when there
 * is one (nothing held in memory), else read back within the budget
 * (loadStaged). `release()` in finally either way.
 */
export async function prepareStaged(files: StagedFile[], store: FileStore | null, budget: ByteBudget, weight: number, waitMs: number) {
  if (!store) return loadStaged(files, budget, weight, waitMs);
  const stored = [];
  for (const f of files) stored.push({ ...f, content: EMPTY, stored: await store.put(f.path, f.sha256) });
  return { files: stored, release: () => {} };
}

/** Files decoded in memory (a JSON filing), moved into the file store when there is one. */
export async function storeChecked<F extends { content: Uint8Array; sha256: string }>(
  files: F[],
  store: FileStore | null,
): Promise<(F & { stored?: string })[]> {
  if (!store) return files;
  const stored = [];
  for (const f of files) stored.push({ ...f, content: EMPTY, stored: await store.putBytes(f.content, f.sha256) });
  return stored;
}

/** Memory a blob's insert holds per byte: PostgreSQL's driver adds its hex text (twice the size), SQLite copies it once. */
export const blobWeightOf = <T>(db: Kysely<T>) => (db.getExecutor().adapter instanceof PostgresAdapter ? 3 : 2);
