/**
 * The SQL that differs between SQLite and PostgreSQL, in one place, for the few raw queries Prisma cannot
 * express (the import's batched insert, the digest's last contacts, the search index's freshness check).
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
}

const sqlite: SqlDialect = {
  name: "sqlite",
  param: () => "?",
  jsonRows: () => "json_each(?)",
  jsonField: (i) => `value ->> ${i}`,
  jsonScalars: () => "SELECT value FROM json_each(?)",
};

const postgresql: SqlDialect = {
  name: "postgresql",
  param: (n, type) => (type ? `$${n}::${PG_TYPES[type]}` : `$${n}`),
  jsonRows: (n) => `json_array_elements($${n}::json) WITH ORDINALITY AS j(value, key)`,
  jsonField: (i, type) => `(value ->> ${i})::${PG_TYPES[type]}`,
  jsonScalars: (n, type) =>
    `SELECT value::${PG_TYPES[type]} FROM json_array_elements_text($${n}::json) AS value`,
};

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
