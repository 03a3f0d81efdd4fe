// A scadenzario and a payments file imported together: the payments find the invoices that are new in the
// same import (they are only planned, not in the database yet), by customer code or by invoice number
// alone, and the result is the one of the two files imported one after the other.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { fixedClock } from "../../src/context";
import { type Db, openDb } from "../../src/db/client";
import { importFiles } from "../../src/services/imports/import";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";

const FIX = join(__dirname, "../fixtures/import");
let dir: string;
let url: string;
let db: Db;
let ctx: Parameters<typeof importFiles>[0];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-import-together-"));
  url = testDatabaseUrl(dir, "together");
  db = await openDb(url);
  ctx = {
    db,
    clock: fixedClock("2026-03-02T08:30:00+01:00"),
    config: loadConfig({ DATABASE_URL: url }, { slack: false }),
  };
});

afterEach(async () => {
  await db.$disconnect();
  await dropTestDatabase(url);
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

const file = (name: string, text?: string) => ({
  name,
  bytes: text === undefined ? readFileSync(join(FIX, name)) : Buffer.from(text, "utf8"),
});

async function state() {
  const invoices = await db.invoice.findMany({
    include: { customer: { select: { code: true } } },
    orderBy: [{ customerId: "asc" }, { number: "asc" }, { installment: "asc" }],
  });
  const payments = await db.payment.findMany({
    include: { invoice: { select: { number: true, installment: true } } },
    orderBy: { id: "asc" },
  });
  return {
    invoices: invoices.map(
      (r) =>
        `${r.customer.code} ${r.number}/${r.installment} ${r.openCents} ${r.status} ${r.closedOn ?? "-"}`,
    ),
    payments: payments.map(
      (p) => `${p.date} ${p.amountCents} ${p.invoice ? `${p.invoice.number}/${p.invoice.installment}` : "-"}`,
    ),
  };
}

describe("a scadenzario and its payments in one import", () => {
  it("payments reach the invoices the same import creates, as if imported one after the other", async () => {
    const together = await importFiles(
      ctx,
      [file("pagamenti.csv"), file("scadenzario.csv")],
      {},
      { actor: "t" },
    );
    expect(together.errors).toEqual([]);
    expect(together.payments).toMatchObject({ recorded: 3, unappliedCents: 0 });
    const once = await state();
    expect(once.invoices).toContain("C002 2026/102/1 0 paid 2026-02-27");

    // the same two files one after the other, on a fresh database
    await db.$disconnect();
    await dropTestDatabase(url);
    url = testDatabaseUrl(dir, "apart");
    db = await openDb(url);
    ctx = { ...ctx, db, config: loadConfig({ DATABASE_URL: url }, { slack: false }) };
    await importFiles(ctx, [file("scadenzario.csv")], {}, { actor: "t" });
    await importFiles(ctx, [file("pagamenti.csv")], {}, { actor: "t" });
    expect(await state()).toEqual(once);
  });

  it("a payment named by invoice number alone finds the customer of an invoice new in this import", async () => {
    const payments = "Data pagamento;Numero fattura;Importo\r\n01/03/2026;2026/145;1.000,00\r\n";
    const s = await importFiles(
      ctx,
      [file("scadenzario.csv"), file("pagamenti.csv", payments)],
      {},
      { actor: "t" },
    );
    expect(s.errors).toEqual([]);
    expect(s.payments).toMatchObject({ recorded: 1, appliedCents: 100000 });
    const inv = await db.invoice.findFirstOrThrow({
      where: { number: "2026/145" },
      include: { customer: { select: { code: true } } },
    });
    expect(inv.customer.code).toBe("C001");
    expect(inv.openCents).toBe(105_000 - 100_000); // the file leaves € 1.050,00 open
  });
});
