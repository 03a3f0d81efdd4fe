// The digest reads one entry per customer: the task to do first leads, the customer's other tasks ride
// along as flags on the same entry. Pure: entries are built from the engine's tasks.

import type { Task, TaskKind } from "./tasks";
import { taskPriority } from "./tasks";

export interface DigestEntry {
  customerId: number;
  customerName: string;
  overdueCents: number; // the customer's overdue: the one amount shown on the entry
  daysOverdue: number;
  primary: Task; // what to do first
  flags: Task[]; // the customer's other tasks, in precedence order
  /** Owner decisions lead the digest, in their own section. */
  decision: boolean;
}

/** Which task of a customer leads its entry: an owner decision, then the contact to make, then the rest. */
export const PRIMARY_ORDER: readonly TaskKind[] = [
  "approval_pending",
  "riba_returned", // a RiBa or SDD came back unpaid: the bank said no, call today
  "broken_promise",
  "promise_due",
  "callback",
  "followup",
  "legal_ready",
  "cadence",
  "recontact",
  "agency_ready",
  "credit_hold",
  "credit_release",
];

const RANK = new Map(PRIMARY_ORDER.map((kind, i) => [kind, i]));

/** Sections of the digest, by the kind that leads the entry; decisions first. */
export const ENTRY_SECTION_ORDER: readonly TaskKind[] = PRIMARY_ORDER;

/**
 * Groups the day's tasks by customer. Entries are ordered: decisions first, broken promises next, then by
 * the customer's overdue weighted by its days (the engine's priority on the overdue), ties by name.
 */
export function digestEntries(tasks: readonly Task[]): DigestEntry[] {
  const byCustomer = new Map<number, Task[]>();
  for (const task of tasks) {
    const list = byCustomer.get(task.customerId);
    if (list) list.push(task);
    else byCustomer.set(task.customerId, [task]);
  }
  const entries: DigestEntry[] = [];
  for (const list of byCustomer.values()) {
    // stable: the engine's order breaks ties between tasks of the same kind
    const sorted = [...list].sort((a, b) => RANK.get(a.kind)! - RANK.get(b.kind)!);
    const primary = sorted[0]!;
    entries.push({
      customerId: primary.customerId,
      customerName: primary.customerName,
      overdueCents: primary.overdueCents,
      daysOverdue: primary.daysOverdue,
      primary,
      flags: sorted.slice(1),
      decision: primary.kind === "approval_pending",
    });
  }
  return entries.sort(compareEntries);
}

const collator = new Intl.Collator("it", { sensitivity: "base" });

function compareEntries(a: DigestEntry, b: DigestEntry): number {
  return (
    Number(b.decision) - Number(a.decision) ||
    Number(b.primary.kind === "broken_promise") - Number(a.primary.kind === "broken_promise") ||
    taskPriority(b.overdueCents, b.daysOverdue) - taskPriority(a.overdueCents, a.daysOverdue) ||
    collator.compare(a.customerName, b.customerName) ||
    a.customerId - b.customerId
  );
}

/**
 * Sections for display, decisions first, then by leading kind in PRIMARY_ORDER; callbacks by time.
 * Empty sections are left out.
 */
export function groupEntries(entries: readonly DigestEntry[]): { kind: TaskKind; entries: DigestEntry[] }[] {
  const groups = new Map<TaskKind, DigestEntry[]>(ENTRY_SECTION_ORDER.map((kind) => [kind, []]));
  for (const entry of entries) groups.get(entry.primary.kind)!.push(entry);
  groups.get("callback")!.sort((a, b) => (a.primary.time ?? "").localeCompare(b.primary.time ?? ""));
  return [...groups].filter(([, list]) => list.length > 0).map(([kind, list]) => ({ kind, entries: list }));
}
