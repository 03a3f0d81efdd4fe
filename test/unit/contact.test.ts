import { describe, expect, it } from "vitest";
import { normalizeEmail, normalizeItalianPhone, normalizePec } from "../../src/domain/contact";

describe("normalizeItalianPhone", () => {
  it.each([
    ["333 123 4567", "+39 333 123 4567", "mobile"],
    ["+39 333-1234567", "+39 333 123 4567", "mobile"],
    ["0039 3331234567", "+39 333 123 4567", "mobile"],
    ["39 333 1234567", "+39 333 123 4567", "mobile"],
    ["347 12 34 56", "+39 347 123 456", "mobile"],
    ["02 1234 5678", "+39 02 12345678", "landline"],
    ["(02) 12.34.56.78", "+39 02 12345678", "landline"],
    ["+39 06 6982", "+39 06 6982", "landline"],
    ["051/123456", "+39 051 123456", "landline"],
    ["0331 123456", "+39 0331 123456", "landline"],
  ])("%s -> %s", (input, value, kind) => {
    expect(normalizeItalianPhone(input)).toMatchObject({ ok: true, value, kind });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["+41 44 123 45 67", "foreign"],
    ["0044 20 7946 0958", "foreign"],
    ["12345", "malformed"],
    ["333 12", "malformed"],
    ["333 1234 56789", "malformed"],
    ["800 123 456", "malformed"],
    ["tel. 333", "malformed"],
    ["33+3 1234567", "malformed"],
  ])("refuses %j (%s)", (input, reason) => {
    expect(normalizeItalianPhone(input)).toEqual({ ok: false, reason });
  });
});

describe("normalizeEmail", () => {
  it("trims, lower-cases and drops mailto:", () => {
    expect(normalizeEmail("  Mario.Rossi@Example.IT ")).toBe("mario.rossi@example.it");
    expect(normalizeEmail("mailto:info@rossi-srl.it")).toBe("info@rossi-srl.it");
  });
  it.each([
    "a@b",
    "mario rossi@example.it",
    "@example.it",
    "mario@",
    "mario@@example.it",
    "mario@example..it",
    "mario.@example.it",
  ])("refuses %j", (input) => {
    expect(normalizeEmail(input)).toBeNull();
  });
});

describe("normalizePec", () => {
  it("accepts certified-mail domains, normalized", () => {
    expect(normalizePec(" Rossi.SRL@PEC.it ")).toEqual({ ok: true, value: "rossi.srl@pec.it" });
    expect(normalizePec("amministrazione@legalmail.it")).toEqual({
      ok: true,
      value: "amministrazione@legalmail.it",
    });
    expect(normalizePec("rossi@cert.rossi-srl.it")).toEqual({ ok: true, value: "rossi@cert.rossi-srl.it" });
  });
  it("refuses consumer mailboxes and malformed addresses", () => {
    expect(normalizePec("rossi@gmail.com")).toEqual({ ok: false, reason: "not_pec" });
    expect(normalizePec("rossi@libero.it")).toEqual({ ok: false, reason: "not_pec" });
    expect(normalizePec("rossi@pec")).toEqual({ ok: false, reason: "malformed" });
    expect(normalizePec(" ")).toEqual({ ok: false, reason: "empty" });
  });
});
