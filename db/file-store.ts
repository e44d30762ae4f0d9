// The bytes of uploaded files beside a SQLite database, out of it: a 24 MB
// blob written through better-sqlite3 is copied, written and fsynced on the
// event loop's thread (65–135 ms and more per message, every other request
// waiting), while a file is moved (or copied) and fsynced on libuv's thread
// pool, and a download streams it. Files
// are named by their SHA-256 (one copy of identical files) and are durable
// before the row that names them is committed: copied to a temporary name,
// fsynced, renamed, and the folder fsynced. A file whose transaction then
// fails stays behind unreferenced (harmless; never a row without its file).
// PostgreSQL deployments keep the bytes in the database (shared by every
// instance), so they have no file store.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { isPostgresUrl } from './connect.js';

const SHA256 = /^[0-9a-f]{64}$/;

export class FileStore {
  constructor(readonly dir: string) {}

  /** Where the file of `key` lives. */
  path(key: string): string {
    const [, sha] = key.split('/');
    if (!sha || !SHA256.test(sha) || key !== `${sha.slice(0, 2)}/${sha}`) throw new Error(`Not a file store key: ${key}`);
    return join(this.dir, key);
  }

  /**
   * Stores the file at `source` (its SHA-256 already computed; a temporary
   * file the caller gives up) and answers its key; durable when the promise
   * resolves. Moved when it is on the store's file system, else copied.
   */
  async put(source: string, sha256: string): Promise<string> {
    return this.store(sha256, (temp) =>
      rename(source, temp).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EXDEV') throw err;
        return copyFile(source, temp, constants.COPYFILE_EXCL);
      }),
    );
  }

  /** Stores bytes held in memory (a JSON filing's decoded document). */
  async putBytes(content: Uint8Array, sha256: string): Promise<string> {
    return this.store(sha256, (temp) => writeFile(temp, content, { flag: 'wx' }));
  }

  /** The file of `key` as a stream (opened before it answers: a missing file fails here, not mid-download). */
  async stream(key: string): Promise<ReadableStream<Uint8Array>> {
    const handle = await open(this.path(key), 'r');
    return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
  }

  private async store(sha256: string, write: (temp: string) => Promise<void>): Promise<string> {
    if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    const key = `${sha256.slice(0, 2)}/${sha256}`;
    const target = join(this.dir, key);
    const folder = dirname(target);
    await mkdir(folder, { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      await write(temp);
      await fsync(temp);
      await rename(temp, target);
      await fsync(folder);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return key;
  }
}

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The file store of a database: `files/` beside a SQLite file (or `dir`), none for PostgreSQL. */
export function fileStoreFor(databaseUrl: string, dir?: string | null): FileStore | null {
  if (isPostgresUrl(databaseUrl) || databaseUrl === ':memory:') return null;
  return new FileStore(dir || join(dirname(databaseUrl), 'files'));
}
