// Collection KPIs for the owner's report (issue 9). Pure: plain records in, figures out; no I/O, no clock.
//
// Definitions (the report and the accountant's export use exactly these):
// - Money on an invoice ("allocations"): a payment with an invoice goes to that invoice; a payment without one
//   goes to the customer's invoices oldest due date first (FIFO), each up to its unpaid amount; what is left
//   (an advance) goes nowhere. An invoice marked paid whose payments do not explain it (closed by an import)
//   counts as paid in full on its closing date (`closedOn`). What was already paid when an import first listed
//   an invoice (`firstSeenOpenCents`: residual 0 in its first scadenzario) was paid at an unknown date before that
//   import: it counts as paid on the issue date, so it is no recovery of the import and not open at past dates.
// - Open amount of an invoice on day X: what was still unpaid at the end of X (current open amount plus the
//   money allocated to it after X); invoices issued after X, written off on or before X, do not count.
// - Recovered: money allocated to an invoice after its due date (a payment of an overdue invoice).
// - Recovered within 90 days: cohort = invoices whose 90-day window (due date + 90 days) ended inside the
//   period and that were overdue (something unpaid at the end of the due date). Share = money recovered on them
//   from the day after the due date to due date + 90, over what was overdue at the due date. Target > 40%.
// - Recovered customers who ordered again: a customer is recovered on day R when money reached an overdue
//   invoice of theirs on R and at the end of R nothing of theirs was overdue any more (written-off amounts stay
//   overdue). Cohort = customers whose latest recovery fell in the 365 days up to the end of the period; they
//   ordered again when an invoice of theirs was issued after R (up to the end of the period). Target > 50%.
// - Promises: those falling due in the period (cancelled ones excluded), by status; kept rate = kept / (kept +
//   partial + broken), open ones are still pending.
// - Days overdue, aging, DSO, credit hold, agency, legal: the open amounts at the end of the period. Days
//   overdue = end of period - due date; averages over overdue open invoices, plain and weighted by open amount.
//   DSO = open receivables at the end of the period / invoices issued in the period x days in the period,
//   the period stretched back to at least 90 days (DSO_MIN_DAYS) so a week or a month so far is not noise.
//   Credit hold, agency and legal use the current flags (customer on hold, open case at agency/legal stage).
// - A collector's recovered amount: each recovered allocation in the period goes to the team member who had
//   the last contact (interaction) with that customer on or before the payment day, if that contact was at most
//   40 days before it (the longest re-contact interval); otherwise it stays unattributed.
// - A field trip (overlapping the period): cost = the sum of its costs; results = contacts made on the trip,
//   promises obtained from them, and money recovered from the visited customers from the visit day to 30 days
//   after it.

import { addDays, daysBetween, endOfMonth, type IsoDate, startOfMonth, startOfWeek } from "./calendar";
import { type AgingBucket, type ExposureItem, exposure } from "./exposure";
import { type Cents, percent } from "./money";

export const RECOVERY_WINDOW_DAYS = 90;
export const RECOVERY_TARGET_PERCENT = 40;
export const REORDER_TARGET_PERCENT = 50;
export const REORDER_LOOKBACK_DAYS = 365;
export const ATTRIBUTION_DAYS = 40;
export const TRIP_RESULT_DAYS = 30;

export interface KpiInvoice {
  id: number;
  customerId: number;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountCents: Cents;
  openCents: Cents;
  /** open | paid | disputed | written_off */
  status: string;
  closedOn: IsoDate | null;
  /** open amount when an import first listed it (null: not known, e.g. entered otherwise) */
  firstSeenOpenCents?: Cents | null;
}

export interface KpiPayment {
  id: number;
  customerId: number;
  invoiceId: number | null;
  date: IsoDate;
  amountCents: Cents;
}

export interface KpiPromise {
  customerId: number;
  /** the interaction that obtained it (null when entered otherwise) */
  interactionId: number | null;
  amountCents: Cents;
  paidCents: Cents;
  dueDate: IsoDate;
  /** open | kept | partial | broken | cancelled */
  status: string;
}

export interface KpiInteraction {
  id: number;
  customerId: number;
  memberId: number | null;
  tripId: number | null;
  date: IsoDate;
}

export interface KpiCustomer {
  id: number;
  creditHold: boolean;
  /** stage of the customer's open case, if any: internal | credit_hold | settlement | agency | legal */
  caseStage: string | null;
}

export interface KpiMember {
  id: number;
  name: string;
}

export interface KpiTrip {
  id: number;
  collectorName: string | null;
  area: string;
  startDate: IsoDate;
  endDate: IsoDate;
  /** the trip's costs (travel, km, hotel, meals, ...) */
  costsCents: Cents[];
}

export interface ReportInput {
  invoices: KpiInvoice[];
  payments: KpiPayment[];
  promises: KpiPromise[];
  interactions: KpiInteraction[];
  customers: KpiCustomer[];
  members: KpiMember[];
  trips: KpiTrip[];
}

export type PeriodKind = "month" | "week" | "range";

export interface Period {
  kind: PeriodKind;
  from: IsoDate;
  to: IsoDate;
}

/** The calendar month of `day` up to `day`; for a month already over, the whole month. */
export function monthPeriod(day: IsoDate, today: IsoDate = day): Period {
  const end = endOfMonth(day);
  return { kind: "month", from: startOfMonth(day), to: end < today ? end : today };
}

/** Monday of `today`'s week up to today. */
export function weekPeriod(today: IsoDate): Period {
  return { kind: "week", from: startOfWeek(today), to: today };
}

/** The whole week (Monday to Sunday) before the one of `today`: what the Monday report covers. */
export function previousWeekPeriod(today: IsoDate): Period {
  const monday = addDays(startOfWeek(today), -7);
  return { kind: "week", from: monday, to: addDays(monday, 6) };
}

export interface Allocation {
  invoiceId: number;
  customerId: number;
  date: IsoDate;
  cents: Cents;
  /** paid after the invoice's due date */
  overdue: boolean;
  /** a closing without recorded payments (see the header) */
  implicit: boolean;
}

/** Spreads payments over invoices (see the header). Sorted by date. */
export function allocatePayments(
  invoices: readonly KpiInvoice[],
  payments: readonly KpiPayment[],
): Allocation[] {
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const unpaid = new Map(invoices.map((i) => [i.id, i.amountCents]));
  const byCustomer = new Map<number, KpiInvoice[]>();
  for (const i of [...invoices].sort((a, b) => cmp(a.dueDate, b.dueDate) || a.id - b.id)) {
    const list = byCustomer.get(i.customerId) ?? [];
    list.push(i);
    byCustomer.set(i.customerId, list);
  }
  const out: Allocation[] = [];
  const put = (inv: KpiInvoice, date: IsoDate, cents: number, implicit: boolean) => {
    if (cents <= 0) return;
    unpaid.set(inv.id, (unpaid.get(inv.id) ?? 0) - cents);
    out.push({
      invoiceId: inv.id,
      customerId: inv.customerId,
      date,
      cents,
      overdue: date > inv.dueDate,
      implicit,
    });
  };
  // a returned RiBa or direct debit (a negative payment on the invoice, from the bank import) means the money
  // never arrived: the latest payments of that invoice are taken back, so it was open (and overdue) all along
  const voidPayment = (inv: KpiInvoice, cents: number) => {
    let back = cents;
    for (let i = out.length - 1; i >= 0 && back > 0; i--) {
      const a = out[i]!;
      if (a.invoiceId !== inv.id || a.implicit) continue;
      const take = Math.min(back, a.cents);
      a.cents -= take;
      back -= take;
      unpaid.set(inv.id, (unpaid.get(inv.id) ?? 0) + take);
      if (a.cents === 0) out.splice(i, 1);
    }
  };
  // what was already paid when an import first listed the invoice was paid at a date nobody knows, before
  // that import: booked on the issue date, so it is neither a recovery nor open at any past date
  for (const inv of invoices) {
    if (inv.firstSeenOpenCents != null)
      put(inv, inv.issueDate, inv.amountCents - inv.firstSeenOpenCents, true);
  }
  const sorted = [...payments].sort((a, b) => cmp(a.date, b.date) || a.id - b.id);
  // payments tied to an invoice first, so FIFO money does not take their place
  for (const p of sorted) {
    const inv = p.invoiceId === null ? undefined : byId.get(p.invoiceId);
    if (!inv) continue;
    if (p.amountCents < 0) voidPayment(inv, -p.amountCents);
    else put(inv, p.date, Math.min(p.amountCents, unpaid.get(inv.id) ?? 0), false);
  }
  for (const p of sorted) {
    if (p.invoiceId !== null && byId.has(p.invoiceId)) continue;
    let left = p.amountCents;
    for (const inv of byCustomer.get(p.customerId) ?? []) {
      if (left <= 0) break;
      if (inv.issueDate > p.date) continue;
      const cents = Math.min(left, unpaid.get(inv.id) ?? 0);
      put(inv, p.date, cents, false);
      left -= cents;
    }
  }
  for (const inv of invoices) {
    if (inv.status === "paid" && inv.closedOn) {
      put(inv, inv.closedOn, (unpaid.get(inv.id) ?? 0) - inv.openCents, true);
    }
  }
  return out.sort((a, b) => cmp(a.date, b.date) || a.invoiceId - b.invoiceId);
}

/** Unpaid amount of each invoice at the end of `day` (see the header); invoices not open that day are absent. */
export function openOn(
  invoices: readonly KpiInvoice[],
  allocations: readonly Allocation[],
  day: IsoDate,
): Map<number, Cents> {
  const paidAfter = new Map<number, number>();
  const paidTotal = new Map<number, number>();
  for (const a of allocations) {
    paidTotal.set(a.invoiceId, (paidTotal.get(a.invoiceId) ?? 0) + a.cents);
    if (a.date > day) paidAfter.set(a.invoiceId, (paidAfter.get(a.invoiceId) ?? 0) + a.cents);
  }
  const out = new Map<number, Cents>();
  for (const inv of invoices) {
    if (inv.issueDate > day) continue;
    let base = inv.openCents;
    if (inv.status === "written_off") {
      if (!inv.closedOn || inv.closedOn <= day) continue;
      base = inv.amountCents - (paidTotal.get(inv.id) ?? 0);
    }
    const open = Math.min(inv.amountCents, Math.max(0, base + (paidAfter.get(inv.id) ?? 0)));
    if (open > 0) out.set(inv.id, open);
  }
  return out;
}

export interface Recovery90 {
  invoices: number;
  overdueCents: Cents;
  recoveredCents: Cents;
  /** percent with one decimal; null when nothing fell in the cohort */
  share: number | null;
}

export function recoveryWithin90(
  input: ReportInput,
  period: Period,
  allocations: readonly Allocation[],
): Recovery90 {
  const byInvoice = groupBy(allocations, (a) => a.invoiceId);
  let invoices = 0;
  let overdueCents = 0;
  let recoveredCents = 0;
  for (const inv of input.invoices) {
    const windowEnd = addDays(inv.dueDate, RECOVERY_WINDOW_DAYS);
    if (windowEnd < period.from || windowEnd > period.to) continue;
    const own = byInvoice.get(inv.id) ?? [];
    const paidByDue = sum(own.filter((a) => a.date <= inv.dueDate).map((a) => a.cents));
    const overdue = inv.amountCents - paidByDue;
    if (overdue <= 0) continue;
    invoices += 1;
    overdueCents += overdue;
    recoveredCents += sum(own.filter((a) => a.date > inv.dueDate && a.date <= windowEnd).map((a) => a.cents));
  }
  return {
    invoices,
    overdueCents,
    recoveredCents,
    share: invoices ? percent(recoveredCents, overdueCents) : null,
  };
}

export interface Reorder {
  recoveredCustomers: number;
  orderedAgain: number;
  share: number | null;
}

/** Day of each customer's latest recovery on or before `until` (see the header). */
export function recoveryDays(
  input: ReportInput,
  allocations: readonly Allocation[],
  until: IsoDate,
): Map<number, IsoDate> {
  const invoicesOf = groupBy(input.invoices, (i) => i.customerId);
  const allocationsOf = groupBy(allocations, (a) => a.customerId);
  const out = new Map<number, IsoDate>();
  const candidates = new Map<number, Set<IsoDate>>();
  for (const a of allocations) {
    if (!a.overdue || a.date > until) continue;
    const set = candidates.get(a.customerId) ?? new Set<IsoDate>();
    set.add(a.date);
    candidates.set(a.customerId, set);
  }
  for (const [customerId, days] of candidates) {
    const own = invoicesOf.get(customerId) ?? [];
    const ownAllocations = allocationsOf.get(customerId) ?? [];
    for (const day of [...days].sort().reverse()) {
      const open = openOn(own, ownAllocations, day);
      const stillOverdue = own.some(
        (i) =>
          i.dueDate < day &&
          ((open.get(i.id) ?? 0) > 0 ||
            (i.status === "written_off" && (i.closedOn === null || i.closedOn <= day))),
      );
      if (!stillOverdue) {
        out.set(customerId, day);
        break;
      }
    }
  }
  return out;
}

export function reorderAfterRecovery(
  input: ReportInput,
  period: Period,
  allocations: readonly Allocation[],
): Reorder {
  const since = addDays(period.to, -REORDER_LOOKBACK_DAYS + 1);
  const invoicesOf = groupBy(input.invoices, (i) => i.customerId);
  let recoveredCustomers = 0;
  let orderedAgain = 0;
  for (const [customerId, day] of recoveryDays(input, allocations, period.to)) {
    if (day < since) continue;
    recoveredCustomers += 1;
    if ((invoicesOf.get(customerId) ?? []).some((i) => i.issueDate > day && i.issueDate <= period.to))
      orderedAgain += 1;
  }
  return {
    recoveredCustomers,
    orderedAgain,
    share: recoveredCustomers ? percent(orderedAgain, recoveredCustomers) : null,
  };
}

export interface PromiseStats {
  kept: number;
  partial: number;
  broken: number;
  open: number;
  /** kept / (kept + partial + broken), percent; null when none was evaluated */
  keptRate: number | null;
  promisedCents: Cents;
  paidCents: Cents;
}

export function promiseStats(promises: readonly KpiPromise[], period: Period): PromiseStats {
  const due = promises.filter(
    (p) => p.status !== "cancelled" && p.dueDate >= period.from && p.dueDate <= period.to,
  );
  const count = (s: string) => due.filter((p) => p.status === s).length;
  const kept = count("kept");
  const partial = count("partial");
  const broken = count("broken");
  const evaluated = kept + partial + broken;
  return {
    kept,
    partial,
    broken,
    open: count("open"),
    keptRate: evaluated ? percent(kept, evaluated) : null,
    promisedCents: sum(due.map((p) => p.amountCents)),
    paidCents: sum(due.map((p) => p.paidCents)),
  };
}

export { AGING_KEYS, type AgingBucket, type AgingKey, agingKey } from "./exposure";

export interface Position {
  openCents: Cents;
  overdueCents: Cents;
  /** the disputed part of overdueCents (src/domain/exposure.ts) */
  disputedCents: Cents;
  aging: AgingBucket[];
  /** over overdue open invoices; one decimal; null when nothing is overdue */
  avgDaysOverdue: number | null;
  avgDaysOverdueWeighted: number | null;
  overdueInvoices: number;
  creditHoldCents: Cents;
  agencyCents: Cents;
  legalCents: Cents;
}

export function positionOn(input: ReportInput, allocations: readonly Allocation[], day: IsoDate): Position {
  const open = openOn(input.invoices, allocations, day);
  const customers = new Map(input.customers.map((c) => [c.id, c]));
  const items: ExposureItem[] = [];
  let daysSum = 0;
  let weightedSum = 0;
  let creditHoldCents = 0;
  let agencyCents = 0;
  let legalCents = 0;
  for (const inv of input.invoices) {
    const cents = open.get(inv.id);
    if (!cents) continue;
    items.push({
      customerId: inv.customerId,
      dueDate: inv.dueDate,
      openCents: cents,
      disputed: inv.status === "disputed",
    });
    const days = daysBetween(inv.dueDate, day);
    if (days > 0) {
      daysSum += days;
      weightedSum += days * cents;
    }
    const customer = customers.get(inv.customerId);
    if (customer?.creditHold) creditHoldCents += cents;
    if (customer?.caseStage === "agency") agencyCents += cents;
    if (customer?.caseStage === "legal") legalCents += cents;
  }
  const e = exposure(items, day);
  return {
    openCents: e.openCents,
    overdueCents: e.overdueCents,
    disputedCents: e.disputedCents,
    aging: e.aging,
    avgDaysOverdue: e.overdueInvoices ? round1(daysSum / e.overdueInvoices) : null,
    avgDaysOverdueWeighted: e.overdueCents ? round1(weightedSum / e.overdueCents) : null,
    overdueInvoices: e.overdueInvoices,
    creditHoldCents,
    agencyCents,
    legalCents,
  };
}

export interface Dso {
  openCents: Cents;
  creditSalesCents: Cents;
  days: number;
  /** days, one decimal; null without credit sales in the period */
  dso: number | null;
}

/** DSO looks at least this far back: over a week or a month so far the credit sales are too few to mean much. */
export const DSO_MIN_DAYS = 90;

export function dso(input: ReportInput, period: Period, openCents: Cents): Dso {
  const earliest = addDays(period.to, -(DSO_MIN_DAYS - 1));
  const from = [period.from, earliest].sort()[0]!;
  const creditSalesCents = sum(
    input.invoices.filter((i) => i.issueDate >= from && i.issueDate <= period.to).map((i) => i.amountCents),
  );
  const days = daysBetween(from, period.to) + 1;
  return {
    openCents,
    creditSalesCents,
    days,
    dso: creditSalesCents ? round1((openCents / creditSalesCents) * days) : null,
  };
}

export interface CollectorActivity {
  memberId: number;
  name: string;
  contacts: number;
  promises: number;
  promisedCents: Cents;
  recoveredCents: Cents;
}

export interface Collectors {
  collectors: CollectorActivity[];
  unattributedCents: Cents;
}

export function collectorActivity(
  input: ReportInput,
  period: Period,
  allocations: readonly Allocation[],
): Collectors {
  const rows = new Map<number, CollectorActivity>();
  const names = new Map(input.members.map((m) => [m.id, m.name]));
  const row = (memberId: number) => {
    let r = rows.get(memberId);
    if (!r) {
      r = {
        memberId,
        name: names.get(memberId) ?? `#${memberId}`,
        contacts: 0,
        promises: 0,
        promisedCents: 0,
        recoveredCents: 0,
      };
      rows.set(memberId, r);
    }
    return r;
  };
  const interactions = new Map(input.interactions.map((i) => [i.id, i]));
  for (const i of input.interactions) {
    if (i.memberId !== null && inPeriod(i.date, period)) row(i.memberId).contacts += 1;
  }
  for (const p of input.promises) {
    const source = p.interactionId === null ? undefined : interactions.get(p.interactionId);
    if (p.status === "cancelled" || !source || source.memberId === null || !inPeriod(source.date, period))
      continue;
    const r = row(source.memberId);
    r.promises += 1;
    r.promisedCents += p.amountCents;
  }
  const contactsOf = groupBy(
    input.interactions.filter((i) => i.memberId !== null),
    (i) => i.customerId,
  );
  let unattributedCents = 0;
  for (const a of allocations) {
    if (!a.overdue || !inPeriod(a.date, period)) continue;
    const last = (contactsOf.get(a.customerId) ?? [])
      .filter((i) => i.date <= a.date && daysBetween(i.date, a.date) <= ATTRIBUTION_DAYS)
      .sort((x, y) => cmp(y.date, x.date) || y.id - x.id)[0];
    if (last?.memberId != null) row(last.memberId).recoveredCents += a.cents;
    else unattributedCents += a.cents;
  }
  const collectors = [...rows.values()].sort(
    (x, y) => y.recoveredCents - x.recoveredCents || y.contacts - x.contacts || x.name.localeCompare(y.name),
  );
  return { collectors, unattributedCents };
}

export interface TripResult {
  tripId: number;
  collectorName: string | null;
  area: string;
  startDate: IsoDate;
  endDate: IsoDate;
  costCents: Cents;
  contacts: number;
  promises: number;
  promisedCents: Cents;
  recoveredCents: Cents;
}

export function tripResults(
  input: ReportInput,
  period: Period,
  allocations: readonly Allocation[],
): TripResult[] {
  const byTrip = groupBy(
    input.interactions.filter((i) => i.tripId !== null),
    (i) => i.tripId!,
  );
  const promisesByInteraction = groupBy(
    input.promises.filter((p) => p.interactionId !== null && p.status !== "cancelled"),
    (p) => p.interactionId!,
  );
  const recoveredOf = groupBy(
    allocations.filter((a) => a.overdue),
    (a) => a.customerId,
  );
  return input.trips
    .filter((t) => t.startDate <= period.to && t.endDate >= period.from)
    .sort((a, b) => cmp(a.startDate, b.startDate) || a.id - b.id)
    .map((t) => {
      const contacts = byTrip.get(t.id) ?? [];
      const promises = contacts.flatMap((i) => promisesByInteraction.get(i.id) ?? []);
      // each visited customer counts once, from their first visit on this trip
      const firstVisit = new Map<number, IsoDate>();
      for (const i of contacts) {
        const seen = firstVisit.get(i.customerId);
        if (!seen || i.date < seen) firstVisit.set(i.customerId, i.date);
      }
      let recoveredCents = 0;
      for (const [customerId, visit] of firstVisit) {
        const last = addDays(visit, TRIP_RESULT_DAYS);
        recoveredCents += sum(
          (recoveredOf.get(customerId) ?? [])
            .filter((a) => a.date >= visit && a.date <= last)
            .map((a) => a.cents),
        );
      }
      return {
        tripId: t.id,
        collectorName: t.collectorName,
        area: t.area,
        startDate: t.startDate,
        endDate: t.endDate,
        costCents: sum(t.costsCents),
        contacts: contacts.length,
        promises: promises.length,
        promisedCents: sum(promises.map((p) => p.amountCents)),
        recoveredCents,
      };
    });
}

export interface SeriesPoint {
  /** first day of the week (Monday) or of the month */
  start: IsoDate;
  end: IsoDate;
  cents: Cents;
}

/** Money recovered (on overdue invoices) per week or month, the last `count` of them up to `until`. */
export function recoverySeries(
  allocations: readonly Allocation[],
  until: IsoDate,
  unit: "week" | "month",
  count: number,
): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  let start = unit === "week" ? startOfWeek(until) : startOfMonth(until);
  for (let k = 0; k < count; k++) {
    const end = unit === "week" ? addDays(start, 6) : endOfMonth(start);
    points.unshift({ start, end, cents: 0 });
    start = unit === "week" ? addDays(start, -7) : startOfMonth(addDays(start, -1));
  }
  for (const a of allocations) {
    if (!a.overdue || a.date > until) continue;
    const point = points.find((p) => a.date >= p.start && a.date <= p.end);
    if (point) point.cents += a.cents;
  }
  return points;
}

export interface Report {
  period: Period;
  recovery90: Recovery90 & { target: number; met: boolean | null };
  reorder: Reorder & { target: number; met: boolean | null };
  promises: PromiseStats;
  position: Position;
  dso: Dso;
  /** money recovered on overdue invoices in the period */
  recoveredCents: Cents;
  collectors: Collectors;
  trips: TripResult[];
  series: { unit: "week" | "month"; points: SeriesPoint[] };
}

/** Every figure of the report for `period` (see the header for the definitions). */
export function computeReport(input: ReportInput, period: Period): Report {
  const allocations = allocatePayments(input.invoices, input.payments);
  const recovery = recoveryWithin90(input, period, allocations);
  const reorder = reorderAfterRecovery(input, period, allocations);
  const position = positionOn(input, allocations, period.to);
  const unit = period.kind === "week" ? "week" : "month";
  return {
    period,
    recovery90: {
      ...recovery,
      target: RECOVERY_TARGET_PERCENT,
      met: met(recovery.share, RECOVERY_TARGET_PERCENT),
    },
    reorder: { ...reorder, target: REORDER_TARGET_PERCENT, met: met(reorder.share, REORDER_TARGET_PERCENT) },
    promises: promiseStats(input.promises, period),
    position,
    dso: dso(input, period, position.openCents),
    recoveredCents: sum(allocations.filter((a) => a.overdue && inPeriod(a.date, period)).map((a) => a.cents)),
    collectors: collectorActivity(input, period, allocations),
    trips: tripResults(input, period, allocations),
    series: { unit, points: recoverySeries(allocations, period.to, unit, unit === "week" ? 12 : 6) },
  };
}

function met(share: number | null, target: number): boolean | null {
  return share === null ? null : share > target;
}

function inPeriod(day: IsoDate, period: Period): boolean {
  return day >= period.from && day <= period.to;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((t, v) => t + v, 0);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
