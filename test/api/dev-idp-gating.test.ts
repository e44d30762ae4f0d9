// When the development identity provider runs: only when asked for (--demo
// or DEV_IDP=1), never beside an SSO, never unless NODE_ENV is unset,
// development or test (any case), and loudly in the log when it does.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { loadConfig } from '../../bff/config.js';
import { createLogger } from '../../bff/log.js';
import { createTestContext } from '../helpers.js';

const SSO = { SSO_JWKS_URL: 'https://sso.example.gov.br/jwks.json', SSO_ISSUER: 'https://sso.example.gov.br', SSO_AUDIENCE: 'atende' };

describe('development identity provider gating', () => {
  for (const nodeEnv of ['Production', 'prod', 'PRODUCTION', 'production', 'staging', 'homolog', ' production ']) {
    test(`DEV_IDP=1 with NODE_ENV=${JSON.stringify(nodeEnv)} refuses to start`, () => {
      assert.throws(() => loadConfig({ DEV_IDP: '1', NODE_ENV: nodeEnv }), /NODE_ENV unset, development or test/);
    });
    test(`--demo with NODE_ENV=${JSON.stringify(nodeEnv)} refuses to start`, () => {
      assert.throws(() => loadConfig({ NODE_ENV: nodeEnv }, { demo: true }), /NODE_ENV unset, development or test/);
    });
  }

  for (const nodeEnv of [undefined, '', 'development', 'Development', 'DEVELOPMENT', 'test', 'TEST', 'Test']) {
    test(`DEV_IDP=1 runs with NODE_ENV=${JSON.stringify(nodeEnv)}`, () => {
      assert.equal(loadConfig({ DEV_IDP: '1', NODE_ENV: nodeEnv }).devIdp, true);
      assert.equal(loadConfig({ DEV_IDP: 'TRUE', NODE_ENV: nodeEnv }).devIdp, true);
      assert.equal(loadConfig({ NODE_ENV: nodeEnv }, { demo: true }).devIdp, true, '--demo asks for it');
    });
  }

  test('never unless asked for: no DEV_IDP and no --demo is no dev identity provider', () => {
    assert.equal(loadConfig({ ...SSO, NODE_ENV: 'development' }).devIdp, false);
    assert.equal(loadConfig({ ...SSO }).devIdp, false);
    assert.throws(() => loadConfig({ NODE_ENV: 'test' }), /No identity provider/);
    assert.throws(() => loadConfig({ DEV_IDP: '0' }, { demo: true }), /No identity provider/, 'DEV_IDP=0 overrides --demo');
    assert.throws(() => loadConfig({ DEV_IDP: 'yes' }), /DEV_IDP: "yes"/, 'an unclear value is refused, not read as off');
  });

  test('DEV_IDP beside a configured SSO refuses to start', () => {
    for (const flag of ['1', 'true']) {
      assert.throws(() => loadConfig({ ...SSO, DEV_IDP: flag }), /SSO/);
      assert.throws(() => loadConfig({ ...SSO, DEV_IDP: flag, NODE_ENV: 'development' }), /SSO/);
    }
    // --demo only asks for it when no SSO is set up: the SSO wins, no dev tokens.
    assert.equal(loadConfig({ ...SSO }, { demo: true }).devIdp, false);
  });

  test('when it runs, the log says so at error level', async () => {
    const lines: { level: number; msg: string }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const t = await createTestContext({ log: createLogger('error', sink), empty: true });
    try {
      const loud = lines.find((l) => /DEVELOPMENT IDENTITY PROVIDER ENABLED/.test(l.msg));
      assert.ok(loud, 'a log line says the development identity provider is on');
      assert.equal(loud.level, 50, 'error level: shown at every LOG_LEVEL but silent');
    } finally {
      await t.close();
    }
  });
});
