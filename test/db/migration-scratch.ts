// A database of its own for a migration test (SQLite, or PostgreSQL with
// DATABASE_URL), made before the suite's tests and dropped after them, typed
// loosely: its tables are as each migration leaves them, not as
// db/schema.ts says they end up.
import { after, before } from 'node:test';
import type { Kysely } from 'kysely';
import { type Connection, connect } from '../../db/connect.js';
import { type ScratchDatabase, scratchDatabase } from '../../db/scratch.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Kysely<any>;

export function migrationScratch(): { readonly db: Loose } {
  let scratch: ScratchDatabase;
  let conn: Connection;
  before(async () => {
    scratch = await scratchDatabase('atende_migration');
    conn = connect(scratch.url);
  });
  after(async () => {
    await conn.close();
    await scratch.drop();
  });
  return {
    get db() {
      return conn.db as unknown as Loose;
    },
  };
}
