import type { Db, Tx } from "../../db/client";
import { daysBetween, type IsoDate } from "../../domain/calendar";
import { type CaseCosts, NO_COSTS } from "../../domain/case-costs";
import type { ReminderContact } from "../../domain/contacts";
import { type CustomerNote, customerNote } from "../../domain/customer-note";
import {
  type InvoicesInterestResult,
  lateInterestForInvoices,
  type ReferenceRate,
} from "../../domain/interest";
import type { Customer } from "../../generated/prisma/client";
import { exposureOfInvoices } from "../customers/exposure";
import { loadReminderContacts } from "../customers/reminder-contacts";
import { loadCaseCosts } from "./case-costs";

/** Everything the agency or the lawyer needs, gathered from the database for one customer. */
export interface DossierData {
  generatedOn: IsoDate;
  /** identity and every way to reach the customer */
  customer: Pick<
    Customer,
    | "code"
    | "name"
    | "vatNumber"
    | "taxCode"
    | "address"
    | "postalCode"
    | "city"
    | "province"
    | "phone"
    | "mobile"
    | "email"
    | "pec"
  >;
  salesperson: string | null;
  note: CustomerNote;
  stage: string | null;
  openCents: number;
  overdueCents: number;
  daysOverdue: number;
  invoices: {
    number: string;
    installment: number;
    issueDate: IsoDate;
    dueDate: IsoDate;
    amountCents: number;
    openCents: number;
    status: string;
  }[];
  /** one result per overdue invoice, in `overdueInvoices` order */
  interest: InvoicesInterestResult;
  overdueInvoices: { number: string; installment: number }[];
  interactions: {
    date: IsoDate;
    channel: string;
    outcome: string;
    personReached: string | null;
    by: string | null;
    notes: string | null;
    reminder: ReminderContact | null;
  }[];
  promises: { dueDate: IsoDate; amountCents: number; paidCents: number; status: string }[];
  documents: {
    date: IsoDate;
    kind: string;
    signed: boolean;
    amountCents: number | null;
    notes: string | null;
  }[];
  payments: { date: IsoDate; amountCents: number; method: string | null; reference: string | null }[];
  /** what the open case cost the company (bank fees of returned RiBa/SDD…) */
  costs: CaseCosts;
  /** capital + interest + € 40 per invoice (interest.totalCents) + the costs: what can be claimed */
  claimableCents: number;
}

export async function loadReferenceRates(db: Db | Tx): Promise<ReferenceRate[]> {
  const rows = await db.referenceRate.findMany({ orderBy: { periodStart: "asc" } });
  return rows.map((r) => ({ periodStart: r.periodStart, rateBps: r.rateBps }));
}

/**
 * The dossier's data for a customer on `today`: open invoices, late interest under D.Lgs. 231/2002 on
 * the overdue ones (rates from the ReferenceRate table), contacts, promises, documents, payments, note.
 */
export async function dossierData(
  db: Db | Tx,
  customerId: number,
  today: IsoDate,
  timeZone: string,
): Promise<DossierData> {
  const c = await db.customer.findUniqueOrThrow({
    where: { id: customerId },
    include: {
      salesperson: true,
      invoices: {
        where: { status: { in: ["open", "disputed"] }, openCents: { gt: 0 } },
        orderBy: [{ dueDate: "asc" }, { number: "asc" }, { installment: "asc" }],
      },
      interactions: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }], include: { member: true } },
      promises: { orderBy: [{ dueDate: "asc" }, { id: "asc" }] },
      documents: { orderBy: [{ date: "asc" }, { id: "asc" }] },
      payments: { orderBy: [{ date: "asc" }, { id: "asc" }] },
      cases: { where: { closedOn: null }, take: 1 },
    },
  });
  const rates = await loadReferenceRates(db);
  const reminders = await loadReminderContacts(
    db,
    c.interactions.map((i) => i.id),
    timeZone,
  );
  const overdue = c.invoices.filter((i) => i.dueDate < today);
  const interest = lateInterestForInvoices(
    overdue.map((i) => ({ openCents: i.openCents, dueDate: i.dueDate })),
    today,
    rates,
  );
  const oldest = overdue[0]?.dueDate;
  const openCase = c.cases[0];
  const costs = openCase ? await loadCaseCosts(db, { caseId: openCase.id }) : NO_COSTS;
  const owed = exposureOfInvoices(c.id, c.invoices, today);
  return {
    generatedOn: today,
    customer: {
      code: c.code,
      name: c.name,
      vatNumber: c.vatNumber,
      taxCode: c.taxCode,
      address: c.address,
      postalCode: c.postalCode,
      city: c.city,
      province: c.province,
      phone: c.phone,
      mobile: c.mobile,
      email: c.email,
      pec: c.pec,
    },
    salesperson: c.salesperson?.name ?? null,
    note: customerNote(c),
    stage: openCase?.stage ?? null,
    openCents: owed.openCents,
    overdueCents: owed.overdueCents,
    daysOverdue: oldest ? daysBetween(oldest, today) : 0,
    invoices: c.invoices.map((i) => ({
      number: i.number,
      installment: i.installment,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      amountCents: i.amountCents,
      openCents: i.openCents,
      status: i.status,
    })),
    interest,
    overdueInvoices: overdue.map((i) => ({ number: i.number, installment: i.installment })),
    interactions: c.interactions.map((i) => ({
      date: i.date,
      channel: i.channel,
      outcome: i.outcome,
      personReached: i.personReached,
      by: i.member?.name ?? null,
      notes: i.notes,
      reminder: reminders.get(i.id) ?? null,
    })),
    promises: c.promises
      .filter((p) => p.status !== "cancelled")
      .map((p) => ({
        dueDate: p.dueDate,
        amountCents: p.amountCents,
        paidCents: p.paidCents,
        status: p.status,
      })),
    documents: c.documents.map((d) => ({
      date: d.date,
      kind: d.kind,
      signed: d.signed,
      amountCents: d.amountCents,
      notes: d.notes,
    })),
    payments: c.payments.map((p) => ({
      date: p.date,
      amountCents: p.amountCents,
      method: p.method,
      reference: p.reference,
    })),
    costs,
    claimableCents: interest.totalCents + costs.totalCents,
  };
}

/** "2026-07-01" -> "2026 H2" (the half-years the rate table lacked). */
export function halfYearLabel(periodStart: IsoDate): string {
  return `${periodStart.slice(0, 4)} ${periodStart.slice(5, 7) === "01" ? "H1" : "H2"}`;
}

export function dossierFileName(code: string, today: IsoDate): string {
  return `dossier-${code.replace(/[^A-Za-z0-9_-]+/g, "_")}-${today}.pdf`;
}
