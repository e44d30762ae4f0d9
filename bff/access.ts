// Records an access to a request's personal data (LGPD art. 37) through the
// grouped writes, so on SQLite the records of concurrent reads share one
// commit. A route awaits the record before it answers: an access answered
// but not recorded would be a gap in the record.
import type { AppDeps } from './env.js';
import type { AuthUser } from './auth.js';
import { type AccessAction, insertAccess } from '../db/queries/access-log.js';

export function recordAccess(
  deps: Pick<AppDeps, 'writes' | 'now'>,
  user: AuthUser,
  on: { institutionId: number; requestId: number; fileId?: number },
  action: AccessAction,
): Promise<void> {
  const at = deps.now().toISOString();
  return deps.writes.run((trx) =>
    insertAccess(trx, { at, userId: user.id, institutionId: on.institutionId, requestId: on.requestId, fileId: on.fileId ?? null, action }),
  );
}
