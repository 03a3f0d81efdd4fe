// Home-banking movement lists (CSV or XLSX) with Italian headers: "Data contabile", "Data valuta", "Dare",
// "Avere" (or one signed "Importo"), "Descrizione", "Causale". Read with the scadenzario's table reader.

import { normalizeForSearch } from "../domain/text";
import { type Cell, cellText, parseAmountCell, parseDateCell } from "../import/fields";
import type { Table } from "../import/table";
import { classifyMovement, ibanIn, orderingPartyIn, vatIn } from "./classify";
import type { BankMovement, BankStatement, MovementIssue } from "./types";

type Column =
  | "bookingDate"
  | "valueDate"
  | "debit"
  | "credit"
  | "amount"
  | "description"
  | "causale"
  | "code"
  | "reference"
  | "name"
  | "iban";

// normalised header -> column (accents, case and punctuation ignored)
const HEADERS: Record<string, Column> = {
  "data contabile": "bookingDate",
  "data operazione": "bookingDate",
  "data registrazione": "bookingDate",
  data: "bookingDate",
  "data valuta": "valueDate",
  valuta: "valueDate",
  dare: "debit",
  uscite: "debit",
  addebiti: "debit",
  avere: "credit",
  entrate: "credit",
  accrediti: "credit",
  importo: "amount",
  "importo eur": "amount",
  "importo euro": "amount",
  descrizione: "description",
  "descrizione operazione": "description",
  "descrizione estesa": "description",
  dettagli: "description",
  causale: "causale",
  "causale descrizione": "causale",
  "causale abi": "code",
  "codice causale": "code",
  riferimento: "reference",
  "riferimento banca": "reference",
  "id operazione": "reference",
  ordinante: "name",
  controparte: "name",
  beneficiario: "name",
  "iban ordinante": "iban",
  "iban controparte": "iban",
};

function headerColumns(cells: readonly Cell[]): Map<Column, number> | null {
  const cols = new Map<Column, number>();
  cells.forEach((c, i) => {
    const col = HEADERS[normalizeForSearch(cellText(c))];
    if (col && !cols.has(col)) cols.set(col, i);
  });
  const hasAmount = cols.has("amount") || cols.has("debit") || cols.has("credit");
  // a bank's own headers, so that an ERP payments file ("Data", "Importo", "Descrizione") is not taken for one
  const texts = cells.map((c) => normalizeForSearch(cellText(c)));
  const bankish =
    cols.has("debit") ||
    cols.has("credit") ||
    cols.has("valueDate") ||
    texts.some((x) => x === "data contabile" || x === "data operazione" || x === "data registrazione");
  const erpish = texts.some((x) =>
    /^(codice cliente|cod cliente|numero fattura|n fattura|n documento|partita iva)$/.test(x),
  );
  return bankish &&
    !erpish &&
    cols.has("bookingDate") &&
    hasAmount &&
    (cols.has("description") || cols.has("causale"))
    ? cols
    : null;
}

/** The header row (within the first 30: exports often start with the account's name and period) or -1. */
export function findMovementHeader(table: Table): number {
  const limit = Math.min(table.rows.length, 30);
  for (let i = 0; i < limit; i++) if (headerColumns(table.rows[i]!.cells)) return i;
  return -1;
}

export function readMovementTable(table: Table, file: string, format: "csv" | "xlsx"): BankStatement | null {
  const at = findMovementHeader(table);
  if (at < 0) return null;
  const cols = headerColumns(table.rows[at]!.cells)!;
  const movements: BankMovement[] = [];
  const issues: MovementIssue[] = [];
  const get = (cells: readonly Cell[], c: Column) => (cols.has(c) ? cells[cols.get(c)!] : undefined);
  for (const { row, cells } of table.rows.slice(at + 1)) {
    if (cells.every((c) => cellText(c) === "")) continue;
    const first = normalizeForSearch(cellText(cells[0]));
    // closing lines of many exports: "Saldo contabile", "Totale movimenti"
    if (/^(saldo|totale)/.test(first)) continue;
    const booking = parseDateCell(get(cells, "bookingDate"));
    if (!booking) {
      issues.push({ line: row, key: "badDate", args: [cellText(get(cells, "bookingDate"))] });
      continue;
    }
    let cents: number | null;
    if (cols.has("amount")) cents = parseAmountCell(get(cells, "amount"));
    else {
      const d = cellText(get(cells, "debit")) === "" ? 0 : parseAmountCell(get(cells, "debit"));
      const c = cellText(get(cells, "credit")) === "" ? 0 : parseAmountCell(get(cells, "credit"));
      // "Dare" is written positive or negative, depending on the bank: either way it is money out
      cents = d === null || c === null ? null : Math.abs(c) - Math.abs(d);
    }
    if (cents === null) {
      issues.push({
        line: row,
        key: "badAmount",
        args: [cellText(get(cells, "amount") ?? get(cells, "credit") ?? get(cells, "debit"))],
      });
      continue;
    }
    const causale = cellText(get(cells, "causale"));
    const descr = cellText(get(cells, "description"));
    const description = [causale, descr].filter(Boolean).join(" - ");
    const code = cellText(get(cells, "code")) || undefined;
    const name = cellText(get(cells, "name")) || orderingPartyIn(descr) || undefined;
    const value = parseDateCell(get(cells, "valueDate")) ?? undefined;
    movements.push({
      line: row,
      bookingDate: booking,
      valueDate: value,
      amountCents: cents,
      description,
      code,
      counterpartyName: name,
      counterpartyIban: cellText(get(cells, "iban")).replace(/\s/g, "").toUpperCase() || ibanIn(description),
      counterpartyVat: vatIn(description),
      bankReference: cellText(get(cells, "reference")) || undefined,
      kind: classifyMovement({ amountCents: cents, text: `${description} ${name ?? ""}`, code }),
    });
  }
  return { file, format, movements, issues };
}
