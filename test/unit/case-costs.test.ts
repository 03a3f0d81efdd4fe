import { describe, expect, it } from "vitest";
import { caseCosts, costLine } from "../../src/domain/case-costs";
import { DEFAULT_REFERENCE_RATES, lateInterestForInvoices } from "../../src/domain/interest";
import { reminderFigures } from "../../src/domain/reminder";
import { messages } from "../../src/i18n";
import { reminderMessages } from "../../src/i18n/reminders";
import { costsNote } from "../../src/messages/costs";
import { reminderModal } from "../../src/messages/reminder";

const row = (
  over: Partial<{ kind: string; note: string | null; date: string; amountCents: number }> = {},
) => ({
  date: "2026-03-02",
  kind: "bank_fee",
  amountCents: 750,
  note: null,
  ...over,
});

describe("a case cost as a line", () => {
  it("takes a bank fee's kind from the movement it came with", () => {
    expect(costLine(row(), "riba_returned")).toMatchObject({ what: "riba_returned", note: null });
    expect(costLine(row(), "sdd_returned").what).toBe("sdd_returned");
    expect(costLine(row(), "fee").what).toBe("bank_fee");
    expect(costLine(row({ kind: "other", note: "Visura camerale" }), null)).toMatchObject({
      what: "other",
      note: "Visura camerale",
    });
  });

  it("reads an old row's kind from the sentence it stored, in either language, and drops the sentence", () => {
    for (const [note, what] of [
      ["RiBa insoluta", "riba_returned"],
      ["SDD insoluto", "sdd_returned"],
      ["RiBa returned unpaid", "riba_returned"],
      ["SDD returned unpaid", "sdd_returned"],
    ] as const) {
      expect(costLine(row({ note }), null)).toMatchObject({ what, note: null });
    }
    // the movement wins over the note; free text that is not an old label is kept
    expect(costLine(row({ note: "RiBa insoluta" }), "sdd_returned").what).toBe("sdd_returned");
    expect(costLine(row({ note: "addebitata due volte" }), "riba_returned").note).toBe(
      "addebitata due volte",
    );
  });

  it("sums the lines, oldest first, and counts the returned items", () => {
    const c = caseCosts([
      costLine(row({ date: "2026-03-05" }), "riba_returned"),
      costLine(row({ date: "2026-03-01", amountCents: 200 }), "sdd_returned"),
      costLine(row({ kind: "other", amountCents: 1000 }), null),
    ]);
    expect(c.totalCents).toBe(1950);
    expect(c.returnedCount).toBe(2);
    expect(c.lines.map((l) => l.date)).toEqual(["2026-03-01", "2026-03-02", "2026-03-05"]);
  });
});

describe("the case parent's costs line", () => {
  it("says the total and the returned items, in both languages; nothing when there are no costs", () => {
    const card = { costs: { totalCents: 750, returnedCount: 1 } };
    expect(costsNote(card, messages("it"), "it")).toBe("Spese: € 7,50 (1 insoluto)");
    expect(costsNote(card, messages("en"), "en")).toBe("Costs: €7.50 (1 returned item)");
    expect(costsNote({ costs: { totalCents: 123456, returnedCount: 3 } }, messages("it"), "it")).toBe(
      "Spese: € 1.234,56 (3 insoluti)",
    );
    expect(costsNote({ costs: { totalCents: 1000, returnedCount: 0 } }, messages("en"), "en")).toBe(
      "Costs: €10.00",
    );
    expect(costsNote({ costs: { totalCents: 0, returnedCount: 0 } }, messages("it"), "it")).toBe("");
    expect(costsNote({}, messages("it"), "it")).toBe("");
  });
});

describe("a reminder's figures with the case's bank fees", () => {
  const invoices = [
    {
      number: "1",
      installment: 1,
      issueDate: "2026-01-01",
      dueDate: "2026-01-10",
      openCents: 100_000,
      status: "open",
    },
  ];
  it("claims them from the messa in mora on, in the total, as the dossier's total claimable", () => {
    const interest = lateInterestForInvoices(invoices, "2026-03-02", DEFAULT_REFERENCE_RATES);
    const formal = reminderFigures(invoices, "formal_notice", "2026-03-02", DEFAULT_REFERENCE_RATES, 750);
    expect(formal.bankCostsCents).toBe(750);
    expect(formal.totalCents).toBe(interest.totalCents + 750);
    for (const step of ["courtesy", "firm"] as const) {
      expect(reminderFigures(invoices, step, "2026-03-02", DEFAULT_REFERENCE_RATES, 750)).toMatchObject({
        bankCostsCents: 0,
        totalCents: 100_000,
      });
    }
  });
});

describe("the reminder modal", () => {
  it("says the bank charges the total includes", () => {
    const data = {
      reminderId: 1,
      customerName: "Rossi Forniture SRL",
      step: "formal_notice" as const,
      medium: "pec" as const,
      recipient: "rossi@pec.it",
      postalAddress: null,
      subject: "Costituzione in mora",
      body: "Testo",
      attachmentName: "estratto-conto.pdf",
      invoiceCount: 2,
      totalCents: 362704,
      interestCents: 3754,
      recoveryCostCents: 8000,
      bankCostsCents: 950,
      disputed: 0,
      promised: 0,
      notes: [],
      needsApproval: true,
      noContact: false,
    };
    const text = (locale: "it" | "en") =>
      JSON.stringify(reminderModal(data, reminderMessages(locale), locale).blocks[0]);
    expect(text("it")).toContain("€ 3.627,04");
    expect(text("it")).toContain("comprese spese bancarie per insoluti € 9,50");
    expect(text("en")).toContain("including bank charges on returned items €9.50");
    expect(
      JSON.stringify(reminderModal({ ...data, bankCostsCents: 0 }, reminderMessages("it"), "it")),
    ).not.toContain("spese bancarie");
  });
});
