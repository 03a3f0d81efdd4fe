import { describe, expect, it } from "vitest";
import type { BankProposals } from "../../src/domain/cards";
import { messages } from "../../src/i18n";
import { BANK_ACTIONS, bankChooseModal, bankProposalMessage } from "../../src/messages/bank";

const t = messages("it");

function proposals(n: number, decided = 0): BankProposals {
  return {
    fileName: "movimenti.csv",
    channelId: "DUADMIN",
    customers: new Map([[1, "Rossi <Forniture> & C."]]),
    invoices: new Map([[10, "FT 2026/0168"]]),
    movements: Array.from({ length: n }, (_, i) => ({
      id: i + 1,
      bookingDate: "2026-03-02",
      amountCents: 10000 + i,
      description: `BONIFICO <!channel> ${i}`,
      counterpartyName: "ROSSI",
      kind: "credit_transfer",
      outcome: i < decided ? "confirmed" : "proposed",
      customerId: i < decided ? 1 : null,
      decidedBy: i < decided ? "UADMIN" : null,
      reason: "amountOnly",
      candidates: [{ customerId: 1, allocation: [{ invoiceId: 10, cents: 10000 + i }] }],
    })),
  };
}

describe("bank proposals message", () => {
  it("fits Slack's 50 blocks, lists the undecided first and says how many more wait", () => {
    const msg = bankProposalMessage(proposals(20, 3), t, "it");
    expect(msg.blocks.length).toBeLessThanOrEqual(50);
    expect(msg.text).toBe("🏦 movimenti.csv: 17 movimenti da confermare");
    const buttons = msg.blocks.filter((b) => b.type === "actions");
    expect(buttons).toHaveLength(15);
    expect(JSON.stringify(buttons[0])).toContain(`"value":"4:0"`);
    expect(JSON.stringify(msg.blocks.at(-1))).toContain("e altri 2");
  });

  it("escapes the bank's text and the names; a decided movement says who decided, without buttons", () => {
    const msg = bankProposalMessage(proposals(1, 1), t, "it");
    const text = JSON.stringify(msg.blocks);
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).toContain("registrato su Rossi &lt;Forniture&gt; &amp; C. da <@UADMIN>");
    expect(msg.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("the choose modal keeps Slack's limits and carries the movement id", () => {
    const modal = bankChooseModal(42, "*€ 100,00*", t);
    expect(modal.private_metadata).toBe("42");
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(modal.blocks)).toContain(BANK_ACTIONS.customer);
  });
});
