import { describe, expect, it } from "vitest";
import {
  allocatePayments,
  collectorActivity,
  computeReport,
  dso,
  type KpiInvoice,
  type KpiPayment,
  type KpiPromise,
  monthPeriod,
  openOn,
  type Period,
  positionOn,
  previousWeekPeriod,
  promiseStats,
  type ReportInput,
  recoverySeries,
  recoveryWithin90,
  reorderAfterRecovery,
  tripResults,
  weekPeriod,
} from "../../src/domain/kpi";

const NOVEMBER: Period = { kind: "month", from: "2026-11-01", to: "2026-11-30" };

let nextId = 1;
function inv(
  customerId: number,
  issueDate: string,
  dueDate: string,
  amountCents: number,
  more: Partial<KpiInvoice> = {},
): KpiInvoice {
  return {
    id: nextId++,
    customerId,
    issueDate,
    dueDate,
    amountCents,
    openCents: amountCents,
    status: "open",
    closedOn: null,
    ...more,
  };
}
/** the invoice as the database has it once paid in full (payments recorded separately) */
function paidOn(closedOn: string): Partial<KpiInvoice> {
  return { status: "paid", openCents: 0, closedOn };
}
function pay(
  customerId: number,
  date: string,
  amountCents: number,
  invoiceId: number | null = null,
): KpiPayment {
  return { id: nextId++, customerId, invoiceId, date, amountCents };
}
function promise(
  more: Partial<KpiPromise> & { amountCents: number; dueDate: string; status: string },
): KpiPromise {
  return { customerId: 1, interactionId: null, paidCents: 0, ...more };
}
function input(more: Partial<ReportInput>): ReportInput {
  return {
    invoices: [],
    payments: [],
    promises: [],
    interactions: [],
    customers: [],
    members: [],
    trips: [],
    ...more,
  };
}

describe("periods", () => {
  it("month so far, a past month whole, the week from Monday, and the previous whole week", () => {
    expect(monthPeriod("2026-11-10")).toEqual({ kind: "month", from: "2026-11-01", to: "2026-11-10" });
    expect(monthPeriod("2026-10-05", "2026-11-10")).toEqual({
      kind: "month",
      from: "2026-10-01",
      to: "2026-10-31",
    });
    expect(weekPeriod("2026-03-04")).toEqual({ kind: "week", from: "2026-03-02", to: "2026-03-04" });
    expect(previousWeekPeriod("2026-03-02")).toEqual({ kind: "week", from: "2026-02-23", to: "2026-03-01" });
  });
});

describe("allocatePayments", () => {
  it("gives a payment to its invoice, otherwise to the oldest due invoices first; an advance goes nowhere", () => {
    const a = inv(1, "2026-01-01", "2026-02-28", 30_000);
    const b = inv(1, "2026-01-15", "2026-01-31", 20_000);
    const later = inv(1, "2026-04-01", "2026-04-30", 50_000); // issued after the payments
    const tied = pay(1, "2026-03-01", 10_000, a.id);
    const loose = pay(1, "2026-03-10", 45_000);
    const result = allocatePayments([a, b, later], [loose, tied]);
    expect(result).toEqual([
      { invoiceId: a.id, customerId: 1, date: "2026-03-01", cents: 10_000, overdue: true, implicit: false },
      // 45.000: 20.000 to b (due first), 20.000 to what is left of a, 5.000 advance
      { invoiceId: a.id, customerId: 1, date: "2026-03-10", cents: 20_000, overdue: true, implicit: false },
      { invoiceId: b.id, customerId: 1, date: "2026-03-10", cents: 20_000, overdue: true, implicit: false },
    ]);
  });

  it("counts an invoice closed as paid without payments as paid on its closing day", () => {
    const a = inv(1, "2026-01-01", "2026-01-31", 30_000, {
      status: "paid",
      openCents: 0,
      closedOn: "2026-02-10",
    });
    const part = pay(1, "2026-01-20", 10_000, a.id);
    expect(allocatePayments([a], [part])).toEqual([
      { invoiceId: a.id, customerId: 1, date: "2026-01-20", cents: 10_000, overdue: false, implicit: false },
      { invoiceId: a.id, customerId: 1, date: "2026-02-10", cents: 20_000, overdue: true, implicit: true },
    ]);
  });

  it("rebuilds the open amount of a past day from the current open amount and later payments", () => {
    const a = inv(1, "2026-01-01", "2026-01-31", 30_000, { openCents: 5_000 });
    const p1 = pay(1, "2026-02-05", 10_000, a.id);
    const p2 = pay(1, "2026-03-05", 15_000, a.id);
    const allocations = allocatePayments([a], [p1, p2]);
    expect(openOn([a], allocations, "2025-12-31").has(a.id)).toBe(false); // not issued yet
    expect(openOn([a], allocations, "2026-01-31").get(a.id)).toBe(30_000);
    expect(openOn([a], allocations, "2026-02-05").get(a.id)).toBe(20_000);
    expect(openOn([a], allocations, "2026-03-05").get(a.id)).toBe(5_000);
  });
});

describe("recovered within 90 days of the due date", () => {
  it("takes the invoices whose 90 days ended in the period and what was paid after the due date within them", () => {
    const a = inv(1, "2026-07-01", "2026-08-10", 100_000); // window ends 8 Nov
    const b = inv(2, "2026-07-01", "2026-08-20", 50_000); // window ends 18 Nov
    const c = inv(2, "2026-09-01", "2026-12-31", 70_000); // not due yet
    const d = inv(3, "2026-06-01", "2026-07-15", 80_000); // window ended 13 Oct: not in November's cohort
    const e = inv(4, "2026-07-01", "2026-08-25", 40_000); // paid on the due date: never overdue
    const payments = [
      pay(1, "2026-08-05", 20_000, a.id), // before the due date: 80.000 overdue
      pay(1, "2026-09-15", 30_000, a.id), // recovered within 90 days
      pay(1, "2026-11-20", 10_000, a.id), // after the window: not counted
      pay(2, "2026-10-01", 50_000), // no invoice: goes to b (due first), recovered within 90 days
      pay(3, "2026-08-01", 80_000, d.id),
      pay(4, "2026-08-25", 40_000, e.id),
    ];
    const data = input({ invoices: [a, b, c, d, e], payments });
    const r = recoveryWithin90(data, NOVEMBER, allocatePayments(data.invoices, payments));
    // (30.000 + 50.000) / (80.000 + 50.000) = 61,538%
    expect(r).toEqual({ invoices: 2, overdueCents: 130_000, recoveredCents: 80_000, share: 61.5 });
    const report = computeReport(data, NOVEMBER);
    expect(report.recovery90).toMatchObject({ share: 61.5, target: 40, met: true });
  });

  it("a returned RiBa takes its collection back: the invoice was overdue all along, a later payment recovers it", () => {
    const a = inv(1, "2026-07-01", "2026-08-10", 100_000); // window ends 8 Nov
    const b = inv(2, "2026-07-01", "2026-08-12", 60_000); // window ends 10 Nov
    const payments = [
      pay(1, "2026-08-10", 100_000, a.id), // the RiBa collected on the due date...
      pay(1, "2026-08-17", -100_000, a.id), // ...and returned unpaid a week later
      pay(1, "2026-09-01", 100_000, a.id), // paid by transfer after a call: recovered
      pay(2, "2026-09-05", 60_000, b.id), // recovered
      pay(2, "2026-09-20", -60_000, b.id), // that recovery bounced: nothing recovered in the end
    ];
    const data = input({ invoices: [a, b], payments });
    const allocations = allocatePayments(data.invoices, payments);
    expect(openOn(data.invoices, allocations, "2026-08-20").get(a.id)).toBe(100_000);
    expect(recoveryWithin90(data, NOVEMBER, allocations)).toEqual({
      invoices: 2,
      overdueCents: 160_000,
      recoveredCents: 100_000,
      share: 62.5,
    });
  });

  it("has no share when no invoice fell in the cohort", () => {
    expect(recoveryWithin90(input({}), NOVEMBER, [])).toEqual({
      invoices: 0,
      overdueCents: 0,
      recoveredCents: 0,
      share: null,
    });
  });
});

describe("recovered customers who ordered again", () => {
  it("counts customers cleared of overdue in the last 365 days and whether they were invoiced again after that", () => {
    // 1: cleared on 10 Oct, new invoice on 5 Nov -> ordered again
    const c1 = inv(1, "2026-08-01", "2026-09-30", 10_000, paidOn("2026-10-10"));
    const c1new = inv(1, "2026-11-05", "2026-12-31", 7_000);
    // 2: half on 5 Oct (still overdue), rest on 20 Oct -> recovered on 20 Oct; its only other invoice is older
    const c2 = inv(2, "2026-08-01", "2026-09-30", 20_000, paidOn("2026-10-20"));
    const c2old = inv(2, "2026-10-15", "2026-12-15", 3_000);
    // 3: one of two overdue invoices paid -> not recovered
    const c3a = inv(3, "2026-08-01", "2026-09-30", 10_000, paidOn("2026-10-10"));
    const c3b = inv(3, "2026-08-01", "2026-10-01", 10_000); // still overdue on 10 Oct
    // 4: recovered in June 2025, more than 365 days before 30 Nov 2026; invoiced again since -> outside the cohort
    const c4 = inv(4, "2025-04-01", "2025-05-01", 10_000, paidOn("2025-06-01"));
    const c4new = inv(4, "2026-01-10", "2026-02-10", 10_000, paidOn("2026-02-10"));
    // 5: paid late, invoiced again only after the period -> recovered, not ordered again (yet)
    const c5 = inv(5, "2026-08-01", "2026-09-30", 10_000, paidOn("2026-11-15"));
    const c5new = inv(5, "2026-12-02", "2027-01-31", 10_000);
    const payments = [
      pay(1, "2026-10-10", 10_000, c1.id),
      pay(2, "2026-10-05", 10_000, c2.id),
      pay(2, "2026-10-20", 10_000, c2.id),
      pay(3, "2026-10-10", 10_000, c3a.id),
      pay(4, "2025-06-01", 10_000, c4.id),
      pay(5, "2026-11-15", 10_000, c5.id),
    ];
    const invoices = [c1, c1new, c2, c2old, c3a, c3b, c4, c4new, c5, c5new];
    const data = input({ invoices, payments });
    const r = reorderAfterRecovery(data, NOVEMBER, allocatePayments(invoices, payments));
    expect(r).toEqual({ recoveredCustomers: 3, orderedAgain: 1, share: 33.3 });
    expect(computeReport(data, NOVEMBER).reorder).toMatchObject({ share: 33.3, target: 50, met: false });
  });
});

describe("promises", () => {
  it("counts the promises due in the period by status, without cancelled ones", () => {
    const promises = [
      promise({ amountCents: 100_000, paidCents: 100_000, dueDate: "2026-11-03", status: "kept" }),
      promise({ amountCents: 50_000, paidCents: 50_000, dueDate: "2026-11-10", status: "kept" }),
      promise({ amountCents: 40_000, paidCents: 10_000, dueDate: "2026-11-12", status: "partial" }),
      promise({ amountCents: 30_000, dueDate: "2026-11-20", status: "broken" }),
      promise({ amountCents: 20_000, dueDate: "2026-11-30", status: "open" }),
      promise({ amountCents: 99_999, dueDate: "2026-11-15", status: "cancelled" }),
      promise({ amountCents: 70_000, paidCents: 70_000, dueDate: "2026-10-31", status: "kept" }),
    ];
    expect(promiseStats(promises, NOVEMBER)).toEqual({
      kept: 2,
      partial: 1,
      broken: 1,
      open: 1,
      keptRate: 50,
      promisedCents: 240_000,
      paidCents: 160_000,
    });
    expect(promiseStats([], NOVEMBER).keptRate).toBeNull();
  });
});

describe("position at the end of the period: aging, days overdue, DSO, hold, agency, legal", () => {
  const i1 = inv(1, "2026-11-10", "2026-12-10", 10_000); // not due
  const i2 = inv(2, "2026-10-21", "2026-11-20", 20_000); // 10 days
  const i3 = inv(3, "2026-08-01", "2026-10-01", 30_000); // 60 days, customer on hold
  const i4 = inv(4, "2026-07-01", "2026-09-01", 40_000); // 90 days, at the agency
  const i5 = inv(5, "2026-06-01", "2026-08-01", 50_000); // 121 days, at the lawyer
  const i6 = inv(1, "2026-09-01", "2026-10-01", 25_000, {
    status: "paid",
    openCents: 0,
    closedOn: "2026-10-20",
  });
  const i7 = inv(1, "2026-12-01", "2026-12-31", 60_000); // issued after the period
  const i8 = inv(2, "2026-05-01", "2026-06-01", 15_000, { status: "written_off", closedOn: "2026-11-15" });
  // paid in full on 2 December: still open (5 days late) at the end of November
  const i9 = inv(2, "2026-11-01", "2026-11-25", 5_000, { status: "paid", openCents: 0 });
  const i10 = inv(1, "2026-11-15", "2026-12-15", 45_000, {
    status: "paid",
    openCents: 0,
    closedOn: "2026-11-20",
  });
  const payments = [pay(2, "2026-12-02", 5_000, i9.id)];
  const data = input({
    invoices: [i1, i2, i3, i4, i5, i6, i7, i8, i9, i10],
    payments,
    customers: [
      { id: 1, creditHold: false, caseStage: null },
      { id: 2, creditHold: false, caseStage: "internal" },
      { id: 3, creditHold: true, caseStage: "credit_hold" },
      { id: 4, creditHold: false, caseStage: "agency" },
      { id: 5, creditHold: true, caseStage: "legal" },
    ],
  });

  it("puts open amounts in aging buckets and averages the days overdue plainly and by amount", () => {
    const p = positionOn(data, allocatePayments(data.invoices, payments), "2026-11-30");
    expect(p.aging).toEqual([
      { key: "not_due", cents: 10_000, invoices: 1 },
      { key: "d1_30", cents: 25_000, invoices: 2 },
      { key: "d31_60", cents: 30_000, invoices: 1 },
      { key: "d61_90", cents: 40_000, invoices: 1 },
      { key: "over_90", cents: 50_000, invoices: 1 },
    ]);
    expect(p.openCents).toBe(155_000);
    expect(p.overdueCents).toBe(145_000);
    expect(p.overdueInvoices).toBe(5);
    // (10 + 60 + 90 + 121 + 5) / 5 = 57,2
    expect(p.avgDaysOverdue).toBe(57.2);
    // (10x20.000 + 60x30.000 + 90x40.000 + 121x50.000 + 5x5.000) / 145.000 = 80,517
    expect(p.avgDaysOverdueWeighted).toBe(80.5);
    expect(p.creditHoldCents).toBe(80_000);
    expect(p.agencyCents).toBe(40_000);
    expect(p.legalCents).toBe(50_000);
  });

  it("computes DSO as open receivables over the credit sales of at least the last 90 days, times those days", () => {
    // November is stretched back to 90 days: 2 Sep - 30 Nov. Credit sales: i2 20.000 (21 Oct) + i1 10.000
    // + i9 5.000 + i10 45.000 = 80.000 (i6, issued 1 Sep, is just outside); 155.000 / 80.000 x 90 = 174,375
    expect(dso(data, NOVEMBER, 155_000)).toEqual({
      openCents: 155_000,
      creditSalesCents: 80_000,
      days: 90,
      dso: 174.4,
    });
    // a longer period keeps its own length: 1 Jun - 30 Nov (183 days) also takes i3, i4, i5 and i6
    const half = dso(data, { kind: "range", from: "2026-06-01", to: "2026-11-30" }, 155_000);
    expect(half).toMatchObject({ creditSalesCents: 80_000 + 30_000 + 40_000 + 50_000 + 25_000, days: 183 });
    expect(dso(data, { kind: "range", from: "2026-01-01", to: "2026-01-31" }, 155_000).dso).toBeNull();
    expect(computeReport(data, NOVEMBER).dso.dso).toBe(174.4);
  });
});

describe("collectors", () => {
  it("counts contacts and promises in the period and credits each recovery to the last contact within 40 days", () => {
    const overdue1 = inv(1, "2026-08-01", "2026-10-01", 100_000);
    const overdue2 = inv(2, "2026-08-01", "2026-10-01", 100_000);
    const notDue2 = inv(2, "2026-11-01", "2026-12-31", 100_000);
    const overdue3 = inv(3, "2026-08-01", "2026-10-01", 100_000);
    const overdue4 = inv(4, "2026-08-01", "2026-10-01", 100_000);
    const interactions = [
      { id: 101, customerId: 1, memberId: 1, tripId: null, date: "2026-11-02" },
      { id: 102, customerId: 2, memberId: 1, tripId: null, date: "2026-11-03" },
      { id: 103, customerId: 1, memberId: 2, tripId: null, date: "2026-11-10" },
      { id: 104, customerId: 3, memberId: 1, tripId: null, date: "2026-10-01" },
      { id: 105, customerId: 4, memberId: null, tripId: null, date: "2026-11-05" },
    ];
    const promises = [
      promise({ interactionId: 101, amountCents: 50_000, dueDate: "2026-11-20", status: "open" }),
      promise({ interactionId: 103, amountCents: 20_000, dueDate: "2026-11-20", status: "cancelled" }),
      promise({ interactionId: 104, amountCents: 10_000, dueDate: "2026-10-20", status: "kept" }),
    ];
    const payments = [
      pay(1, "2026-11-12", 30_000, overdue1.id), // last contact: Marco on 10 Nov
      pay(1, "2026-11-05", 10_000, overdue1.id), // last contact: Giulia on 2 Nov
      pay(2, "2026-11-03", 5_000, overdue2.id), // Giulia, the same day
      pay(3, "2026-11-05", 7_000, overdue3.id), // Giulia on 1 Oct, 35 days before
      pay(3, "2026-11-25", 3_000, overdue3.id), // 55 days after the last contact: unattributed
      pay(4, "2026-11-06", 2_000, overdue4.id), // contact without a team member: unattributed
      pay(2, "2026-11-20", 9_000, notDue2.id), // not overdue: not a recovery
    ];
    const invoices = [overdue1, overdue2, notDue2, overdue3, overdue4];
    const data = input({
      invoices,
      payments,
      interactions,
      promises,
      members: [
        { id: 1, name: "Giulia Ferri" },
        { id: 2, name: "Marco Bellini" },
      ],
    });
    expect(collectorActivity(data, NOVEMBER, allocatePayments(invoices, payments))).toEqual({
      collectors: [
        {
          memberId: 2,
          name: "Marco Bellini",
          contacts: 1,
          promises: 0,
          promisedCents: 0,
          recoveredCents: 30_000,
        },
        {
          memberId: 1,
          name: "Giulia Ferri",
          contacts: 2,
          promises: 1,
          promisedCents: 50_000,
          recoveredCents: 22_000,
        },
      ],
      unattributedCents: 5_000,
    });
    expect(computeReport(data, NOVEMBER).recoveredCents).toBe(57_000);
  });
});

describe("field trips", () => {
  it("sets each trip's costs against its contacts, promises and what visited customers paid within 30 days", () => {
    const a = inv(1, "2026-08-01", "2026-10-01", 100_000);
    const b = inv(2, "2026-08-01", "2026-10-01", 100_000);
    const interactions = [
      { id: 201, customerId: 1, memberId: 1, tripId: 1, date: "2026-11-10" },
      { id: 202, customerId: 2, memberId: 1, tripId: 1, date: "2026-11-11" },
      { id: 203, customerId: 1, memberId: 1, tripId: 1, date: "2026-11-12" },
      { id: 204, customerId: 2, memberId: 1, tripId: 2, date: "2026-09-15" },
    ];
    const promises = [
      promise({ interactionId: 201, amountCents: 40_000, dueDate: "2026-11-30", status: "open" }),
      promise({ interactionId: 202, amountCents: 15_000, dueDate: "2026-11-20", status: "broken" }),
      promise({ interactionId: 202, amountCents: 1, dueDate: "2026-11-20", status: "cancelled" }),
    ];
    const payments = [
      pay(1, "2026-11-20", 10_000, a.id), // 10 days after the first visit
      pay(1, "2026-12-15", 5_000, a.id), // 35 days after: not counted
      pay(2, "2026-11-09", 9_000, b.id), // before the visit: not counted
      pay(2, "2026-12-11", 4_000, b.id), // 30 days after: counted
    ];
    const data = input({
      invoices: [a, b],
      payments,
      interactions,
      promises,
      trips: [
        {
          id: 1,
          collectorName: "Giulia Ferri",
          area: "BS, BG",
          startDate: "2026-11-10",
          endDate: "2026-11-12",
          costsCents: [12_000, 8_000, 3_500],
        },
        {
          id: 2,
          collectorName: null,
          area: "VR",
          startDate: "2026-09-14",
          endDate: "2026-09-15",
          costsCents: [9_000],
        },
      ],
    });
    expect(tripResults(data, NOVEMBER, allocatePayments(data.invoices, payments))).toEqual([
      {
        tripId: 1,
        collectorName: "Giulia Ferri",
        area: "BS, BG",
        startDate: "2026-11-10",
        endDate: "2026-11-12",
        costCents: 23_500,
        contacts: 3,
        promises: 2,
        promisedCents: 55_000,
        recoveredCents: 14_000,
      },
    ]);
  });
});

describe("recovered amount over time", () => {
  it("sums recovered money per week (Monday to Sunday) and per month", () => {
    const a = inv(1, "2026-08-01", "2026-10-01", 100_000);
    const notDue = inv(1, "2026-10-20", "2026-12-31", 100_000);
    const payments = [
      pay(1, "2026-11-02", 1_000, a.id), // Monday 2 Nov
      pay(1, "2026-11-08", 2_000, a.id), // Sunday 8 Nov: same week
      pay(1, "2026-11-16", 4_000, a.id), // Monday 16 Nov
      pay(1, "2026-11-17", 8_000, notDue.id), // not overdue
      pay(1, "2026-10-30", 16_000, a.id), // October
      pay(1, "2026-11-19", 32_000, a.id), // after `until`
    ];
    const allocations = allocatePayments([a, notDue], payments);
    expect(recoverySeries(allocations, "2026-11-18", "week", 3)).toEqual([
      { start: "2026-11-02", end: "2026-11-08", cents: 3_000 },
      { start: "2026-11-09", end: "2026-11-15", cents: 0 },
      { start: "2026-11-16", end: "2026-11-22", cents: 4_000 },
    ]);
    expect(recoverySeries(allocations, "2026-11-18", "month", 2)).toEqual([
      { start: "2026-10-01", end: "2026-10-31", cents: 16_000 },
      { start: "2026-11-01", end: "2026-11-30", cents: 7_000 },
    ]);
    expect(
      computeReport(input({ invoices: [a, notDue], payments }), weekPeriod("2026-11-18")).series.points,
    ).toHaveLength(12);
  });
});
