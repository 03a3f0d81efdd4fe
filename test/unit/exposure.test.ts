import { describe, expect, it } from "vitest";
import { exposure } from "../../src/domain/exposure";
import { allocatePayments, type KpiInvoice, openOn } from "../../src/domain/kpi";

describe("exposure: the one overdue figure", () => {
  const day = "2026-03-02";
  it("counts disputed invoices in the overdue and shows their part apart; the aging adds up", () => {
    const e = exposure(
      [
        { customerId: 1, dueDate: "2026-03-02", openCents: 1_000, disputed: false }, // due today: not overdue
        { customerId: 1, dueDate: "2026-03-01", openCents: 2_000, disputed: false }, // 1 day
        { customerId: 2, dueDate: "2026-01-15", openCents: 3_000, disputed: true }, // 46 days, disputed
        { customerId: 3, dueDate: "2025-10-01", openCents: 4_000 }, // over 90
        { customerId: 4, dueDate: "2025-10-01", openCents: 0 }, // paid: ignored
      ],
      day,
    );
    expect(e).toMatchObject({
      openCents: 10_000,
      overdueCents: 9_000,
      disputedCents: 3_000,
      overdueInvoices: 3,
      customersOverdue: 3,
    });
    expect(e.aging.map((b) => [b.key, b.cents])).toEqual([
      ["not_due", 1_000],
      ["d1_30", 2_000],
      ["d31_60", 3_000],
      ["d61_90", 0],
      ["over_90", 4_000],
    ]);
    expect(e.aging.reduce((s, b) => s + b.cents, 0)).toBe(e.openCents);
  });
});

describe("an invoice first seen already paid", () => {
  const inv = (over: Partial<KpiInvoice>): KpiInvoice => ({
    id: 1,
    customerId: 1,
    issueDate: "2025-12-01",
    dueDate: "2025-12-31",
    amountCents: 10_000,
    openCents: 0,
    status: "paid",
    closedOn: "2026-03-16",
    ...over,
  });

  it("was paid before the import: no recovery on the import day, not open before it", () => {
    const seen = inv({ firstSeenOpenCents: 0 });
    const allocations = allocatePayments([seen], []);
    expect(allocations).toMatchObject([{ date: "2025-12-01", cents: 10_000, overdue: false }]);
    expect(openOn([seen], allocations, "2026-02-15").size).toBe(0);
  });

  it("without a first sight (entered otherwise) it still counts as paid on its closing day", () => {
    const allocations = allocatePayments([inv({})], []);
    expect(allocations).toMatchObject([{ date: "2026-03-16", cents: 10_000, overdue: true }]);
  });

  it("only the part already paid at first sight goes back to the issue date", () => {
    const partly = inv({ firstSeenOpenCents: 4_000 });
    const allocations = allocatePayments(
      [partly],
      [{ id: 1, customerId: 1, invoiceId: 1, date: "2026-03-23", amountCents: 4_000 }],
    );
    expect(allocations.map((a) => [a.date, a.cents, a.overdue])).toEqual([
      ["2025-12-01", 6_000, false],
      ["2026-03-23", 4_000, true],
    ]);
    expect(openOn([partly], allocations, "2026-02-15").get(1)).toBe(4_000);
  });
});
