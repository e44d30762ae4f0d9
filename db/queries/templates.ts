// Query templates: a query is built and compiled with Kysely once per shape,
// its SQL kept, and later runs only bind the values. The queue and the
// detail (db/queries/requests.ts) and the queue cache's version read
// (queue-cache.ts) use them; why, and what they save as measured, is written
// beside the queue in requests.ts.
//
// A value goes in as a typed placeholder, `param<T>('name')`: an expression
// of type T, so Kysely checks it against the column like any value. A
// template refuses a query with a value that is not a placeholder, so
// nothing of one request can be kept in the SQL another request runs.
import {
  AliasNode,
  ColumnNode,
  type Compilable,
  CompiledQuery,
  type Expression,
  IdentifierNode,
  type Kysely,
  type OperationNode,
  ReferenceNode,
  SelectQueryNode,
  sql,
} from 'kysely';
import { ARRAY_ROWS } from '../connect.js';

const MARK = '\u0000atende-param:';

/** Stands for the value named `name` (of type T), given when the template runs. */
export function param<T>(name: string): Expression<T> {
  return sql<T>`${MARK + name}`;
}

/** `n` placeholders named `${prefix}0` … `${prefix}${n - 1}` (an `in` list). */
export function params<T>(prefix: string, n: number): Expression<T>[] {
  return Array.from({ length: n }, (_, k) => param<T>(`${prefix}${k}`));
}

/** The values of `params(prefix, values.length)`, to merge into a template's values. */
export function listValues(prefix: string, values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(values.map((v, k) => [`${prefix}${k}`, v]));
}

interface Template {
  sql: string;
  /** The value names, in the order of the SQL's placeholders. */
  names: string[];
  /** Array rows (SQLite): the selected columns' names, in order. */
  columns: string[] | null;
}

export interface TemplateOptions {
  /**
   * Rows come as arrays on SQLite (see ARRAY_ROWS), and `run` turns them back
   * into objects by the selected columns' names: cheaper than better-sqlite3
   * building an object per row. Only for a select that names every column.
   */
  arrayRows?: boolean;
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
   */
  compile<O>(name: string, build: () => Compilable<O>, values: Record<string, unknown>, opts: TemplateOptions = {}): CompiledQuery<O> {
    return this.#bind(name, build, values, opts).query;
  }

  /** Runs the query `name` (see compile) and answers its rows. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a template holds queries of any shape
  async run<O>(db: Kysely<any>, name: string, build: () => Compilable<O>, values: Record<string, unknown>, opts: TemplateOptions = {}): Promise<O[]> {
    const { query, columns } = this.#bind(name, build, values, opts);
    const { rows } = await db.executeQuery<O | unknown[]>(query);
    if (!columns) return rows as O[];
    // Arrays on SQLite; PostgreSQL ignores the hint and answers objects already.
    return rows.map((row) => {
      if (!Array.isArray(row)) return row;
      const o: Record<string, unknown> = {};
      for (let k = 0; k < columns.length; k++) o[columns[k]] = row[k];
      return o as O;
    });
  }

  #bind(name: string, build: () => Compilable<unknown>, values: Record<string, unknown>, opts: TemplateOptions) {
    const shape = `${name}|${Object.keys(values).join(',')}`;
    let t = this.#cache.get(shape);
    if (!t) {
      const c = build().compile();
      const names = c.parameters.map((v) => {
        if (typeof v !== 'string' || !v.startsWith(MARK)) throw new Error(`query template "${shape}": a value not given through param(): ${String(v)}`);
        return v.slice(MARK.length);
      });
      const columns = opts.arrayRows ? selectedColumns(shape, c.query) : null;
      t = { sql: columns ? ARRAY_ROWS + c.sql : c.sql, names, columns };
      if (this.#cache.size >= this.max) this.#cache.delete(this.#cache.keys().next().value!);
      this.#cache.set(shape, t);
    }
    const parameters = t.names.map((n) => {
      if (!(n in values)) throw new Error(`query template "${shape}": no value for ${n}`);
      return values[n];
    });
    return { query: CompiledQuery.raw(t.sql, parameters), columns: t.columns };
  }

  get size(): number {
    return this.#cache.size;
  }
}

/** The names of a select's columns, in order ("r.id" → id, "i.name as institution_name" → institution_name). */
function selectedColumns(shape: string, node: OperationNode): string[] {
  if (!SelectQueryNode.is(node)) throw new Error(`query template "${shape}": array rows are for a select`);
  return (node.selections ?? []).map(({ selection }) => {
    const s = AliasNode.is(selection) ? selection.alias : ReferenceNode.is(selection) ? selection.column : selection;
    const name = IdentifierNode.is(s) ? s : ColumnNode.is(s) ? s.column : null;
    if (!name) throw new Error(`query template "${shape}": array rows need every column named`);
    return name.name;
  });
}

/** One template cache per database (the SQL differs between SQLite and PostgreSQL). */
const perDb = new WeakMap<object, QueryTemplates>();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a template holds queries of any shape
export function templatesOf(db: Kysely<any>): QueryTemplates {
  // A transaction compiles like its database: key by the executor's adapter.
  const key = db.getExecutor().adapter;
  let t = perDb.get(key);
  if (!t) perDb.set(key, (t = new QueryTemplates()));
  return t;
}
