// One entry point for statement files: sniffs camt XML, CBI fixed-width or a home-banking CSV/XLSX.

import { decodeText, readCsv, readXlsx, sniff, type Table } from "../import/table";
import { ImportFileError } from "../import/types";
import { looksLikeCamt, readCamt } from "./camt";
import { looksLikeCbi, readCbi } from "./cbi";
import { findMovementHeader, readMovementTable } from "./table";
import { BankFileError, type BankStatement } from "./types";

export interface StatementInput {
  name: string;
  bytes: Uint8Array;
}

async function table(input: StatementInput, type: "xlsx" | "text"): Promise<Table | null> {
  try {
    return type === "xlsx" ? await readXlsx(input.bytes, input.name) : readCsv(input.bytes, input.name);
  } catch (err) {
    if (err instanceof ImportFileError) return null;
    throw err;
  }
}

/**
 * Whether a file is a bank statement, without reading all of it: used to route a file shared in Slack to the
 * bank import instead of the scadenzario import.
 */
export async function isBankStatement(input: StatementInput): Promise<boolean> {
  if (input.bytes.length === 0) return false;
  const type = sniff(input.bytes, input.name);
  if (type === "xml" || type === "text") {
    const head = decodeText(input.bytes.subarray(0, 4096), true).text;
    if (type === "xml") return looksLikeCamt(head);
    if (looksLikeCbi(head)) return true;
  }
  if (type !== "xlsx" && type !== "text") return false;
  const t = await table(input, type);
  return !!t && findMovementHeader(t) >= 0;
}

/** Reads a statement. A file that is not one throws BankFileError "notStatement"; bad movements are issues. */
export async function readStatement(input: StatementInput): Promise<BankStatement> {
  const { name, bytes } = input;
  if (bytes.length === 0) throw new BankFileError(name, "emptyFile");
  const type = sniff(bytes, name);
  if (type === "xml") {
    const { text, encoding } = decodeText(bytes, true);
    if (!looksLikeCamt(text)) throw new BankFileError(name, "notStatement");
    return { ...readCamt(text, name), encoding };
  }
  if (type === "text") {
    const { text, encoding } = decodeText(bytes);
    if (looksLikeCbi(text)) return { ...readCbi(text, name), encoding };
  }
  if (type !== "xlsx" && type !== "text") throw new BankFileError(name, "notStatement");
  const t = await table(input, type);
  if (!t) throw new BankFileError(name, "unreadable");
  const st = readMovementTable(t, name, type === "xlsx" ? "xlsx" : "csv");
  if (!st) throw new BankFileError(name, "notStatement");
  return { ...st, encoding: t.encoding };
}
