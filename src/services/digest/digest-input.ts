import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { addDays, type IsoDate } from "../../domain/calendar";
import type { CaseStage } from "../../domain/cases";
import type { PromiseStatus } from "../../domain/promises";
import { readTaskText } from "../../domain/task-text";
import type { DigestInput, TaskApproval, TaskContact, TaskDeferral, TaskRules } from "../../domain/tasks";

/** The task rules from the settings (cadence table, tolerances, thresholds, local holidays). */
export function taskRules(config: Config): TaskRules {
  const r = config.rules;
  return {
    cadence: r.cadence, // parsed and checked by loadConfig
    promiseToleranceDays: r.promiseToleranceDays,
    recontactMinDays: r.recontactMinDays,
    recontactMaxDays: r.recontactMaxDays,
    creditHoldDays: r.creditHoldDays,
    agencyDays: r.agencyDays,
    holidays: r.extraHolidays,
    cadenceMinGapDays: r.cadenceMinGapDays,
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
  const [extra, [customers, invoices, promises, callbacks, approvals, followups, lastContacts]] =
    await Promise.all([
      loadChasingHistory(db, today),
      Promise.all([
        db.customer.findMany({
          select: {
            id: true,
            code: true,
            name: true,
            preserveRelationship: true,
            creditHold: true,
            salesperson: { select: { name: true, slackUserId: true } },
            phone: true,
            mobile: true,
            noteApproach: true,
            noteReferencePerson: true,
            reminderLevel: true,
            lastReminderOn: true,
            lastContactOn: true,
            chasingNote: true,
            contacts: {
              select: { name: true, role: true, phone: true, decisionMaker: true },
              orderBy: [{ decisionMaker: "desc" }, { id: "asc" }],
              take: 1,
            },
            cases: {
              where: { closedOn: null },
              select: {
                id: true,
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
          select: {
            id: true,
            customerId: true,
            amountCents: true,
            dueDate: true,
            status: true,
            paidCents: true,
          },
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
          select: {
            id: true,
            customerId: true,
            date: true,
            reason: true,
            action: true,
            detail: true,
            kind: true,
          },
        }),
        db.$queryRaw<LastContactRow[]>`
      SELECT "customerId", "date", "channel", "outcome" FROM (
        SELECT "customerId", "date", "channel", "outcome",
               ROW_NUMBER() OVER (PARTITION BY "customerId" ORDER BY "date" DESC, "occurredAt" DESC, "id" DESC) AS rn
        FROM "Interaction" WHERE "date" <= ${today}
      ) AS latest WHERE rn = 1`,
      ]),
    ]);

  const contacts: TaskContact[] = lastContacts.map((c) => ({
    customerId: Number(c.customerId),
    date: c.date,
    channel: c.channel,
    outcome: c.outcome,
  }));
  // every contact of the last 400 days counts for the cadence (which steps were done); an older latest
  // contact still counts for the re-contact clock
  const historyFrom = addDays(today, -400);
  const older = contacts.filter((c) => c.date < historyFrom);
  contacts.length = 0;
  contacts.push(...extra.history, ...older);
  // a contact before Credito, from an import, counts as the last one when nothing newer was logged
  const lastLogged = new Map(lastContacts.map((l) => [Number(l.customerId), l.date]));
  for (const c of customers) {
    if (!c.lastContactOn || c.lastContactOn > today) continue;
    const logged = lastLogged.get(c.id);
    if (!logged || logged < c.lastContactOn)
      contacts.push({ customerId: c.id, date: c.lastContactOn, channel: "imported", outcome: "info" });
  }
  const openCaseOf = new Map(customers.map((c) => [c.id, c.cases[0]?.id]));
  const disputedCustomers = new Set(invoices.filter((i) => i.status === "disputed").map((i) => i.customerId));
  // a returned RiBa's follow-up ends once the customer has nothing undisputed overdue (it paid again)
  const overdueCustomers = new Set(
    invoices.filter((i) => i.status === "open" && i.dueDate < today).map((i) => i.customerId),
  );

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
        phone: extra.loggedPhone.get(c.id) ?? c.contacts[0]?.phone ?? c.mobile ?? c.phone ?? undefined,
        askFor: askFor(c.contacts[0], c.noteReferencePerson),
        salesNote: c.noteApproach ?? undefined,
        chasingNote: c.chasingNote ?? undefined,
        importedReminder:
          c.reminderLevel != null
            ? { level: c.reminderLevel, date: c.lastReminderOn ?? undefined }
            : undefined,
        clearances: extra.clearances.get(c.id),
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
    followups: followups
      .filter((f) => f.kind !== "riba_returned" || overdueCustomers.has(f.customerId as number))
      .map((f) => ({
        id: f.id,
        customerId: f.customerId as number,
        date: f.date,
        ...readTaskText(f.detail, f.reason, f.action),
        ...(f.kind === "riba_returned" ? { kind: "riba_returned" as const } : {}),
      })),
    // a deferral holds for the case it was given on: a new case is looked at afresh
    deferrals: extra.deferrals.filter((d) => d.caseId === null || openCaseOf.get(d.customerId) === d.caseId),
    // the latest word of the customer was a refusal: waiting to be passed to the lawyer
    refusals: contacts
      .filter((c) => c.outcome === "refusal")
      .map((c) => ({ customerId: c.customerId, date: c.date })),
  };
}

function askFor(
  person: { name: string; role: string | null } | undefined,
  reference: string | null,
): string | undefined {
  if (person) return person.role ? `${person.name}, ${person.role}` : person.name;
  return reference ?? undefined;
}

interface ChasingHistory {
  history: TaskContact[];
  loggedPhone: Map<number, string>;
  clearances: Map<number, { stepDay: number; decision: "ok" | "objection"; date: IsoDate }[]>;
  deferrals: (TaskDeferral & { caseId: number | null })[];
}

/**
 * What the cadence and the entries need beyond the latest contact: the last year's contacts (which steps
 * were done), the newest number logged, the salesperson's ok or objection to hard steps, and the
 * proposals put off or refused. Set queries, no per-customer ones.
 */
async function loadChasingHistory(db: Db, today: IsoDate): Promise<ChasingHistory> {
  const since = addDays(today, -400); // same window as in loadDigestInput
  const [rows, numbers, clearances, deferrals] = await Promise.all([
    db.interaction.findMany({
      where: { date: { gte: since, lte: today } },
      select: { customerId: true, date: true, channel: true, outcome: true },
    }),
    db.interaction.findMany({
      where: { newInfo: { not: null }, date: { lte: today } },
      select: { customerId: true, newInfo: true },
      orderBy: [{ date: "asc" }, { id: "asc" }],
    }),
    db.stepClearance.findMany({ select: { customerId: true, stepDay: true, decision: true, date: true } }),
    db.proposalDeferral.findMany({ select: { customerId: true, caseId: true, kind: true, until: true } }),
  ]);
  const loggedPhone = new Map<number, string>();
  for (const n of numbers) {
    try {
      const info = JSON.parse(n.newInfo!) as { phone?: string; mobile?: string };
      const phone = info.mobile ?? info.phone;
      if (phone) loggedPhone.set(n.customerId, phone);
    } catch {
      // an unreadable record is not a number to call
    }
  }
  const byCustomer = new Map<number, { stepDay: number; decision: "ok" | "objection"; date: IsoDate }[]>();
  for (const c of clearances) {
    const list = byCustomer.get(c.customerId) ?? [];
    list.push({ stepDay: c.stepDay, decision: c.decision === "ok" ? "ok" : "objection", date: c.date });
    byCustomer.set(c.customerId, list);
  }
  return {
    history: rows,
    loggedPhone,
    clearances: byCustomer,
    deferrals: deferrals.map((d) => ({
      customerId: d.customerId,
      caseId: d.caseId,
      kind: d.kind === "legal" ? "legal" : "agency",
      until: d.until ?? undefined,
    })),
  };
}
