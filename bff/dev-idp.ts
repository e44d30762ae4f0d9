// The development identity provider: signs tokens for the demo users with a
// local key and publishes that key as a JWKS. Tokens are verified by the same
// verifier as the SSO's. Enabled only on purpose (DEV_IDP=1 or --demo), never
// beside an SSO and only with NODE_ENV unset, development or test (loadConfig
// refuses otherwise); buildApp logs it at error level when it is on.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { DevUser } from '../contract/types.js';
import type { TrustedIssuer } from './auth.js';

export interface DevIdp {
  issuer: string;
  audience: string;
  jwks: { keys: JWK[] };
  trusted: TrustedIssuer;
  /** The users it offers (GET /dev/users); any other subject may sign in too, with no role. */
  users: readonly DevUser[];
  sign(claims: { sub: string; name: string; email: string | null }, ttlSeconds?: number, extra?: Record<string, unknown>): Promise<string>;
}

const ALG = 'ES256';

/** Creates the dev IdP; with `keyFile`, the key survives restarts so issued tokens stay valid. */
export async function createDevIdp(
  issuer: string,
  audience: string,
  opts: { keyFile?: string; now?: () => Date; users?: readonly DevUser[] } = {},
): Promise<DevIdp> {
  const { keyFile, now = () => new Date(), users = [] } = opts;
  let privateJwk: JWK;
  if (keyFile && existsSync(keyFile)) {
    privateJwk = JSON.parse(readFileSync(keyFile, 'utf8'));
  } else {
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: ALG };
    if (keyFile) writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _d, ...publicJwk } = privateJwk;
  const privateKey = await importJWK(privateJwk, ALG);
  const jwks = { keys: [{ ...publicJwk, use: 'sig' }] };
  return {
    issuer,
    audience,
    jwks,
    trusted: { issuer, audience, keySet: createLocalJWKSet(jwks) },
    users,
    sign: (claims, ttlSeconds = 8 * 60 * 60, extra = {}) => {
      const iat = Math.floor(now().getTime() / 1000);
      const payload: JWTPayload = {
        name: claims.name,
        email: claims.email ?? undefined,
        sub: claims.sub,
        iss: issuer,
        aud: audience,
        iat,
        exp: iat + ttlSeconds,
        ...extra,
      };
      // `extra` may remove a standard claim by setting it to null (tests of refused tokens).
      for (const k of Object.keys(payload)) if (payload[k] === null) delete payload[k];
      return new SignJWT(payload).setProtectedHeader({ alg: ALG, kid: privateJwk.kid, typ: 'JWT' }).sign(privateKey);
    },
  };
}
