// Bearer JWT verification with jose against the SSO's JWKS (or the dev
// identity provider's own key set, through the same code path), and the
// middleware that turns a token into an Atende user with memberships.
import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
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

/**
 * How long the SSO's JWKS is reused before being fetched again, and how long a
 * verified token is reused before its signature is checked again against the
 * key set: together at most a minute, the time a key the SSO removed from its
 * JWKS (rotated out, or revoked) keeps working here.
 */
export const JWKS_MAX_AGE_MS = 30_000;
export const VERIFIED_TOKEN_MAX_AGE_MS = 30_000;

export function remoteIssuer(jwksUrl: string, issuer: string, audience: string): TrustedIssuer {
  return { issuer, audience, keySet: createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: JWKS_MAX_AGE_MS, cooldownDuration: 10_000 }) };
}

/** C0 and C1 control characters (NUL among them): never part of an identity. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/** A usable subject: a non-empty string of at most 255 characters without control characters; null otherwise. */
export function validSubject(sub: unknown): string | null {
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255 || CONTROL.test(sub) || !sub.trim()) return null;
  return sub;
}

/** An optional text claim (name, e-mail): control characters dropped, trimmed, cut to `max`. */
function textClaim(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const clean = value.replace(CONTROLS, '').trim().slice(0, max);
  return clean || null;
}

interface CacheEntry {
  claims: Claims;
  /** The key that verified it: `${iss} ${kid} ${alg}`. */
  key: string;
  /** When the signature was last checked (ms). */
  checkedAt: number;
}

/**
 * Verifies tokens against the trusted issuers. Verified tokens are cached by
 * their SHA-256 (an RS256 verification costs ~125 µs), so a token is checked
 * cryptographically once in a while, not on every request: until it expires,
 * and at most VERIFIED_TOKEN_MAX_AGE_MS, after which its signature is checked
 * again against the issuer's current key set. Entries are indexed by the key
 * that verified them (issuer and kid): when a key is found gone from the key
 * set, every token it verified is dropped at once.
 */
export function createVerifier(
  issuers: TrustedIssuer[],
  opts: { clockToleranceSeconds: number; now?: () => Date; cacheSize?: number; cacheMaxAgeMs?: number },
): Verifier {
  const now = opts.now ?? (() => new Date());
  const maxAge = opts.cacheMaxAgeMs ?? VERIFIED_TOKEN_MAX_AGE_MS;
  const cache = new Map<string, CacheEntry>();
  /** `${iss} ${kid} ${alg}` → the cache keys of the tokens that key verified. */
  const byKey = new Map<string, Set<string>>();
  const max = opts.cacheSize ?? 10_000;
  const forget = (hash: string) => {
    const entry = cache.get(hash);
    if (!entry) return;
    cache.delete(hash);
    const set = byKey.get(entry.key);
    set?.delete(hash);
    if (set?.size === 0) byKey.delete(entry.key);
  };
  const forgetKey = (key: string) => {
    for (const hash of byKey.get(key) ?? []) cache.delete(hash);
    byKey.delete(key);
  };
  return async (token) => {
    const hash = createHash('sha256').update(token).digest('base64url');
    const hit = cache.get(hash);
    const at = now();
    const nowMs = at.getTime();
    if (hit) {
      if (hit.claims.exp + opts.clockToleranceSeconds > nowMs / 1000 && nowMs - hit.checkedAt < maxAge && nowMs >= hit.checkedAt) return hit.claims;
      forget(hash);
    }
    let iss: unknown;
    let header: { kid?: unknown; alg?: unknown };
    try {
      iss = decodeJwt(token).iss;
      header = decodeProtectedHeader(token);
    } catch {
      throw unauthorized('Token malformado.');
    }
    const trusted = issuers.find((i) => i.issuer === iss);
    if (!trusted) throw unauthorized('Emissor do token não reconhecido.');
    // With the algorithm: a forged token naming a real kid with another alg finds no key, and must not evict that kid's tokens.
    const key = `${trusted.issuer} ${String(header.kid ?? '')} ${String(header.alg ?? '')}`;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.keySet, {
        issuer: trusted.issuer,
        audience: trusted.audience,
        algorithms: ALLOWED_ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: opts.clockToleranceSeconds,
        currentDate: at,
      }));
    } catch (err) {
      const code = (err as { code?: string }).code;
      // The key set no longer holds this key: nothing it signed is trusted any more.
      if (code === 'ERR_JWKS_NO_MATCHING_KEY') forgetKey(key);
      throw unauthorized(code === 'ERR_JWT_EXPIRED' ? 'Token expirado.' : 'Token inválido.');
    }
    const sub = validSubject(payload.sub);
    if (!sub) throw unauthorized('Token inválido: o identificador do usuário (sub) precisa ser um texto de 1 a 255 caracteres, sem caracteres de controle.');
    const claims: Claims = {
      sub,
      name: textClaim(payload.name, 200) ?? sub,
      email: textClaim(payload.email, 254),
      exp: payload.exp!,
    };
    if (cache.size >= max) forget(cache.keys().next().value!);
    cache.set(hash, { claims, key, checkedAt: nowMs });
    let set = byKey.get(key);
    if (!set) byKey.set(key, (set = new Set()));
    set.add(hash);
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
  return (await loadIdentity(db, claims, now)).user;
}

/** The user and when the first of their roles ends by itself (ms; null: none does). */
async function loadIdentity(db: Kysely<Database>, claims: Claims, now: Date): Promise<{ user: AuthUser; endsAt: number | null }> {
  const user = await findOrCreateUser(db, { sub: claims.sub, name: claims.name, email: claims.email, at: now.toISOString() });
  const roles = new Map<number, Role[]>();
  let endsAt: number | null = null;
  for (const r of await activeRoles(db, user.id, now)) {
    roles.set(r.institution_id, [...(roles.get(r.institution_id) ?? []), asRole(r.role)]);
    if (r.expires_at !== null) endsAt = Math.min(endsAt ?? Infinity, Date.parse(r.expires_at));
  }
  return { user: { id: user.id, sub: claims.sub, name: user.name, email: user.email, roles }, endsAt };
}

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header);
  if (!m) throw unauthorized('Use o cabeçalho Authorization: Bearer <token>.');
  if (m[1].length > 16_384) throw unauthorized('Token grande demais.');
  return m[1];
}

/**
 * Users with their roles, by SSO subject, reused for `ttlMs` (IDENTITY_TTL)
 * so a request does not read the memberships every time. An entry never
 * outlives the first of the user's roles to end by itself (an access
 * authorized until a day), and forget() drops a user at once: a grant or
 * revocation on this server takes effect on their next request; another
 * server sharing the database reads it within `ttlMs`.
 */
export class IdentityCache {
  readonly #bySub = new Map<string, { user: AuthUser; until: number }>();
  readonly #subOf = new Map<number, string>();
  constructor(
    readonly ttlMs: number,
    private readonly max = 10_000,
  ) {}

  /** The user of `sub` while their entry holds at `nowMs`. */
  get(sub: string, nowMs: number): AuthUser | undefined {
    const hit = this.#bySub.get(sub);
    if (!hit) return undefined;
    if (hit.until > nowMs) return hit.user;
    this.#drop(sub);
    return undefined;
  }

  /** Keeps `user` until `ttlMs` from `nowMs`, or until `endsAt` (ms) when that comes first. */
  set(sub: string, user: AuthUser, nowMs: number, endsAt: number | null = null): void {
    this.#drop(sub);
    if (this.#bySub.size >= this.max) this.#drop(this.#bySub.keys().next().value!);
    this.#bySub.set(sub, { user, until: Math.min(nowMs + this.ttlMs, endsAt ?? Infinity) });
    this.#subOf.set(user.id, sub);
  }

  /** Drops the user's entry: their next request reads their roles again. */
  forget(userId: number): void {
    const sub = this.#subOf.get(userId);
    if (sub !== undefined) this.#drop(sub);
  }

  #drop(sub: string): void {
    const hit = this.#bySub.get(sub);
    if (!hit) return;
    this.#bySub.delete(sub);
    this.#subOf.delete(hit.user.id);
  }

  get size(): number {
    return this.#bySub.size;
  }
}

/** The user middleware: the token's user with their roles in force, through the identity cache. */
export function authMiddleware(db: Kysely<Database>, verify: Verifier, clock: () => Date, identities: IdentityCache) {
  return createMiddleware<{ Variables: { user: AuthUser | null } }>(async (c, next) => {
    const token = bearer(c.req.header('Authorization'));
    if (!token) {
      c.set('user', null);
      return next();
    }
    const claims = await verify(token);
    const now = clock();
    let user = identities.get(claims.sub, now.getTime());
    if (!user) {
      const loaded = await loadIdentity(db, claims, now);
      user = loaded.user;
      identities.set(claims.sub, user, now.getTime(), loaded.endsAt);
    }
    c.set('user', user);
    return next();
  });
}
