// A database made for one run and dropped after it: a new PostgreSQL database
// beside `base` when `base` is a postgres:// URL, else a SQLite file in a new
// temporary folder. Tests and benchmarks use it, so a run never touches
// another's data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isPostgresUrl } from './connect.js';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** `prefix` names the database (PostgreSQL) or the folder (SQLite): `atende_test`, `atende_bench_uploads`… */
export async function scratchDatabase(prefix: string, base = process.env.DATABASE_URL): Promise<ScratchDatabase> {
  if (base && isPostgresUrl(base)) {
    const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = async (statement: string) => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(statement);
      } finally {
        await c.end();
      }
    };
    await admin(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
  }
  const dir = mkdtempSync(join(tmpdir(), `${prefix.replace(/_/g, '-')}-`));
  return { url: join(dir, 'atende.db'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
