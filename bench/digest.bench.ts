/**
 * The morning digest's task computation for 5,000 customers, 50,000 open invoices and 10,000 promises:
 * time and peak memory of loading the inputs and computing the tasks, against a plain SQL scan of the same
 * tables measured in the same run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { loadConfig } from "../src/config";
import { fixedClock } from "../src/context";
import { addDays } from "../src/domain/calendar";
import { silentLogger } from "../src/log";
import { createRuntime } from "../src/runtime";
import { buildDigest } from "../src/services/digest/digest";
import { figure, timed, withPeakMemory } from "./support";

const CUSTOMERS = 5_000;
const INVOICES = 50_000;
const PROMISES = 10_000;
const TODAY = "2026-03-02";
const RUNS = 3;

function seed(file: string): void {
  const db = new Database(file);
  let x = 42;
  const rand = () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const now = Date.now();
  db.transaction(() => {
    const customer = db.prepare(
      `INSERT INTO "Customer" (code, name, searchText, creditHold, preserveRelationship, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= CUSTOMERS; i++) {
      customer.run(
        `C${i}`,
        `Cliente ${i} Srl`,
        `c${i} cliente ${i} srl`,
        i % 17 === 0 ? 1 : 0,
        i % 9 === 0 ? 1 : 0,
        now,
        now,
      );
    }
    const invoice = db.prepare(
      `INSERT INTO "Invoice" (customerId, number, installment, issueDate, dueDate, amountCents, openCents, status, createdAt, updatedAt)
       VALUES (?, ?, 1, ?, ?, ?, ?, 'open', ?, ?)`,
    );
    for (let i = 1; i <= INVOICES; i++) {
      const due = addDays(TODAY, Math.floor(rand() * 150) - 30);
      const cents = 20_000 + Math.floor(rand() * 2_000_000);
      invoice.run(1 + (i % CUSTOMERS), `F${i}`, addDays(due, -60), due, cents, cents, now, now);
    }
    const promise = db.prepare(
      `INSERT INTO "PaymentPromise" (customerId, amountCents, dueDate, sequence, status, paidCents, createdAt) VALUES (?, ?, ?, 1, ?, 0, ?)`,
    );
    for (let i = 1; i <= PROMISES; i++) {
      promise.run(
        1 + ((i * 7) % CUSTOMERS),
        50_000 + Math.floor(rand() * 500_000),
        addDays(TODAY, Math.floor(rand() * 30) - 20),
        "open",
        now,
      );
    }
    const contact = db.prepare(
      `INSERT INTO "Interaction" (customerId, channel, outcome, date, occurredAt, createdAt) VALUES (?, 'phone', ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= CUSTOMERS * 2; i++) {
      contact.run(
        1 + (i % CUSTOMERS),
        i % 5 === 0 ? "promise" : "not_reached",
        addDays(TODAY, -Math.floor(rand() * 60)),
        now,
        now,
      );
    }
  })();
  db.close();
}

/** The baseline: read every row the digest reads, with no logic, straight from SQLite. */
function plainScan(file: string): number {
  const db = new Database(file, { readonly: true });
  const rows =
    db.prepare(`SELECT * FROM "Customer"`).all().length +
    db.prepare(`SELECT * FROM "Invoice" WHERE status IN ('open','disputed') AND openCents > 0`).all().length +
    db.prepare(`SELECT * FROM "PaymentPromise" WHERE status IN ('open','partial','broken')`).all().length +
    db.prepare(`SELECT * FROM "Interaction"`).all().length;
  db.close();
  return rows;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "credito-bench-"));
  const file = join(dir, "bench.db");
  const config = loadConfig({ DATABASE_URL: `file:${file}` }, { slack: false });
  const runtime = await createRuntime(config, {
    clock: fixedClock(`${TODAY}T08:30:00+01:00`),
    log: silentLogger,
  });
  seed(file);
  try {
    await buildDigest(runtime.ctx, TODAY); // warm-up (JIT, statement caches)
    plainScan(file);
    let best = Number.POSITIVE_INFINITY;
    let scan = Number.POSITIVE_INFINITY;
    let tasks = 0;
    let peakRss = 0;
    let peakHeap = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await withPeakMemory(() => timed(() => buildDigest(runtime.ctx, TODAY)));
      best = Math.min(best, run.value.ms);
      tasks = run.value.value.tasks.length;
      peakRss = Math.max(peakRss, run.peakRssMb);
      peakHeap = Math.max(peakHeap, run.peakHeapMb);
      scan = Math.min(scan, (await timed(async () => plainScan(file))).ms);
    }
    figure("digest_customers", CUSTOMERS, "customers");
    figure("digest_open_invoices", INVOICES, "invoices");
    figure("digest_promises", PROMISES, "promises");
    figure("digest_tasks", tasks, "tasks");
    figure("digest_time", best, "ms");
    figure("digest_plain_sql_scan_time", scan, "ms");
    figure("digest_ratio_to_scan", best / scan, "x");
    figure("digest_ratio_to_2s_target", best / 2000, "x");
    figure("digest_peak_rss", peakRss, "MB");
    figure("digest_peak_heap", peakHeap, "MB");
  } finally {
    await runtime.stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

await main();
