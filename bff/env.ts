// The app's dependencies and the Hono environment every route shares.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { AuthUser, IdentityCache, Verifier } from './auth.js';
import type { Config } from './config.js';
import type { DevIdp } from './dev-idp.js';
import { unauthorized } from './errors.js';
import type { Database } from '../db/schema.js';
import type { Writes } from './writes.js';
import type { Logger } from './log.js';
import type { ByteBudget } from './budget.js';
import type { QueueCache } from '../db/queries/queue-cache.js';
import type { FileStore } from '../db/file-store.js';

export interface Deps {
  db: Kysely<Database>;
  config: Config;
  now: () => Date;
  verify: Verifier;
  devIdp?: DevIdp;
  /** Write transactions (grouped commits on SQLite); buildApp() creates them when not given. */
  writes?: Writes;
  /** First queue pages in memory; buildApp() creates it from config.queueCachePages when not given (null: none). */
  queueCache?: QueueCache | null;
  /** JSON logs; buildApp() creates them at config.logLevel when not given. */
  log?: Logger;
  /** Memory for uploads, shared by all requests; buildApp() creates it from config.uploads when not given. */
  uploadBudget?: ByteBudget;
  /** Where uploaded bytes go instead of the database (SQLite: db/file-store.ts fileStoreFor); none (null): in the database. */
  fileStore?: FileStore | null;
  /** Users with their roles, reused for IDENTITY_TTL; buildApp() creates it from config.identityTtlMs when not given. */
  identities?: IdentityCache;
}

/** Deps as the routes get them from buildApp(). */
export type AppDeps = Deps & {
  writes: Writes;
  queueCache: QueueCache | null;
  log: Logger;
  uploadBudget: ByteBudget;
  fileStore: FileStore | null;
  identities: IdentityCache;
};

export type AppEnv = { Variables: { user: AuthUser | null; requestId: string } };

/** The signed-in user, or a 401. */
export function requireUser(c: Context<AppEnv>): AuthUser {
  const user = c.get('user');
  if (!user) throw unauthorized('Entre com sua conta para continuar.');
  return user;
}
