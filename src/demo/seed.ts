// Writes generated demo data into the database (one transaction), and empties the database for a fresh demo.

import type { Db, Tx } from "../db/client";
import { zonedInstant } from "../domain/calendar";
import { normalizeForSearch } from "../domain/text";
import type { DemoData } from "./generate";

const TIME_ZONE = "Europe/Rome";

export interface SeedSummary {
  members: number;
  customers: number;
  contacts: number;
  invoices: number;
  payments: number;
  interactions: number;
  promises: number;
  callbacks: number;
  cases: number;
  openCases: number;
  approvals: number;
  documents: number;
}

/** Writes the demo data set in one transaction; fails (writing nothing) if any row is rejected. */
export async function seedDemo(db: Db, data: DemoData): Promise<SeedSummary> {
  return db.$transaction((tx) => write(tx, data), { timeout: 120_000, maxWait: 30_000 });
}

function need<T>(map: Map<string, T>, key: string | undefined, what: string): T {
  const value = key === undefined ? undefined : map.get(key);
  if (value === undefined) throw new Error(`demo seed: unknown ${what} "${key}"`);
  return value;
}

async function write(tx: Tx, data: DemoData): Promise<SeedSummary> {
  const members = new Map<string, number>();
  for (const m of data.members) {
    const row = await tx.teamMember.create({
      data: { slackUserId: m.slackUserId, name: m.name, role: m.role },
    });
    members.set(m.slackUserId, row.id);
  }

  const customers = new Map<string, number>();
  let contacts = 0;
  for (const c of data.customers) {
    const row = await tx.customer.create({
      data: {
        code: c.code,
        name: c.name,
        searchText: normalizeForSearch(`${c.code} ${c.name} ${c.vatNumber}`),
        vatNumber: c.vatNumber,
        taxCode: c.taxCode,
        address: c.address,
        postalCode: c.postalCode,
        city: c.city,
        province: c.province,
        phone: c.phone,
        mobile: c.mobile ?? null,
        email: c.email,
        pec: c.pec ?? null,
        creditLimitCents: c.creditLimitCents,
        paymentTermsDays: c.paymentTermsDays,
        creditHold: c.creditHold,
        creditHoldSince: c.creditHoldSince ?? null,
        preserveRelationship: c.preserveRelationship,
        salespersonId: c.salespersonSlackId ? need(members, c.salespersonSlackId, "member") : null,
        noteApproach: c.noteApproach ?? null,
        noteAttention: c.noteAttention ?? null,
        noteReferencePerson: c.noteReferencePerson ?? null,
        contacts: {
          create: c.contacts.map((p) => ({
            name: p.name,
            role: p.role,
            phone: p.phone ?? null,
            email: p.email ?? null,
            decisionMaker: p.decisionMaker,
            notes: p.notes ?? null,
          })),
        },
      },
    });
    customers.set(c.code, row.id);
    contacts += c.contacts.length;
  }

  const invoices = new Map<string, number>(); // "code|number|installment" -> id
  for (const i of data.invoices) {
    const row = await tx.invoice.create({
      data: {
        customerId: need(customers, i.customerCode, "customer"),
        number: i.number,
        installment: i.installment,
        issueDate: i.issueDate,
        dueDate: i.dueDate,
        amountCents: i.amountCents,
        openCents: i.openCents,
        status: i.status,
        source: "demo",
        closedOn: i.closedOn ?? null,
      },
    });
    invoices.set(`${i.customerCode}|${i.number}|${i.installment}`, row.id);
  }

  for (const p of data.payments) {
    await tx.payment.create({
      data: {
        customerId: need(customers, p.customerCode, "customer"),
        invoiceId: p.invoiceNumber
          ? need(invoices, `${p.customerCode}|${p.invoiceNumber}|1`, "invoice")
          : null,
        date: p.date,
        amountCents: p.amountCents,
        method: p.method,
        reference: p.reference,
      },
    });
  }

  // Cases first: interactions of a customer with an open case belong to it.
  const openCase = new Map<string, number>();
  let openCases = 0;
  for (const c of data.cases) {
    const row = await tx.case.create({
      data: {
        customerId: need(customers, c.customerCode, "customer"),
        stage: c.closedOn ? "closed" : c.stage,
        assigneeId: need(members, c.assigneeSlackId, "member"),
        openedOn: c.openedOn,
        closedOn: c.closedOn ?? null,
        closeReason: c.closeReason ?? null,
      },
    });
    if (!c.closedOn) {
      openCase.set(c.customerCode, row.id);
      openCases++;
    }
  }

  const interactions = new Map<string, number>();
  for (const i of data.interactions) {
    const row = await tx.interaction.create({
      data: {
        customerId: need(customers, i.customerCode, "customer"),
        caseId: openCase.get(i.customerCode) ?? null,
        memberId: need(members, i.memberSlackId, "member"),
        channel: i.channel,
        personReached: i.personReached ?? null,
        outcome: i.outcome,
        mood: i.mood ?? null,
        sincerity: i.sincerity ?? null,
        notes: i.notes,
        newInfo: i.newInfo ? JSON.stringify(i.newInfo) : null,
        date: i.date,
        occurredAt: zonedInstant(i.date, i.time, TIME_ZONE),
      },
    });
    interactions.set(i.key, row.id);
  }

  for (const p of data.promises) {
    await tx.paymentPromise.create({
      data: {
        customerId: need(customers, p.customerCode, "customer"),
        interactionId: need(interactions, p.interactionKey, "interaction"),
        amountCents: p.amountCents,
        dueDate: p.dueDate,
        sequence: p.sequence,
        status: p.status,
        paidCents: p.paidCents,
        evaluatedOn: p.evaluatedOn ?? null,
      },
    });
  }

  for (const cb of data.callbacks) {
    await tx.callback.create({
      data: {
        customerId: need(customers, cb.customerCode, "customer"),
        interactionId: cb.interactionKey ? need(interactions, cb.interactionKey, "interaction") : null,
        memberId: need(members, cb.memberSlackId, "member"),
        date: cb.date,
        time: cb.time,
        at: zonedInstant(cb.date, cb.time, TIME_ZONE),
        note: cb.note,
        status: cb.status,
      },
    });
  }

  for (const a of data.approvals) {
    await tx.approvalRequest.create({
      data: {
        caseId: need(openCase, a.customerCode, "open case"),
        kind: a.kind,
        amountCents: a.amountCents,
        writeOffCents: a.writeOffCents ?? null,
        terms: a.terms,
        status: a.status,
        requestedById: need(members, a.requestedBySlackId, "member"),
        requestedOn: a.requestedOn,
      },
    });
  }

  for (const d of data.documents) {
    await tx.document.create({
      data: {
        customerId: need(customers, d.customerCode, "customer"),
        interactionId: d.interactionKey ? need(interactions, d.interactionKey, "interaction") : null,
        kind: d.kind,
        date: d.date,
        signed: d.signed,
        amountCents: d.amountCents ?? null,
        notes: d.notes,
      },
    });
  }

  return {
    members: data.members.length,
    customers: data.customers.length,
    contacts,
    invoices: data.invoices.length,
    payments: data.payments.length,
    interactions: data.interactions.length,
    promises: data.promises.length,
    callbacks: data.callbacks.length,
    cases: data.cases.length,
    openCases,
    approvals: data.approvals.length,
    documents: data.documents.length,
  };
}
