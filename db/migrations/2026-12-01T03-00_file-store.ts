import type { Kysely } from 'kysely';

// Where a file's bytes live when not in `content`: the key of a file in the
// file store beside a SQLite database (db/file-store.ts), whose rows keep an
// empty `content`. PostgreSQL keeps its bytes in `content`, as before.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('files').addColumn('stored', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('files').dropColumn('stored').execute();
}
