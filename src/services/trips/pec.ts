import type { AppContext } from "../../context";
import { today as todayOf } from "../../context";
import type { Db, Tx } from "../../db/client";
import { unitOfWork } from "../../db/unit-of-work";
import { formatDateShort, type IsoDate, timeInZone } from "../../domain/calendar";
import { pecRecap } from "../../domain/trip-pec";
import type { PecDraft } from "../../generated/prisma/client";
import { messages } from "../../i18n";
import { pecDraftMessage } from "../../messages/trip";
import { audit } from "../audit";
import { postToCase } from "../cases/cases";
import type { Member } from "../team/team";

/**
 * Drafts the PEC recap of a visit that ended in a promise (once per interaction) and queues it privately
 * to the collector with "Invia" and "Copia". Needs the customer's PEC address; returns null without one.
 */
export async function draftPecRecap(
  ctx: AppContext,
  tx: Tx,
  input: { interactionId: number; tripId: number | null; ownerSlackId: string; collectorName: string },
  today: IsoDate,
): Promise<{ id: number } | null> {
  const existing = await tx.pecDraft.findUnique({ where: { interactionId: input.interactionId } });
  if (existing) return { id: existing.id };
  const interaction = await tx.interaction.findUniqueOrThrow({
    where: { id: input.interactionId },
    include: {
      customer: true,
      promises: { where: { status: { not: "cancelled" } }, orderBy: { dueDate: "asc" } },
    },
  });
  const c = interaction.customer;
  if (!c.pec || interaction.promises.length === 0) return null;
  const invoices = await tx.invoice.findMany({
    where: { customerId: c.id, status: "open", openCents: { gt: 0 } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  const { subject, body } = pecRecap(
    {
      customer: { name: c.name, vatNumber: c.vatNumber },
      personReached: interaction.personReached,
      visitDate: interaction.date,
      collector: input.collectorName,
      invoices: invoices.map((i) => ({
        number: i.number,
        installment: i.installment,
        issueDate: i.issueDate,
        dueDate: i.dueDate,
        openCents: i.openCents,
      })),
      promises: interaction.promises.map((p) => ({ amountCents: p.amountCents, dueDate: p.dueDate })),
      today,
      creditor: ctx.config.company,
    },
    ctx.config.companyLocale,
  );
  const draft = await tx.pecDraft.create({
    data: {
      customerId: c.id,
      tripId: input.tripId,
      interactionId: interaction.id,
      ownerSlackId: input.ownerSlackId,
      recipient: c.pec,
      subject,
      body,
    },
  });
  await audit(tx, {
    actor: input.ownerSlackId,
    action: "pec.drafted",
    caseId: interaction.caseId,
    customerId: c.id,
    detail: { pecDraftId: draft.id, recipient: c.pec, interactionId: interaction.id },
  });
  await ctx.outbox.enqueue(
    {
      method: "chat.postMessage",
      channel: input.ownerSlackId,
      payload: pecDraftMessage(
        { id: draft.id, customerName: c.name, recipient: c.pec, subject, body },
        messages(ctx.config.locale),
      ),
      dedupeKey: `pec-draft:${draft.id}`,
    },
    tx,
  );
  return { id: draft.id };
}

export type SendPecResult =
  | { ok: true; recipient: string; sentAt: Date; interactionId: number }
  | { ok: false; error: "not_found" | "already_sent" | "not_configured" | "failed"; detail?: string };

const SEND_TIMEOUT_MS = 30_000;

/**
 * Sends a drafted PEC through the configured SMTP server (CREDITO_PEC_SMTP_URL, from CREDITO_PEC_FROM). On success
 * it is recorded as sent, with an Interaction on the "pec" channel, an audit entry and a line in the case
 * thread, in one transaction. Without SMTP settings the draft stays a draft (to copy). A draft is claimed
 * before sending, so two clicks send it once.
 */
export async function sendPecDraft(
  ctx: AppContext,
  draftId: number,
  actorSlackId: string,
): Promise<SendPecResult> {
  const draft = await ctx.db.pecDraft.findUnique({ where: { id: draftId } });
  if (!draft) return { ok: false, error: "not_found" };
  if (draft.status === "sent" || draft.status === "sending") return { ok: false, error: "already_sent" };
  const { smtpUrl, from } = ctx.config.pec;
  if (!smtpUrl || !from) return { ok: false, error: "not_configured" };
  const claimed = await ctx.db.pecDraft.updateMany({
    where: { id: draftId, status: "draft" },
    data: { status: "sending" },
  });
  if (claimed.count !== 1) return { ok: false, error: "already_sent" };
  let messageId: string | undefined;
  try {
    messageId = await mailPec(smtpUrl, from, draft, ctx.clock.now());
  } catch (err) {
    await ctx.db.pecDraft.update({ where: { id: draftId }, data: { status: "draft" } });
    const detail = err instanceof Error ? err.message : String(err);
    ctx.log.warn(`pec: sending draft ${draftId} failed: ${detail}`);
    return { ok: false, error: "failed", detail };
  }
  const now = ctx.clock.now();
  const interactionId = await recordPecSent(ctx, draft, actorSlackId, messageId, now);
  return { ok: true, recipient: draft.recipient, sentAt: now, interactionId };
}

/** One attempt through the SMTP server, bounded by SEND_TIMEOUT_MS; the message id the server gave. */
async function mailPec(
  smtpUrl: string,
  from: string,
  draft: { recipient: string; subject: string; body: string },
  date: Date,
): Promise<string | undefined> {
  const { createTransport } = await import("nodemailer"); // loaded on first use, not at start-up
  const transport = createTransport(smtpUrl);
  try {
    const info = await Promise.race([
      transport.sendMail({ from, to: draft.recipient, subject: draft.subject, text: draft.body, date }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("timeout")), SEND_TIMEOUT_MS).unref(),
      ),
    ]);
    return info.messageId;
  } finally {
    transport.close();
  }
}

/** The PEC went: the draft is sent, an Interaction on the "pec" channel, the audit, a line in the case thread. */
async function recordPecSent(
  ctx: AppContext,
  draft: { id: number; customerId: number; recipient: string; subject: string },
  actorSlackId: string,
  messageId: string | undefined,
  now: Date,
): Promise<number> {
  const draftId = draft.id;
  const day = todayOf(ctx);
  const t = messages(ctx.config.locale);
  return unitOfWork(ctx, async (tx) => {
    await tx.pecDraft.update({
      where: { id: draftId },
      data: { status: "sent", sentAt: now, messageId: messageId ?? null },
    });
    const member = await tx.teamMember.findUnique({ where: { slackUserId: actorSlackId } });
    const kase = await tx.case.findFirst({ where: { customerId: draft.customerId, closedOn: null } });
    const interaction = await tx.interaction.create({
      data: {
        customerId: draft.customerId,
        caseId: kase?.id ?? null,
        memberId: member?.id ?? null,
        channel: "pec",
        outcome: "recap_sent",
        notes: `${draft.subject} (${draft.recipient})`,
        date: day,
        occurredAt: now,
      },
    });
    await audit(tx, {
      actor: actorSlackId,
      action: "pec.sent",
      caseId: kase?.id ?? null,
      customerId: draft.customerId,
      detail: {
        pecDraftId: draftId,
        recipient: draft.recipient,
        subject: draft.subject,
        messageId,
        interactionId: interaction.id,
      },
    });
    if (kase)
      await postToCase(
        ctx,
        kase.id,
        { text: t.trip.pec.sentCase(draft.recipient, `<@${actorSlackId}>`) },
        day,
        tx,
      );
    return interaction.id;
  });
}

/** "02/03/2026 10:15" for the confirmation. */
export function sentLabel(ctx: AppContext, at: Date): string {
  return `${formatDateShort(todayOf(ctx))} ${timeInZone(at, ctx.config.timeZone)}`;
}

/** Whether a member may send or copy a PEC draft: the collector it was drafted for, or an admin. */
export function mayUsePecDraft(member: Member, draft: Pick<PecDraft, "ownerSlackId">): boolean {
  return draft.ownerSlackId === member.slackUserId || member.role === "admin";
}

/** The PEC draft a button names, if it exists and the member may use it. */
export async function pecDraftFor(
  db: Db,
  draftId: number,
  member: Member,
): Promise<{ ok: true; draft: PecDraft } | { ok: false; error: "not_found" | "not_yours" }> {
  const draft = await db.pecDraft.findUnique({ where: { id: draftId } });
  if (!draft) return { ok: false, error: "not_found" };
  if (!mayUsePecDraft(member, draft)) return { ok: false, error: "not_yours" };
  return { ok: true, draft };
}
