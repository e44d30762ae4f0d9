// Every string field of every request schema refuses a NUL (U+0000), which
// PostgreSQL text and JSON cannot store: a field added without the shared
// string builder fails here.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import * as schemas from '../../contract/schemas.js';

const objects = (Object.entries(schemas) as [string, unknown][]).filter((e): e is [string, z.ZodObject] => e[1] instanceof z.ZodObject);

describe('contract strings', () => {
  test('the request schemas are found', () => {
    assert.ok(objects.length >= 10, objects.map(([n]) => n).join(', '));
  });

  for (const [name, schema] of objects) {
    test(`${name}: every field that takes text refuses a NUL and says so in Portuguese`, () => {
      for (const key of Object.keys(schema.shape)) {
        const issuesAt = (v: unknown) => (schema.safeParse({ [key]: v }).error?.issues ?? []).filter((i) => i.path[0] === key);
        // A field that takes plain text (no issue of its own for "ab").
        if (issuesAt('ab').length) continue;
        const issues = issuesAt('a\u0000b');
        assert.ok(issues.length, `${name}.${key} accepts a NUL`);
        assert.match(issues[0].message, /nulo/, `${name}.${key}: ${issues[0].message}`);
      }
    });
  }

  test('form data values and keys refuse a NUL, nested too', () => {
    for (const formData of [{ a: 'x\u0000' }, { a: [{ b: { c: 'x\u0000' } }] }, { a: { ['k\u0000']: 1 } }, { ['k\u0000']: 'x' }]) {
      const r = schemas.CreateRequestBody.safeParse({ serviceId: 1, formData });
      assert.ok(!r.success, JSON.stringify(formData));
    }
    assert.ok(schemas.CreateRequestBody.safeParse({ serviceId: 1, formData: { a: 'ç', b: [1, { c: 'x' }] } }).success);
  });
});
