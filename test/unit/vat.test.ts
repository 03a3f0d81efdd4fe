import { describe, expect, it } from "vitest";
import {
  isValidTaxCode,
  isValidVatNumber,
  normalizeVatNumber,
  taxCodeCheckChar,
  vatCheckDigit,
} from "../../src/domain/vat";

// Worked by hand:
// 0123456789: odd positions 0+2+4+6+8 = 20; even positions 1,3,5,7,9 doubled 2,6,10-9,14-9,18-9 = 23;
//   43 -> (10 - 3) % 10 = 7 -> 01234567897
// 1234567890: odd 1+3+5+7+9 = 25; even 2,4,6,8,0 doubled 4,8,12-9,16-9,0 = 22; 47 -> 3 -> 12345678903
// 0761483015 (an office code 015 = Milano): odd 0+6+4+3+1 = 14; even 7,1,8,0,5 -> 5,2,7,0,1 = 15; 29 -> 1
// 0000000001: the 1 is in position 10 (even), doubled = 2 -> 8; 0000000010: the 1 is in position 9 (odd) -> 9
describe("vatCheckDigit", () => {
  it("computes the Partita IVA check digit", () => {
    expect(vatCheckDigit("0123456789")).toBe("7");
    expect(vatCheckDigit("1234567890")).toBe("3");
    expect(vatCheckDigit("0761483015")).toBe("1");
    expect(vatCheckDigit("0000000001")).toBe("8");
    expect(vatCheckDigit("0000000010")).toBe("9");
    expect(vatCheckDigit("0000000000")).toBe("0"); // sum 0 -> (10 - 0) % 10 = 0, not 10
  });

  it("rejects anything but 10 digits", () => {
    expect(() => vatCheckDigit("012345678")).toThrow(RangeError);
    expect(() => vatCheckDigit("01234567a9")).toThrow(RangeError);
  });
});

describe("isValidVatNumber", () => {
  it("accepts numbers whose check digit matches", () => {
    expect(isValidVatNumber("01234567897")).toBe(true);
    expect(isValidVatNumber("12345678903")).toBe(true);
    expect(isValidVatNumber("07614830151")).toBe(true);
  });

  it("rejects a wrong check digit, swapped digits and wrong lengths", () => {
    expect(isValidVatNumber("01234567898")).toBe(false);
    expect(isValidVatNumber("10234567897")).toBe(false); // first two digits swapped
    expect(isValidVatNumber("0123456789")).toBe(false);
    expect(isValidVatNumber("012345678970")).toBe(false);
    expect(isValidVatNumber("IT01234567897")).toBe(false); // not normalized
    expect(isValidVatNumber("")).toBe(false);
  });

  it("catches every single-digit typo of a valid number", () => {
    const valid = "07614830151";
    for (let i = 0; i < 11; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[i]) continue;
        const typo = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(isValidVatNumber(typo), typo).toBe(false);
      }
    }
  });
});

describe("normalizeVatNumber", () => {
  it("strips the IT prefix, spaces and dots", () => {
    expect(normalizeVatNumber("IT01234567897")).toBe("01234567897");
    expect(normalizeVatNumber(" it 012 345 678 97 ")).toBe("01234567897");
    expect(normalizeVatNumber("012.345.678.97")).toBe("01234567897");
    expect(normalizeVatNumber("IT-07614830151")).toBe("07614830151");
    expect(normalizeVatNumber("07614830151")).toBe("07614830151");
  });

  it("leaves other text for the validator to reject", () => {
    expect(normalizeVatNumber("DE123456789")).toBe("DE123456789");
    expect(isValidVatNumber(normalizeVatNumber("DE123456789"))).toBe(false);
  });
});

// RSSMRA85T10A562S worked by hand: odd-position values R8 S12 R8 8:19 T14 0:1 5:13 2:5 = 80;
// even-position values S18 M12 A0 5:5 1:1 A0 6:6 = 42; 122 % 26 = 18 -> "S".
describe("isValidTaxCode", () => {
  it("computes the codice fiscale check character", () => {
    expect(taxCodeCheckChar("RSSMRA85T10A562")).toBe("S");
  });

  it("accepts a 16-character personal code with its check character, any case, with spaces", () => {
    expect(isValidTaxCode("RSSMRA85T10A562S")).toBe(true);
    expect(isValidTaxCode("rssmra85t10a562s")).toBe(true);
    expect(isValidTaxCode("RSS MRA 85T10 A562S")).toBe(true);
  });

  it("rejects a wrong check character or a malformed code", () => {
    expect(isValidTaxCode("RSSMRA85T10A562T")).toBe(false);
    expect(isValidTaxCode("RSSMRA85Z10A562S")).toBe(false); // Z is not a month letter
    expect(isValidTaxCode("RSSMRA85T10A562")).toBe(false);
    expect(isValidTaxCode("1SSMRA85T10A562S")).toBe(false);
  });

  it("accepts an omocodic code (digits replaced by letters) with its own check character", () => {
    // the last digit 2 of A562 replaced by N (N stands for 2)
    const first15 = "RSSMRA85T10A56N";
    const code = first15 + taxCodeCheckChar(first15);
    expect(isValidTaxCode(code)).toBe(true);
    expect(isValidTaxCode(`${first15}S`)).toBe(code.endsWith("S"));
  });

  it("validates an 11-digit company code like a Partita IVA", () => {
    expect(isValidTaxCode("07614830151")).toBe(true);
    expect(isValidTaxCode("07614830152")).toBe(false);
  });
});
