import type { Kysely } from 'kysely';

// Word-prefix search of citizen names: one row per word of each request's
// citizen name, indexed by institution, so "silva rodr" finds its requests
// through an index at any size, on SQLite and PostgreSQL alike (no extension).
// Existing requests are indexed here; new ones by the app when filed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('request_terms')
    .addColumn('institution_id', 'integer', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('requests.id'))
    .addPrimaryKeyConstraint('request_terms_pk', ['institution_id', 'term', 'request_id'])
    .execute();

  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('requests').select(['id', 'institution_id', 'citizen_name']).where('id', '>', after).orderBy('id').limit(5000).execute();
    if (!rows.length) break;
    const terms = rows.flatMap((r) => nameTerms(r.citizen_name).map((term) => ({ institution_id: r.institution_id, term, request_id: r.id })));
    for (let i = 0; i < terms.length; i += 3000)
      await db
        .insertInto('request_terms')
        .values(terms.slice(i, i + 3000))
        .execute();
    after = rows[rows.length - 1].id;
  }
}

// A copy of db/queries/search.ts's nameTerms (migrations import no app code).
const STOP = new Set(['da', 'das', 'de', 'do', 'dos', 'e']);
function nameTerms(name: string): string[] {
  const words = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => w.length >= 2 && !STOP.has(w)))].slice(0, 12);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_terms').execute();
}
