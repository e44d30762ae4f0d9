import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { QueryTemplates, listValues, param, params } from '../../db/queries/templates.js';
import { createTestContext } from '../helpers.js';

interface TestSchema {
  t: { id: number; name: string };
}
const db = new Kysely<TestSchema>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });

test('a query template is built once per shape and each call runs with its own values', async () => {
  await db.schema
    .createTable('t')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .execute();
  await db
    .insertInto('t')
    .values([
      { id: 1, name: 'Ana' },
      { id: 2, name: 'Bia' },
      { id: 3, name: 'Caio' },
    ])
    .execute();
  const templates = new QueryTemplates();
  let builds = 0;
  const byName = (name: string) =>
    templates.run(
      db,
      'by-name',
      () => {
        builds++;
        return db.selectFrom('t').select('id').where('name', '=', param<string>('name'));
      },
      { name },
    );
  assert.deepEqual(await byName('Bia'), [{ id: 2 }]);
  assert.deepEqual(await byName('Caio'), [{ id: 3 }]);
  assert.equal(builds, 1);
  assert.equal(templates.size, 1);
  // Another number of values in a list is another shape.
  const byIds = (ids: number[]) =>
    templates.run(
      db,
      'by-ids',
      () => db.selectFrom('t').select('name').where('id', 'in', params<number>('id', ids.length)).orderBy('id'),
      listValues('id', ids),
    );
  assert.deepEqual(await byIds([1, 3]), [{ name: 'Ana' }, { name: 'Caio' }]);
  assert.deepEqual(await byIds([2]), [{ name: 'Bia' }]);
  assert.equal(templates.size, 3);
});

test('a template refuses a value not given through param(), and a missing value', () => {
  const templates = new QueryTemplates();
  assert.throws(() => templates.compile('literal', () => db.selectFrom('t').select('id').where('name', '=', 'Ana'), {}), /not given through param/);
  assert.throws(() => templates.compile('missing', () => db.selectFrom('t').select('id').where('id', '=', param<number>('id')), {}), /no value for id/);
});

test('rows read as arrays (SQLite) or objects (PostgreSQL) come back as objects named like the select', async (t) => {
  // Through the app's connection, where the ARRAY_ROWS hint takes effect.
  const ctx = await createTestContext({ empty: true });
  t.after(() => ctx.close());
  const { db: appDb } = ctx.database;
  await appDb.insertInto('institutions').values({ acronym: 'DETRAN', name: 'Departamento', units: '[]' }).execute();
  const templates = new QueryTemplates();
  const build = () => appDb.selectFrom('institutions as i').select(['i.id', 'i.acronym as code', 'name']).where('i.acronym', '=', param<string>('acronym'));
  const raw = await appDb.executeQuery(templates.compile('names', build, { acronym: 'DETRAN' }, { arrayRows: true }));
  assert.equal(Array.isArray(raw.rows[0]), ctx.database.dialect === 'sqlite', 'arrays on SQLite only');
  assert.deepEqual(await templates.run(appDb, 'names', build, { acronym: 'DETRAN' }, { arrayRows: true }), [{ id: 1, code: 'DETRAN', name: 'Departamento' }]);
});
