// Calendar arithmetic on plain "YYYY-MM-DD" dates, Italian business days and time zones.
// Pure: no clock reads; "today" is always passed in by the caller.

import { dateCompact, dateLong } from "../i18n/format";

export type IsoDate = string; // calendar date "YYYY-MM-DD"
export type Locale = "it" | "en";

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS: Record<Locale, readonly string[]> = {
  it: [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
  ],
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};
// Index = weekday(): 0 = Sunday. Names for reading what users type; writing goes through i18n/format.
const WEEKDAYS: Record<Locale, readonly string[]> = {
  it: ["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function isValidYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function ymd(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function parts(d: IsoDate): { y: number; m: number; d: number } {
  const match = ISO_RE.exec(d);
  const parsed = match && { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  if (!parsed || !isValidYmd(parsed.y, parsed.m, parsed.d)) throw new RangeError(`Invalid ISO date: "${d}"`);
  return parsed;
}

// Days since 1970-01-01. setUTCFullYear avoids Date.UTC's mapping of years 0-99 to 19xx.
function toDayNumber(d: IsoDate): number {
  const p = parts(d);
  const t = new Date(0);
  t.setUTCFullYear(p.y, p.m - 1, p.d);
  return t.getTime() / MS_PER_DAY;
}

function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * MS_PER_DAY);
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function isIsoDate(s: string): boolean {
  const match = ISO_RE.exec(s);
  return match !== null && isValidYmd(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function weekday(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

// Anonymous Gregorian algorithm (Meeus, "Astronomical Algorithms").
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

const FIXED_HOLIDAYS: readonly (readonly [string, string])[] = [
  ["01-01", "Capodanno"],
  ["01-06", "Epifania"],
  ["04-25", "Festa della Liberazione"],
  ["05-01", "Festa del Lavoro"],
  ["06-02", "Festa della Repubblica"],
  ["08-15", "Ferragosto"],
  ["11-01", "Ognissanti"],
  ["12-08", "Immacolata"],
  ["12-25", "Natale"],
  ["12-26", "Santo Stefano"],
];
// Law 151/2025 restores 4 October as a national holiday starting from 2026.
const SAN_FRANCESCO_FROM_YEAR = 2026;

/** National holidays of `year` (sorted by date) plus local `extra` "MM-DD" holidays. */
export function italianHolidays(year: number, extra: readonly string[] = []): Map<IsoDate, string> {
  const easter = easterSunday(year);
  const entries: [IsoDate, string][] = FIXED_HOLIDAYS.map(([md, name]) => [`${pad(year, 4)}-${md}`, name]);
  entries.push([easter, "Pasqua"], [addDays(easter, 1), "Lunedì dell'Angelo"]);
  if (year >= SAN_FRANCESCO_FROM_YEAR) entries.push([`${pad(year, 4)}-10-04`, "San Francesco d'Assisi"]);
  for (const md of extra) {
    if (!/^\d{2}-\d{2}$/.test(md)) throw new RangeError(`Invalid local holiday "${md}", expected "MM-DD"`);
    const date = `${pad(year, 4)}-${md}`;
    // "02-29" simply has no occurrence in non-leap years; a national name wins over "Festa patronale".
    if (isIsoDate(date) && !entries.some(([d]) => d === date)) entries.push([date, "Festa patronale"]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : 1));
  return new Map(entries);
}

export function isBusinessDay(d: IsoDate, extra: readonly string[] = []): boolean {
  const wd = weekday(d);
  return wd !== 0 && wd !== 6 && !italianHolidays(parts(d).y, extra).has(d);
}

export function nextBusinessDay(d: IsoDate, extra: readonly string[] = []): IsoDate {
  let day = addDays(d, 1);
  while (!isBusinessDay(day, extra)) day = addDays(day, 1);
  return day;
}

export function previousBusinessDay(d: IsoDate, extra: readonly string[] = []): IsoDate {
  let day = addDays(d, -1);
  while (!isBusinessDay(day, extra)) day = addDays(day, -1);
  return day;
}

export function onOrAfterBusinessDay(d: IsoDate, extra: readonly string[] = []): IsoDate {
  return isBusinessDay(d, extra) ? d : nextBusinessDay(d, extra);
}

/** Moves |n| business days forward (n > 0) or backward (n < 0); n = 0 returns d unchanged. */
export function addBusinessDays(d: IsoDate, n: number, extra: readonly string[] = []): IsoDate {
  let day = d;
  for (let i = 0; i < Math.abs(n); i++) {
    day = n > 0 ? nextBusinessDay(day, extra) : previousBusinessDay(day, extra);
  }
  return day;
}

// Wall-clock fields of an instant in a zone. h23 avoids the "24:00" midnight some ICU versions emit.
function wallClock(
  instant: Date,
  timeZone: string,
): Record<"year" | "month" | "day" | "hour" | "minute", number> {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  const field = (type: string) => Number(fmt.formatToParts(instant).find((p) => p.type === type)?.value);
  return {
    year: field("year"),
    month: field("month"),
    day: field("day"),
    hour: field("hour"),
    minute: field("minute"),
  };
}

export function dateInZone(instant: Date, timeZone: string): IsoDate {
  const w = wallClock(instant, timeZone);
  return ymd(w.year, w.month, w.day);
}

export function timeInZone(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

// Zone offset (ms, local minus UTC) at an instant, at minute precision (enough for all real zones).
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(new Date(ms), timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return wallAsUtc - Math.floor(ms / 60_000) * 60_000;
}

/**
 * Instant at which the wall clock in `timeZone` shows `date` `time` ("HH:MM").
 * DST like java.time/Temporal "compatible": a time skipped by spring-forward is moved later by the gap
 * (02:30 -> 03:30 in Rome); a time repeated by fall-back resolves to its first (summer time) occurrence.
 */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): Date {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new RangeError(`Invalid time "${time}", expected "HH:MM"`);
  const wallAsUtc = toDayNumber(date) * MS_PER_DAY + (hour * 60 + minute) * 60_000;
  // Offsets a day either side bracket any single DST transition around this wall time.
  const before = wallAsUtc - offsetAt(wallAsUtc - MS_PER_DAY, timeZone);
  const after = wallAsUtc - offsetAt(wallAsUtc + MS_PER_DAY, timeZone);
  const shows = (ms: number) => ms + offsetAt(ms, timeZone) === wallAsUtc;
  if (shows(before) && shows(after)) return new Date(Math.min(before, after));
  if (shows(after)) return new Date(after);
  return new Date(before); // valid, or in a gap: the pre-transition offset lands after the gap
}

/** "lunedì 2 marzo" / "Monday 2 March", through src/i18n/format.ts (the one Intl formatter). */
export function formatDateLong(d: IsoDate, locale: Locale = "it"): string {
  parts(d);
  return dateLong(d, locale);
}

export function formatDateShort(d: IsoDate, _locale: Locale = "it"): string {
  const p = parts(d);
  return `${pad(p.d)}/${pad(p.m)}/${pad(p.y, 4)}`;
}

/** "2 mar" / "2 Mar", through src/i18n/format.ts. */
export function formatDateCompact(d: IsoDate, locale: Locale = "it"): string {
  parts(d);
  return dateCompact(d, locale);
}

// Lowercase, accents removed, and the apostrophe Italians type for a missing accent ("lunedi'").
function normalizeWord(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "");
}

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  oggi: 0,
  today: 0,
  domani: 1,
  tomorrow: 1,
  dopodomani: 2,
};

function weekdayIndex(word: string): number {
  const names = [...WEEKDAYS.it, ...WEEKDAYS.en].map(normalizeWord);
  const index = names.findIndex((name) => name === word || name.slice(0, 3) === word);
  return index < 0 ? -1 : index % 7;
}

/**
 * The month (1-12) named by an Italian or English month name or its first three letters ("marzo", "mar",
 * "march"), given lower-case and accent-free; -1 when the word names no month.
 */
export function monthIndex(word: string): number {
  const names = [...MONTHS.it, ...MONTHS.en].map(normalizeWord);
  const index = names.findIndex((name) => name === word || name.slice(0, 3) === word);
  return index < 0 ? -1 : (index % 12) + 1;
}

// A date without a year is the next occurrence on or after today (in December "15/1" is January).
function resolveDayMonth(
  day: number,
  month: number,
  yearText: string | undefined,
  today: IsoDate,
): IsoDate | null {
  if (yearText !== undefined) {
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    return isValidYmd(year, month, day) ? ymd(year, month, day) : null;
  }
  const thisYear = parts(today).y;
  for (const year of [thisYear, thisYear + 1]) {
    if (isValidYmd(year, month, day) && ymd(year, month, day) >= today) return ymd(year, month, day);
  }
  return null;
}

/**
 * Parses what a collector types: "15/3", "15/03/26", "15-03-2026", "15.03.2026", "2026-03-15", "15 marzo",
 * "oggi"/"domani"/"dopodomani"/"today"/"tomorrow", weekday names (next such day strictly after today).
 */
export function parseUserDate(input: string, today: IsoDate): IsoDate | null {
  const s = normalizeWord(input).replace(/\s+/g, " ");
  if (ISO_RE.test(s)) return isIsoDate(s) ? s : null;
  const relative = RELATIVE_DAYS[s];
  if (relative !== undefined) return addDays(today, relative);
  const wd = weekdayIndex(s);
  if (wd >= 0) return addDays(today, ((wd - weekday(today) + 6) % 7) + 1);
  const numeric = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(s);
  if (numeric) return resolveDayMonth(Number(numeric[1]), Number(numeric[3]), numeric[4], today);
  const named = /^(\d{1,2}) ([a-z]+)(?: (\d{4}))?$/.exec(s);
  const month = named ? monthIndex(named[2] ?? "") : -1;
  if (named && month > 0) return resolveDayMonth(Number(named[1]), month, named[3], today);
  return null;
}

/** "10:30", "10.30", "10", "9:05", "h 10", "ore 10" -> "HH:MM"; null when not a valid 24h time. */
export function parseUserTime(input: string): string | null {
  const match = /^(?:h|ore)?\s*(\d{1,2})(?:[:.](\d{2}))?$/.exec(input.trim().toLowerCase());
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? "0");
  return hour <= 23 && minute <= 59 ? `${pad(hour)}:${pad(minute)}` : null;
}

export function startOfMonth(d: IsoDate): IsoDate {
  const p = parts(d);
  return ymd(p.y, p.m, 1);
}

export function endOfMonth(d: IsoDate): IsoDate {
  const p = parts(d);
  return ymd(p.y, p.m, daysInMonth(p.y, p.m));
}

/** Monday of the ISO week containing d. */
export function startOfWeek(d: IsoDate): IsoDate {
  return addDays(d, -((weekday(d) + 6) % 7));
}
