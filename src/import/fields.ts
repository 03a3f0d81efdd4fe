// Cell values -> typed values, Italian conventions first ("1.234,56", "02/03/2026").

import { type IsoDate, isIsoDate } from "../domain/calendar";
import { parseEuroAmount } from "../domain/money";

/** A cell as read from CSV (always text) or XLSX (numbers, dates, booleans). */
export type Cell = string | number | Date | boolean | null;

/** Trimmed text of a cell; "" when empty. Numbers keep their digits ("1001", not "1001.0"). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  // most cells hold no whitespace but single spaces: nothing to collapse
  if (typeof cell === "string" && !/[^\S ]| {2}/.test(cell)) return cell.trim();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell)
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function ymd(y: number, m: number, d: number): IsoDate | null {
  const iso = `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : null;
}

// Excel day 1 = 1900-01-01 with the 1900 leap-year bug: serial 25569 = 1970-01-01.
function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isInteger(serial) || serial < 20_000 || serial > 80_000) return null;
  return new Date((serial - 25_569) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A calendar date: "02/03/2026", "2/3/26", "02-03-2026", "02.03.2026", "2026-03-02" (optionally with a
 * time), an Excel serial day number or an XLSX date cell (exceljs gives midnight UTC). Day first, always.
 */
export function parseDateCell(cell: Cell | undefined): IsoDate | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    // exceljs reads date cells as UTC midnight; a few writers store local midnight (23:00 UTC the day before)
    const shifted = new Date(cell.getTime() + 12 * 3_600_000);
    return ymd(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  }
  if (typeof cell === "number") return fromExcelSerial(cell);
  const text = cellText(cell);
  let m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return ymd(year, Number(m[2]), Number(m[1]));
  }
  if (/^\d{5}$/.test(text)) return fromExcelSerial(Number(text));
  return null;
}

const ITALIAN_AMOUNT = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})$/;

/** Euro amount in cents: "1.234,56", "€ 1.234,56", "1234.56", or an XLSX number. */
export function parseAmountCell(cell: Cell | undefined): number | null {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return null;
    const cents = Math.round(cell * 100);
    return Number.isSafeInteger(cents) ? cents : null;
  }
  const text = cellText(cell);
  if (text === "") return null;
  // the usual Italian form ("1.234,56", "12,00"), as parseEuroAmount reads it, without its general parsing
  const plain = ITALIAN_AMOUNT.exec(text);
  if (plain) {
    const cents = Number(plain[1]!.replaceAll(".", "")) * 100 + Number(plain[2]);
    return Number.isSafeInteger(cents) ? cents : null;
  }
  // accounting exports write negatives as "(1.234,56)" or "1.234,56-"
  const paren = /^\((.*)\)$/.exec(text) ?? /^(.*[\d])-$/.exec(text);
  const cents = parseEuroAmount(paren ? paren[1]! : text);
  if (cents === null) return null;
  return paren ? -cents : cents;
}

/** A non-negative whole number ("30", "30 gg", XLSX 30). */
export function parseIntegerCell(cell: Cell | undefined): number | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 0 ? cell : null;
  const m = /^(\d{1,6})(?:\s*(?:gg|giorni|days?|d))?$/i.exec(cellText(cell));
  return m ? Number(m[1]) : null;
}

/** "sì", "si", "x", "1", "true", "yes" -> true; "no", "0", "false", "" -> false; anything else null. */
export function parseBooleanCell(cell: Cell | undefined): boolean | null {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell !== 0;
  const t = cellText(cell).toLowerCase();
  if (["sì", "si", "s", "x", "1", "true", "yes", "y", "vero"].includes(t)) return true;
  if (["no", "n", "0", "false", "falso", ""].includes(t)) return false;
  return null;
}

export function isPlausibleEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s);
}
