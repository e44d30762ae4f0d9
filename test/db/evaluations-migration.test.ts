// The evaluations migration (issue #13) on a database with evaluations from
// before it: each request's evaluation becomes its current one, with its
// service; a request may then have several; and it goes down (keeping the
// latest of each request) and up again, the queue's triggers still bumping.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { migrateTo, migrateToLatest } from '../../db/migrate.js';
import { migrationScratch } from './migration-scratch.js';

const BEFORE = '2026-12-01T05-00_access';
const AT = '2026-11-01T12:00:00.000Z';

describe('migration evaluations', () => {
  const scratch = migrationScratch();

  test('keeps the evaluations as the current ones, allows several per request, and goes down and up', async () => {
    const db = scratch.db;
    await migrateTo(db, BEFORE);
    const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows[0];
    const inst = await one(sql<{ id: number }>`insert into institutions (acronym, name, units) values ('X', 'Instituição X', '[]') returning id`);
    const user = await one(sql<{ id: number }>`insert into users (sub, name, email, created_at) values ('c', 'Cidadã', null, ${AT}) returning id`);
    const service = await one(
      sql<{ id: number }>`insert into services (institution_id, status, created_at, updated_at) values (${inst.id}, 'published', ${AT}, ${AT}) returning id`,
    );
    const version = await one(
      sql<{
        id: number;
      }>`insert into service_versions (service_id, version, name, description, fields, documents, deadline_days, deadline_kind, published_at, created_at)
        values (${service.id}, 1, 'S', 'd', '[]', '[]', 10, 'calendar', ${AT}, ${AT}) returning id`,
    );
    const request = async (protocol: string, status: string) =>
      one(
        sql<{
          id: number;
        }>`insert into requests (protocol, institution_id, service_id, service_version_id, citizen_id, citizen_name, search_text, form_data, status, filed_at, due_at, version, updated_at)
          values (${protocol}, ${inst.id}, ${service.id}, ${version.id}, ${user.id}, 'Cidadã', ${protocol}, '{}', ${status}, ${AT}, ${AT}, 1, ${AT}) returning id`,
      );
    const evaluated = await request('P1', 'evaluated');
    const open = await request('P2', 'in_service');
    await sql`insert into evaluations (request_id, institution_id, verdict, rating, comment, status, created_at)
      values (${evaluated.id}, ${inst.id}, 'rejected', 2, 'Demorou', 'approved', ${AT})`.execute(db);

    await migrateToLatest(db);
    const current = await db.selectFrom('requests').select(['id', 'evaluation_id']).orderBy('id').execute();
    const [e] = await db.selectFrom('evaluations').selectAll().execute();
    assert.deepEqual(
      current.map((r) => [Number(r.id), r.evaluation_id === null ? null : Number(r.evaluation_id)]),
      [
        [evaluated.id, Number(e.id)],
        [open.id, null],
      ],
    );
    assert.equal(Number(e.service_id), service.id);
    assert.equal(e.published_text, 'Demorou', 'an approved comment was published as written');
    assert.equal(Number(e.masked), 0);

    const version0 = async () => Number((await one(sql<{ v: number }>`select sum(version) as v from queue_versions where institution_id = ${inst.id}`)).v);
    const bumped = await version0();
    const evaluate = (comment: string) =>
      db
        .insertInto('evaluations')
        .values({
          request_id: evaluated.id,
          institution_id: inst.id,
          service_id: service.id,
          verdict: 'approved',
          rating: 5,
          comment,
          status: 'pending',
          created_at: AT,
        })
        .execute();
    await evaluate('Resolveram');
    assert.ok((await version0()) > bumped, 'a new evaluation bumps the queue version (trigger recreated)');
    assert.equal((await db.selectFrom('evaluations').select('id').where('request_id', '=', evaluated.id).execute()).length, 2);

    await migrateTo(db, BEFORE);
    const rows = await db.selectFrom('evaluations').select(['request_id', 'comment']).execute();
    assert.deepEqual(
      rows.map((r) => [Number(r.request_id), r.comment]),
      [[evaluated.id, 'Resolveram']],
      'one per request again: the latest',
    );
    await assert.rejects(evaluate('Outra'), 'UNIQUE again (its service column is gone, or the request has one)');
    await migrateToLatest(db);
    await evaluate('De novo');
    assert.equal((await db.selectFrom('evaluations').select('id').where('request_id', '=', evaluated.id).execute()).length, 2);
  });
});
