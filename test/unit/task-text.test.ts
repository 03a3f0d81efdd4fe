import { describe, expect, it } from "vitest";
import {
  readTaskText,
  storeTaskText,
  type TaskAction,
  type TaskActionCode,
  type TaskReason,
  type TaskReasonCode,
} from "../../src/domain/task-text";
import { renderAction, renderReason } from "../../src/i18n/tasks";

// One sample per code (a Record, so a new code without a sample fails type checking), rendered both ways.
const REASONS: { [C in TaskReasonCode]: Extract<TaskReason, { code: C }> } = {
  text: { code: "text", text: "Sentence kept as written" },
  promise_broken: { code: "promise_broken", amountCents: 1_342_000, due: "2026-11-20" },
  promise_partial: {
    code: "promise_partial",
    amountCents: 500_000,
    due: "2026-02-23",
    missingCents: 300_000,
  },
  promise_due: { code: "promise_due", missingCents: 123_456, due: "2026-12-01", today: false },
  callback: { code: "callback", date: "2026-12-01", time: "10:30" },
  cadence_waiting: { code: "cadence_waiting", channel: "pec", tone: "formal", salesperson: "Sara" },
  cadence: { code: "cadence", channel: "phone", tone: "firm", salesOk: {} },
  recontact: { code: "recontact", days: 41, contacted: true, limitDays: 40 },
  credit_hold: { code: "credit_hold", days: 31, thresholdDays: 30, preserve: {} },
  credit_release: { code: "credit_release", thresholdDays: 30 },
  agency_ready: { code: "agency_ready", days: 50, thresholdDays: 45 },
  legal_ready: { code: "legal_ready", refusedOn: "2026-12-11" },
  approval_pending: {
    code: "approval_pending",
    kind: "settlement",
    amountCents: 1_195_800,
    requestedOn: "2026-03-02",
  },
  since: { code: "since", reason: { code: "trip_legal", area: "NA" }, since: "2026-03-01" },
  trip_call_new_number: { code: "trip_call_new_number", area: "NA", number: "333 1234567" },
  trip_legal: { code: "trip_legal", area: "NA" },
  trip_verify_proposal: { code: "trip_verify_proposal", area: "NA", proposal: "installments" },
  trip_keep_contact: { code: "trip_keep_contact", area: "NA", outcome: "not_reached" },
  bank_returned: {
    code: "bank_returned",
    returned: "sdd_returned",
    amountCents: 244_000,
    invoices: ["FT 1"],
    feeCents: 850,
  },
};

const ACTIONS: { [C in TaskActionCode]: Extract<TaskAction, { code: C }> } = {
  text: { code: "text", text: "Do as written" },
  call_for_balance: { code: "call_for_balance" },
  call_for_promise: { code: "call_for_promise" },
  check_payment: { code: "check_payment", until: "2026-12-03" },
  call_back_at: { code: "call_back_at", time: "10:30" },
  call_back_soon: { code: "call_back_soon" },
  ask_salesperson: { code: "ask_salesperson" },
  tone: { code: "tone", tone: "final" },
  recontact: { code: "recontact", urgent: true },
  suspend_credit: { code: "suspend_credit" },
  release_credit: { code: "release_credit" },
  prepare_dossier: { code: "prepare_dossier" },
  ask_legal_approval: { code: "ask_legal_approval" },
  approve_or_reject: { code: "approve_or_reject" },
  trip_call_new_number: { code: "trip_call_new_number", number: "333 1234567" },
  trip_legal: { code: "trip_legal" },
  trip_verify_proposal: { code: "trip_verify_proposal" },
  trip_keep_contact: { code: "trip_keep_contact" },
  bank_returned: { code: "bank_returned" },
};

const ITALIAN =
  /\b(Promessa|scadut[oi]|scadenza|Chiamare|giorni|gg|fattura|Richiesta|Sospendere|Riattivare|fido|soglia|giro)\b|\d,\d{2}\b/i;
const ENGLISH = /\b(overdue|Call|days?|invoice|promise|threshold|trip|credit line)\b|\d\.\d{2}\b/i;

describe("task reasons and actions rendered by locale", () => {
  it("has English for every code, with no Italian word or number format left", () => {
    for (const r of Object.values(REASONS)) {
      if (r.code === "text") continue;
      expect(renderReason(r, "en"), r.code).not.toMatch(ITALIAN);
    }
    for (const a of Object.values(ACTIONS)) {
      if (a.code !== "text") expect(renderAction(a, "en"), a.code).not.toMatch(ITALIAN);
    }
  });

  it("has Italian for every code, with no English word or number format left", () => {
    for (const r of Object.values(REASONS)) {
      if (r.code !== "text") expect(renderReason(r, "it"), r.code).not.toMatch(ENGLISH);
    }
    for (const a of Object.values(ACTIONS)) {
      if (a.code !== "text") expect(renderAction(a, "it"), a.code).not.toMatch(ENGLISH);
    }
  });

  it("writes amounts, dates and counted days by locale", () => {
    expect(renderReason(REASONS.promise_broken, "it")).toBe(
      "Promessa di € 13.420,00 del 20 nov non mantenuta",
    );
    expect(renderReason(REASONS.promise_broken, "en")).toBe("Promise of €13,420.00 due 20 Nov not kept");
    expect(renderReason(REASONS.recontact, "it")).toBe("Ultimo contatto 41 giorni fa, oltre il limite di 40");
    expect(renderReason(REASONS.recontact, "en")).toBe("Last contact 41 days ago, beyond the limit of 40");
    expect(renderReason({ code: "credit_hold", days: 1, thresholdDays: 0 }, "en")).toBe(
      "Invoice 1 day overdue (threshold 0): credit line still open",
    );
    expect(renderReason(REASONS.legal_ready, "it")).toBe(
      "Rifiuto di pagare dell'11 dic: proposta di passaggio al legale",
    );
    expect(renderReason(REASONS.since, "it")).toBe("Rifiuto totale alla visita (giro NA) (dall'1 mar)");
    expect(renderReason(REASONS.since, "en")).toBe("Total refusal at the visit (NA trip) (since 1 Mar)");
    expect(renderAction(ACTIONS.ask_salesperson, "it")).toBe("Chiedere al commerciale l'ok o un'obiezione");
    expect(renderReason(REASONS.cadence, "it")).toBe("Telefonata di sollecito (ok del commerciale)");
  });

  it("keeps a stored follow-up as data, and an old or unknown one as its sentences", () => {
    const stored = storeTaskText({ reason: REASONS.trip_legal, action: ACTIONS.trip_legal });
    expect(readTaskText(stored, "x", "y")).toEqual({
      reason: REASONS.trip_legal,
      action: ACTIONS.trip_legal,
    });
    const sentences = {
      reason: { code: "text", text: "Vecchio motivo" },
      action: { code: "text", text: "Fare" },
    };
    expect(readTaskText(null, "Vecchio motivo", "Fare")).toEqual(sentences);
    expect(readTaskText("not json", "Vecchio motivo", "Fare")).toEqual(sentences);
    expect(
      readTaskText(
        '{"reason":{"code":"from_the_future"},"action":{"code":"trip_legal"}}',
        "Vecchio motivo",
        "Fare",
      ),
    ).toEqual(sentences);
  });
});
