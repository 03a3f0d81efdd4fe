// Written reminders (solleciti): which invoices a reminder lists, its figures for the step, the payment
// instructions and the values its template is filled with. Pure: today and the rate table are passed in.

import type { CadenceStep } from "./cadence";
import { addDays, formatDateShort, type IsoDate } from "./calendar";
import { type InvoicesInterestResult, lateInterestForInvoices, type ReferenceRate } from "./interest";
import { type Cents, formatEuro } from "./money";

/** The written steps, softest first. The diffida (art. 1454 c.c.) also ends the contract: chosen on purpose only. */
export type ReminderStep = "courtesy" | "firm" | "formal_notice" | "final_notice" | "diffida";
export const REMINDER_STEPS: readonly ReminderStep[] = [
  "courtesy",
  "firm",
  "formal_notice",
  "final_notice",
  "diffida",
];

export type ReminderMedium = "email" | "pec" | "letter";
/** Who must agree before it leaves: a 🤝 customer's salesperson comes on top of this. */
export type ReminderApprover = "admin" | "owner";

export interface StepRule {
  /** D.Lgs. 231/2002 interest to date and the € 40 per invoice (art. 6) are stated */
  chargesInterest: boolean;
  /** days the customer is given to pay, counted from receipt */
  termDays: number | null;
  /** the medium it is meant for; the customer's addresses decide the fallback */
  medium: ReminderMedium;
  approver: ReminderApprover | null;
}

export const STEP_RULES: Readonly<Record<ReminderStep, StepRule>> = {
  courtesy: { chargesInterest: false, termDays: null, medium: "email", approver: null },
  firm: { chargesInterest: false, termDays: 10, medium: "email", approver: null },
  formal_notice: { chargesInterest: true, termDays: 15, medium: "pec", approver: "admin" },
  final_notice: { chargesInterest: true, termDays: 15, medium: "pec", approver: "owner" },
  diffida: { chargesInterest: true, termDays: 15, medium: "pec", approver: "owner" },
};

/** The reminder a cadence step calls for: null for a call or a visit. Never the diffida: that one is chosen. */
export function reminderStepFor(step: Pick<CadenceStep, "channel" | "tone">): ReminderStep | null {
  if (step.channel !== "email" && step.channel !== "pec" && step.channel !== "letter") return null;
  switch (step.tone) {
    case "friendly":
      return "courtesy";
    case "firm":
      return "firm";
    case "formal":
      return "formal_notice";
    case "final":
      return "final_notice";
  }
}

/**
 * The step to propose when there is no cadence step to go by (customer card, case thread): the step after
 * the hardest one already sent, the courteous email if none. Never past the final notice.
 */
export function nextReminderStep(sent: readonly ReminderStep[]): ReminderStep {
  const hardest = Math.max(-1, ...sent.filter((s) => s !== "diffida").map((s) => REMINDER_STEPS.indexOf(s)));
  return REMINDER_STEPS[Math.min(hardest + 1, REMINDER_STEPS.indexOf("final_notice"))]!;
}

/**
 * How it goes out: a step meant for email uses the email address, else the PEC; a formal step uses the PEC;
 * with neither (or a letter step) it is a letter to post.
 */
export function reminderMedium(
  step: ReminderStep,
  customer: { email: string | null; pec: string | null },
  cadenceChannel?: string,
): { medium: ReminderMedium; recipient: string | null } {
  if (cadenceChannel === "letter") return { medium: "letter", recipient: null };
  const rule = STEP_RULES[step];
  if (rule.medium === "email" && customer.email) return { medium: "email", recipient: customer.email };
  if (customer.pec) return { medium: "pec", recipient: customer.pec };
  return { medium: "letter", recipient: null };
}

export interface ReminderInvoice {
  number: string;
  installment: number;
  issueDate: IsoDate;
  dueDate: IsoDate;
  openCents: Cents;
  /** open | disputed | paid | written_off */
  status: string;
}

export interface ReminderPromise {
  amountCents: Cents;
  paidCents: Cents;
  dueDate: IsoDate;
  /** open | kept | partial | broken | cancelled */
  status: string;
}

export interface InvoiceSelection {
  included: ReminderInvoice[];
  disputed: ReminderInvoice[];
  /** covered by a promise still running: asking for them again would break our own word */
  promised: ReminderInvoice[];
}

/**
 * The invoices one reminder lists: every overdue one, oldest first, except the disputed ones and those an
 * open promise (not yet due) covers. A promise covers the oldest invoices its missing amount pays in full.
 */
export function selectReminderInvoices(
  invoices: readonly ReminderInvoice[],
  promises: readonly ReminderPromise[],
  today: IsoDate,
): InvoiceSelection {
  const overdue = invoices
    .filter((i) => i.openCents > 0 && i.dueDate < today && (i.status === "open" || i.status === "disputed"))
    .sort((a, b) =>
      a.dueDate !== b.dueDate ? (a.dueDate < b.dueDate ? -1 : 1) : a.number.localeCompare(b.number),
    );
  let promisedCents = promises
    .filter((p) => p.status === "open" && p.dueDate >= today)
    .reduce((s, p) => s + Math.max(0, p.amountCents - p.paidCents), 0);
  const selection: InvoiceSelection = { included: [], disputed: [], promised: [] };
  for (const inv of overdue) {
    if (inv.status === "disputed") selection.disputed.push(inv);
    else if (promisedCents >= inv.openCents) {
      promisedCents -= inv.openCents;
      selection.promised.push(inv);
    } else selection.included.push(inv);
  }
  return selection;
}

export interface ReminderFigures {
  overdueCents: Cents;
  /** zero where the step does not charge them */
  interestCents: Cents;
  recoveryCostCents: Cents;
  /** the bank fees of returned RiBa/SDD the case bore, claimed with the interest (zero where it is not) */
  bankCostsCents: Cents;
  totalCents: Cents;
  /** always computed (the statement of account shows it), in `included` order */
  interest: InvoicesInterestResult;
}

/**
 * The same figures as the dossier (lateInterestForInvoices to today) for the listed invoices. The case's bank
 * fees (`caseCostsCents`) are claimed where the step claims interest and the € 40: from the messa in mora on,
 * as the dossier's total claimable; the courteous steps ask for the capital only.
 */
export function reminderFigures(
  included: readonly ReminderInvoice[],
  step: ReminderStep,
  today: IsoDate,
  rates: readonly ReferenceRate[],
  caseCostsCents: Cents = 0,
): ReminderFigures {
  const interest = lateInterestForInvoices(
    included.map((i) => ({ openCents: i.openCents, dueDate: i.dueDate })),
    today,
    rates,
  );
  const charges = STEP_RULES[step].chargesInterest;
  const interestCents = charges ? interest.interestCents : 0;
  const recoveryCostCents = charges ? interest.recoveryCostCents : 0;
  const bankCostsCents = charges ? caseCostsCents : 0;
  return {
    overdueCents: interest.openCents,
    interestCents,
    recoveryCostCents,
    bankCostsCents,
    totalCents: interest.openCents + interestCents + recoveryCostCents + bankCostsCents,
    interest,
  };
}

export const invoiceLabel = (i: Pick<ReminderInvoice, "number" | "installment">) =>
  i.installment > 1 ? `${i.number}/${i.installment}` : i.number;

/** SEPA allows 140 characters of remittance information. */
const CAUSALE_MAX = 140;

/** "Saldo fatture n. 12/2026, 15/2026" (the bank's causale), shortened to fit SEPA's 140 characters. */
export function paymentCausale(
  invoices: readonly Pick<ReminderInvoice, "number" | "installment">[],
  locale: "it" | "en",
): string {
  const head =
    locale === "it" ? (invoices.length === 1 ? "Saldo fattura n." : "Saldo fatture n.") : "Invoice";
  const labels = [...new Set(invoices.map((i) => i.number))];
  for (let n = labels.length; n >= 1; n--) {
    const rest = labels.length - n;
    const tail = rest === 0 ? "" : locale === "it" ? ` e altre ${rest}` : ` and ${rest} more`;
    const text = `${head} ${labels.slice(0, n).join(", ")}${tail}`;
    if (text.length <= CAUSALE_MAX) return text;
  }
  return `${head} ${labels[0] ?? ""}`.slice(0, CAUSALE_MAX);
}

/**
 * The EPC QR code's text (EPC069-12, version 002, SEPA credit transfer): what banking apps read to fill in a
 * transfer. Null when the amount is outside what the standard allows.
 */
export function epcQrPayload(p: {
  name: string;
  iban: string;
  amountCents: Cents;
  causale: string;
}): string | null {
  if (p.amountCents < 1 || p.amountCents > 99_999_999_999) return null;
  const amount = `EUR${Math.floor(p.amountCents / 100)}.${String(p.amountCents % 100).padStart(2, "0")}`;
  return [
    "BCD",
    "002",
    "1",
    "SCT",
    "",
    p.name.slice(0, 70),
    p.iban,
    amount,
    "",
    "",
    p.causale.slice(0, 140),
  ].join("\n");
}

/** The creditor as it signs what goes to customers. */
export interface Creditor {
  name: string;
  address: string;
  vatNumber: string;
  iban: string;
  signature: string;
}

export interface ReminderFacts {
  step: ReminderStep;
  today: IsoDate;
  customer: { name: string; vatNumber: string | null; address: string | null };
  creditor: Creditor;
  collector: string;
  invoices: readonly ReminderInvoice[];
  figures: ReminderFigures;
}

/** Longer than this, the body would not fit Slack's editable field: the table then says "see attachment". */
export const MAX_TABLE_CHARS = 1500;

/** "IBAN IT60 X054 2811 1010 0000 0123 456" in groups of four, as people read and type it. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, "$1 ").trim();
}

/** Every placeholder a template may use, with what it holds (listed in the README). */
export const PLACEHOLDERS = {
  customer_name: "the customer's company name",
  customer_vat: "the customer's VAT number",
  customer_address: "the customer's address",
  today: "the date of the reminder",
  invoice_count: "how many invoices it lists",
  invoice_table: "one line per invoice: number, date, due date, open amount",
  overdue_total: "the overdue capital of the listed invoices",
  interest_total: "D.Lgs. 231/2002 interest on them to date",
  recovery_costs: "€ 40 per late invoice (art. 6)",
  bank_costs: "bank fees of returned RiBa/SDD the case bore (empty when none or not claimed)",
  total_due: "capital + interest + recovery costs + bank fees",
  amount_due: "what this step asks for: the capital, or the total where the step charges interest",
  term_days: "the days given to pay",
  term_date: "today + the term (for information; the term runs from receipt)",
  causale: "the bank transfer's causale with the invoice numbers",
  iban: "the creditor's IBAN, in groups of four",
  company_name: "the creditor company's name",
  company_address: "its registered office",
  company_vat: "its VAT number",
  signature: "the signature (CREDITO_COMPANY_SIGNATURE)",
  collector_name: "the team member who prepares it",
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

/** The values a template's {{placeholders}} take, in the customer-facing locale. */
export function reminderValues(f: ReminderFacts, locale: "it" | "en"): Record<Placeholder, string> {
  const euro = (c: Cents) => formatEuro(c, locale);
  const day = (d: IsoDate) => formatDateShort(d, locale);
  const rows = f.invoices.map((i) =>
    locale === "it"
      ? `- fattura n. ${invoiceLabel(i)} del ${day(i.issueDate)}, scaduta il ${day(i.dueDate)}: ${euro(i.openCents)}`
      : `- invoice no. ${invoiceLabel(i)} of ${day(i.issueDate)}, due on ${day(i.dueDate)}: ${euro(i.openCents)}`,
  );
  let table = rows.join("\n");
  if (table.length > MAX_TABLE_CHARS)
    table =
      locale === "it"
        ? `- ${f.invoices.length} fatture, elencate una per una nell'estratto conto allegato`
        : `- ${f.invoices.length} invoices, listed one by one in the attached statement of account`;
  const rule = STEP_RULES[f.step];
  const causale = paymentCausale(f.invoices, locale);
  const address = f.customer.address ?? "";
  return {
    customer_name: f.customer.name,
    customer_vat: f.customer.vatNumber ?? "",
    customer_address: address,
    today: day(f.today),
    invoice_count: String(f.invoices.length),
    invoice_table: table,
    overdue_total: euro(f.figures.overdueCents),
    interest_total: euro(f.figures.interest.interestCents),
    recovery_costs: euro(f.figures.interest.recoveryCostCents),
    bank_costs: f.figures.bankCostsCents > 0 ? euro(f.figures.bankCostsCents) : "",
    total_due: euro(f.figures.interest.totalCents + f.figures.bankCostsCents),
    amount_due: euro(f.figures.totalCents),
    term_days: String(rule.termDays ?? 15),
    term_date: day(addDays(f.today, rule.termDays ?? 15)),
    causale,
    iban: formatIban(f.creditor.iban),
    company_name: f.creditor.name,
    company_address: f.creditor.address,
    company_vat: f.creditor.vatNumber,
    signature: f.creditor.signature,
    collector_name: f.collector,
  };
}
