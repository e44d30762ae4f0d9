// Forged and broken tokens are all 401; unknown subjects are provisioned with no role.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { AUDIENCE, ISSUER, type TestContext, createTestContext } from '../helpers.js';

describe('token verification', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  const now = () => Math.floor(t.clock.now.getTime() / 1000);
  const claims = () => ({ sub: 'attendant', iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 3600 });
  const me = (token: string) => t.call('GET', '/api/me', { as: token });
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

  async function signWith(payload: Record<string, unknown>, key?: CryptoKey | Uint8Array, alg = 'ES256') {
    if (!key) key = (await generateKeyPair('ES256')).privateKey;
    return new SignJWT(payload).setProtectedHeader({ alg, kid: t.idp.jwks.keys[0].kid }).sign(key);
  }

  test('a genuine token works', async () => {
    assert.equal((await me(await t.token('attendant'))).status, 200);
  });

  const forged: [string, () => Promise<string>][] = [
    ['alg none', async () => new UnsecuredJWT(claims()).encode()],
    ['signed by another key with the same kid', async () => signWith(claims())],
    ['expired', async () => t.idp.sign({ sub: 'attendant', name: 'x', email: null }, -120)],
    ['not yet valid (nbf in an hour)', async () => t.idp.sign({ sub: 'attendant', name: 'x', email: null }, 7200, { nbf: now() + 3600 })],
    ['wrong issuer', async () => signWith({ ...claims(), iss: 'https://evil.example' })],
    ['wrong issuer (signed by the trusted key)', async () => t.idp.sign({ sub: 'attendant', name: 'x', email: null }, 3600, { iss: 'https://evil.example' })],
    ['wrong audience (signed by the trusted key)', async () => t.idp.sign({ sub: 'attendant', name: 'x', email: null }, 3600, { aud: 'other-app' })],
    [
      'tampered payload (sub changed)',
      async () => {
        const [h, p, s] = (await t.token('citizen')).split('.');
        const body = JSON.parse(Buffer.from(p, 'base64url').toString());
        return `${h}.${b64({ ...body, sub: 'manager' })}.${s}`;
      },
    ],
    [
      'HS256 signed with the public key',
      async () => {
        const pub = JSON.stringify(t.idp.jwks.keys[0]);
        return signWith(claims(), new TextEncoder().encode(pub), 'HS256');
      },
    ],
    ['no exp claim (signed by the trusted key)', async () => t.idp.sign({ sub: 'attendant', name: 'x', email: null }, 3600, { exp: null })],
    ['garbage', async () => 'not.a.token'],
  ];
  for (const [name, make] of forged) {
    test(`401 for ${name}`, async () => {
      const res = await me(await make());
      assert.equal(res.status, 401);
      assert.match(res.headers.get('Content-Type') ?? '', /problem\+json/);
      assert.match(res.headers.get('WWW-Authenticate') ?? '', /^Bearer/);
    });
  }

  test('a token signed by an issuer with a valid key but no trust is refused', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    assert.ok(await exportJWK(publicKey));
    const token = await new SignJWT({ ...claims(), iss: 'https://sso.other.gov.br' }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
    assert.equal((await me(token)).status, 401);
  });

  test('an unknown subject is provisioned from the claims with no role', async () => {
    const token = await t.idp.sign({ sub: 'novo.cidadao', name: 'Novo Cidadão', email: 'novo@exemplo.com.br' });
    const res = await me(token);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.name, 'Novo Cidadão');
    assert.deepEqual(body.roles, []);
    assert.deepEqual(body.memberships, []);
    const queue = await t.call('GET', '/api/requests?as=staff', { as: token });
    assert.equal(queue.status, 403, 'claims never grant a role');
  });

  test('a revoked role stops working within the identity TTL (5 s)', async () => {
    const token = await t.token('attendant2');
    assert.equal((await t.call('GET', '/api/requests?as=staff', { as: token })).status, 200);
    await t.database.db.updateTable('memberships').set({ revoked_at: t.clock.now.toISOString() }).where('user_id', '=', t.fx.users.attendant2.id).execute();
    t.clock.now = new Date(t.clock.now.getTime() + 6000);
    assert.equal((await t.call('GET', '/api/requests?as=staff', { as: token })).status, 403);
  });

  test('a role claim in the token grants nothing', async () => {
    const [h, , s] = (await t.token('citizen')).split('.');
    const res = await me(`${h}.${b64({ ...claims(), sub: 'citizen', roles: ['manager'] })}.${s}`);
    assert.equal(res.status, 401, 'changing the payload breaks the signature');
  });
});

describe('the token subject (sub)', () => {
  let t: TestContext;
  before(async () => (t = await createTestContext()));
  after(() => t.close());

  const me = (token: string) => t.call('GET', '/api/me', { as: token });
  const withSub = (sub: unknown) => t.idp.sign({ sub: 'placeholder', name: 'Pessoa', email: null }, 3600, { sub });

  const refused: [string, unknown][] = [
    ['an array', ['citizen', 'x']],
    ['an object', {}],
    ['a number', 12345],
    ['true', true],
    ['an empty string', ''],
    ['blanks only', '   '],
    ['256 characters', 'a'.repeat(256)],
    ['a NUL byte', 'cidadao\u0000x'],
    ['a line feed', 'cidadao\nx'],
    ['a C1 control character', 'cidadao\u0085'],
  ];
  for (const [name, sub] of refused) {
    test(`a token whose sub is ${name} is refused with 401`, async () => {
      const res = await me(await withSub(sub));
      assert.equal(res.status, 401);
      assert.match(res.headers.get('Content-Type') ?? '', /problem\+json/);
      assert.match((await res.json()).detail, /sub/);
    });
  }

  test('two long subjects that share their first 255 characters are not one user', async () => {
    const ok = await me(await withSub('b'.repeat(255)));
    assert.equal(ok.status, 200, '255 characters is a valid subject');
    assert.equal((await me(await withSub(`${'b'.repeat(255)}-other`))).status, 401);
    assert.equal((await t.database.db.selectFrom('users').select('id').where('sub', 'like', 'bbb%').execute()).length, 1);
  });

  test('control characters in the name are dropped, not stored', async () => {
    const res = await me(await t.idp.sign({ sub: 'nome.controle', name: 'Ana\u0000 Maria\u0007', email: 'ana\u0000@exemplo.com.br' }));
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.name, 'Ana Maria');
  });
});
