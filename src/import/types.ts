// Plain records read from import files, before they meet the database.

import type { IsoDate } from "../domain/calendar";

export type ImportKind = "scadenzario" | "clienti" | "pagamenti" | "fatturapa";
export const IMPORT_KINDS: readonly ImportKind[] = ["scadenzario", "clienti", "pagamenti", "fatturapa"];

/** Why a row or a file was rejected (or warned about); worded by i18n `import.reason[key](...args)`. */
export type ReasonKey =
  | "missingField"
  | "badDate"
  | "impossibleDate"
  | "badAmount"
  | "badInteger"
  | "badEmail"
  | "badVat"
  | "badTaxCode"
  | "openExceedsAmount"
  | "notPositive"
  | "creditNoteSkipped"
  | "documentSkipped"
  | "sdiFileSkipped"
  | "duplicate"
  | "unknownCustomer"
  | "customerWithoutName"
  | "unknownInvoice"
  | "ambiguousInvoice"
  | "unknownSalesperson"
  | "overpayment"
  | "noDueDate"
  | "missingSkipped"
  | "notText"
  | "oldExcel"
  | "signedP7m"
  | "emptyFile"
  | "noHeader"
  | "missingColumns"
  | "unknownKind"
  | "badXml"
  | "notFatturaPA"
  | "badMap"
  | "unsupported"
  | "unreadable";

/** A problem with one row (row = the line number the user sees in Excel or a text editor; null = whole file). */
export interface RowIssue {
  file: string;
  row: number | null;
  key: ReasonKey;
  args: string[];
}

/** Customer data as read from a file; only the fields present in the file are set. */
export interface CustomerRecord {
  row: number;
  code?: string;
  name?: string;
  vatNumber?: string;
  taxCode?: string;
  address?: string;
  postalCode?: string;
  city?: string;
  province?: string;
  phone?: string;
  mobile?: string;
  email?: string;
  pec?: string;
  creditLimitCents?: number;
  paymentTermsDays?: number;
  /** salesperson's name or Slack user id, matched against the team */
  salesperson?: string;
  noteApproach?: string;
  noteAttention?: string;
  noteReferencePerson?: string;
  preserveRelationship?: boolean;
  /** chasing history before Credito (issue 13) */
  reminderLevel?: number;
  lastReminderOn?: IsoDate;
  lastContactOn?: IsoDate;
  chasingNote?: string;
}

/** One receivable: an invoice or one instalment of it. */
export interface ReceivableRecord {
  row: number;
  customer: CustomerRecord;
  number: string;
  /** explicit instalment number; when absent the instalment is matched by due date */
  installment?: number;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountCents: number;
  /** open (unpaid) amount; FatturaPA gives none (undefined: the whole amount for a new invoice) */
  openCents?: number;
}

export interface PaymentRecord {
  row: number;
  date: IsoDate;
  customerCode?: string;
  vatNumber?: string;
  invoiceNumber?: string;
  installment?: number;
  amountCents: number;
  method?: string;
  reference?: string;
}

/** What one file holds, ready for the import service. */
export interface ParsedFile {
  file: string;
  kind: ImportKind;
  format: "csv" | "xlsx" | "xml";
  encoding?: string;
  /** data rows read (header excluded) */
  rows: number;
  customers: CustomerRecord[];
  receivables: ReceivableRecord[];
  payments: PaymentRecord[];
  errors: RowIssue[];
  warnings: RowIssue[];
  /** customer code / invoice number of rejected rows, so a rejected invoice is never taken as "disappeared" */
  rejectedKeys: Array<{ code?: string; number?: string }>;
}

/** A file with nothing read from it yet. */
export function emptyParsedFile(
  file: string,
  kind: ImportKind,
  format: ParsedFile["format"],
  encoding?: string,
): ParsedFile {
  return {
    file,
    kind,
    format,
    encoding,
    rows: 0,
    customers: [],
    receivables: [],
    payments: [],
    errors: [],
    warnings: [],
    rejectedKeys: [],
  };
}

/** A file-level problem (wrong type, unreadable encoding, missing columns): the whole file is rejected. */
export class ImportFileError extends Error {
  readonly args: string[];
  constructor(
    readonly file: string,
    readonly key: ReasonKey,
    ...args: string[]
  ) {
    super(`${file}: ${key} ${args.join(" ")}`);
    this.args = args;
  }
}

/** What an import did (or, for a dry run, would do): the CLI and the Slack reply print it (import/report.ts). */
export interface ImportSummary {
  files: Array<{ file: string; kind: ImportKind | null; format?: string; encoding?: string; rows: number }>;
  errors: RowIssue[];
  warnings: RowIssue[];
  /** true when the changes were committed */
  written: boolean;
  /** errors found and --skip-invalid not given: nothing written */
  rejected: boolean;
  dryRun: boolean;
  rows: number;
  customers: { created: number; updated: number; unchanged: number };
  invoices: { created: number; updated: number; closed: number; unchanged: number; closedMissing: number };
  payments: { recorded: number; duplicates: number; appliedCents: number; unappliedCents: number };
  promises: { evaluated: number; kept: number; partial: number; broken: number };
  /** open amount of all open and disputed receivables after the import (as it would be, for a dry run) */
  openCents: number;
  openInvoices: number;
}
