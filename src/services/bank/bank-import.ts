// Bank statement import: read (src/bank) -> match (domain/bank-matching) -> record. Clear matches become
// payments through the payments import (importParsed, as a "pagamenti" file), so promises, case closing and
// the report treat them as every other payment; a returned RiBa/SDD reopens its invoice, charges the fee to
// the case and leaves a "RiBa insoluta" follow-up for the next digest; uncertain matches wait for the admin.
// Each movement is stored with its identity key (unique): a second import of the same file changes nothing.

import { createHash } from "node:crypto";
import { readStatement, type StatementInput } from "../../bank/read";
import {
  BankFileError,
  type BankImportSummary,
  type BankMovement,
  type BankStatement,
  type MovementResult,
} from "../../bank/types";
import { type AppContext, today as todayOf } from "../../context";
import type { Tx } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { unitOfWork } from "../../db/unit-of-work";
import {
  type Allocation,
  attachReturnFees,
  BankMatcher,
  type MatchBook,
  type MatchMovement,
  type MatchOutcome,
} from "../../domain/bank-matching";
import { formatDateCompact, type IsoDate } from "../../domain/calendar";
import { formatEuro } from "../../domain/money";
import { type StoredTaskText, storeTaskText } from "../../domain/task-text";
import { normalizeForSearch } from "../../domain/text";
import { messages } from "../../i18n";
import type { ParsedFile, PaymentRecord } from "../../import/types";
import { audit } from "../audit";
import { closeCaseIfSettled } from "../cases/case-lifecycle";
import { openCase, postToCase, refreshCaseParent } from "../cases/cases";
import { announcePromiseChanges, evaluateCustomerPromises, type PromiseChange } from "../cases/promises";
import { importParsed } from "../imports/import";

export type { BankImportSummary, MovementOutcome, MovementResult } from "../../bank/types";

export interface BankImportOptions {
  actor: string;
  dryRun?: boolean;
  /** the DM where the proposals go (from Slack); none from the CLI */
  channelId?: string;
}

type Ctx = AppContext;

/** Movements per payments import (one short transaction each). */
const CHUNK = 100;
/** Paid invoices this recent are loaded too, so a returned RiBa finds the invoice it reopens. */
const RETURN_LOOKBACK_DAYS = 180;

/**
 * A movement's identity: the same movement read again (same file, the next day's overlapping export, or the
 * camt.053 of a day whose camt.054 notifications came first) gets the same key. With the bank's reference the
 * key is account, date, amount and reference; without one the description stands in for it.
 */
export function movementKeys(st: BankStatement): string[] {
  const seen = new Map<string, number>();
  return st.movements.map((m) => {
    const account = st.account ?? m.account ?? "";
    const ref = m.bankReference && m.bankReference !== "NOTPROVIDED" ? m.bankReference : "";
    const base = (
      ref
        ? ["ref", account, m.bookingDate, m.amountCents, ref]
        : [account, m.bookingDate, m.valueDate ?? "", m.amountCents, normalizeForSearch(m.description)]
    ).join("|");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${createHash("sha256").update(base).digest("hex").slice(0, 32)}#${n}`;
  });
}

function toMatch(m: BankMovement, key: string): MatchMovement {
  return {
    key,
    bookingDate: m.bookingDate,
    valueDate: m.valueDate,
    amountCents: m.amountCents,
    description: m.description,
    counterpartyName: m.counterpartyName,
    counterpartyIban: m.counterpartyIban,
    counterpartyVat: m.counterpartyVat,
    kind: m.kind,
    feeCents: m.feeCents,
  };
}

function addDays(d: IsoDate, n: number): IsoDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** What the matcher needs from the database: customers, open (and recently paid) invoices, IBANs, promises. */
export async function loadMatchBook(db: Ctx["db"], today: IsoDate): Promise<MatchBook> {
  const since = addDays(today, -RETURN_LOOKBACK_DAYS);
  const [customers, invoices, ibans, promises] = await Promise.all([
    db.customer.findMany({ select: { id: true, code: true, name: true, vatNumber: true } }),
    db.invoice.findMany({
      where: {
        OR: [{ status: { in: ["open", "disputed"] } }, { status: "paid", closedOn: { gte: since } }],
      },
      select: {
        id: true,
        customerId: true,
        number: true,
        installment: true,
        issueDate: true,
        dueDate: true,
        amountCents: true,
        openCents: true,
        status: true,
      },
    }),
    db.customerIban.findMany(),
    db.paymentPromise.findMany({
      where: { status: { in: ["open", "partial"] } },
      select: { customerId: true, amountCents: true, paidCents: true, dueDate: true },
    }),
  ]);
  return {
    customers,
    invoices,
    ibans: new Map(ibans.map((i) => [i.iban, i.customerId])),
    promises: promises.map((p) => ({
      customerId: p.customerId,
      missingCents: p.amountCents - p.paidCents,
      dueDate: p.dueDate,
    })),
  };
}

function emptySummary(file: string, dryRun: boolean): BankImportSummary {
  return {
    file,
    issues: [],
    movements: [],
    dryRun,
    written: false,
    collectedCents: 0,
    promises: { kept: 0, partial: 0, broken: 0 },
    casesClosed: 0,
    paymentErrors: 0,
  };
}

/** Reads one statement, matches it and (unless a dry run) records what it says. */
export async function importStatement(
  ctx: Ctx,
  input: StatementInput,
  opts: BankImportOptions,
): Promise<BankImportSummary> {
  const summary = emptySummary(input.name, !!opts.dryRun);
  let st: BankStatement;
  try {
    st = await readStatement(input);
  } catch (err) {
    if (!(err instanceof BankFileError)) throw err;
    summary.fileError = { key: err.key, args: err.args };
    return summary;
  }
  summary.format = st.format;
  summary.encoding = st.encoding;
  summary.issues = st.issues;
  const today = todayOf(ctx);
  const outcomes = await matchStatement(ctx, st, today, summary);
  if (opts.dryRun) return summary;
  await recordStatement(ctx, input, opts, st, outcomes, today, summary);
  return summary;
}

/**
 * Matches every movement of the statement (a movement already imported is a duplicate; a return's fee rides
 * on the return) and fills the summary's movements. Returns each movement's outcome (null: duplicate).
 */
async function matchStatement(
  ctx: Ctx,
  st: BankStatement,
  today: IsoDate,
  summary: BankImportSummary,
): Promise<Array<MatchOutcome | null>> {
  const keys = movementKeys(st);
  const known = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await ctx.db.bankMovement.findMany({
      where: { key: { in: keys.slice(i, i + 500) } },
      select: { key: true },
    });
    for (const r of rows) known.add(r.key);
  }
  const book = await loadMatchBook(ctx.db, today);
  const matcher = new BankMatcher(book);
  const movements = st.movements.map((m, i) => toMatch(m, keys[i]!));
  const fees = attachReturnFees(movements);
  const feeOf = new Set([...fees.values()].flat());
  for (const [ret, list] of fees) {
    movements[ret]!.feeCents =
      (movements[ret]!.feeCents ?? 0) + list.reduce((s, i) => s + -movements[i]!.amountCents, 0);
  }
  const customers = new Map(book.customers.map((c) => [c.id, c]));
  const invoices = new Map(book.invoices.map((i) => [i.id, i]));
  const outcomes: Array<MatchOutcome | null> = [];
  st.movements.forEach((m, i) => {
    const mm = movements[i]!;
    const duplicate = known.has(mm.key);
    const outcome: MatchOutcome | null = duplicate
      ? null
      : feeOf.has(i)
        ? { type: "ignored", reason: "fee" }
        : matcher.match(mm);
    outcomes.push(outcome);
    const result: MovementResult = {
      line: m.line,
      element: m.element,
      key: mm.key,
      bookingDate: m.bookingDate,
      amountCents: m.amountCents,
      description: m.description,
      counterpartyName: m.counterpartyName,
      kind: m.kind,
      outcome: outcome ? outcome.type : "duplicate",
      reason: !outcome ? "" : feeOf.has(i) ? "returnFee" : outcome.reason,
      invoices: [],
    };
    if (outcome && (outcome.type === "matched" || outcome.type === "returned")) {
      const c = customers.get(outcome.customerId)!;
      result.customer = { id: c.id, code: c.code, name: c.name };
      result.invoices = outcome.allocation.map((a) => ({
        id: a.invoiceId,
        number: invoices.get(a.invoiceId)!.number,
        cents: a.cents,
      }));

      if (outcome.type === "matched") summary.collectedCents += m.amountCents;
    }
    // a return keeps its fee also when proposed: confirming it charges the fee to the case
    if (mm.kind === "riba_returned" || mm.kind === "sdd_returned") result.feeCents = mm.feeCents ?? 0;
    if (outcome?.type === "proposed") {
      result.candidates = outcome.candidates.length;
      const first = outcome.candidates[0];
      if (first) {
        const c = customers.get(first.customerId)!;
        result.customer = { id: c.id, code: c.code, name: c.name };
        result.invoices = first.allocation.map((a) => ({
          id: a.invoiceId,
          number: invoices.get(a.invoiceId)!.number,
          cents: a.cents,
        }));
      }
    }
    summary.movements.push(result);
  });
  return outcomes;
}

/**
 * Records what the statement says: the clear payments a chunk at a time (a payment refused on the way waits
 * for the admin instead), the returns, the proposals and ignored movements; then the case threads and the
 * audit.
 */
async function recordStatement(
  ctx: Ctx,
  input: StatementInput,
  opts: BankImportOptions,
  st: BankStatement,
  outcomes: Array<MatchOutcome | null>,
  today: IsoDate,
  summary: BankImportSummary,
): Promise<void> {
  const bankImport = await ctx.db.bankImport.create({
    data: { fileName: input.name, format: st.format, actor: opts.actor, channelId: opts.channelId ?? null },
  });
  summary.importId = bankImport.id;
  const changes: PromiseChange[] = [];
  const touched = new Set<number>();
  // clear payments, a chunk at a time: the payments import, then the movements that it recorded
  const pending = summary.movements.map((r, i) => ({ r, i })).filter(({ r }) => r.outcome === "matched");
  for (let at = 0; at < pending.length; at += CHUNK) {
    const chunk = pending.slice(at, at + CHUNK);
    const recorded = await recordPayments(
      ctx,
      chunk.map(({ r, i }) => ({
        movement: st.movements[i]!,
        result: r,
        allocation: (outcomes[i] as { allocation: Allocation[] }).allocation,
      })),
      opts.actor,
    );
    changes.push(...recorded.changes);
    for (const { r, i } of chunk) {
      if (!recorded.failed.has(r)) continue;
      // the payments import refused it (an invoice closed meanwhile, say): it waits for the admin instead
      const o = outcomes[i] as Extract<MatchOutcome, { type: "matched" }>;
      outcomes[i] = {
        type: "proposed",
        reason: "notRecorded",
        candidates: [{ customerId: o.customerId, allocation: o.allocation, reason: "notRecorded" }],
      };
      r.outcome = "proposed";
      r.reason = "notRecorded";
      r.candidates = 1;
      summary.collectedCents -= r.amountCents;
      summary.paymentErrors += 1;
    }
    await storeMovements(
      ctx,
      bankImport.id,
      chunk.map(({ r, i }) => ({ m: st.movements[i]!, r, outcome: outcomes[i]! })),
    );
    for (const { r } of chunk) if (r.customer) touched.add(r.customer.id);
  }
  for (const [i, r] of summary.movements.entries()) {
    if (r.outcome !== "returned") continue;
    const outcome = outcomes[i] as Extract<MatchOutcome, { type: "returned" }>;
    const result = await recordReturn(ctx, bankImport.id, st.movements[i]!, r, outcome, today, opts.actor);
    if (result) {
      changes.push(...result);
      touched.add(outcome.customerId);
    } else r.outcome = "duplicate";
  }
  // proposals and ignored movements: stored so a re-import skips them and the buttons find them
  const rest = summary.movements
    .map((r, i) => ({ m: st.movements[i]!, r, outcome: outcomes[i]! }))
    .filter(({ r }) => r.outcome === "proposed" || r.outcome === "ignored");
  for (let at = 0; at < rest.length; at += 500)
    await storeMovements(ctx, bankImport.id, rest.slice(at, at + 500));
  summary.written = true;
  await afterPayments(ctx, changes, touched, today, summary);
  await audit(ctx.db, {
    actor: opts.actor,
    action: "bank.import",
    detail: {
      file: input.name,
      format: st.format,
      importId: bankImport.id,
      movements: summary.movements.length,
      matched: summary.movements.filter((r) => r.outcome === "matched").length,
      proposed: summary.movements.filter((r) => r.outcome === "proposed").length,
      returned: summary.movements.filter((r) => r.outcome === "returned").length,
      duplicates: summary.movements.filter((r) => r.outcome === "duplicate").length,
      collectedCents: summary.collectedCents,
    },
  });
}

/** Promise lines in the case threads, cleared cases closed, counts in the summary. */
export async function afterPayments(
  ctx: Ctx,
  changes: readonly PromiseChange[],
  customers: ReadonlySet<number>,
  today: IsoDate,
  summary?: BankImportSummary,
): Promise<void> {
  await announcePromiseChanges(ctx, changes, today);
  for (const c of changes) {
    if (summary && c.to !== "open" && c.to !== c.from) summary.promises[c.to] += 1;
  }
  for (const customerId of customers) {
    const reason = await unitOfWork(ctx, (tx) => closeCaseIfSettled(ctx, tx, customerId, today));
    if (reason && summary) summary.casesClosed += 1;
  }
}

/**
 * Records matched movements as payments through the payments import (the same path as a payments file):
 * one record per invoice the movement pays, what exceeds them on account. The reference carries the
 * movement key, so a retried chunk is recognised by that import's duplicate check. Returns the promise changes.
 */
export async function recordPayments(
  ctx: Ctx,
  items: ReadonlyArray<{ movement: BankMovement; result: MovementResult; allocation: readonly Allocation[] }>,
  actor: string,
): Promise<{ changes: PromiseChange[]; failed: Set<MovementResult> }> {
  const customerIds = [...new Set(items.map((x) => x.result.customer!.id))];
  const before = await promiseStates(ctx, customerIds);
  const invoices = await ctx.db.invoice.findMany({
    where: { id: { in: items.flatMap((x) => x.allocation.map((a) => a.invoiceId)) } },
    select: { id: true, number: true, installment: true },
  });
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const today = todayOf(ctx);
  const paymentsOf = (n: number): PaymentRecord[] => {
    const { movement, result, allocation } = items[n]!;
    const base = {
      row: n + 1,
      date: movement.bookingDate,
      customerCode: result.customer!.code,
      method: methodOf(movement.kind),
      reference: `banca:${result.key}`,
    };
    const out: PaymentRecord[] = [];
    let left = movement.amountCents;
    for (const a of allocation) {
      const inv = byId.get(a.invoiceId);
      if (!inv) continue;
      out.push({ ...base, invoiceNumber: inv.number, installment: inv.installment, amountCents: a.cents });
      left -= a.cents;
    }
    if (left > 0) out.push({ ...base, amountCents: left });
    return out;
  };
  const file = (payments: PaymentRecord[]): ParsedFile => ({
    file: "banca",
    kind: "pagamenti",
    format: "csv",
    rows: payments.length,
    customers: [],
    receivables: [],
    payments,
    errors: [],
    warnings: [],
    rejectedKeys: [],
  });
  // all or nothing per movement: a refused chunk is retried movement by movement
  const failed = new Set<MovementResult>();
  const all = await importParsed(ctx, [file(items.flatMap((_, n) => paymentsOf(n)))], { actor });
  if (all.rejected) {
    for (const [n, item] of items.entries()) {
      const one = items.length > 1 ? await importParsed(ctx, [file(paymentsOf(n))], { actor }) : all;
      if (one.rejected) failed.add(item.result);
    }
  }
  // the thread of each open case says what came in (promise lines follow from the changes); that line is the
  // payment's announcement, so the round of payment lines before the digest does not tell it again
  await unitOfWork(ctx, async (tx) => {
    await tx.payment.updateMany({
      where: {
        reference: { in: items.filter((x) => !failed.has(x.result)).map((x) => `banca:${x.result.key}`) },
      },
      data: { toAnnounce: false },
    });
    for (const { movement, result: r } of items) {
      if (failed.has(r)) continue;
      const kase = await tx.case.findFirst({ where: { customerId: r.customer!.id, closedOn: null } });
      if (!kase) continue;
      const t = messages(ctx.config.locale);
      const text = t.bank.thread.paid(
        formatEuro(movement.amountCents, ctx.config.locale),
        r.invoices.map((i) => i.number).join(", "),
        formatDateCompact(movement.bookingDate, ctx.config.locale),
      );
      await postToCase(ctx, kase.id, { text }, today, tx);
    }
  });
  return { changes: diffPromises(before, await promiseStates(ctx, customerIds)), failed };
}

function methodOf(kind: BankMovement["kind"]): string {
  return kind === "riba_collected" ? "riba" : kind === "sdd_collected" ? "sdd" : "bonifico";
}

type PromiseState = Map<number, { customerId: number; status: string; paidCents: number }>;

async function promiseStates(ctx: Ctx, customerIds: readonly number[]): Promise<PromiseState> {
  const rows = await ctx.db.paymentPromise.findMany({
    where: { customerId: { in: [...customerIds] }, status: { not: "cancelled" } },
    select: { id: true, customerId: true, status: true, paidCents: true },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

/** What the payments import changed in the promises (it evaluates them; this tells them in the threads). */
function diffPromises(before: PromiseState, after: PromiseState): PromiseChange[] {
  const out: PromiseChange[] = [];
  for (const [id, a] of after) {
    const b = before.get(id);
    if (b && b.status === a.status && b.paidCents === a.paidCents) continue;
    out.push({
      promiseId: id,
      customerId: a.customerId,
      from: b?.status ?? "open",
      to: a.status as PromiseChange["to"],
      paidCents: a.paidCents,
    });
  }
  return out;
}

async function storeMovements(
  ctx: Ctx,
  importId: number,
  items: ReadonlyArray<{ m: BankMovement; r: MovementResult; outcome: MatchOutcome | null }>,
): Promise<void> {
  if (items.length === 0) return;
  const data = items.map(({ m, r, outcome }) => movementRow(importId, m, r, outcome));
  try {
    await ctx.db.bankMovement.createMany({ data });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // another import of the same file got there first: store the ones it did not
    for (const row of data) {
      try {
        await ctx.db.bankMovement.create({ data: row });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
    }
  }
  const ids = await ctx.db.bankMovement.findMany({
    where: { key: { in: data.map((d) => d.key) } },
    select: { id: true, key: true },
  });
  const idOf = new Map(ids.map((i) => [i.key, i.id]));
  for (const { r } of items) r.movementId = idOf.get(r.key);
}

function movementRow(importId: number, m: BankMovement, r: MovementResult, outcome: MatchOutcome | null) {
  const detail: Record<string, unknown> = { reason: r.reason, where: m.line ?? m.element };
  if (outcome?.type === "proposed") detail.candidates = outcome.candidates;
  if (r.feeCents !== undefined) detail.feeCents = r.feeCents;
  return {
    key: r.key,
    importId,
    bookingDate: m.bookingDate,
    valueDate: m.valueDate ?? null,
    amountCents: m.amountCents,
    kind: m.kind,
    description: m.description,
    counterpartyName: m.counterpartyName ?? null,
    counterpartyIban: m.counterpartyIban ?? null,
    counterpartyVat: m.counterpartyVat ?? null,
    bankReference: m.bankReference ?? null,
    outcome: r.outcome,
    customerId: outcome?.type === "matched" || outcome?.type === "returned" ? outcome.customerId : null,
    allocation:
      outcome?.type === "matched" || outcome?.type === "returned" ? JSON.stringify(r.invoices) : null,
    detail: JSON.stringify(detail),
  };
}

/**
 * A returned RiBa or SDD, in one transaction: the movement stored (its unique key makes a second import a
 * no-op), the invoices reopened by what the bank took back, a negative payment so promises and the report
 * see the money gone, the fee as a case cost, a thread line, a "RiBa insoluta" follow-up for the next digest.
 * Returns the promise changes, or null when the movement was already imported.
 */
async function recordReturn(
  ctx: Ctx,
  importId: number,
  m: BankMovement,
  r: MovementResult,
  outcome: Extract<MatchOutcome, { type: "returned" }>,
  today: IsoDate,
  actor: string,
): Promise<PromiseChange[] | null> {
  const t = messages(ctx.config.locale);
  const euro = (c: number) => formatEuro(c, ctx.config.locale);
  try {
    return await unitOfWork(ctx, async (tx) => {
      // a plain create: a second import of the same movement fails here and changes nothing
      const row = await tx.bankMovement.create({
        data: movementRow(importId, m, r, outcome),
        select: { id: true },
      });
      r.movementId = row.id;
      return applyReturn(ctx, tx, {
        customerId: outcome.customerId,
        allocation: outcome.allocation,
        amountCents: -m.amountCents,
        feeCents: outcome.feeCents,
        kind: m.kind,
        date: m.bookingDate,
        key: r.key,
        today,
        actor,
        euro,
        t,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

export async function applyReturn(
  ctx: Ctx,
  tx: Tx,
  a: {
    customerId: number;
    allocation: readonly Allocation[];
    amountCents: number;
    feeCents: number;
    kind: string;
    date: IsoDate;
    key: string;
    today: IsoDate;
    actor: string;
    euro: (c: number) => string;
    t: ReturnType<typeof messages>;
  },
): Promise<PromiseChange[]> {
  const numbers: string[] = [];
  for (const al of a.allocation) {
    const inv = await tx.invoice.findUniqueOrThrow({ where: { id: al.invoiceId } });
    const openCents = Math.min(inv.amountCents, inv.openCents + al.cents);
    await tx.invoice.update({
      where: { id: inv.id },
      data: { openCents, status: inv.status === "disputed" ? "disputed" : "open", closedOn: null },
    });
    numbers.push(inv.number);
  }
  await tx.payment.create({
    data: {
      customerId: a.customerId,
      invoiceId: a.allocation[0]?.invoiceId ?? null,
      date: a.date,
      amountCents: -a.amountCents,
      method: a.kind === "sdd_returned" ? "sdd_insoluto" : "riba_insoluta",
      reference: `banca:${a.key}`,
    },
  });
  const kase = await openCase(tx, a.customerId, a.today);
  if (a.feeCents > 0) {
    await tx.caseCost.create({
      data: {
        customerId: a.customerId,
        caseId: kase.id,
        kind: "bank_fee",
        amountCents: a.feeCents,
        date: a.date,
        // no sentence: the label is rendered from the movement's kind (read through `source`) when shown
        source: `bank:${a.key}`,
      },
    });
  }
  const kindText = a.t.bank.kind[a.kind] ?? a.kind;
  const invoices = numbers.join(", ");
  const fee = a.feeCents > 0 ? a.euro(a.feeCents) : "";
  // stored as data, rendered in the digest reader's locale; the sentences stay for readers of the row
  const text: StoredTaskText = {
    reason: {
      code: "bank_returned",
      returned: a.kind,
      amountCents: a.amountCents,
      invoices: numbers,
      feeCents: a.feeCents,
    },
    action: { code: "bank_returned" },
  };
  await tx.dailyTask.create({
    data: {
      date: a.today,
      kind: "riba_returned",
      customerId: a.customerId,
      reason: a.t.bank.task.reason(kindText, a.euro(a.amountCents), invoices, fee),
      action: a.t.bank.task.action,
      detail: storeTaskText(text),
      source: `bank:${a.key}`,
    },
  });
  await audit(tx, {
    actor: a.actor,
    action: "bank.returned",
    caseId: kase.id,
    customerId: a.customerId,
    detail: { kind: a.kind, cents: a.amountCents, feeCents: a.feeCents, invoices: numbers },
  });
  await postToCase(
    ctx,
    kase.id,
    { text: a.t.bank.thread.returned(kindText, a.euro(a.amountCents), invoices, fee) },
    a.today,
    tx,
  );
  // the parent shows the invoice open again and the fee in its costs line
  await refreshCaseParent(ctx, kase.id, a.today, tx);
  return evaluateCustomerPromises(tx, a.customerId, a.today, {
    promiseToleranceDays: ctx.config.rules.promiseToleranceDays,
    timeZone: ctx.config.timeZone,
  });
}
