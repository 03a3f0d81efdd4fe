// Contact details a collector learns on a call: Italian phone numbers, email and PEC addresses.
// Pure: normalizes what people type into one stored form, or says why it is not valid.

export type PhoneKind = "mobile" | "landline";

export type PhoneResult =
  | { ok: true; value: string; kind: PhoneKind; digits: string }
  | { ok: false; reason: "empty" | "foreign" | "malformed" };

/**
 * Italian phone numbers as typed ("333 123 4567", "+39 333-1234567", "0039 02 1234 5678", "(02) 12.34.56.78")
 * -> "+39 333 123 4567" (mobile) or "+39 02 12345678" (landline, split after the area code).
 * Mobile numbers start with 3 (9-10 digits), landlines with 0 (6-11 digits); other prefixes and
 * foreign country codes are refused.
 */
export function normalizeItalianPhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, reason: "empty" };
  if (/[^\d\s+().\-/]/.test(trimmed)) return { ok: false, reason: "malformed" };
  let digits = trimmed.replace(/[\s().\-/]/g, "");
  if (digits.indexOf("+") > 0 || (digits.match(/\+/g)?.length ?? 0) > 1)
    return { ok: false, reason: "malformed" };
  if (digits.startsWith("+")) {
    if (!digits.startsWith("+39")) return { ok: false, reason: "foreign" };
    digits = digits.slice(3);
  } else if (digits.startsWith("00")) {
    if (!digits.startsWith("0039")) return { ok: false, reason: "foreign" };
    digits = digits.slice(4);
  } else if (/^39[03]/.test(digits) && digits.length >= 11) {
    // "39 333 1234567" typed without the plus: a bare Italian number is never 11+ digits starting with 39
    digits = digits.slice(2);
  }
  if (!/^\d+$/.test(digits)) return { ok: false, reason: "malformed" };
  if (/^3\d{8,9}$/.test(digits)) {
    const value = `+39 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    return { ok: true, kind: "mobile", digits, value };
  }
  if (/^0\d{5,10}$/.test(digits)) {
    const area = areaCodeLength(digits);
    return {
      ok: true,
      kind: "landline",
      digits,
      value: `+39 ${digits.slice(0, area)} ${digits.slice(area)}`,
    };
  }
  return { ok: false, reason: "malformed" };
}

// 02 Milano and 06 Roma have two digits; 0x0/0x1 codes (010 Genova, 051 Bologna, 081 Napoli...) three;
// the others (0331, 0422...) four.
function areaCodeLength(digits: string): number {
  if (/^0[26]/.test(digits)) return 2;
  if (/^0\d[01]/.test(digits)) return 3;
  return 4;
}

const EMAIL_RE =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$/;

/** "  Mario.Rossi@Example.IT " -> "mario.rossi@example.it"; null when it is not an email address. */
export function normalizeEmail(input: string): string | null {
  const s = input
    .trim()
    .replace(/^mailto:/i, "")
    .toLowerCase();
  if (s.length > 254 || !EMAIL_RE.test(s)) return null;
  const local = s.slice(0, s.indexOf("@"));
  return local.length <= 64 ? s : null;
}

/** Consumer mailbox providers: an address there is never a PEC (certified mail) box. */
const NOT_PEC_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "libero.it",
  "virgilio.it",
  "alice.it",
  "tin.it",
  "tim.it",
  "tiscali.it",
  "hotmail.com",
  "hotmail.it",
  "outlook.com",
  "outlook.it",
  "live.com",
  "live.it",
  "yahoo.com",
  "yahoo.it",
  "icloud.com",
  "me.com",
  "fastwebnet.it",
  "email.it",
  "inwind.it",
  "aruba.it",
]);

export type PecResult =
  | { ok: true; value: string }
  | { ok: false; reason: "empty" | "malformed" | "not_pec" };

/**
 * A PEC address: a valid email address on a certified-mail domain. PEC boxes live on many domains
 * (pec.it, legalmail.it, a company's own cert domain), so only the consumer providers that cannot be
 * PEC (gmail.com, libero.it, ...) are refused besides malformed addresses.
 */
export function normalizePec(input: string): PecResult {
  if (!input.trim()) return { ok: false, reason: "empty" };
  const email = normalizeEmail(input);
  if (!email) return { ok: false, reason: "malformed" };
  const domain = email.slice(email.indexOf("@") + 1);
  if (NOT_PEC_DOMAINS.has(domain)) return { ok: false, reason: "not_pec" };
  return { ok: true, value: email };
}
