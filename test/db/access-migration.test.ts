// The access migration (issue #15) on a database with memberships from
// before it: a revoked one gets end_kind 'revoked', the others none and no
// end; at most one pending access request per servant and institution, any
// number decided; and it goes down and up again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { type Connection, connect } from '../../db/connect.js';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { type ScratchDatabase, scratchDatabase } from '../../db/scratch.js';

const BEFORE = '2026-12-01T04-00_charter';
const AT = '2026-11-01T12:00:00.000Z';

describe('migration access', () => {
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

  test('backfills how ended memberships ended, holds one pending request per servant and institution, and goes down and up', async () => {
    // The tables as each migration leaves them, not as db/schema.ts says they end up.
    const db = conn.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    await migrateTo(db, BEFORE);
    const [inst] = await sql<{ id: number }>`insert into institutions (acronym, name, units) values ('X', 'Instituição X', '[]') returning id`
      .execute(db)
      .then((r) => r.rows);
    const user = async (sub: string) =>
      (await sql<{ id: number }>`insert into users (sub, name, email, created_at) values (${sub}, ${sub}, null, ${AT}) returning id`.execute(db)).rows[0].id;
    const [kept, gone] = [await user('kept'), await user('gone')];
    const member = (userId: number, revokedAt: string | null) =>
      sql`insert into memberships (user_id, institution_id, role, unit, granted_by, granted_at, ordinance, revoked_at)
        values (${userId}, ${inst.id}, 'attendant', null, null, ${AT}, null, ${revokedAt})`.execute(db);
    await member(kept, null);
    await member(gone, AT);

    await migrateToLatest(db);
    const rows = await db
      .selectFrom('memberships')
      .select(['user_id', 'end_kind', 'expires_at', 'revoked_by', 'revoke_reason', 'access_request_id'])
      .orderBy('user_id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [Number(r.user_id), r.end_kind, r.expires_at, r.revoked_by, r.revoke_reason, r.access_request_id]),
      [
        [kept, null, null, null, null, null],
        [gone, 'revoked', null, null, null, null],
      ],
    );

    const ask = (userId: number, status = 'pending') =>
      db.insertInto('access_requests').values({ user_id: userId, institution_id: inst.id, unit: 'U', ordinance: 'P', status, created_at: AT }).execute();
    await ask(kept);
    await assert.rejects(ask(kept), 'a second pending request of the same servant and institution');
    await ask(kept, 'rejected');
    await ask(kept, 'approved');
    await ask(gone);
    await assert.rejects(ask(gone, 'maybe'), 'only the statuses of the contract');

    await migrateTo(db, BEFORE);
    const tables = async () => (await db.introspection.getTables()).map((t) => t.name);
    const columns = async (table: string) => (await db.introspection.getTables()).find((t) => t.name === table)!.columns.map((c) => c.name);
    assert.ok(!(await tables()).includes('access_requests'));
    for (const c of ['expires_at', 'revoked_by', 'revoke_reason', 'end_kind', 'access_request_id']) assert.ok(!(await columns('memberships')).includes(c), c);
    assert.equal((await db.selectFrom('memberships').select('id').execute()).length, 2, 'the memberships stay');
    await migrateToLatest(db);
    assert.ok((await tables()).includes('access_requests'));
    assert.ok((await columns('memberships')).includes('expires_at'));
  });
});
