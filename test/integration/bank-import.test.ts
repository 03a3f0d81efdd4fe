import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { type AppContext, fixedClock } from "../../src/context";
import { computeTasks } from "../../src/domain/tasks";
import { silentLogger } from "../../src/log";
import { createRuntime, type Runtime } from "../../src/runtime";
import { decideMovement } from "../../src/services/bank/bank-decisions";
import { importStatement } from "../../src/services/bank/bank-import";
import { loadDigestInput } from "../../src/services/digest/digest-input";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";

const FIX = join(__dirname, "../fixtures/bank");
let dir: string;
let url: string;
let runtime: Runtime;
let ctx: AppContext;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-bank-"));
  url = testDatabaseUrl(dir, "bank");
  runtime = await createRuntime(
    loadConfig({ DATABASE_URL: url, CREDITO_CHANNEL: "C0CREDITO" }, { slack: false }),
    {
      clock: fixedClock("2026-03-02T08:30:00+01:00"),
      log: silentLogger,
    },
  );
  ctx = runtime.ctx;
  await seed();
});

afterEach(async () => {
  await runtime.stop();
  await dropTestDatabase(url);
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

/** The customers and invoices the sample statements talk about. */
async function seed() {
  const db = ctx.db;
  const customer = (
    code: string,
    name: string,
    vatNumber: string | null,
    invoices: Array<[string, string, number, number?]>,
  ) =>
    db.customer.create({
      data: {
        code,
        name,
        vatNumber,
        invoices: {
          create: invoices.map(([number, dueDate, amountCents, openCents]) => ({
            number,
            issueDate: "2025-12-01",
            dueDate,
            amountCents,
            openCents: openCents ?? amountCents,
            status: openCents === 0 ? "paid" : "open",
            closedOn: openCents === 0 ? dueDate : null,
          })),
        },
      },
    });
  const rossi = await customer("C001", "Rossi Forniture SRL", "01234567890", [
    ["FT 2026/0168", "2026-02-15", 122000],
    ["FT 2026/0169", "2026-02-28", 50000],
    ["FT 2026/0170", "2026-03-15", 60000],
  ]);
  // the same number as Rossi's 168, a year earlier: "fatt. 168" alone does not say whose it is
  await customer("C002", "Bianchi Costruzioni SPA", "09876543210", [["FT 2025/0168", "2026-01-31", 80000]]);
  // 100 = 100 or 60 + 40: two combinations
  await customer("C003", "Verdi Impianti SNC", "11122233344", [
    ["FT 2026/0101", "2026-01-31", 10000],
    ["FT 2026/0102", "2026-02-10", 6000],
    ["FT 2026/0103", "2026-02-20", 4000],
    ["FT 2026/0140", "2026-02-27", 35000, 0],
  ]);
  // a RiBa taken as paid at its due date ("salvo buon fine"), returned unpaid
  await customer("C004", "Neri Trasporti SRL", "55566677788", [["FT 2026/0120", "2026-02-20", 244000, 0]]);
  const promiseCase = await db.case.create({ data: { customerId: rossi.id, openedOn: "2026-02-16" } });
  const call = await db.interaction.create({
    data: {
      customerId: rossi.id,
      caseId: promiseCase.id,
      channel: "phone",
      outcome: "promise",
      date: "2026-02-20",
      occurredAt: new Date("2026-02-20T10:00:00Z"),
    },
  });
  await db.paymentPromise.create({
    data: { customerId: rossi.id, interactionId: call.id, amountCents: 122000, dueDate: "2026-02-27" },
  });
}

const load = (name: string) => ({ name, bytes: readFileSync(join(FIX, name)) });
const brief = (s: Awaited<ReturnType<typeof importStatement>>) =>
  s.movements.map(
    (m) =>
      `${m.outcome} ${m.amountCents} ${m.reason} ${m.customer?.code ?? "-"} ${m.invoices.map((i) => `${i.number}=${i.cents}`).join("+")}`,
  );

describe("bank statement import", () => {
  it("records the clear match, proposes the uncertain ones, ignores the rest, reopens the returned RiBa", async () => {
    const s = await importStatement(ctx, load("movimenti.cbi.txt"), { actor: "test" });
    expect(s.fileError).toBeUndefined();
    expect(brief(s)).toEqual([
      "matched 122000 invoiceReference C001 FT 2026/0168=122000",
      "proposed 10000 twoCombinations C003 FT 2026/0101=10000",
      "returned -244000 returnedInvoice C004 FT 2026/0120=244000",
      "ignored -850 returnFee - ",
      "ignored 77700 noCandidate - ",
      "ignored -18500 outgoing - ",
    ]);
    const db = ctx.db;
    // the payment went through the payments import: invoice closed, promise kept, thread told
    const ft168 = await db.invoice.findFirstOrThrow({ where: { number: "FT 2026/0168" } });
    expect(ft168).toMatchObject({ openCents: 0, status: "paid", closedOn: "2026-02-27" });
    const pay = await db.payment.findFirstOrThrow({ where: { invoiceId: ft168.id } });
    expect(pay).toMatchObject({ amountCents: 122000, date: "2026-02-27", method: "bonifico" });
    expect(await db.paymentPromise.findFirstOrThrow()).toMatchObject({ status: "kept", paidCents: 122000 });
    expect(s.promises.kept).toBe(1);
    // the returned RiBa: invoice open again, negative payment, fee on the case, follow-up for the digest
    const ft120 = await db.invoice.findFirstOrThrow({ where: { number: "FT 2026/0120" } });
    expect(ft120).toMatchObject({ openCents: 244000, status: "open", closedOn: null });
    expect(await db.payment.findFirstOrThrow({ where: { invoiceId: ft120.id } })).toMatchObject({
      amountCents: -244000,
      method: "riba_insoluta",
    });
    const neriCase = await db.case.findFirstOrThrow({
      where: { customerId: ft120.customerId, closedOn: null },
    });
    expect(await db.caseCost.findMany()).toMatchObject([
      { caseId: neriCase.id, kind: "bank_fee", amountCents: 850 },
    ]);
    const task = await db.dailyTask.findFirstOrThrow({ where: { kind: "riba_returned" } });
    expect(task.reason).toBe("RiBa insoluta FT 2026/0120: € 2.440,00 (spese € 8,50)");
    const outbox = (await db.outboxMessage.findMany()).map((o) => JSON.parse(o.payload).text as string);
    expect(outbox).toContain(
      "⚠️ RiBa insoluta: € 2.440,00 su FT 2026/0120, di nuovo aperta; spese bancarie € 8,50 a carico della pratica",
    );
    expect(outbox.some((t) => t.startsWith("✅") && t.includes("€ 1.220,00"))).toBe(true);
    expect(outbox).toContain("🏦 Incasso dalla banca: € 1.220,00 su FT 2026/0168 (movimento del 27 feb)");
    // the next digest puts the returned RiBa first
    const input = await loadDigestInput(db, "2026-03-03");
    const tasks = computeTasks(input);
    expect(tasks[0]).toMatchObject({ kind: "riba_returned", customerCode: "C004" });
    expect(await db.bankMovement.count()).toBe(6);
    // paid again (a later statement or scadenzario): the follow-up leaves the digest by itself
    await db.invoice.updateMany({
      where: { customerId: ft120.customerId },
      data: { openCents: 0, status: "paid", closedOn: "2026-03-04" },
    });
    const after = computeTasks(await loadDigestInput(db, "2026-03-05"));
    expect(after.filter((t) => t.kind === "riba_returned")).toEqual([]);
  });

  it("a second import of the same file changes nothing", async () => {
    await importStatement(ctx, load("movimenti.cbi.txt"), { actor: "test" });
    const snapshot = async () => ({
      payments: await ctx.db.payment.count(),
      invoices: (await ctx.db.invoice.findMany({ orderBy: { id: "asc" } })).map(
        (i) => `${i.openCents}${i.status}`,
      ),
      costs: await ctx.db.caseCost.count(),
      tasks: await ctx.db.dailyTask.count(),
      movements: await ctx.db.bankMovement.count(),
      outbox: await ctx.db.outboxMessage.count(),
    });
    const before = await snapshot();
    const again = await importStatement(ctx, load("movimenti.cbi.txt"), { actor: "test" });
    expect(again.movements.every((m) => m.outcome === "duplicate")).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("the same invoice number for two customers: the amount decides, else it is proposed", async () => {
    const text = (amount: string, causale: string) =>
      `Data contabile;Data valuta;Descrizione;Dare;Avere\r\n02/03/2026;02/03/2026;${causale};;${amount}\r\n`;
    const unclear = await importStatement(
      ctx,
      { name: "b.csv", bytes: Buffer.from(text("300,00", "BONIFICO ACCONTO FATT. 168")) },
      { actor: "t" },
    );
    expect(unclear.movements[0]).toMatchObject({
      outcome: "proposed",
      reason: "twoCustomers",
      candidates: 2,
    });
    const bianchi = await ctx.db.customer.findUniqueOrThrow({ where: { code: "C002" } });
    await ctx.db.case.create({ data: { customerId: bianchi.id, openedOn: "2026-02-10" } });
    const exact = await importStatement(
      ctx,
      { name: "a.csv", bytes: Buffer.from(text("800,00", "BONIFICO SALDO FATT. 168")) },
      { actor: "t" },
    );
    expect(brief(exact)).toEqual(["matched 80000 invoiceReference C002 FT 2025/0168=80000"]);
    // nothing open any more: the case closes as paid
    expect(exact.casesClosed).toBe(1);
    expect(await ctx.db.case.findFirstOrThrow({ where: { customerId: bianchi.id } })).toMatchObject({
      closeReason: "paid",
    });
  });

  it("a dry run reads and matches but writes nothing", async () => {
    const s = await importStatement(ctx, load("estratto-conto.camt053.xml"), { actor: "t", dryRun: true });
    expect(s.movements.map((m) => m.outcome)).toEqual([
      "matched",
      "proposed",
      "returned",
      "ignored",
      "ignored",
    ]);
    expect(await ctx.db.bankMovement.count()).toBe(0);
    expect(await ctx.db.payment.count()).toBe(0);
  });

  it("a file that is not a statement is named as such and nothing is written", async () => {
    const s = await importStatement(
      ctx,
      { name: "scadenzario.csv", bytes: readFileSync(join(__dirname, "../fixtures/import/scadenzario.csv")) },
      { actor: "t" },
    );
    expect(s.fileError).toEqual({ key: "notStatement", args: [] });
    expect(await ctx.db.bankImport.count()).toBe(0);
  });

  it("confirming a proposal records the payment and teaches the IBAN; the next movement from it is clear", async () => {
    const s = await importStatement(ctx, load("estratto-conto.camt053.xml"), { actor: "t" });
    const verdi = s.movements[1]!;
    expect(verdi.outcome).toBe("proposed");
    const done = await decideMovement(ctx, verdi.movementId!, { type: "confirm", candidate: 0 }, "UADMIN");
    expect(done).toMatchObject({ ok: true, outcome: "confirmed" });
    expect(await decideMovement(ctx, verdi.movementId!, { type: "confirm", candidate: 0 }, "UADMIN")).toEqual(
      { ok: false, reason: "alreadyDecided" },
    );
    expect(
      await ctx.db.customerIban.findUniqueOrThrow({ where: { iban: "IT45R0760103200000012345678" } }),
    ).toMatchObject({ customerId: verdi.customer!.id });
    const paid = await ctx.db.payment.findMany({ where: { customerId: verdi.customer!.id } });
    expect(paid.map((p) => p.amountCents)).toEqual([10000]);
    // a payment from that IBAN with nothing else to go on is now known to be Verdi's
    const csv =
      "Data contabile;Descrizione;Avere;IBAN ordinante\r\n02/03/2026;BONIFICO;60,00;IT45R0760103200000012345678\r\n";
    const next = await importStatement(ctx, { name: "c.csv", bytes: Buffer.from(csv) }, { actor: "t" });
    expect(brief(next)).toEqual(["matched 6000 singleAmount C003 FT 2026/0102=6000"]);
  });

  it("'not a customer payment' records nothing", async () => {
    const s = await importStatement(ctx, load("estratto-conto.camt053.xml"), { actor: "t" });
    const id = s.movements[1]!.movementId!;
    expect(await decideMovement(ctx, id, { type: "dismiss" }, "UADMIN")).toMatchObject({
      ok: true,
      outcome: "dismissed",
    });
    expect(await ctx.db.payment.count({ where: { customer: { code: "C003" } } })).toBe(0);
  });

  it("the same movement in a notification and in the evening statement (same bank reference) is recorded once", async () => {
    const notification =
      "Data contabile;Descrizione;Avere;Riferimento\r\n02/03/2026;BONIFICO SALDO FT 2026/0169;500,00;TRN0302X77\r\n";
    const statement =
      "Data contabile;Data valuta;Descrizione;Avere;Riferimento\r\n02/03/2026;02/03/2026;BONIFICO SEPA DA ROSSI FORNITURE SRL SALDO FT 2026/0169;500,00;TRN0302X77\r\n";
    const first = await importStatement(
      ctx,
      { name: "avviso.csv", bytes: Buffer.from(notification) },
      { actor: "t" },
    );
    expect(first.movements[0]!.outcome).toBe("matched");
    const second = await importStatement(
      ctx,
      { name: "estratto.csv", bytes: Buffer.from(statement) },
      { actor: "t" },
    );
    expect(second.movements[0]!.outcome).toBe("duplicate");
    expect(await ctx.db.payment.count()).toBe(1);
  });
});
