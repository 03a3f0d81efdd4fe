// The one place where numbers, money, dates, plurals and ordinals are written for a reader, by locale,
// through Intl. Pure (no clock, no I/O) and import-free, so the domain's formatEuro/formatDateLong and
// every catalogue can delegate here. Italian output is the project's long-standing one ("€ 1.234,56",
// "lunedì 2 marzo", "2 mar"); English is British-style ("€1,234.56", "Monday 2 March", "2 Mar").

export type FormatLocale = "it" | "en";

const TAGS: Record<FormatLocale, string> = { it: "it-IT", en: "en-GB" };

// Grouping "always": Intl's it-IT leaves 4-digit amounts ungrouped ("1234,56"), which reads as a typo here.
const integers = memo((l: FormatLocale) => new Intl.NumberFormat(TAGS[l], { useGrouping: "always" }));
const decimals = memo(
  (l: FormatLocale) =>
    new Intl.NumberFormat(TAGS[l], {
      useGrouping: "always",
      maximumFractionDigits: 1,
      minimumFractionDigits: 0,
    }),
);
const longDates = memo(
  (l: FormatLocale) =>
    new Intl.DateTimeFormat(TAGS[l], { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }),
);
const shortMonths = memo(
  (l: FormatLocale) => new Intl.DateTimeFormat(TAGS[l], { month: "short", timeZone: "UTC" }),
);
const plurals = memo((l: FormatLocale) => new Intl.PluralRules(TAGS[l]));
const ordinals = memo((l: FormatLocale) => new Intl.PluralRules(TAGS[l], { type: "ordinal" }));

function memo<T>(make: (l: FormatLocale) => T): (l: FormatLocale) => T {
  const cache = new Map<FormatLocale, T>();
  return (l) => {
    let value = cache.get(l);
    if (value === undefined) {
      value = make(l);
      cache.set(l, value);
    }
    return value;
  };
}

function decimalSeparator(l: FormatLocale): string {
  return (
    decimals(l)
      .formatToParts(1.5)
      .find((p) => p.type === "decimal")?.value ?? "."
  );
}

/**
 * Integer euro cents: it "€ 1.234,56", "-€ 12,00"; en "€1,234.56", "-€12.00". The integer part goes through
 * Intl and the cents are appended as digits, so no amount ever passes through a floating-point division.
 */
export function money(cents: number, locale: FormatLocale): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an integer amount of cents: ${cents}`);
  const abs = Math.abs(cents);
  const euros = integers(locale).format(Math.floor(abs / 100));
  const rest = String(abs % 100).padStart(2, "0");
  const body = `${locale === "it" ? "€ " : "€"}${euros}${decimalSeparator(locale)}${rest}`;
  return cents < 0 ? `-${body}` : body;
}

/** A count or a measure with at most one decimal: it "1.234", "46,6"; en "1,234", "46.6". */
export function number(n: number, locale: FormatLocale): string {
  return decimals(locale).format(n);
}

/** A percentage with at most one decimal: "42,5%" / "42.5%", "40%"; never "-0%". */
export function percent(p: number, locale: FormatLocale): string {
  const rounded = Math.round(p * 10) / 10;
  const text = String(rounded === 0 ? 0 : rounded);
  return `${locale === "it" ? text.replace(".", ",") : text}%`;
}

function utcDate(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Invalid ISO date: "${iso}"`);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map the years 0-99 to 19xx
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date;
}

/** With the weekday: "lunedì 2 marzo" / "Monday 2 March". */
export function dateLong(iso: string, locale: FormatLocale): string {
  return longDates(locale).format(utcDate(iso));
}

/** Day and short month, for lists: "2 mar", "1 dic" / "2 Mar", "1 Dec" (British "Sept" shortened to "Sep"). */
export function dateCompact(iso: string, locale: FormatLocale): string {
  const date = utcDate(iso);
  const month = shortMonths(locale).format(date).replace(/\.$/, "").slice(0, 3);
  return `${date.getUTCDate()} ${month}`;
}

/** The plural category of n in the locale ("one" or "other" in both languages today). */
export function pluralOf(n: number, locale: FormatLocale): Intl.LDMLPluralRule {
  return plurals(locale).select(n);
}

/** Forms of a counted word: `{ one: "giorno", other: "giorni" }`; a missing category falls back to other. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** "1 giorno", "3 giorni" / "1 day", "3 days": the count (written by locale) and the word's right form. */
export function count(n: number, forms: PluralForms, locale: FormatLocale): string {
  return `${number(n, locale)} ${forms[pluralOf(n, locale)] ?? forms.other}`;
}

const EN_ORDINAL: Record<Intl.LDMLPluralRule, string> = {
  zero: "th",
  one: "st",
  two: "nd",
  few: "rd",
  many: "th",
  other: "th",
};

/** An ordinal day or rank: it "1º", "15º"; en "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(n: number, locale: FormatLocale): string {
  if (locale === "it") return `${n}º`;
  return `${n}${EN_ORDINAL[ordinals(locale).select(n)]}`;
}
