import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../src/db/client";
import { sqlitePath } from "../../src/db/migrate";
import { cleanStaleBatches, StagedBatch } from "../../src/db/staged-batch";
import { DatabaseBusyError, unitOfWork } from "../../src/db/unit-of-work";

let dir: string;
let url: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-uow-"));
  url = `file:${join(dir, "u.db")}`;
  db = await openDb(url, { busyTimeoutMs: 20 });
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

/** Another connection (as another process would) holding the write lock for `ms`. */
function holdLock(ms: number): Promise<void> {
  const other = new Database(sqlitePath(url));
  other.exec("BEGIN IMMEDIATE");
  return new Promise((resolve) =>
    setTimeout(() => {
      other.exec("ROLLBACK");
      other.close();
      resolve();
    }, ms),
  );
}

describe("unit of work on a busy database", () => {
  it("waits for the lock with retries (the event loop keeps running), logs the wait, kicks the outbox", async () => {
    const logs: string[] = [];
    let kicks = 0;
    const ctx = {
      db,
      outbox: {
        kick: () => {
          kicks += 1;
        },
      },
      log: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) },
      config: { db: { retryBudgetMs: 5000 } },
    };
    const released = holdLock(400);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    const member = await unitOfWork(
      ctx,
      (tx) => tx.teamMember.create({ data: { slackUserId: "UBUSY", name: "Busy", role: "sales" } }),
      { label: "test write" },
    );
    clearInterval(ticker);
    await released;
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    expect(member.slackUserId).toBe("UBUSY");
    expect(kicks).toBe(1);
    expect(logs.some((l) => l.includes("test write waited"))).toBe(true);
    // SQLite's own wait is 20 ms here: the process was not frozen while the lock was held
    expect(ticks).toBeGreaterThan(10);
  });

  it("gives up after the retry budget: a DatabaseBusyError, nothing written, no kick", async () => {
    let kicks = 0;
    const ctx = {
      db,
      outbox: {
        kick: () => {
          kicks += 1;
        },
      },
      config: { db: { retryBudgetMs: 200 } },
    };
    const released = holdLock(800);
    const err = await unitOfWork(ctx, (tx) =>
      tx.teamMember.create({ data: { slackUserId: "UNEVER", name: "Never", role: "sales" } }),
    ).catch((e) => e);
    await released;
    expect(err).toBeInstanceOf(DatabaseBusyError);
    expect(kicks).toBe(0);
    expect(await db.teamMember.count({ where: { slackUserId: "UNEVER" } })).toBe(0);
  });
});

describe("staged batches", () => {
  it("a dead process's batch is invisible and cleaned; a committed one keeps no staged rows", async () => {
    const batch = await StagedBatch.open(db, "test", "t");
    await batch.stage([{ kind: "x.create", ref: -1, data: { a: 1 } }]);
    // pretend its process died: a pid that does not exist
    await db.stagedBatch.update({ where: { id: batch.id }, data: { pid: 2 ** 22 + 12345 } });
    expect(await db.stagedRow.count({ where: { batchId: batch.id } })).toBe(1);
    expect(await cleanStaleBatches(db)).toBe(1);
    expect(await db.stagedRow.count({ where: { batchId: batch.id } })).toBe(0);
    expect((await db.stagedBatch.findUniqueOrThrow({ where: { id: batch.id } })).status).toBe("abandoned");

    const ok = await StagedBatch.open(db, "test", "t");
    await ok.stage([{ kind: "x.create", ref: -1, data: { a: 1 } }]);
    const { ms } = await ok.commit(async () => undefined);
    expect(ms).toBeGreaterThanOrEqual(0);
    const row = await db.stagedBatch.findUniqueOrThrow({ where: { id: ok.id } });
    expect(row.status).toBe("committed");
    expect(row.commitMs).not.toBeNull();
    expect(await db.stagedRow.count({ where: { batchId: ok.id } })).toBe(0);
  });
});
