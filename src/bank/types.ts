// What every bank statement reader returns: the same movement records, whatever the format.

import type { IsoDate } from "../domain/calendar";

export type MovementKind =
  | "credit_transfer" // bonifico in entrata
  | "riba_collected" // RiBa incassata
  | "riba_returned" // RiBa insoluta / richiamata
  | "sdd_collected" // addebito diretto SEPA incassato
  | "sdd_returned" // SDD insoluto / stornato
  | "fee" // commissioni e spese
  | "outgoing" // any other debit
  | "other"; // any other credit that is not a customer payment (interest, giroconto)

export type StatementFormat = "camt.053" | "camt.054" | "cbi" | "csv" | "xlsx";

export interface BankMovement {
  /** where it is in the file, as the user finds it: "riga 12" is given as line 12, an XML path as element */
  line?: number;
  element?: string;
  /** the account the statement is about (IBAN, or ABI/CAB/conto for CBI) */
  account?: string;
  bookingDate: IsoDate;
  valueDate?: IsoDate;
  /** signed: positive = money in (credit), negative = money out (debit) */
  amountCents: number;
  /** causale and remittance text, joined */
  description: string;
  /** the bank's transaction code as written (ABI causale "48", ISO "PMNT/RCDT/ESCT") */
  code?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  counterpartyVat?: string;
  /** the bank's reference (AcctSvcrRef, riferimento banca) or the end-to-end id */
  bankReference?: string;
  kind: MovementKind;
  /** a fee the statement reports on the movement itself (camt Chrgs), positive cents */
  feeCents?: number;
}

/** A movement that could not be read: listed with its line or element, never guessed. */
export interface MovementIssue {
  line?: number;
  element?: string;
  key: BankReasonKey;
  args: string[];
}

export interface BankStatement {
  file: string;
  format: StatementFormat;
  encoding?: string;
  account?: string;
  movements: BankMovement[];
  issues: MovementIssue[];
}

export type BankReasonKey =
  | "notStatement"
  | "emptyFile"
  | "unreadable"
  | "badXml"
  | "badDate"
  | "badAmount"
  | "badSign"
  | "shortRecord"
  | "unknownRecord"
  | "orphanRecord"
  | "noMovements"
  | "missingFooter";

/** A problem with the whole file: nothing of it is used. */
export class BankFileError extends Error {
  constructor(
    readonly file: string,
    readonly key: BankReasonKey,
    readonly args: string[] = [],
  ) {
    super(`${file}: ${key}${args.length ? ` (${args.join(", ")})` : ""}`);
  }
}

// What a bank import did with each movement and in all (services/bank/bank-import.ts fills it, bank/report.ts prints it).

export type MovementOutcome = "matched" | "proposed" | "ignored" | "returned" | "duplicate";

export interface MovementResult {
  /** "riga 12" / "elemento Stmt[1]/Ntry[3]" parts */
  line?: number;
  element?: string;
  key: string;
  bookingDate: IsoDate;
  amountCents: number;
  description: string;
  counterpartyName?: string;
  kind: BankMovement["kind"];
  outcome: MovementOutcome;
  reason: string;
  customer?: { id: number; code: string; name: string };
  invoices: Array<{ id: number; number: string; cents: number }>;
  feeCents?: number;
  candidates?: number;
  movementId?: number;
}

export interface BankImportSummary {
  file: string;
  format?: BankStatement["format"];
  encoding?: string;
  /** the whole file could not be used (not a statement, unreadable): nothing written */
  fileError?: { key: string; args: string[] };
  issues: MovementIssue[];
  movements: MovementResult[];
  importId?: number;
  dryRun: boolean;
  written: boolean;
  collectedCents: number;
  promises: { kept: number; partial: number; broken: number };
  casesClosed: number;
  /** payments the payments import could not record (e.g. an invoice closed meanwhile) */
  paymentErrors: number;
}
