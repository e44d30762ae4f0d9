// Jitsi Meet (issue #12): the unguessable room names, and the room tokens
// the call is joined with — none (a Jitsi without token authentication),
// HS256 with the app secret of a self-hosted Jitsi's prosody `token` module,
// or RS256 with a JaaS (8x8) API key — bound to the meeting's join window.
import { randomBytes } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import type { JitsiConfig } from './config.js';

/** A new room name: 160 random bits in base32 hex, never derived from the protocol. */
export function newRoomName(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += '0123456789abcdefghijklmnopqrstuv'[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `atende-${out}`;
}

export interface RoomGrant {
  room: string;
  user: { id: number; name: string; email: string | null };
  moderator: boolean;
  /** The window, ISO instants: the token is valid from joinOpensAt (nbf) to the meeting's end (exp). */
  notBefore: string;
  expires: string;
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The room to open: the room name, with the JaaS tenant in front for 8x8. */
export function roomPath(jitsi: JitsiConfig, room: string): string {
  return jitsi.auth.kind === 'jaas' ? `${jitsi.auth.appId}/${room}` : room;
}

/** The room token for `grant`, or null for a Jitsi without token authentication. */
export async function roomToken(jitsi: JitsiConfig, grant: RoomGrant): Promise<string | null> {
  const auth = jitsi.auth;
  const user = { id: String(grant.user.id), name: grant.user.name, ...(grant.user.email ? { email: grant.user.email } : {}) };
  switch (auth.kind) {
    case 'none':
      return null;
    case 'hs256':
      return new SignJWT({ room: grant.room, moderator: grant.moderator, context: { user: { ...user, moderator: grant.moderator } } })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(auth.appId)
        .setAudience(auth.audience)
        .setSubject(jitsi.domain)
        .setIssuedAt()
        .setNotBefore(seconds(grant.notBefore))
        .setExpirationTime(seconds(grant.expires))
        .sign(new TextEncoder().encode(auth.secret));
    case 'jaas':
      return new SignJWT({
        room: grant.room,
        context: {
          user: { ...user, email: grant.user.email ?? '', moderator: grant.moderator ? 'true' : 'false' },
          features: { livestreaming: false, recording: false },
        },
      })
        .setProtectedHeader({ alg: 'RS256', kid: auth.keyId, typ: 'JWT' })
        .setIssuer('chat')
        .setAudience('jitsi')
        .setSubject(auth.appId)
        .setIssuedAt()
        .setNotBefore(seconds(grant.notBefore))
        .setExpirationTime(seconds(grant.expires))
        .sign(await jaasKey(auth.privateKeyPem));
  }
}

const keys = new Map<string, Promise<CryptoKey>>();
/** The JaaS private key, imported once per PEM. */
function jaasKey(pem: string): Promise<CryptoKey> {
  let key = keys.get(pem);
  if (!key) {
    key = importPKCS8(pem, 'RS256');
    keys.set(pem, key);
  }
  return key;
}
