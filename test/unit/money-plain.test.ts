import { describe, expect, it } from "vitest";
import { parseEuroAmount } from "../../src/domain/money";

// parseEuroAmount reads the common forms with one regular expression before its general parsing. The general
// parsing, as it was before that shortcut, is the reference: both must agree on every input.
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

function generalParse(input: string): number | null {
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

describe("parseEuroAmount's shortcut for plain amounts", () => {
  it("agrees with the general parsing on typical and edge inputs", () => {
    const cases = [
      "0",
      "-0",
      "1500",
      "1500,5",
      "1500.50",
      "1.234,56",
      "12.345",
      "1,234",
      "1,5",
      "1.5",
      "007",
      "-12,00",
      "1.234.567,89",
      "1.234.567",
      "1234.567",
      "1.23",
      "12,345",
      "1.2345,00",
      "99999999999999999",
      "-1.234,5",
      "1.234,567",
      ",5",
      "5,",
      "1..2",
      "€ 1.500,00",
      "1 500,00",
      "1,500.50",
      "(12)",
      "+5",
      "−5",
    ];
    for (const c of cases) expect(parseEuroAmount(c), c).toBe(generalParse(c));
  });

  it("agrees with the general parsing on 50,000 random strings of digits and separators", () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const alphabet = "0123456789012345678901234567890123456789..,,-";
    let plain = 0;
    for (let n = 0; n < 50_000; n++) {
      const length = 1 + Math.floor(rnd() * 14);
      let s = "";
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const expected = generalParse(s);
      expect(parseEuroAmount(s), s).toBe(expected);
      if (expected !== null) plain++;
    }
    expect(plain).toBeGreaterThan(1000); // the inputs exercise valid amounts, not only rejections
  });
});
