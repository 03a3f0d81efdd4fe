import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "./src/config";
import { fixedClock } from "./src/context";
import { openDb } from "./src/db/client";
import { importFiles } from "./src/services/import";
import { generateScadenzario } from "./test/support/scadenzario";
const rows = Number(process.argv[2] ?? 30000);
const dir = mkdtempSync(join(tmpdir(), "i19-m-"));
const url = `file:${join(dir, "m.db")}`;
const db = await openDb(url);
const ctx = { db, clock: fixedClock("2026-03-02T08:30:00+01:00"), config: loadConfig({ DATABASE_URL: url }, { slack: false }) };
const input = { name: "s.csv", bytes: Buffer.from(generateScadenzario(rows)) };
for (let i = 0; i < 2; i++) {
  const t0 = performance.now();
  const s = await importFiles(ctx, [input], {}, { actor: "m" });
  const b = await db.stagedBatch.findFirst({ orderBy: { id: "desc" } });
  console.log(i, Math.round(performance.now() - t0), "ms", JSON.stringify(s.invoices), "commitMs", b?.commitMs);
}
