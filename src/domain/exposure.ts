// The one definition of "how much is owed and how late" (issue 13, point 3). The digest header, App Home and its
// aging buckets, the report and the customer card all take their figures from `exposure`, so they agree to the
// cent. Pure: open amounts and the day in, figures out.
//
// - Open: every invoice with something unpaid, disputed ones included (the customer still owes them).
// - Overdue: the open amount of invoices whose due date is before the day (days overdue > 0).
// - Disputed: the overdue amount of disputed invoices; it is part of the overdue figure and shown apart
//   ("di cui contestato € ..."), since chasing stops on it until the dispute is resolved.
// - Aging: the open amount by days overdue (not due, 1-30, 31-60, 61-90, over 90); the buckets add up to the
//   open amount, and all but "not due" add up to the overdue amount.

import { daysBetween, type IsoDate } from "./calendar";
import type { Cents } from "./money";

export type AgingKey = "not_due" | "d1_30" | "d31_60" | "d61_90" | "over_90";
export const AGING_KEYS: readonly AgingKey[] = ["not_due", "d1_30", "d31_60", "d61_90", "over_90"];

export interface AgingBucket {
  key: AgingKey;
  cents: Cents;
  invoices: number;
}

export function agingKey(daysOverdue: number): AgingKey {
  if (daysOverdue <= 0) return "not_due";
  if (daysOverdue <= 30) return "d1_30";
  if (daysOverdue <= 60) return "d31_60";
  if (daysOverdue <= 90) return "d61_90";
  return "over_90";
}

/** One invoice's open amount on the day; `disputed` when a dispute stops chasing it. */
export interface ExposureItem {
  /** absent: the items are one customer's */
  customerId?: number;
  dueDate: IsoDate;
  openCents: Cents;
  disputed?: boolean;
}

export interface Exposure {
  openCents: Cents;
  overdueCents: Cents;
  /** the disputed part of `overdueCents` */
  disputedCents: Cents;
  overdueInvoices: number;
  customersOverdue: number;
  aging: AgingBucket[];
}

export function exposure(items: Iterable<ExposureItem>, day: IsoDate): Exposure {
  const aging = AGING_KEYS.map((key): AgingBucket => ({ key, cents: 0, invoices: 0 }));
  const customers = new Set<number | undefined>();
  let openCents = 0;
  let overdueCents = 0;
  let disputedCents = 0;
  let overdueInvoices = 0;
  for (const item of items) {
    if (item.openCents <= 0) continue;
    const days = daysBetween(item.dueDate, day);
    const bucket = aging[AGING_KEYS.indexOf(agingKey(days))]!;
    bucket.cents += item.openCents;
    bucket.invoices += 1;
    openCents += item.openCents;
    if (days > 0) {
      overdueCents += item.openCents;
      overdueInvoices += 1;
      customers.add(item.customerId);
      if (item.disputed) disputedCents += item.openCents;
    }
  }
  return { openCents, overdueCents, disputedCents, overdueInvoices, customersOverdue: customers.size, aging };
}
