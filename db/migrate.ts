import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as initial from './migrations/2026-11-28T00-00_initial.js';
import * as followUps from './migrations/2026-11-28T01-00_follow-ups.js';
import * as requestTerms from './migrations/2026-11-28T02-00_request-terms.js';
import * as queueVersions from './migrations/2026-11-28T03-00_queue-versions.js';
import * as queueVersionsCoverage from './migrations/2026-11-28T04-00_queue-versions-coverage.js';
import * as authorSide from './migrations/2026-12-01T00-00_author-side.js';
import * as accessLog from './migrations/2026-12-01T01-00_access-log.js';
import * as queueDueKey from './migrations/2026-12-01T02-10_queue-due-key.js';
import * as queueMine from './migrations/2026-12-01T02-20_queue-mine.js';
import * as fileStore from './migrations/2026-12-01T03-00_file-store.js';
import * as charter from './migrations/2026-12-01T04-00_charter.js';
import * as access from './migrations/2026-12-01T05-00_access.js';
import * as evaluations from './migrations/2026-12-01T06-00_evaluations.js';
import * as meetings from './migrations/2026-12-01T07-00_meetings.js';

// Listed here rather than read from the folder, so migrations run the same
// under any loader or bundler.
const migrations: Record<string, Migration> = {
  '2026-11-28T00-00_initial': initial,
  '2026-11-28T01-00_follow-ups': followUps,
  '2026-11-28T02-00_request-terms': requestTerms,
  '2026-11-28T03-00_queue-versions': queueVersions,
  '2026-11-28T04-00_queue-versions-coverage': queueVersionsCoverage,
  '2026-12-01T00-00_author-side': authorSide,
  '2026-12-01T01-00_access-log': accessLog,
  '2026-12-01T02-10_queue-due-key': queueDueKey,
  '2026-12-01T02-20_queue-mine': queueMine,
  '2026-12-01T03-00_file-store': fileStore,
  '2026-12-01T04-00_charter': charter,
  '2026-12-01T05-00_access': access,
  '2026-12-01T06-00_evaluations': evaluations,
  '2026-12-01T07-00_meetings': meetings,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  await migrate(new Migrator({ db, provider }).migrateToLatest());
}

/** Up or down to the migration `name` (tests of a migration's backfill). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  await migrate(new Migrator({ db, provider }).migrateTo(name));
}

async function migrate(run: ReturnType<Migrator['migrateToLatest']>): Promise<void> {
  const { error, results } = await run;
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
