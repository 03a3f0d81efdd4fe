// Italian prepositions and articles before a date, as a native speaker writes them: the article
// elides before a day that starts with a vowel sound (1, 8, 11 and the 80s never occur), so
// "entro l'11 dicembre", "dell'1 dicembre", "dall'8"; before a weekday there is no article
// ("di venerdì 4 dicembre", "entro venerdì 4 dicembre"). One helper, so every message agrees.

import { formatDateCompact, formatDateLong, type IsoDate } from "./calendar";

export type DatePreposition = "il" | "di" | "del" | "al" | "dal" | "nel" | "entro" | "fino al";

export type DateStyle = "compact" | "long";

/** Whether the day number is read with an initial vowel: uno, otto, undici (and ottanta..., not a day). */
export function dayElides(day: number): boolean {
  return day === 1 || day === 8 || day === 11;
}

const ELIDED: Record<DatePreposition, string> = {
  il: "l'",
  di: "dell'",
  del: "dell'",
  al: "all'",
  dal: "dall'",
  nel: "nell'",
  entro: "entro l'",
  "fino al": "fino all'",
};

const PLAIN: Record<DatePreposition, string> = {
  il: "il ",
  di: "del ",
  del: "del ",
  al: "al ",
  dal: "dal ",
  nel: "nel ",
  entro: "entro il ",
  "fino al": "fino al ",
};

// Before a weekday Italian drops the article: "di venerdì", "entro venerdì", "fino a venerdì".
const BEFORE_WEEKDAY: Record<DatePreposition, string> = {
  il: "",
  di: "di ",
  del: "di ",
  al: "a ",
  dal: "da ",
  nel: "",
  entro: "entro ",
  "fino al": "fino a ",
};

/**
 * A date with its preposition: `withDate("entro", "2026-12-11")` → "entro l'11 dic",
 * `withDate("di", "2026-12-04", "long")` → "di venerdì 4 dicembre".
 * Compact style ("4 dic") for lists, long style (with the weekday) for sentences; one per message.
 */
export function withDate(prep: DatePreposition, date: IsoDate, style: DateStyle = "compact"): string {
  if (style === "long") return `${BEFORE_WEEKDAY[prep]}${formatDateLong(date, "it")}`;
  const day = Number(date.slice(8, 10));
  return `${dayElides(day) ? ELIDED[prep] : PLAIN[prep]}${formatDateCompact(date, "it")}`;
}

/** English counterpart, so catalogues can call one function whatever the locale. */
export function withDateEn(prep: DatePreposition, date: IsoDate, style: DateStyle = "compact"): string {
  const word: Record<DatePreposition, string> = {
    il: "on",
    // "Payment of €500.00 on 2 Mar", "back in the digest on Friday 4 December": English dates take "on"
    di: "on",
    del: "on",
    al: "to",
    dal: "from",
    nel: "on",
    entro: "by",
    "fino al": "until",
  };
  const text = style === "long" ? formatDateLong(date, "en") : formatDateCompact(date, "en");
  return `${word[prep]} ${text}`;
}

const WEEKDAY_START = /^(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)(?=\s|$)/i;

/**
 * The same rule on a date already written out, for the catalogues: `prep("del", "1 dic")` → "dell'1 dic",
 * `prep("del", "venerdì 4 dicembre")` → "di venerdì 4 dicembre", `prep("entro", "11/12/2026")` → "entro l'11/12/2026".
 * A date with a leading zero ("01/12/2026") keeps the plain article, as it is read "zero uno".
 */
export function prep(p: DatePreposition, written: string): string {
  if (WEEKDAY_START.test(written)) return `${BEFORE_WEEKDAY[p]}${written}`;
  const day = /^(\d{1,2})\b/.exec(written)?.[1];
  const elides = day !== undefined && !day.startsWith("0") && dayElides(Number(day));
  return `${elides ? ELIDED[p] : PLAIN[p]}${written}`;
}
