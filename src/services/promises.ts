import type { AppContext } from "../context";
import { dateInZone, formatDateCompact, type IsoDate } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import { allocatePayments, type PromiseStatus } from "../domain/promises";
import { messages } from "../i18n";
import { audit } from "./audit";
import { postToCase } from "./cases";

export interface PromiseChange {
  promiseId: number;
  customerId: number;
  from: string;
  to: PromiseStatus;
  paidCents: number;
}

/**
 * Re-evaluates every live promise from the payments received: kept stops the chasing, broken restarts it
 * at once. Changes are stored and audited; `announcePromiseChanges` tells them in the case threads.
 */
export async function refreshPromiseStatuses(ctx: AppContext, today: IsoDate): Promise<PromiseChange[]> {
  const tolerance = ctx.config.rules.promiseToleranceDays;
  const live = await ctx.db.paymentPromise.findMany({
    where: { status: { in: ["open", "partial", "broken"] } },
    distinct: ["customerId"],
    select: { customerId: true },
  });
  const changes: PromiseChange[] = [];
  for (const { customerId } of live) {
    const promises = await ctx.db.paymentPromise.findMany({
      where: { customerId, status: { not: "cancelled" } },
      include: { interaction: { select: { date: true } } },
    });
    // money counts from the day the first promise was made (the call's date, else when it was recorded)
    const since = promises
      .map((p) => p.interaction?.date ?? dateInZone(p.createdAt, ctx.config.timeZone))
      .sort()[0]!;
    const payments = await ctx.db.payment.findMany({
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
      tolerance,
    );
    for (const p of promises) {
      const e = evaluated.get(p.id);
      if (!e || (e.status === p.status && e.paidCents === p.paidCents)) continue;
      changes.push({ promiseId: p.id, customerId, from: p.status, to: e.status, paidCents: e.paidCents });
    }
  }
  if (changes.length === 0) return changes;
  await ctx.db.$transaction(async (tx) => {
    for (const c of changes) {
      await tx.paymentPromise.update({
        where: { id: c.promiseId },
        data: { status: c.to, paidCents: c.paidCents, evaluatedOn: today },
      });
      await audit(tx, { actor: "system", action: "promise_evaluated", customerId: c.customerId, detail: c });
    }
  });
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
  await ctx.db.$transaction(async (tx) => {
    for (const c of decided) {
      const kase = await tx.case.findFirst({ where: { customerId: c.customerId, closedOn: null } });
      if (!kase) continue;
      const p = await tx.paymentPromise.findUniqueOrThrow({ where: { id: c.promiseId } });
      const icon = c.to === "kept" ? "✅" : c.to === "partial" ? "◐" : "❌";
      const status = t.promiseStatus[c.to] ?? c.to;
      const text = `${icon} ${t.promiseLine(euro(p.amountCents), formatDateCompact(p.dueDate, ctx.config.locale), status, euro(c.paidCents))}`;
      await postToCase(ctx, kase.id, { text }, today, tx);
    }
  });
  ctx.outbox.kick();
}
