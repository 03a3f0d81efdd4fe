import { describe, expect, it } from "vitest";
import {
  DEFAULT_REFERENCE_RATES,
  lateInterest,
  lateInterestForInvoices,
  type ReferenceRate,
} from "../../src/domain/interest";

const rates = DEFAULT_REFERENCE_RATES;
const TEN_THOUSAND_EUROS = 1_000_000; // cents

describe("DEFAULT_REFERENCE_RATES", () => {
  it("matches the published table (2022 H2 .. 2026 H1)", () => {
    expect(DEFAULT_REFERENCE_RATES.map((r) => [r.periodStart, r.rateBps])).toEqual([
      ["2022-07-01", 0],
      ["2023-01-01", 250],
      ["2023-07-01", 400],
      ["2024-01-01", 450],
      ["2024-07-01", 425],
      ["2025-01-01", 315],
      ["2025-07-01", 215],
      ["2026-01-01", 215],
    ]);
  });
});

describe("lateInterest", () => {
  it("splits at the half-year boundary (€ 10.000 due 2025-05-31 until 2025-08-31)", () => {
    // 2025 H1, 1-30 June: 30 days at 3.15 + 8 = 11.15%
    //   1,000,000 x 0.1115 x 30 / 365 = 3,345,000 / 365 = 9,164.38 -> 9,164 cents
    // 2025 H2, 1 July - 31 August: 31 + 31 = 62 days at 2.15 + 8 = 10.15%
    //   1,000,000 x 0.1015 x 62 / 365 = 6,293,000 / 365 = 17,241.10 -> 17,241 cents
    // interest 9,164 + 17,241 = 26,405 (€ 264,05); total 1,000,000 + 26,405 + 4,000 = 1,030,405
    const r = lateInterest({
      openCents: TEN_THOUSAND_EUROS,
      dueDate: "2025-05-31",
      until: "2025-08-31",
      rates,
    });
    expect(r.days).toBe(92);
    expect(r.segments).toEqual([
      {
        from: "2025-06-01",
        to: "2025-06-30",
        days: 30,
        ratePctBps: 1115,
        interestCents: 9164,
        rateKnown: true,
      },
      {
        from: "2025-07-01",
        to: "2025-08-31",
        days: 62,
        ratePctBps: 1015,
        interestCents: 17241,
        rateKnown: true,
      },
    ]);
    expect(r.interestCents).toBe(26405);
    expect(r.recoveryCostCents).toBe(4000);
    expect(r.totalCents).toBe(1030405);
    expect(r.missingPeriods).toEqual([]);
    expect(r).toMatchObject({ openCents: TEN_THOUSAND_EUROS, dueDate: "2025-05-31", until: "2025-08-31" });
  });

  it("uses 365 days also in a leap half-year and spans several half-years", () => {
    // € 10.000 due 2023-06-30 until 2024-07-31, 397 days:
    // 2023 H2: 184 days at 12.00%  -> 1,000,000 x 1200 x 184 / 3,650,000 = 60,493.15 -> 60,493
    // 2024 H1: 182 days at 12.50%  -> 1,000,000 x 1250 x 182 / 3,650,000 = 62,328.77 -> 62,329
    // 2024 H2:  31 days at 12.25%  -> 1,000,000 x 1225 x  31 / 3,650,000 = 10,404.11 -> 10,404
    // interest 60,493 + 62,329 + 10,404 = 133,226
    const r = lateInterest({
      openCents: TEN_THOUSAND_EUROS,
      dueDate: "2023-06-30",
      until: "2024-07-31",
      rates,
    });
    expect(r.days).toBe(397);
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.ratePctBps, s.interestCents])).toEqual([
      ["2023-07-01", "2023-12-31", 184, 1200, 60493],
      ["2024-01-01", "2024-06-30", 182, 1250, 62329],
      ["2024-07-01", "2024-07-31", 31, 1225, 10404],
    ]);
    expect(r.interestCents).toBe(133226);
    expect(r.totalCents).toBe(1000000 + 133226 + 4000);
  });

  it("applies 7 points for contracts concluded before 2013", () => {
    // € 10.000 due 2024-12-31 until 2025-01-31: 31 days of 2025 H1
    // 7 points: 1,000,000 x (315 + 700) x 31 / 3,650,000 = 8,620.55 -> 8,621
    // 8 points: 1,000,000 x (315 + 800) x 31 / 3,650,000 = 9,469.86 -> 9,470
    const input = { openCents: TEN_THOUSAND_EUROS, dueDate: "2024-12-31", until: "2025-01-31", rates };
    const old = lateInterest({ ...input, contractBefore2013: true });
    expect(old.segments[0]?.ratePctBps).toBe(1015);
    expect(old.interestCents).toBe(8621);
    expect(lateInterest(input).interestCents).toBe(9470);
  });

  it("rounds each segment half up to the cent", () => {
    // Reference 2.00% + 8 = 10%, 1 day: 1,825 x 0.10 / 365 = 0.5 cents -> 1; 1,824 cents -> 0.4997 -> 0
    const flat: ReferenceRate[] = [{ periodStart: "2025-01-01", rateBps: 200 }];
    const oneDay = { dueDate: "2025-03-01", until: "2025-03-02", rates: flat };
    expect(lateInterest({ ...oneDay, openCents: 1825 }).interestCents).toBe(1);
    expect(lateInterest({ ...oneDay, openCents: 1824 }).interestCents).toBe(0);
    // 5,475 cents: 5,475 x 0.10 / 365 = 1.5 -> 2
    expect(lateInterest({ ...oneDay, openCents: 5475 }).interestCents).toBe(2);
  });

  it("rounds per segment, not on the total", () => {
    const flat: ReferenceRate[] = [
      { periodStart: "2025-01-01", rateBps: 200 },
      { periodStart: "2025-07-01", rateBps: 200 },
    ];
    const r = lateInterest({ openCents: 1825, dueDate: "2025-06-29", until: "2025-07-01", rates: flat });
    // 30 June (0.5 -> 1) + 1 July (0.5 -> 1) = 2; rounding the total 1.0 would give 1
    expect(r.segments.map((s) => s.interestCents)).toEqual([1, 1]);
    expect(r.interestCents).toBe(2);
  });

  it("uses the last known rate for a half-year missing from the table and says so", () => {
    // 2026 H2 is not published: 2026 H1 (2.15%) is used. 10 days at 10.15%:
    // 1,000,000 x 1015 x 10 / 3,650,000 = 2,780.82 -> 2,781
    const r = lateInterest({
      openCents: TEN_THOUSAND_EUROS,
      dueDate: "2026-06-30",
      until: "2026-07-10",
      rates,
    });
    expect(r.segments).toEqual([
      {
        from: "2026-07-01",
        to: "2026-07-10",
        days: 10,
        ratePctBps: 1015,
        interestCents: 2781,
        rateKnown: false,
      },
    ]);
    expect(r.missingPeriods).toEqual(["2026-07-01"]);
  });

  it("uses the last EARLIER rate, not the latest one, for a gap inside the table", () => {
    const gappy: ReferenceRate[] = [
      { periodStart: "2024-01-01", rateBps: 450 },
      { periodStart: "2025-01-01", rateBps: 315 },
    ];
    // 2024 H2 missing -> 2024 H1 rate 4.50 + 8 = 12.50%; 31 days of July:
    // 1,000,000 x 1250 x 31 / 3,650,000 = 10,616.44 -> 10,616
    const r = lateInterest({
      openCents: TEN_THOUSAND_EUROS,
      dueDate: "2024-06-30",
      until: "2024-07-31",
      rates: gappy,
    });
    expect(r.segments[0]).toMatchObject({ ratePctBps: 1250, interestCents: 10616, rateKnown: false });
    expect(r.missingPeriods).toEqual(["2024-07-01"]);
  });

  it("uses the earliest known rate before the table starts, and lists it", () => {
    // 2022 H1 precedes the table: earliest (2022 H2, 0.00%) -> 8%.
    // 1-30 June 2022: 1,000,000 x 800 x 30 / 3,650,000 = 6,575.34 -> 6,575 (rate unknown)
    // 1-5 July 2022:  1,000,000 x 800 x  5 / 3,650,000 = 1,095.89 -> 1,096 (known)
    const r = lateInterest({
      openCents: TEN_THOUSAND_EUROS,
      dueDate: "2022-05-31",
      until: "2022-07-05",
      rates,
    });
    expect(r.segments.map((s) => [s.days, s.ratePctBps, s.interestCents, s.rateKnown])).toEqual([
      [30, 800, 6575, false],
      [5, 800, 1096, true],
    ]);
    expect(r.interestCents).toBe(7671);
    expect(r.missingPeriods).toEqual(["2022-01-01"]);
  });

  it("accepts the rate table in any order", () => {
    const shuffled = [...rates].reverse();
    const r = lateInterest({
      openCents: TEN_THOUSAND_EUROS,
      dueDate: "2025-05-31",
      until: "2025-08-31",
      rates: shuffled,
    });
    expect(r.interestCents).toBe(26405);
  });

  it("counts one day when paid the day after the due date", () => {
    // 1 day at 11.15%: 1,000,000 x 1115 / 3,650,000 = 305.48 -> 305
    const r = lateInterest({
      openCents: TEN_THOUSAND_EUROS,
      dueDate: "2025-03-10",
      until: "2025-03-11",
      rates,
    });
    expect(r.days).toBe(1);
    expect(r.interestCents).toBe(305);
    expect(r.recoveryCostCents).toBe(4000);
  });

  it("nothing is due on or before the due date", () => {
    for (const until of ["2025-03-10", "2025-03-01"]) {
      const r = lateInterest({ openCents: TEN_THOUSAND_EUROS, dueDate: "2025-03-10", until, rates });
      expect(r).toMatchObject({
        days: 0,
        interestCents: 0,
        recoveryCostCents: 0,
        totalCents: TEN_THOUSAND_EUROS,
      });
      expect(r.segments).toEqual([]);
    }
  });

  it("nothing is due on a zero or negative open amount (credit note)", () => {
    const r = lateInterest({ openCents: -5000, dueDate: "2025-03-10", until: "2025-06-10", rates });
    expect(r).toMatchObject({ days: 92, interestCents: 0, recoveryCostCents: 0, totalCents: -5000 });
  });

  it("rejects an empty or malformed rate table", () => {
    const input = { openCents: 1000, dueDate: "2025-03-10", until: "2025-04-10" };
    expect(() => lateInterest({ ...input, rates: [] })).toThrow(RangeError);
    expect(() => lateInterest({ ...input, rates: [{ periodStart: "2025-03-01", rateBps: 300 }] })).toThrow(
      RangeError,
    );
  });
});

describe("lateInterestForInvoices", () => {
  it("sums interest and €40 per late invoice only", () => {
    // A: € 10.000 due 2025-05-31 -> 26,405 (see above)
    // B: € 5.000 due 2025-07-31, 31 days of August at 10.15%: 500,000 x 1015 x 31 / 3,650,000 = 4,310.27 -> 4,310
    // C: € 2.000 due 2025-09-30, not yet due on 2025-08-31 -> 0 and no recovery cost
    const r = lateInterestForInvoices(
      [
        { openCents: 1_000_000, dueDate: "2025-05-31" },
        { openCents: 500_000, dueDate: "2025-07-31" },
        { openCents: 200_000, dueDate: "2025-09-30" },
      ],
      "2025-08-31",
      rates,
    );
    expect(r.results.map((x) => x.interestCents)).toEqual([26405, 4310, 0]);
    expect(r.openCents).toBe(1_700_000);
    expect(r.interestCents).toBe(30715);
    expect(r.recoveryCostCents).toBe(8000);
    expect(r.lateInvoices).toBe(2);
    expect(r.totalCents).toBe(1_700_000 + 30715 + 8000);
    expect(r.missingPeriods).toEqual([]);
  });

  it("merges missing periods and honours per-invoice pre-2013 contracts", () => {
    // A: € 10.000 due 2026-06-30, 10 days of 2026 H2 (missing) at 2.15 + 7 = 9.15%:
    //    1,000,000 x 915 x 10 / 3,650,000 = 2,506.85 -> 2,507
    // B: € 1.000 due 2026-06-20, 10 days of 2026 H1 at 10.15%: 100,000 x 1015 x 10 / 3,650,000 = 278.08 -> 278
    //    + 10 days of 2026 H2 (missing) at 10.15% -> 278
    const r = lateInterestForInvoices(
      [
        { openCents: 1_000_000, dueDate: "2026-06-30", contractBefore2013: true },
        { openCents: 100_000, dueDate: "2026-06-20" },
      ],
      "2026-07-10",
      rates,
    );
    expect(r.results.map((x) => x.interestCents)).toEqual([2507, 556]);
    expect(r.interestCents).toBe(3063);
    expect(r.missingPeriods).toEqual(["2026-07-01"]);
  });

  it("is all zeros for no invoices", () => {
    const r = lateInterestForInvoices([], "2025-08-31", rates);
    expect(r).toMatchObject({
      openCents: 0,
      interestCents: 0,
      recoveryCostCents: 0,
      totalCents: 0,
      lateInvoices: 0,
    });
  });
});
