import assert from 'node:assert/strict';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { QueryTemplates, param } from '../../db/queries/templates.js';

interface TestSchema { t: { id: number; name: string } }
const db = new Kysely<TestSchema>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });

test('a query template is built once per shape and each call runs with its own values', async () => {
  await db.schema.createTable('t').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('name', 'text').execute();
  await db.insertInto('t').values([{ id: 1, name: 'Ana' }, { id: 2, name: 'Bia' }, { id: 3, name: 'Caio' }]).execute();
  const templates = new QueryTemplates();
  let builds = 0;
  const byName = (name: string) =>
    templates.compile('by-name', () => {
      builds++;
      return db.selectFrom('t').select('id').where('name', '=', param<string>('name'));
    }, { name });
  assert.deepEqual((await db.executeQuery(byName('Bia'))).rows, [{ id: 2 }]);
  assert.deepEqual((await db.executeQuery(byName('Caio'))).rows, [{ id: 3 }]);
  assert.equal(builds, 1);
  assert.equal(templates.size, 1);
});

test('a template refuses a value not given through param(), and a missing value', () => {
  const templates = new QueryTemplates();
  assert.throws(() => templates.compile('literal', () => db.selectFrom('t').select('id').where('name', '=', 'Ana'), {}), /not given through param/);
  assert.throws(() => templates.compile('missing', () => db.selectFrom('t').select('id').where('id', '=', param<number>('id')), {}), /no value for id/);
});
