// Query templates: a hot query is built with Kysely once per shape (which
// filters are present, how many values each has), its SQL kept, and later
// calls only fill in the values. Compiling with Kysely costs about as much as
// running the queue query itself (the benchmark's profile: ~12% of a queue
// request), so the queue skips it after the first request of each shape.
//
// Values go in as placeholders (`param('name')`); a template refuses any
// value that is not one, so nothing of one request can leak into another's
// SQL through the cache.
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import { ARRAY_ROWS } from '../connect.js';

const MARK = '\u0000atende-param:';

/** Stands for the value named `name`, given when the template is run. */
export function param<T>(name: string): T {
  return `${MARK}${name}` as T;
}

interface Template {
  sql: string;
  names: string[];
}

export class QueryTemplates {
  readonly #cache = new Map<string, Template>();
  constructor(private readonly max = 256) {}

  /**
   * The query `name` with these values. Its shape — the key its SQL is kept
   * under — is `name` and the names of the values given, so a filter that
   * adds a value adds to the shape by itself; `name` must carry whatever else
   * decides the query's structure (a sort order, say). `build` runs on the
   * first call of a shape only and must use `param()` for every value.
   * `arrayRows`: rows as arrays of the selected values on SQLite (see
   * ARRAY_ROWS), objects on PostgreSQL.
   */
  compile(name: string, build: () => Compilable<unknown>, values: Record<string, unknown>, opts: { arrayRows?: boolean } = {}): CompiledQuery {
    const shape = `${name}|${Object.keys(values).join(',')}`;
    let t = this.#cache.get(shape);
    if (!t) {
      const c = build().compile();
      const names = c.parameters.map((v) => {
        if (typeof v !== 'string' || !v.startsWith(MARK)) throw new Error(`query template "${shape}": a value not given through param(): ${String(v)}`);
        return v.slice(MARK.length);
      });
      t = { sql: opts.arrayRows ? ARRAY_ROWS + c.sql : c.sql, names };
      if (this.#cache.size >= this.max) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(shape, t);
    }
    const parameters = t.names.map((n) => {
      if (!(n in values)) throw new Error(`query template "${shape}": no value for ${n}`);
      return values[n];
    });
    return CompiledQuery.raw(t.sql, parameters);
  }

  get size(): number {
    return this.#cache.size;
  }
}

/** One template cache per database (the SQL differs between SQLite and PostgreSQL). */
const perDb = new WeakMap<object, QueryTemplates>();
export function templatesOf(db: Kysely<any>): QueryTemplates {
  // A transaction compiles like its database: key by the executor's adapter.
  const key = db.getExecutor().adapter;
  let t = perDb.get(key);
  if (!t) perDb.set(key, (t = new QueryTemplates()));
  return t;
}
