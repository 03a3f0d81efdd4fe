// A logged contact (call, visit, email, PEC, letter) and its outcome: the fields each outcome needs, the
// validation of a submission with one message per field, and the one-line form of `/credito log`.
// Pure: "today", "now" and what the customer owes are passed in.

import { z } from "zod";
import {
  formatDateLong,
  formatDateShort,
  type IsoDate,
  isBusinessDay,
  isIsoDate,
  italianHolidays,
  parseUserDate,
  parseUserTime,
  zonedInstant,
} from "./calendar";
import { normalizeEmail, normalizeItalianPhone, normalizePec } from "./contact";
import { type Cents, formatEuro, parseEuroAmount } from "./money";
import { normalizeForSearch } from "./text";

export const CHANNELS = ["phone", "visit", "email", "pec", "letter"] as const;
export const OUTCOMES = [
  "promise",
  "installments",
  "callback",
  "dispute",
  "refusal",
  "settlement",
  "restructuring",
  "not_reached",
  "wrong_number",
  "paid_already",
  "info",
] as const;
export const MOODS = ["calm", "cooperative", "evasive", "annoyed", "aggressive"] as const;
/** Signed documents a collector can bring back (Document.kind). */
export const DOCUMENT_KINDS = [
  "debt_acknowledgment",
  "settlement_proposal",
  "installment_plan",
  "restructuring_plan",
] as const;
export const MAX_INSTALLMENTS = 6;

export type Channel = (typeof CHANNELS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type Mood = (typeof MOODS)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The groups of fields an outcome needs besides the common ones (channel, person, mood, notes, contacts). */
export interface OutcomeNeeds {
  promise: boolean;
  installments: boolean;
  callback: boolean;
  settlement: boolean;
  dispute: boolean;
  documents: boolean;
  /** outcomes where the debtor was actually talked to: mood and sincerity make sense */
  reached: boolean;
}

export function outcomeNeeds(outcome: Outcome | undefined): OutcomeNeeds {
  const o = outcome;
  return {
    promise: o === "promise",
    installments: o === "installments",
    callback: o === "callback",
    settlement: o === "settlement",
    dispute: o === "dispute",
    documents:
      o === "promise" || o === "installments" || o === "settlement" || o === "restructuring" || o === "info",
    reached: o !== undefined && o !== "not_reached" && o !== "wrong_number",
  };
}

/** A submission as typed: strings from the modal or the one-line command. Dates are "YYYY-MM-DD". */
export interface LogDraft {
  customerId?: number;
  channel?: string;
  outcome?: string;
  personReached?: string;
  mood?: string;
  sincerity?: string;
  notes?: string;
  promiseAmount?: string;
  promiseDate?: string;
  installments?: { amount?: string; date?: string }[];
  callbackDate?: string;
  callbackTime?: string;
  settlementAmount?: string;
  settlementTerms?: string;
  documents?: string[];
  documentDate?: string;
  disputedInvoiceIds?: string[];
  newPhone?: string;
  newEmail?: string;
  newPec?: string;
}

/** Field names, also the block ids of the modal's inputs: an error on a field is shown under its input. */
export type LogField =
  | "customer"
  | "channel"
  | "outcome"
  | "personReached"
  | "mood"
  | "sincerity"
  | "notes"
  | "promiseAmount"
  | "promiseDate"
  | `installmentAmount${number}`
  | `installmentDate${number}`
  | "callbackDate"
  | "callbackTime"
  | "settlementAmount"
  | "settlementTerms"
  | "documents"
  | "documentDate"
  | "disputedInvoices"
  | "newPhone"
  | "newEmail"
  | "newPec";

/** A valid submission, ready to be written. */
export interface LogEntry {
  customerId: number;
  channel: Channel;
  outcome: Outcome;
  personReached: string | null;
  mood: Mood | null;
  sincerity: number | null;
  notes: string | null;
  /** one for a promise, two or more (in date order) for an instalment plan */
  promises: { amountCents: Cents; dueDate: IsoDate }[];
  callback: { date: IsoDate; time: string; at: Date } | null;
  settlement: { amountCents: Cents; writeOffCents: Cents; terms: string | null } | null;
  documents: { kind: DocumentKind; date: IsoDate }[];
  disputedInvoiceIds: number[];
  /** new contact details, normalized; a mobile number goes to `mobile`, a landline to `phone` */
  newContact: { phone?: string; mobile?: string; email?: string; pec?: string };
}

export interface ValidationContext {
  today: IsoDate;
  now: Date;
  timeZone: string;
  /** what the customer owes now (open invoices) */
  owedCents: Cents;
  /** the customer's open invoices that may be disputed */
  openInvoiceIds?: readonly number[];
  /** local "MM-DD" holidays */
  holidays?: readonly string[];
  locale?: "it" | "en";
}

/** The error messages, one per rule (src/i18n: `log.errors`). */
export interface LogErrorMessages {
  customerRequired: string;
  outcomeRequired: string;
  channelInvalid: string;
  moodInvalid: string;
  sincerityInvalid: string;
  tooLong: (max: number) => string;
  amountRequired: string;
  amountInvalid: string;
  amountNotPositive: string;
  amountAboveOwed: (owed: string) => string;
  nothingOwed: string;
  dateRequired: string;
  dateInvalid: string;
  datePast: string;
  notBusinessDay: (day: string) => string;
  installmentsTooFew: string;
  installmentIncomplete: string;
  installmentsOrder: string;
  installmentsAboveOwed: (total: string, owed: string) => string;
  timeRequired: string;
  timeInvalid: string;
  callbackPast: (when: string) => string;
  settlementNotBelowOwed: (owed: string) => string;
  documentDateRequired: string;
  documentDateFuture: string;
  documentInvalid: string;
  disputedInvoiceUnknown: string;
  disputeNotes: string;
  infoEmpty: string;
  phoneInvalid: string;
  phoneForeign: string;
  emailInvalid: string;
  pecInvalid: string;
  pecNotCertified: string;
}

export type LogErrors = Partial<Record<LogField, string>>;
export type LogValidation = { ok: true; entry: LogEntry } | { ok: false; errors: LogErrors };

const optionalText = z
  .string()
  .optional()
  .transform((v) => v?.trim() || undefined);

// The shape of a draft: types, trimming and lengths. Cross-field rules come after, in `validateLogDraft`.
function draftSchema(t: LogErrorMessages) {
  return z.object({
    customerId: z.number({ error: t.customerRequired }).int().positive({ error: t.customerRequired }),
    channel: z.enum(CHANNELS, { error: t.channelInvalid }).default("phone"),
    outcome: z.enum(OUTCOMES, { error: t.outcomeRequired }),
    personReached: optionalText.pipe(
      z
        .string()
        .max(150, { error: t.tooLong(150) })
        .optional(),
    ),
    mood: optionalText.pipe(z.enum(MOODS, { error: t.moodInvalid }).optional()),
    sincerity: optionalText.pipe(
      z
        .string()
        .regex(/^[1-5]$/, { error: t.sincerityInvalid })
        .transform(Number)
        .optional(),
    ),
    notes: optionalText.pipe(
      z
        .string()
        .max(2500, { error: t.tooLong(2500) })
        .optional(),
    ),
    settlementTerms: optionalText.pipe(
      z
        .string()
        .max(500, { error: t.tooLong(500) })
        .optional(),
    ),
    documents: z.array(z.enum(DOCUMENT_KINDS, { error: t.documentInvalid })).optional(),
  });
}

const PATHS: Readonly<Record<string, LogField>> = { customerId: "customer" };

/** The rules the field readers share: one message per field (the first problem), amounts, dates, the owed cap. */
interface Rules {
  vctx: ValidationContext;
  t: LogErrorMessages;
  errors: LogErrors;
  locale: "it" | "en";
  euro: (c: Cents) => string;
  fail: (field: LogField, message: string) => null;
  /** a date a debtor commits to: a business day, today or later */
  futureBusinessDay: (field: LogField, value: string | undefined) => IsoDate | null;
  amount: (field: LogField, value: string | undefined) => Cents | null;
  owedCheck: (field: LogField, cents: Cents | null) => void;
}

function rulesFor(vctx: ValidationContext, t: LogErrorMessages): Rules {
  const errors: LogErrors = {};
  const locale = vctx.locale ?? "it";
  const euro = (c: Cents) => formatEuro(c, locale);
  const fail = (field: LogField, message: string): null => {
    errors[field] ??= message;
    return null;
  };
  return {
    vctx,
    t,
    errors,
    locale,
    euro,
    fail,
    futureBusinessDay: (field, value) => {
      const v = value?.trim();
      if (!v) return fail(field, t.dateRequired);
      if (!isIsoDate(v)) return fail(field, t.dateInvalid);
      if (v < vctx.today) return fail(field, t.datePast);
      if (!isBusinessDay(v, vctx.holidays))
        return fail(field, t.notBusinessDay(dayLabel(v, vctx.holidays, locale)));
      return v;
    },
    amount: (field, value) => {
      const v = value?.trim();
      if (!v) return fail(field, t.amountRequired);
      const cents = parseEuroAmount(v, locale);
      if (cents === null) return fail(field, t.amountInvalid);
      if (cents <= 0) return fail(field, t.amountNotPositive);
      return cents;
    },
    owedCheck: (field, cents) => {
      if (cents === null) return;
      if (vctx.owedCents <= 0) fail(field, t.nothingOwed);
      else if (cents > vctx.owedCents) fail(field, t.amountAboveOwed(euro(vctx.owedCents)));
    },
  };
}

/** What an outcome's own fields add to the entry. */
type OutcomePart = Partial<Pick<LogEntry, "promises" | "callback" | "settlement" | "disputedInvoiceIds">>;

/** One reader per outcome that has fields of its own; the others have only the common ones. */
const OUTCOME_READERS: Partial<Record<Outcome, (draft: LogDraft, r: Rules) => OutcomePart>> = {
  promise: (draft, r) => {
    const cents = r.amount("promiseAmount", draft.promiseAmount);
    r.owedCheck("promiseAmount", cents);
    const date = r.futureBusinessDay("promiseDate", draft.promiseDate);
    return { promises: cents !== null && date ? [{ amountCents: cents, dueDate: date }] : [] };
  },
  installments: (draft, r) => ({ promises: readInstallments(draft, r) }),
  callback: (draft, r) => ({ callback: readCallback(draft, r) }),
  settlement: (draft, r) => ({ settlement: readSettlement(draft, r) }),
  dispute: (draft, r) => {
    const allowed = new Set(r.vctx.openInvoiceIds ?? []);
    const disputedInvoiceIds: number[] = [];
    for (const raw of draft.disputedInvoiceIds ?? []) {
      const id = Number(raw);
      if (!Number.isInteger(id) || !allowed.has(id)) r.fail("disputedInvoices", r.t.disputedInvoiceUnknown);
      else disputedInvoiceIds.push(id);
    }
    if (!draft.notes?.trim()) r.fail("notes", r.t.disputeNotes);
    return { disputedInvoiceIds };
  },
};

/** Two or more instalments, in date order, whose total the customer owes. */
function readInstallments(draft: LogDraft, r: Rules): LogEntry["promises"] {
  const { t, vctx, errors } = r;
  const rows = (draft.installments ?? []).slice(0, MAX_INSTALLMENTS);
  const filled: { n: number; amountCents: Cents | null; date: IsoDate | null }[] = [];
  for (const [i, row] of rows.entries()) {
    const n = i + 1;
    const hasAmount = !!row.amount?.trim();
    const hasDate = !!row.date?.trim();
    if (!hasAmount && !hasDate) continue;
    if (!hasAmount) {
      r.fail(`installmentAmount${n}`, t.installmentIncomplete);
      continue;
    }
    if (!hasDate) {
      r.fail(`installmentDate${n}`, t.installmentIncomplete);
      continue;
    }
    filled.push({
      n,
      amountCents: r.amount(`installmentAmount${n}`, row.amount),
      date: r.futureBusinessDay(`installmentDate${n}`, row.date),
    });
  }
  if (filled.length < 2 && !Object.keys(errors).some((k) => k.startsWith("installment"))) {
    r.fail(filled.length === 0 ? "installmentAmount1" : "installmentAmount2", t.installmentsTooFew);
  }
  for (let i = 1; i < filled.length; i++) {
    const prev = filled[i - 1]?.date;
    const cur = filled[i];
    if (prev && cur?.date && cur.date <= prev) r.fail(`installmentDate${cur.n}`, t.installmentsOrder);
  }
  let total = 0;
  for (const row of filled) {
    if (row.amountCents === null) continue;
    total += row.amountCents;
    if (vctx.owedCents <= 0) {
      r.fail(`installmentAmount${row.n}`, t.nothingOwed);
      break;
    }
    if (total > vctx.owedCents) {
      r.fail(`installmentAmount${row.n}`, t.installmentsAboveOwed(r.euro(total), r.euro(vctx.owedCents)));
      break;
    }
  }
  const promises: LogEntry["promises"] = [];
  for (const row of filled)
    if (row.amountCents !== null && row.date)
      promises.push({ amountCents: row.amountCents, dueDate: row.date });
  return promises;
}

/** A callback appointment: a date from today and a time still to come. */
function readCallback(draft: LogDraft, r: Rules): LogEntry["callback"] {
  const { t, vctx } = r;
  const date = draft.callbackDate?.trim();
  const rawTime = draft.callbackTime?.trim();
  const time = rawTime ? parseUserTime(rawTime) : null;
  if (!date) r.fail("callbackDate", t.dateRequired);
  else if (!isIsoDate(date)) r.fail("callbackDate", t.dateInvalid);
  else if (date < vctx.today) r.fail("callbackDate", t.datePast);
  if (!rawTime) r.fail("callbackTime", t.timeRequired);
  else if (!time) r.fail("callbackTime", t.timeInvalid);
  if (date && isIsoDate(date) && date >= vctx.today && time) {
    const at = zonedInstant(date, time, vctx.timeZone);
    if (at.getTime() > vctx.now.getTime()) return { date, time, at };
    r.fail("callbackTime", t.callbackPast(`${formatDateShort(date, r.locale)} ${time}`));
  }
  return null;
}

/** A settlement: less than what is owed; the rest is the write-off. */
function readSettlement(draft: LogDraft, r: Rules): LogEntry["settlement"] {
  const { t, vctx } = r;
  const cents = r.amount("settlementAmount", draft.settlementAmount);
  if (cents === null) return null;
  if (vctx.owedCents <= 0) return r.fail("settlementAmount", t.nothingOwed);
  if (cents >= vctx.owedCents)
    return r.fail("settlementAmount", t.settlementNotBelowOwed(r.euro(vctx.owedCents)));
  return {
    amountCents: cents,
    writeOffCents: vctx.owedCents - cents,
    terms: draft.settlementTerms?.trim() || null,
  };
}

/** The signed documents brought back, all of one date (not in the future). */
function readDocuments(kinds: readonly string[], draft: LogDraft, r: Rules): LogEntry["documents"] {
  const documents: LogEntry["documents"] = [];
  if (kinds.length === 0) return documents;
  const date = draft.documentDate?.trim();
  if (!date) r.fail("documentDate", r.t.documentDateRequired);
  else if (!isIsoDate(date)) r.fail("documentDate", r.t.dateInvalid);
  else if (date > r.vctx.today) r.fail("documentDate", r.t.documentDateFuture);
  else
    for (const kind of kinds)
      if ((DOCUMENT_KINDS as readonly string[]).includes(kind))
        documents.push({ kind: kind as DocumentKind, date });
  return documents;
}

/** New phone, email, PEC, normalized; a mobile number goes to `mobile`, a landline to `phone`. */
function readNewContact(draft: LogDraft, r: Rules): LogEntry["newContact"] {
  const { t } = r;
  const newContact: LogEntry["newContact"] = {};
  if (draft.newPhone?.trim()) {
    const phone = normalizeItalianPhone(draft.newPhone);
    if (phone.ok) newContact[phone.kind === "mobile" ? "mobile" : "phone"] = phone.value;
    else r.fail("newPhone", phone.reason === "foreign" ? t.phoneForeign : t.phoneInvalid);
  }
  if (draft.newEmail?.trim()) {
    const email = normalizeEmail(draft.newEmail);
    if (email) newContact.email = email;
    else r.fail("newEmail", t.emailInvalid);
  }
  if (draft.newPec?.trim()) {
    const pec = normalizePec(draft.newPec);
    if (pec.ok) newContact.pec = pec.value;
    else r.fail("newPec", pec.reason === "not_pec" ? t.pecNotCertified : t.pecInvalid);
  }
  return newContact;
}

/**
 * Validates a submission against today, now and what the customer owes. Either a complete entry or one
 * message per field in error (the first problem of each field): nothing is half-accepted. The shape first,
 * then the outcome's own fields (OUTCOME_READERS), then the documents and contacts any outcome may carry.
 */
export function validateLogDraft(
  draft: LogDraft,
  vctx: ValidationContext,
  t: LogErrorMessages,
): LogValidation {
  const r = rulesFor(vctx, t);
  const shape = draftSchema(t).safeParse(draft);
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const key = String(issue.path[0] ?? "outcome");
      r.fail(PATHS[key] ?? (key as LogField), issue.message);
    }
  }
  const outcome = (OUTCOMES as readonly string[]).includes(draft.outcome ?? "")
    ? (draft.outcome as Outcome)
    : undefined;
  const needs = outcomeNeeds(outcome);
  const own = (outcome && OUTCOME_READERS[outcome]?.(draft, r)) || {};
  const kinds = needs.documents ? (draft.documents ?? []) : [];
  const documents = readDocuments(kinds, draft, r);
  const newContact = readNewContact(draft, r);
  if (
    (outcome === "info" || outcome === "restructuring") &&
    !draft.notes?.trim() &&
    !draft.newPhone?.trim() &&
    !draft.newEmail?.trim() &&
    !draft.newPec?.trim() &&
    kinds.length === 0
  )
    r.fail("notes", t.infoEmpty);

  if (Object.keys(r.errors).length > 0 || !shape.success || !outcome) return { ok: false, errors: r.errors };
  const d = shape.data;
  return {
    ok: true,
    entry: {
      customerId: d.customerId,
      channel: d.channel,
      outcome,
      personReached: d.personReached ?? null,
      mood: needs.reached ? (d.mood ?? null) : null,
      sincerity: needs.reached ? (d.sincerity ?? null) : null,
      notes: d.notes ?? null,
      promises: own.promises ?? [],
      callback: own.callback ?? null,
      settlement: own.settlement ?? null,
      documents,
      disputedInvoiceIds: own.disputedInvoiceIds ?? [],
      newContact,
    },
  };
}

// "domenica 15 marzo" or "lunedì 6 aprile (Lunedì dell'Angelo)"
function dayLabel(d: IsoDate, holidays: readonly string[] | undefined, locale: "it" | "en"): string {
  const name = italianHolidays(Number(d.slice(0, 4)), holidays).get(d);
  return name ? `${formatDateLong(d, locale)} (${name})` : formatDateLong(d, locale);
}

// ---------------------------------------------------------------------------------------------------------
// The one-line form: `/credito log ROSSI promessa 1.500 15/3`, `/credito log ROSSI richiamare domani 10:30`.

/** Why a line could not be logged as it is: the modal opens prefilled with what was understood. */
export type LineGap =
  | "no_customer"
  | "no_outcome"
  | "missing_amount"
  | "missing_date"
  | "missing_time"
  | "ambiguous"
  | "needs_form"
  | "missing_notes";

export type LineParse =
  | { kind: "empty" }
  | { kind: "complete"; customerQuery: string; draft: LogDraft }
  | { kind: "partial"; customerQuery: string; draft: LogDraft; gap: LineGap };

/** Words that name an outcome, normalized (accents off, lower case); multi-word ones with a space. */
const KEYWORDS: Readonly<Record<string, Outcome>> = {
  promessa: "promise",
  promette: "promise",
  promise: "promise",
  rate: "installments",
  rateale: "installments",
  piano: "installments",
  rientro: "installments",
  "piano di rientro": "installments",
  installments: "installments",
  richiamare: "callback",
  richiama: "callback",
  richiamo: "callback",
  richiamata: "callback",
  callback: "callback",
  "call back": "callback",
  contestazione: "dispute",
  contesta: "dispute",
  dispute: "dispute",
  rifiuto: "refusal",
  rifiuta: "refusal",
  refusal: "refusal",
  refuses: "refusal",
  stralcio: "settlement",
  "saldo e stralcio": "settlement",
  settlement: "settlement",
  risanamento: "restructuring",
  restructuring: "restructuring",
  "non raggiunto": "not_reached",
  "non risponde": "not_reached",
  nonraggiunto: "not_reached",
  irraggiungibile: "not_reached",
  "not reached": "not_reached",
  "no answer": "not_reached",
  "numero errato": "wrong_number",
  "numero sbagliato": "wrong_number",
  "wrong number": "wrong_number",
  "gia pagato": "paid_already",
  pagato: "paid_already",
  "already paid": "paid_already",
  paid: "paid_already",
  info: "info",
  informazioni: "info",
};
const FILLERS: ReadonlySet<string> = new Set([
  "il",
  "alle",
  "ore",
  "entro",
  "per",
  "euro",
  "eur",
  "€",
  "del",
  "di",
  "a",
  "at",
  "on",
  "by",
]);

function findKeyword(
  words: readonly string[],
  from: number,
): { index: number; length: number; outcome: Outcome } | null {
  for (let i = from; i < words.length; i++) {
    for (const len of [3, 2, 1]) {
      const phrase = words.slice(i, i + len).join(" ");
      const outcome = KEYWORDS[phrase];
      if (outcome && i + len <= words.length) return { index: i, length: len, outcome };
    }
  }
  return null;
}

// "15 marzo" typed as two words is one date.
function mergeNamedDates(tokens: string[], today: IsoDate): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i] ?? "";
    const b = tokens[i + 1];
    if (b && /^\d{1,2}$/.test(a) && /^[a-zà-ù]+$/i.test(b) && parseUserDate(`${a} ${b}`, today)) {
      out.push(`${a} ${b}`);
      i++;
    } else out.push(a);
  }
  return out;
}

type Slot = "date" | "amount" | "time";

/**
 * Picks one value of each wanted kind among the tokens; a token readable as two kinds ("15.3": 15 March or
 * € 15,30) is resolved only when the other kind is present unambiguously. The rest are notes.
 */
function assign(
  tokens: readonly string[],
  kinds: readonly [Slot, Slot],
  read: Record<Slot, (s: string) => string | null>,
): { values: Partial<Record<Slot, string>>; notes: string[]; ambiguous: boolean } {
  const [k1, k2] = kinds;
  const only1: string[] = [];
  const only2: string[] = [];
  const both: string[] = [];
  const notes: string[] = [];
  for (const tok of tokens) {
    const v1 = read[k1](tok);
    const v2 = read[k2](tok);
    if (v1 && v2) both.push(tok);
    else if (v1) only1.push(v1);
    else if (v2) only2.push(v2);
    else if (!FILLERS.has(tok.toLowerCase())) notes.push(tok);
  }
  const values: Partial<Record<Slot, string>> = {};
  if (only1.length > 1 || only2.length > 1 || both.length > 1) return { values, notes, ambiguous: true };
  const [b] = both;
  if (b !== undefined) {
    if (only1.length === 1 && only2.length === 0) {
      values[k1] = only1[0];
      values[k2] = read[k2](b) ?? undefined;
    } else if (only2.length === 1 && only1.length === 0) {
      values[k2] = only2[0];
      values[k1] = read[k1](b) ?? undefined;
    } else return { values, notes, ambiguous: true };
    return { values, notes, ambiguous: false };
  }
  if (only1[0]) values[k1] = only1[0];
  if (only2[0]) values[k2] = only2[0];
  return { values, notes, ambiguous: false };
}

/**
 * Reads `<customer words> <outcome word> <values and notes>`. Complete when the outcome's values are all
 * there and unambiguous; otherwise partial, with what was understood, so the modal opens prefilled.
 */
export function parseLogLine(text: string, today: IsoDate, locale: "it" | "en" = "it"): LineParse {
  const raw = text.trim().split(/\s+/).filter(Boolean);
  if (raw.length === 0) return { kind: "empty" };
  const words = raw.map((w) => normalizeForSearch(w) || w.toLowerCase());
  const kw = findKeyword(words, 1) ?? findKeyword(words, 0);
  if (!kw) return { kind: "partial", customerQuery: raw.join(" "), draft: {}, gap: "no_outcome" };
  const customerQuery = raw.slice(0, kw.index).join(" ");
  const rest = mergeNamedDates(raw.slice(kw.index + kw.length), today);
  const draft: LogDraft = { outcome: kw.outcome, channel: "phone" };
  const partial = (gap: LineGap): LineParse => ({ kind: "partial", customerQuery, draft, gap });
  const read: LineReading = {
    date: (s: string) => parseUserDate(s, today),
    amount: (s: string) => {
      const c = parseEuroAmount(s, locale);
      return c !== null && c > 0 ? formatEuro(c, locale).replace(/^€\s?/, "") : null;
    },
    today,
  };
  const gap = (LINE_READERS[kw.outcome] ?? readNotesOnly)(rest, draft, read);
  if (!customerQuery) return partial("no_customer");
  return gap ? partial(gap) : { kind: "complete", customerQuery, draft };
}

/** What the per-outcome readers of a line share: how to read a date and an amount, and today. */
interface LineReading {
  date: (s: string) => string | null;
  amount: (s: string) => string | null;
  today: IsoDate;
}
/** Fills the draft from the words after the outcome; returns what is still missing, if anything. */
type LineReader = (rest: readonly string[], draft: LogDraft, read: LineReading) => LineGap | null;

const notesOf = (tokens: readonly string[]) => tokens.join(" ").trim() || undefined;

const readNotesOnly: LineReader = (rest, draft) => {
  draft.notes = notesOf(rest);
  return null;
};

/** An outcome whose notes are the point of it (a dispute, a plan, news): without them it is not complete. */
const readNotesRequired: LineReader = (rest, draft) => {
  draft.notes = notesOf(rest);
  return draft.notes ? null : "missing_notes";
};

/** One reader per outcome that takes values from the line; the others keep the words as notes. */
const LINE_READERS: Partial<Record<Outcome, LineReader>> = {
  promise: (rest, draft, read) => {
    const { values, notes, ambiguous } = assign(rest, ["date", "amount"], {
      date: read.date,
      amount: read.amount,
      time: () => null,
    });
    draft.promiseAmount = values.amount;
    draft.promiseDate = values.date;
    draft.notes = ambiguous ? notesOf(rest) : notesOf(notes);
    if (ambiguous) return "ambiguous";
    if (!values.amount) return "missing_amount";
    if (!values.date) return "missing_date";
    return null;
  },
  callback: (rest, draft, read) => {
    const { values, notes, ambiguous } = assign(rest, ["date", "time"], {
      date: read.date,
      time: (s) => parseUserTime(s),
      amount: () => null,
    });
    draft.callbackTime = values.time;
    draft.callbackDate = values.date ?? (values.time ? read.today : undefined);
    draft.notes = ambiguous ? notesOf(rest) : notesOf(notes);
    if (ambiguous) return "ambiguous";
    if (!values.time) return "missing_time";
    return null;
  },
  // "rate 500 16/3 500 16/4": amount-date pairs, in order
  installments: (rest, draft, read) => {
    const rows: { amount?: string; date?: string }[] = [];
    const notes: string[] = [];
    let row: { amount?: string; date?: string } = {};
    let unclear = false;
    for (const tok of rest) {
      const a = read.amount(tok);
      const d = read.date(tok);
      if (a && d) unclear = true;
      else if (a && !row.amount && !row.date) row.amount = a;
      else if (d && row.amount && !row.date) row.date = d;
      else if (a || d) unclear = true;
      else if (!FILLERS.has(tok.toLowerCase())) notes.push(tok);
      if (row.amount && row.date) {
        rows.push(row);
        row = {};
      }
    }
    if (row.amount || row.date) unclear = true;
    draft.installments = rows.slice(0, MAX_INSTALLMENTS);
    draft.notes = notesOf(notes);
    if (unclear || rows.length < 2 || rows.length > MAX_INSTALLMENTS)
      return unclear ? "ambiguous" : "needs_form";
    return null;
  },
  // a settlement always goes through the form (terms, documents); the amount is carried over when clear
  settlement: (rest, draft, read) => {
    const amounts = rest.map(read.amount).filter((a): a is string => a !== null);
    if (amounts.length === 1) draft.settlementAmount = amounts[0];
    draft.notes = notesOf(rest.filter((r) => read.amount(r) === null && read.date(r) === null));
    return "needs_form";
  },
  dispute: readNotesRequired,
  restructuring: readNotesRequired,
  info: readNotesRequired,
};
