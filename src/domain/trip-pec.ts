// The certified email (PEC) that follows a visit ending in a promise: it records what was said and restates
// the credit position (invoices, amounts, due dates, the promised date and amount), so that it can hardly be
// contested later. In the company's language (CREDITO_COMPANY_LOCALE), with the formal "Lei" in Italian. Pure.

import type { Locale } from "../i18n";
import { pecRecapEn } from "../i18n/pec-recap.en";
import { pecRecapIt } from "../i18n/pec-recap.it";
import { formatDateShort, type IsoDate } from "./calendar";
import { exposure } from "./exposure";
import { type Cents, formatEuro } from "./money";
import { type Creditor, formatIban, paymentCausale } from "./reminder";

export interface PecRecapFacts {
  customer: { name: string; vatNumber: string | null };
  /** who was met, as logged */
  personReached: string | null;
  visitDate: IsoDate;
  collector: string;
  /** open invoices, oldest due first */
  invoices: { number: string; installment: number; issueDate: IsoDate; dueDate: IsoDate; openCents: Cents }[];
  /** the promise (one) or the instalments (two or more), in date order */
  promises: { amountCents: Cents; dueDate: IsoDate }[];
  today: IsoDate;
  /** the creditor company (CREDITO_COMPANY_*): named, with its payment instructions, when configured */
  creditor?: Creditor | null;
}

/** "... S.r.l." then a full stop: one, not two. */
const sentence = (s: string) => (s.endsWith(".") ? s : `${s}.`);

export function pecRecap(f: PecRecapFacts, locale: Locale = "it"): { subject: string; body: string } {
  const t = locale === "en" ? pecRecapEn : pecRecapIt;
  const euro = (c: Cents) => formatEuro(c, locale);
  const day = (d: IsoDate) => formatDateShort(d, locale);
  const owed = exposure(f.invoices, f.today);
  const subject = t.subject(day(f.visitDate), f.customer.name);
  const lines: string[] = [];
  lines.push(t.to(f.customer.name, f.customer.vatNumber));
  if (f.personReached) lines.push(t.attention(f.personReached));
  lines.push("");
  lines.push(t.opening(day(f.visitDate), f.collector, f.creditor ? sentence(f.creditor.name) : null));
  lines.push("");
  lines.push(t.openInvoices(day(f.today)));
  for (const i of f.invoices) {
    const label = i.installment > 1 ? t.installment(i.number, i.installment) : i.number;
    lines.push(t.invoice(label, day(i.issueDate), i.dueDate < f.today, day(i.dueDate), euro(i.openCents)));
  }
  lines.push(t.total(euro(owed.openCents), owed.overdueInvoices > 0 ? euro(owed.overdueCents) : null));
  lines.push("");
  const [first] = f.promises;
  if (f.promises.length === 1 && first) {
    lines.push(t.promise(euro(first.amountCents), day(first.dueDate)));
  } else if (f.promises.length > 1) {
    lines.push(t.plan);
    for (const p of f.promises) lines.push(t.planRow(euro(p.amountCents), day(p.dueDate)));
  }
  if (f.creditor) {
    lines.push(t.awaitingTransfer);
    lines.push(`${t.beneficiary}: ${f.creditor.name}`);
    lines.push(`IBAN: ${formatIban(f.creditor.iban)}`);
    lines.push(`${t.causale}: ${paymentCausale(f.invoices, locale)}`);
    lines.push("");
  } else lines.push(t.awaiting);
  lines.push(t.interest);
  lines.push("");
  lines.push(t.remarks);
  lines.push("");
  lines.push(t.regards);
  lines.push(f.collector);
  lines.push(f.creditor?.signature ?? t.signature);
  if (f.creditor) lines.push(`${f.creditor.name} - ${f.creditor.address} - ${t.vat} ${f.creditor.vatNumber}`);
  return { subject, body: lines.join("\n") };
}
