import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { pecRecap } from "../../src/domain/trip-pec";
import { buildDraft, draftPdf } from "../../src/reminders/drafts";
import { type Harness, startHarness } from "../support/harness";
import { pdfText } from "../support/pdf-text";

// Issue 18: what goes to customers follows CREDITO_COMPANY_LOCALE (default CREDITO_LOCALE), whatever the
// team's language: the reminder's text and attachment name, its statement of account, the trip's PEC recap.

const BASE = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CREDITO_CHANNEL: "C0CREDITO" };

describe("the company's language", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("defaults to CREDITO_LOCALE and can differ from it", () => {
    expect(loadConfig({ ...BASE }).companyLocale).toBe("it");
    expect(loadConfig({ ...BASE, CREDITO_LOCALE: "en" }).companyLocale).toBe("en");
    const mixed = loadConfig({ ...BASE, CREDITO_LOCALE: "en", CREDITO_COMPANY_LOCALE: "it" });
    expect([mixed.locale, mixed.companyLocale]).toEqual(["en", "it"]);
    expect(() => loadConfig({ ...BASE, CREDITO_COMPANY_LOCALE: "fr" })).toThrow(/CREDITO_COMPANY_LOCALE/);
  });

  async function draftFor(env: Record<string, string>) {
    const company = { CREDITO_COMPANY_SIGNATURE: "" };
    h = await startHarness({ now: "2026-03-02T08:30:00+01:00", env: { ...company, ...env } });
    const ctx = h.runtime.ctx;
    const c = await ctx.db.customer.create({
      data: {
        code: "C1",
        name: "Rossi Srl",
        email: "amministrazione@rossi.it",
        invoices: {
          create: [
            {
              number: "FT-1",
              issueDate: "2026-01-01",
              dueDate: "2026-01-31",
              amountCents: 123_456,
              openCents: 123_456,
            },
          ],
        },
      },
    });
    const draft = await buildDraft(
      ctx,
      ctx.db,
      { customerId: c.id, step: "courtesy", collector: "Alice Admin" },
      "2026-03-02",
    );
    if (!draft) throw new Error("no draft");
    const pdf = (await pdfText(await draftPdf(ctx, draft, "2026-03-02"))).text;
    return { draft, pdf };
  }

  it("writes to the customer in Italian when the team works in English", async () => {
    const { draft, pdf } = await draftFor({ CREDITO_LOCALE: "en", CREDITO_COMPANY_LOCALE: "it" });
    expect(draft.subject).toBe("Promemoria di pagamento - Forniture Bianchi S.r.l.");
    expect(draft.body).toContain("Spettabile Rossi Srl,");
    expect(draft.body).toContain("€ 1.234,56");
    expect(draft.body).toContain("Ufficio crediti");
    expect(draft.attachmentName).toBe("estratto-conto-C1-2026-03-02.pdf");
    expect(pdf).toContain("Estratto conto al 02/03/2026");
    expect(pdf).not.toMatch(/Statement|Invoice/);
  });

  it("and in English when the company's language is English", async () => {
    const { draft, pdf } = await draftFor({ CREDITO_LOCALE: "it", CREDITO_COMPANY_LOCALE: "en" });
    expect(draft.subject).toBe("Payment reminder - Forniture Bianchi S.r.l.");
    expect(draft.body).toContain("Dear Rossi Srl,");
    expect(draft.body).toContain("€1,234.56");
    expect(draft.body).toContain("Credit department");
    expect(draft.attachmentName).toBe("statement-C1-2026-03-02.pdf");
    expect(pdf).not.toMatch(/Estratto|Fattura|Scadenza/);
  });

  it("writes the trip's PEC recap in the company's language, formal in Italian", () => {
    const facts = {
      customer: { name: "Rossi Srl", vatNumber: "01234567890" },
      personReached: "Mario Rossi",
      visitDate: "2026-03-10",
      collector: "Luca Moretti",
      invoices: [
        {
          number: "FT-88",
          installment: 1,
          issueDate: "2025-12-01",
          dueDate: "2026-01-31",
          openCents: 120_000,
        },
      ],
      promises: [{ amountCents: 120_000, dueDate: "2026-03-20" }],
      today: "2026-03-11",
    };
    const it = pecRecap(facts, "it");
    expect(it.subject).toBe("Riepilogo del colloquio del 10/03/2026 e situazione del credito - Rossi Srl");
    expect(it.body).toContain("Lei ha assunto l'impegno di pagare € 1.200,00 entro il 20/03/2026.");
    const en = pecRecap(facts, "en");
    expect(en.subject).toBe("Summary of our meeting of 10/03/2026 and statement of account - Rossi Srl");
    expect(en.body).toContain("- invoice no. FT-88 of 01/12/2025, due on 31/01/2026: €1,200.00");
    expect(en.body).toContain("During the meeting you undertook to pay €1,200.00 by 20/03/2026.");
    expect(en.body).not.toMatch(/fattura|Lei |Distinti/);
  });
});
