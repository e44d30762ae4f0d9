// Element tests in real Chromium against the real BFF: the Hono app is built
// here on a fresh temporary SQLite database with the demo seed and mounted
// into the test server, so /api/*, /dev/* and the shared agenda pages
// (/agenda/:token) answer on the same origin.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { register } from 'tsx/esm/api';

register();
const [{ connect }, { fileStoreFor }, { migrateToLatest }, { seedDemo }, { DEMO_USERS }, { createDevIdp }, { createVerifier }, { loadConfig }, { buildApp }] =
  await Promise.all([
    import('./db/connect.ts'),
    import('./db/file-store.ts'),
    import('./db/migrate.ts'),
    import('./seed/demo-seed.ts'),
    import('./seed/demo-users.ts'),
    import('./bff/dev-idp.ts'),
    import('./bff/auth.ts'),
    import('./bff/config.ts'),
    import('./bff/app.ts'),
  ]);

const dir = mkdtempSync(join(tmpdir(), 'atende-wtr-'));
const database = connect(join(dir, 'atende.db'));
await migrateToLatest(database.db);
await seedDemo(database.db, { now: new Date(), holidays: new Set(), timeZone: 'America/Porto_Velho' });
const idp = await createDevIdp('http://atende.test/dev', 'atende', { users: DEMO_USERS });
/** The app on the test database; `env` adds settings (TIME_ZONE). */
const appWith = (env = {}) =>
  buildApp({
    db: database.db,
    // Every test file mints its tokens from the same address: no dev-token limit here.
    config: loadConfig({ DEV_IDP: '1', LOG_LEVEL: 'silent', RATE_LIMIT_DEV_TOKENS: '0', ...env }),
    now: () => new Date(),
    verify: createVerifier([idp.trusted], { clockToleranceSeconds: 30 }),
    devIdp: idp,
    fileStore: fileStoreFor(join(dir, 'atende.db')),
  });
// The app in the default zone (America/Porto_Velho) at /api; the same data
// from a server in Brasília's zone at /sao-paulo/api, for the tests that
// check the elements follow the server's TIME_ZONE.
const listener = getRequestListener(appWith().fetch);
const saoPaulo = getRequestListener(appWith({ TIME_ZONE: 'America/Sao_Paulo' }).fetch);

/**
 * The browser's own zone in every test: neither server's, and a day ahead of
 * Brazil in the evening, so an element that used it would show other hours
 * and, late in the day, other dates.
 */
export const BROWSER_TIME_ZONE = 'Asia/Tokyo';

// The video scheduler's tests need a join answer with a Jitsi domain: a
// second instance of the app on the same database, with JITSI_DOMAIN set to
// this test server's own host (known at the first request), answers under
// /video-api/ (the prefix stripped to /api/); /external_api.js, which the
// element then loads from that "Jitsi", is a stand-in that records its
// arguments (test/e2e/jitsi-external-api.stand-in.js).
let videoListener;
function videoApp(host) {
  videoListener ??= getRequestListener(appWith({ JITSI_DOMAIN: host }).fetch);
  return videoListener;
}
const jitsiStandIn = readFileSync(new URL('./test/e2e/jitsi-external-api.stand-in.js', import.meta.url), 'utf8');

/** Forwards the API, the dev identity provider and the shared agenda pages to the real app. */
function bff() {
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/dev/') || ctx.path.startsWith('/agenda/')) {
      ctx.respond = false;
      await listener(ctx.req, ctx.res);
      return;
    }
    if (ctx.path.startsWith('/video-api/')) {
      ctx.respond = false;
      ctx.req.url = ctx.req.url.replace(/^\/video-api\//, '/api/');
      await videoApp(ctx.host)(ctx.req, ctx.res);
      return;
    }
    if (ctx.path === '/external_api.js') {
      ctx.type = 'text/javascript';
      ctx.body = jitsiStandIn;
      return;
    }
    if (ctx.path.startsWith('/sao-paulo/api/')) {
      ctx.respond = false;
      ctx.req.url = ctx.req.url.slice('/sao-paulo'.length);
      await saoPaulo(ctx.req, ctx.res);
      return;
    }
    // The demo pages load the built bundle; in tests they get the sources
    // (a redirect, so relative imports resolve from components/).
    if (ctx.path === '/dist/atende.js') return ctx.redirect('/components/define.ts');
    return next();
  };
}

// Also on an interrupted run.
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Writes the pass/fail counts where `npm test` (scripts/test.mjs) reads them. */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const file = process.env.ATENDE_WTR_RESULTS;
      if (!file) return;
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.passed) passed++;
          else if (!t.skipped) failed++;
        }
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const s of sessions) {
        walk(s.testResults);
        if (s.errors?.length) failed += s.errors.length;
      }
      writeFileSync(file, JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  reporters: [defaultReporter(), countsReporter()],
  files: ['components/**/*.test.ts', 'test/e2e/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 900_000,
  // Generous: a loaded CI machine runs the end-to-end flow several times slower; tests wait on state (test-support until()), never on time.
  testFramework: { config: { timeout: 60_000 } },
  middleware: [bff()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }), { name: 'atende-cleanup', serverStop: cleanUp }],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      },
      createBrowserContext: ({ browser }) => browser.newContext({ timezoneId: BROWSER_TIME_ZONE }),
    }),
  ],
};
