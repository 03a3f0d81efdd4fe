import { describe, expect, it } from "vitest";
import { dayElides, withDate, withDateEn } from "../../src/domain/italian";

describe("Italian prepositions before dates", () => {
  it("elides before 1, 8 and 11 and only there", () => {
    expect([1, 8, 11].every(dayElides)).toBe(true);
    expect([2, 10, 18, 21, 28, 31].some(dayElides)).toBe(false);
  });
  it("writes entro l'11, dell'1 dicembre, il 4", () => {
    expect(withDate("entro", "2026-12-11")).toBe("entro l'11 dic");
    expect(withDate("entro", "2026-12-04")).toBe("entro il 4 dic");
    expect(withDate("del", "2026-12-01")).toBe("dell'1 dic");
    expect(withDate("del", "2026-11-20")).toBe("del 20 nov");
    expect(withDate("dal", "2026-12-08")).toBe("dall'8 dic");
    expect(withDate("il", "2026-12-11")).toBe("l'11 dic");
    expect(withDate("fino al", "2026-12-03")).toBe("fino al 3 dic");
    expect(withDate("fino al", "2026-12-01")).toBe("fino all'1 dic");
  });
  it("drops the article before a weekday: di venerdì 4 dicembre", () => {
    expect(withDate("di", "2026-12-04", "long")).toBe("di venerdì 4 dicembre");
    expect(withDate("entro", "2026-12-11", "long")).toBe("entro venerdì 11 dicembre");
    expect(withDate("il", "2026-12-01", "long")).toBe("martedì 1 dicembre");
  });
  it("has an English counterpart", () => {
    expect(withDateEn("entro", "2026-12-11")).toMatch(/^by 11/);
  });
});

describe("prep on a written date", () => {
  it("elides and drops the article before weekdays", async () => {
    const { prep } = await import("../../src/domain/italian");
    expect(prep("del", "1 dic")).toBe("dell'1 dic");
    expect(prep("del", "venerdì 4 dicembre")).toBe("di venerdì 4 dicembre");
    expect(prep("entro", "11/12/2026")).toBe("entro l'11/12/2026");
    expect(prep("entro", "04/12/2026")).toBe("entro il 04/12/2026");
    expect(prep("il", "8 dic")).toBe("l'8 dic");
  });
});
