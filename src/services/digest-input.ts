import type { Config } from "../config";
import type { Db } from "../db/client";
import { parseCadence } from "../domain/cadence";
import type { IsoDate } from "../domain/calendar";
import type { PromiseStatus } from "../domain/promises";
import {
  type CaseStage,
  DEFAULT_RULES,
  type DigestInput,
  type TaskApproval,
  type TaskContact,
  type TaskRules,
} from "../domain/tasks";

/** The task rules from the settings (cadence table, tolerances, thresholds, local holidays). */
export function taskRules(config: Config): TaskRules {
  const r = config.rules;
  const cadence = r.cadenceSpec ? parseCadence(r.cadenceSpec) : DEFAULT_RULES.cadence;
  if ("error" in cadence) throw new Error(`CREDITO_CADENCE: ${cadence.error}`);
  return {
    cadence,
    promiseToleranceDays: r.promiseToleranceDays,
    recontactMinDays: r.recontactMinDays,
    recontactMaxDays: r.recontactMaxDays,
    creditHoldDays: r.creditHoldDays,
    agencyDays: r.agencyDays,
    holidays: r.extraHolidays,
  };
}

interface LastContactRow {
  customerId: number;
  date: string;
  channel: string;
  outcome: string;
}

/**
 * Reads what the task engine needs for `today` in a handful of set queries (no per-customer queries):
 * customers with their open case, open and disputed invoices due by today, live promises, callbacks and
 * follow-ups up to today, pending approvals, and each customer's latest contact.
 */
export async function loadDigestInput(db: Db, today: IsoDate): Promise<DigestInput> {
  const [customers, invoices, promises, callbacks, approvals, followups, lastContacts] = await Promise.all([
    db.customer.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        preserveRelationship: true,
        creditHold: true,
        salesperson: { select: { name: true, slackUserId: true } },
        cases: {
          where: { closedOn: null },
          select: {
            stage: true,
            snoozedUntil: true,
            assignee: { select: { name: true, slackUserId: true } },
          },
        },
      },
    }),
    db.invoice.findMany({
      where: { status: { in: ["open", "disputed"] }, openCents: { gt: 0 }, dueDate: { lte: today } },
      select: { customerId: true, number: true, dueDate: true, openCents: true, status: true },
    }),
    db.paymentPromise.findMany({
      where: { status: { in: ["open", "partial", "broken"] } },
      select: { id: true, customerId: true, amountCents: true, dueDate: true, status: true, paidCents: true },
    }),
    db.callback.findMany({
      where: { status: "open", date: { lte: today } },
      select: {
        id: true,
        customerId: true,
        date: true,
        time: true,
        note: true,
        member: { select: { slackUserId: true } },
      },
    }),
    db.approvalRequest.findMany({
      where: { status: "pending" },
      select: {
        id: true,
        kind: true,
        requestedOn: true,
        amountCents: true,
        case: { select: { customerId: true } },
      },
    }),
    db.dailyTask.findMany({
      where: { status: "open", date: { lte: today }, customerId: { not: null } },
      select: { id: true, customerId: true, date: true, reason: true, action: true },
    }),
    db.$queryRaw<LastContactRow[]>`
      SELECT "customerId", "date", "channel", "outcome" FROM (
        SELECT "customerId", "date", "channel", "outcome",
               ROW_NUMBER() OVER (PARTITION BY "customerId" ORDER BY "date" DESC, "occurredAt" DESC, "id" DESC) AS rn
        FROM "Interaction" WHERE "date" <= ${today}
      ) AS latest WHERE rn = 1`,
  ]);

  const contacts: TaskContact[] = lastContacts.map((c) => ({
    customerId: Number(c.customerId),
    date: c.date,
    channel: c.channel,
    outcome: c.outcome,
  }));
  const disputedCustomers = new Set(invoices.filter((i) => i.status === "disputed").map((i) => i.customerId));

  return {
    today,
    customers: customers.map((c) => {
      const open = c.cases[0];
      return {
        id: c.id,
        code: c.code,
        name: c.name,
        preserveRelationship: c.preserveRelationship,
        creditHold: c.creditHold,
        salesperson: c.salesperson?.name,
        salespersonSlackId: c.salesperson?.slackUserId,
        assignee: open?.assignee?.name,
        assigneeSlackId: open?.assignee?.slackUserId,
        snoozedUntil: open?.snoozedUntil ?? undefined,
        caseStage: open?.stage as CaseStage | undefined,
        // a dispute stops chasing until it is resolved ("Contestazione risolta" reopens the invoices)
        disputed: disputedCustomers.has(c.id),
      };
    }),
    invoices: invoices.map((i) => ({
      customerId: i.customerId,
      number: i.number,
      dueDate: i.dueDate,
      openCents: i.openCents,
      disputed: i.status === "disputed",
    })),
    promises: promises.map((p) => ({ ...p, status: p.status as PromiseStatus })),
    callbacks: callbacks.map((c) => ({
      id: c.id,
      customerId: c.customerId,
      date: c.date,
      time: c.time,
      memberSlackId: c.member?.slackUserId,
      note: c.note ?? undefined,
    })),
    contacts,
    approvals: approvals.map(
      (a): TaskApproval => ({
        id: a.id,
        customerId: a.case.customerId,
        kind: a.kind as TaskApproval["kind"],
        requestedOn: a.requestedOn,
        amountCents: a.amountCents ?? undefined,
      }),
    ),
    followups: followups.map((f) => ({
      id: f.id,
      customerId: f.customerId as number,
      date: f.date,
      reason: f.reason,
      action: f.action,
    })),
    // the latest word of the customer was a refusal: waiting to be passed to the lawyer
    refusals: contacts
      .filter((c) => c.outcome === "refusal")
      .map((c) => ({ customerId: c.customerId, date: c.date })),
  };
}
