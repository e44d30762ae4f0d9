// The direction of imports between our folders (eslint.config.js): each rule
// rejects a reversed import and lets the allowed ones through, so `npm test`
// (whose first check is ESLint) fails when someone adds one.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The import-direction errors ESLint reports for `code` as if it were the file `filePath`. */
async function directionErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** `from` may not import `specifier`. */
async function rejects(from: string, specifier: string, kind: 'import' | 'import type' | 'export' = 'import') {
  const code =
    kind === 'export'
      ? `export { x } from '${specifier}';\n`
      : kind === 'import type'
        ? `import type { X } from '${specifier}';\nexport type Y = X;\n`
        : `import '${specifier}';\n`;
  const errors = await directionErrors(from, code);
  assert.equal(errors.length, 1, `${from} importing ${specifier} (${kind}) should be an error`);
}

/** `from` may import `specifier`. */
async function allows(from: string, specifier: string) {
  assert.deepEqual(await directionErrors(from, `import '${specifier}';\n`), [], `${from} importing ${specifier} should be allowed`);
}

describe('dependency direction', () => {
  test('db/ imports only its own schema, queries and migrations', async () => {
    await rejects('db/queries/x.ts', '../../bff/app.js');
    await rejects('db/queries/x.ts', '../../bff/domain/deadlines.js', 'import type');
    await rejects('db/queries/x.ts', '../../contract/types.js', 'import type');
    await rejects('db/queries/x.ts', '../../bff/writes.js', 'export');
    await rejects('db/x.ts', '../seed/demo-seed.js');
    await rejects('db/x.ts', '../components/define.js');
    await rejects('db/migrations/x.ts', '../../test/helpers.js');
    await allows('db/queries/x.ts', '../schema.js');
    await allows('db/queries/x.ts', './search.js');
    await allows('db/x.ts', './schema.js');
    await allows('db/queries/x.ts', 'kysely');
  });

  test('contract/ imports nothing of ours outside contract/', async () => {
    await rejects('contract/x.ts', '../bff/validate.js');
    await rejects('contract/x.ts', '../db/schema.js', 'import type');
    await rejects('contract/x.ts', '../components/internal/api-client.js');
    await allows('contract/x.ts', './types.js');
    await allows('contract/x.ts', 'zod');
  });

  test('components/ imports only components/ and contract/', async () => {
    await rejects('components/request-queue/x.ts', '../../bff/app.js');
    await rejects('components/request-queue/x.ts', '../../db/schema.js', 'import type');
    await rejects('components/request-queue/x.ts', '../../test/helpers.js');
    await rejects('components/x.ts', '../seed/demo-users.js');
    await rejects('components/x.test.ts', '../bff/domain/deadlines.js');
    await allows('components/request-queue/x.ts', '../internal/api-client.js');
    await allows('components/request-queue/x.ts', '../../contract/types.js');
    await allows('components/x.ts', './internal/define-element.js');
    await allows('components/x.ts', '../contract/types.js');
    await allows('components/x.ts', 'lit');
  });

  test('bff/domain/ imports only contract/ and itself', async () => {
    await rejects('bff/domain/x.ts', '../errors.js');
    await rejects('bff/domain/x.ts', '../routes/requests.js');
    await rejects('bff/domain/x.ts', '../../db/schema.js', 'import type');
    await allows('bff/domain/x.ts', './deadlines.js');
    await allows('bff/domain/x.ts', '../../contract/types.js');
  });

  test('bff/ imports neither components/ nor seed/, except that bff/server.ts runs the demo seed', async () => {
    await rejects('bff/routes/x.ts', '../../components/define.js');
    await rejects('bff/routes/x.ts', '../../seed/demo-seed.js');
    await rejects('bff/app.ts', '../seed/demo-seed.js');
    await rejects('bff/server.ts', '../components/define.js');
    await allows('bff/server.ts', '../seed/demo-seed.js');
    await allows('bff/routes/x.ts', '../../db/queries/requests.js');
    await allows('bff/routes/x.ts', '../domain/permissions.js');
    await allows('bff/app.ts', '../contract/schemas.js');
  });

  test('seed/ imports only db/, contract/ and bff/domain/', async () => {
    await rejects('seed/x.ts', '../bff/app.js');
    await rejects('seed/x.ts', '../components/define.js');
    await allows('seed/x.ts', '../bff/domain/deadlines.js');
    await allows('seed/x.ts', '../db/schema.js');
    await allows('seed/x.ts', '../contract/types.js');
    await allows('seed/x.ts', './demo-users.js');
  });
});
