// Italian identifiers: Partita IVA (VAT number) and codice fiscale (tax code), with their check characters.
// Pure functions, no I/O.

/** "IT 012.345.678-97" -> "01234567897": drops spaces, dots, dashes and a leading "IT" country prefix. */
export function normalizeVatNumber(s: string): string {
  const compact = s.replace(/[\s.-]+/g, "").toUpperCase();
  return compact.startsWith("IT") ? compact.slice(2) : compact;
}

/**
 * Check digit of a Partita IVA from its first 10 digits (Luhn-like, as the Agenzia delle Entrate defines it):
 * digits in odd positions (1st, 3rd, ...) are summed as they are; digits in even positions are doubled,
 * minus 9 when the double exceeds 9; check digit = (10 - sum % 10) % 10.
 */
export function vatCheckDigit(first10: string): string {
  if (!/^\d{10}$/.test(first10)) throw new RangeError(`Expected 10 digits, got "${first10}"`);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      sum += digit; // odd position (1-based)
    } else {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return String((10 - (sum % 10)) % 10);
}

/** An 11-digit Partita IVA (already normalized) whose last digit is the right check digit. */
export function isValidVatNumber(p: string): boolean {
  if (!/^\d{11}$/.test(p)) return false;
  return vatCheckDigit(p.slice(0, 10)) === p[10];
}

// Codice fiscale: characters in even (1-based) positions count 0-9 / A=0..Z=25, odd positions use CF_ODD.
// Odd-position values indexed by the even-position value (0-9 for digits, 0-25 for A-Z): digits 0-9 and
// letters A-J share the same odd values.
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function cfEvenValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
}

// Surname(3) name(3) year(2) month(1: A B C D E H L M P R S T) day(2) municipality(letter + 3) check(1);
// digits may be replaced by L M N P Q R S T U V (omocodia) when two people would share a code.
const CF_PATTERN = /^[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]$/;

/** Check character of a personal codice fiscale from its first 15 characters (upper case). */
export function taxCodeCheckChar(first15: string): string {
  if (!/^[A-Z0-9]{15}$/.test(first15))
    throw new RangeError(`Expected 15 letters or digits, got "${first15}"`);
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15[i]!;
    const value = cfEvenValue(ch);
    sum += i % 2 === 0 ? CF_ODD[value]! : value;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/**
 * A codice fiscale: either the 16-character personal one (format and check character), or the 11-digit
 * numeric one of a company, validated like a Partita IVA. Spaces are ignored, letters may be lower case.
 */
export function isValidTaxCode(cf: string): boolean {
  const code = cf.replace(/\s+/g, "").toUpperCase();
  if (/^\d{11}$/.test(code)) return isValidVatNumber(code);
  if (!CF_PATTERN.test(code)) return false;
  return taxCodeCheckChar(code.slice(0, 15)) === code[15];
}
