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
 * at once. Changed statuses are stored, audited and told in the case thread.
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
      orderBy: { createdAt: "asc" },
    });
    const since = dateInZone(promises[0]!.createdAt, ctx.config.timeZone);
    const payments = await ctx.db.payment.findMany({
      where: { customerId, date: { gte: since } },
      select: { date: true, amountCents: true },
    });
    const evaluated = allocatePayments(
      promises.map((p) => ({ id: p.id, amountCents: p.amountCents, dueDate: p.dueDate, status: p.status as PromiseStatus })),
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
  const t = messages(ctx.config.locale);
  await ctx.db.$transaction(async (tx) => {
    for (const c of changes) {
      const p = await tx.paymentPromise.update({
        where: { id: c.promiseId },
        data: { status: c.to, paidCents: c.paidCents, evaluatedOn: today },
      });
      await audit(tx, { actor: "system", action: "promise_evaluated", customerId: c.customerId, detail: c });
      if (c.to === "open") continue;
      const kase = await tx.case.findFirst({ where: { customerId: c.customerId, closedOn: null } });
      if (!kase) continue;
      const icon = c.to === "kept" ? "✅" : c.to === "partial" ? "◐" : "❌";
      const text = `${icon} ${t.promiseLine(formatEuro(p.amountCents, ctx.config.locale), formatDateCompact(p.dueDate, ctx.config.locale), t.promiseStatus[c.to] ?? c.to, formatEuro(c.paidCents, ctx.config.locale))}`;
      await postToCase(ctx, kase.id, { text }, today, tx);
    }
  });
  ctx.outbox.kick();
  return changes;
}
