// The access migration (issue #15) on a database with memberships from
// before it: a revoked one gets end_kind 'revoked', the others none and no
// end; at most one pending access request per servant and institution, any
// number decided; and it goes down and up again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { migrationScratch } from './migration-scratch.js';

const BEFORE = '2026-12-01T04-00_charter';
const AT = '2026-11-01T12:00:00.000Z';

describe('migration access', () => {
  const scratch = migrationScratch();

  test('backfills how ended memberships ended, holds one pending request per servant and institution, and goes down and up', async () => {
    const db = scratch.db;
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
