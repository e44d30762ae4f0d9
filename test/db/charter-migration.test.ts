// The charter migration on a database with services and requests from before
// it: every version gets its edit time from its creation and revision 1, a
// service no draft, no filing a key; one Idempotency-Key per citizen; and it
// goes down and up again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { migrationScratch } from './migration-scratch.js';

const BEFORE = '2026-12-01T03-00_file-store';
const AT = '2026-11-01T12:00:00.000Z';

describe('migration charter', () => {
  const scratch = migrationScratch();

  test('backfills the versions, keeps the rest, and holds one request per citizen and key', async () => {
    const db = scratch.db;
    await migrateTo(db, BEFORE);
    const [inst] = await sql<{ id: number }>`insert into institutions (acronym, name, units) values ('X', 'Instituição X', '[]') returning id`
      .execute(db)
      .then((r) => r.rows);
    const [user] = await sql<{ id: number }>`insert into users (sub, name, email, created_at) values ('u', 'U', null, ${AT}) returning id`
      .execute(db)
      .then((r) => r.rows);
    const [service] = await sql<{ id: number }>`insert into services (institution_id, status, published_version_id, created_at, updated_at)
      values (${inst.id}, 'published', null, ${AT}, ${AT}) returning id`
      .execute(db)
      .then((r) => r.rows);
    const [version] = await sql<{ id: number }>`insert into service_versions
      (service_id, version, name, description, deadline_days, deadline_kind, created_at, published_at)
      values (${service.id}, 1, 'Serviço', 'Descrição', 10, 'business', ${AT}, ${AT}) returning id`
      .execute(db)
      .then((r) => r.rows);
    const request = (protocol: string) =>
      sql`insert into requests (protocol, institution_id, service_id, service_version_id, citizen_id, citizen_name,
      search_text, form_data, status, filed_at, due_at, updated_at)
      values (${protocol}, ${inst.id}, ${service.id}, ${version.id}, ${user.id}, 'U', 'u', '{}', 'submitted', ${AT}, ${AT}, ${AT})`.execute(db);
    await request('2026/000001');

    await migrateToLatest(db);
    const v = await db.selectFrom('service_versions').selectAll().where('id', '=', version.id).executeTakeFirstOrThrow();
    assert.equal(v.updated_at, AT);
    assert.equal(v.revision, 1);
    assert.equal(v.created_by, null);
    assert.equal(v.requirements, null);
    const s = await db.selectFrom('services').selectAll().where('id', '=', service.id).executeTakeFirstOrThrow();
    assert.equal(s.draft_version_id, null);
    assert.equal(s.unpublished_reason, null);
    const r = await db.selectFrom('requests').select('idempotency_key').executeTakeFirstOrThrow();
    assert.equal(r.idempotency_key, null);

    // Many filings without a key; one with each key.
    await request('2026/000002');
    await db.updateTable('requests').set({ idempotency_key: 'chave-0001' }).where('protocol', '=', '2026/000002').execute();
    await request('2026/000003');
    await assert.rejects(db.updateTable('requests').set({ idempotency_key: 'chave-0001' }).where('protocol', '=', '2026/000003').execute());

    await migrateTo(db, BEFORE);
    const columns = async (table: string) => (await db.introspection.getTables()).find((t) => t.name === table)!.columns.map((c) => c.name);
    assert.ok(!(await columns('service_versions')).includes('revision'));
    assert.ok(!(await columns('requests')).includes('idempotency_key'));
    await migrateToLatest(db);
    assert.ok((await columns('service_versions')).includes('revision'));
  });
});
