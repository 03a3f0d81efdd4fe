import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { fixedClock } from "../../src/context";
import { type Db, openDb } from "../../src/db/client";
import { expandPaths, loadInput } from "../../src/import/read";
import { type ImportOptions, importFiles } from "../../src/services/imports/import";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";

const FIX = join(__dirname, "../fixtures/import");
let dir: string;
let url: string;
let db: Db;
let ctx: Parameters<typeof importFiles>[0];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-import-"));
  url = testDatabaseUrl(dir, "import");
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

async function run(names: string[], opts: Partial<ImportOptions> = {}, kind?: "scadenzario") {
  const inputs = await Promise.all((await expandPaths(names.map((n) => join(FIX, n)))).map(loadInput));
  return importFiles(ctx, inputs, { kind }, { actor: `import:${names.join(",")}`, ...opts });
}

async function invoices() {
  const rows = await db.invoice.findMany({
    include: { customer: { select: { code: true } } },
    orderBy: [{ customerId: "asc" }, { number: "asc" }, { installment: "asc" }],
  });
  return rows.map(
    (r) =>
      `${r.customer.code} ${r.number}/${r.installment} ${r.dueDate} ${r.amountCents} ${r.openCents} ${r.status}`,
  );
}

describe("scadenzario import", () => {
  it("creates customers and receivables, instalments numbered by due date", async () => {
    const s = await run(["scadenzario.csv"]);
    // invoices are inserted in raw batches: Prisma must still read their timestamps back as dates
    expect((await db.invoice.findFirstOrThrow()).createdAt).toBeInstanceOf(Date);
    expect(s.written).toBe(true);
    expect(s.customers).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(s.invoices).toEqual({ created: 7, updated: 0, closed: 0, unchanged: 0, closedMissing: 0 });
    expect(s.openCents).toBe(4559456);
    expect(s.openInvoices).toBe(7);
    expect(await invoices()).toEqual([
      "C001 2026/101/1 2026-01-31 1220000 1220000 open",
      "C001 2026/145/1 2026-02-28 305000 105000 open",
      "C002 2026/102/1 2026-01-15 123456 123456 open",
      "C003 2026/110/1 2026-02-05 244000 244000 open",
      "C003 2026/110/2 2026-03-05 244000 244000 open",
      "C005 2026/130/1 2026-04-10 2562000 2562000 open",
      "C006 2026/131/1 2026-02-12 61000 61000 open",
    ]);
    const caffe = await db.customer.findUniqueOrThrow({ where: { code: "C003" } });
    expect(caffe.searchText).toBe("c003 caffe sant antonio di esposito gennaro 04567890126");
    const auditRows = await db.auditEntry.findMany();
    expect(auditRows.map((a) => [a.actor, a.action])).toEqual([["import:scadenzario.csv", "import"]]);
    expect(JSON.parse(auditRows[0]!.detail!)).toMatchObject({ rows: 7, invoices: { created: 7 } });
  });

  it("is idempotent: the same file twice changes nothing", async () => {
    await run(["scadenzario.csv"]);
    const before = await db.invoice.findMany({ orderBy: { id: "asc" } });
    const s = await run(["scadenzario.csv"]);
    expect(s.customers).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(s.invoices).toEqual({ created: 0, updated: 0, closed: 0, unchanged: 7, closedMissing: 0 });
    expect(await db.invoice.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("a newer scadenzario updates open amounts and closes the invoices that disappeared", async () => {
    await run(["scadenzario.csv"]);
    const c001 = await db.customer.findUniqueOrThrow({ where: { code: "C001" } });
    const promise = await db.paymentPromise.create({
      data: {
        customerId: c001.id,
        amountCents: 1_000_000,
        dueDate: "2026-03-04",
        createdAt: new Date("2026-02-20T10:00:00Z"),
      },
    });
    const s = await run(["scadenzario-marzo.csv"]);
    expect(s.invoices).toEqual({ created: 1, updated: 1, closed: 3, unchanged: 3, closedMissing: 2 });
    expect(s.openCents).toBe(2513456);
    expect(await invoices()).toEqual([
      "C001 2026/101/1 2026-01-31 1220000 0 paid",
      "C001 2026/145/1 2026-02-28 305000 0 paid",
      "C002 2026/102/1 2026-01-15 123456 123456 open",
      "C002 2026/160/1 2026-04-01 85000 85000 open",
      "C003 2026/110/1 2026-02-05 244000 0 paid",
      "C003 2026/110/2 2026-03-05 244000 244000 open",
      "C005 2026/130/1 2026-04-10 2562000 2000000 open",
      "C006 2026/131/1 2026-02-12 61000 61000 open",
    ]);
    const closed = await db.invoice.findFirstOrThrow({ where: { number: "2026/101" } });
    expect(closed.closedOn).toBe("2026-03-02");
    // what the customer paid shows as payments (the accounting software exported no payments file) ...
    const paid = await db.payment.findMany({ where: { customerId: c001.id } });
    expect(paid.map((p) => [p.amountCents, p.date, p.method]).sort()).toEqual([
      [105_000, "2026-03-02", "scadenzario"],
      [1_220_000, "2026-03-02", "scadenzario"],
    ]);
    // ... so the promise is kept, not reported as broken
    expect(await db.paymentPromise.findUniqueOrThrow({ where: { id: promise.id } })).toMatchObject({
      status: "kept",
    });
    // and importing the newer one again changes nothing
    const again = await run(["scadenzario-marzo.csv"]);
    expect(again.invoices).toMatchObject({ created: 0, updated: 0, closed: 0 });
    expect(await db.payment.count({ where: { customerId: c001.id } })).toBe(2);
  });

  it("--keep-missing leaves the disappeared invoices open", async () => {
    await run(["scadenzario.csv"]);
    const s = await run(["scadenzario-marzo.csv"], { keepMissing: true });
    expect(s.invoices).toMatchObject({ closed: 1, closedMissing: 0 });
    expect(s.openCents).toBe(2513456 + 1220000 + 244000);
  });

  it("a file with bad rows writes nothing and lists them all; --skip-invalid imports the good ones", async () => {
    const s = await run(["scadenzario-errori.csv"]);
    expect(s.rejected).toBe(true);
    expect(s.written).toBe(false);
    expect(s.errors.map((e) => [e.row, e.key])).toEqual([
      [3, "impossibleDate"],
      [4, "badAmount"],
      [5, "duplicate"],
      [6, "missingField"],
      [7, "openExceedsAmount"],
      [8, "customerWithoutName"],
    ]);
    expect(await db.customer.count()).toBe(0);
    expect(await db.invoice.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);

    const ok = await run(["scadenzario-errori.csv"], { skipInvalid: true });
    expect(ok.written).toBe(true);
    expect(ok.customers.created).toBe(2);
    expect(ok.invoices.created).toBe(2);
    expect(ok.openCents).toBe(1220000 + 2562000);
  });

  it("does not close invoices whose row was rejected in the newer file", async () => {
    await run(["scadenzario.csv"]);
    const bad = Buffer.from(
      readFileSync(join(FIX, "scadenzario-marzo.csv"), "utf8").replace(
        "2026/102;16/12/2025;15/01/2026",
        "2026/102;16/12/2025;15/13/2026",
      ),
    );
    const s = await importFiles(
      ctx,
      [{ name: "marzo.csv", bytes: bad }],
      {},
      { actor: "t", skipInvalid: true },
    );
    expect(s.errors.map((e) => [e.row, e.key])).toEqual([[4, "impossibleDate"]]);
    const inv = await db.invoice.findFirstOrThrow({ where: { number: "2026/102" } });
    expect(inv.status).toBe("open");
    expect(s.invoices.closedMissing).toBe(2);
  });

  it("--dry-run reports what would change and rolls back", async () => {
    const s = await run(["scadenzario.csv"], { dryRun: true });
    expect(s.invoices.created).toBe(7);
    expect(s.openCents).toBe(4559456);
    expect(s.written).toBe(false);
    expect(await db.invoice.count()).toBe(0);
  });

  it("reads an XLSX scadenzario generated on the fly the same way", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Scadenzario");
    ws.addRow([
      "Codice cliente",
      "Ragione sociale",
      "Numero documento",
      "Data documento",
      "Data scadenza",
      "Importo",
    ]);
    ws.addRow([
      "C001",
      "Rossi Costruzioni Srl",
      "2026/101",
      "15/12/2025",
      new Date(Date.UTC(2026, 0, 31)),
      12200,
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const s = await importFiles(ctx, [{ name: "scadenzario.xlsx", bytes }], {}, { actor: "t" });
    expect(s.invoices.created).toBe(1);
    expect(await invoices()).toEqual(["C001 2026/101/1 2026-01-31 1220000 1220000 open"]);
  });

  it("gives new rows ids past any id already used, and later inserts find their ids free", async () => {
    // an id used and deleted before the import must not come back (SQLite's AUTOINCREMENT, PostgreSQL's sequence)
    const gone = await db.customer.create({ data: { code: "GONE", name: "Cancellato" } });
    await db.customer.delete({ where: { id: gone.id } });
    await run(["scadenzario.csv"]);
    const imported = await db.customer.findMany({ orderBy: { id: "asc" } });
    expect(imported).toHaveLength(5);
    expect(imported[0]!.id).toBeGreaterThan(gone.id);
    // the merge's timestamps are the import's clock, read back as dates
    expect(imported[0]!.createdAt.toISOString()).toBe("2026-03-02T07:30:00.000Z");
    const invoice = await db.invoice.findFirstOrThrow({ orderBy: { id: "desc" } });
    const audit = await db.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
    // rows written after the import (through Prisma, ids from the database) do not collide with the merged ones
    const later = await db.customer.create({ data: { code: "NEW", name: "Nuovo" } });
    expect(later.id).toBeGreaterThan(imported.at(-1)!.id);
    const laterInvoice = await db.invoice.create({
      data: {
        customerId: later.id,
        number: "N1",
        issueDate: "2026-03-02",
        dueDate: "2026-04-01",
        amountCents: 100,
        openCents: 100,
      },
    });
    expect(laterInvoice.id).toBeGreaterThan(invoice.id);
    const laterAudit = await db.auditEntry.create({ data: { actor: "test", action: "note" } });
    expect(laterAudit.id).toBeGreaterThan(audit.id);
    const payment = await db.payment.create({
      data: { customerId: later.id, invoiceId: laterInvoice.id, date: "2026-03-02", amountCents: 100 },
    });
    expect(payment.id).toBeGreaterThan(0);
  });
});

describe("imports alongside other writers", () => {
  it("two imports at once and other inserts meanwhile: all written, ids never collide", async () => {
    const customer = await db.customer.create({ data: { code: "X01", name: "Altro cliente" } });
    let notes = 0;
    let importing = true;
    // another writer (Prisma, ids from the database) keeps inserting while both imports run
    const writer = (async () => {
      while (importing) {
        await db.auditEntry.create({ data: { actor: "other", action: "note", customerId: customer.id } });
        notes += 1;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const [a, b] = await Promise.all([run(["scadenzario.csv"]), run(["fatturapa"])]).finally(() => {
      importing = false;
    });
    await writer;
    expect(a.written && b.written).toBe(true);
    expect(notes).toBeGreaterThan(0);
    expect(await db.auditEntry.count({ where: { actor: "other" } })).toBe(notes);
    expect(await db.auditEntry.count({ where: { action: "import" } })).toBe(2);
    // and the ids the database gives next are free
    const later = await db.customer.create({ data: { code: "X02", name: "Dopo" } });
    await db.invoice.create({
      data: {
        customerId: later.id,
        number: "N1",
        issueDate: "2026-03-02",
        dueDate: "2026-04-01",
        amountCents: 100,
        openCents: 100,
      },
    });
    await db.auditEntry.create({ data: { actor: "other", action: "note" } });
  });
  it("the same file imported twice at once: one creates, the other plans again and changes nothing", async () => {
    const [a, b] = await Promise.all([run(["scadenzario.csv"]), run(["scadenzario.csv"])]);
    expect(a.written && b.written).toBe(true);
    expect([a.invoices.created, b.invoices.created].sort()).toEqual([0, 7]);
    expect(await db.invoice.count()).toBe(7);
    expect(await db.customer.count()).toBe(5);
  });
});

describe("customers and payments", () => {
  it("customers file (Windows-1252) updates the registry, keeps searchText and flags an unknown salesperson", async () => {
    await run(["scadenzario.csv"]);
    await db.teamMember.create({ data: { slackUserId: "U1", name: "Anna Neri", role: "sales" } });
    const s = await run(["clienti-1252.csv"]);
    expect(s.customers).toEqual({ created: 1, updated: 2, unchanged: 0 });
    expect(s.warnings.map((w) => [w.row, w.key])).toEqual([[2, "unknownSalesperson"]]);
    const agricola = await db.customer.findUniqueOrThrow({ where: { code: "C004" } });
    expect(agricola).toMatchObject({
      name: "Società Agricola Né Più Né Meno S.s.",
      pec: "agricola.nepiu@pec.it",
      creditLimitCents: 500000,
      paymentTermsDays: 30,
      searchText: "c004 societa agricola ne piu ne meno s s 05678901231",
    });
    const rossi = await db.customer.findUniqueOrThrow({ where: { code: "C001" } });
    expect(rossi).toMatchObject({
      city: "Milano",
      creditLimitCents: 5000000,
      noteReferencePerson: "Marco Rossi",
    });
  });

  it("payments reduce open amounts (named invoice first, then oldest), re-evaluate promises, and are imported once", async () => {
    await run(["scadenzario.csv"]);
    const rossi = await db.customer.findUniqueOrThrow({ where: { code: "C001" } });
    const bianchi = await db.customer.findUniqueOrThrow({ where: { code: "C002" } });
    const kept = await db.paymentPromise.create({
      data: {
        customerId: rossi.id,
        amountCents: 500000,
        dueDate: "2026-03-02",
        createdAt: new Date("2026-02-20T10:00:00Z"),
      },
    });
    const partial = await db.paymentPromise.create({
      data: {
        customerId: bianchi.id,
        amountCents: 200000,
        dueDate: "2026-02-27",
        createdAt: new Date("2026-02-16T10:00:00Z"),
      },
    });
    const s = await run(["pagamenti.csv"]);
    expect(s.errors).toEqual([]);
    expect(s.payments).toEqual({
      recorded: 3,
      duplicates: 0,
      appliedCents: 500000 + 244000 + 123456,
      unappliedCents: 0,
    });
    expect(s.invoices).toMatchObject({ updated: 1, closed: 2 });
    expect(s.promises).toEqual({ evaluated: 2, kept: 1, partial: 1, broken: 0 });
    expect(await db.paymentPromise.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({
      status: "kept",
      paidCents: 500000,
      evaluatedOn: "2026-03-02",
    });
    expect(await db.paymentPromise.findUniqueOrThrow({ where: { id: partial.id } })).toMatchObject({
      status: "partial",
      paidCents: 123456,
    });
    expect(await invoices()).toEqual([
      "C001 2026/101/1 2026-01-31 1220000 720000 open",
      "C001 2026/145/1 2026-02-28 305000 105000 open",
      "C002 2026/102/1 2026-01-15 123456 0 paid",
      "C003 2026/110/1 2026-02-05 244000 0 paid",
      "C003 2026/110/2 2026-03-05 244000 244000 open",
      "C005 2026/130/1 2026-04-10 2562000 2562000 open",
      "C006 2026/131/1 2026-02-12 61000 61000 open",
    ]);
    const closedByPayment = await db.invoice.findFirstOrThrow({ where: { number: "2026/102" } });
    expect(closedByPayment.closedOn).toBe("2026-02-27");

    const again = await run(["pagamenti.csv"]);
    expect(again.payments).toMatchObject({ recorded: 0, duplicates: 3 });
    expect(await db.payment.count()).toBe(3);
  });

  it("a payment for an unknown customer or invoice is a row error", async () => {
    await run(["scadenzario.csv"]);
    const csv =
      "Data incasso;Cliente codice;Fattura;Importo\n02/03/2026;C999;;100,00\n02/03/2026;C001;2026/999;100,00\n";
    const s = await importFiles(ctx, [{ name: "incassi.csv", bytes: Buffer.from(csv) }], {}, { actor: "t" });
    expect(s.rejected).toBe(true);
    expect(s.errors.map((e) => [e.row, e.key, e.args[0]])).toEqual([
      [2, "unknownCustomer", "C999"],
      [3, "unknownInvoice", "2026/999"],
    ]);
    expect(await db.payment.count()).toBe(0);
  });
});

describe("FatturaPA", () => {
  it("imports a folder: one receivable per instalment, customers matched by VAT number first", async () => {
    await run(["scadenzario.csv"]);
    const s = await run(["fatturapa"]);
    expect(s.errors).toEqual([]);
    expect(s.customers).toMatchObject({ created: 2 });
    expect(s.invoices).toMatchObject({ created: 6, closed: 0, closedMissing: 0 });
    const rossi = await db.invoice.findMany({
      where: { number: "2026/150" },
      include: { customer: true },
      orderBy: { installment: "asc" },
    });
    expect(rossi.map((r) => [r.customer.code, r.installment, r.dueDate, r.openCents, r.source])).toEqual([
      ["C001", 1, "2026-03-31", 244000, "fatturapa"],
      ["C001", 2, "2026-04-30", 244000, "fatturapa"],
    ]);
    // the customer known from the scadenzario keeps its name
    expect((await db.customer.findUniqueOrThrow({ where: { code: "C001" } })).name).toBe(
      "Rossi Costruzioni Srl",
    );
    const comune = await db.customer.findUniqueOrThrow({ where: { code: "80001234568" } });
    expect(comune).toMatchObject({ taxCode: "80001234568", vatNumber: null, city: "Caravaggio" });
    // FatturaPA invoices are not closed by a scadenzario that does not list them (other source)
    const again = await run(["scadenzario.csv"]);
    expect(again.invoices.closedMissing).toBe(0);
    const twice = await run(["fatturapa"]);
    expect(twice.invoices).toMatchObject({ created: 0, updated: 0, closed: 0, unchanged: 6 });
  });

  it("a broken XML in a folder rejects the whole import unless --skip-invalid", async () => {
    const s = await run(["fatturapa", "fatturapa-broken"]);
    expect(s.rejected).toBe(true);
    expect(s.errors.map((e) => [e.file, e.key])).toEqual([
      ["IT01122334459_00B01.xml", "badXml"],
      ["IT01122334459_00B02.xml", "notFatturaPA"],
    ]);
    expect(await db.invoice.count()).toBe(0);
    const ok = await run(["fatturapa", "fatturapa-broken"], { skipInvalid: true });
    expect(ok.invoices.created).toBe(6);
  });
});
