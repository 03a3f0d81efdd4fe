/**
 * The owner's report for 5,000 customers, 50,000 invoices (a year of them), 40,000 payments (half without an
 * invoice, spread oldest first), 10,000 contacts and 10,000 promises: time and peak memory of loading and
 * computing every KPI, and of rendering the three charts, against a plain SQL scan of the same tables.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openDb } from "../src/db/client";
import { addDays } from "../src/domain/calendar";
import { monthPeriod } from "../src/domain/kpi";
import { buildReport, loadReportInput } from "../src/services/report/report";
import { renderReportCharts } from "../src/services/report/report-charts";
import { figure, timed, withPeakMemory } from "./support";

const CUSTOMERS = 5_000;
const INVOICES = 50_000;
const PAYMENTS = 40_000;
const CONTACTS = 10_000;
const PROMISES = 10_000;
const TODAY = "2026-11-20";
const RUNS = 3;

function seed(file: string): void {
  const db = new Database(file);
  let x = 7;
  const rand = () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const now = Date.now();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO "TeamMember" (slackUserId, name, role, active, createdAt) VALUES ('U1', 'Giulia', 'admin', 1, ?)`,
    ).run(now);
    const customer = db.prepare(
      `INSERT INTO "Customer" (code, name, searchText, creditHold, preserveRelationship, createdAt, updatedAt) VALUES (?, ?, '', ?, 0, ?, ?)`,
    );
    for (let i = 1; i <= CUSTOMERS; i++)
      customer.run(`C${i}`, `Cliente ${i}`, i % 17 === 0 ? 1 : 0, now, now);
    const invoice = db.prepare(
      `INSERT INTO "Invoice" (customerId, number, installment, issueDate, dueDate, amountCents, openCents, status, createdAt, updatedAt)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= INVOICES; i++) {
      const issue = addDays(TODAY, -Math.floor(rand() * 365));
      const cents = 20_000 + Math.floor(rand() * 2_000_000);
      const paid = rand() < 0.6;
      invoice.run(
        1 + (i % CUSTOMERS),
        `F${i}`,
        issue,
        addDays(issue, 60),
        cents,
        paid ? 0 : cents,
        paid ? "paid" : "open",
        now,
        now,
      );
    }
    const payment = db.prepare(
      `INSERT INTO "Payment" (customerId, invoiceId, date, amountCents, createdAt) VALUES (?, ?, ?, ?, ?)`,
    );
    for (let i = 1; i <= PAYMENTS; i++) {
      const inv = 1 + Math.floor(rand() * INVOICES);
      payment.run(
        1 + (inv % CUSTOMERS),
        i % 2 ? inv : null,
        addDays(TODAY, -Math.floor(rand() * 300)),
        10_000 + Math.floor(rand() * 500_000),
        now,
      );
    }
    const contact = db.prepare(
      `INSERT INTO "Interaction" (customerId, memberId, channel, outcome, date, occurredAt, createdAt) VALUES (?, 1, 'phone', 'promise', ?, ?, ?)`,
    );
    for (let i = 1; i <= CONTACTS; i++)
      contact.run(1 + (i % CUSTOMERS), addDays(TODAY, -Math.floor(rand() * 120)), now, now);
    const promise = db.prepare(
      `INSERT INTO "PaymentPromise" (customerId, interactionId, amountCents, dueDate, sequence, status, paidCents, createdAt) VALUES (?, ?, ?, ?, 1, ?, 0, ?)`,
    );
    const statuses = ["open", "kept", "partial", "broken"];
    for (let i = 1; i <= PROMISES; i++) {
      promise.run(
        1 + (i % CUSTOMERS),
        i,
        50_000,
        addDays(TODAY, Math.floor(rand() * 60) - 50),
        statuses[i % 4],
        now,
      );
    }
  })();
  db.close();
}

/** The baseline: read every row the report reads, with no logic, straight from SQLite. */
function plainScan(file: string): number {
  const db = new Database(file, { readonly: true });
  const rows = ["Invoice", "Payment", "PaymentPromise", "Interaction", "Customer"]
    .map((table) => db.prepare(`SELECT * FROM "${table}"`).all().length)
    .reduce((a, b) => a + b, 0);
  db.close();
  return rows;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "credito-bench-report-"));
  const file = join(dir, "bench.db");
  const db = await openDb(`file:${file}`);
  seed(file);
  const period = monthPeriod(TODAY);
  try {
    const warm = await buildReport({ db }, period); // warm-up (JIT, statement caches)
    await renderReportCharts(warm, "it");
    plainScan(file);
    let best = Number.POSITIVE_INFINITY;
    let scan = Number.POSITIVE_INFINITY;
    let charts = Number.POSITIVE_INFINITY;
    let load = Number.POSITIVE_INFINITY;
    let peakRss = 0;
    let peakHeap = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await withPeakMemory(() => timed(() => buildReport({ db }, period)));
      best = Math.min(best, run.value.ms);
      peakRss = Math.max(peakRss, run.peakRssMb);
      peakHeap = Math.max(peakHeap, run.peakHeapMb);
      charts = Math.min(charts, (await timed(() => renderReportCharts(run.value.value, "it"))).ms);
      scan = Math.min(scan, (await timed(async () => plainScan(file))).ms);
      load = Math.min(load, (await timed(() => loadReportInput(db))).ms);
    }
    figure("report_invoices", INVOICES, "invoices");
    figure("report_payments", PAYMENTS, "payments");
    figure("report_time", best, "ms");
    figure("report_plain_sql_scan_time", scan, "ms");
    figure("report_ratio_to_scan", best / scan, "x");
    // of which reading the rows (the rest is computing the KPIs)
    figure("report_load_time", load, "ms");
    figure("report_load_ratio_to_scan", load / scan, "x");
    figure("report_charts_time", charts, "ms");
    figure("report_peak_rss", peakRss, "MB");
    figure("report_peak_heap", peakHeap, "MB");
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

await main();
