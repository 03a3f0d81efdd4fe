import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isBankStatement, readStatement } from "../../src/bank/read";
import { BankFileError } from "../../src/bank/types";

const FIX = join(__dirname, "../fixtures/bank");
const input = (name: string) => ({ name, bytes: readFileSync(join(FIX, name)) });
const brief = (m: { amountCents: number; kind: string }) => `${m.kind} ${m.amountCents}`;

describe("camt.053 statement", () => {
  it("reads booked entries with dates, signed cents, debtor, IBAN, remittance and kind; skips pending ones", async () => {
    const st = await readStatement(input("estratto-conto.camt053.xml"));
    expect(st.format).toBe("camt.053");
    expect(st.account).toBe("IT60X0542811101000000123456");
    expect(st.issues).toEqual([]);
    expect(st.movements.map(brief)).toEqual([
      "credit_transfer 122000",
      "credit_transfer 10000",
      "riba_returned -244000",
      "credit_transfer 77700",
      "outgoing -18500",
    ]);
    const [rossi, , riba] = st.movements;
    expect(rossi).toMatchObject({
      element: "Stmt[1]/Ntry[1]",
      bookingDate: "2026-02-27",
      valueDate: "2026-02-27",
      counterpartyName: "ROSSI FORNITURE S.R.L.",
      counterpartyIban: "IT02A0306909606100000063471",
      bankReference: "0542811101A27001",
      code: "PMNT/RCDT/ESCT",
    });
    expect(rossi!.description).toContain("SALDO FT 2026/0168");
    expect(riba).toMatchObject({
      feeCents: 850,
      valueDate: "2026-02-26",
      counterpartyName: "NERI TRASPORTI SRL",
    });
    expect(riba!.description).toContain("(AM04)");
  });
});

describe("camt.054 notification", () => {
  it("splits a batched entry into its transactions and reads a returned SDD", async () => {
    const st = await readStatement(input("avviso.camt054.xml"));
    expect(st.format).toBe("camt.054");
    expect(st.movements.map(brief)).toEqual([
      "credit_transfer 80000",
      "credit_transfer 90000",
      "sdd_returned -35000",
    ]);
    expect(st.movements[0]).toMatchObject({
      element: "Ntfctn[1]/Ntry[1]/TxDtls[1]",
      counterpartyName: "Bianchi Costruzioni S.p.A.",
      counterpartyVat: "09876543210",
      description: "FT 2025/0168",
    });
  });

  it("a malformed XML names the line; an XML that is no statement is named as such", async () => {
    const bad = {
      name: "rotto.xml",
      bytes: Buffer.from(
        '<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>',
      ),
    };
    await expect(readStatement(bad)).rejects.toMatchObject({ key: "badXml" });
    const fattura = { name: "fattura.xml", bytes: Buffer.from('<?xml version="1.0"?><FatturaElettronica/>') };
    await expect(readStatement(fattura)).rejects.toBeInstanceOf(BankFileError);
    await expect(readStatement(fattura)).rejects.toMatchObject({ key: "notStatement" });
  });
});

describe("CBI rendicontazione (RH)", () => {
  it("reads 62 movements with their 63 descriptions, the ABI causale and the ordering party", async () => {
    const st = await readStatement(input("movimenti.cbi.txt"));
    expect(st.format).toBe("cbi");
    expect(st.account).toBe("05428/11101/000000123456");
    expect(st.issues).toEqual([]);
    expect(st.movements.map(brief)).toEqual([
      "credit_transfer 122000",
      "credit_transfer 10000",
      "riba_returned -244000",
      "fee -850",
      "credit_transfer 77700",
      "outgoing -18500",
    ]);
    expect(st.movements[0]).toMatchObject({
      line: 3,
      code: "48",
      bookingDate: "2026-02-27",
      counterpartyName: "ROSSI FORNITURE SRL",
      counterpartyIban: "IT02A0306909606100000063471",
      bankReference: "0542811101A27001",
    });
    expect(st.movements[0]!.description).toContain("SALDO FT 2026/0168");
  });

  it("a broken movement record is listed with its line, the others are read; a missing footer is said", async () => {
    const lines = readFileSync(join(FIX, "movimenti.cbi.txt"), "latin1").split("\r\n");
    lines[2] = `${lines[2]!.slice(0, 19)}310226${lines[2]!.slice(25)}`; // 31 February
    const text = lines.filter((l) => !l.startsWith(" EF")).join("\r\n");
    const st = await readStatement({ name: "rh.txt", bytes: Buffer.from(text, "latin1") });
    expect(st.issues).toEqual([
      { line: 3, key: "badDate", args: ["310226"] },
      { line: 4, key: "orphanRecord", args: ["63"] },
      { line: 5, key: "orphanRecord", args: ["63"] },
      { line: 16, key: "missingFooter", args: [] },
    ]);
    expect(st.movements).toHaveLength(5);
  });
});

describe("home-banking lists", () => {
  it("CSV in Windows-1252 with Dare/Avere, title lines above the header and a closing balance line", async () => {
    const st = await readStatement(input("movimenti-homebanking.csv"));
    expect(st.format).toBe("csv");
    expect(st.encoding).toBe("windows-1252");
    expect(st.movements.map(brief)).toEqual([
      "credit_transfer 122000",
      "credit_transfer 10000",
      "riba_returned -244000",
      "fee -850",
      "credit_transfer 77700",
      "credit_transfer 4590",
      "outgoing -18500",
    ]);
    expect(st.movements[5]!.description).toContain("CAFFÈ DELLA PIAZZA SOCIETÀ");
    expect(st.movements[0]!.counterpartyIban).toBe("IT02A0306909606100000063471");
    expect(st.issues).toEqual([{ line: 12, key: "badDate", args: ["31/02/2026"] }]);
  });

  it("XLSX with one signed Importo column and an ABI causale column", async () => {
    const st = await readStatement(input("movimenti-homebanking.xlsx"));
    expect(st.format).toBe("xlsx");
    expect(st.movements.map(brief)).toEqual([
      "credit_transfer 122000",
      "riba_returned -244000",
      "fee -850",
      "credit_transfer 77700",
    ]);
    expect(st.movements[0]).toMatchObject({ line: 4, bookingDate: "2026-02-27", code: "48" });
    expect(st.issues).toEqual([{ line: 8, key: "badDate", args: ["non una data"] }]);
  });

  it("a scadenzario is not a statement", async () => {
    const scad = {
      name: "scadenzario.csv",
      bytes: readFileSync(join(__dirname, "../fixtures/import/scadenzario.csv")),
    };
    const payments = {
      name: "pagamenti.csv",
      bytes: readFileSync(join(__dirname, "../fixtures/import/pagamenti.csv")),
    };
    expect(await isBankStatement(payments)).toBe(false);
    const erp = {
      name: "incassi.csv",
      bytes: Buffer.from("Data;Codice cliente;Importo;Descrizione\r\n02/03/2026;C001;100,00;saldo\r\n"),
    };
    expect(await isBankStatement(erp)).toBe(false);
    expect(await isBankStatement(scad)).toBe(false);
    await expect(readStatement(scad)).rejects.toMatchObject({ key: "notStatement" });
    for (const f of [
      "estratto-conto.camt053.xml",
      "movimenti.cbi.txt",
      "movimenti-homebanking.csv",
      "movimenti-homebanking.xlsx",
    ])
      expect(await isBankStatement(input(f))).toBe(true);
  });
});
