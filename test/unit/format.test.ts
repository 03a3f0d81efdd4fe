import { describe, expect, it } from "vitest";
import {
  count,
  dateCompact,
  dateLong,
  money,
  number,
  ordinal,
  percent,
  pluralOf,
} from "../../src/i18n/format";

describe("the one formatter (src/i18n/format.ts)", () => {
  it("writes money by locale, grouping four-digit amounts and keeping cents exact", () => {
    expect(money(123456, "it")).toBe("€ 1.234,56");
    expect(money(123456, "en")).toBe("€1,234.56");
    expect(money(59780562, "en")).toBe("€597,805.62");
    expect(money(-1200, "it")).toBe("-€ 12,00");
    expect(money(-1200, "en")).toBe("-€12.00");
    expect(money(5, "it")).toBe("€ 0,05");
    expect(money(Number.MAX_SAFE_INTEGER, "it")).toBe("€ 90.071.992.547.409,91");
    expect(() => money(1.5, "it")).toThrow(RangeError);
  });

  it("writes long and compact dates by locale, for any year", () => {
    expect(dateLong("2026-03-02", "it")).toBe("lunedì 2 marzo");
    expect(dateLong("2026-03-02", "en")).toBe("Monday 2 March");
    expect(dateCompact("2026-12-01", "it")).toBe("1 dic");
    expect(dateCompact("2026-09-01", "it")).toBe("1 set");
    expect(dateCompact("2026-09-01", "en")).toBe("1 Sep");
    expect(dateCompact("2026-06-15", "en")).toBe("15 Jun");
    expect(dateLong("0012-01-01", "en")).toMatch(/ 1 January$/);
    expect(() => dateLong("2026-3-2", "it")).toThrow(RangeError);
  });

  it("counts with the locale's plural forms", () => {
    const days = { it: { one: "giorno", other: "giorni" }, en: { one: "day", other: "days" } };
    expect(count(1, days.it, "it")).toBe("1 giorno");
    expect(count(3, days.it, "it")).toBe("3 giorni");
    expect(count(1, days.en, "en")).toBe("1 day");
    expect(count(0, days.en, "en")).toBe("0 days");
    expect(count(1200, days.en, "en")).toBe("1,200 days");
    expect(count(1200, days.it, "it")).toBe("1.200 giorni");
    expect(pluralOf(1, "it")).toBe("one");
    expect(pluralOf(2, "en")).toBe("other");
  });

  it("writes ordinals, numbers and percentages by locale", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => ordinal(n, "en"))).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
    ]);
    expect(ordinal(1, "it")).toBe("1º");
    expect(number(46.64, "it")).toBe("46,6");
    expect(number(46.64, "en")).toBe("46.6");
    expect(percent(42.46, "it")).toBe("42,5%");
    expect(percent(42.46, "en")).toBe("42.5%");
    expect(percent(-0.01, "en")).toBe("0%");
  });
});
