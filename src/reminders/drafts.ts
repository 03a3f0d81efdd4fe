import type { AppContext } from "../context";
import type { Db, Tx } from "../db/client";
import type { IsoDate } from "../domain/calendar";
import {
  type InvoiceSelection,
  type ReminderFigures,
  type ReminderMedium,
  type ReminderStep,
  reminderFigures,
  reminderMedium,
  reminderValues,
  STEP_RULES,
  selectReminderInvoices,
} from "../domain/reminder";
import type { Locale } from "../i18n";
import { reminderMessages } from "../i18n/reminders";
import { loadCaseCosts } from "../services/cases/case-costs";
import { loadReferenceRates } from "../services/cases/dossier";
import { renderStatementPdf } from "./statement-pdf";
import { loadTemplate, renderTemplate } from "./templates";

/** Everything a reminder to one customer says on `today`, before anyone edits it. */
export interface ReminderDraft {
  customerId: number;
  customerName: string;
  customerCode: string;
  customerVat: string | null;
  step: ReminderStep;
  medium: ReminderMedium;
  recipient: string | null;
  postalAddress: string | null;
  subject: string;
  body: string;
  attachmentName: string;
  selection: InvoiceSelection;
  figures: ReminderFigures;
  preserveRelationship: boolean;
  salespersonSlackId: string | null;
  salespersonName: string | null;
}

export function postalAddress(c: {
  address: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
}): string | null {
  const town = [c.postalCode, c.city, c.province ? `(${c.province})` : null].filter(Boolean).join(" ");
  return [c.address, town].filter(Boolean).join(", ") || null;
}

export function attachmentFileName(
  code: string,
  today: IsoDate,
  medium: ReminderMedium,
  locale: Locale = "it",
): string {
  const name =
    locale === "en"
      ? { letter: "letter", statement: "statement" }
      : { letter: "lettera", statement: "estratto-conto" };
  return `${medium === "letter" ? name.letter : name.statement}-${code.replace(/[^A-Za-z0-9_-]+/g, "_")}-${today}.pdf`;
}

/**
 * The draft of the `step` reminder to a customer: the invoices it lists (overdue, not disputed, not covered by
 * a running promise), the figures, the medium and recipient, the filled template. Null when nothing is due.
 */
export async function buildDraft(
  ctx: AppContext,
  db: Db | Tx,
  input: { customerId: number; step: ReminderStep; collector: string; cadenceChannel?: string },
  today: IsoDate,
): Promise<ReminderDraft | null> {
  const company = ctx.config.company;
  if (!company) throw new Error("company settings missing");
  const c = await db.customer.findUniqueOrThrow({
    where: { id: input.customerId },
    include: {
      salesperson: true,
      invoices: { where: { status: { in: ["open", "disputed"] }, openCents: { gt: 0 } } },
      promises: { where: { status: "open" } },
    },
  });
  const selection = selectReminderInvoices(c.invoices, c.promises, today);
  if (selection.included.length === 0) return null;
  const rates = await loadReferenceRates(db);
  const costs = await loadCaseCosts(db, { customerId: c.id });
  const figures = reminderFigures(selection.included, input.step, today, rates, costs.totalCents);
  const { medium, recipient } = reminderMedium(input.step, c, input.cadenceChannel);
  const address = postalAddress(c);
  // what goes to the customer is in the company's language (CREDITO_COMPANY_LOCALE), not the team's
  const locale = ctx.config.companyLocale;
  const values = reminderValues(
    {
      step: input.step,
      today,
      customer: { name: c.name, vatNumber: c.vatNumber, address },
      creditor: company,
      collector: input.collector,
      invoices: selection.included,
      figures,
    },
    locale,
  );
  const { subject, body } = renderTemplate(
    loadTemplate(ctx.config.reminders.templatesDir, input.step, locale),
    values,
  );
  return {
    customerId: c.id,
    customerName: c.name,
    customerCode: c.code,
    step: input.step,
    medium,
    recipient,
    postalAddress: address,
    subject,
    body,
    attachmentName: attachmentFileName(c.code, today, medium, locale),
    customerVat: c.vatNumber,
    selection,
    figures,
    preserveRelationship: c.preserveRelationship,
    salespersonSlackId: c.salesperson?.active ? c.salesperson.slackUserId : null,
    salespersonName: c.salesperson?.name ?? null,
  };
}

/** The PDF that goes with a reminder: the statement of account, with the letter first when it is posted. */
export async function draftPdf(
  ctx: AppContext,
  draft: ReminderDraft,
  today: IsoDate,
  letter?: { subject: string; body: string },
): Promise<Buffer> {
  const company = ctx.config.company;
  if (!company) throw new Error("company settings missing");
  return renderStatementPdf(
    {
      today,
      creditor: company,
      customer: {
        name: draft.customerName,
        vatNumber: draft.customerVat,
        address: draft.postalAddress,
      },
      invoices: draft.selection.included,
      figures: draft.figures,
      chargesInterest: STEP_RULES[draft.step].chargesInterest,
      ...(letter ? { letter: { ...letter, medium: "letter" as const } } : {}),
    },
    reminderMessages(ctx.config.companyLocale),
    ctx.config.companyLocale,
  );
}
