// CBI "Rendicontazione movimenti di conto corrente" (flow RH): fixed-width records of 120 characters.
// RH header, per account 61 opening balance, 62 movements each followed by its 63 additional descriptions,
// 64 closing balance, then EF footer. Positions below are 1-based, as in the CBI record tables.

import { isIsoDate } from "../domain/calendar";
import { classifyMovement, ibanIn, orderingPartyIn, vatIn } from "./classify";
import type { BankMovement, BankStatement, MovementIssue } from "./types";
import { BankFileError } from "./types";

const RECORD = 120;

/** [from, to] 1-based inclusive, as the CBI tables give them. */
const R62 = {
  valueDate: [14, 19],
  bookingDate: [20, 25],
  sign: [26, 26],
  amount: [27, 41],
  causale: [42, 43],
  causaleInterna: [44, 45],
  cheque: [46, 61],
  bankReference: [62, 77],
  clientReference: [78, 86],
  description: [87, 120],
} as const;
const R61 = { abi: [24, 28], cab: [29, 33], account: [34, 45] } as const;
const R63 = { text: [14, 120] } as const;

function field(line: string, [from, to]: readonly [number, number]): string {
  return line.slice(from - 1, to).trim();
}

/** GGMMAA -> YYYY-MM-DD (years 00-79 are 2000s). */
function ddmmyy(s: string): string {
  if (!/^\d{6}$/.test(s)) return s;
  const yy = Number(s.slice(4, 6));
  return `${yy < 80 ? 2000 + yy : 1900 + yy}-${s.slice(2, 4)}-${s.slice(0, 2)}`;
}

/** true when the text starts with a CBI RH header record (" RH" then the sender's ABI code). */
export function looksLikeCbi(text: string): boolean {
  return /^\uFEFF?[ ]RH\d{5}/.test(text);
}

export function readCbi(text: string, file: string): BankStatement {
  const lines = text.split(/\r?\n/);
  if (!looksLikeCbi(text)) throw new BankFileError(file, "notStatement");
  const movements: BankMovement[] = [];
  const issues: MovementIssue[] = [];
  let account: string | undefined;
  let current: { m: BankMovement; extra: string[] } | null = null;
  let footer = false;
  let last = 0;
  const close = () => {
    if (!current) return;
    const extra = current.extra.join(" ");
    const m = current.m;
    m.description = [m.description, extra].filter(Boolean).join(" ");
    m.counterpartyName = orderingPartyIn(extra) ?? orderingPartyIn(m.description);
    m.counterpartyIban = ibanIn(extra);
    m.counterpartyVat = vatIn(extra);
    m.kind = classifyMovement({ amountCents: m.amountCents, text: m.description, code: m.code });
    movements.push(m);
    current = null;
  };
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/^\uFEFF/, "");
    const n = i + 1;
    if (line.trim() === "") continue;
    last = n;
    const type = line.slice(1, 3);
    if (footer) {
      issues.push({ line: n, key: "unknownRecord", args: [type] });
      continue;
    }
    if (line.length > RECORD) issues.push({ line: n, key: "shortRecord", args: [String(line.length)] });
    const rec = line.padEnd(RECORD);
    switch (type) {
      case "RH":
        continue;
      case "61":
        close();
        account = `${field(rec, R61.abi)}/${field(rec, R61.cab)}/${field(rec, R61.account)}`;
        continue;
      case "62": {
        close();
        if (line.trimEnd().length < R62.causale[1]) {
          issues.push({ line: n, key: "shortRecord", args: [String(line.trimEnd().length)] });
          continue;
        }
        const bookingDate = ddmmyy(field(rec, R62.bookingDate));
        const valueDate = ddmmyy(field(rec, R62.valueDate));
        const sign = field(rec, R62.sign);
        const amount = field(rec, R62.amount);
        if (!isIsoDate(bookingDate)) {
          issues.push({ line: n, key: "badDate", args: [field(rec, R62.bookingDate)] });
          continue;
        }
        if (sign !== "C" && sign !== "D") {
          issues.push({ line: n, key: "badSign", args: [sign] });
          continue;
        }
        if (!/^\d{1,15}$/.test(amount)) {
          issues.push({ line: n, key: "badAmount", args: [amount] });
          continue;
        }
        const cents = Number(amount) * (sign === "C" ? 1 : -1);
        current = {
          m: {
            line: n,
            account,
            bookingDate,
            valueDate: isIsoDate(valueDate) ? valueDate : undefined,
            amountCents: cents,
            description: field(rec, R62.description),
            code: field(rec, R62.causale) || undefined,
            bankReference: field(rec, R62.bankReference) || undefined,
            kind: "other",
          },
          extra: [],
        };
        continue;
      }
      case "63":
        if (!current) {
          issues.push({ line: n, key: "orphanRecord", args: ["63"] });
          continue;
        }
        current.extra.push(field(rec, R63.text));
        continue;
      case "64":
        close();
        continue;
      case "EF":
        close();
        footer = true;
        continue;
      default:
        close();
        issues.push({ line: n, key: "unknownRecord", args: [type.trim() || line.slice(0, 3)] });
    }
  }
  close();
  if (!footer) issues.push({ line: last, key: "missingFooter", args: [] });
  return { file, format: "cbi", account, movements, issues };
}
