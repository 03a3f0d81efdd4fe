// Statutory late-payment interest between businesses (D.Lgs. 231/2002 as amended by D.Lgs. 192/2012).
import type { IsoDate } from "./calendar";
import { addDays, daysBetween, isIsoDate } from "./calendar";

export interface ReferenceRate {
  periodStart: IsoDate; // YYYY-01-01 or YYYY-07-01
  rateBps: number; // 215 = 2.15%
}

/** Reference rates published each half-year (before the 8 points), as listed in DOMAIN.md. */
export const DEFAULT_REFERENCE_RATES: readonly ReferenceRate[] = [
  { periodStart: "2022-07-01", rateBps: 0 },
  { periodStart: "2023-01-01", rateBps: 250 },
  { periodStart: "2023-07-01", rateBps: 400 },
  { periodStart: "2024-01-01", rateBps: 450 },
  { periodStart: "2024-07-01", rateBps: 425 },
  { periodStart: "2025-01-01", rateBps: 315 },
  { periodStart: "2025-07-01", rateBps: 215 },
  { periodStart: "2026-01-01", rateBps: 215 },
];

export interface InterestSegment {
  from: IsoDate;
  to: IsoDate; // inclusive
  days: number;
  ratePctBps: number; // reference + spread, in bps
  interestCents: number;
  rateKnown: boolean; // false when the half-year is not in the table and a neighbouring rate was used
}

export interface InterestResult {
  openCents: number;
  dueDate: IsoDate;
  until: IsoDate;
  days: number;
  interestCents: number;
  recoveryCostCents: number;
  totalCents: number; // open + interest + recovery cost
  segments: InterestSegment[];
  missingPeriods: IsoDate[]; // half-year starts not in the table, for which another rate was used
}

export interface LateInterestInput {
  openCents: number;
  dueDate: IsoDate;
  until: IsoDate;
  rates: readonly ReferenceRate[];
  contractBefore2013?: boolean;
}

const SPREAD_BPS = 800;
const SPREAD_BEFORE_2013_BPS = 700; // contracts concluded before 1 January 2013
const RECOVERY_COST_CENTS = 4000; // art. 6: fixed €40 per late invoice
const DAYS_PER_YEAR = 365n; // the law divides by 365 also in leap years

function halfYearStart(d: IsoDate): IsoDate {
  return `${d.slice(0, 4)}-${d.slice(5, 7) <= "06" ? "01" : "07"}-01`;
}

function halfYearEnd(d: IsoDate): IsoDate {
  return `${d.slice(0, 4)}-${d.slice(5, 7) <= "06" ? "06-30" : "12-31"}`;
}

function sortedRates(rates: readonly ReferenceRate[]): ReferenceRate[] {
  if (rates.length === 0) throw new RangeError("The reference rate table is empty");
  for (const r of rates) {
    if (!isIsoDate(r.periodStart) || !/-(01|07)-01$/.test(r.periodStart)) {
      throw new RangeError(`Reference rate period must start on 1 January or 1 July: "${r.periodStart}"`);
    }
  }
  return [...rates].sort((a, b) => (a.periodStart < b.periodStart ? -1 : 1));
}

// Exact half-year if published, else the last earlier one, else the earliest known (flagged unknown).
function rateFor(period: IsoDate, sorted: readonly ReferenceRate[]): { rateBps: number; known: boolean } {
  const exact = sorted.find((r) => r.periodStart === period);
  if (exact) return { rateBps: exact.rateBps, known: true };
  const earlier = sorted.filter((r) => r.periodStart < period).at(-1);
  return { rateBps: (earlier ?? sorted[0]!).rateBps, known: false };
}

// open x bps / 10000 x days / 365, rounded half up to the cent, in BigInt so large amounts stay exact.
function segmentInterest(openCents: number, ratePctBps: number, days: number): number {
  const numerator = BigInt(openCents) * BigInt(ratePctBps) * BigInt(days);
  const denominator = 10_000n * DAYS_PER_YEAR;
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/**
 * Interest from the day after dueDate to until (inclusive), split by half-year, each segment rounded to
 * the cent. No interest and no recovery cost when nothing is open or the invoice is not late.
 */
export function lateInterest(input: LateInterestInput): InterestResult {
  const { openCents, dueDate, until } = input;
  const spread = input.contractBefore2013 ? SPREAD_BEFORE_2013_BPS : SPREAD_BPS;
  const sorted = sortedRates(input.rates);
  const days = Math.max(0, daysBetween(dueDate, until));
  const segments: InterestSegment[] = [];
  const missingPeriods: IsoDate[] = [];
  if (openCents > 0) {
    for (let from = addDays(dueDate, 1); from <= until; ) {
      const end = halfYearEnd(from);
      // biome-ignore lint/complexity/useMathMinMax: ISO date strings, Math.min would turn them into NaN
      const to = end < until ? end : until;
      const rate = rateFor(halfYearStart(from), sorted);
      if (!rate.known) missingPeriods.push(halfYearStart(from));
      const segmentDays = daysBetween(from, to) + 1;
      const ratePctBps = rate.rateBps + spread;
      const interestCents = segmentInterest(openCents, ratePctBps, segmentDays);
      segments.push({ from, to, days: segmentDays, ratePctBps, interestCents, rateKnown: rate.known });
      from = addDays(to, 1);
    }
  }
  const interestCents = segments.reduce((sum, s) => sum + s.interestCents, 0);
  const recoveryCostCents = segments.length > 0 ? RECOVERY_COST_CENTS : 0;
  return {
    openCents,
    dueDate,
    until,
    days,
    interestCents,
    recoveryCostCents,
    totalCents: openCents + interestCents + recoveryCostCents,
    segments,
    missingPeriods,
  };
}

export interface InvoicesInterestResult {
  openCents: number;
  interestCents: number;
  recoveryCostCents: number; // €40 per late invoice
  totalCents: number;
  lateInvoices: number;
  missingPeriods: IsoDate[]; // union over all invoices, sorted
  results: InterestResult[]; // one per invoice, same order
}

export function lateInterestForInvoices(
  invoices: readonly { openCents: number; dueDate: IsoDate; contractBefore2013?: boolean }[],
  until: IsoDate,
  rates: readonly ReferenceRate[],
): InvoicesInterestResult {
  const results = invoices.map((inv) => lateInterest({ ...inv, until, rates }));
  const sum = (pick: (r: InterestResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  return {
    openCents: sum((r) => r.openCents),
    interestCents: sum((r) => r.interestCents),
    recoveryCostCents: sum((r) => r.recoveryCostCents),
    totalCents: sum((r) => r.totalCents),
    lateInvoices: results.filter((r) => r.recoveryCostCents > 0).length,
    missingPeriods: [...new Set(results.flatMap((r) => r.missingPeriods))].sort(),
    results,
  };
}
