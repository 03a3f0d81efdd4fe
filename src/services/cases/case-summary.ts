import { z } from "zod";
import { generateStructured } from "../../ai/client";
import type { AppContext } from "../../context";
import type { Db, Tx } from "../../db/client";
import type { IsoDate } from "../../domain/calendar";
import type { SummarySource } from "../../domain/cards";
import { type CaseSummary, type CaseSummaryFacts, deterministicCaseSummary } from "../../domain/case-summary";
import { messages } from "../../i18n";
import { contactNotes } from "../../i18n/contact-notes";
import { customerPosition } from "../customers/customers";
import { loadReminderContacts } from "../customers/reminder-contacts";

const field = z.string().trim().min(1).max(600);
export const caseSummarySchema = z.object({
  position: field,
  history: field,
  promises: field,
  nextStep: field,
});

export async function caseSummaryFacts(
  ctx: Pick<AppContext, "config">,
  db: Db | Tx,
  caseId: number,
  today: IsoDate,
): Promise<CaseSummaryFacts> {
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId } });
  const p = await customerPosition(db, c.customerId, today);
  if (!p) throw new Error(`case ${caseId}: customer not found`);
  const [interactions, promises, callbacks, approvals, threadMessages] = await Promise.all([
    db.interaction.findMany({
      where: { customerId: c.customerId },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: 50,
      include: { member: true },
    }),
    db.paymentPromise.findMany({
      where: { customerId: c.customerId, status: { not: "cancelled" } },
      orderBy: { dueDate: "asc" },
    }),
    db.callback.findMany({ where: { customerId: c.customerId, status: "open" }, orderBy: { at: "asc" } }),
    db.approvalRequest.findMany({ where: { caseId, status: "pending" }, orderBy: { id: "asc" } }),
    db.caseMessage.count({ where: { caseId } }),
  ]);
  const reminders = await loadReminderContacts(
    db,
    interactions.map((i) => i.id),
    ctx.config.timeZone,
  );
  return {
    today,
    customer: {
      name: p.name,
      code: p.code,
      creditHold: p.creditHold,
      preserveRelationship: p.preserveRelationship,
    },
    stage: c.stage,
    closed: c.closedOn !== null,
    closeReason: c.closeReason,
    openCents: p.openCents,
    overdueCents: p.overdueCents,
    daysOverdue: p.daysOverdue,
    openInvoices: p.openInvoices.length,
    interactions: interactions.map((i) => ({
      date: i.date,
      channel: i.channel,
      outcome: i.outcome,
      by: i.member?.name ?? null,
      notes: contactNotes({ notes: i.notes, reminder: reminders.get(i.id) }, ctx.config.locale),
    })),
    promises: promises.map((x) => ({ amountCents: x.amountCents, dueDate: x.dueDate, status: x.status })),
    openCallbacks: callbacks.map((x) => ({ date: x.date, time: x.time })),
    pendingApprovals: approvals.map((a) => a.kind),
    threadMessages,
    rules: { agencyDays: ctx.config.rules.agencyDays, recontactMinDays: ctx.config.rules.recontactMinDays },
  };
}

/**
 * The case summary: from the AI when OPENAI_API_KEY is set and it answers validly, otherwise the
 * deterministic one ("fallback" when the AI was configured but failed, so the message can say so).
 */
export async function summarizeCase(
  ctx: AppContext,
  caseId: number,
  today: IsoDate,
): Promise<{ summary: CaseSummary; source: SummarySource; customerName: string }> {
  const locale = ctx.config.locale;
  const facts = await caseSummaryFacts(ctx, ctx.db, caseId, today);
  const baseline = deterministicCaseSummary(facts, messages(locale), locale);
  if (!ctx.config.openai.apiKey)
    return { summary: baseline, source: "deterministic", customerName: facts.customer.name };
  const ai = await generateStructured(ctx, {
    prompt: "case-summary.md",
    input: { locale, facts, baseline },
    schema: caseSummarySchema,
  });
  return ai
    ? { summary: ai, source: "ai", customerName: facts.customer.name }
    : { summary: baseline, source: "fallback", customerName: facts.customer.name };
}
