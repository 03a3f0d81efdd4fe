// Table rows -> domain records, with one precise reason per rejected row.

import { isValidTaxCode, isValidVatNumber, normalizeVatNumber } from "../domain/vat";
import type { Cell } from "./fields";
import {
  cellText,
  isPlausibleEmail,
  parseAmountCell,
  parseBooleanCell,
  parseDateCell,
  parseIntegerCell,
} from "./fields";
import {
  type ColumnIndex,
  type Field,
  headerScore,
  mapFieldNames,
  missingRequired,
  recognizeColumns,
} from "./headers";
import type { Table } from "./table";
import type { CustomerRecord, ImportKind, ParsedFile, ReasonKey, RowIssue } from "./types";
import { emptyParsedFile, ImportFileError } from "./types";

type TableKind = Exclude<ImportKind, "fatturapa">;

/** The header row: among the first 20 rows, the first with at least two known headers. */
export function findHeader(table: Table, map: Map<string, Field>): number {
  const limit = Math.min(table.rows.length, 20);
  for (let i = 0; i < limit; i++) if (headerScore(table.rows[i]!.cells, map) >= 2) return i;
  return -1;
}

/** A row's problems so far: every one is reported, not only the first (issue 13). */
type Problems = Array<{ key: ReasonKey; args: string[] }>;

/** Reads one row's fields by column index; a bad value is recorded in `problems` and read as undefined. */
class RowReader {
  readonly problems: Problems = [];

  constructor(
    private readonly cells: readonly Cell[],
    private readonly index: ColumnIndex,
  ) {}

  bad(key: ReasonKey, ...args: string[]): undefined {
    this.problems.push({ key, args });
    return undefined;
  }

  raw(f: Field): Cell | undefined {
    const i = this.index[f];
    return i === undefined ? undefined : this.cells[i];
  }

  text(f: Field): string | undefined {
    const t = cellText(this.raw(f));
    return t === "" ? undefined : t;
  }

  /** Codes: XLSX may hold them as numbers; never "1001.0". */
  code(f: Field): string | undefined {
    const v = this.raw(f);
    if (typeof v === "number" && Number.isInteger(v)) return String(v);
    return this.text(f);
  }

  date(f: Field, required: boolean): string | undefined {
    const t = this.text(f);
    if (t === undefined) return required ? this.bad("missingField", f) : undefined;
    const date = parseDateCell(this.raw(f));
    if (date) return date;
    // "31/02/2026" is written right but is no day of the calendar: say so rather than "use DD/MM/YYYY"
    return this.bad(isImpossibleDate(t) ? "impossibleDate" : "badDate", f, t);
  }

  amount(f: Field): number | undefined {
    const t = this.text(f);
    if (t === undefined) return undefined;
    const cents = parseAmountCell(this.raw(f));
    return cents ?? this.bad("badAmount", f, t);
  }

  integer(f: Field): number | undefined {
    const t = this.text(f);
    if (t === undefined) return undefined;
    return parseIntegerCell(this.raw(f)) ?? this.bad("badInteger", f, t);
  }

  isEmpty(): boolean {
    return this.cells.every((c) => cellText(c) === "");
  }
}

/** VAT number normalized; an invalid one is an error (customers file) or a warning (kept as read). */
function vatOf(
  r: RowReader,
  strict: boolean,
  warn: (key: ReasonKey, ...args: string[]) => void,
): string | undefined {
  const raw = r.text("vatNumber");
  if (raw === undefined) return undefined;
  const vat = normalizeVatNumber(raw);
  // foreign VAT numbers (two letters + code) are kept as they are; Italian ones must pass the checksum
  if (/^\d+$/.test(vat) && !isValidVatNumber(vat)) {
    if (strict) r.bad("badVat", raw);
    else warn("badVat", raw);
  }
  return vat;
}

function customerIdentity(r: RowReader, strict: boolean, warn: (key: ReasonKey, ...args: string[]) => void) {
  const vatNumber = vatOf(r, strict, warn);
  const code = r.code("code") ?? vatNumber;
  if (!code) r.bad("missingField", "code");
  const taxCodeRaw = r.text("taxCode");
  const taxCode = taxCodeRaw?.replace(/\s+/g, "").toUpperCase();
  if (taxCode && !isValidTaxCode(taxCode)) {
    if (strict) r.bad("badTaxCode", taxCodeRaw ?? "");
    else warn("badTaxCode", taxCodeRaw ?? "");
  }
  const customer: CustomerRecord = { row: 0, code: code ?? "", name: r.text("name") };
  if (vatNumber) customer.vatNumber = vatNumber;
  if (taxCode) customer.taxCode = taxCode;
  chasingHistory(r, customer);
  return customer;
}

/** "livello sollecito" (1, "2° sollecito"), "data ultimo sollecito", "ultimo contatto", "note" (issue 13). */
function chasingHistory(r: RowReader, c: CustomerRecord): void {
  const level = r.text("reminderLevel");
  if (level !== undefined) {
    const n = /\d+/.exec(level);
    if (!n || Number(n[0]) > 20) r.bad("badInteger", "reminderLevel", level);
    else c.reminderLevel = Number(n[0]);
  }
  const reminder = r.date("lastReminderOn", false);
  if (reminder) c.lastReminderOn = reminder;
  const contact = r.date("lastContactOn", false);
  if (contact) c.lastContactOn = contact;
  const note = r.text("chasingNote");
  if (note) c.chasingNote = note;
}

/** Several rows of one customer in a scadenzario: the furthest reminder, the latest contact and note win. */
function mergeChasing(into: CustomerRecord, from: CustomerRecord): void {
  if (from.reminderLevel !== undefined && (into.reminderLevel ?? -1) < from.reminderLevel)
    into.reminderLevel = from.reminderLevel;
  if (from.lastReminderOn && (into.lastReminderOn ?? "") < from.lastReminderOn)
    into.lastReminderOn = from.lastReminderOn;
  if (from.lastContactOn && (into.lastContactOn ?? "") < from.lastContactOn)
    into.lastContactOn = from.lastContactOn;
  if (from.chasingNote) into.chasingNote = from.chasingNote;
}

function customerRow(
  r: RowReader,
  row: number,
  warn: (key: ReasonKey, ...args: string[]) => void,
): CustomerRecord {
  const c = customerIdentity(r, true, warn);
  c.row = row;
  if (!c.name) r.bad("missingField", "name");
  const set = <K extends keyof CustomerRecord>(k: K, v: CustomerRecord[K] | undefined) => {
    if (v !== undefined) c[k] = v;
  };
  set("address", r.text("address"));
  set("postalCode", r.code("postalCode")?.padStart(5, "0"));
  set("city", r.text("city"));
  set("province", r.text("province")?.toUpperCase());
  set("phone", r.code("phone"));
  set("mobile", r.code("mobile"));
  for (const f of ["email", "pec"] as const) {
    const v = r.text(f);
    if (v !== undefined && !isPlausibleEmail(v)) r.bad("badEmail", f, v);
    set(f, v?.toLowerCase());
  }
  const limit = r.amount("creditLimit");
  if (limit !== undefined && limit < 0) r.bad("badAmount", "creditLimit", r.text("creditLimit") ?? "");
  set("creditLimitCents", limit);
  set("paymentTermsDays", r.integer("paymentTerms"));
  set("salesperson", r.text("salesperson"));
  set("noteApproach", r.text("noteApproach"));
  set("noteAttention", r.text("noteAttention"));
  set("noteReferencePerson", r.text("noteReferencePerson"));
  const preserve = r.text("preserveRelationship");
  if (preserve !== undefined) {
    const b = parseBooleanCell(r.raw("preserveRelationship"));
    if (b === null) r.bad("badInteger", "preserveRelationship", preserve);
    else c.preserveRelationship = b;
  }
  return c;
}

/**
 * Reads a table of the given kind. Rows with problems go to `errors` (row number + reason); the good rows
 * become records. Duplicates are reported on the second occurrence, naming the first. The table is consumed:
 * each data row is dropped from it once read, so the raw cells and the records are not all held at once.
 */
export function readTable(
  table: Table,
  file: string,
  kind: TableKind,
  map: Map<string, Field>,
  format: "csv" | "xlsx",
): ParsedFile {
  const headerAt = findHeader(table, map);
  if (headerAt < 0) {
    const first = table.rows.find((r) => r.cells.some((c) => cellText(c) !== ""));
    throw new ImportFileError(file, "noHeader", (first?.cells ?? []).map(cellText).join(" | ").slice(0, 200));
  }
  const header = table.rows[headerAt]!.cells;
  const index = recognizeColumns(header, kind, map);
  const missing = missingRequired(kind, index);
  if (missing.length > 0) {
    throw new ImportFileError(
      file,
      "missingColumns",
      missing.join(", "),
      header.map(cellText).join(" | "),
      mapFieldNames(kind).join(", "),
    );
  }
  const out = emptyParsedFile(file, kind, format, table.encoding);
  const seen = new Map<string, number>();
  const firstOfCustomer = new Map<string, CustomerRecord>();
  const rows = table.rows;
  for (let at = headerAt + 1; at < rows.length; at++) {
    const { row, cells } = rows[at]!;
    rows[at] = DROPPED;
    const r = new RowReader(cells, index);
    if (r.isEmpty()) continue;
    out.rows += 1;
    const rowWarnings: RowIssue[] = [];
    const warn = (key: ReasonKey, ...args: string[]) => rowWarnings.push({ file, row, key, args });
    const rejected = () => {
      for (const p of r.problems) out.errors.push({ file, row, key: p.key, args: p.args });
      out.rejectedKeys.push({ code: r.code("code") ?? r.text("vatNumber"), number: r.code("number") });
    };
    // a duplicate is only worth telling when the row is otherwise right
    const firstSeen = (key: string): boolean => {
      if (r.problems.length > 0) return false;
      const first = seen.get(key);
      if (first !== undefined) {
        r.bad("duplicate", String(first));
        return false;
      }
      seen.set(key, row);
      return true;
    };
    if (kind === "clienti") {
      const c = customerRow(r, row, warn);
      if (!firstSeen(c.code!.toLowerCase())) {
        rejected();
        continue;
      }
      out.customers.push(c);
    } else if (kind === "scadenzario") {
      const customer = customerIdentity(r, false, warn);
      customer.row = row;
      const number = r.code("number") ?? r.bad("missingField", "number");
      const dueDate = r.date("dueDate", true);
      const issueDate = r.date("issueDate", false) ?? dueDate;
      let amount = r.amount("amount");
      let open = r.amount("open");
      if (
        amount === undefined &&
        open === undefined &&
        r.text("amount") === undefined &&
        r.text("open") === undefined
      )
        r.bad("missingField", "amount");
      amount ??= open;
      open ??= amount;
      if (amount !== undefined && open !== undefined && (amount < 0 || open < 0) && r.problems.length === 0) {
        warn("creditNoteSkipped", number ?? "");
        out.warnings.push(...rowWarnings);
        continue;
      }
      if (amount !== undefined && open !== undefined && open > amount)
        r.bad("openExceedsAmount", String(open), String(amount));
      const installment = r.integer("installment");
      if (installment === 0) r.bad("badInteger", "installment", "0");
      if (
        r.problems.length > 0 ||
        !firstSeen(`${customer.code!.toLowerCase()}|${number!.toLowerCase()}|${installment ?? dueDate}`)
      ) {
        rejected();
        continue;
      }
      // the import takes a customer's fields from its first row: later rows add their chasing history to it
      const known = firstOfCustomer.get(customer.code!.toLowerCase());
      if (known) mergeChasing(known, customer);
      else firstOfCustomer.set(customer.code!.toLowerCase(), customer);
      out.receivables.push({
        row,
        customer,
        number: number!,
        installment,
        issueDate: issueDate!,
        dueDate: dueDate!,
        amountCents: amount!,
        openCents: open!,
      });
    } else {
      const date = r.date("date", true);
      const amount =
        r.amount("amount") ?? (r.text("amount") === undefined ? r.bad("missingField", "amount") : undefined);
      if (amount !== undefined && amount <= 0) r.bad("notPositive", r.text("amount") ?? "");
      const customerCode = r.code("code");
      const vatRaw = r.text("vatNumber");
      const invoiceNumber = r.code("number");
      if (!customerCode && !vatRaw && !invoiceNumber) r.bad("missingField", "code");
      const installment = r.integer("installment");
      if (r.problems.length > 0) {
        rejected();
        continue;
      }
      out.payments.push({
        row,
        date: date!,
        customerCode,
        vatNumber: vatRaw ? normalizeVatNumber(vatRaw) : undefined,
        invoiceNumber,
        installment,
        amountCents: amount!,
        method: r.text("method"),
        reference: r.text("reference"),
      });
    }
    out.warnings.push(...rowWarnings);
  }
  rows.length = headerAt + 1;
  return out;
}

/** A date written as a date ("31/02/2026", "2026-02-30") that no calendar has. */
function isImpossibleDate(text: string): boolean {
  return /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})$/.test(text) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(text);
}

/** what a data row of a table becomes once read */
const DROPPED = { row: 0, cells: [] as Cell[] };
