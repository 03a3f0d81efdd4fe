// Why a task is on the list and what to do about it, as data: a code and its typed parameters. The task
// engine, the trip debrief and the bank import produce these; the message builders render them through the
// catalogues (src/i18n/tasks.*.ts) in the reader's locale, at display time, so a stored follow-up written
// in Italian shows in English when the locale changes. "text" keeps a sentence as it is: the team's own
// words, and follow-ups stored as sentences before migration 0010.

import type { CadenceChannel, CadenceTone } from "./cadence";
import type { IsoDate } from "./calendar";
import type { ApprovalKind } from "./cases";

/** Who to hear before a hard step on a relationship-preservation customer (no name: "the salesperson"). */
export interface PreserveWith {
  salesperson?: string;
}

/** Why a task is on the list. Amounts in cents, dates ISO: the catalogue formats them for the reader. */
export type TaskReason =
  | { code: "text"; text: string }
  | { code: "promise_broken"; amountCents: number; due: IsoDate }
  | { code: "promise_partial"; amountCents: number; due: IsoDate; missingCents: number }
  | { code: "promise_due"; missingCents: number; due: IsoDate; today: boolean }
  | { code: "callback"; note?: string; date?: IsoDate; time?: string }
  | { code: "cadence_waiting"; channel: CadenceChannel; tone: CadenceTone; salesperson?: string }
  | { code: "cadence"; channel: CadenceChannel; tone: CadenceTone; salesOk?: PreserveWith }
  | { code: "recontact"; days: number; contacted: boolean; limitDays?: number }
  | { code: "credit_hold"; days: number; thresholdDays: number; preserve?: PreserveWith }
  | { code: "credit_release"; thresholdDays: number }
  | { code: "agency_ready"; days: number; thresholdDays: number; preserve?: PreserveWith }
  | { code: "legal_ready"; refusedOn: IsoDate; preserve?: PreserveWith }
  | { code: "approval_pending"; kind: ApprovalKind; amountCents?: number; requestedOn: IsoDate }
  /** a stored follow-up not done on its day: the reason, and since when */
  | { code: "since"; reason: TaskReason; since: IsoDate }
  | { code: "trip_call_new_number"; area: string; number: string }
  | { code: "trip_legal"; area: string }
  /** proposal: "settlement" | "installments" | a free text */
  | { code: "trip_verify_proposal"; area: string; proposal: string }
  /** outcome: an outcome code ("promise", "not_reached", ...) or a free text */
  | { code: "trip_keep_contact"; area: string; outcome: string }
  /** returned: "riba_returned" | "sdd_returned" */
  | { code: "bank_returned"; returned: string; amountCents: number; invoices: string[]; feeCents: number };

export type TaskAction =
  | { code: "text"; text: string }
  | { code: "call_for_balance" }
  | { code: "call_for_promise" }
  | { code: "check_payment"; until: IsoDate }
  | { code: "call_back_at"; time: string }
  | { code: "call_back_soon" }
  | { code: "ask_salesperson"; salesperson?: string }
  | { code: "tone"; tone: CadenceTone }
  | { code: "recontact"; urgent: boolean }
  | { code: "suspend_credit" }
  | { code: "release_credit" }
  | { code: "prepare_dossier" }
  | { code: "ask_legal_approval" }
  | { code: "approve_or_reject" }
  | { code: "trip_call_new_number"; number: string }
  | { code: "trip_legal" }
  | { code: "trip_verify_proposal" }
  | { code: "trip_keep_contact" }
  | { code: "bank_returned" };

export type TaskReasonCode = TaskReason["code"];
export type TaskActionCode = TaskAction["code"];

/** A free sentence as a reason or an action. */
export function textReason(text: string): TaskReason {
  return { code: "text", text };
}

export function textAction(text: string): TaskAction {
  return { code: "text", text };
}

const REASON_CODES: ReadonlySet<string> = new Set<TaskReasonCode>([
  "text",
  "promise_broken",
  "promise_partial",
  "promise_due",
  "callback",
  "cadence_waiting",
  "cadence",
  "recontact",
  "credit_hold",
  "credit_release",
  "agency_ready",
  "legal_ready",
  "approval_pending",
  "since",
  "trip_call_new_number",
  "trip_legal",
  "trip_verify_proposal",
  "trip_keep_contact",
  "bank_returned",
]);

const ACTION_CODES: ReadonlySet<string> = new Set<TaskActionCode>([
  "text",
  "call_for_balance",
  "call_for_promise",
  "check_payment",
  "call_back_at",
  "call_back_soon",
  "ask_salesperson",
  "tone",
  "recontact",
  "suspend_credit",
  "release_credit",
  "prepare_dossier",
  "ask_legal_approval",
  "approve_or_reject",
  "trip_call_new_number",
  "trip_legal",
  "trip_verify_proposal",
  "trip_keep_contact",
  "bank_returned",
]);

/** What a follow-up row keeps in DailyTask.detail (JSON): its reason and action as data. */
export interface StoredTaskText {
  reason: TaskReason;
  action: TaskAction;
}

export function storeTaskText(text: StoredTaskText): string {
  return JSON.stringify({ reason: text.reason, action: text.action });
}

function hasCode(value: unknown, codes: ReadonlySet<string>): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    codes.has((value as { code: string }).code)
  );
}

/**
 * A follow-up row's reason and action: from its JSON detail when it has one with known codes, else its
 * stored sentences as they are (rows written before 0010, or by a newer version with codes unknown here).
 */
export function readTaskText(
  detail: string | null | undefined,
  reason: string,
  action: string,
): StoredTaskText {
  if (detail) {
    try {
      const parsed = JSON.parse(detail) as { reason?: unknown; action?: unknown };
      if (hasCode(parsed.reason, REASON_CODES) && hasCode(parsed.action, ACTION_CODES))
        return { reason: parsed.reason as TaskReason, action: parsed.action as TaskAction };
    } catch {
      // not JSON: fall back to the sentences
    }
  }
  return { reason: textReason(reason), action: textAction(action) };
}
