import Database from "better-sqlite3";
import type { Db } from "./client";
import { sqlitePath } from "./migrate";

/**
 * Hot-path reads (who is asking, the customer's position, the search index's freshness) on a second,
 * read-only SQLite connection with prepared statements. Under a burst each Prisma query costs 2-3 ms of CPU in
 * its JS query engine, on the one event loop that also accepts Slack's connections; the same read here costs
 * tens of microseconds. The database is in WAL mode, so this connection never blocks a writer and sees every
 * committed write (a read during another request's open transaction sees the state before it).
 * Only the SQLite file database has a reader: anything else (another database, `:memory:`) gets null and
 * the callers use Prisma as before.
 */
export interface Reader {
  readonly sqlite: Database.Database;
  /** statements prepared once, by their SQL */
  get<T>(sql: string, ...params: unknown[]): T | undefined;
  all<T>(sql: string, ...params: unknown[]): T[];
}

const readers = new WeakMap<Db, Reader>();

/** Opens the read connection for this client's SQLite file (a no-op for other databases). */
export function openReader(db: Db, databaseUrl: string): void {
  if (readers.has(db) || !databaseUrl.startsWith("file:")) return;
  const file = sqlitePath(databaseUrl);
  if (file === ":memory:") return;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  readers.set(db, {
    sqlite,
    get: <T>(sql: string, ...params: unknown[]) => prepared(sql).get(...params) as T | undefined,
    all: <T>(sql: string, ...params: unknown[]) => prepared(sql).all(...params) as T[],
  });
}

export function readerOf(db: unknown): Reader | null {
  return (typeof db === "object" && db !== null && readers.get(db as Db)) || null;
}

export function closeReader(db: Db): void {
  const reader = readers.get(db);
  readers.delete(db);
  reader?.sqlite.close();
}
