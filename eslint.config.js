// ESLint over the whole tree (`npm run lint`, and the first check of `npm test`).
// The recommended rule sets (JavaScript, TypeScript, Lit, custom elements,
// Lit accessibility), plus the direction of every import between our folders:
//
//   components/  → components/, contract/
//   contract/    → contract/ only
//   bff/domain/  → bff/domain/, contract/
//   bff/         → anything but components/ and seed/ (bff/server.ts may import seed/: the demo seed runs at start-up)
//   db/          → db/ only (its schema, queries and migrations)
//   seed/        → seed/, db/, contract/, bff/domain/
//
// npm packages are always allowed. test/dependency-direction.test.ts proves that
// each rule catches a reversed import.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Deepest file below a folder that the direction rules cover (folder/a/b/c/d/file.ts). */
const MAX_DEPTH = 5;

/**
 * One `no-restricted-imports` block for `files`, whose relative imports reach
 * the root with `depth` times `../`. With `allow`, an import that climbs `out`
 * levels or more (out of its folder) is an error unless it lands in one of the
 * `allow` folders; with `deny`, only imports that land in a `deny` folder are.
 */
function restrict(files, depth, out, { allow, deny, message }) {
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const toRoot = `(?:\\.\\./){${depth}}`;
  const regex = allow ? `^(?!${toRoot}(?:${allow.map(esc).join('|')})/)(?:\\.\\./){${out}}` : `^${toRoot}(?:${deny.map(esc).join('|')})(?:/|$)`;
  return {
    name: `atende/direction/${files}`,
    files: [files],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex, message }] }] },
  };
}

/**
 * The blocks for every file of `folder`, one per depth (our imports are
 * relative: from `db/queries/x.ts`, `../` stays in db/ and `../../` reaches the
 * root).
 */
function direction(folder, rule) {
  const own = folder.split('/').length;
  return Array.from({ length: MAX_DEPTH }, (_, below) => restrict(`${folder}/${'*/'.repeat(below)}*.{ts,js,mjs}`, own + below, below + 1, rule));
}

export default defineConfig(
  {
    ignores: ['dist/', 'tmp-cem/', 'node_modules/', 'bench/results/', 'bench/.data/', 'data/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'atende/node',
    files: ['bff/**', 'db/**', 'seed/**', 'contract/**', 'bench/**', 'scripts/**', 'test/**', '*.{js,mjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'atende/browser',
    files: ['components/**', 'demo/**', 'test/e2e/**', 'bench/elements*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'atende/elements',
    files: ['components/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  { ...wc.configs['flat/recommended'], files: ['components/**/*.ts'] },
  { ...litA11y.configs.recommended, files: ['components/**/*.ts'] },
  {
    name: 'atende/chai',
    files: ['components/**/*.test.ts', 'test/e2e/**/*.ts'],
    // Chai's property assertions (`expect(x).to.exist`, `.to.be.true`) are expressions by design.
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      // Browser tests wait on state with test-support's until(): waitUntil's 1 s default and
      // aTimeout/nextFrame wait on time, which fails on a loaded machine.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='@open-wc/testing'] ImportSpecifier[imported.name=/^(waitUntil|aTimeout|nextFrame)$/]",
          message: 'Wait on state with until() from components/internal/test-support.ts, not on time.',
        },
      ],
    },
  },
  {
    name: 'atende/migrations',
    files: ['db/migrations/**', 'db/migrate.ts'],
    // Migrations take Kysely<any> (Kysely's documented idiom): they must not depend on today's schema types.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    name: 'atende/queue-table',
    files: ['components/request-queue/request-queue.ts'],
    // The narrow layout sets display:block on thead/tbody, which drops their implicit rowgroup role: it is stated on purpose.
    rules: { 'lit-a11y/no-redundant-role': 'off' },
  },
  {
    name: 'atende/rules',
    rules: {
      // `_`-prefixed names mark a parameter or element that is there for its position.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },

  // The direction of imports (see the top of this file). Later blocks win for
  // the files they match, so the narrower folders come after the wider ones.
  ...direction('components', {
    allow: ['components', 'contract'],
    message: 'components/ imports only from components/ and contract/ (and npm packages).',
  }),
  ...direction('contract', {
    allow: ['contract'],
    message: 'contract/ imports nothing of ours outside contract/: both the elements and the BFF depend on it.',
  }),
  ...direction('bff', {
    deny: ['components', 'seed'],
    message: 'bff/ does not import the elements (components/) or the demo seed (seed/; only bff/server.ts runs it).',
  }),
  restrict('bff/server.ts', 1, 1, {
    deny: ['components'],
    message: 'bff/ does not import the elements (components/).',
  }),
  ...direction('bff/domain', {
    allow: ['bff/domain', 'contract'],
    message: 'bff/domain/ imports only contract/ and itself: the rules know nothing of HTTP or the database.',
  }),
  ...direction('db', {
    allow: ['db'],
    message: 'db/ imports only its own schema, queries and migrations: not bff/, contract/, seed/ or components/.',
  }),
  ...direction('seed', {
    allow: ['seed', 'db', 'contract', 'bff/domain'],
    message: 'seed/ imports only db/, contract/ and bff/domain/.',
  }),
);
