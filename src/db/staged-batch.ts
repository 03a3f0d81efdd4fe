// Staged batches: a long write (an import of any kind) in short transactions, all or nothing.
//
// 1. The caller validates and plans everything with reads only (no write lock).
// 2. `stage()` writes the planned rows into StagedRow in chunks, each its own short transaction: nobody
//    else reads StagedRow, so a staged batch is invisible.
// 3. `commit()` runs the caller's merge (plain INSERT ... SELECT / UPDATE ... FROM over StagedRow, see
//    `mergeInserts` / `mergeUpdates` / `checkGuards`) in one transaction and marks the batch committed:
//    the whole batch becomes visible at once, or (error, stale guard, kill) not at all.
// 4. A batch whose process died (killed import) stays "staging": `cleanStaleBatches` deletes it on the
//    next start or the next import. A committed batch's staged rows are deleted after the commit.
//
// New rows carry provisional negative ids (-1, -2, ...) in the plan; the merge maps them to real ids
// (next free id + n - 1) inside the final transaction, so references between new rows need no read-back.

import { hostname } from "node:os";
import type { Db, Tx } from "./client";
import { type SqlDialect, type SqlType, sqlDialect } from "./dialect";
import { SqliteStager } from "./staging-sqlite";
import { isBusy } from "./unit-of-work";

export interface StagedRowInput {
  /** target and operation, e.g. "invoice.create", "invoice.update" */
  kind: string;
  /** provisional id (negative) of a new row, or the id of the row to update */
  ref: number | null;
  data: Record<string, unknown>;
  /** for updates: the values the row must still hold at commit (else the plan is stale) */
  guard?: Record<string, unknown>;
}

/** The rows changed under the plan between planning and commit: plan again. */
export class StaleBatchError extends Error {
  constructor(
    readonly kind: string,
    readonly count: number,
  ) {
    super(`${count} rows of ${kind} changed while the batch was staged`);
  }
}

export interface StageStats {
  chunks: number;
  rows: number;
  /** the longest staging transaction */
  longestMs: number;
}

const STAGE_ROWS = 1000;
/**
 * Every staging table: StagedRow (any kind, JSON) and the typed ones for bulk rows. A new typed staging
 * table (with "batchId") is added here so that leftovers are cleaned.
 */
export const STAGING_TABLES = ["StagedRow", "StagedInvoice"] as const;
export type StagingTable = (typeof STAGING_TABLES)[number];
const CLEAN_ROWS = 2000;
/**
 * Pause after each staging (or cleaning) transaction, at least as long as it took: SQLite's lock is not
 * fair, and a writer waiting in its busy handler polls every 25 to 100 ms, so back-to-back transactions
 * would starve the rest of Credito for the whole staging. With this gap every waiting writer gets in.
 */
const PACE_MS = 50;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(PACE_MS, ms)));
/** a staging batch whose heartbeat is older than this is taken as dead even if its pid looks alive */
const STALE_AFTER_MS = 10 * 60_000;

/** One staging INSERT of a chunk (a JSON array of arrays, one per row) into `table`. */
function stageSql(d: SqlDialect, table: StagingTable, columns: readonly StagedColumn[]): string {
  return (
    `INSERT INTO "${table}" ("batchId", ${columns.map((c) => `"${c.name}"`).join(", ")}) ` +
    `SELECT ${d.param(1, "integer")}, ${columns.map((c, i) => d.jsonField(i, c.type)).join(", ")} ` +
    `FROM ${d.jsonRows(2)} ORDER BY key`
  );
}
const STAGED_ROW_COLUMNS: readonly StagedColumn[] = [
  { name: "kind", type: "text" },
  { name: "ref", type: "integer" },
  { name: "data", type: "text" },
  { name: "guard", type: "text" },
];
const STAGE_SQL = {
  sqlite: stageSql(sqlDialect({}), "StagedRow", STAGED_ROW_COLUMNS),
  postgresql: stageSql(sqlDialect({ _activeProvider: "postgresql" }), "StagedRow", STAGED_ROW_COLUMNS),
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Short retried write outside the unit-of-work (staging has no outbox to kick). */
async function shortWrite<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(fn, { maxWait: 10_000, timeout: 60_000 });
    } catch (err) {
      if (!isBusy(err) || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
    }
  }
}

export class StagedBatch {
  /** the longest staging transaction so far */
  private longestStageMs = 0;

  private constructor(
    private readonly db: Db,
    readonly id: number,
    /** SQLite: staging on prepared statements (./staging-sqlite.ts); null: through Prisma (PostgreSQL) */
    private readonly stager: SqliteStager | null,
  ) {}

  /** Cleans dead batches, then opens a new one. */
  static async open(db: Db, label: string, actor: string): Promise<StagedBatch> {
    await cleanStaleBatches(db);
    const row = await shortWrite(db, (tx) =>
      tx.stagedBatch.create({ data: { label, actor, pid: process.pid, host: hostname() } }),
    );
    return new StagedBatch(db, row.id, SqliteStager.open(db));
  }

  /**
   * Writes the rows in short transactions (each also refreshes the heartbeat): on SQLite as many as fit in
   * a time box, else `chunkRows` at a time.
   */
  async stage(rows: Iterable<StagedRowInput>, chunkRows = STAGE_ROWS): Promise<StageStats> {
    if (this.stager) {
      const values = mapIterator(rows, (r) => [
        r.kind,
        r.ref,
        JSON.stringify(r.data),
        r.guard ? JSON.stringify(r.guard) : null,
      ]);
      return this.stageSqlite("StagedRow", STAGED_ROW_COLUMNS, values);
    }
    const stats: StageStats = { chunks: 0, rows: 0, longestMs: 0 };
    let chunk: unknown[][] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const json = JSON.stringify(chunk);
      chunk = [];
      const ms = await this.timed((tx) =>
        Promise.all([
          tx.$executeRawUnsafe(STAGE_SQL[sqlDialect(tx).name], this.id, json),
          tx.stagedBatch.update({ where: { id: this.id }, data: { heartbeatAt: new Date() } }),
        ]),
      );
      stats.chunks += 1;
      stats.longestMs = Math.max(stats.longestMs, ms);
    };
    for (const r of rows) {
      chunk.push([r.kind, r.ref, JSON.stringify(r.data), r.guard ? JSON.stringify(r.guard) : null]);
      stats.rows += 1;
      if (chunk.length >= chunkRows) await flush();
    }
    await flush();
    return stats;
  }

  /**
   * Writes rows (their values in `columns` order) into a typed staging table (columns named and typed as in
   * `columns`, plus "batchId") in short transactions. For the bulk of a large batch: the merge reads typed
   * columns faster than JSON.
   */
  async stageInto(
    table: Exclude<StagingTable, "StagedRow">,
    columns: readonly StagedColumn[],
    rows: Iterable<readonly unknown[]>,
    chunkRows = STAGE_ROWS,
  ): Promise<StageStats> {
    if (this.stager) return this.stageSqlite(table, columns, rows[Symbol.iterator]());
    const stats: StageStats = { chunks: 0, rows: 0, longestMs: 0 };
    const sql = stageSql(sqlDialect(this.db), table, columns);
    let chunk: unknown[][] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const json = JSON.stringify(chunk);
      chunk = [];
      const ms = await this.timed((tx) =>
        Promise.all([
          tx.$executeRawUnsafe(sql, this.id, json),
          tx.stagedBatch.update({ where: { id: this.id }, data: { heartbeatAt: new Date() } }),
        ]),
      );
      stats.chunks += 1;
      stats.longestMs = Math.max(stats.longestMs, ms);
    };
    for (const r of rows) {
      chunk.push(r.map((v) => v ?? null));
      stats.rows += 1;
      if (chunk.length >= chunkRows) await flush();
    }
    await flush();
    return stats;
  }

  private async stageSqlite(
    table: StagingTable,
    columns: readonly StagedColumn[],
    rows: Iterator<readonly unknown[]>,
  ): Promise<StageStats> {
    // StagedRow's data and guard are JSON: binary JSON on SQLite (read by `jsonProp`, `jsonMissing` alike)
    const json = new Set(table === "StagedRow" ? ["data", "guard"] : []);
    const boxes = await this.stager!.insert(
      table,
      this.id,
      columns.map((c) => c.name),
      rows,
      json,
    );
    const longestMs = Math.max(0, ...boxes.map((b) => b.ms));
    this.longestStageMs = Math.max(this.longestStageMs, longestMs);
    return { chunks: boxes.length, rows: boxes.reduce((n, b) => n + b.rows, 0), longestMs };
  }

  /**
   * The final step: the merge and the "committed" mark in one transaction. `dryRun` runs the merge
   * and rolls it back (what the import would do, with nothing kept). Returns the merge's result and
   * how long the transaction held the lock.
   */
  async commit<T>(
    merge: (tx: Tx, batchId: number) => Promise<T>,
    opts: { dryRun?: boolean } = {},
  ): Promise<{ result: T; ms: number }> {
    const d = sqlDialect(this.db);
    for (const sql of d.mergePrelude) await this.db.$executeRawUnsafe(sql);
    let result: T | undefined;
    let ms = 0;
    class DryRun extends Error {}
    try {
      await this.db.$transaction(
        async (tx) => {
          // take the write lock first, so the time measured is the time it is held
          await tx.$executeRawUnsafe(
            `UPDATE "StagedBatch" SET "heartbeatAt" = ${d.param(1, "timestamp")} WHERE "id" = ${d.param(2, "integer")}`,
            new Date(),
            this.id,
          );
          const t0 = performance.now();
          result = await merge(tx, this.id);
          ms = performance.now() - t0;
          if (opts.dryRun) throw new DryRun();
          await tx.stagedBatch.update({
            where: { id: this.id },
            data: {
              status: "committed",
              committedAt: new Date(),
              commitMs: Math.round(ms),
              stageMs: Math.round(this.longestStageMs),
            },
          });
        },
        { maxWait: 30_000, timeout: 10 * 60_000 },
      );
    } catch (err) {
      if (!(err instanceof DryRun)) throw err;
    }
    await this.discardRows();
    return { result: result as T, ms };
  }

  /** Drops a batch that will not be committed (a rejected plan, a stale guard, an error). */
  async abandon(): Promise<void> {
    await shortWrite(this.db, (tx) =>
      tx.stagedBatch.updateMany({ where: { id: this.id, status: "staging" }, data: { status: "abandoned" } }),
    );
    await this.discardRows();
  }

  private async discardRows(): Promise<void> {
    try {
      await deleteStagedRows(this.db, this.id, this.stager);
    } finally {
      this.stager?.close();
    }
  }

  private async timed(fn: (tx: Tx) => Promise<unknown>): Promise<number> {
    let ms = 0;
    await shortWrite(this.db, async (tx) => {
      const t0 = performance.now();
      await fn(tx);
      ms = performance.now() - t0;
    });
    this.longestStageMs = Math.max(this.longestStageMs, ms);
    await pause(ms);
    return ms;
  }
}

async function deleteStagedRows(db: Db, batchId: number, stager: SqliteStager | null): Promise<void> {
  if (stager) {
    for (const table of STAGING_TABLES) await stager.discard(table, batchId);
    return;
  }
  for (const table of STAGING_TABLES) {
    for (;;) {
      const t0 = performance.now();
      const n = await shortWrite(db, (tx) =>
        tx.$executeRawUnsafe(
          `DELETE FROM "${table}" WHERE "id" IN (SELECT "id" FROM "${table}" WHERE "batchId" = ${sqlDialect(db).param(1, "integer")} LIMIT ${CLEAN_ROWS})`,
          batchId,
        ),
      );
      if (n < CLEAN_ROWS) break;
      await pause(performance.now() - t0);
    }
  }
}

/**
 * Deletes what dead batches left: staging batches whose process is gone (same host) or silent for
 * 10 minutes, and the staged rows of any batch no longer staging. Runs at start-up and before each import.
 * Returns how many batches were cleaned.
 */
export async function cleanStaleBatches(db: Db, now = new Date()): Promise<number> {
  const staging = await db.stagedBatch.findMany({ where: { status: "staging" } });
  const host = hostname();
  const dead = staging.filter(
    (b) =>
      now.getTime() - b.heartbeatAt.getTime() > STALE_AFTER_MS ||
      (b.host === host && b.pid !== null && b.pid !== process.pid && !alive(b.pid)),
  );
  if (dead.length > 0) {
    await shortWrite(db, (tx) =>
      tx.stagedBatch.updateMany({
        where: { id: { in: dead.map((b) => b.id) }, status: "staging" },
        data: { status: "abandoned" },
      }),
    );
  }
  const leftovers = new Set<number>();
  for (const table of STAGING_TABLES) {
    const rows = await db.$queryRawUnsafe<Array<{ batchId: number }>>(
      `SELECT DISTINCT r."batchId" FROM "${table}" r LEFT JOIN "StagedBatch" b ON b."id" = r."batchId"
       WHERE b."id" IS NULL OR b."status" <> 'staging'`,
    );
    for (const r of rows) leftovers.add(Number(r.batchId));
  }
  if (leftovers.size > 0) {
    const stager = SqliteStager.open(db);
    try {
      for (const batchId of leftovers) await deleteStagedRows(db, batchId, stager);
    } finally {
      stager?.close();
    }
  }
  return dead.length;
}

function* mapIterator<T, U>(items: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of items) yield fn(item);
}

// ---- merge helpers: set-based SQL over the staged rows, for the caller's merge ----

/** A column of a staging table, with its type (PostgreSQL casts the JSON text it is read from). */
export interface StagedColumn {
  name: string;
  type: SqlType;
}

export interface MergeColumn extends StagedColumn {
  /** the column holds an id of this table, possibly provisional (negative): mapped to the real id */
  ref?: string;
  /** bound as the commit time (createdAt, updatedAt) instead of read from the data */
  now?: boolean;
}

/** Next free id of each table: provisional id -n becomes base + n - 1. */
export type IdBases = Record<string, number>;

export async function idBase(tx: Tx, table: string): Promise<number> {
  const rows = await tx.$queryRawUnsafe<Array<{ base: number | bigint }>>(sqlDialect(tx).idBaseSql(table));
  return Number(rows[0]!.base);
}

/**
 * Locks the tables the merge writes, against concurrent writers, until the commit: the guards checked
 * then hold, and the id bases stay free. (On SQLite the merge's transaction holds the write lock already.)
 */
export async function lockForMerge(tx: Tx, tables: readonly string[]): Promise<void> {
  const sql = sqlDialect(tx).lockTablesSql(tables);
  if (sql) await tx.$executeRawUnsafe(sql);
}

/** After ids were inserted explicitly into `table`: its id sequence moves past them (PostgreSQL). */
async function advanceIds(tx: Tx, table: string): Promise<void> {
  const sql = sqlDialect(tx).advanceIdsSql(table);
  if (sql) await tx.$queryRawUnsafe(sql);
}

function valueSql(d: SqlDialect, c: MergeColumn, bases: IdBases, typed = false): string {
  const v = typed ? `s."${c.name}"` : d.jsonProp(`s."data"`, c.name, c.type);
  if (!c.ref) return v;
  const base = bases[c.ref];
  if (base === undefined) throw new Error(`no id base for ${c.ref}`);
  return `(CASE WHEN ${v} < 0 THEN ${base} - ${v} - 1 ELSE ${v} END)`;
}

/** INSERT ... SELECT of the staged rows of one kind; the row's id is mapped from its provisional ref. */
export async function mergeInserts(
  tx: Tx,
  batchId: number,
  kind: string,
  table: string,
  columns: readonly MergeColumn[],
  bases: IdBases,
  now: Date,
): Promise<number> {
  return insertFromStaging(tx, table, columns, bases, now, {
    from: sqlDialect(tx).stagedRows,
    typed: false,
    where: [
      { column: "batchId", type: "integer", value: batchId },
      { column: "kind", type: "text", value: kind },
    ],
  });
}

/** INSERT ... SELECT from a typed staging table (its "ref" is the provisional id). */
export async function mergeTypedInserts(
  tx: Tx,
  batchId: number,
  staging: Exclude<StagingTable, "StagedRow">,
  table: string,
  columns: readonly MergeColumn[],
  bases: IdBases,
  now: Date,
): Promise<number> {
  return insertFromStaging(tx, table, columns, bases, now, {
    from: `"${staging}" s`,
    typed: true,
    where: [{ column: "batchId", type: "integer", value: batchId }],
  });
}

/**
 * The INSERT ... SELECT both merges run: ids from the provisional refs, the `now` columns bound as the
 * commit time, values read from the staged JSON or from a typed staging table's own columns.
 */
async function insertFromStaging(
  tx: Tx,
  table: string,
  columns: readonly MergeColumn[],
  bases: IdBases,
  now: Date,
  source: {
    from: string;
    typed: boolean;
    where: ReadonlyArray<{ column: string; type: SqlType; value: unknown }>;
  },
): Promise<number> {
  const base = bases[table];
  if (base === undefined) throw new Error(`no id base for ${table}`);
  const d = sqlDialect(tx);
  let n = 0;
  const names = ["id", ...columns.map((c) => c.name)].map((c) => `"${c}"`).join(", ");
  const values = [
    `${base} - s."ref" - 1`,
    ...columns.map((c) => (c.now ? d.param(++n, "timestamp") : valueSql(d, c, bases, source.typed))),
  ].join(", ");
  const where = source.where.map((w) => `s."${w.column}" = ${d.param(++n, w.type)}`).join(" AND ");
  const count = await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${names}) SELECT ${values} FROM ${source.from} WHERE ${where} ORDER BY s."id"`,
    ...columns.filter((c) => c.now).map(() => now),
    ...source.where.map((w) => w.value),
  );
  await advanceIds(tx, table);
  return count;
}

/**
 * UPDATE ... FROM the staged rows of one kind: each column present in a row's data is set, the others
 * are kept; `touch` columns are set to the commit time.
 */
export async function mergeUpdates(
  tx: Tx,
  batchId: number,
  kind: string,
  table: string,
  columns: readonly MergeColumn[],
  bases: IdBases,
  now: Date,
  touch: readonly string[] = [],
): Promise<number> {
  const d = sqlDialect(tx);
  let n = 0;
  const sets = [
    ...columns.map(
      (c) =>
        `"${c.name}" = CASE WHEN ${d.jsonMissing(`s."data"`, c.name)} THEN "${table}"."${c.name}" ELSE ${valueSql(d, c, bases)} END`,
    ),
    ...touch.map((t) => `"${t}" = ${d.param(++n, "timestamp")}`),
  ].join(", ");
  return tx.$executeRawUnsafe(
    `UPDATE "${table}" SET ${sets} FROM ${d.stagedRows}
     WHERE s."batchId" = ${d.param(n + 1, "integer")} AND s."kind" = ${d.param(n + 2, "text")} AND "${table}"."id" = s."ref"`,
    ...touch.map(() => now),
    batchId,
    kind,
  );
}

/** Throws StaleBatchError when a row to update is gone or no longer holds its guard's values. */
export async function checkGuards(
  tx: Tx,
  batchId: number,
  kind: string,
  table: string,
  guardColumns: readonly StagedColumn[],
): Promise<void> {
  const d = sqlDialect(tx);
  const differs = guardColumns
    .map(
      (c) =>
        `(NOT ${d.jsonMissing(`s."guard"`, c.name)} AND ${d.isDistinct(`t."${c.name}"`, d.jsonProp(`s."guard"`, c.name, c.type))})`,
    )
    .join(" OR ");
  const rows = await tx.$queryRawUnsafe<Array<{ n: number | bigint }>>(
    `SELECT count(*) AS n FROM ${d.stagedRows} LEFT JOIN "${table}" t ON t."id" = s."ref"
     WHERE s."batchId" = ${d.param(1, "integer")} AND s."kind" = ${d.param(2, "text")} AND (t."id" IS NULL${differs ? ` OR ${differs}` : ""})`,
    batchId,
    kind,
  );
  const n = Number(rows[0]!.n);
  if (n > 0) throw new StaleBatchError(kind, n);
}
