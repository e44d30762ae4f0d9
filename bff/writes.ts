// Write transactions, with group commit on SQLite.
//
// With synchronous=FULL every SQLite commit waits for the disk (an fsync of
// the WAL), and better-sqlite3 waits on the event loop's thread, so commits
// one by one cap durable writes at the disk's fsync rate. Here writes that
// arrive together share one transaction: each runs inside its own SAVEPOINT
// (a failure rolls back that write alone and rejects only its caller), one
// COMMIT makes the batch durable, and only then does any caller get its
// answer. Callers see exactly what a transaction of their own would give
// them: the writes of one batch run one after another, each seeing those
// before it. If the COMMIT itself fails, nothing of the batch was written,
// and each write is run again in a transaction of its own.
//
// PostgreSQL commits concurrent transactions on its pool's connections and
// groups their WAL flushes itself: each write gets its own transaction.
import { type Kysely, SqliteAdapter, type Transaction, sql } from 'kysely';
import type { Database } from '../db/schema.js';

export type WriteJob<T> = (trx: Transaction<Database>) => Promise<T>;

export interface Writes {
  /** Runs `job` in a transaction; resolves once what it wrote is durable. */
  run<T>(job: WriteJob<T>): Promise<T>;
}

interface Pending {
  job: WriteJob<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown };

export function createWrites(db: Kysely<Database>, opts: { maxBatch?: number } = {}): Writes {
  const own: Writes = { run: (job) => db.transaction().execute(job) };
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return own;
  const maxBatch = opts.maxBatch ?? 100;
  const queue: Pending[] = [];
  let scheduled = false;

  const runBatch = async (batch: Pending[]) => {
    const outcomes: Outcome[] = [];
    await db.transaction().execute(async (trx) => {
      for (const p of batch) {
        await sql`savepoint atende_write`.execute(trx);
        try {
          outcomes.push({ ok: true, value: await p.job(trx) });
        } catch (err) {
          outcomes.push({ ok: false, err });
          await sql`rollback to atende_write`.execute(trx);
        }
        await sql`release atende_write`.execute(trx);
      }
    });
    return outcomes;
  };

  const flush = async () => {
    while (queue.length) {
      const batch = queue.splice(0, maxBatch);
      if (batch.length > 1) {
        try {
          const outcomes = await runBatch(batch);
          batch.forEach((p, k) => {
            const o = outcomes[k];
            if (o.ok) p.resolve(o.value);
            else p.reject(o.err);
          });
          continue;
        } catch {
          // The batch was not written (the COMMIT or a savepoint failed): each write on its own below.
        }
      }
      for (const p of batch) await own.run(p.job).then(p.resolve, p.reject);
    }
    scheduled = false;
  };

  return {
    run<T>(job: WriteJob<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (v: unknown) => void, reject });
        if (!scheduled) {
          scheduled = true;
          // Let the writes that arrived with this one join its batch.
          setImmediate(() => void flush());
        }
      });
    },
  };
}
