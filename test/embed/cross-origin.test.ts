// The README's embedding recipe, followed literally from a portal on another
// origin in real Chromium: the "Embedding in a portal" snippet is cut out of
// README.md, its host replaced by the Atende server's address, and served by
// a second server (the portal). The portal lists itself in CORS_ORIGINS; a
// third server on an origin that is not listed gets nothing.
//
// The Atende side is the real app with serveDemo over a bundle built here
// from vite.config.ts (its main build, into a temporary folder: the shared
// dist/ is left to `npm start` and the benchmarks).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, readdirSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRequire } from 'node:module';
import { serve } from '@hono/node-server';
import { type Browser, type Page, chromium } from 'playwright-core';
import { build } from 'vite';
import { IMMUTABLE, REVALIDATE, serveDemo } from '../../bff/static.js';
import { type TestContext, createTestContext, filingBody } from '../helpers.js';
import viteConfig from '../../vite.config.js';

const root = join(import.meta.dirname, '..', '..');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['atende-session', 'atende-request-queue', 'atende-analysis-form', 'atende-follow-up-thread'];

/** The HTML block of README.md's "Embedding in a portal" section. */
function readmeSnippet(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Embedding in a portal'));
  const match = /```html\n([\s\S]*?)```/.exec(section);
  assert.ok(match, 'README.md has the embedding snippet');
  return match[1];
}

/** A portal page: its own chrome, its SSO stand-in (`portalSso`, what the snippet calls), then the README's snippet as written. */
function portalPage(atende: string, requestId: number): string {
  const snippet = readmeSnippet().replaceAll('https://atende.example.gov.br', atende).replaceAll('"123"', `"${requestId}"`);
  return `<!doctype html>
<html lang="pt-BR">
<head><meta charset="utf-8"><title>Portal do Estado</title></head>
<body>
<header><p>Portal de Serviços do Estado</p></header>
<main>
<h1>Minhas solicitações</h1>
<script>
  // The portal's SSO client: its own backend hands out the signed-in citizen's access token.
  window.portalSso = { getAccessToken: () => fetch('/sso/token').then((r) => r.json()).then((b) => b.token) };
</script>
${snippet}
</main>
</body>
</html>`;
}

/** Waits for a state of this process (a console message arrived); the test's own timeout bounds it. */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 20));
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('embedding from another origin, as the README says', () => {
  let t: TestContext;
  let site: string;
  let browser: Browser;
  let atende: ReturnType<typeof serve>;
  let portal: Server;
  let stranger: Server;
  let atendeOrigin: string;
  let portalOrigin: string;
  let strangerOrigin: string;
  const filed: { id: number; protocol: string }[] = [];

  before(async () => {
    // The bundle as `npm run build` makes it (minus the per-element entries and the type declarations).
    site = mkdtempSync(join(tmpdir(), 'atende-embed-'));
    symlinkSync(join(root, 'demo'), join(site, 'demo'));
    mkdirSync(join(site, 'dist'));
    await build({
      ...viteConfig,
      configFile: false,
      logLevel: 'silent',
      root,
      plugins: viteConfig.plugins?.filter((p) => !(p && 'name' in p && p.name === 'atende-elements-and-types')),
      build: { ...viteConfig.build, outDir: join(site, 'dist'), emptyOutDir: true, sourcemap: false },
    });

    let page = '';
    const portalHandler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      if (req.url === '/sso/token') {
        void t.token(t.fx.users.citizen.sub).then((token) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ token }));
        });
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page);
    };
    portal = createServer(portalHandler);
    stranger = createServer(portalHandler);
    portalOrigin = `http://127.0.0.1:${await listen(portal)}`;
    strangerOrigin = `http://127.0.0.1:${await listen(stranger)}`;

    t = await createTestContext({ env: { CORS_ORIGINS: portalOrigin } });
    serveDemo(t.app as never, site, { corsOrigins: [portalOrigin] });
    atende = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => atende.once('listening', resolve));
    atendeOrigin = `http://127.0.0.1:${(atende.address() as AddressInfo).port}`;

    for (let i = 0; i < 2; i++) {
      const res = await t.call('POST', '/api/requests', { as: 'citizen', body: filingBody(t.fx.service) });
      assert.equal(res.status, 201);
      filed.push(await res.json());
    }
    page = portalPage(atendeOrigin, filed[0].id);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => atende?.close(resolve));
    portal?.close();
    stranger?.close();
    await t?.close();
    rmSync(site, { recursive: true, force: true });
  });

  /** Opens `origin`'s portal page; collects every console error and uncaught exception. */
  async function open(origin: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/`);
    return { page, errors };
  }

  test("a listed portal loads the bundle and its chunks: the elements work with the host's token, in both languages, axe clean", async () => {
    const { page, errors } = await open(portalOrigin);
    try {
      await page
        .waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), TAGS)
        .catch((err: Error) => {
          throw new Error(`the elements were not defined: ${errors.join(' | ') || err.message}`);
        });
      // The queue lists the citizen's requests from the API, with the token the portal handed over.
      const rows = page.locator('atende-request-queue tbody tr');
      await rows.filter({ hasText: filed[1].protocol }).waitFor();
      await rows.filter({ hasText: filed[0].protocol }).waitFor();
      // The request of the snippet's request-id, and its thread.
      await page.locator('atende-analysis-form h2', { hasText: `Solicitação ${filed[0].protocol}` }).waitFor();
      await page.waitForFunction(() => {
        const thread = document.querySelector('atende-follow-up-thread');
        return !!thread?.shadowRoot && !thread.shadowRoot.querySelector('.loading, .spinner') && (thread.shadowRoot.textContent ?? '').trim().length > 0;
      });

      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], 'axe finds nothing on the portal page');

      // lang="en" (README) loads the English text, a separate chunk, from the same server.
      await page.evaluate(() => document.querySelector('atende-session')!.setAttribute('lang', 'en'));
      await page.locator('atende-request-queue h2', { hasText: 'My requests' }).waitFor();
      await page.locator('atende-analysis-form h2', { hasText: `Request ${filed[0].protocol}` }).waitFor();

      assert.deepEqual(errors, [], 'no console error');
    } finally {
      await page.close();
    }
  });

  test('an origin missing from CORS_ORIGINS gets neither the bundle nor the API', async () => {
    const { page, errors } = await open(strangerOrigin);
    try {
      await page.waitForFunction(() => document.readyState === 'complete');
      await until(() => errors.some((e) => /CORS policy/.test(e)));
      assert.ok(
        errors.some((e) => /CORS policy/.test(e) && e.includes('/dist/atende.js')),
        `the browser refused the bundle: ${errors.join(' | ')}`,
      );
      assert.deepEqual(await page.evaluate((tags) => tags.filter((tag) => customElements.get(tag)), TAGS), [], 'no element is defined');
      const token = await t.token(t.fx.users.citizen.sub);
      const api = await page.evaluate(
        ([url, token]) =>
          fetch(url, { headers: { Authorization: `Bearer ${token}` } }).then(
            (r) => `read ${r.status}`,
            () => 'refused',
          ),
        [`${atendeOrigin}/api/requests`, token],
      );
      assert.equal(api, 'refused');
    } finally {
      await page.close();
    }
  });

  test("the bundle's headers: CORS per listed origin with Vary, hashed chunks immutable, the entry revalidated", async () => {
    const dist = join(site, 'dist');
    const chunk = readdirSync(dist).find((f) => /^i18n-en-.+\.js$/.test(f));
    assert.ok(chunk, 'the English text is a chunk of its own');
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${atendeOrigin}${path}`, { headers });

    const entry = await get('/dist/atende.js', { Origin: portalOrigin });
    assert.equal(entry.status, 200);
    assert.equal(entry.headers.get('Access-Control-Allow-Origin'), portalOrigin);
    assert.match(entry.headers.get('Vary') ?? '', /\bOrigin\b/);
    assert.equal(entry.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
    assert.equal(entry.headers.get('Cache-Control'), REVALIDATE);
    const etag = entry.headers.get('ETag');
    assert.ok(etag, 'the entry has a validator');
    await entry.arrayBuffer();
    const again = await get('/dist/atende.js', { Origin: portalOrigin, 'If-None-Match': etag });
    assert.equal(again.status, 304, 'an unchanged entry is not sent again');
    assert.equal(again.headers.get('Access-Control-Allow-Origin'), portalOrigin, 'the 304 keeps the CORS header');

    const hashed = await get(`/dist/${chunk}`, { Origin: portalOrigin });
    assert.equal(hashed.status, 200);
    assert.equal(hashed.headers.get('Cache-Control'), IMMUTABLE);
    assert.equal(hashed.headers.get('Access-Control-Allow-Origin'), portalOrigin);
    await hashed.arrayBuffer();

    const refused = await get('/dist/atende.js', { Origin: strangerOrigin });
    assert.equal(refused.headers.get('Access-Control-Allow-Origin'), null);
    assert.match(refused.headers.get('Vary') ?? '', /\bOrigin\b/, 'a shared cache keeps the answers per origin');
    await refused.arrayBuffer();
  });
});
