// Staging on SQLite through prepared statements (src/db/staging-sqlite.ts): rows in time-boxed transactions
// that let another writer in, binary-JSON rows read by the merge helpers, guards still checked, staged rows
// deleted after the commit without touching another batch's.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../src/db/client";
import { sqlitePath } from "../../src/db/migrate";
import {
  checkGuards,
  idBase,
  mergeTypedInserts,
  mergeUpdates,
  StagedBatch,
  type StagedColumn,
  StaleBatchError,
} from "../../src/db/staged-batch";
import { bindable, STAGE_BOX_MS } from "../../src/db/staging-sqlite";

let dir: string;
let url: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-staging-"));
  url = `file:${join(dir, "s.db")}`;
  db = await openDb(url, { busyTimeoutMs: 20 });
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

const INVOICE: StagedColumn[] = [
  { name: "ref", type: "integer" },
  { name: "customerId", type: "integer" },
  { name: "number", type: "text" },
  { name: "installment", type: "integer" },
  { name: "issueDate", type: "text" },
  { name: "dueDate", type: "text" },
  { name: "amountCents", type: "integer" },
  { name: "openCents", type: "integer" },
  { name: "status", type: "text" },
  { name: "source", type: "text" },
  { name: "closedOn", type: "text" },
];

/** Rows that take at least `usPerRow` microseconds each to produce, so that staging them takes longer than a
 * few time boxes on any machine, however fast (the box closes on time, whatever the row count). */
function* slowRows(rows: unknown[][], usPerRow: number): Generator<unknown[]> {
  for (const row of rows) {
    const until = performance.now() + usPerRow / 1000;
    while (performance.now() < until) {}
    yield row;
  }
}

function invoiceRows(customerId: number, n: number, prefix = "F"): unknown[][] {
  return Array.from({ length: n }, (_, i) => [
    -(i + 1),
    customerId,
    `${prefix}${i + 1}`,
    1,
    "2026-01-10",
    "2026-02-10",
    10_000 + i,
    10_000 + i,
    "open",
    "scadenzario",
    undefined, // bound as NULL
  ]);
}

describe("staging on SQLite", () => {
  it("binds what better-sqlite3 refuses: booleans as 1/0, undefined as NULL, dates as Prisma writes them", () => {
    expect(bindable(true)).toBe(1);
    expect(bindable(false)).toBe(0);
    expect(bindable(undefined)).toBeNull();
    expect(bindable(null)).toBeNull();
    expect(bindable("x")).toBe("x");
    expect(bindable(12)).toBe(12);
    expect(bindable(new Date("2026-03-02T07:30:00.000Z"))).toBe("2026-03-02T07:30:00.000+00:00");
  });

  it("stages in time-boxed transactions that let another writer in, then merges and leaves no staged rows", async () => {
    const customer = await db.customer.create({ data: { code: "S0001", name: "Staging SRL" } });
    const batch = await StagedBatch.open(db, "test", "t");
    // another connection (as the bot would be) writes whenever it gets the lock
    const other = new Database(sqlitePath(url));
    other.pragma("busy_timeout = 0");
    other.exec(`CREATE TABLE IF NOT EXISTS "OtherWrites" ("n" INTEGER)`);
    const insert = other.prepare(`INSERT INTO "OtherWrites" ("n") VALUES (?)`);
    let writes = 0;
    const timer = setInterval(() => {
      try {
        other.exec("BEGIN IMMEDIATE");
        insert.run(writes);
        other.exec("COMMIT");
        writes += 1;
      } catch {
        if (other.inTransaction) other.exec("ROLLBACK");
      }
    }, 2);
    const rows = 50_000;
    let stats: Awaited<ReturnType<StagedBatch["stageInto"]>>;
    try {
      // 5 µs a row: at least 250 ms of staging, more than 6 boxes even where the inserts cost nothing
      stats = await batch.stageInto("StagedInvoice", INVOICE, slowRows(invoiceRows(customer.id, rows), 5));
    } finally {
      clearInterval(timer);
      other.close();
    }
    expect(stats.rows).toBe(rows);
    // boxed by time, not by rows (generous bound: a loaded machine stretches a box)
    expect(stats.chunks).toBeGreaterThan(5);
    expect(stats.longestMs).toBeLessThan(STAGE_BOX_MS * 8);
    expect(writes).toBeGreaterThanOrEqual(stats.chunks - 1);
    expect(await db.stagedInvoice.count({ where: { batchId: batch.id } })).toBe(rows);
    const sample = await db.stagedInvoice.findFirstOrThrow({ where: { batchId: batch.id, number: "F7" } });
    expect(sample).toMatchObject({ ref: -7, customerId: customer.id, amountCents: 10_006, closedOn: null });

    const now = new Date("2026-03-02T08:30:00Z");
    const { result } = await batch.commit(async (tx, id) => {
      const bases = { Invoice: await idBase(tx, "Invoice"), Customer: await idBase(tx, "Customer") };
      return mergeTypedInserts(
        tx,
        id,
        "StagedInvoice",
        "Invoice",
        [
          ...INVOICE.filter((c) => c.name !== "ref").map((c) =>
            c.name === "customerId" ? { ...c, ref: "Customer" } : c,
          ),
          { name: "createdAt", type: "timestamp", now: true },
          { name: "updatedAt", type: "timestamp", now: true },
        ],
        bases,
        now,
      );
    });
    expect(result).toBe(rows);
    expect(await db.invoice.count({ where: { customerId: customer.id } })).toBe(rows);
    expect(await db.stagedInvoice.count()).toBe(0);
    const row = await db.stagedBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(row.status).toBe("committed");
    expect(row.heartbeatAt.getTime()).toBeGreaterThan(row.createdAt.getTime() - 1000);
  });

  it("a commit deletes its own staged rows only: another batch's stay until it is done", async () => {
    const a = await StagedBatch.open(db, "a", "t");
    const b = await StagedBatch.open(db, "b", "t");
    await a.stageInto("StagedInvoice", INVOICE, invoiceRows(1, 30, "A"));
    await b.stageInto("StagedInvoice", INVOICE, invoiceRows(1, 1200, "B"));
    await b.stage([{ kind: "x.create", ref: -1, data: { a: 1 } }]);
    await a.stage([{ kind: "x.create", ref: -1, data: { a: 2 } }]);
    await b.commit(async () => undefined);
    expect(await db.stagedInvoice.count({ where: { batchId: b.id } })).toBe(0);
    expect(await db.stagedInvoice.count({ where: { batchId: a.id } })).toBe(30);
    expect(await db.stagedRow.count({ where: { batchId: a.id } })).toBe(1);
    await a.abandon();
    const ours = { batchId: { in: [a.id, b.id] } };
    expect(await db.stagedInvoice.count({ where: ours })).toBe(0);
    expect(await db.stagedRow.count({ where: ours })).toBe(0);
  });

  it("guards staged as binary JSON still catch a row changed meanwhile; a clean one merges only what it names", async () => {
    const c = await db.customer.create({ data: { code: "G0001", name: "Prima SRL", city: "Bologna" } });
    const columns: StagedColumn[] = [
      { name: "name", type: "text" },
      { name: "city", type: "text" },
    ];
    const stale = await StagedBatch.open(db, "stale", "t");
    await stale.stage([
      { kind: "customer.update", ref: c.id, data: { name: "Seconda SRL" }, guard: { name: "Prima SRL" } },
    ]);
    await db.customer.update({ where: { id: c.id }, data: { name: "Cambiata SRL" } });
    const err = await stale
      .commit((tx, id) => checkGuards(tx, id, "customer.update", "Customer", columns))
      .catch((e) => e);
    expect(err).toBeInstanceOf(StaleBatchError);
    await stale.abandon();
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.id } })).name).toBe("Cambiata SRL");

    const ok = await StagedBatch.open(db, "ok", "t");
    await ok.stage([
      { kind: "customer.update", ref: c.id, data: { name: "Terza SRL" }, guard: { name: "Cambiata SRL" } },
    ]);
    await ok.commit(async (tx, id) => {
      await checkGuards(tx, id, "customer.update", "Customer", columns);
      await mergeUpdates(tx, id, "customer.update", "Customer", columns, {}, new Date());
    });
    const after = await db.customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ name: "Terza SRL", city: "Bologna" });
    expect(await db.stagedRow.count()).toBe(0);
  });
});
