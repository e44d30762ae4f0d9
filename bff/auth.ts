// Bearer JWT verification with jose against the SSO's JWKS (or the dev
// identity provider's own key set, through the same code path), and the
// middleware that turns a token into an Atende user with memberships.
import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { createRemoteJWKSet, decodeJwt, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Kysely } from 'kysely';
import type { Role } from '../contract/types.js';
import type { Actor } from './domain/permissions.js';
import { unauthorized } from './errors.js';
import type { Database } from '../db/schema.js';
import { activeRoles, findOrCreateUser } from '../db/queries/users.js';
import { asRole } from './dto.js';

/** Asymmetric algorithms only: an HMAC "signed" with a public key never passes. */
export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface TrustedIssuer {
  issuer: string;
  audience: string;
  keySet: JWTVerifyGetKey;
}

export interface Claims {
  sub: string;
  name: string;
  email: string | null;
  exp: number;
}

export type Verifier = (token: string) => Promise<Claims>;

export function remoteIssuer(jwksUrl: string, issuer: string, audience: string): TrustedIssuer {
  return { issuer, audience, keySet: createRemoteJWKSet(new URL(jwksUrl)) };
}

/**
 * Verifies tokens against the trusted issuers. Verified tokens are cached by
 * their SHA-256 until they expire (an RS256 verification costs ~125 µs), so a
 * token is checked cryptographically once, not on every request.
 */
export function createVerifier(issuers: TrustedIssuer[], opts: { clockToleranceSeconds: number; now?: () => Date; cacheSize?: number }): Verifier {
  const now = opts.now ?? (() => new Date());
  const cache = new Map<string, Claims>();
  const max = opts.cacheSize ?? 10_000;
  return async (token) => {
    const key = createHash('sha256').update(token).digest('base64url');
    const hit = cache.get(key);
    const nowSeconds = now().getTime() / 1000;
    if (hit) {
      if (hit.exp + opts.clockToleranceSeconds > nowSeconds) return hit;
      cache.delete(key);
    }
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      throw unauthorized('Token malformado.');
    }
    const trusted = issuers.find((i) => i.issuer === iss);
    if (!trusted) throw unauthorized('Emissor do token não reconhecido.');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.keySet, {
        issuer: trusted.issuer,
        audience: trusted.audience,
        algorithms: ALLOWED_ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: opts.clockToleranceSeconds,
        currentDate: now(),
      }));
    } catch (err) {
      const code = (err as { code?: string }).code;
      throw unauthorized(code === 'ERR_JWT_EXPIRED' ? 'Token expirado.' : 'Token inválido.');
    }
    const claims: Claims = {
      sub: String(payload.sub).slice(0, 255),
      name: typeof payload.name === 'string' && payload.name.trim() ? payload.name.slice(0, 200) : String(payload.sub),
      email: typeof payload.email === 'string' ? payload.email.slice(0, 254) : null,
      exp: payload.exp!,
    };
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(key, claims);
    return claims;
  };
}

export interface AuthUser extends Actor {
  sub: string;
  name: string;
  email: string | null;
}

export type AuthEnv = { Variables: { user: AuthUser } };

/** Finds the user by subject, provisioning an unknown one from the claims with no role. */
export async function loadUser(db: Kysely<Database>, claims: Claims, now: Date): Promise<AuthUser> {
  const user = await findOrCreateUser(db, { sub: claims.sub, name: claims.name, email: claims.email, at: now.toISOString() });
  const roles = new Map<number, Role[]>();
  for (const r of await activeRoles(db, user.id)) roles.set(r.institution_id, [...(roles.get(r.institution_id) ?? []), asRole(r.role)]);
  return { id: user.id, sub: claims.sub, name: user.name, email: user.email, roles };
}

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header);
  if (!m) throw unauthorized('Use o cabeçalho Authorization: Bearer <token>.');
  if (m[1].length > 16_384) throw unauthorized('Token grande demais.');
  return m[1];
}

/**
 * The user middleware. A user's memberships are read again after
 * `identityTtlMs` (default 5 s), so a granted or revoked role takes effect
 * within that time, without two queries on every request.
 */
export function authMiddleware(db: Kysely<Database>, verify: Verifier, clock: () => Date, opts: { identityTtlMs?: number } = {}) {
  const ttl = opts.identityTtlMs ?? 5000;
  const identities = new Map<string, { user: AuthUser; until: number }>();
  return createMiddleware<{ Variables: { user: AuthUser | null } }>(async (c, next) => {
    const token = bearer(c.req.header('Authorization'));
    if (!token) {
      c.set('user', null);
      return next();
    }
    const claims = await verify(token);
    const now = clock();
    let hit = identities.get(claims.sub);
    if (!hit || hit.until <= now.getTime()) {
      hit = { user: await loadUser(db, claims, now), until: now.getTime() + ttl };
      if (identities.size >= 10_000) identities.delete(identities.keys().next().value!);
      identities.set(claims.sub, hit);
    }
    c.set('user', hit.user);
    return next();
  });
}
