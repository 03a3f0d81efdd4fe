import { describe, expect, it } from "vitest";
import { formatEuro, formatPercent, parseEuroAmount, percent, sumCents } from "../../src/domain/money";

describe("formatEuro", () => {
  it("Italian: dot thousands (also 4 digits), comma decimals", () => {
    expect(formatEuro(123456)).toBe("€ 1.234,56");
    expect(formatEuro(50)).toBe("€ 0,50");
    expect(formatEuro(5)).toBe("€ 0,05");
    expect(formatEuro(0)).toBe("€ 0,00");
    expect(formatEuro(99999)).toBe("€ 999,99");
    expect(formatEuro(100000)).toBe("€ 1.000,00");
    expect(formatEuro(123456789)).toBe("€ 1.234.567,89");
    expect(formatEuro(-1200)).toBe("-€ 12,00");
    expect(formatEuro(-123456, "it")).toBe("-€ 1.234,56");
  });

  it("English: comma thousands, dot decimals, no space", () => {
    expect(formatEuro(123456, "en")).toBe("€1,234.56");
    expect(formatEuro(50, "en")).toBe("€0.50");
    expect(formatEuro(-1200, "en")).toBe("-€12.00");
    expect(formatEuro(100000000, "en")).toBe("€1,000,000.00");
  });

  it("refuses non-integer cents", () => {
    expect(() => formatEuro(12.5)).toThrow(RangeError);
    expect(() => formatEuro(Number.NaN)).toThrow(RangeError);
  });
});

describe("parseEuroAmount", () => {
  it.each([
    ["1.500", 150000], // dot + exactly 3 digits = thousands
    ["1.234,56", 123456],
    ["1234,56", 123456],
    ["1500", 150000],
    ["€ 1.500,00", 150000],
    ["1.500,00 €", 150000],
    ["EUR 1.500", 150000],
    ["1500 euro", 150000],
    ["1 500,00", 150000],
    ["1\u00a0500,00", 150000], // non-breaking space from spreadsheets
    ["1.234.567,8", 123456780],
    ["12,5", 1250],
    ["0,05", 5],
    ["1500.50", 150050], // single dot + 1-2 digits = decimal
    ["12.5", 1250],
    ["1,500.50", 150050], // both separators: the last is decimal
    ["1,234,567.89", 123456789],
    ["-12,00", -1200],
    ["-€ 12,00", -1200],
    ["\u22121.000", -100000], // typographic minus
    ["+7", 700],
    ["  42  ", 4200],
    ["0", 0],
    ["-0,00", 0],
    ["1.000.000", 100000000],
  ])("%s -> %i", (input, expected) => {
    expect(parseEuroAmount(input)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "abc",
    "€",
    "1,234", // comma is decimal in Italian, and 3 decimals are not cents
    "1,2345",
    "1.234,567",
    "12,",
    ",50",
    "1.2.3",
    "1.5000", // dot followed by 4 digits: neither decimal nor thousands
    "1500.505",
    "1..500",
    "1.234 567", // mixed thousands separators
    "1 5",
    "12a",
    "--12",
    "1.234,5,6",
    "99999999999999999999",
  ])("%j -> null", (input) => {
    expect(parseEuroAmount(input)).toBeNull();
  });

  it("reads a lone comma before three digits as thousands when an English reader typed it", () => {
    expect(parseEuroAmount("1,500", "en")).toBe(150000);
    expect(parseEuroAmount("€ 12,345", "en")).toBe(1234500);
    expect(parseEuroAmount("1,5", "en")).toBe(150); // still a decimal comma before one or two digits
    expect(parseEuroAmount("1,500,00", "en")).toBeNull();
    expect(parseEuroAmount("1,500")).toBeNull(); // Italian: 3 decimals are not cents
  });

  it("has no floating-point drift on amounts like 0.29 or 1.15", () => {
    expect(parseEuroAmount("0,29")).toBe(29); // 0.29 * 100 = 28.999999999999996 in floating point
    expect(parseEuroAmount("1.15")).toBe(115);
    expect(parseEuroAmount("4.35")).toBe(435);
  });
});

describe("sumCents", () => {
  it("sums integer cents", () => {
    expect(sumCents([150000, 123456, -1200])).toBe(272256);
    expect(sumCents([])).toBe(0);
  });
});

describe("percent", () => {
  it("one decimal, half up", () => {
    expect(percent(85, 200)).toBe(42.5);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 16)).toBe(6.3); // 6.25 -> 6.3
    expect(percent(200, 200)).toBe(100);
    expect(percent(0, 200)).toBe(0);
  });

  it("0 when whole is 0", () => {
    expect(percent(5, 0)).toBe(0);
    expect(percent(0, 0)).toBe(0);
  });

  it("rounds negatives symmetrically", () => {
    expect(percent(-1, 16)).toBe(-6.3);
  });
});

describe("formatPercent", () => {
  it("Italian uses a decimal comma, English a dot", () => {
    expect(formatPercent(42.5)).toBe("42,5%");
    expect(formatPercent(42.5, "en")).toBe("42.5%");
    expect(formatPercent(33.33)).toBe("33,3%");
  });

  it("drops a zero decimal", () => {
    expect(formatPercent(40)).toBe("40%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(-0.01)).toBe("0%");
    expect(formatPercent(99.96, "en")).toBe("100%");
  });
});
