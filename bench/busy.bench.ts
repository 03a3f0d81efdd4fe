// A busy database (issue 19): a 100,000-row scadenzario imported by the CLI in another process while
// this process records log outcomes (logOutcome: one unit of work each). Figures: the longest time the
// write lock was held while the import ran (a probe connection tries BEGIN IMMEDIATE every millisecond
// and times how long it cannot), the import's own final step and longest staging transaction, and the p99 latency of a log submission
// during the import against the same submission on the idle database, measured in the same run.
// Run: npx tsx bench/busy.bench.ts [rows]

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { loadConfig } from "../src/config";
import { type AppContext, systemClock } from "../src/context";
import { openDb } from "../src/db/client";
import { sqlitePath } from "../src/db/migrate";
import type { LogEntry } from "../src/domain/log-entry";
import { silentLogger } from "../src/log";
import { logOutcome } from "../src/services/outcomes/log-outcome";
import type { Outbox } from "../src/slack/outbox";
import { generateScadenzario } from "../test/support/scadenzario";
import { percentile } from "./support";

const ROWS = Number(process.argv[2] ?? 100_000);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const IDLE_SUBMISSIONS = 60;
const GAP_MS = 40;

/** Times how long, at a stretch, a writer could not get the write lock. */
function lockProbe(path: string) {
  const probe = new Database(path);
  probe.pragma("busy_timeout = 0");
  let since: number | null = null;
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    try {
      probe.exec("BEGIN IMMEDIATE");
      probe.exec("ROLLBACK");
      if (since !== null) longest = Math.max(longest, now - since);
      since = null;
    } catch {
      since ??= now;
    }
  }, 1);
  return {
    reset: () => {
      longest = 0;
      since = null;
    },
    longest: () => longest,
    stop: () => {
      clearInterval(timer);
      probe.close();
    },
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "credito-bench-busy-"));
  try {
    const file = join(dir, "scadenzario.csv");
    writeFileSync(file, generateScadenzario(ROWS));
    const url = `file:${join(dir, "busy.db")}`;
    const config = loadConfig({ DATABASE_URL: url }, { slack: false });
    const db = await openDb(url, { busyTimeoutMs: config.db.busyTimeoutMs });
    // the outbox is not under test: what logOutcome queues stays queued
    const outbox = { kick() {} } as unknown as Outbox;
    const ctx: AppContext = { db, config, outbox, clock: systemClock, log: silentLogger };
    const member = await db.teamMember.create({
      data: { slackUserId: "UBENCH", name: "Bench", role: "sales" },
    });
    const customer = await db.customer.create({ data: { code: "B0001", name: "Bench SRL" } });
    const entry: LogEntry = {
      customerId: customer.id,
      channel: "phone",
      outcome: "info",
      personReached: null,
      mood: null,
      sincerity: null,
      notes: "bench",
      promises: [],
      callback: null,
      settlement: null,
      documents: [],
      disputedInvoiceIds: [],
      newContact: {},
    };
    let failed = 0;
    const submit = async (): Promise<number> => {
      const t0 = performance.now();
      try {
        await logOutcome(ctx, entry, member);
      } catch {
        failed += 1;
      }
      return performance.now() - t0;
    };
    const probe = lockProbe(sqlitePath(url));

    for (let i = 0; i < 5; i++) await submit(); // warm-up
    probe.reset();
    const idle: number[] = [];
    for (let i = 0; i < IDLE_SUBMISSIONS; i++) {
      idle.push(await submit());
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    const idleLock = probe.longest();

    probe.reset();
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli.ts"), "import", file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    let code: number | null | undefined;
    const exited = new Promise<void>((r) =>
      child.on("exit", (c) => {
        code = c;
        r();
      }),
    );
    const during: number[] = [];
    while (code === undefined) {
      during.push(await submit());
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    await exited;
    const importMs = performance.now() - started;
    const busyLock = probe.longest();
    probe.stop();
    if (code !== 0) throw new Error(`import exited with ${code}`);
    const batch = await db.stagedBatch.findFirst({ where: { status: "committed" }, orderBy: { id: "desc" } });
    const invoices = await db.invoice.count();
    if (invoices !== ROWS) throw new Error(`import created ${invoices} invoices, expected ${ROWS}`);
    await db.$disconnect();

    const p99Idle = percentile(idle, 99);
    const p99During = percentile(during, 99);
    const lines: Array<[string, string | number, string]> = [
      ["busy.rows", ROWS, "rows"],
      ["busy.import_time", (importMs / 1000).toFixed(1), "s"],
      ["busy.longest_lock_hold_during_import", busyLock.toFixed(0), "ms"],
      ["busy.longest_lock_hold_idle", idleLock.toFixed(0), "ms"],
      ["busy.import_final_step", batch?.commitMs ?? Number.NaN, "ms"],
      ["busy.import_longest_staging_tx", batch?.stageMs ?? Number.NaN, "ms"],
      ["busy.log_p50_idle", percentile(idle, 50).toFixed(1), "ms"],
      ["busy.log_p99_idle", p99Idle.toFixed(1), "ms"],
      ["busy.log_p50_during_import", percentile(during, 50).toFixed(1), "ms"],
      ["busy.log_p99_during_import", p99During.toFixed(1), "ms"],
      ["busy.log_max_during_import", Math.max(...during).toFixed(1), "ms"],
      ["busy.log_submissions_during_import", during.length, "submissions"],
      ["busy.log_failed", failed, "submissions"],
      ["busy.ratio_p99_during_import_vs_idle", (p99During / p99Idle).toFixed(1), "x"],
    ];
    for (const [name, value, unit] of lines) process.stdout.write(`${name}: ${value} ${unit}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

await main();
