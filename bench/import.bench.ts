// Import of a 100,000-row scadenzario: rows/s and peak memory, against a plain parse of the same file
// (bytes -> records, no database) measured in the same run. `npx tsx bench/import.bench.ts [rows]`

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config";
import { fixedClock } from "../src/context";
import { openDb } from "../src/db/client";
import { readImportFile } from "../src/import/read";
import { importFiles } from "../src/services/imports/import";
import { generateScadenzario } from "../test/support/scadenzario";

const ROWS = Number(process.argv[2] ?? 100_000);
/**
 * Peak RSS and heap while `work` runs, sampled every 20 ms, and the process's CPU time (on a machine
 * shared with other work the CPU ratio moves less than the wall-clock one; SQLite runs in this process).
 */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; cpuMs: number; rssMb: number; heapMb: number }> {
  global.gc?.();
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  const m = process.memoryUsage();
  return {
    result,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    rssMb: Math.max(rss, m.rss) / 1e6,
    heapMb: Math.max(heap, m.heapUsed) / 1e6,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "credito-bench-import-"));
  try {
    const file = join(dir, "scadenzario.csv");
    writeFileSync(file, generateScadenzario(ROWS));
    const bytes = readFileSync(file);
    const url = `file:${join(dir, "bench.db")}`;
    const db = await openDb(url);
    const ctx = {
      db,
      clock: fixedClock("2026-03-02T08:30:00+01:00"),
      config: loadConfig({ DATABASE_URL: url }, { slack: false }),
    };
    const input = { name: "scadenzario.csv", bytes };

    await readImportFile(input); // warm-up, so the baseline is not a cold-JIT figure
    const parse = await measured(() => readImportFile(input));
    if (parse.result.errors.length > 0)
      throw new Error(`generated file has errors: ${parse.result.errors[0]?.key}`);
    const first = await measured(() => importFiles(ctx, [input], {}, { actor: "bench" }));
    if (!first.result.written || first.result.invoices.created !== ROWS) {
      throw new Error(`import did not create ${ROWS} invoices: ${JSON.stringify(first.result.invoices)}`);
    }
    const again = await measured(() => importFiles(ctx, [input], {}, { actor: "bench" }));
    if (again.result.invoices.unchanged !== ROWS) throw new Error("re-import changed something");
    await db.$disconnect();

    const perSec = (ms: number) => Math.round(ROWS / (ms / 1000));
    const lines = [
      ["import.rows", ROWS, "rows"],
      ["import.file_size", (bytes.length / 1e6).toFixed(1), "MB"],
      ["import.parse_only", perSec(parse.ms), "rows/s"],
      ["import.first_import", perSec(first.ms), "rows/s"],
      ["import.reimport_unchanged", perSec(again.ms), "rows/s"],
      ["import.first_import_time", (first.ms / 1000).toFixed(1), "s"],
      ["import.ratio_first_import_vs_parse", (first.ms / parse.ms).toFixed(1), "x"],
      ["import.ratio_reimport_vs_parse", (again.ms / parse.ms).toFixed(1), "x"],
      ["import.cpu_parse_only", parse.cpuMs.toFixed(0), "ms"],
      ["import.cpu_first_import", first.cpuMs.toFixed(0), "ms"],
      ["import.ratio_cpu_first_import_vs_parse", (first.cpuMs / parse.cpuMs).toFixed(1), "x"],
      ["import.ratio_rss_first_import_vs_parse", (first.rssMb / parse.rssMb).toFixed(2), "x"],
      ["import.load_average_1m", os.loadavg()[0]!.toFixed(2), "load"],
      ["import.peak_rss_parse", parse.rssMb.toFixed(0), "MB"],
      ["import.peak_rss_import", first.rssMb.toFixed(0), "MB"],
      ["import.peak_heap_parse", parse.heapMb.toFixed(0), "MB"],
      ["import.peak_heap_import", first.heapMb.toFixed(0), "MB"],
      ["import.reimport_unchanged_time", (again.ms / 1000).toFixed(1), "s"],
      ["import.peak_rss_reimport", again.rssMb.toFixed(0), "MB"],
      ["import.peak_heap_reimport", again.heapMb.toFixed(0), "MB"],
    ] as const;
    for (const [name, value, unit] of lines) process.stdout.write(`${name}: ${value} ${unit}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
