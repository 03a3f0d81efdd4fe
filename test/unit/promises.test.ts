import { describe, expect, it } from "vitest";
import { allocatePayments, evaluatePromise, type PromiseToPay } from "../../src/domain/promises";

// € 1.000,00 promised for Tuesday 10 March 2026; tolerance 2 days -> payments count until 12 March.
const promise: PromiseToPay = { id: 1, amountCents: 100_000, dueDate: "2026-03-10", status: "open" };
const evaluate = (
  payments: { date: string; amountCents: number }[],
  today: string,
  p = promise,
  tolerance = 2,
) => evaluatePromise(p, payments, today, tolerance);

describe("evaluatePromise", () => {
  it("is open until the tolerance window is over", () => {
    expect(evaluate([], "2026-03-11")).toEqual({ status: "open", paidCents: 0 });
    expect(evaluate([], "2026-03-12")).toEqual({ status: "open", paidCents: 0 });
  });

  it("is broken the day after the tolerance window with nothing paid", () => {
    expect(evaluate([], "2026-03-13")).toEqual({ status: "broken", paidCents: 0 });
  });

  it("is kept by a payment on the last day of tolerance", () => {
    expect(evaluate([{ date: "2026-03-12", amountCents: 100_000 }], "2026-03-13")).toEqual({
      status: "kept",
      paidCents: 100_000,
    });
  });

  it("is kept as soon as the amount is covered, even before the due date", () => {
    expect(evaluate([{ date: "2026-03-01", amountCents: 100_000 }], "2026-03-02")).toEqual({
      status: "kept",
      paidCents: 100_000,
    });
  });

  it("ignores a payment after the tolerance window", () => {
    expect(evaluate([{ date: "2026-03-13", amountCents: 100_000 }], "2026-03-13")).toEqual({
      status: "broken",
      paidCents: 0,
    });
  });

  it("is partial when some money arrived in time", () => {
    const payments = [
      { date: "2026-03-05", amountCents: 30_000 },
      { date: "2026-03-11", amountCents: 20_000 },
      { date: "2026-03-14", amountCents: 50_000 }, // late
    ];
    expect(evaluate(payments, "2026-03-20")).toEqual({ status: "partial", paidCents: 50_000 });
  });

  it("shows an overpayment", () => {
    expect(evaluate([{ date: "2026-03-10", amountCents: 120_000 }], "2026-03-20")).toEqual({
      status: "kept",
      paidCents: 120_000,
    });
  });

  it("with zero tolerance is broken the day after the due date", () => {
    expect(evaluate([], "2026-03-11", promise, 0)).toEqual({ status: "broken", paidCents: 0 });
    expect(evaluate([], "2026-03-10", promise, 0)).toEqual({ status: "open", paidCents: 0 });
  });

  it("counts the tolerance across the year end", () => {
    const newYear = { ...promise, dueDate: "2026-12-30" }; // deadline 1 January 2027
    expect(evaluate([{ date: "2027-01-01", amountCents: 100_000 }], "2027-01-05", newYear)).toEqual({
      status: "kept",
      paidCents: 100_000,
    });
  });

  it("keeps a stored kept status (payment confirmed by hand, not yet in the ledger)", () => {
    expect(evaluate([], "2026-03-20", { ...promise, status: "kept" })).toEqual({
      status: "kept",
      paidCents: 0,
    });
  });

  it("turns a stored broken promise into kept when a payment dated in time is imported late", () => {
    const payments = [{ date: "2026-03-11", amountCents: 100_000 }];
    expect(evaluate(payments, "2026-03-20", { ...promise, status: "broken" })).toEqual({
      status: "kept",
      paidCents: 100_000,
    });
  });
});

describe("allocatePayments (instalment plan of one customer)", () => {
  // Two instalments of € 500,00: 1 March (counts until 3 March) and 1 April (until 3 April).
  const plan: PromiseToPay[] = [
    { id: 2, amountCents: 50_000, dueDate: "2026-04-01", status: "open" },
    { id: 1, amountCents: 50_000, dueDate: "2026-03-01", status: "open" },
  ];
  const allocate = (payments: { date: string; amountCents: number }[], today: string) =>
    Object.fromEntries(allocatePayments(plan, payments, today, 2));

  it("keeps both instalments paid on time", () => {
    const payments = [
      { date: "2026-03-30", amountCents: 50_000 },
      { date: "2026-02-28", amountCents: 50_000 },
    ];
    expect(allocate(payments, "2026-04-10")).toEqual({
      1: { status: "kept", paidCents: 50_000 },
      2: { status: "kept", paidCents: 50_000 },
    });
  });

  it("uses late money to catch up on the old instalment, not to keep the next one", () => {
    expect(allocate([{ date: "2026-03-15", amountCents: 50_000 }], "2026-04-10")).toEqual({
      1: { status: "broken", paidCents: 0 },
      2: { status: "broken", paidCents: 0 },
    });
  });

  it("splits a payment across instalments, counting each part against its own deadline", () => {
    const payments = [
      { date: "2026-03-02", amountCents: 30_000 }, // in time for instalment 1
      { date: "2026-03-20", amountCents: 40_000 }, // 20.000 late for 1, 20.000 in time for 2
    ];
    expect(allocate(payments, "2026-04-10")).toEqual({
      1: { status: "partial", paidCents: 30_000 },
      2: { status: "partial", paidCents: 20_000 },
    });
  });

  it("keeps the whole plan paid in advance, and the last instalment takes the surplus", () => {
    expect(allocate([{ date: "2026-02-20", amountCents: 120_000 }], "2026-02-21")).toEqual({
      1: { status: "kept", paidCents: 50_000 },
      2: { status: "kept", paidCents: 70_000 },
    });
  });

  it("leaves a future instalment open", () => {
    expect(allocate([{ date: "2026-02-28", amountCents: 50_000 }], "2026-03-10")).toEqual({
      1: { status: "kept", paidCents: 50_000 },
      2: { status: "open", paidCents: 0 },
    });
  });

  it("orders instalments due the same day by id", () => {
    const sameDay: PromiseToPay[] = [
      { id: 8, amountCents: 50_000, dueDate: "2026-03-01", status: "open" },
      { id: 7, amountCents: 50_000, dueDate: "2026-03-01", status: "open" },
    ];
    const result = allocatePayments(sameDay, [{ date: "2026-03-01", amountCents: 60_000 }], "2026-03-10", 2);
    expect(Object.fromEntries(result)).toEqual({
      7: { status: "kept", paidCents: 50_000 },
      8: { status: "partial", paidCents: 10_000 },
    });
  });

  it("agrees with evaluatePromise for a single promise", () => {
    const payments = [
      { date: "2026-03-05", amountCents: 30_000 },
      { date: "2026-03-14", amountCents: 50_000 },
    ];
    const single = allocatePayments([promise], payments, "2026-03-20", 2).get(1);
    expect(single).toEqual(evaluatePromise(promise, payments, "2026-03-20", 2));
    expect(single).toEqual({ status: "partial", paidCents: 30_000 });
  });
});
