import type { AppContext } from "../../context";
import { today as todayOf } from "../../context";
import type { Db, Tx } from "../../db/client";
import { readerOf } from "../../db/reads";
import { unitOfWork } from "../../db/unit-of-work";
import { dateInZone, formatDateCompact, formatDateLong, type IsoDate } from "../../domain/calendar";
import type { LogEntry, ValidationContext } from "../../domain/log-entry";
import { formatEuro } from "../../domain/money";
import type { LogCustomer } from "../../domain/positions";
import { escapeMrkdwn } from "../../domain/text";
import type { Case, Customer } from "../../generated/prisma/client";
import { type Locale, type Messages, messages } from "../../i18n";
import { audit } from "../audit";
import { requestApproval } from "../cases/approvals";
import { setCaseStage } from "../cases/case-lifecycle";
import { openCase, postToCase, refreshCaseParent } from "../cases/cases";
import { customerPosition } from "../customers/customers";
import { customerExposure } from "../customers/exposure";
import type { Member } from "../team/team";
import { attachVisitToTrip } from "../trips/trips";

export async function loadLogCustomer(
  db: Db | Tx,
  customerId: number,
  today: IsoDate,
): Promise<LogCustomer | null> {
  const reader = readerOf(db);
  const [position, invoices] = await Promise.all([
    customerPosition(db, customerId, today),
    reader
      ? reader.all<LogCustomer["invoices"][number]>(
          `SELECT id, number, installment, dueDate, openCents, status FROM "Invoice"
           WHERE customerId = ? AND status IN ('open', 'disputed') AND openCents > 0
           ORDER BY dueDate ASC, id ASC`,
          customerId,
        )
      : db.invoice.findMany({
          where: { customerId, status: { in: ["open", "disputed"] }, openCents: { gt: 0 } },
          orderBy: [{ dueDate: "asc" }, { id: "asc" }],
          select: { id: true, number: true, installment: true, dueDate: true, openCents: true, status: true },
        }),
  ]);
  if (!position) return null;
  const open = position.openPromises.filter((p) => p.status === "open");
  const next = open[0];
  return {
    position,
    invoices,
    openPromise: next ? { amountCents: next.amountCents, dueDate: next.dueDate } : null,
  };
}

/** The facts a submission is validated against: today, now, what the customer owes, its open invoices. */
export function validationContextFor(ctx: AppContext, customer: LogCustomer | null): ValidationContext {
  return {
    today: todayOf(ctx),
    now: ctx.clock.now(),
    timeZone: ctx.config.timeZone,
    owedCents: customer?.position.openCents ?? 0,
    openInvoiceIds: customer?.invoices.filter((i) => i.status === "open").map((i) => i.id) ?? [],
    holidays: ctx.config.rules.extraHolidays,
    locale: ctx.config.locale,
  };
}

export interface LoggedOutcome {
  interactionId: number;
  caseId: number | null;
  customer: { id: number; code: string; name: string };
  promiseIds: number[];
  callbackId: number | null;
  documentIds: number[];
  approvalId: number | null;
  /** the compact line posted in the case thread (mrkdwn) */
  summary: string;
  /** what to do next, for the collector's confirmation (mrkdwn) */
  nextSteps: string[];
}

/**
 * Records a contact and everything it implies, in ONE transaction: the interaction; the promise (or the
 * instalments, replacing the promises still open); the callback (earlier callbacks due by now are done, a
 * new one replaces the future ones); the signed documents received; the new phone, mobile, email or PEC on
 * the customer (old values kept in the audit); disputed invoices; the case (opened when the customer owes
 * something) with its stage change and approval request (a settlement asks the owner; a refusal proposes
 * the lawyer); the audit entry; the summary line in the case thread and the refreshed parent message.
 * The outbox is kicked after the commit.
 *
 * Dispute (decided): the invoices chosen in the modal (preselected: the overdue ones) get status "disputed";
 * the digest stops chasing a customer with a disputed invoice or whose latest outcome is a dispute, and the
 * case stays open. Setting an invoice back to "open" when the dispute is resolved is not done here.
 */
export async function logOutcome(ctx: AppContext, entry: LogEntry, member: Member): Promise<LoggedOutcome> {
  const at = ctx.clock.now();
  return unitOfWork(ctx, (tx) => recordOutcome(ctx, tx, entry, member, at), { label: "log outcome" });
}

/** What the steps of one logged contact share. */
interface OutcomeUnit {
  ctx: AppContext;
  tx: Tx;
  entry: LogEntry;
  member: Member;
  day: IsoDate;
  customer: Customer;
  owedCents: number;
  /** the open case (opened now when the customer owes something) */
  kase: Case | null;
  interactionId: number;
}

/** The settlement as written: the write-off is what is owed now beyond the amount agreed. */
type WrittenSettlement = LogEntry["settlement"];

/**
 * logOutcome's writes inside the caller's transaction (the pending-submission drainer applies a kept
 * submission this way, marking it applied in the same transaction). `at`: when the collector submitted.
 * The caller's unit of work kicks the outbox after the commit. One step per part of the entry, then the
 * outcome's own step on the case (CASE_STEPS).
 */
export async function recordOutcome(
  ctx: AppContext,
  tx: Tx,
  entry: LogEntry,
  member: Member,
  at: Date,
): Promise<LoggedOutcome> {
  const u = await recordInteraction(ctx, tx, entry, member, at);
  const { promiseIds, cancelledPromises } = await recordPromises(u);
  const callbackId = await recordCallback(u);
  const documentIds = await recordDocuments(u);
  const contactChanges = await recordContactChanges(u);
  const disputed = await recordDisputes(u);
  const settlement: WrittenSettlement = entry.settlement && {
    amountCents: entry.settlement.amountCents,
    writeOffCents: Math.max(0, u.owedCents - entry.settlement.amountCents),
    terms: entry.settlement.terms,
  };
  await audit(tx, {
    actor: member.slackUserId,
    action: "log_outcome",
    caseId: u.kase?.id ?? null,
    customerId: u.customer.id,
    detail: {
      interactionId: u.interactionId,
      channel: entry.channel,
      outcome: entry.outcome,
      promises: entry.promises,
      cancelledPromises,
      callback: entry.callback && { date: entry.callback.date, time: entry.callback.time },
      documents: entry.documents,
      disputedInvoiceIds: entry.disputedInvoiceIds,
      settlement,
      contactChanges,
    },
  });
  const locale = ctx.config.locale;
  const t = messages(locale);
  const changed = Object.keys(contactChanges);
  const summary = summarizeOutcome(
    { ...entry, settlement },
    { disputed, actor: member.slackUserId, contactChanges: changed },
    t,
    locale,
  );
  let approvalId: number | null = null;
  if (u.kase) {
    await postToCase(ctx, u.kase.id, { text: summary }, u.day, tx);
    approvalId = (await CASE_STEPS[entry.outcome]?.(u, u.kase, settlement)) ?? null;
    await refreshCaseParent(ctx, u.kase.id, u.day, tx);
  }
  return {
    interactionId: u.interactionId,
    caseId: u.kase?.id ?? null,
    customer: { id: u.customer.id, code: u.customer.code, name: u.customer.name },
    promiseIds,
    callbackId,
    documentIds,
    approvalId,
    summary,
    nextSteps: nextSteps({ ...entry, settlement }, changed, t, locale),
  };
}

/** The interaction itself, its case (opened when something is owed), its trip; callbacks due by now are done. */
async function recordInteraction(
  ctx: AppContext,
  tx: Tx,
  entry: LogEntry,
  member: Member,
  at: Date,
): Promise<OutcomeUnit> {
  const day = dateInZone(at, ctx.config.timeZone);
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: entry.customerId } });
  const owedCents = (await customerExposure(tx, customer.id, day)).openCents;
  const existingCase = await tx.case.findFirst({ where: { customerId: customer.id, closedOn: null } });
  const kase = existingCase ?? (owedCents > 0 ? await openCase(tx, customer.id, day) : null);
  const interaction = await tx.interaction.create({
    data: {
      customerId: customer.id,
      caseId: kase?.id ?? null,
      memberId: member.id,
      channel: entry.channel,
      personReached: entry.personReached,
      outcome: entry.outcome,
      mood: entry.mood,
      sincerity: entry.sincerity,
      notes: entry.notes,
      newInfo: Object.keys(entry.newContact).length > 0 ? JSON.stringify(entry.newContact) : null,
      date: day,
      occurredAt: at,
    },
  });
  // a visit logged while the collector's field trip is under way belongs to the trip
  await attachVisitToTrip(ctx, tx, {
    memberId: member.id,
    customerId: customer.id,
    interactionId: interaction.id,
    channel: entry.channel,
    day,
  });
  // a callback that was due has now happened
  await tx.callback.updateMany({
    where: { customerId: customer.id, status: "open", at: { lte: at } },
    data: { status: "done" },
  });
  return {
    ctx,
    tx,
    entry,
    member,
    day,
    customer,
    owedCents,
    kase,
    interactionId: interaction.id,
  };
}

/** A promise or the instalments: the new commitment replaces the one still running (the new baseline). */
async function recordPromises(u: OutcomeUnit): Promise<{ promiseIds: number[]; cancelledPromises: number }> {
  const { tx, entry, customer } = u;
  const promiseIds: number[] = [];
  if (entry.promises.length === 0) return { promiseIds, cancelledPromises: 0 };
  const cancelled = await tx.paymentPromise.updateMany({
    where: { customerId: customer.id, status: "open" },
    data: { status: "cancelled" },
  });
  for (const [i, p] of entry.promises.entries()) {
    const row = await tx.paymentPromise.create({
      data: {
        customerId: customer.id,
        interactionId: u.interactionId,
        amountCents: p.amountCents,
        dueDate: p.dueDate,
        sequence: i + 1,
      },
    });
    promiseIds.push(row.id);
  }
  return { promiseIds, cancelledPromises: cancelled.count };
}

/** A callback appointment replaces the ones still open. */
async function recordCallback(u: OutcomeUnit): Promise<number | null> {
  const { tx, entry, customer } = u;
  if (!entry.callback) return null;
  await tx.callback.updateMany({
    where: { customerId: customer.id, status: "open" },
    data: { status: "cancelled" },
  });
  const cb = await tx.callback.create({
    data: {
      customerId: customer.id,
      interactionId: u.interactionId,
      memberId: u.member.id,
      date: entry.callback.date,
      time: entry.callback.time,
      at: entry.callback.at,
      note: entry.notes,
    },
  });
  return cb.id;
}

/** The signed documents brought back; a settlement proposal carries the amount proposed. */
async function recordDocuments(u: OutcomeUnit): Promise<number[]> {
  const { tx, entry } = u;
  const documentIds: number[] = [];
  for (const d of entry.documents) {
    const amountCents = d.kind === "settlement_proposal" ? (entry.settlement?.amountCents ?? null) : null;
    const row = await tx.document.create({
      data: {
        customerId: u.customer.id,
        interactionId: u.interactionId,
        kind: d.kind,
        date: d.date,
        signed: true,
        amountCents,
      },
    });
    documentIds.push(row.id);
  }
  return documentIds;
}

/** The new phone, mobile, email or PEC on the customer; the old values go in the audit. */
async function recordContactChanges(
  u: OutcomeUnit,
): Promise<Record<string, { from: string | null; to: string }>> {
  const { tx, entry, customer } = u;
  const changes: Record<string, { from: string | null; to: string }> = {};
  for (const field of ["phone", "mobile", "email", "pec"] as const) {
    const value = entry.newContact[field];
    if (value && value !== customer[field]) changes[field] = { from: customer[field], to: value };
  }
  if (Object.keys(changes).length > 0) {
    await tx.customer.update({
      where: { id: customer.id },
      data: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to])),
    });
  }
  return changes;
}

/** The invoices the customer disputes (still open ones of theirs); returns how many changed. */
async function recordDisputes(u: OutcomeUnit): Promise<number> {
  const ids = u.entry.disputedInvoiceIds;
  if (ids.length === 0) return 0;
  const changed = await u.tx.invoice.updateMany({
    where: { id: { in: ids }, customerId: u.customer.id, status: "open" },
    data: { status: "disputed" },
  });
  return changed.count;
}

/**
 * What an outcome does to its case after the line in the thread (returns the approval asked, if any): a
 * settlement asks the owner and moves the case to "settlement"; an instalment plan is followed through like an
 * approved settlement; a refusal proposes the lawyer. The other outcomes leave the case where it is.
 */
const CASE_STEPS: Partial<
  Record<
    LogEntry["outcome"],
    (u: OutcomeUnit, kase: Case, settlement: WrittenSettlement) => Promise<number | null>
  >
> = {
  settlement: async ({ ctx, tx, member, day }, kase, settlement) => {
    if (!settlement) return null;
    const approval = await requestApproval(
      ctx,
      tx,
      {
        caseId: kase.id,
        kind: "settlement",
        amountCents: settlement.amountCents,
        writeOffCents: settlement.writeOffCents,
        terms: settlement.terms ?? undefined,
        requestedBySlackId: member.slackUserId,
      },
      day,
    );
    await setCaseStage(ctx, tx, kase.id, "settlement", member.slackUserId, day);
    return approval.id;
  },
  installments: async ({ ctx, tx, member, day, entry }, kase) => {
    if (entry.promises.length >= 2)
      await setCaseStage(ctx, tx, kase.id, "plan_agreed", member.slackUserId, day);
    return null;
  },
  refusal: async ({ ctx, tx, member, day }, kase) => {
    const approval = await requestApproval(
      ctx,
      tx,
      { caseId: kase.id, kind: "legal", requestedBySlackId: member.slackUserId },
      day,
    );
    return approval.id;
  },
};

/** The compact line for the case thread: "📞 Telefono · Promessa di pagamento: promette € 1.500,00 entro 16 mar · …". */
export function summarizeOutcome(
  entry: LogEntry,
  facts: { disputed: number; actor: string; contactChanges: string[] },
  t: Messages,
  locale: Locale,
): string {
  const s = t.log.summary;
  const euro = (c: number) => formatEuro(c, locale);
  const day = (d: IsoDate) => formatDateCompact(d, locale);
  const icon = OUTCOME_ICON[entry.outcome] ?? "📞";
  const parts: string[] = [
    `${icon} *${t.outcome[entry.outcome] ?? entry.outcome}* (${t.channel[entry.channel] ?? entry.channel})`,
  ];
  const [first] = entry.promises;
  const last = entry.promises[entry.promises.length - 1];
  if (entry.outcome === "promise" && first)
    parts.push(s.promise(euro(first.amountCents), day(first.dueDate)));
  if (entry.outcome === "installments" && first && last) {
    const total = entry.promises.reduce((sum, p) => sum + p.amountCents, 0);
    parts.push(s.installments(entry.promises.length, euro(total), day(first.dueDate), day(last.dueDate)));
  }
  if (entry.callback)
    parts.push(s.callback(formatDateLong(entry.callback.date, locale), entry.callback.time));
  if (entry.settlement)
    parts.push(s.settlement(euro(entry.settlement.amountCents), euro(entry.settlement.writeOffCents)));
  if (facts.disputed > 0) parts.push(s.disputed(facts.disputed));
  if (entry.personReached) parts.push(s.with(escapeMrkdwn(entry.personReached)));
  const temper = [
    entry.mood ? s.mood(t.mood[entry.mood] ?? entry.mood) : null,
    entry.sincerity ? s.sincerity(entry.sincerity) : null,
  ]
    .filter(Boolean)
    .join(", ");
  if (temper) parts.push(temper);
  if (entry.documents.length > 0)
    parts.push(s.documents(entry.documents.map((d) => t.log.documentKind[d.kind] ?? d.kind).join(", ")));
  if (facts.contactChanges.length > 0) {
    const labels: Record<string, string> = {
      phone: t.log.newPhone,
      mobile: t.log.newPhone,
      email: t.log.newEmail,
      pec: t.log.newPec,
    };
    const list = facts.contactChanges.map(
      (k) => `${labels[k]}: ${escapeMrkdwn(entry.newContact[k as keyof LogEntry["newContact"]] ?? "")}`,
    );
    parts.push(s.contacts(list.join(", ")));
  }
  parts.push(s.by(/^[UW][A-Z0-9]+$/.test(facts.actor) ? `<@${facts.actor}>` : facts.actor));
  let line = parts.join(" · ");
  if (entry.settlement) line += `\n${s.approval}`;
  else if (entry.outcome === "refusal") line += `\n${s.legal}`;
  if (entry.notes) line += `\n> ${escapeMrkdwn(entry.notes).replace(/\n/g, "\n> ")}`;
  return line;
}

const OUTCOME_ICON: Record<string, string> = {
  promise: "⏳",
  installments: "⏳",
  callback: "📞",
  refusal: "⚖️",
  settlement: "✍️",
  dispute: "⚠️",
};

/** The next step(s) told to the collector in the confirmation. */
export function nextSteps(entry: LogEntry, contactChanges: string[], t: Messages, locale: Locale): string[] {
  const n = t.log.next;
  const steps: string[] = [];
  const [first] = entry.promises;
  switch (entry.outcome) {
    case "promise":
      if (first) steps.push(n.promise(formatDateLong(first.dueDate, locale)));
      break;
    case "installments":
      if (first) steps.push(n.installments(formatDateLong(first.dueDate, locale)));
      break;
    case "callback":
      if (entry.callback)
        steps.push(
          n.callback(
            `${formatDateLong(entry.callback.date, locale)} ${locale === "it" ? "alle" : "at"} ${entry.callback.time}`,
          ),
        );
      break;
    case "settlement":
      if (entry.settlement) steps.push(n.settlement(formatEuro(entry.settlement.writeOffCents, locale)));
      break;
    case "wrong_number":
      steps.push(
        contactChanges.some((c) => c === "phone" || c === "mobile") ? n.wrong_number_fixed : n.wrong_number,
      );
      break;
    default:
      steps.push(n[entry.outcome]);
  }
  if (contactChanges.includes("pec")) steps.push(n.pec);
  return steps;
}
