import type { AppContext } from "../../context";
import type { Db, Tx } from "../../db/client";
import { unitOfWork } from "../../db/unit-of-work";
import { agreementDeadline } from "../../domain/agreement";
import { dateInZone, type IsoDate } from "../../domain/calendar";
import type { ApprovalCard } from "../../domain/cards";
import type { ApprovalKind, OpenCaseStage } from "../../domain/cases";
import { withDate, withDateEn } from "../../domain/italian";
import { formatEuro } from "../../domain/money";
import { escapeMrkdwn } from "../../domain/text";
import type { ApprovalRequest, Case, Customer } from "../../generated/prisma/client";
import { messages } from "../../i18n";
import { approvalMessage } from "../../messages/approval";
import { audit } from "../audit";
import { customerExposure } from "../customers/exposure";
import { actorMention, closeCase, setCaseStage, writeOffOpenInvoices } from "./case-lifecycle";
import { ensureCaseThread, postToCase, refreshCaseParent } from "./cases";

/** The stage an approved request moves the case to (a write-off closes it instead). */
const STAGE_AFTER: Record<Exclude<ApprovalKind, "write_off">, OpenCaseStage> = {
  settlement: "settlement_agreed",
  agency: "agency",
  legal: "legal",
};

export interface ApprovalRequestInput {
  caseId: number;
  kind: ApprovalKind;
  amountCents?: number;
  writeOffCents?: number;
  terms?: string;
  /** a settlement's deadline, when known at the request (else read from the terms at approval) */
  dueDate?: IsoDate;
  requestedBySlackId: string;
}

/** The approval message records its ts here once Slack has posted it (registered in anchors.ts). */
export const APPROVAL_SENT_KIND = "approval_message";

/**
 * Creates a pending approval request unless one of the same kind is already pending for the case
 * (then `created` is false and nothing else happens). Audited; the approval message with Approve /
 * Reject buttons is queued in the case thread (inside tx), mentioning the owners and, for
 * relationship-preservation customers, the salesperson (who gets an "Obietto" button).
 */
export async function requestApproval(
  ctx: AppContext,
  tx: Tx,
  req: ApprovalRequestInput,
  today: IsoDate,
): Promise<{ id: number; created: boolean }> {
  const pending = await tx.approvalRequest.findFirst({
    where: { caseId: req.caseId, kind: req.kind, status: "pending" },
  });
  if (pending) return { id: pending.id, created: false };
  const c = await tx.case.findUniqueOrThrow({ where: { id: req.caseId } });
  const requester = await tx.teamMember.findUnique({ where: { slackUserId: req.requestedBySlackId } });
  const row = await tx.approvalRequest.create({
    data: {
      caseId: req.caseId,
      kind: req.kind,
      amountCents: req.amountCents ?? null,
      writeOffCents: req.writeOffCents ?? null,
      terms: req.terms?.trim() || null,
      dueDate: req.dueDate ?? null,
      requestedById: requester?.id ?? null,
      requestedOn: today,
    },
  });
  await audit(tx, {
    actor: req.requestedBySlackId,
    action: "approval.requested",
    caseId: req.caseId,
    customerId: c.customerId,
    detail: {
      approvalId: row.id,
      kind: req.kind,
      amountCents: req.amountCents,
      writeOffCents: req.writeOffCents,
    },
  });
  await ensureCaseThread(ctx, req.caseId, today, tx);
  const card = await approvalCard(ctx, tx, row.id, today);
  await ctx.outbox.enqueue(
    {
      method: "chat.postMessage",
      channel: ctx.config.slack.channel,
      payload: approvalMessage(card, messages(ctx.config.locale), ctx.config.locale),
      anchor: { caseId: req.caseId },
      onSent: { kind: APPROVAL_SENT_KIND, approvalId: row.id },
      dedupeKey: `approval:${row.id}`,
    },
    tx,
  );
  // the decision reaches the owners directly too, with its buttons (the digest lists it first as well)
  for (const owner of card.ownerSlackIds) {
    const message = approvalMessage(card, messages(ctx.config.locale), ctx.config.locale);
    await ctx.outbox.enqueue(
      {
        method: "chat.postMessage",
        channel: owner,
        payload: { ...message },
        dedupeKey: `approval:${row.id}:dm:${owner}`,
      },
      tx,
    );
  }
  // a settlement asked with /credito pratica or logged in the modal: the same stage
  if (req.kind === "settlement")
    await setCaseStage(ctx, tx, req.caseId, "settlement", req.requestedBySlackId, today);
  return { id: row.id, created: true };
}

export type DecisionError = "not_found" | "not_owner" | "already_decided" | "case_closed" | "reason_required";

export type DecisionResult =
  | { ok: true; approvalId: number; caseId: number; status: "approved" | "rejected" }
  | { ok: false; error: DecisionError };

/**
 * Whether this Slack user may decide this approval now: it exists, they are an active owner, it is still
 * pending and its case open (checked in this order). The reject button asks before opening the reason modal;
 * `decideApproval` asks again inside its transaction.
 */
export async function canDecide(db: Db | Tx, approvalId: number, deciderSlackId: string) {
  const approval = await db.approvalRequest.findUnique({
    where: { id: approvalId },
    include: { case: { include: { customer: true } } },
  });
  if (!approval) return { ok: false as const, error: "not_found" as const };
  const decider = await db.teamMember.findUnique({ where: { slackUserId: deciderSlackId } });
  if (!decider?.active || decider.role !== "owner")
    return { ok: false as const, error: "not_owner" as const };
  if (approval.status !== "pending") return { ok: false as const, error: "already_decided" as const };
  if (approval.case.closedOn) return { ok: false as const, error: "case_closed" as const };
  return { ok: true as const, approval, decider };
}

/**
 * The owner approves or rejects a pending request (a rejection needs a reason). Checked here, on the
 * server: anyone who is not an active owner gets `not_owner` and nothing changes. On approval the
 * case moves to its new stage (a write-off writes the open invoices off and closes the case); the
 * approval message is updated to show who decided, a line goes in the thread, the parent is updated.
 * `messageTs` (from the clicked message) is used when the stored ts is not known yet.
 */
export async function decideApproval(
  ctx: AppContext,
  tx: Tx,
  input: {
    approvalId: number;
    deciderSlackId: string;
    decision: "approved" | "rejected";
    reason?: string;
    messageTs?: string;
  },
  today: IsoDate,
): Promise<DecisionResult> {
  const may = await canDecide(tx, input.approvalId, input.deciderSlackId);
  if (!may.ok) return may;
  const { approval: a, decider } = may;
  const reason = input.reason?.trim() ?? "";
  if (input.decision === "rejected" && !reason) return { ok: false, error: "reason_required" };
  const claimed = await tx.approvalRequest.updateMany({
    where: { id: a.id, status: "pending" },
    data: {
      status: input.decision,
      decidedById: decider.id,
      decidedAt: ctx.clock.now(),
      reason: reason || null,
      ...(a.messageTs ? {} : input.messageTs ? { messageTs: input.messageTs } : {}),
    },
  });
  if (claimed.count !== 1) return { ok: false, error: "already_decided" };
  await audit(tx, {
    actor: input.deciderSlackId,
    action: `approval.${input.decision}`,
    caseId: a.caseId,
    customerId: a.case.customerId,
    detail: { approvalId: a.id, kind: a.kind, reason: reason || undefined },
  });

  await updateApprovalMessage(ctx, tx, a.id, today);
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: a.case.customerId } });
  const decided: Decided = { ctx, tx, a, customer, input, reason, today };
  if (input.decision === "rejected") await rejected(decided);
  else await (APPROVED[a.kind as ApprovalKind] ?? approvedLine)(decided);
  await refreshCaseParent(ctx, a.caseId, today, tx);
  return { ok: true, approvalId: a.id, caseId: a.caseId, status: input.decision };
}

/** What the steps after a decision share (inside the decision's transaction). */
interface Decided {
  ctx: AppContext;
  tx: Tx;
  a: ApprovalRequest & { case: Case };
  customer: Customer;
  input: { deciderSlackId: string };
  reason: string;
  today: IsoDate;
}

/** A request approved, by kind: the line in the thread, then the stage (or the write-off that closes the case). */
const APPROVED: Record<ApprovalKind, (d: Decided) => Promise<void>> = {
  // the decision becomes an agreement: the agreed amount and deadline are a promise that supersedes the others
  settlement: async (d) => {
    const { ctx, tx, a, customer, today } = d;
    const t = messages(ctx.config.locale);
    const locale = ctx.config.locale;
    const due = a.dueDate ?? agreementDeadline(a.terms, today);
    await tx.approvalRequest.update({ where: { id: a.id }, data: { dueDate: due } });
    await tx.paymentPromise.updateMany({
      where: { customerId: customer.id, status: { in: ["open", "partial", "broken"] } },
      data: { status: "cancelled", evaluatedOn: today },
    });
    if (a.amountCents)
      await tx.paymentPromise.create({
        data: {
          customerId: customer.id,
          amountCents: a.amountCents,
          dueDate: due,
          approvalId: a.id,
          createdAt: ctx.clock.now(), // money counts from the agreement on
        },
      });
    const euro = (c: number | null) => formatEuro(c ?? 0, locale);
    const deadline = locale === "en" ? withDateEn("entro", due) : withDate("entro", due);
    const who = actorMention(d.input.deciderSlackId);
    const text = t.agreement.approvedSettlement(who, euro(a.amountCents), deadline, euro(a.writeOffCents));
    await postToCase(ctx, a.caseId, { text }, today, tx);
    await setCaseStage(ctx, tx, a.caseId, STAGE_AFTER.settlement, d.input.deciderSlackId, today);
  },
  agency: (d) => approvedEscalation(d, "agency"),
  legal: (d) => approvedEscalation(d, "legal"),
  write_off: async (d) => {
    const { ctx, tx, a, today } = d;
    const t = messages(ctx.config.locale);
    await approvedLine(d);
    const written = await writeOffOpenInvoices(tx, a.case.customerId, today);
    await audit(tx, {
      actor: d.input.deciderSlackId,
      action: "invoices.written_off",
      caseId: a.caseId,
      customerId: a.case.customerId,
      detail: { cents: written, approvalId: a.id },
    });
    const line = t.caseThread.closedWrittenOff(formatEuro(written, ctx.config.locale));
    await closeCase(ctx, tx, a.caseId, "written_off", d.input.deciderSlackId, today, line);
  },
};

const kindLabel = (t: ReturnType<typeof messages>, kind: string) => t.approval.kind[kind] ?? kind;
const who = (d: Decided) => actorMention(d.input.deciderSlackId);

/** "Approved by ...": the line in the thread of an approval that is not a settlement. */
async function approvedLine(d: Decided): Promise<void> {
  const t = messages(d.ctx.config.locale);
  const text = t.agreement.approvedOther(kindLabel(t, d.a.kind), who(d));
  await postToCase(d.ctx, d.a.caseId, { text }, d.today, d.tx);
}

/** Passing to the agency or the lawyer approved: the line, then the case's new stage. */
async function approvedEscalation(d: Decided, kind: "agency" | "legal"): Promise<void> {
  const { ctx, tx, a, today } = d;
  await approvedLine(d);
  await setCaseStage(ctx, tx, a.caseId, STAGE_AFTER[kind], d.input.deciderSlackId, today);
}

/**
 * A request rejected (with its reason): the line; a rejected settlement sends the case back to chasing; a
 * refused escalation is not proposed again every morning for this case.
 */
async function rejected(d: Decided): Promise<void> {
  const { ctx, tx, a, customer, reason, today } = d;
  const t = messages(ctx.config.locale);
  const chasingStage: OpenCaseStage = customer.creditHold ? "credit_hold" : "internal";
  const back = a.case.stage === "settlement" ? chasingStage : (a.case.stage as OpenCaseStage);
  const text = t.agreement.rejected(
    kindLabel(t, a.kind),
    who(d),
    escapeMrkdwn(reason),
    t.stage[back] ?? back,
  );
  await postToCase(ctx, a.caseId, { text }, today, tx);
  if (a.case.stage === "settlement" && a.kind === "settlement")
    await setCaseStage(ctx, tx, a.caseId, chasingStage, d.input.deciderSlackId, today);
  if (a.kind === "agency" || a.kind === "legal")
    await tx.proposalDeferral.create({
      data: {
        customerId: customer.id,
        caseId: a.caseId,
        kind: a.kind,
        until: null,
        slackUserId: d.input.deciderSlackId,
        reason: reason || null,
        createdOn: today,
      },
    });
}

/** decideApproval in its own unit of work (committed, then the outbox kicked): what a listener calls. */
export function submitDecision(
  ctx: AppContext,
  input: Parameters<typeof decideApproval>[2],
  today: IsoDate,
): Promise<DecisionResult> {
  return unitOfWork(ctx, (tx) => decideApproval(ctx, tx, input, today), { label: "approval decision" });
}

/** objectToApproval in its own unit of work. */
export function submitObjection(
  ctx: AppContext,
  input: Parameters<typeof objectToApproval>[2],
  today: IsoDate,
): Promise<ObjectionResult> {
  return unitOfWork(ctx, (tx) => objectToApproval(ctx, tx, input, today), { label: "approval objection" });
}

export type ObjectionResult =
  | { ok: true; caseId: number }
  | { ok: false; error: "not_found" | "not_salesperson" | "already_decided" };

/**
 * The customer's salesperson objects to a pending request of a relationship-preservation customer:
 * audited, a line in the thread mentioning the owners, the approval message shows the objection.
 */
export async function objectToApproval(
  ctx: AppContext,
  tx: Tx,
  input: { approvalId: number; slackUserId: string },
  today: IsoDate,
): Promise<ObjectionResult> {
  const a = await tx.approvalRequest.findUnique({
    where: { id: input.approvalId },
    include: { case: { include: { customer: { include: { salesperson: true } } } } },
  });
  if (!a) return { ok: false, error: "not_found" };
  const sales = a.case.customer.salesperson;
  if (!sales?.active || sales.slackUserId !== input.slackUserId)
    return { ok: false, error: "not_salesperson" };
  if (a.status !== "pending") return { ok: false, error: "already_decided" };
  await audit(tx, {
    actor: input.slackUserId,
    action: "approval.objected",
    caseId: a.caseId,
    customerId: a.case.customerId,
    detail: { approvalId: a.id, kind: a.kind },
  });
  const t = messages(ctx.config.locale);
  const owners = await ownerSlackIds(tx);
  const line = t.approval.objectionLine(
    actorMention(input.slackUserId),
    t.approval.kind[a.kind] ?? a.kind,
    owners.map((o) => `<@${o}>`).join(" ") || t.approval.noOwner,
  );
  await postToCase(ctx, a.caseId, { text: line }, today, tx);
  await updateApprovalMessage(ctx, tx, a.id, today);
  return { ok: true, caseId: a.caseId };
}

/** Queues a chat.update of the approval message (when its ts is known) with its current state. */
export async function updateApprovalMessage(
  ctx: AppContext,
  tx: Tx,
  approvalId: number,
  today: IsoDate,
): Promise<void> {
  const a = await tx.approvalRequest.findUniqueOrThrow({
    where: { id: approvalId },
    include: { case: true },
  });
  if (!a.messageTs) return;
  const card = await approvalCard(ctx, tx, approvalId, today);
  await ctx.outbox.enqueue(
    {
      method: "chat.update",
      channel: a.case.channelId ?? ctx.config.slack.channel,
      payload: { ts: a.messageTs, ...approvalMessage(card, messages(ctx.config.locale), ctx.config.locale) },
    },
    tx,
  );
}

export async function ownerSlackIds(tx: Tx): Promise<string[]> {
  const owners = await tx.teamMember.findMany({
    where: { role: "owner", active: true },
    orderBy: { id: "asc" },
  });
  return owners.map((o) => o.slackUserId);
}

/** Everything the approval message shows. */
export async function approvalCard(
  ctx: AppContext,
  tx: Tx,
  approvalId: number,
  today: IsoDate,
): Promise<ApprovalCard> {
  const a = await tx.approvalRequest.findUniqueOrThrow({
    where: { id: approvalId },
    include: {
      requestedBy: true,
      decidedBy: true,
      case: { include: { customer: { include: { salesperson: true } } } },
    },
  });
  const customer = a.case.customer;
  const owed = await customerExposure(tx, customer.id, today);
  const objections = await tx.auditEntry.findMany({
    where: { caseId: a.caseId, action: "approval.objected" },
    orderBy: { id: "asc" },
  });
  const objectedBy = objections
    .filter((o) => o.detail && (JSON.parse(o.detail) as { approvalId?: number }).approvalId === a.id)
    .map((o) => o.actor);
  const requestAudit = a.requestedBy
    ? null
    : (await tx.auditEntry.findMany({ where: { caseId: a.caseId, action: "approval.requested" } })).find(
        (e) => e.detail && (JSON.parse(e.detail) as { approvalId?: number }).approvalId === a.id,
      );
  return {
    id: a.id,
    kind: a.kind,
    status: a.status,
    amountCents: a.amountCents,
    writeOffCents: a.writeOffCents,
    terms: a.terms,
    exposureCents: owed.openCents,
    customerName: customer.name,
    requestedBySlackId: a.requestedBy?.slackUserId ?? requestAudit?.actor ?? "?",
    ownerSlackIds: await ownerSlackIds(tx),
    salespersonSlackId: customer.salesperson?.active ? customer.salesperson.slackUserId : null,
    preserveRelationship: customer.preserveRelationship,
    decidedBySlackId: a.decidedBy?.slackUserId ?? null,
    decidedOn: a.decidedAt
      ? dateInZone(a.decidedAt, ctx.config.timeZone)
      : a.status === "pending"
        ? null
        : today,
    reason: a.reason,
    objectedBySlackIds: [...new Set(objectedBy)],
  };
}

/** After a decision taken from an owner's direct message: that message shows the decision too. */
export async function updateApprovalDm(
  ctx: AppContext,
  approvalId: number,
  channel: string,
  ts: string,
  today: IsoDate,
): Promise<void> {
  await unitOfWork(ctx, async (tx) => {
    const card = await approvalCard(ctx, tx, approvalId, today);
    await ctx.outbox.enqueue(
      {
        method: "chat.update",
        channel,
        payload: { ts, ...approvalMessage(card, messages(ctx.config.locale), ctx.config.locale) },
      },
      tx,
    );
  });
}
