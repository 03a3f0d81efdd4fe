import { describe, expect, it } from "vitest";
import { agreementDeadline } from "../../src/domain/agreement";

describe("agreement deadline", () => {
  it("reads a date from the terms", () => {
    expect(agreementDeadline("bonifico unico entro il 15/12", "2026-12-01")).toBe("2026-12-15");
    expect(agreementDeadline("Entro l'11 dicembre", "2026-12-01")).toBe("2026-12-11");
  });
  it("reads a number of days from the decision", () => {
    expect(agreementDeadline("Bonifico unico entro 10 giorni dall'accettazione", "2026-12-01")).toBe(
      "2026-12-11",
    );
  });
  it("defaults to ten days, and ignores a date already past", () => {
    expect(agreementDeadline(null, "2026-12-01")).toBe("2026-12-11");
    expect(agreementDeadline("entro il 15/11/2026", "2026-12-01")).toBe("2026-12-11");
  });
});
