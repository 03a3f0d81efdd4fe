import type { AppContext } from "../../context";
import type { Tx } from "../../db/client";
import { unitOfWork } from "../../db/unit-of-work";
import type { IsoDate } from "../../domain/calendar";
import type { CloseReason, OpenCaseStage } from "../../domain/cases";
import { withDate, withDateEn } from "../../domain/italian";
import { formatEuro } from "../../domain/money";
import { messages } from "../../i18n";
import { audit } from "../audit";
import { chasedCents, customerExposure } from "../customers/exposure";
import { postToCase, refreshCaseParent } from "./cases";

/** Who did it, as shown in a thread line: a Slack mention, or nothing for the system. */
export function actorMention(actor: string): string {
  return /^[UW][A-Z0-9]+$/.test(actor) ? `<@${actor}>` : actor;
}

/**
 * Moves an open case to another stage: audited, a compact line in the thread, the parent message
 * updated. A case already in that stage (or closed) is left alone; returns whether it changed.
 */
export async function setCaseStage(
  ctx: AppContext,
  tx: Tx,
  caseId: number,
  stage: OpenCaseStage,
  actor: string,
  today: IsoDate,
): Promise<boolean> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId } });
  if (c.closedOn || c.stage === stage) return false;
  await tx.case.update({ where: { id: caseId }, data: { stage } });
  await audit(tx, {
    actor,
    action: "case.stage",
    caseId,
    customerId: c.customerId,
    detail: { from: c.stage, to: stage },
  });
  const t = messages(ctx.config.locale);
  const text = t.caseThread.stageLine(
    t.stage[c.stage] ?? c.stage,
    t.stage[stage] ?? stage,
    actorMention(actor),
  );
  await postToCase(ctx, caseId, { text }, today, tx);
  await refreshCaseParent(ctx, caseId, today, tx);
  return true;
}

/**
 * Closes an open case: stage "closed", closedOn and the reason; audited, the final line in the
 * thread, the parent message shows it. A later overdue opens a new case (openCase only looks at
 * open ones). Returns false when the case was already closed.
 */
export async function closeCase(
  ctx: AppContext,
  tx: Tx,
  caseId: number,
  reason: CloseReason,
  actor: string,
  today: IsoDate,
  finalLine?: string,
): Promise<boolean> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId } });
  if (c.closedOn) return false;
  await tx.case.update({
    where: { id: caseId },
    data: { stage: "closed", closedOn: today, closeReason: reason },
  });
  await audit(tx, {
    actor,
    action: "case.closed",
    caseId,
    customerId: c.customerId,
    detail: { reason, stage: c.stage },
  });
  const t = messages(ctx.config.locale);
  const text = finalLine ?? t.caseThread.closedLine(t.case.closeReason[reason] ?? reason);
  await postToCase(ctx, caseId, { text }, today, tx);
  await refreshCaseParent(ctx, caseId, today, tx);
  return true;
}

/**
 * Writes off the open invoices of a customer (status written_off), oldest due first; with `capCents`, no more
 * than that (an agreed settlement's write-off: the last invoice touched keeps the rest open). Returns the
 * cents written off.
 */
export async function writeOffOpenInvoices(
  tx: Tx,
  customerId: number,
  today: IsoDate,
  capCents?: number,
): Promise<number> {
  const open = await tx.invoice.findMany({
    where: { customerId, status: { in: ["open", "disputed"] }, openCents: { gt: 0 } },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  let left = capCents ?? Number.POSITIVE_INFINITY;
  let written = 0;
  for (const inv of open) {
    if (left <= 0) break;
    if (inv.openCents <= left) {
      await tx.invoice.update({ where: { id: inv.id }, data: { status: "written_off", closedOn: today } });
      written += inv.openCents;
      left -= inv.openCents;
    } else {
      await tx.invoice.update({ where: { id: inv.id }, data: { openCents: inv.openCents - left } });
      written += left;
      left = 0;
    }
  }
  return written;
}

/**
 * For the payments engineer, after recording payments: closes the customer's open case when
 * - nothing is open any more (reason "paid"), or
 * - an approved settlement is being collected and what is still open is no more than the agreed
 *   write-off: the rest is written off and the case closes as "settled".
 * Returns the reason it closed with, or null when the case stays open (or there is none).
 */
export async function closeCaseIfSettled(
  ctx: AppContext,
  tx: Tx,
  customerId: number,
  today: IsoDate,
): Promise<CloseReason | null> {
  const c = await tx.case.findFirst({ where: { customerId, closedOn: null } });
  if (!c) return null;
  const { openCents } = await customerExposure(tx, customerId, today);
  const t = messages(ctx.config.locale);
  if (openCents === 0) {
    await closeCase(ctx, tx, c.id, "paid", "system", today, t.caseThread.closedPaid);
    return "paid";
  }
  if (c.stage === "settlement" || c.stage === "settlement_agreed") {
    const settlement = await tx.approvalRequest.findFirst({
      where: { caseId: c.id, kind: "settlement", status: "approved" },
      orderBy: { id: "desc" },
    });
    // the agreed amount arrived: its promise is kept, or what is left is no more than the agreed write-off
    const agreed = settlement
      ? await tx.paymentPromise.findFirst({ where: { approvalId: settlement.id, status: "kept" } })
      : null;
    if (
      settlement &&
      (agreed || (settlement.writeOffCents != null && openCents <= settlement.writeOffCents))
    ) {
      // the agreed write-off, no more: invoices issued since the agreement are not part of it
      const written = await writeOffOpenInvoices(
        tx,
        customerId,
        today,
        settlement.writeOffCents ?? undefined,
      );
      await audit(tx, {
        actor: "system",
        action: "invoices.written_off",
        caseId: c.id,
        customerId,
        detail: { cents: written, approvalId: settlement.id },
      });
      const line = t.caseThread.closedSettled(formatEuro(written, ctx.config.locale));
      await closeCase(ctx, tx, c.id, "settled", "system", today, line);
      return "settled";
    }
  }
  return null;
}

/**
 * Closes every open case whose customer has paid (or completed an approved settlement): run after an
 * import of payments or of a newer scadenzario, and before each morning digest. Returns how many closed.
 */
export async function closeSettledCases(ctx: AppContext, today: IsoDate): Promise<number> {
  await announcePayments(ctx, today);
  const open = await ctx.db.case.findMany({ where: { closedOn: null }, select: { customerId: true } });
  let closed = 0;
  for (const { customerId } of open) {
    const reason = await unitOfWork(ctx, (tx) => closeCaseIfSettled(ctx, tx, customerId, today));
    if (reason) closed += 1;
  }
  return closed;
}

/**
 * Every imported payment, partial or full, gets a line in its customer's case thread (what was paid, what is
 * still overdue) and refreshes the case's parent message. Payments are marked `toAnnounce` by the imports;
 * each is told once. Run by closeSettledCases, so before a paid case closes.
 */
export async function announcePayments(ctx: AppContext, today: IsoDate): Promise<number> {
  const pending = await ctx.db.payment.findMany({
    where: { toAnnounce: true },
    orderBy: [{ customerId: "asc" }, { date: "asc" }, { id: "asc" }],
  });
  if (pending.length === 0) return 0;
  const t = messages(ctx.config.locale);
  const euro = (c: number) => formatEuro(c, ctx.config.locale);
  const byCustomer = new Map<number, typeof pending>();
  for (const p of pending) byCustomer.set(p.customerId, [...(byCustomer.get(p.customerId) ?? []), p]);
  for (const [customerId, payments] of byCustomer) {
    await unitOfWork(ctx, async (tx) => {
      const kase = await tx.case.findFirst({ where: { customerId, closedOn: null } });
      if (kase) {
        const left = chasedCents(await customerExposure(tx, customerId, today));
        const rest = left > 0 ? t.agreement.stillOverdue(euro(left)) : t.agreement.nothingOverdue;
        for (const p of payments) {
          const date = ctx.config.locale === "en" ? withDateEn("del", p.date) : withDate("del", p.date);
          await postToCase(
            ctx,
            kase.id,
            { text: t.agreement.paymentLine(euro(p.amountCents), date, rest) },
            today,
            tx,
          );
        }
        await refreshCaseParent(ctx, kase.id, today, tx);
      }
      await tx.payment.updateMany({
        where: { id: { in: payments.map((p) => p.id) } },
        data: { toAnnounce: false },
      });
    });
  }
  return pending.length;
}
