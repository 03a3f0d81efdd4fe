// Euro amounts as integer cents: formatting and parsing without floating-point arithmetic on money.

import { percent as formatPercentText, money } from "../i18n/format";

export type Cents = number; // integer euro cents everywhere

type MoneyLocale = "it" | "en";

/** it: "€ 1.234,56", "-€ 12,00"; en: "€1,234.56" (written by src/i18n/format.ts, the one Intl formatter). */
export function formatEuro(cents: Cents, locale: MoneyLocale = "it"): string {
  return money(cents, locale);
}

// Integer groups after the first must have exactly 3 digits; the first 1 to 3.
function isGrouped(groups: readonly string[]): boolean {
  return groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
}

// Splits an unsigned amount into integer digits and decimal digits, deciding which separator is which.
function splitAmount(body: string): { intDigits: string; decimals: string } | null {
  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  const dots = body.split(".").length - 1;
  const commas = body.split(",").length - 1;
  let decimalSep: string | null;
  if (dots > 0 && commas > 0) {
    decimalSep = lastDot > lastComma ? "." : ","; // "1.234,56" and "1,234.56": the last one is decimal
  } else if (commas === 1) {
    decimalSep = ","; // Italian first: a lone comma is decimal ("1,234" then fails on 3 decimals)
  } else if (dots === 1) {
    decimalSep = /\.\d{1,2}$/.test(body) ? "." : null; // "1500.50" decimal, "1.500" thousands
  } else {
    decimalSep = null; // no separator, or repeated ones which can only be thousands ("1.234.567")
  }
  const cut = decimalSep === null ? body.length : body.lastIndexOf(decimalSep);
  const intPart = body.slice(0, cut);
  const decimals = body.slice(cut + 1);
  if (decimalSep !== null && !/^\d{1,2}$/.test(decimals)) return null;
  const thousandsSeps = new Set(intPart.replace(/\d/g, ""));
  if (thousandsSeps.size > 1) return null;
  const groups = intPart.split(/[., ]/);
  if (thousandsSeps.size === 1 && !isGrouped(groups)) return null;
  return { intDigits: groups.join(""), decimals };
}

// The forms spreadsheets and people write most ("1500", "1500,5", "1500.50", "1.234,56", "-12,00"), read with
// one regular expression; for them the general parsing below gives the same answer, three to five times slower.
const PLAIN_AMOUNT = /^(-?)(?:(\d+)(?:[.,](\d{1,2}))?|(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?)$/;

/**
 * Parses user/CSV amounts, Italian conventions first: "1.500" -> 150000, "1.234,56", "12,5", "€ 1.500,00",
 * "1 500,00", "1500.50", "1,500.50", "-12,00". Ambiguous or malformed input -> null.
 */
export function parseEuroAmount(input: string): Cents | null {
  const plain = PLAIN_AMOUNT.exec(input);
  if (plain) {
    const intDigits = plain[2] ?? (plain[4] ?? "").replaceAll(".", "");
    const decimals = plain[3] ?? plain[5] ?? "";
    const cents = Number(intDigits) * 100 + Number(decimals.padEnd(2, "0"));
    if (!Number.isSafeInteger(cents)) return null;
    return plain[1] === "" || cents === 0 ? cents : -cents;
  }
  const cleaned = input
    .replace(/€|\beuro?\b/gi, "")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
  const match = /^([-+\u2212]?)\s?(\d[\d., ]*)$/.exec(cleaned);
  if (!match || !/\d$/.test(match[2] ?? "") || /[., ]{2}/.test(match[2] ?? "")) return null;
  const split = splitAmount(match[2] ?? "");
  if (!split) return null;
  const cents = Number(split.intDigits) * 100 + Number(split.decimals.padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  return match[1] === "" || match[1] === "+" || cents === 0 ? cents : -cents;
}

export function sumCents(values: readonly Cents[]): Cents {
  return values.reduce((total, v) => total + v, 0);
}

/** part / whole as a percentage with one decimal (half away from zero); 0 when whole is 0. */
export function percent(part: number, whole: number): number {
  if (whole === 0) return 0;
  const tenths = (part * 1000) / whole;
  const rounded = Math.round(Math.abs(tenths)) / 10;
  return tenths < 0 && rounded > 0 ? -rounded : rounded;
}

/** "42,5%" / "42.5%"; whole numbers without decimals ("40%"). */
export function formatPercent(p: number, locale: MoneyLocale = "it"): string {
  return formatPercentText(p, locale);
}
