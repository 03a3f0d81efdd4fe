import { describe, expect, it } from "vitest";
import { digestEntries, groupEntries } from "../../src/domain/digest-entries";
import { computeTasks, type DigestInput } from "../../src/domain/tasks";
import { messages } from "../../src/i18n";
import { entryText } from "../../src/messages/digest";

const TUESDAY = "2026-03-10";
const base: DigestInput = {
  today: TUESDAY,
  customers: [
    {
      id: 1,
      code: "C1",
      name: "Rossi Srl",
      preserveRelationship: false,
      creditHold: false,
      phone: "+39 333 1234567",
      askFor: "Mario Rossi, titolare",
    },
    { id: 2, code: "C2", name: "Bianchi Spa", preserveRelationship: false, creditHold: false },
    { id: 3, code: "C3", name: "Verdi Snc", preserveRelationship: false, creditHold: false },
  ],
  invoices: [
    { customerId: 1, number: "F1", dueDate: "2026-01-10", openCents: 800_000 }, // 59 days
    { customerId: 2, number: "F2", dueDate: "2026-03-01", openCents: 5_000_000 },
    { customerId: 3, number: "F3", dueDate: "2026-03-01", openCents: 10_000 },
  ],
  promises: [
    { id: 9, customerId: 1, amountCents: 300_000, dueDate: "2026-03-05", status: "open", paidCents: 0 },
  ],
  callbacks: [{ id: 5, customerId: 3, date: TUESDAY, time: "11:00", note: "dopo le 11" }],
  contacts: [{ customerId: 1, date: "2026-03-01", channel: "phone", outcome: "promise" }],
  approvals: [{ id: 7, customerId: 2, kind: "write_off", requestedOn: "2026-03-09" }],
  followups: [],
  refusals: [],
};

describe("digest entries: one per customer", () => {
  const tasks = computeTasks(base);
  const entries = digestEntries(tasks);

  it("groups every task of a customer in one entry, the decision first, then broken promises", () => {
    expect(tasks.length).toBeGreaterThan(entries.length);
    expect(entries.map((e) => [e.customerName, e.primary.kind, e.flags.map((f) => f.kind)])).toEqual([
      ["Bianchi Spa", "approval_pending", ["cadence"]],
      ["Rossi Srl", "broken_promise", ["agency_ready", "credit_hold"]],
      ["Verdi Snc", "callback", []],
    ]);
    expect(groupEntries(entries).map((g) => g.kind)).toEqual([
      "approval_pending",
      "broken_promise",
      "callback",
    ]);
  });

  it("shows the customer's overdue as the amount, the promise labelled, the number and who to ask for, in two lines", () => {
    const t = messages("it");
    const rossi = entries.find((e) => e.customerId === 1)!;
    const text = entryText(rossi, t, "it");
    const [head, action] = text.split("\n");
    expect(text.split("\n")).toHaveLength(2);
    expect(head).toBe(
      "*Rossi Srl* · € 8.000,00 scaduti da 59 gg · 🏢 dossier pronto per l'agenzia · ⛔ fido da sospendere",
    );
    expect(action).toBe(
      "❌ Promessa di € 3.000,00 del 5 mar non mantenuta → Chiamare subito e chiedere il pagamento promesso · tel. +39 333 1234567 (chiedi di Mario Rossi, titolare) · _ultimo contatto 1 mar_",
    );
    const verdi = entryText(entries.find((e) => e.customerId === 3)!, t, "it");
    expect(verdi.match(/11:00/g)).toHaveLength(1);
  });
});
