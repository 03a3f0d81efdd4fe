import type { AppContext } from "../../context";
import type { Tx } from "../../db/client";
import { unitOfWork } from "../../db/unit-of-work";
import { dateInZone, formatDateCompact, type IsoDate } from "../../domain/calendar";
import { withDate, withDateEn } from "../../domain/italian";
import { formatEuro } from "../../domain/money";
import { allocatePayments, type PromiseStatus } from "../../domain/promises";
import { messages } from "../../i18n";
import { audit } from "../audit";
import { setCaseStage } from "./case-lifecycle";
import { postToCase } from "./cases";

export interface PromiseChange {
  promiseId: number;
  customerId: number;
  from: string;
  to: PromiseStatus;
  paidCents: number;
}

/**
 * Re-evaluates one customer's promises against the payments received since the first promise was made
 * (an instalment plan is filled oldest first), stores and audits what changed, and returns the changes.
 */
export async function evaluateCustomerPromises(
  tx: Tx,
  customerId: number,
  today: IsoDate,
  rules: { promiseToleranceDays: number; timeZone: string },
): Promise<PromiseChange[]> {
  const promises = await tx.paymentPromise.findMany({
    where: { customerId, status: { not: "cancelled" } },
    include: { interaction: { select: { date: true } } },
  });
  if (promises.length === 0) return [];
  // money counts from the day the first promise was made (the call's date, else when it was recorded)
  const since = promises
    .map((p) => p.interaction?.date ?? dateInZone(p.createdAt, rules.timeZone))
    .sort()[0]!;
  const payments = await tx.payment.findMany({
    where: { customerId, date: { gte: since } },
    select: { date: true, amountCents: true },
  });
  const evaluated = allocatePayments(
    promises.map((p) => ({
      id: p.id,
      amountCents: p.amountCents,
      dueDate: p.dueDate,
      status: p.status as PromiseStatus,
    })),
    payments,
    today,
    rules.promiseToleranceDays,
  );
  const changes: PromiseChange[] = [];
  for (const p of promises) {
    const e = evaluated.get(p.id);
    if (!e || (e.status === p.status && e.paidCents === p.paidCents)) continue;
    const change = { promiseId: p.id, customerId, from: p.status, to: e.status, paidCents: e.paidCents };
    await tx.paymentPromise.update({
      where: { id: p.id },
      data: { status: e.status, paidCents: e.paidCents, evaluatedOn: today },
    });
    await audit(tx, { actor: "system", action: "promise_evaluated", customerId, detail: change });
    changes.push(change);
  }
  return changes;
}

/**
 * Re-evaluates every live promise from the payments received: kept stops the chasing, broken restarts it
 * at once. Changes are stored and audited; `announcePromiseChanges` tells them in the case threads.
 */
export async function refreshPromiseStatuses(ctx: AppContext, today: IsoDate): Promise<PromiseChange[]> {
  const live = await ctx.db.paymentPromise.findMany({
    where: { status: { in: ["open", "partial", "broken"] } },
    distinct: ["customerId"],
    select: { customerId: true },
  });
  const rules = {
    promiseToleranceDays: ctx.config.rules.promiseToleranceDays,
    timeZone: ctx.config.timeZone,
  };
  const changes: PromiseChange[] = [];
  for (const { customerId } of live) {
    changes.push(...(await unitOfWork(ctx, (tx) => evaluateCustomerPromises(tx, customerId, today, rules))));
  }
  return changes;
}

/** One line in the case thread for each promise that became kept, partly kept or broken. */
export async function announcePromiseChanges(
  ctx: AppContext,
  changes: readonly PromiseChange[],
  today: IsoDate,
): Promise<void> {
  const t = messages(ctx.config.locale);
  const euro = (c: number) => formatEuro(c, ctx.config.locale);
  const decided = changes.filter((c) => c.to !== "open" && c.to !== c.from);
  if (decided.length === 0) return;
  await unitOfWork(ctx, async (tx) => {
    for (const c of decided) {
      const kase = await tx.case.findFirst({ where: { customerId: c.customerId, closedOn: null } });
      if (!kase) continue;
      const p = await tx.paymentPromise.findUniqueOrThrow({ where: { id: c.promiseId } });
      const icon = c.to === "kept" ? "✅" : c.to === "partial" ? "◐" : "❌";
      const status = t.promiseStatus[c.to] ?? c.to;
      const text = `${icon} ${t.promiseLine(euro(p.amountCents), formatDateCompact(p.dueDate, ctx.config.locale), status, euro(c.paidCents))}`;
      await postToCase(ctx, kase.id, { text }, today, tx);
      // a missed agreement (approved settlement or plan): it lapses and chasing restarts on the whole overdue
      const settlement = p.approvalId !== null && kase.stage === "settlement_agreed";
      if (c.to !== "kept" && (settlement || kase.stage === "plan_agreed")) {
        const customer = await tx.customer.findUniqueOrThrow({ where: { id: c.customerId } });
        const due =
          ctx.config.locale === "en" ? withDateEn("entro", p.dueDate) : withDate("entro", p.dueDate);
        const line = settlement ? t.agreement.broken : t.agreement.planBroken;
        await postToCase(ctx, kase.id, { text: line(euro(p.amountCents), due) }, today, tx);
        await setCaseStage(
          ctx,
          tx,
          kase.id,
          customer.creditHold ? "credit_hold" : "internal",
          "system",
          today,
        );
      }
    }
  });
}
