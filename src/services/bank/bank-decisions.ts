// The admin's decisions on the movements a bank import proposed (confirm, choose another customer or invoice,
// not a customer payment) and the one proposals message per import that carries the buttons.

import type { BankMovement } from "../../bank/types";
import { type AppContext, today as todayOf } from "../../context";
import { unitOfWork } from "../../db/unit-of-work";
import { type Allocation, invoiceNumberKey } from "../../domain/bank-matching";
import type { IsoDate } from "../../domain/calendar";
import type { BankProposals } from "../../domain/cards";
import { formatEuro } from "../../domain/money";
import { messages } from "../../i18n";
import { bankProposalMessage } from "../../messages/bank";
import { audit } from "../audit";
import type { PromiseChange } from "../cases/promises";
import { afterPayments, applyReturn, type MovementResult, recordPayments } from "./bank-import";

type Ctx = AppContext;

export type Decision =
  | { type: "confirm"; candidate: number }
  | { type: "choose"; customerId: number; invoiceIds: number[] }
  | { type: "dismiss" };

export type DecisionResult =
  | {
      ok: true;
      outcome: "confirmed" | "dismissed";
      customer?: { id: number; name: string };
      importId: number;
    }
  | { ok: false; reason: "notFound" | "alreadyDecided" | "badCandidate" };

/**
 * Applies the admin's decision on a proposed movement. The movement is claimed first (proposed -> decided in
 * one conditional update), so two clicks record one payment. A confirmed match teaches the customer's IBAN.
 */
export async function decideMovement(
  ctx: Ctx,
  movementId: number,
  decision: Decision,
  actor: string,
): Promise<DecisionResult> {
  const mv = await ctx.db.bankMovement.findUnique({ where: { id: movementId } });
  if (!mv) return { ok: false, reason: "notFound" };
  if (mv.outcome !== "proposed") return { ok: false, reason: "alreadyDecided" };
  if (decision.type === "dismiss") return dismissMovement(ctx, mv, actor);
  const chosen = await chosenMatch(ctx, mv, decision);
  if (!chosen) return { ok: false, reason: "badCandidate" };
  const { customerId, allocation } = chosen;
  const customer = await ctx.db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, code: true, name: true },
  });
  if (!customer) return { ok: false, reason: "badCandidate" };
  const claimed = await ctx.db.bankMovement.updateMany({
    where: { id: mv.id, outcome: "proposed" },
    data: { outcome: "confirmed", customerId, decidedBy: actor, decidedAt: ctx.clock.now() },
  });
  if (claimed.count === 0) return { ok: false, reason: "alreadyDecided" };
  const picked = await storeAllocation(ctx, mv.id, allocation);
  const today = todayOf(ctx);
  const changes = await recordConfirmed(ctx, mv, { customer, allocation, picked }, actor, today);
  if (!changes) return { ok: false, reason: "badCandidate" };
  if (mv.counterpartyIban) {
    await ctx.db.customerIban.upsert({
      where: { iban: mv.counterpartyIban },
      create: { iban: mv.counterpartyIban, customerId, source: `confirmed by ${actor}` },
      update: { customerId, source: `confirmed by ${actor}` },
    });
  }
  await audit(ctx.db, {
    actor,
    action: "bank.confirmed",
    customerId,
    detail: { movementId: mv.id, invoices: picked.map((p) => p.number), learntIban: !!mv.counterpartyIban },
  });
  await afterPayments(ctx, changes, new Set([customerId]), today);
  return {
    ok: true,
    outcome: "confirmed",
    customer: { id: customer.id, name: customer.name },
    importId: mv.importId,
  };
}

type ProposedMovement = NonNullable<Awaited<ReturnType<Ctx["db"]["bankMovement"]["findUnique"]>>>;

async function dismissMovement(ctx: Ctx, mv: ProposedMovement, actor: string): Promise<DecisionResult> {
  const claimed = await ctx.db.bankMovement.updateMany({
    where: { id: mv.id, outcome: "proposed" },
    data: { outcome: "dismissed", decidedBy: actor, decidedAt: ctx.clock.now() },
  });
  if (claimed.count === 0) return { ok: false, reason: "alreadyDecided" };
  await audit(ctx.db, { actor, action: "bank.dismissed", detail: { movementId: mv.id } });
  return { ok: true, outcome: "dismissed", importId: mv.importId };
}

/** The customer and allocation decided: one of the proposed candidates, or the admin's own choice. */
async function chosenMatch(
  ctx: Ctx,
  mv: ProposedMovement,
  decision: Exclude<Decision, { type: "dismiss" }>,
): Promise<{ customerId: number; allocation: Allocation[] } | null> {
  if (decision.type === "confirm") {
    const candidates = (JSON.parse(mv.detail ?? "{}").candidates ?? []) as Array<{
      customerId: number;
      allocation: Allocation[];
    }>;
    const c = candidates[decision.candidate];
    return c ? { customerId: c.customerId, allocation: c.allocation } : null;
  }
  const allocation = await allocateChosen(
    ctx,
    decision.customerId,
    decision.invoiceIds,
    Math.abs(mv.amountCents),
    mv.amountCents < 0,
  );
  return { customerId: decision.customerId, allocation };
}

/** The allocation with the invoice numbers, stored on the movement. */
async function storeAllocation(
  ctx: Ctx,
  movementId: number,
  allocation: Allocation[],
): Promise<{ id: number; number: string; cents: number }[]> {
  const invoices = await ctx.db.invoice.findMany({
    where: { id: { in: allocation.map((a) => a.invoiceId) } },
    select: { id: true, number: true },
  });
  const numberOf = new Map(invoices.map((i) => [i.id, i.number]));
  const picked = allocation.map((a) => ({
    id: a.invoiceId,
    number: numberOf.get(a.invoiceId) ?? "",
    cents: a.cents,
  }));
  await ctx.db.bankMovement.update({
    where: { id: movementId },
    data: { allocation: JSON.stringify(picked) },
  });
  return picked;
}

/**
 * Records the confirmed movement: a return (negative amount) reopens what it allocated, a payment is recorded
 * like an imported one. Null when the payment was refused (the movement is proposed again).
 */
async function recordConfirmed(
  ctx: Ctx,
  mv: ProposedMovement,
  match: {
    customer: { id: number; code: string; name: string };
    allocation: Allocation[];
    picked: { id: number; number: string; cents: number }[];
  },
  actor: string,
  today: IsoDate,
): Promise<PromiseChange[] | null> {
  const { customer, allocation, picked } = match;
  if (mv.amountCents < 0) {
    const t = messages(ctx.config.locale);
    const fee = Number(JSON.parse(mv.detail ?? "{}").feeCents ?? 0);
    return unitOfWork(ctx, (tx) =>
      applyReturn(ctx, tx, {
        customerId: customer.id,
        allocation,
        amountCents: -mv.amountCents,
        feeCents: fee,
        kind: mv.kind,
        date: mv.bookingDate,
        key: mv.key,
        today,
        actor,
        euro: (c) => formatEuro(c, ctx.config.locale),
        t,
      }),
    );
  }
  const movement: BankMovement = {
    bookingDate: mv.bookingDate,
    valueDate: mv.valueDate ?? undefined,
    amountCents: mv.amountCents,
    description: mv.description,
    kind: mv.kind as BankMovement["kind"],
  };
  const result: MovementResult = {
    key: mv.key,
    bookingDate: mv.bookingDate,
    amountCents: mv.amountCents,
    description: mv.description,
    kind: movement.kind,
    outcome: "matched",
    reason: "confirmed",
    customer,
    invoices: picked,
  };
  const recorded = await recordPayments(ctx, [{ movement, result, allocation }], actor);
  if (recorded.failed.size > 0) {
    await ctx.db.bankMovement.update({
      where: { id: mv.id },
      data: { outcome: "proposed", customerId: null, decidedBy: null, decidedAt: null },
    });
    return null;
  }
  return recorded.changes;
}

/** The chosen invoices first (a payment: up to what is open; a return: up to what was paid), else oldest open. */
async function allocateChosen(
  ctx: Ctx,
  customerId: number,
  invoiceIds: readonly number[],
  cents: number,
  isReturn: boolean,
): Promise<Allocation[]> {
  const chosen = await ctx.db.invoice.findMany({ where: { id: { in: [...invoiceIds] }, customerId } });
  const list =
    chosen.length > 0
      ? invoiceIds.map((id) => chosen.find((c) => c.id === id)!).filter(Boolean)
      : isReturn
        ? []
        : await ctx.db.invoice.findMany({
            where: { customerId, status: { in: ["open", "disputed"] }, openCents: { gt: 0 } },
            orderBy: [{ dueDate: "asc" }, { id: "asc" }],
          });
  const out: Allocation[] = [];
  let left = cents;
  for (const inv of list) {
    if (left <= 0) break;
    const room = isReturn ? inv.amountCents - inv.openCents : inv.openCents;
    const take = Math.min(left, room);
    if (take > 0) {
      out.push({ invoiceId: inv.id, cents: take });
      left -= take;
    }
  }
  return out;
}

/** Open invoices of a customer matching typed numbers ("2026/0168, 169"); the numbers not found are returned apart. */
export async function findInvoicesByNumbers(
  ctx: Pick<Ctx, "db">,
  customerId: number,
  typed: string,
  includePaid: boolean,
): Promise<{ ids: number[]; missing: string[] }> {
  const wanted = typed
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (wanted.length === 0) return { ids: [], missing: [] };
  const invoices = await ctx.db.invoice.findMany({
    where: { customerId, status: { in: includePaid ? ["open", "disputed", "paid"] : ["open", "disputed"] } },
    select: { id: true, number: true },
  });
  const ids: number[] = [];
  const missing: string[] = [];
  for (const w of wanted) {
    const k = invoiceNumberKey(w);
    const hit =
      invoices.find((i) => i.number.toLowerCase() === w.toLowerCase()) ??
      invoices.find((i) => {
        const ik = invoiceNumberKey(i.number);
        return !!k && !!ik && ik.seq === k.seq && (!k.year || !ik.year || ik.year === k.year);
      });
    if (hit) ids.push(hit.id);
    else missing.push(w);
  }
  return { ids, missing };
}

/** The proposed movements of an import (with what was decided on the others), for its Slack message. */
export async function importProposals(ctx: Pick<Ctx, "db">, importId: number): Promise<BankProposals> {
  const bankImport = await ctx.db.bankImport.findUnique({ where: { id: importId } });
  const rows = await ctx.db.bankMovement.findMany({
    where: { importId, OR: [{ outcome: "proposed" }, { decidedAt: { not: null } }] },
    orderBy: { id: "asc" },
  });
  const customerIds = new Set<number>();
  for (const r of rows) {
    if (r.customerId) customerIds.add(r.customerId);
    for (const c of (JSON.parse(r.detail ?? "{}").candidates ?? []) as Array<{ customerId: number }>)
      customerIds.add(c.customerId);
  }
  const customers = await ctx.db.customer.findMany({
    where: { id: { in: [...customerIds] } },
    select: { id: true, name: true },
  });
  const invoiceIds = rows.flatMap((r) =>
    ((JSON.parse(r.detail ?? "{}").candidates ?? []) as Array<{ allocation: Allocation[] }>).flatMap((c) =>
      c.allocation.map((a) => a.invoiceId),
    ),
  );
  const invoices = await ctx.db.invoice.findMany({
    where: { id: { in: invoiceIds } },
    select: { id: true, number: true },
  });
  return {
    fileName: bankImport?.fileName ?? "",
    channelId: bankImport?.channelId ?? null,
    customers: new Map(customers.map((c) => [c.id, c.name])),
    invoices: new Map(invoices.map((i) => [i.id, i.number])),
    movements: rows.map((r) => ({
      id: r.id,
      bookingDate: r.bookingDate,
      amountCents: r.amountCents,
      description: r.description,
      counterpartyName: r.counterpartyName,
      kind: r.kind,
      outcome: r.outcome,
      customerId: r.customerId,
      decidedBy: r.decidedBy,
      reason: String(JSON.parse(r.detail ?? "{}").reason ?? ""),
      candidates: (JSON.parse(r.detail ?? "{}").candidates ?? []) as Array<{
        customerId: number;
        allocation: Allocation[];
      }>,
    })),
  };
}

// ---- the proposals message (one per import, in the DM the statement came from) ------------------------

const proposalsKey = (importId: number) => `bank-proposals:${importId}`;

/** Posts the import's uncertain movements with their buttons (nothing when there are none or no DM). */
export async function postProposals(ctx: Ctx, importId: number): Promise<void> {
  const p = await importProposals(ctx, importId);
  if (!p.channelId || !p.movements.some((m) => m.outcome === "proposed")) return;
  const msg = bankProposalMessage(p, messages(ctx.config.locale), ctx.config.locale);
  await ctx.outbox.send({
    method: "chat.postMessage",
    channel: p.channelId,
    payload: msg,
    dedupeKey: proposalsKey(importId),
  });
}

/** Edits the proposals message after a decision: decided movements say who decided what, without buttons. */
export async function refreshProposals(ctx: Ctx, importId: number): Promise<void> {
  const p = await importProposals(ctx, importId);
  if (!p.channelId) return;
  const msg = bankProposalMessage(p, messages(ctx.config.locale), ctx.config.locale);
  await ctx.outbox.send({
    method: "chat.update",
    channel: p.channelId,
    payload: msg,
    anchor: { outboxKey: proposalsKey(importId) },
  });
}
