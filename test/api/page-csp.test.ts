// The demo pages' Content Security Policy: strict, and with a Jitsi (JITSI_DOMAIN)
// its origin may run external_api.js and frame the call — otherwise "Acessar"
// on the demo pages would be blocked by the page itself.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Hono } from 'hono';
import { jitsiOrigin } from '../../contract/meetings.js';
import type { AppEnv } from '../../bff/env.js';
import { serveDemo } from '../../bff/static.js';

const site = mkdtempSync(join(tmpdir(), 'atende-csp-'));
mkdirSync(join(site, 'demo'));
writeFileSync(join(site, 'demo', 'sei.html'), '<!doctype html><title>SEI</title>');
after(() => rmSync(site, { recursive: true, force: true }));

async function cspOf(options: Parameters<typeof serveDemo>[2]): Promise<Map<string, string>> {
  const app = new Hono<AppEnv>();
  serveDemo(app, site, options);
  const res = await app.request('/sei.html');
  assert.equal(res.status, 200);
  const csp = res.headers.get('Content-Security-Policy') ?? '';
  return new Map(csp.split(';').map((d) => d.trim().split(/ (.*)/s) as [string, string]));
}

test('without a Jitsi, scripts and frames only from the page itself', async () => {
  const csp = await cspOf({});
  assert.equal(csp.get('script-src'), "'self'");
  assert.equal(csp.get('frame-src'), "'self' blob:");
});

test('with a Jitsi, its origin (https; http only on this machine) runs external_api.js and frames the call, and nothing else opens', async () => {
  const csp = await cspOf({ jitsiOrigin: jitsiOrigin('meet.example.gov.br') });
  assert.equal(csp.get('script-src'), "'self' https://meet.example.gov.br");
  assert.equal(csp.get('frame-src'), "'self' blob: https://meet.example.gov.br");
  assert.equal(csp.get('connect-src'), "'self'");
  assert.equal(jitsiOrigin('localhost:8443'), 'http://localhost:8443');
  assert.equal(jitsiOrigin('8x8.vc'), 'https://8x8.vc');
});
