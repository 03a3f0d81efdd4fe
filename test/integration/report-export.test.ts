import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/command";
import { reportCommand } from "../../src/cli/report";
import { type Db, openDb } from "../../src/db/client";
import { buildReport, rangePeriod } from "../../src/services/report/report";
import { dropTestDatabase, testDatabaseUrl } from "../support/database";

let dir: string;
let url: string;
let db: Db;
let saved: Record<string, string | undefined>;

/**
 * November 2026: Rossi's € 1.000 invoice fell due on 5 August (90 days end on 3 November), € 450,50 paid on
 * 1 September after Giulia's call; Bianchi owes € 2.000 due 1 November (on hold); a trip to Brescia cost € 235.
 */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-report-"));
  url = testDatabaseUrl(dir, "report");
  saved = { DATABASE_URL: process.env.DATABASE_URL, CREDITO_LOCALE: process.env.CREDITO_LOCALE };
  process.env.DATABASE_URL = url;
  process.env.CREDITO_LOCALE = "it";
  db = await openDb(url);
  const giulia = await db.teamMember.create({
    data: { slackUserId: "U0ADMIN", name: "Giulia Ferri", role: "admin" },
  });
  const rossi = await db.customer.create({ data: { code: "C001", name: "Rossi Edilizia Srl" } });
  const bianchi = await db.customer.create({
    data: { code: "C002", name: 'Bianchi; Figli "Snc"', creditHold: true },
  });
  const r1 = await db.invoice.create({
    data: {
      customerId: rossi.id,
      number: "1",
      issueDate: "2026-07-01",
      dueDate: "2026-08-05",
      amountCents: 100_000,
      openCents: 54_950,
    },
  });
  await db.invoice.create({
    data: {
      customerId: bianchi.id,
      number: "2",
      issueDate: "2026-11-02",
      dueDate: "2026-11-01",
      amountCents: 200_000,
      openCents: 200_000,
    },
  });
  const trip = await db.fieldTrip.create({
    data: {
      collectorId: giulia.id,
      startDate: "2026-11-09",
      endDate: "2026-11-10",
      area: "Brescia",
      status: "closed",
    },
  });
  await db.tripCost.createMany({
    data: [
      { tripId: trip.id, kind: "hotel", amountCents: 15_000 },
      { tripId: trip.id, kind: "km", amountCents: 8_500, km: 200 },
    ],
  });
  await db.interaction.create({
    data: {
      customerId: bianchi.id,
      memberId: giulia.id,
      tripId: trip.id,
      channel: "visit",
      outcome: "promise",
      date: "2026-11-09",
      occurredAt: new Date("2026-11-09T11:00:00+01:00"),
    },
  });
  await db.interaction.create({
    data: {
      customerId: rossi.id,
      memberId: giulia.id,
      channel: "phone",
      outcome: "promise",
      date: "2026-08-28",
      occurredAt: new Date("2026-08-28T10:00:00+02:00"),
    },
  });
  await db.payment.create({
    data: { customerId: rossi.id, invoiceId: r1.id, date: "2026-09-01", amountCents: 45_050 },
  });
});

afterAll(async () => {
  await db?.$disconnect();
  await dropTestDatabase(url);
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

const NOVEMBER = ["--from", "2026-11-01", "--to", "2026-11-30"];

describe("credito report (export for the accountant)", () => {
  it("writes CSV for an Italian Excel: BOM, `;`, decimal comma, dd/mm/yyyy, quoted cells when needed", async () => {
    const out = join(dir, "report.csv");
    expect(await reportCommand.run([...NOVEMBER, "--format", "csv", "--out", out])).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("Sezione;Voce;Dettaglio;Valore;Unità");
    expect(lines).toContain("Periodo;Dal;;01/11/2026;");
    expect(lines).toContain("Periodo;Al;;30/11/2026;");
    // € 450,50 of € 1.000 recovered within 90 days = 45,05% -> 45,1 (one decimal)
    expect(lines).toContain("Indicatori;Quota recuperata entro 90 gg;obiettivo > 40%;45,1;%");
    expect(lines).toContain("Indicatori;Recuperato entro 90 gg;;450,50;€");
    expect(lines).toContain("Indicatori;Scaduto delle fatture nella coorte 90 gg;;1000,00;€");
    expect(lines).toContain("Indicatori;Quota clienti che riordinano;obiettivo > 50%;;%");
    // open € 2.549,50 over credit sales € 2.000 x 30 days
    // DSO over the 90 days to 30 Nov: open 2.549,50 / sales 2.000 (2 Nov) x 90 = 114,7
    expect(lines).toContain("Indicatori;DSO;;114,7;giorni");
    expect(lines).toContain("Posizione a fine periodo;Anzianità dello scaduto;1-30 gg;2000,00;€");
    expect(lines).toContain("Posizione a fine periodo;Anzianità dello scaduto;Oltre 90 gg;549,50;€");
    expect(lines).toContain("Posizione a fine periodo;Fido sospeso;;2000,00;€");
    expect(lines).toContain("Incaricati;Giulia Ferri;Contatti;1;n.");
    expect(lines).toContain("Giri di visite;Brescia 09/11/2026-10/11/2026;Costo;235,00;€");
    expect(lines).toContain("Giri di visite;Brescia 09/11/2026-10/11/2026;Visite;1;n.");
    for (const line of lines.filter(Boolean)) expect(line.split(";")).toHaveLength(5);
  });

  it("writes an XLSX workbook that reads back with the figures as numbers", async () => {
    const out = join(dir, "report.xlsx");
    expect(await reportCommand.run([...NOVEMBER, "--format", "xlsx", "--out", out])).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Riepilogo",
      "Anzianità",
      "Incaricati",
      "Giri di visite",
      "Incassi",
    ]);
    const summary = wb.getWorksheet("Riepilogo")!;
    const find = (item: string, detail = "") => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (row.getCell(2).value === item && (row.getCell(3).value ?? "") === detail) found = row;
      });
      if (!found) throw new Error(`no row ${item}/${detail}`);
      return found;
    };
    expect(find("Dal").getCell(4).value).toEqual(new Date("2026-11-01T00:00:00Z"));
    const share = find("Quota recuperata entro 90 gg", "obiettivo > 40%").getCell(4);
    expect(share.value).toBeCloseTo(0.451, 6);
    expect(share.numFmt).toBe("0.0%");
    const recovered = find("Recuperato entro 90 gg").getCell(4);
    expect(recovered.value).toBe(450.5);
    expect(recovered.numFmt).toBe('#,##0.00 "€"');
    expect(find("DSO").getCell(4).value).toBe(114.7);
    const aging = wb.getWorksheet("Anzianità")!;
    expect(aging.getRow(1).values).toEqual([undefined, "Anzianità dello scaduto", "Importo", "n."]);
    expect(aging.getRow(3).values).toEqual([undefined, "1-30 gg", 2000, 1]);
    expect(aging.getRow(6).values).toEqual([undefined, "Oltre 90 gg", 549.5, 1]);
    const trips = wb.getWorksheet("Giri di visite")!;
    expect(trips.getRow(2).getCell(1).value).toBe("Brescia");
    expect(trips.getRow(2).getCell(5).value).toBe(235);
    expect(wb.getWorksheet("Incassi")!.rowCount).toBe(1 + 6);
  });

  it("writes JSON with the figures in cents, the same the Slack report shows", async () => {
    const out = join(dir, "report.json");
    expect(await reportCommand.run([...NOVEMBER, "--format", "json", "--out", out])).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    expect(json.period).toEqual({ kind: "range", from: "2026-11-01", to: "2026-11-30" });
    expect(json.recovery90).toEqual({
      invoices: 1,
      overdueCents: 100_000,
      recoveredCents: 45_050,
      share: 45.1,
      target: 40,
      met: true,
    });
    expect(json.position.creditHoldCents).toBe(200_000);
    expect(json.trips[0]).toMatchObject({ area: "Brescia", costCents: 23_500, contacts: 1 });
    expect(json).toEqual(
      JSON.parse(JSON.stringify(await buildReport({ db }, rangePeriod("2026-11-01", "2026-11-30")))),
    );
  });

  it("refuses bad options with one clear line", async () => {
    await expect(reportCommand.run(["--format", "pdf"])).rejects.toThrow(
      new CliError('--format: serve csv, xlsx o json (hai scritto "pdf")'),
    );
    await expect(reportCommand.run(["--format", "xlsx"])).rejects.toThrow(
      "--format xlsx vuole anche --out <file.xlsx>",
    );
    await expect(
      reportCommand.run(["--from", "2026-11-31", "--to", "2026-12-01", "--format", "csv"]),
    ).rejects.toThrow('--from: "2026-11-31" non è una data come 2026-11-30');
    await expect(reportCommand.run(["--from", "2026-11-01", "--format", "csv"])).rejects.toThrow(
      "indica sia --from sia --to",
    );
    await expect(
      reportCommand.run(["--from", "2026-12-01", "--to", "2026-11-01", "--format", "csv"]),
    ).rejects.toThrow("--from viene dopo --to");
    // in English with CREDITO_LOCALE=en (issue 18)
    const before = process.env.CREDITO_LOCALE;
    process.env.CREDITO_LOCALE = "en";
    try {
      await expect(reportCommand.run(["--format", "pdf"])).rejects.toThrow(
        new CliError('--format: expected csv, xlsx or json, got "pdf"'),
      );
      await expect(
        reportCommand.run(["--from", "2026-12-01", "--to", "2026-11-01", "--format", "csv"]),
      ).rejects.toThrow("--from is after --to");
    } finally {
      if (before === undefined) delete process.env.CREDITO_LOCALE;
      else process.env.CREDITO_LOCALE = before;
    }
  });
});
