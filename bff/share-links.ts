// The tokens of agenda share links (issue #12): a JWT signed with HS256 and
// SHARE_LINK_SECRET, naming the share (`sid`) and its expiry. The token only
// says which share; whether it still stands (revoked, expired) is read from
// the database on every request.
import { SignJWT, errors, jwtVerify } from 'jose';

const TYP = 'agenda-share+jwt';

export function signShareToken(secret: Uint8Array, shareId: number, expiresAt: Date): Promise<string> {
  return new SignJWT({ sid: shareId })
    .setProtectedHeader({ alg: 'HS256', typ: TYP })
    .setExpirationTime(Math.ceil(expiresAt.getTime() / 1000))
    .sign(secret);
}

/**
 * The share a token names, if its signature holds: `{shareId, expired}`
 * (expired by the token's own `exp` at `now`; the database decides the rest),
 * or null for a tampered, foreign or malformed token.
 */
export async function readShareToken(secret: Uint8Array, token: string, now: Date): Promise<{ shareId: number; expired: boolean } | null> {
  const sid = (payload: unknown) => {
    const v = (payload as { sid?: unknown }).sid;
    return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null;
  };
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], typ: TYP, requiredClaims: ['exp'], currentDate: now });
    const shareId = sid(payload);
    return shareId === null ? null : { shareId, expired: false };
  } catch (err) {
    // Expired, but signed by us: the signature was checked before the claims.
    if (err instanceof errors.JWTExpired) {
      const shareId = sid(err.payload);
      return shareId === null ? null : { shareId, expired: true };
    }
    return null;
  }
}
