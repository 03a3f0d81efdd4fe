/**
 * The SQL that differs between SQLite and PostgreSQL, in one place, for the few raw queries Prisma cannot
 * express (the import's batched insert and its staged merge, the digest's last contacts, the search index's
 * freshness check).
 * Identifiers are always double-quoted: PostgreSQL folds unquoted ones to lower case.
 */
export type Dialect = "sqlite" | "postgresql";

/** The dialect of a Prisma client or transaction client (both carry the generated client's provider). */
export function dialectOf(db: unknown): Dialect {
  return (db as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Column types a JSON value is read as (SQLite converts by column affinity; PostgreSQL needs a cast). */
export type SqlType = "integer" | "text" | "timestamp" | "boolean";
const PG_TYPES: Record<SqlType, string> = {
  integer: "integer",
  text: "text",
  timestamp: "timestamp(3)",
  boolean: "boolean",
};

export interface SqlDialect {
  name: Dialect;
  /** the n-th (1-based) parameter of $queryRawUnsafe, typed where PostgreSQL cannot infer it */
  param(n: number, type?: SqlType): string;
  /**
   * A FROM item over a JSON array parameter: one row per element, columns `value` (the element) and `key`
   * (its 0-based position, to ORDER BY)
   */
  jsonRows(n: number): string;
  /** field i of a `jsonRows` element that is itself an array, as the given type */
  jsonField(i: number, type: SqlType): string;
  /** a sub-select of the scalars of a JSON array parameter (for `IN (...)`), as the given type */
  jsonScalars(n: number, type: SqlType): string;
  /** property `key` of a JSON object held in a column (TEXT on both; see `stagedRows`), as the given type */
  jsonProp(doc: string, key: string, type: SqlType): string;
  /** true when the JSON object has no property `key` (a property holding null is present) */
  jsonMissing(doc: string, key: string): string;
  /** null-safe "differs" */
  isDistinct(a: string, b: string): string;
  /** the FROM item over "StagedRow" as `s`, its JSON columns ready for `jsonProp` (parsed once per row) */
  stagedRows: string;
  /** the next free id of a table: past its rows and its id sequence (ids inserted explicitly go there) */
  idBaseSql(table: string): string;
  /**
   * After ids were inserted explicitly: moves the table's id sequence past them (PostgreSQL; SQLite's
   * AUTOINCREMENT follows by itself). Null when nothing is needed.
   */
  advanceIdsSql(table: string): string | null;
  /**
   * Locks tables against concurrent writes until the transaction ends, readers still allowed (PostgreSQL;
   * SQLite's transaction holds the database's write lock already). Null when nothing is needed.
   */
  lockTablesSql(tables: readonly string[]): string | null;
  /** statements run on the connection before a large merge (SQLite's page cache) */
  mergePrelude: readonly string[];
}

const sqlite: SqlDialect = {
  name: "sqlite",
  param: () => "?",
  jsonRows: () => "json_each(?)",
  jsonField: (i) => `value ->> ${i}`,
  jsonScalars: () => "SELECT value FROM json_each(?)",
  jsonProp: (doc, key) => `(${doc} ->> '${key}')`,
  jsonMissing: (doc, key) => `json_type(${doc}, '$.${key}') IS NULL`,
  isDistinct: (a, b) => `${a} IS NOT ${b}`,
  stagedRows: `"StagedRow" s`,
  idBaseSql: (table) =>
    `SELECT max(coalesce((SELECT max("id") FROM "${table}"), 0),
                coalesce((SELECT "seq" FROM sqlite_sequence WHERE "name" = '${table}'), 0)) + 1 AS base`,
  advanceIdsSql: () => null,
  lockTablesSql: () => null,
  // a large merge in SQLite's default 2 MB page cache spills and re-reads index pages: with room for
  // the touched pages the final step is two to four times shorter (measured on 30,000 new invoices)
  mergePrelude: [`PRAGMA cache_size = -${64 * 1024}`],
};

const postgresql: SqlDialect = {
  name: "postgresql",
  param: (n, type) => (type ? `$${n}::${PG_TYPES[type]}` : `$${n}`),
  jsonRows: (n) => `json_array_elements($${n}::json) WITH ORDINALITY AS j(value, key)`,
  jsonField: (i, type) => `(value ->> ${i})::${PG_TYPES[type]}`,
  jsonScalars: (n, type) =>
    `SELECT value::${PG_TYPES[type]} FROM json_array_elements_text($${n}::json) AS value`,
  jsonProp: (doc, key, type) => `((${doc} ->> '${key}')::${PG_TYPES[type]})`,
  jsonMissing: (doc, key) => `(${doc} -> '${key}') IS NULL`,
  isDistinct: (a, b) => `${a} IS DISTINCT FROM ${b}`,
  // the staging columns are TEXT (one schema for both databases): parsed to jsonb once per row here
  stagedRows: `(SELECT "id", "batchId", "kind", "ref", "data"::jsonb AS "data", "guard"::jsonb AS "guard"
     FROM "StagedRow") s`,
  idBaseSql: (table) =>
    `SELECT greatest(coalesce((SELECT max("id") FROM "${table}"), 0),
                     coalesce(pg_sequence_last_value(${serialSequence(table)}), 0)) + 1 AS base`,
  advanceIdsSql: (table) =>
    `SELECT setval(${serialSequence(table)}, m) FROM (SELECT max("id") AS m FROM "${table}") x
     WHERE m > coalesce(pg_sequence_last_value(${serialSequence(table)}), 0)`,
  lockTablesSql: (tables) =>
    `LOCK TABLE ${tables.map((t) => `"${t}"`).join(", ")} IN SHARE ROW EXCLUSIVE MODE`,
  mergePrelude: [],
};

function serialSequence(table: string): string {
  return `pg_get_serial_sequence('"${table}"', 'id')`;
}

export function sqlDialect(db: unknown): SqlDialect {
  return dialectOf(db) === "postgresql" ? postgresql : sqlite;
}

/**
 * Runs `work` so that its failure leaves the surrounding transaction usable: on PostgreSQL a failed statement
 * (e.g. a unique violation the caller means to catch) aborts the whole transaction unless it ran inside a
 * savepoint. SQLite keeps the transaction going by itself. `tx` must be a transaction client.
 */
export async function withSavepoint<T>(tx: unknown, work: () => Promise<T>): Promise<T> {
  if (dialectOf(tx) !== "postgresql") return work();
  const raw = tx as { $executeRawUnsafe(sql: string): Promise<number> };
  await raw.$executeRawUnsafe("SAVEPOINT credito_try");
  try {
    const result = await work();
    await raw.$executeRawUnsafe("RELEASE SAVEPOINT credito_try");
    return result;
  } catch (err) {
    await raw.$executeRawUnsafe("ROLLBACK TO SAVEPOINT credito_try");
    throw err;
  }
}
