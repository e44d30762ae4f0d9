// Records an access to a request's personal data (LGPD art. 37). A route
// awaits the record before it answers: an access answered but not recorded
// would be a gap in the record.
//
// The detail is the app's hottest read, so records that arrive together are
// written together: one multi-row INSERT in one write (bff/writes.ts), one
// commit for all of them on either engine; each caller is answered once that
// commit is durable. If the batch fails, each record is written on its own,
// so only a record that cannot be written fails its caller.
import type { AppDeps } from './env.js';
import type { AuthUser } from './auth.js';
import type { Writes } from './writes.js';
import { type AccessRow, insertAccesses } from '../db/queries/access-log.js';

interface Pending {
  row: AccessRow;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 500;
const recorders = new WeakMap<Writes, (row: AccessRow) => Promise<void>>();

function recorderOf(writes: Writes): (row: AccessRow) => Promise<void> {
  let record = recorders.get(writes);
  if (record) return record;
  let queue: Pending[] = [];
  let scheduled = false;
  // One batch in flight at a time: what arrives meanwhile waits for the next (group commit).
  const flush = async () => {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(MAX_BATCH);
      try {
        await writes.run((trx) =>
          insertAccesses(
            trx,
            batch.map((p) => p.row),
          ),
        );
        for (const p of batch) p.resolve();
      } catch (err) {
        if (batch.length === 1) batch[0].reject(err);
        else await Promise.all(batch.map((p) => writes.run((trx) => insertAccesses(trx, [p.row])).then(p.resolve, p.reject)));
      }
    }
    scheduled = false;
  };
  record = (row) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ row, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        // Let the records of the reads that arrived with this one join it.
        setImmediate(() => void flush());
      }
    });
  recorders.set(writes, record);
  return record;
}

export function recordAccess(
  deps: Pick<AppDeps, 'writes' | 'now'>,
  user: AuthUser,
  on: { institutionId: number; requestId: number; fileId?: number },
  action: AccessRow['action'],
): Promise<void> {
  return recorderOf(deps.writes)({
    at: deps.now().toISOString(),
    userId: user.id,
    institutionId: on.institutionId,
    requestId: on.requestId,
    fileId: on.fileId ?? null,
    action,
  });
}
