import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n";
import { readFatturaPA, xmlAmountToCents } from "../../src/import/fatturapa";
import { parseAmountCell, parseDateCell } from "../../src/import/fields";
import { ColumnMapError, parseColumnMap, recognizeColumns } from "../../src/import/headers";
import { readImportFile } from "../../src/import/read";
import { describeIssue } from "../../src/import/report";
import { decodeText, detectDelimiter } from "../../src/import/table";
import { ImportFileError } from "../../src/import/types";

const FIX = join(__dirname, "../fixtures/import");
const input = (name: string) => ({ name, bytes: readFileSync(join(FIX, name)) });

async function fileError(p: Promise<unknown>): Promise<ImportFileError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ImportFileError) return err;
    throw err;
  }
  throw new Error("expected an ImportFileError");
}

describe("cell parsing", () => {
  it("reads Italian dates, ISO dates, Excel serials and rejects impossible ones", () => {
    expect(parseDateCell("02/03/2026")).toBe("2026-03-02");
    expect(parseDateCell("2/3/26")).toBe("2026-03-02");
    expect(parseDateCell("02.03.2026")).toBe("2026-03-02");
    expect(parseDateCell("2026-03-02T00:00:00")).toBe("2026-03-02");
    expect(parseDateCell(46083)).toBe("2026-03-02");
    expect(parseDateCell(new Date(Date.UTC(2026, 2, 2)))).toBe("2026-03-02");
    expect(parseDateCell("31/02/2026")).toBeNull();
    expect(parseDateCell("marzo 2026")).toBeNull();
  });

  it("reads Italian amounts, accounting negatives and XLSX numbers", () => {
    expect(parseAmountCell("1.234,56")).toBe(123456);
    expect(parseAmountCell("€ 25.620,00")).toBe(2562000);
    expect(parseAmountCell("(1.234,56)")).toBe(-123456);
    expect(parseAmountCell("1.234,56-")).toBe(-123456);
    expect(parseAmountCell(1234.565)).toBe(123457);
    expect(parseAmountCell("2.44O,00")).toBeNull();
    expect(xmlAmountToCents("2440.00")).toBe(244000);
    expect(xmlAmountToCents("10.12500000")).toBe(1013);
    expect(xmlAmountToCents("12,50")).toBeNull();
  });
});

describe("encodings and separators", () => {
  it("takes bytes that are not UTF-8 as Windows-1252", () => {
    const bytes = Buffer.from("Società;Caffè;Né € 5\n", "latin1");
    bytes[bytes.length - 4] = 0x80; // € is 0x80 in Windows-1252, not in Latin-1
    const { text, encoding } = decodeText(bytes);
    expect(encoding).toBe("windows-1252");
    expect(text).toBe("Società;Caffè;Né € 5\n");
    expect(decodeText(Buffer.from("\ufeffCittà", "utf8"))).toEqual({ text: "Città", encoding: "utf-8" });
  });

  it("detects ; , and tab outside quotes", () => {
    expect(detectDelimiter('a;b;"c,d,e"\n1;2;3')).toBe(";");
    expect(detectDelimiter('a,b,"1.234,56"\n')).toBe(",");
    expect(detectDelimiter("a\tb\tc\n")).toBe("\t");
  });
});

describe("headers", () => {
  it("recognises Italian variants and lets --map name the unusual ones", () => {
    const index = recognizeColumns(
      [
        "Cod. Cli.",
        "Rag. Soc.",
        "P.IVA",
        "Nr. Doc.",
        "Data Doc.",
        "Scad.",
        "Importo Rata",
        "Da pagare",
        "Zona",
      ],
      "scadenzario",
    );
    expect(index).toEqual({
      code: 0,
      name: 1,
      vatNumber: 2,
      number: 3,
      issueDate: 4,
      dueDate: 5,
      amount: 6,
      open: 7,
    });
    const map = parseColumnMap("Zona=rata, Scadenza effetto = dueDate");
    expect([...map]).toEqual([
      ["zona", "installment"],
      ["scadenza effetto", "dueDate"],
    ]);
    expect(
      recognizeColumns(["Cliente", "Doc", "Scadenza effetto", "Totale"], "scadenzario", map),
    ).toMatchObject({
      name: 0,
      number: 1,
      dueDate: 2,
      amount: 3,
    });
    expect(() => parseColumnMap("Colonna X=colore")).toThrow(ColumnMapError);
  });
});

describe("scadenzario CSV", () => {
  it("reads the rows after a title line, with instalments, quotes and invalid VAT as a warning", async () => {
    const f = await readImportFile(input("scadenzario.csv"));
    expect(f.kind).toBe("scadenzario");
    expect(f.encoding).toBe("utf-8");
    expect(f.rows).toBe(7);
    expect(f.errors).toEqual([]);
    expect(f.warnings).toEqual([{ file: "scadenzario.csv", row: 9, key: "badVat", args: ["12345678901"] }]);
    expect(f.receivables[0]).toEqual({
      row: 3,
      customer: { row: 3, code: "C001", name: "Rossi Costruzioni Srl", vatNumber: "02112345679" },
      number: "2026/101",
      installment: undefined,
      issueDate: "2025-12-15",
      dueDate: "2026-01-31",
      amountCents: 1220000,
      openCents: 1220000,
    });
    expect(f.receivables[2]!.customer.name).toBe("Ferramenta Bianchi & Figli; S.n.c.");
    expect(f.receivables.map((r) => r.openCents).reduce((a, b) => a! + b!, 0)).toBe(4559456);
  });

  it("lists every bad row with its number and reason", async () => {
    const f = await readImportFile(input("scadenzario-errori.csv"));
    const t = messages("it");
    expect(f.errors.map((e) => describeIssue(e, t, "it"))).toEqual([
      "scadenzario-errori.csv, riga 3: data scadenza: 31/02/2026 non esiste",
      'scadenzario-errori.csv, riga 4: importo non valido: "2.44O,00"',
      "scadenzario-errori.csv, riga 5: duplicato della riga 2",
      "scadenzario-errori.csv, riga 6: manca numero documento",
      "scadenzario-errori.csv, riga 7: il residuo (€ 700,00) supera l'importo (€ 500,00)",
    ]);
    expect(f.receivables.map((r) => r.row)).toEqual([2, 8, 9]);
  });
});

describe("customers in Windows-1252", () => {
  it("keeps the accents and reads contacts, credit limit and terms", async () => {
    const raw = readFileSync(join(FIX, "clienti-1252.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(raw)).toThrow();
    const f = await readImportFile(input("clienti-1252.csv"));
    expect(f.kind).toBe("clienti");
    expect(f.encoding).toBe("windows-1252");
    expect(f.errors).toEqual([]);
    expect(f.customers[1]).toEqual({
      row: 3,
      code: "C004",
      name: "Società Agricola Né Più Né Meno S.s.",
      vatNumber: "05678901231",
      address: "Località Casòn 3",
      postalCode: "37010",
      city: "Affi",
      province: "VR",
      phone: "045 7654321",
      pec: "agricola.nepiu@pec.it",
      creditLimitCents: 500000,
      paymentTermsDays: 30,
      noteApproach: "Molto puntuale, non insistere",
      noteReferencePerson: "Sig.ra Zanè",
    });
    expect(f.customers[2]).toMatchObject({ code: "C003", province: "NA", paymentTermsDays: 30 });
    expect(f.customers[0]).toMatchObject({ salesperson: "Giulia Verdi", creditLimitCents: 5000000 });
  });

  it("rejects invalid VAT numbers, e-mails and missing names in a customers file", async () => {
    const f = await readImportFile(input("clienti-errori.csv"));
    expect(f.errors.map((e) => [e.row, e.key])).toEqual([
      [2, "badVat"],
      [3, "badEmail"],
      [4, "missingField"],
      [5, "badAmount"],
    ]);
    expect(f.customers.map((c) => c.code)).toEqual(["C010", "C014"]);
  });
});

describe("XLSX", () => {
  it("reads a sheet with date cells, number cells and numeric codes", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Partite aperte");
    ws.addRow(["Scadenzario al 27/02/2026"]);
    ws.addRow([
      "Cod. cliente",
      "Cliente",
      "P. IVA",
      "Fattura n.",
      "Data fattura",
      "Scadenza",
      "Totale",
      "Residuo",
    ]);
    ws.addRow([
      1001,
      "Rossi Costruzioni Srl",
      "02112345679",
      101,
      new Date(Date.UTC(2025, 11, 15)),
      new Date(Date.UTC(2026, 0, 31)),
      12200,
      12200,
    ]);
    ws.addRow([
      1002,
      "Bianchi Snc",
      "03456789019",
      "2026/102",
      "16/12/2025",
      46037,
      1234.56,
      { formula: "G4-1000", result: 234.56 },
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const f = await readImportFile({ name: "partite.xlsx", bytes }, { kind: "scadenzario" });
    expect(f.format).toBe("xlsx");
    expect(f.errors).toEqual([]);
    expect(
      f.receivables.map((r) => [
        r.row,
        r.customer.code,
        r.number,
        r.issueDate,
        r.dueDate,
        r.amountCents,
        r.openCents,
      ]),
    ).toEqual([
      [3, "1001", "101", "2025-12-15", "2026-01-31", 1220000, 1220000],
      [4, "1002", "2026/102", "2025-12-16", "2026-01-15", 123456, 23456],
    ]);
  });
});

describe("FatturaPA", () => {
  it("gives one receivable per instalment of DettaglioPagamento (FPR12)", async () => {
    const f = await readImportFile(input("fatturapa/IT01122334459_00A01.xml"));
    expect(f.kind).toBe("fatturapa");
    expect(f.customers[0]).toMatchObject({
      code: "07890123453",
      name: "Tecnoimpianti Srl",
      vatNumber: "07890123453",
      city: "Torino",
      address: "Corso Francia 110",
    });
    expect(
      f.receivables.map((r) => [r.number, r.installment, r.issueDate, r.dueDate, r.amountCents]),
    ).toEqual([
      ["FPR 12/26", 1, "2026-02-10", "2026-03-31", 244000],
      ["FPR 12/26", 2, "2026-02-10", "2026-04-30", 244000],
      ["FPR 12/26", 3, "2026-02-10", "2026-05-31", 244000],
    ]);
  });

  it("reads a public administration (FPA12) by tax code, due date from the payment terms", async () => {
    const f = await readImportFile(input("fatturapa/IT01122334459_00A02.xml"));
    expect(f.customers[0]).toMatchObject({
      code: "80001234568",
      taxCode: "80001234568",
      name: "Comune di Caravaggio & Frazioni",
    });
    expect(f.customers[0]!.vatNumber).toBeUndefined();
    expect(f.receivables).toHaveLength(1);
    expect(f.receivables[0]).toMatchObject({
      number: "PA-7/2026",
      dueDate: "2026-03-17",
      amountCents: 100000,
    });
  });

  it("skips the credit note of a batch with a warning, and SDI metadata files", async () => {
    const f = await readImportFile(input("fatturapa/IT01122334459_00A03.xml"));
    expect(f.receivables.map((r) => [r.number, r.installment])).toEqual([
      ["2026/150", 1],
      ["2026/150", 2],
    ]);
    expect(f.warnings.map((w) => [w.key, w.args[0]])).toEqual([["creditNoteSkipped", "NC 3/2026"]]);
    const meta = await readImportFile(input("fatturapa/IT01122334459_00A01_MT_001.xml"));
    expect(meta.receivables).toEqual([]);
    expect(meta.warnings[0]!.key).toBe("sdiFileSkipped");
  });

  it("rejects truncated XML and other versions with a clear reason", async () => {
    const truncated = await fileError(readImportFile(input("fatturapa-broken/IT01122334459_00B01.xml")));
    expect(truncated.key).toBe("badXml");
    expect(truncated.args[0]).toContain("unclosed: p:FatturaElettronica > FatturaElettronicaHeader");
    const other = await fileError(readImportFile(input("fatturapa-broken/IT01122334459_00B02.xml")));
    expect([other.key, other.args]).toEqual(["notFatturaPA", ["FSM10"]]);
    expect(() => readFatturaPA("<Fattura/>", "x.xml")).toThrow(ImportFileError);
  });
});

describe("wrong files", () => {
  it.each([
    ["scadenzario-vecchio.xls", "oldExcel"],
    ["logo.png", "notText"],
    ["vuoto.csv", "emptyFile"],
    ["sconosciuto.csv", "unknownKind"],
  ])("%s -> %s", async (name, key) => {
    expect((await fileError(readImportFile(input(name)))).key).toBe(key);
  });

  it("names the missing columns and the headers found", async () => {
    const bytes = Buffer.from("Codice cliente;Numero fattura;Importo\nC1;1;10,00\n");
    const err = await fileError(readImportFile({ name: "x.csv", bytes }, { kind: "scadenzario" }));
    expect(
      describeIssue({ file: err.file, row: null, key: err.key, args: err.args }, messages("it"), "it"),
    ).toBe(
      "x.csv: manca la colonna data scadenza. Intestazioni trovate: Codice cliente | Numero fattura | Importo. " +
        'Indica quale colonna è quale con --map "intestazione=campo" (campi: codice, ragione_sociale, piva, cf, livello_sollecito, data_ultimo_sollecito, ultimo_contatto, note_sollecito, numero, rata, data_documento, scadenza, importo, residuo)',
    );
  });
});
