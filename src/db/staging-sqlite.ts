// Staging on SQLite without Prisma: a second write connection to the same file, prepared statements, and
// transactions boxed by time instead of by row count.
//
// Through Prisma a 1,000-row staging chunk cost 10-40 ms of CPU (the rows as one JSON parameter, Prisma's
// query engine, SQLite's json_each); a prepared INSERT costs a few µs a row. So each transaction stages
// as many rows as fit in a time box (about ten thousand in 40 ms on a quiet machine, fewer on a loaded one),
// longer while nobody else writes. The pause after each transaction is what lets the rest of Credito write
// during an import (see `PACE_MS`).
//
// The staged rows stay invisible (nobody else reads the staging tables) and a killed process leaves
// only rows of a batch still "staging", which `cleanStaleBatches` deletes, as with the Prisma path.

import Database from "better-sqlite3";
import type { Db } from "./client";
import { readerOf } from "./reads";
import { isBusy } from "./unit-of-work";

/**
 * The time a staging transaction may hold the write lock (checked after each statement of `GROUP` rows):
 * the longest of the 1,000-row transactions through Prisma, so a collector waits no longer than before.
 * Longer boxes while nobody else wrote (100 ms) saved 0.3 s per 100,000 rows but made the final merge and
 * the longest lock about 40% longer on bench/busy.bench.ts, so every box is this one. Others write when one
 * of them committed since our previous transaction (`PRAGMA data_version` changed) or held the lock when we
 * asked; then the next `BUSY_BOXES` pauses are at least as long as the transaction before them.
 */
export const STAGE_BOX_MS = 40;
const BUSY_BOXES = 5;
/** rows per INSERT statement: one statement of 32 rows costs about half of 32 single-row ones */
const GROUP = 32;
/** SQLite's own wait for the lock on this connection; beyond it the wait is asynchronous (below) */
const BUSY_TIMEOUT_MS = 50;
/** how long a staging transaction keeps retrying a busy database before the import fails */
const RETRY_BUDGET_MS = 60_000;
/**
 * The pause after a staging transaction: at least 50 ms, and while others write at least as long as the
 * transaction. SQLite's lock is not fair, and a writer that has been waiting a while in its busy handler
 * polls every 25 to 100 ms. Never shorter: a Prisma transaction begins deferred, reads, then asks for the
 * lock, and a staging commit while it waits makes its snapshot stale (SQLITE_BUSY_SNAPSHOT): it retries
 * after a backoff and must then fit its reads and writes in one pause, or it never commits (and no commit
 * tells the import it is there). 10 ms pauses while nobody seemed to write were tried and dropped for that
 * reason (on the loaded machine of the time the busy benchmark could not tell the two apart).
 */
const PACE_MS = 50;

/** A value SQLite binds: better-sqlite3 refuses booleans, undefined and dates. */
type Bindable = string | number | bigint | null | Buffer;

export function bindable(v: unknown): Bindable {
  if (typeof v === "string" || typeof v === "number") return v;
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return prismaTimestamp(v);
  if (typeof v === "bigint" || Buffer.isBuffer(v)) return v;
  return JSON.stringify(v);
}

/** A DateTime as Prisma's SQLite adapter writes it (ISO 8601, "+00:00"), so Prisma reads it back. */
export function prismaTimestamp(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The SQLite file behind a client opened by `openDb` (null for PostgreSQL and in-memory databases). */
export function sqliteFileOf(db: Db): string | null {
  return readerOf(db)?.sqlite.name ?? null;
}

export interface BoxStats {
  rows: number;
  ms: number;
}

/** One staging writer: a connection of its own, closed when the batch is done. */
export class SqliteStager {
  private readonly statements = new Map<string, Database.Statement>();
  /** `PRAGMA data_version` after our last commit: it changes when another connection commits */
  private version: number | null = null;
  /** how many more pauses wait as long as the transaction before them (others write) */
  private busyBoxes = 0;

  private constructor(private readonly conn: Database.Database) {}

  /** A writer for this client's SQLite file, or null when the database is not one (the Prisma path). */
  static open(db: Db): SqliteStager | null {
    const file = sqliteFileOf(db);
    if (!file) return null;
    const conn = new Database(file, { fileMustExist: true });
    conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const stager = new SqliteStager(conn);
    stager.version = stager.dataVersion(); // a commit by anyone else from now on shows
    return stager;
  }

  close(): void {
    if (this.conn.open) this.conn.close();
  }

  private prepared(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.conn.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /**
   * Runs `work` in one write transaction (BEGIN IMMEDIATE, so the lock is taken first and the time measured
   * is the time it is held), retrying a busy database with jittered waits that leave the event loop free.
   */
  async transaction<T>(work: () => T): Promise<{ value: T; ms: number }> {
    const started = performance.now();
    for (;;) {
      try {
        this.conn.exec("BEGIN IMMEDIATE");
      } catch (err) {
        if (!isBusy(err) || performance.now() - started > RETRY_BUDGET_MS) throw err;
        this.busyBoxes = BUSY_BOXES;
        await sleep(10 + Math.random() * 40);
        continue;
      }
      const t0 = performance.now();
      try {
        if (this.version !== null && this.dataVersion() !== this.version) this.busyBoxes = BUSY_BOXES;
        const value = work();
        this.conn.exec("COMMIT");
        const ms = performance.now() - t0;
        this.version = this.dataVersion();
        return { value, ms };
      } catch (err) {
        if (this.conn.inTransaction) this.conn.exec("ROLLBACK");
        throw err;
      }
    }
  }

  private dataVersion(): number {
    return this.prepared("PRAGMA data_version").pluck().get() as number;
  }

  /** The pause after a transaction of `ms` (and one transaction less in the short boxes). */
  private pace(ms: number): Promise<void> {
    const busy = this.busyBoxes > 0;
    if (busy) this.busyBoxes -= 1;
    return sleep(busy ? Math.max(PACE_MS, ms) : PACE_MS);
  }

  /**
   * Inserts `rows` (values in `columns` order) into `table` with the batch id, in transactions of at most
   * one time box each (`STAGE_BOX_MS`), each followed by
   * a pause; each also refreshes the batch's heartbeat.
   * The `json` columns hold JSON text, stored as SQLite's binary JSON: the merge reads a property of it
   * without parsing the text again for every column. Returns each transaction's rows and time.
   */
  async insert(
    table: string,
    batchId: number,
    columns: readonly string[],
    rows: Iterator<readonly unknown[]>,
    json: ReadonlySet<string> = new Set(),
  ): Promise<BoxStats[]> {
    const width = columns.length + 1;
    const row = `(?${columns.map((c) => (json.has(c) ? ", jsonb(?)" : ", ?")).join("")})`;
    const sql = (n: number) =>
      `INSERT INTO "${table}" ("batchId", ${columns.map((c) => `"${c}"`).join(", ")}) VALUES ` +
      Array.from({ length: n }, () => row).join(", ");
    const group = this.prepared(sql(GROUP));
    const single = this.prepared(sql(1));
    const args: Bindable[] = new Array(GROUP * width);
    const one: Bindable[] = new Array(width);
    const boxes: BoxStats[] = [];
    // rows read from the iterator but not inserted yet (the box closed before them)
    let pending: Array<readonly unknown[]> = [];
    let done = false;
    const fill = () => {
      while (pending.length < GROUP && !done) {
        const next = rows.next();
        if (next.done) done = true;
        else pending.push(next.value);
      }
    };
    fill();
    while (pending.length > 0) {
      const { value: n, ms } = await this.transaction(() => {
        const t0 = performance.now();
        let n = 0;
        while (pending.length > 0) {
          if (pending.length === GROUP) {
            for (let r = 0; r < GROUP; r++) {
              const values = pending[r]!;
              args[r * width] = batchId;
              for (let i = 0; i < columns.length; i++) args[r * width + i + 1] = bindable(values[i]);
            }
            group.run(args);
          } else {
            for (const values of pending) {
              one[0] = batchId;
              for (let i = 0; i < columns.length; i++) one[i + 1] = bindable(values[i]);
              single.run(one);
            }
          }
          n += pending.length;
          pending = [];
          fill();
          if (performance.now() - t0 >= STAGE_BOX_MS) break;
        }
        this.heartbeat(batchId);
        return n;
      });
      boxes.push({ rows: n, ms });
      await this.pace(ms);
    }
    return boxes;
  }

  heartbeat(batchId: number): void {
    this.prepared(`UPDATE "StagedBatch" SET "heartbeatAt" = ? WHERE "id" = ?`).run(
      prismaTimestamp(new Date()),
      batchId,
    );
  }

  /**
   * Deletes a batch's staged rows from `table`. When no other batch has rows there, one `DELETE` without
   * WHERE (SQLite's truncate: it drops the table's pages instead of visiting each row and its index
   * entries); else by id ranges, each transaction boxed by time like the inserts.
   */
  async discard(table: string, batchId: number): Promise<void> {
    const others = this.prepared(
      `SELECT EXISTS (SELECT 1 FROM "${table}" WHERE "batchId" < ?) OR EXISTS (SELECT 1 FROM "${table}" WHERE "batchId" > ?) AS n`,
    );
    const truncated = await this.transaction(() => {
      const row = others.get(batchId, batchId) as { n: number };
      if (row.n) return false;
      this.conn.exec(`DELETE FROM "${table}"`);
      return true;
    });
    if (truncated.value) return;
    await this.pace(truncated.ms);
    const chunk = this.prepared(
      `DELETE FROM "${table}" WHERE "id" IN (SELECT "id" FROM "${table}" WHERE "batchId" = ? LIMIT 500)`,
    );
    for (;;) {
      const { value: done, ms } = await this.transaction(() => {
        const t0 = performance.now();
        while (performance.now() - t0 < STAGE_BOX_MS) {
          if (chunk.run(batchId).changes < 500) return true;
        }
        return false;
      });
      if (done) return;
      await this.pace(ms);
    }
  }
}
