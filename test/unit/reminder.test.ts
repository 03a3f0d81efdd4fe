import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, validIban } from "../../src/config";
import { DEFAULT_REFERENCE_RATES, lateInterestForInvoices } from "../../src/domain/interest";
import {
  epcQrPayload,
  nextReminderStep,
  paymentCausale,
  REMINDER_STEPS,
  reminderFigures,
  reminderMedium,
  reminderStepFor,
  reminderValues,
  selectReminderInvoices,
} from "../../src/domain/reminder";
import { configEn } from "../../src/i18n/config.en";
import { reminderMessages } from "../../src/i18n/reminders";
import { reminderModal } from "../../src/messages/reminder";
import { requiredApprovals } from "../../src/reminders/service";
import {
  checkReminderTemplates,
  DEFAULT_TEMPLATES_DIR,
  fillTemplate,
  loadTemplate,
  parseTemplate,
  renderTemplate,
} from "../../src/reminders/templates";
import { TEST_COMPANY } from "../support/harness";

const inv = (number: string, dueDate: string, openCents: number, status = "open") => ({
  number,
  installment: 1,
  issueDate: "2026-01-01",
  dueDate,
  openCents,
  status,
});

describe("which invoices a reminder lists", () => {
  const today = "2026-03-02";
  it("takes every overdue invoice, oldest first, leaving out disputed, not yet due and paid ones", () => {
    const s = selectReminderInvoices(
      [
        inv("3", "2026-02-20", 300),
        inv("1", "2026-01-10", 100),
        inv("2", "2026-02-01", 200, "disputed"),
        inv("4", "2026-03-10", 400),
        inv("5", "2026-01-05", 0),
        inv("6", "2026-03-02", 600),
      ],
      [],
      today,
    );
    expect(s.included.map((i) => i.number)).toEqual(["1", "3"]);
    expect(s.disputed.map((i) => i.number)).toEqual(["2"]);
  });

  it("leaves out the oldest invoices a running promise pays in full, not those of a promise already due", () => {
    const invoices = [inv("1", "2026-01-10", 100), inv("2", "2026-01-20", 200), inv("3", "2026-02-01", 300)];
    const running = { amountCents: 350, paidCents: 0, dueDate: "2026-03-10", status: "open" };
    const s = selectReminderInvoices(invoices, [running], today);
    expect(s.promised.map((i) => i.number)).toEqual(["1", "2"]);
    expect(s.included.map((i) => i.number)).toEqual(["3"]);
    const past = { ...running, dueDate: "2026-02-28" };
    expect(selectReminderInvoices(invoices, [past], today).included).toHaveLength(3);
    const broken = { ...running, status: "broken" };
    expect(selectReminderInvoices(invoices, [broken], today).included).toHaveLength(3);
  });
});

describe("figures of a step", () => {
  const invoices = [inv("1", "2026-01-10", 100_000), inv("2", "2026-02-01", 50_000)];
  it("charges D.Lgs. 231/2002 interest and € 40 per invoice from the messa in mora on, with the dossier's function", () => {
    const same = lateInterestForInvoices(invoices, "2026-03-02", DEFAULT_REFERENCE_RATES);
    const formal = reminderFigures(invoices, "formal_notice", "2026-03-02", DEFAULT_REFERENCE_RATES);
    expect(formal.interestCents).toBe(same.interestCents);
    expect(formal.interestCents).toBeGreaterThan(0);
    expect(formal.recoveryCostCents).toBe(8000);
    expect(formal.totalCents).toBe(150_000 + same.interestCents + 8000);
    const courtesy = reminderFigures(invoices, "courtesy", "2026-03-02", DEFAULT_REFERENCE_RATES);
    expect(courtesy).toMatchObject({ interestCents: 0, recoveryCostCents: 0, totalCents: 150_000 });
  });
});

describe("steps and media", () => {
  it("maps the cadence's written steps, never to the diffida", () => {
    expect(reminderStepFor({ channel: "email", tone: "friendly" })).toBe("courtesy");
    expect(reminderStepFor({ channel: "pec", tone: "formal" })).toBe("formal_notice");
    expect(reminderStepFor({ channel: "letter", tone: "final" })).toBe("final_notice");
    expect(reminderStepFor({ channel: "phone", tone: "firm" })).toBeNull();
    expect(nextReminderStep([])).toBe("courtesy");
    expect(nextReminderStep(["courtesy", "formal_notice"])).toBe("final_notice");
    expect(nextReminderStep(["final_notice", "diffida"])).toBe("final_notice");
  });
  it("sends an email step by email, else PEC; a formal step by PEC; with neither, a letter", () => {
    const both = { email: "a@x.it", pec: "a@pec.x.it" };
    expect(reminderMedium("courtesy", both)).toEqual({ medium: "email", recipient: "a@x.it" });
    expect(reminderMedium("courtesy", { email: null, pec: "a@pec.x.it" }).medium).toBe("pec");
    expect(reminderMedium("formal_notice", both)).toEqual({ medium: "pec", recipient: "a@pec.x.it" });
    expect(reminderMedium("formal_notice", { email: "a@x.it", pec: null }).medium).toBe("letter");
    expect(reminderMedium("final_notice", both, "letter").medium).toBe("letter");
  });
});

describe("payment instructions", () => {
  it("writes a causale with the invoice numbers within SEPA's 140 characters", () => {
    expect(paymentCausale([inv("12/2026", "", 0), inv("15/2026", "", 0)], "it")).toBe(
      "Saldo fatture n. 12/2026, 15/2026",
    );
    expect(paymentCausale([inv("12/2026", "", 0)], "it")).toBe("Saldo fattura n. 12/2026");
    const many = Array.from({ length: 40 }, (_, i) => inv(`FT-${1000 + i}`, "", 0));
    const long = paymentCausale(many, "it");
    expect(long.length).toBeLessThanOrEqual(140);
    expect(long).toMatch(/ e altre \d+$/);
  });
  it("builds the EPC QR text (version 002, SCT, amount in euro)", () => {
    expect(
      epcQrPayload({
        name: "Forniture Bianchi S.r.l.",
        iban: "IT60X0542811101000000123456",
        amountCents: 123456,
        causale: "Saldo fattura n. 1",
      }),
    ).toBe(
      "BCD\n002\n1\nSCT\n\nForniture Bianchi S.r.l.\nIT60X0542811101000000123456\nEUR1234.56\n\n\nSaldo fattura n. 1",
    );
    expect(
      epcQrPayload({ name: "x", iban: "IT60X0542811101000000123456", amountCents: 0, causale: "" }),
    ).toBeNull();
  });
  it("checks IBANs with the mod-97 rule", () => {
    expect(validIban("IT60X0542811101000000123456")).toBe(true);
    expect(validIban("IT61X0542811101000000123456")).toBe(false);
    expect(validIban("GB82WEST12345698765432")).toBe(true);
    expect(validIban("IT60")).toBe(false);
  });
});

describe("templates", () => {
  it("are all there in Italian and English with known placeholders", () => {
    expect(checkReminderTemplates(DEFAULT_TEMPLATES_DIR)).toEqual([]);
  });
  it("fills placeholders once, drops lines left empty, and never writes S.r.l..", () => {
    const values = {
      company_name: "Forniture Bianchi S.r.l.",
      customer_vat: "",
      causale: "{{iban}}",
    } as never;
    expect(
      fillTemplate(
        "Cordiali saluti da {{company_name}}.\nP. IVA {{customer_vat}}\nCausale: {{causale}}",
        values,
      ),
    ).toBe("Cordiali saluti da Forniture Bianchi S.r.l.\nCausale: {{iban}}");
  });
  it("names the file and the line of an unknown placeholder, and loadConfig refuses to start", () => {
    const dir = mkdtempSync(join(tmpdir(), "credito-templates-"));
    try {
      for (const step of REMINDER_STEPS)
        for (const locale of ["it", "en"])
          writeFileSync(
            join(dir, `${step}.${locale}.md`),
            readFileSync(join(DEFAULT_TEMPLATES_DIR, `${step}.${locale}.md`)),
          );
      writeFileSync(
        join(dir, "firm.it.md"),
        "Oggetto: Sollecito\n\nSpettabile {{customer_name}},\nentro il {{scadenza}}.\n",
      );
      const problems = checkReminderTemplates(dir);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/firm\.it\.md:4: segnaposto sconosciuto \{\{scadenza\}\}$/);
      let err: unknown;
      try {
        loadConfig({ CREDITO_TEMPLATES_DIR: dir, CREDITO_LOCALE: "en" }, { slack: false });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems.join("\n")).toContain(
        "firm.it.md:4: unknown placeholder {{scadenza}}",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
    expect(parseTemplate("no subject\n\nbody", "x.md")).toEqual({
      problems: ['x.md:1: la prima riga deve essere "Oggetto: ..." (o "Subject: ...")'],
    });
    expect(parseTemplate("no subject\n\nbody", "x.md", configEn.templates)).toEqual({
      problems: ['x.md:1: the first line must be "Oggetto: ..." (or "Subject: ...")'],
    });
  });
  it("renders the messa in mora in formal Italian with the figures, the term and the payment instructions", () => {
    const invoices = [inv("FT-1", "2026-01-10", 100_000)];
    const figures = reminderFigures(invoices, "formal_notice", "2026-03-02", DEFAULT_REFERENCE_RATES);
    const company = {
      name: TEST_COMPANY.CREDITO_COMPANY_NAME,
      address: TEST_COMPANY.CREDITO_COMPANY_ADDRESS,
      vatNumber: TEST_COMPANY.CREDITO_COMPANY_VAT,
      iban: TEST_COMPANY.CREDITO_COMPANY_IBAN,
      signature: "Ufficio crediti",
    };
    const values = reminderValues(
      {
        step: "formal_notice",
        today: "2026-03-02",
        customer: { name: "Rossi SRL", vatNumber: null, address: "Via Roma 1, Bergamo" },
        creditor: company,
        collector: "Alice Admin",
        invoices,
        figures,
      },
      "it",
    );
    const { subject, body } = renderTemplate(
      loadTemplate(DEFAULT_TEMPLATES_DIR, "formal_notice", "it"),
      values,
    );
    expect(subject).toBe("Costituzione in mora ai sensi dell'art. 1219 c.c. - Rossi SRL");
    expect(body).toContain("- fattura n. FT-1 del 01/01/2026, scaduta il 10/01/2026: € 1.000,00");
    expect(body).toContain("(€ 40 per fattura): € 40,00");
    expect(body).toContain("entro 15 giorni dal ricevimento della presente");
    expect(body).toContain("IBAN: IT60 X054 2811 1010 0000 0123 456");
    expect(body).toContain("Causale: Saldo fattura n. FT-1");
    expect(body).toContain("art. 2943 c.c.");
    expect(body).toContain("La invitiamo");
    expect(body).not.toMatch(/\bVi\b|\bVostr/);
    expect(body).not.toContain("P. IVA \n");
    expect(body).not.toContain("S.r.l..");
  });
});

describe("who must agree before a reminder leaves", () => {
  const plain = { preserveRelationship: false, salespersonSlackId: "USALES" };
  const kept = { preserveRelationship: true, salespersonSlackId: "USALES" };
  const admin = { slackUserId: "UADMIN", role: "admin" };
  const sales = { slackUserId: "USALES", role: "sales" };
  const owner = { slackUserId: "UOWNER", role: "owner" };
  it("an admin for the messa in mora, the owner for the final notice and the diffida, the salesperson of a 🤝 customer", () => {
    expect(requiredApprovals("courtesy", plain, sales)).toEqual([]);
    expect(requiredApprovals("formal_notice", plain, sales)).toEqual(["admin"]);
    expect(requiredApprovals("formal_notice", plain, admin)).toEqual([]);
    expect(requiredApprovals("final_notice", plain, admin)).toEqual(["owner"]);
    expect(requiredApprovals("diffida", plain, owner)).toEqual([]);
    expect(requiredApprovals("courtesy", kept, admin)).toEqual(["sales"]);
    expect(requiredApprovals("courtesy", kept, sales)).toEqual([]); // the salesperson sends it themselves
    expect(requiredApprovals("final_notice", kept, null)).toEqual(["sales", "owner"]);
  });
});

describe("the reminder modal", () => {
  const base = {
    reminderId: 7,
    customerName: "Rossi <!channel> SRL",
    step: "diffida" as const,
    medium: "pec" as const,
    recipient: "rossi@pec.example.it",
    postalAddress: null,
    subject: "Diffida",
    body: "x".repeat(4000),
    attachmentName: "estratto-conto-R-2026-03-02.pdf",
    invoiceCount: 2,
    totalCents: 123_456,
    interestCents: 1000,
    recoveryCostCents: 8000,
    disputed: 0,
    promised: 1,
    notes: [],
    needsApproval: true,
    noContact: false,
  };
  it("warns that the diffida ends the contract, escapes the name and keeps within Slack's limits", () => {
    const view = reminderModal(base, reminderMessages("it"), "it");
    const json = JSON.stringify(view);
    expect(json).toContain("La diffida ad adempiere risolve il contratto");
    expect(json).toContain("Rossi &lt;!channel&gt; SRL");
    expect(json).toContain("Escluse dal sollecito: 1 coperta da una promessa in corso.");
    expect(view.submit?.text).toBe("Chiedi l'ok");
    const body = view.blocks.find((b) => b.block_id === "reminder_body") as {
      element: { initial_value: string };
    };
    expect(body.element.initial_value.length).toBeLessThanOrEqual(3000);
    expect((view.title?.text ?? "").length).toBeLessThanOrEqual(24);
  });
  it("speaks English with CREDITO_LOCALE=en, and the English templates render", () => {
    const view = reminderModal(
      { ...base, step: "courtesy", needsApproval: false },
      reminderMessages("en"),
      "en",
    );
    expect(view.submit?.text).toBe("Send");
    const invoices = [inv("FT-1", "2026-01-10", 100_000)];
    const figures = reminderFigures(invoices, "courtesy", "2026-03-02", DEFAULT_REFERENCE_RATES);
    const values = reminderValues(
      {
        step: "courtesy",
        today: "2026-03-02",
        customer: { name: "Rossi SRL", vatNumber: null, address: null },
        creditor: {
          name: "Forniture Bianchi S.r.l.",
          address: "Bologna",
          vatNumber: "IT01234567897",
          iban: "IT60X0542811101000000123456",
          signature: "Credit office",
        },
        collector: "Alice",
        invoices,
        figures,
      },
      "en",
    );
    const { subject, body } = renderTemplate(loadTemplate(DEFAULT_TEMPLATES_DIR, "courtesy", "en"), values);
    expect(subject).toBe("Payment reminder - Forniture Bianchi S.r.l.");
    expect(body).toContain("- invoice no. FT-1 of 01/01/2026, due on 10/01/2026: €1,000.00");
  });
});
