import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { fixedClock } from "../../src/context";
import { type Db, openDb } from "../../src/db/client";
import { weekPeriod } from "../../src/domain/kpi";
import { importFiles } from "../../src/services/imports/import";
import { buildReport, rangePeriod } from "../../src/services/report/report";

// Issue 13, point 4: the past stays as it was. The clock is not the data's date: the first scadenzario is
// imported on Monday 16 March 2026, about invoices from December to February; the second a week later.

const csv = (rows: string[]) =>
  new TextEncoder().encode(
    ["Codice cliente;Ragione sociale;Numero;Data fattura;Scadenza;Importo;Residuo", ...rows].join("\n"),
  );

const FIRST = [
  // paid before the import: residual 0 in the first scadenzario it appears in
  "C1;Rossi Srl;F1;01/12/2025;31/12/2025;1.000,00;0,00",
  // partly paid before the import: 300 of 800 still open
  "C1;Rossi Srl;F2;15/12/2025;31/01/2026;800,00;300,00",
  // open
  "C2;Bianchi Snc;F3;10/01/2026;10/02/2026;500,00;500,00",
];
// a week later Bianchi paid F3
const SECOND = [FIRST[0]!, FIRST[1]!, "C2;Bianchi Snc;F3;10/01/2026;10/02/2026;500,00;0,00"];

let dir: string;
let db: Db;
const clock = fixedClock("2026-03-16T10:00:00+01:00");
const config = loadConfig({ DATABASE_URL: "file:unused" }, { slack: false });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-past-"));
  db = await openDb(`file:${join(dir, "past.db")}`);
  const ctx = { db, clock, config };
  const first = await importFiles(ctx, [{ name: "scadenzario.csv", bytes: csv(FIRST) }], {}, { actor: "t" });
  expect(first.written).toBe(true);
  clock.set("2026-03-23T10:00:00+01:00");
  const second = await importFiles(
    ctx,
    [{ name: "scadenzario.csv", bytes: csv(SECOND) }],
    {},
    { actor: "t" },
  );
  expect(second.written).toBe(true);
}, 60_000);

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

describe("an invoice first seen already paid", () => {
  it("records what the first sight showed", async () => {
    const f1 = await db.invoice.findFirstOrThrow({ where: { number: "F1" } });
    expect(f1).toMatchObject({ status: "paid", firstSeenOn: "2026-03-16", firstSeenOpenCents: 0 });
    expect((await db.invoice.findFirstOrThrow({ where: { number: "F2" } })).firstSeenOpenCents).toBe(30_000);
  });

  it("is not a recovery of the import week", async () => {
    const week = await buildReport({ db }, weekPeriod("2026-03-20"));
    expect(week.recoveredCents).toBe(0);
    // the week of the second import recovers only what was really paid then: Bianchi's F3
    const next = await buildReport({ db }, rangePeriod("2026-03-23", "2026-03-29"));
    expect(next.recoveredCents).toBe(50_000);
  });

  it("is not open at dates before the import: a past period's aging is as it was", async () => {
    const february = await buildReport({ db }, rangePeriod("2026-02-01", "2026-02-28"));
    // on 28 February: F2's 300 (28 days late) and F3's 500 (18 days late); F1 and F2's paid 500 were paid before
    expect(february.position.overdueCents).toBe(80_000);
    expect(february.position.openCents).toBe(80_000);
    expect(february.position.aging.find((b) => b.key === "d1_30")).toMatchObject({
      cents: 80_000,
      invoices: 2,
    });
    expect(february.position.aging.find((b) => b.key === "d61_90")).toMatchObject({ cents: 0, invoices: 0 });
    // and the within-90-days cohort does not take F1 as overdue and never recovered
    expect(february.recovery90.invoices).toBe(0);
    const march = await buildReport({ db }, rangePeriod("2026-03-01", "2026-03-31"));
    expect(march.recovery90.overdueCents).toBe(0); // F1's window ended on 31 March: it was never overdue
  });
});
