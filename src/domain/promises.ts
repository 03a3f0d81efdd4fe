// Promise-to-pay evaluation: kept, partially kept or broken, from the payments that arrived in time.

import { addDays, type IsoDate } from "./calendar";

export type PromiseStatus = "open" | "kept" | "partial" | "broken";

export interface PromiseToPay {
  id: number;
  amountCents: number;
  dueDate: IsoDate;
  status: PromiseStatus;
}

export interface Payment {
  date: IsoDate;
  amountCents: number;
}

export interface PromiseEvaluation {
  status: PromiseStatus;
  paidCents: number; // paid in time (by due date + tolerance); may exceed the amount (overpayment)
}

/** Last day a payment still counts for the promise. */
export function promiseDeadline(dueDate: IsoDate, toleranceDays: number): IsoDate {
  return addDays(dueDate, toleranceDays);
}

/**
 * Status from what was paid in time: kept as soon as the amount is covered; once the tolerance window
 * is over, partial if something arrived, broken if nothing; open until then.
 */
export function promiseStatus(
  amountCents: number,
  paidCents: number,
  dueDate: IsoDate,
  today: IsoDate,
  toleranceDays: number,
): PromiseStatus {
  if (paidCents >= amountCents) return "kept";
  if (today <= promiseDeadline(dueDate, toleranceDays)) return "open";
  return paidCents > 0 ? "partial" : "broken";
}

// A stored "kept" is final: a collector may confirm a payment the ledger does not show yet. Partial and
// broken are re-evaluated, so a payment imported late but dated in time turns the promise into kept.
function withStoredStatus(stored: PromiseStatus, evaluated: PromiseEvaluation): PromiseEvaluation {
  return stored === "kept" ? { ...evaluated, status: "kept" } : evaluated;
}

/** One promise against the customer's payments made since the promise was created. */
export function evaluatePromise(
  promise: PromiseToPay,
  paymentsSinceCreated: readonly Payment[],
  today: IsoDate,
  toleranceDays: number,
): PromiseEvaluation {
  const deadline = promiseDeadline(promise.dueDate, toleranceDays);
  let paidCents = 0;
  for (const p of paymentsSinceCreated) if (p.date <= deadline) paidCents += p.amountCents;
  const status = promiseStatus(promise.amountCents, paidCents, promise.dueDate, today, toleranceDays);
  return withStoredStatus(promise.status, { status, paidCents });
}

/**
 * Several promises of one customer (an instalment plan) against the customer's payments since the first
 * promise was made. Payments are per customer, so money is poured in date order into the promises in due
 * date order, oldest first (what the debtor means by paying an instalment plan). Money counts for a promise's
 * status only if paid by its deadline, but late money still fills the late promise first: catching up on
 * instalment 1 must not make instalment 2 look kept while the debtor is still one instalment behind.
 * The last promise also takes any surplus, so an overpayment is visible. Returns one evaluation per id.
 */
export function allocatePayments(
  promises: readonly PromiseToPay[],
  payments: readonly Payment[],
  today: IsoDate,
  toleranceDays: number,
): Map<number, PromiseEvaluation> {
  const ordered = [...promises].sort((a, b) =>
    a.dueDate === b.dueDate ? a.id - b.id : a.dueDate < b.dueDate ? -1 : 1,
  );
  const queue = [...payments]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((p) => ({ ...p }));
  const result = new Map<number, PromiseEvaluation>();
  let next = 0; // first payment with money left
  for (const [index, promise] of ordered.entries()) {
    const deadline = promiseDeadline(promise.dueDate, toleranceDays);
    const isLast = index === ordered.length - 1;
    let allocated = 0;
    let paidInTime = 0;
    while (next < queue.length && (isLast || allocated < promise.amountCents)) {
      const payment = queue[next]!;
      const take = isLast
        ? payment.amountCents
        : Math.min(payment.amountCents, promise.amountCents - allocated);
      allocated += take;
      if (payment.date <= deadline) paidInTime += take;
      payment.amountCents -= take;
      if (payment.amountCents === 0) next++;
    }
    const status = promiseStatus(promise.amountCents, paidInTime, promise.dueDate, today, toleranceDays);
    result.set(promise.id, withStoredStatus(promise.status, { status, paidCents: paidInTime }));
  }
  return result;
}
