// A token signed by a key that has left the issuer's JWKS (rotated out or
// revoked) stops working within a minute, although the verifier caches
// verified tokens.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type JWK, type JWTVerifyGetKey, SignJWT, createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { type TrustedIssuer, createVerifier } from '../../bff/auth.js';
import { AUDIENCE } from '../helpers.js';

const ISS = 'https://sso.example.gov.br';

async function newKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } as JWK };
}

/** An issuer whose published key set the test changes, as an SSO rotating its keys would. */
function controlledIssuer(keys: JWK[]) {
  let keySet = createLocalJWKSet({ keys });
  const lookups = { count: 0 };
  const get: JWTVerifyGetKey = (header, token) => {
    lookups.count++;
    return keySet(header, token);
  };
  return {
    trusted: { issuer: ISS, audience: AUDIENCE, keySet: get } satisfies TrustedIssuer,
    publish: (next: JWK[]) => (keySet = createLocalJWKSet({ keys: next })),
    lookups,
  };
}

describe('verified-token cache and key rotation', () => {
  const clock = { now: new Date('2026-12-01T12:00:00Z') };
  const later = (seconds: number) => (clock.now = new Date(clock.now.getTime() + seconds * 1000));
  const sign = (key: { kid: string; privateKey: CryptoKey }, sub: string) => {
    const iat = Math.floor(clock.now.getTime() / 1000);
    return new SignJWT({ sub, iss: ISS, aud: AUDIENCE, iat, exp: iat + 8 * 3600 })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .sign(key.privateKey);
  };
  const status = async (p: Promise<unknown>) =>
    p.then(
      () => 200,
      (err: { status?: number }) => err.status ?? 500,
    );

  test('a key removed from the JWKS stops working within a minute', async () => {
    const old = await newKey('k-2026-11');
    const fresh = await newKey('k-2026-12');
    const sso = controlledIssuer([old.jwk]);
    const verify = createVerifier([sso.trusted], { clockToleranceSeconds: 30, now: () => clock.now });
    const token = await sign(old, 'servidor.1');
    assert.equal(await status(verify(token)), 200);
    // Rotation: the new key is published beside the old one; the old token still works.
    sso.publish([old.jwk, fresh.jwk]);
    later(61);
    assert.equal(await status(verify(token)), 200, 'both keys published: still valid');
    // The old key leaves the JWKS: within a minute its tokens are refused, though not expired.
    sso.publish([fresh.jwk]);
    later(61);
    assert.equal(await status(verify(token)), 401);
    assert.equal(await status(verify(await sign(fresh, 'servidor.1'))), 200, 'the new key works');
  });

  test('once a removed key is noticed, every token it verified is dropped at once', async () => {
    const key = await newKey('k-a');
    const next = await newKey('k-b');
    const sso = controlledIssuer([key.jwk]);
    const verify = createVerifier([sso.trusted], { clockToleranceSeconds: 30, now: () => clock.now });
    const first = await sign(key, 'servidor.1');
    assert.equal(await status(verify(first)), 200);
    later(20);
    const second = await sign(key, 'servidor.2');
    assert.equal(await status(verify(second)), 200, 'verified 20 s after the first: cached longer');
    sso.publish([next.jwk]);
    later(41);
    assert.equal(await status(verify(first)), 401);
    assert.equal(await status(verify(second)), 401, 'the key is gone: its other tokens go with it');
  });

  test('a verified token is served from the cache; a forged token naming its kid does not evict it', async () => {
    const key = await newKey('k-c');
    const sso = controlledIssuer([key.jwk]);
    const verify = createVerifier([sso.trusted], { clockToleranceSeconds: 30, now: () => clock.now });
    const token = await sign(key, 'servidor.3');
    assert.equal(await status(verify(token)), 200);
    const checks = sso.lookups.count;
    for (let i = 0; i < 5; i++) assert.equal(await status(verify(token)), 200);
    assert.equal(sso.lookups.count, checks, 'no signature check while cached');
    const iat = Math.floor(clock.now.getTime() / 1000);
    const forged = await new SignJWT({ sub: 'servidor.3', iss: ISS, aud: AUDIENCE, iat, exp: iat + 3600 })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .sign((await generateKeyPair('ES256')).privateKey);
    assert.equal(await status(verify(forged)), 401);
    const afterForged = sso.lookups.count;
    assert.equal(await status(verify(token)), 200);
    assert.equal(sso.lookups.count, afterForged, 'the genuine token is still cached');
  });
});
