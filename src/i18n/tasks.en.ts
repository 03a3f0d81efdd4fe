import type { CadenceChannel, CadenceTone } from "../domain/cadence";
import type { PreserveWith } from "../domain/task-text";
import { count, dateCompact, money } from "./format";
import { proposalKindsEn } from "./labels.en";
import type { TaskCatalogue } from "./tasks";

/** English reasons and actions of the digest's tasks. */
const euro = (cents: number) => money(cents, "en");
const date = (iso: string) => dateCompact(iso, "en");
const days = (n: number) => count(n, { one: "day", other: "days" }, "en");
const preserve = (p?: PreserveWith) =>
  p ? ` (relationship to preserve: hear ${p.salesperson ?? "the salesperson"} first)` : "";

const CHANNEL_NOUN: Record<CadenceChannel, string> = {
  phone: "call",
  email: "email",
  pec: "PEC",
  letter: "letter",
  visit: "visit",
};

const written = (channel: CadenceChannel) => channel === "pec" || channel === "letter" || channel === "email";

function cadenceStep(channel: CadenceChannel, tone: CadenceTone): string {
  const noun = CHANNEL_NOUN[channel];
  switch (tone) {
    case "friendly":
      return `Courtesy ${noun}`;
    case "firm":
      return `Reminder ${noun}`;
    case "formal":
      return written(channel) ? `Formal notice by ${noun}` : `Formal ${noun}`;
    case "final":
      return written(channel) ? `Final demand by ${noun}` : `Last-warning ${noun}`;
  }
}

const TONE: Record<CadenceTone, string> = {
  friendly: "Friendly tone, ask for a precise payment date",
  firm: "Firm tone: amount and date, no more delays",
  formal: "Formal tone: notice of default with a deadline to pay",
  final: "Last warning: a deadline, then the agency or the lawyer",
};

const APPROVAL: Record<string, string> = {
  settlement: "settlement",
  agency: "passing to the agency",
  legal: "passing to the lawyer",
  write_off: "write-off",
};

const OUTCOME: Record<string, string> = {
  promise: "promise to pay",
  installments: "instalment plan",
  dispute: "dispute",
  refusal: "refusal",
  callback: "to call back",
  settlement: "settlement proposal",
  restructuring: "restructuring plan",
  not_reached: "not reached",
  wrong_number: "wrong number",
  paid_already: "says they already paid",
  info: "new information",
};

const RETURNED: Record<string, string> = {
  riba_returned: "RiBa returned unpaid",
  sdd_returned: "SDD returned",
};

export const tasksEn: TaskCatalogue = {
  cadenceStep,
  since: (reason, since) => `${reason} (since ${date(since)})`,
  reason: {
    text: (r) => r.text,
    promise_broken: (r) => `Promise of ${euro(r.amountCents)} due ${date(r.due)} not kept`,
    promise_partial: (r) =>
      `Promise of ${euro(r.amountCents)} due ${date(r.due)} partly kept: ${euro(r.missingCents)} missing`,
    promise_due: (r) => `Promise of ${euro(r.missingCents)} due ${r.today ? "today" : `on ${date(r.due)}`}`,
    callback: (r) => {
      const when = r.date ? `on ${date(r.date)} at ${r.time ?? ""}` : "";
      return r.note
        ? `${r.note}${when ? ` (booked ${when})` : ""}`
        : `Callback booked${when ? ` ${when}` : ""}`;
    },
    cadence_waiting: (r) =>
      `${cadenceStep(r.channel, r.tone)}: relationship to preserve, ${r.salesperson ?? "the salesperson"}'s ok first`,
    cadence: (r) =>
      `${cadenceStep(r.channel, r.tone)}${r.salesOk ? ` (ok from ${r.salesOk.salesperson ?? "the salesperson"})` : ""}`,
    recontact: (r) =>
      (r.contacted ? `Last contact ${days(r.days)} ago` : `No contact since it fell due (${days(r.days)})`) +
      (r.limitDays !== undefined ? `, beyond the limit of ${r.limitDays}` : ""),
    credit_hold: (r) =>
      `Invoice ${days(r.days)} overdue (threshold ${r.thresholdDays}): credit line still open${preserve(r.preserve)}`,
    credit_release: (r) => `Credit line on hold, no invoice more than ${days(r.thresholdDays)} overdue`,
    agency_ready: (r) =>
      `Ready for the agency: ${days(r.days)} late (threshold ${r.thresholdDays})${preserve(r.preserve)}`,
    legal_ready: (r) =>
      `Refused to pay on ${date(r.refusedOn)}: proposal to pass to the lawyer${preserve(r.preserve)}`,
    approval_pending: (r) => {
      const terms =
        r.kind === "settlement" && r.amountCents !== undefined ? ` (collecting ${euro(r.amountCents)})` : "";
      return `Request for ${APPROVAL[r.kind] ?? r.kind}${terms} made on ${date(r.requestedOn)}, awaiting the owner`;
    },
    trip_call_new_number: (r) => `New number from the ${r.area} trip: ${r.number}`,
    trip_legal: (r) => `Total refusal at the visit (${r.area} trip)`,
    trip_verify_proposal: (r) =>
      `Proposal from the ${r.area} trip: ${proposalKindsEn[r.proposal] ?? r.proposal}`,
    trip_keep_contact: (r) => `Visited on the ${r.area} trip: ${OUTCOME[r.outcome] ?? r.outcome}`,
    bank_returned: (r) => {
      const invoices = r.invoices.join(", ");
      return `${RETURNED[r.returned] ?? r.returned}${invoices ? ` ${invoices}` : ""}: ${euro(r.amountCents)}${r.feeCents > 0 ? ` (fee ${euro(r.feeCents)})` : ""}`;
    },
  },
  action: {
    text: (a) => a.text,
    call_for_balance: () => "Call now and ask for the balance",
    call_for_promise: () => "Call now and ask for the promised payment",
    check_payment: (a) => `Check the payment arrived (tolerance until ${date(a.until)})`,
    call_back_at: (a) => `Call back at ${a.time}`,
    call_back_soon: () => "Call back as soon as possible",
    ask_salesperson: (a) => `Ask ${a.salesperson ?? "the salesperson"} for an ok or an objection`,
    tone: (a) => TONE[a.tone],
    recontact: (a) => (a.urgent ? "Contact again today, no more delays" : "Contact again"),
    suspend_credit: () => "Put the credit line on hold",
    release_credit: () => "Reopen the credit line",
    prepare_dossier: () => "Prepare the dossier and ask for approval",
    ask_legal_approval: () => "Ask for approval to pass to the lawyer",
    approve_or_reject: () => "Approve or reject",
    trip_call_new_number: (a) => `Call ${a.number}`,
    trip_legal: () => "Pass to the lawyer: prepare the file",
    trip_verify_proposal: () => "Verify the proposal and get the owner to approve or reject it",
    trip_keep_contact: () => "Keep in contact: call and let them feel our presence",
    bank_returned: () => "Call the customer today: ask for a bank transfer and a precise date",
  },
};
