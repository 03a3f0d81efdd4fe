import { describe, expect, it } from "vitest";
import {
  type LogDraft,
  outcomeNeeds,
  parseLogLine,
  type ValidationContext,
  validateLogDraft,
} from "../../src/domain/log-entry";
import { messages } from "../../src/i18n";

const t = messages("it").log.errors;
const en = messages("en").log.errors;
// Monday 2 March 2026, 08:30 in Rome
const vctx: ValidationContext = {
  today: "2026-03-02",
  now: new Date("2026-03-02T08:30:00+01:00"),
  timeZone: "Europe/Rome",
  owedCents: 250_000,
  openInvoiceIds: [11, 12],
};
const base: LogDraft = { customerId: 7, channel: "phone" };
const check = (draft: LogDraft, ctx: Partial<ValidationContext> = {}) =>
  validateLogDraft({ ...base, ...draft }, { ...vctx, ...ctx }, t);

describe("validateLogDraft: promises", () => {
  it("accepts a promise on a future business day within what is owed", () => {
    const r = check({
      outcome: "promise",
      promiseAmount: "1.500",
      promiseDate: "2026-03-16",
      mood: "cooperative",
      sincerity: "4",
    });
    expect(r).toEqual({
      ok: true,
      entry: {
        customerId: 7,
        channel: "phone",
        outcome: "promise",
        personReached: null,
        mood: "cooperative",
        sincerity: 4,
        notes: null,
        promises: [{ amountCents: 150_000, dueDate: "2026-03-16" }],
        callback: null,
        settlement: null,
        documents: [],
        disputedInvoiceIds: [],
        newContact: {},
      },
    });
  });
  it("refuses a date in the past, a Sunday, a holiday, and an amount above what is owed", () => {
    expect(check({ outcome: "promise", promiseAmount: "2.500,01", promiseDate: "2026-02-27" })).toEqual({
      ok: false,
      errors: {
        promiseAmount: "È più di quanto dovuto (€ 2.500,00).",
        promiseDate: "La data è già passata.",
      },
    });
    expect(check({ outcome: "promise", promiseAmount: "100", promiseDate: "2026-03-15" })).toEqual({
      ok: false,
      errors: { promiseDate: "domenica 15 marzo non è un giorno lavorativo: scegline uno lavorativo." },
    });
    expect(check({ outcome: "promise", promiseAmount: "100", promiseDate: "2026-04-06" })).toEqual({
      ok: false,
      errors: {
        promiseDate:
          "lunedì 6 aprile (Lunedì dell'Angelo) non è un giorno lavorativo: scegline uno lavorativo.",
      },
    });
  });
  it("treats a local holiday as not a business day", () => {
    const r = check(
      { outcome: "promise", promiseAmount: "100", promiseDate: "2026-06-24" },
      { holidays: ["06-24"] },
    );
    expect(r.ok).toBe(false);
  });
  it("explains malformed, zero and missing amounts; English too", () => {
    expect(check({ outcome: "promise", promiseAmount: "mille", promiseDate: "2026-03-16" })).toEqual({
      ok: false,
      errors: { promiseAmount: t.amountInvalid },
    });
    expect(check({ outcome: "promise", promiseAmount: "0", promiseDate: "2026-03-16" })).toEqual({
      ok: false,
      errors: { promiseAmount: t.amountNotPositive },
    });
    expect(validateLogDraft({ ...base, outcome: "promise" }, { ...vctx, locale: "en" }, en)).toEqual({
      ok: false,
      errors: { promiseAmount: "Enter the amount.", promiseDate: "Enter the date." },
    });
  });
  it("says the customer owes nothing", () => {
    expect(
      check({ outcome: "promise", promiseAmount: "10", promiseDate: "2026-03-16" }, { owedCents: 0 }),
    ).toEqual({
      ok: false,
      errors: { promiseAmount: t.nothingOwed },
    });
  });
});

describe("validateLogDraft: instalments", () => {
  const rows = (...r: [string, string][]) => r.map(([amount, date]) => ({ amount, date }));
  it("accepts up to six increasing instalments within the debt, skipping empty rows", () => {
    const r = check({
      outcome: "installments",
      installments: [...rows(["1.000", "2026-03-16"], ["1.500", "2026-04-16"]), {}, {}],
    });
    expect(r.ok && r.entry.promises).toEqual([
      { amountCents: 100_000, dueDate: "2026-03-16" },
      { amountCents: 150_000, dueDate: "2026-04-16" },
    ]);
  });
  it("flags the instalment that takes the total above the debt", () => {
    const r = check({
      outcome: "installments",
      installments: rows(["1.000", "2026-03-16"], ["1.000", "2026-04-16"], ["600", "2026-05-18"]),
    });
    expect(r).toEqual({
      ok: false,
      errors: { installmentAmount3: "Le rate arrivano a € 2.600,00, più del dovuto (€ 2.500,00)." },
    });
  });
  it("wants at least two complete rows in date order", () => {
    expect(check({ outcome: "installments", installments: rows(["1.000", "2026-03-16"]) })).toEqual({
      ok: false,
      errors: { installmentAmount2: t.installmentsTooFew },
    });
    expect(
      check({
        outcome: "installments",
        installments: [{ amount: "500", date: "2026-03-16" }, { amount: "500" }],
      }),
    ).toEqual({
      ok: false,
      errors: { installmentDate2: t.installmentIncomplete },
    });
    expect(
      check({ outcome: "installments", installments: rows(["500", "2026-04-16"], ["500", "2026-03-16"]) }),
    ).toEqual({
      ok: false,
      errors: { installmentDate2: t.installmentsOrder },
    });
  });
});

describe("validateLogDraft: callback, settlement, documents, contacts", () => {
  it("builds the callback instant in the business time zone and refuses the past", () => {
    const r = check({ outcome: "callback", callbackDate: "2026-03-02", callbackTime: "10:30" });
    expect(r.ok && r.entry.callback).toEqual({
      date: "2026-03-02",
      time: "10:30",
      at: new Date("2026-03-02T09:30:00Z"),
    });
    expect(check({ outcome: "callback", callbackDate: "2026-03-02", callbackTime: "08:00" })).toEqual({
      ok: false,
      errors: { callbackTime: "02/03/2026 08:00 è già passato: scegli un momento futuro." },
    });
    expect(check({ outcome: "callback", callbackDate: "2026-03-01", callbackTime: "25:00" })).toEqual({
      ok: false,
      errors: { callbackDate: t.datePast, callbackTime: t.timeInvalid },
    });
  });
  it("computes the write-off of a settlement and refuses one not below the debt", () => {
    const r = check({
      outcome: "settlement",
      settlementAmount: "1.800",
      settlementTerms: " bonifico entro il 20/3 ",
      documents: ["debt_acknowledgment"],
      documentDate: "2026-03-02",
    });
    expect(r.ok && r.entry.settlement).toEqual({
      amountCents: 180_000,
      writeOffCents: 70_000,
      terms: "bonifico entro il 20/3",
    });
    expect(r.ok && r.entry.documents).toEqual([{ kind: "debt_acknowledgment", date: "2026-03-02" }]);
    expect(check({ outcome: "settlement", settlementAmount: "2.500" })).toEqual({
      ok: false,
      errors: { settlementAmount: "Un saldo e stralcio è inferiore al dovuto (€ 2.500,00)." },
    });
  });
  it("wants a date, not in the future, for signed documents", () => {
    expect(check({ outcome: "info", notes: "x", documents: ["restructuring_plan"] })).toEqual({
      ok: false,
      errors: { documentDate: t.documentDateRequired },
    });
    expect(
      check({ outcome: "info", notes: "x", documents: ["restructuring_plan"], documentDate: "2026-03-03" }),
    ).toEqual({
      ok: false,
      errors: { documentDate: t.documentDateFuture },
    });
  });
  it("normalizes new contacts, a mobile to `mobile`, and explains malformed ones", () => {
    const r = check({
      outcome: "not_reached",
      newPhone: "0039 333 1234567",
      newEmail: "Info@Rossi.IT",
      newPec: "rossi@pec.it",
    });
    expect(r.ok && r.entry.newContact).toEqual({
      mobile: "+39 333 123 4567",
      email: "info@rossi.it",
      pec: "rossi@pec.it",
    });
    expect(check({ outcome: "not_reached", newPhone: "02 1234 5678" })).toMatchObject({
      ok: true,
      entry: { newContact: { phone: "+39 02 12345678" } },
    });
    expect(
      check({
        outcome: "not_reached",
        newPhone: "+44 20 7946 0958",
        newEmail: "rossi@",
        newPec: "rossi@gmail.com",
      }),
    ).toEqual({
      ok: false,
      errors: { newPhone: t.phoneForeign, newEmail: t.emailInvalid, newPec: t.pecNotCertified },
    });
  });
  it("drops mood and sincerity when nobody was reached", () => {
    const r = check({ outcome: "not_reached", mood: "calm", sincerity: "3" });
    expect(r.ok && [r.entry.mood, r.entry.sincerity]).toEqual([null, null]);
  });
  it("wants a described dispute on invoices that are open", () => {
    expect(check({ outcome: "dispute", disputedInvoiceIds: ["11", "99"] })).toEqual({
      ok: false,
      errors: { disputedInvoices: t.disputedInvoiceUnknown, notes: t.disputeNotes },
    });
    const r = check({ outcome: "dispute", disputedInvoiceIds: ["12"], notes: "merce difettosa" });
    expect(r.ok && r.entry.disputedInvoiceIds).toEqual([12]);
  });
  it("wants the customer, the outcome and a sincerity from 1 to 5", () => {
    expect(validateLogDraft({ sincerity: "9" }, vctx, t)).toEqual({
      ok: false,
      errors: { customer: t.customerRequired, outcome: t.outcomeRequired, sincerity: t.sincerityInvalid },
    });
  });
});

describe("outcomeNeeds", () => {
  it("asks only what the outcome needs", () => {
    expect(outcomeNeeds("callback")).toEqual({
      promise: false,
      installments: false,
      callback: true,
      settlement: false,
      dispute: false,
      documents: false,
      reached: true,
    });
    expect(outcomeNeeds("wrong_number").reached).toBe(false);
    expect(outcomeNeeds("settlement").documents).toBe(true);
  });
});

describe("parseLogLine", () => {
  const today = "2026-03-02";
  it("reads an English amount the English way, and writes it back in English for the modal", () => {
    expect(parseLogLine("ROSSI promise 1,500 15/3", today, "en")).toEqual({
      kind: "complete",
      customerQuery: "ROSSI",
      draft: { outcome: "promise", channel: "phone", promiseAmount: "1,500.00", promiseDate: "2026-03-15" },
    });
  });
  it("reads a complete promise in either order, with notes", () => {
    expect(parseLogLine("ROSSI promessa 1.500 15/3", today)).toEqual({
      kind: "complete",
      customerQuery: "ROSSI",
      draft: { outcome: "promise", channel: "phone", promiseAmount: "1.500,00", promiseDate: "2026-03-15" },
    });
    expect(parseLogLine("rossi mario promessa 16/3 1500 bonifico", today)).toEqual({
      kind: "complete",
      customerQuery: "rossi mario",
      draft: {
        outcome: "promise",
        channel: "phone",
        promiseAmount: "1.500,00",
        promiseDate: "2026-03-16",
        notes: "bonifico",
      },
    });
    expect(parseLogLine("ROSSI promessa 1.500 16 marzo", today)).toMatchObject({
      kind: "complete",
      draft: { promiseDate: "2026-03-16" },
    });
  });
  it("reads a callback with a relative day and a time; a time alone is today", () => {
    expect(parseLogLine("ROSSI richiamare domani 10:30", today)).toEqual({
      kind: "complete",
      customerQuery: "ROSSI",
      draft: { outcome: "callback", channel: "phone", callbackDate: "2026-03-03", callbackTime: "10:30" },
    });
    expect(parseLogLine("ROSSI richiamare alle 15", today)).toMatchObject({
      kind: "complete",
      draft: { callbackDate: "2026-03-02", callbackTime: "15:00" },
    });
  });
  it("reads instalments as amount-date pairs", () => {
    expect(parseLogLine("ROSSI rate 500 16/3 700 16/4", today)).toMatchObject({
      kind: "complete",
      draft: {
        outcome: "installments",
        installments: [
          { amount: "500,00", date: "2026-03-16" },
          { amount: "700,00", date: "2026-04-16" },
        ],
      },
    });
  });
  it("does not guess: ambiguous or incomplete lines are partial with what was understood", () => {
    expect(parseLogLine("ROSSI promessa 15.3", today)).toMatchObject({
      kind: "partial",
      gap: "ambiguous",
      customerQuery: "ROSSI",
    });
    expect(parseLogLine("ROSSI promessa 1.500", today)).toMatchObject({
      kind: "partial",
      gap: "missing_date",
      draft: { promiseAmount: "1.500,00" },
    });
    expect(parseLogLine("ROSSI richiamare lunedì", today)).toMatchObject({
      kind: "partial",
      gap: "missing_time",
      draft: { callbackDate: "2026-03-09" },
    });
    expect(parseLogLine("ROSSI stralcio 3.000", today)).toMatchObject({
      kind: "partial",
      gap: "needs_form",
      draft: { outcome: "settlement", settlementAmount: "3.000,00" },
    });
    expect(parseLogLine("ROSSI BIANCHI", today)).toEqual({
      kind: "partial",
      customerQuery: "ROSSI BIANCHI",
      draft: {},
      gap: "no_outcome",
    });
    expect(parseLogLine("promessa 100 16/3", today)).toMatchObject({ kind: "partial", gap: "no_customer" });
    expect(parseLogLine("ROSSI contestazione", today)).toMatchObject({
      kind: "partial",
      gap: "missing_notes",
    });
    expect(parseLogLine("   ", today)).toEqual({ kind: "empty" });
  });
  it("knows the multi-word outcomes", () => {
    expect(parseLogLine("ROSSI non raggiunto", today)).toMatchObject({
      kind: "complete",
      draft: { outcome: "not_reached" },
    });
    expect(parseLogLine("ROSSI numero errato", today)).toMatchObject({
      kind: "complete",
      draft: { outcome: "wrong_number" },
    });
    expect(parseLogLine("ROSSI già pagato bonifico del 20/2", today)).toMatchObject({
      kind: "complete",
      draft: { outcome: "paid_already", notes: "bonifico del 20/2" },
    });
  });
});
