import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../src/db/client";
import { generateDemoData } from "../../src/demo/generate";
import { type SeedSummary, seedDemo } from "../../src/demo/seed";
import { addDays, dateInZone, timeInZone } from "../../src/domain/calendar";
import { normalizeForSearch } from "../../src/domain/text";

const TODAY = "2026-03-02";
const data = generateDemoData({ today: TODAY, seed: 7 });
let dir: string;
let db: Db;
let summary: SeedSummary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-demo-"));
  db = await openDb(`file:${join(dir, "x.db")}`);
  summary = await seedDemo(db, data);
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

describe("seedDemo", () => {
  it("writes every record and reports the counts", async () => {
    expect(await db.teamMember.count()).toBe(5);
    expect(await db.customer.count()).toBe(data.customers.length);
    expect(await db.invoice.count()).toBe(data.invoices.length);
    expect(await db.payment.count()).toBe(data.payments.length);
    expect(await db.interaction.count()).toBe(data.interactions.length);
    expect(await db.paymentPromise.count()).toBe(data.promises.length);
    expect(await db.callback.count()).toBe(data.callbacks.length);
    expect(await db.case.count()).toBe(data.cases.length);
    expect(await db.approvalRequest.count({ where: { status: "pending", kind: "settlement" } })).toBe(1);
    expect(await db.document.count()).toBe(data.documents.length);
    expect(await db.contactPerson.count()).toBe(summary.contacts);
    expect(summary).toMatchObject({
      customers: data.customers.length,
      invoices: data.invoices.length,
      openCases: await db.case.count({ where: { closedOn: null } }),
    });
    expect(summary.invoices).toBeGreaterThanOrEqual(150);
  });

  it("keeps invoice amounts consistent with payments", async () => {
    const invoices = await db.invoice.findMany({ include: { payments: true } });
    for (const i of invoices) {
      expect(i.openCents).toBeGreaterThanOrEqual(0);
      expect(i.openCents).toBeLessThanOrEqual(i.amountCents);
      expect(i.payments.reduce((s, p) => s + p.amountCents, 0)).toBe(i.amountCents - i.openCents);
      if (i.status === "paid") expect(i.closedOn).not.toBeNull();
    }
  });

  it("backs every kept promise with payments made between the promise and its deadline", async () => {
    const kept = await db.paymentPromise.findMany({
      where: { status: "kept" },
      include: { interaction: true },
    });
    expect(kept.length).toBeGreaterThanOrEqual(3);
    for (const p of kept) {
      const payments = await db.payment.findMany({
        where: { customerId: p.customerId, date: { gte: p.interaction!.date, lte: addDays(p.dueDate, 2) } },
      });
      expect(payments.reduce((s, x) => s + x.amountCents, 0)).toBeGreaterThanOrEqual(p.amountCents);
      expect(p.paidCents).toBe(p.amountCents);
    }
    const broken = await db.paymentPromise.findMany({
      where: { status: "broken" },
      include: { interaction: true },
    });
    for (const p of broken) {
      const paid = await db.payment.count({
        where: { customerId: p.customerId, date: { gte: p.interaction!.date, lte: addDays(p.dueDate, 2) } },
      });
      expect(paid).toBe(0);
    }
  });

  it("has one open case per customer with overdue, and none for the others", async () => {
    const customers = await db.customer.findMany({
      include: { cases: { where: { closedOn: null } }, invoices: { where: { status: { not: "paid" } } } },
    });
    for (const c of customers) {
      const overdue = c.invoices.some((i) => i.dueDate < TODAY && i.openCents > 0);
      expect(c.cases.length, c.code).toBe(overdue ? 1 : 0);
    }
    const settlement = await db.approvalRequest.findFirstOrThrow({ include: { case: true } });
    expect(settlement.case.stage).toBe("settlement");
    expect(settlement.case.closedOn).toBeNull();
  });

  it("stores search text, relations and Rome-time instants", async () => {
    const c = await db.customer.findFirstOrThrow({
      where: { code: data.customers[0]!.code },
      include: { salesperson: true, contacts: true },
    });
    expect(c.searchText).toBe(normalizeForSearch(`${c.code} ${c.name} ${c.vatNumber}`));
    expect(c.salesperson).not.toBeNull();
    expect(c.contacts.length).toBeGreaterThanOrEqual(2);
    const callbacks = await db.callback.findMany({ where: { date: TODAY }, orderBy: { at: "asc" } });
    expect(callbacks.map((cb) => timeInZone(cb.at, "Europe/Rome"))).toEqual([
      "09:30",
      "11:00",
      "15:30",
      "17:00",
    ]);
    expect(callbacks.map((cb) => cb.at.toISOString())[0]).toBe("2026-03-02T08:30:00.000Z");
    const interactions = await db.interaction.findMany();
    for (const i of interactions) expect(dateInZone(i.occurredAt, "Europe/Rome")).toBe(i.date);
    const withCase = await db.interaction.count({ where: { caseId: { not: null } } });
    expect(withCase).toBeGreaterThan(0);
  });

  it("writes nothing when a row is rejected", async () => {
    const broken = generateDemoData({ today: TODAY, seed: 7 });
    broken.documents.push({ customerCode: "NOPE", kind: "other", date: TODAY, signed: false, notes: "x" });
    const empty = await openDb(`file:${join(dir, "empty.db")}`);
    try {
      await expect(seedDemo(empty, broken)).rejects.toThrow(/unknown customer "NOPE"/);
      expect(await empty.customer.count()).toBe(0);
      expect(await empty.invoice.count()).toBe(0);
    } finally {
      await empty.$disconnect();
    }
  });
});
