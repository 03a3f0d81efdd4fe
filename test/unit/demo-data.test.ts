import { describe, expect, it } from "vitest";
import { type DemoData, generateDemoData, mulberry32 } from "../../src/demo/generate";
import { addDays, daysBetween } from "../../src/domain/calendar";
import { isValidTaxCode, isValidVatNumber } from "../../src/domain/vat";

const TODAY = "2026-03-02"; // a Monday
const data = generateDemoData({ today: TODAY, seed: 42 });

function bucket(dueDate: string, today: string): string {
  const late = daysBetween(dueDate, today);
  if (late <= 0) return "not_due";
  if (late <= 30) return "1-30";
  if (late <= 60) return "31-60";
  if (late <= 90) return "61-90";
  return ">90";
}

function customer(d: DemoData, scenario: string) {
  const c = d.customers.find((x) => x.scenario === scenario);
  if (!c) throw new Error(`no customer for ${scenario}`);
  return c;
}

describe("mulberry32", () => {
  it("is deterministic and in [0, 1)", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
  });
});

describe("generateDemoData", () => {
  it("has the team", () => {
    expect(data.members.map((m) => [m.slackUserId, m.name, m.role])).toEqual([
      ["U0ADMIN", "Giulia Ferri", "admin"],
      ["U0ADMIN2", "Luca Moretti", "admin"],
      ["U0SALES1", "Marco Bellini", "sales"],
      ["U0SALES2", "Sara Conti", "sales"],
      ["U0OWNER", "Roberto Galli", "owner"],
    ]);
  });

  it("has 40+ customers across several provinces with valid, distinct identifiers", () => {
    expect(data.customers.length).toBeGreaterThanOrEqual(40);
    const provinces = new Set(data.customers.map((c) => c.province));
    expect(provinces.size).toBeGreaterThanOrEqual(4);
    for (const p of ["MI", "BG", "BS", "VR", "PD", "BO", "TO", "FI", "RM", "NA", "BA"])
      expect(provinces).toContain(p);
    // a field trip makes sense: many customers in Lombardia and Veneto
    expect(
      data.customers.filter((c) => c.region === "Lombardia" || c.region === "Veneto").length,
    ).toBeGreaterThanOrEqual(20);
    for (const c of data.customers) {
      expect(isValidVatNumber(c.vatNumber), c.vatNumber).toBe(true);
      expect(isValidTaxCode(c.taxCode), c.taxCode).toBe(true);
      expect(c.postalCode).toMatch(/^\d{5}$/);
      expect(c.phone).toMatch(/^\+39 0\d{1,3} \d{3,4} \d{3,4}$/);
      if (c.mobile) expect(c.mobile).toMatch(/^\+39 3\d{2} \d{3} \d{4}$/);
      expect(c.email).toMatch(/^[a-z]+@[a-z0-9]+\.it$/);
      expect([30, 60, 90]).toContain(c.paymentTermsDays);
      expect(c.contacts.filter((p) => p.decisionMaker)).toHaveLength(1);
      expect(c.noteApproach).toBeTruthy();
    }
    expect(new Set(data.customers.map((c) => c.vatNumber)).size).toBe(data.customers.length);
    expect(new Set(data.customers.map((c) => c.code)).size).toBe(data.customers.length);
    // sole traders carry a personal codice fiscale
    expect(data.customers.filter((c) => c.taxCode.length === 16).length).toBeGreaterThanOrEqual(5);
  });

  it("gives ~60% of customers a PEC and ~15% the relationship-preservation flag", () => {
    const n = data.customers.length;
    expect(data.customers.filter((c) => c.pec).length).toBe(Math.round(n * 0.6));
    const preserve = data.customers.filter((c) => c.preserveRelationship).length / n;
    expect(preserve).toBeGreaterThanOrEqual(0.1);
    expect(preserve).toBeLessThanOrEqual(0.2);
    expect(data.customers.filter((c) => c.endOfMonth).length).toBeGreaterThan(0);
  });

  it("has 150+ invoices with realistic amounts and unique numbers, spread across the aging buckets", () => {
    expect(data.invoices.length).toBeGreaterThanOrEqual(150);
    const amounts = data.invoices.map((i) => i.amountCents);
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(6_000_000);
    const typical = amounts.filter((a) => a >= 100_000 && a <= 1_500_000).length;
    expect(typical / amounts.length).toBeGreaterThan(0.6);
    expect(new Set(data.invoices.map((i) => i.number)).size).toBe(data.invoices.length);
    for (const i of data.invoices) {
      expect(i.number).toMatch(/^20\d{2}\/\d{4}$/);
      expect(i.issueDate <= TODAY).toBe(true);
      expect(i.issueDate < i.dueDate).toBe(true);
      expect(i.openCents).toBeGreaterThanOrEqual(0);
      expect(i.openCents).toBeLessThanOrEqual(i.amountCents);
      expect(i.status === "paid").toBe(i.openCents === 0);
    }
    const open = data.invoices.filter((i) => i.status !== "paid");
    const counts = new Map<string, number>();
    for (const i of open)
      counts.set(bucket(i.dueDate, TODAY), (counts.get(bucket(i.dueDate, TODAY)) ?? 0) + 1);
    for (const b of ["not_due", "1-30", "31-60", "61-90", ">90"])
      expect(counts.get(b) ?? 0, b).toBeGreaterThanOrEqual(3);
    expect(data.invoices.filter((i) => i.status === "paid").length).toBeGreaterThanOrEqual(50);
    expect(
      data.invoices.filter((i) => i.status === "open" && i.openCents < i.amountCents).length,
    ).toBeGreaterThanOrEqual(2);
    expect(data.invoices.filter((i) => i.status === "disputed")).toHaveLength(1);
  });

  it("records payments that add up to what each invoice no longer owes", () => {
    for (const i of data.invoices) {
      const paid = data.payments
        .filter((p) => p.customerCode === i.customerCode && p.invoiceNumber === i.number)
        .reduce((s, p) => s + p.amountCents, 0);
      expect(paid, i.number).toBe(i.amountCents - i.openCents);
    }
    for (const p of data.payments) expect(p.date < TODAY).toBe(true);
  });

  it("has promises kept, broken, partial, due today and this week, and an instalment plan", () => {
    const by = (s: string) => data.promises.filter((p) => p.status === s);
    expect(by("kept").length).toBeGreaterThanOrEqual(3);
    expect(by("broken").length).toBeGreaterThanOrEqual(2);
    expect(by("partial")).toHaveLength(1);
    expect(by("partial")[0]).toMatchObject({ amountCents: 500_000, paidCents: 200_000 });
    for (const p of by("kept")) expect(p.paidCents).toBe(p.amountCents);
    for (const p of by("broken")) expect(p.paidCents).toBe(0);
    expect(
      data.promises.filter((p) => p.status === "open" && p.dueDate === TODAY).length,
    ).toBeGreaterThanOrEqual(2);
    const thisWeek = data.promises.filter(
      (p) => p.status === "open" && p.dueDate > TODAY && p.dueDate <= addDays(TODAY, 6),
    );
    expect(thisWeek.length).toBeGreaterThanOrEqual(2);
    const plan = data.promises.filter((p) => p.customerCode === customer(data, "instalments").code);
    expect(plan.map((p) => [p.sequence, p.status])).toEqual([
      [1, "kept"],
      [2, "kept"],
      [3, "open"],
      [4, "open"],
    ]);
  });

  it("has the special situations: callbacks today, refusal, dispute, agency, credit hold, settlement", () => {
    const today = data.callbacks.filter((c) => c.date === TODAY && c.status === "open");
    expect(today.map((c) => c.time).sort()).toEqual(["09:30", "11:00", "15:30", "17:00"]);

    const refusal = customer(data, "refusal");
    const last = data.interactions.filter((i) => i.customerCode === refusal.code).at(-1)!;
    expect(last.outcome).toBe("refusal");
    expect(daysBetween(last.date, TODAY)).toBeLessThanOrEqual(7);

    const late = (code: string) =>
      Math.max(
        0,
        ...data.invoices
          .filter((i) => i.customerCode === code && i.status === "open")
          .map((i) => daysBetween(i.dueDate, TODAY)),
      );
    expect(late(customer(data, "agency_ready").code)).toBeGreaterThan(45);
    expect(late(customer(data, "agency_ready_broken").code)).toBeGreaterThan(45);
    for (const s of ["hold_needed", "hold_needed_2"]) {
      const c = customer(data, s);
      expect(late(c.code)).toBeGreaterThan(30);
      expect(c.creditHold).toBe(false);
    }
    const cleared = customer(data, "hold_cleared");
    expect(cleared.creditHold).toBe(true);
    expect(late(cleared.code)).toBe(0);
    // everyone else more than 30 days late is on hold since the 31st day
    for (const c of data.customers) {
      if (["hold_needed", "hold_needed_2", "hold_cleared"].includes(c.scenario)) continue;
      expect(c.creditHold, c.code).toBe(late(c.code) > 30);
    }

    const settlement = customer(data, "settlement");
    expect(data.approvals).toHaveLength(1);
    const approval = data.approvals[0]!;
    expect(approval).toMatchObject({ customerCode: settlement.code, kind: "settlement", status: "pending" });
    const owed = data.invoices
      .filter((i) => i.customerCode === settlement.code)
      .filter((i) => i.status === "open" && i.dueDate < TODAY)
      .reduce((s, i) => s + i.openCents, 0);
    expect(approval.amountCents + approval.writeOffCents!).toBe(owed);
    const docs = data.documents.filter((d) => d.customerCode === settlement.code);
    expect(docs.map((d) => [d.kind, d.signed])).toEqual([
      ["debt_acknowledgment", true],
      ["settlement_proposal", true],
    ]);
  });

  it("has contact histories of various ages and customers never contacted", () => {
    const overdueCodes = new Set(
      data.invoices.filter((i) => i.status === "open" && i.dueDate < TODAY).map((i) => i.customerCode),
    );
    const lastContact = new Map<string, string>();
    for (const i of data.interactions)
      if ((lastContact.get(i.customerCode) ?? "") < i.date) lastContact.set(i.customerCode, i.date);
    const ages = [...overdueCodes].map((code) =>
      lastContact.has(code) ? daysBetween(lastContact.get(code)!, TODAY) : null,
    );
    expect(ages.filter((a) => a === null).length).toBeGreaterThanOrEqual(2);
    expect(ages.filter((a) => a !== null && a > 20 && a <= 40).length).toBeGreaterThanOrEqual(1);
    expect(ages.filter((a) => a !== null && a > 40).length).toBeGreaterThanOrEqual(1);
    for (const i of data.interactions) {
      expect(i.date < TODAY).toBe(true);
      expect(i.time).toMatch(/^\d{2}:\d{2}$/);
    }
  });

  it("opens exactly one case per customer with overdue, with a stage matching the situation", () => {
    const open = data.cases.filter((c) => !c.closedOn);
    const overdueCodes = new Set(
      data.invoices.filter((i) => i.status !== "paid" && i.dueDate < TODAY).map((i) => i.customerCode),
    );
    expect(new Set(open.map((c) => c.customerCode))).toEqual(overdueCodes);
    expect(open).toHaveLength(overdueCodes.size);
    const stage = (s: string) => open.find((c) => c.customerCode === customer(data, s).code)?.stage;
    expect(stage("settlement")).toBe("settlement");
    expect(stage("at_agency")).toBe("agency");
    expect(stage("agency_ready")).toBe("credit_hold");
    expect(stage("hold_needed")).toBe("internal");
    expect(stage("dispute")).toBe("internal");
  });

  it("is deterministic for the same seed and today, and varies with the seed", () => {
    expect(generateDemoData({ today: TODAY, seed: 42 })).toEqual(data);
    const other = generateDemoData({ today: TODAY, seed: 43 });
    expect(other.customers.map((c) => c.vatNumber)).not.toEqual(data.customers.map((c) => c.vatNumber));
    // the situations do not depend on the seed
    expect(other.promises.map((p) => p.status)).toEqual(data.promises.map((p) => p.status));
  });

  it("keeps its dates relative to today", () => {
    const later = generateDemoData({ today: "2026-06-15", seed: 42 });
    expect(later.callbacks.filter((c) => c.date === "2026-06-15")).toHaveLength(4);
    expect(later.promises.filter((p) => p.dueDate === "2026-06-15")).toHaveLength(2);
  });
});
