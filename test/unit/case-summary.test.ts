import { describe, expect, it } from "vitest";
import { type CaseSummaryFacts, deterministicCaseSummary } from "../../src/domain/case-summary";
import { messages } from "../../src/i18n";

const base: CaseSummaryFacts = {
  today: "2026-03-02",
  customer: { name: "Rossi SRL", code: "C001", creditHold: false, preserveRelationship: false },
  stage: "internal",
  closeReason: null,
  closed: false,
  openCents: 350000,
  overdueCents: 350000,
  daysOverdue: 30,
  openInvoices: 2,
  interactions: [],
  promises: [],
  openCallbacks: [],
  pendingApprovals: [],
  threadMessages: 0,
  rules: { agencyDays: 45, recontactMinDays: 20 },
};
const it_ = messages("it");
const sum = (f: Partial<CaseSummaryFacts>) => deterministicCaseSummary({ ...base, ...f }, it_, "it");
const phone = (date: string, outcome = "promise") => ({
  date,
  channel: "phone",
  outcome,
  by: "Alice",
  notes: null,
});

describe("deterministicCaseSummary", () => {
  it("describes a never-contacted case and proposes the first call", () => {
    expect(sum({})).toEqual({
      position:
        "Esposizione € 3.500,00, scaduto € 3.500,00 da 30 giorni su 2 fatture. Fase: Recupero interno.",
      history: "Nessun contatto registrato.",
      promises: "Nessuna promessa di pagamento.",
      nextStep: "Primo contatto: telefonata cordiale, termini precisi.",
    });
  });

  it("counts promises kept and broken and puts a broken promise first", () => {
    const s = sum({
      customer: { ...base.customer, creditHold: true, preserveRelationship: true },
      interactions: [phone("2026-02-20"), phone("2026-02-01", "not_reached")],
      promises: [
        { amountCents: 50000, dueDate: "2026-01-20", status: "kept" },
        { amountCents: 100000, dueDate: "2026-02-27", status: "broken" },
        { amountCents: 70000, dueDate: "2026-03-15", status: "open" },
      ],
      threadMessages: 3,
    });
    expect(s.position).toBe(
      "Esposizione € 3.500,00, scaduto € 3.500,00 da 30 giorni su 2 fatture. Fase: Recupero interno. Fido sospeso. Relazione da preservare.",
    );
    expect(s.history).toBe(
      "2 contatti; ultimo: 20/02/2026 · Telefono · Promessa di pagamento · Alice. 3 messaggi del team nel thread.",
    );
    expect(s.promises).toBe(
      "1 mantenuta, 1 non mantenuta, 1 aperta. Ultima non mantenuta: € 1.000,00 del 27/02/2026. Prossima: € 700,00 entro il 15/03/2026.",
    );
    expect(s.nextStep).toBe("Richiamare subito: la promessa del 27/02/2026 non è stata mantenuta.");
  });

  it("after a newer contact, the open promise is what to check", () => {
    const s = sum({
      interactions: [phone("2026-02-28")],
      promises: [
        { amountCents: 100000, dueDate: "2026-02-27", status: "broken" },
        { amountCents: 70000, dueDate: "2026-03-15", status: "open" },
      ],
    });
    expect(s.nextStep).toBe("Verificare l'incasso di € 700,00 promesso entro il 15/03/2026.");
  });

  it("follows the precedence: closed, pending approval, legal/agency, dispute, refusal, callback, dossier, recontact", () => {
    expect(sum({ closed: true, closeReason: "paid" })).toMatchObject({
      position: "Pratica chiusa: pagata.",
      nextStep: "Nessuno: la pratica è chiusa.",
    });
    expect(sum({ pendingApprovals: ["legal"] }).nextStep).toBe(
      "Attendere la decisione del titolare su «Passaggio al legale».",
    );
    expect(sum({ stage: "agency" }).nextStep).toBe(
      "Pratica all'agenzia: seguire l'agenzia e registrare gli incassi.",
    );
    expect(sum({ interactions: [phone("2026-02-25", "dispute")] }).nextStep).toBe(
      "Risolvere la contestazione prima di sollecitare ancora.",
    );
    expect(sum({ interactions: [phone("2026-02-25", "refusal")] }).nextStep).toBe(
      "Rifiuto totale: proporre il passaggio al legale.",
    );
    expect(
      sum({
        interactions: [phone("2026-02-25", "callback")],
        openCallbacks: [{ date: "2026-03-04", time: "15:30" }],
      }).nextStep,
    ).toBe("Richiamata fissata 04/03/2026 alle 15:30.");
    expect(sum({ daysOverdue: 50, interactions: [phone("2026-02-25", "not_reached")] }).nextStep).toBe(
      "50 giorni di ritardo: preparare il dossier per l'agenzia.",
    );
    expect(sum({ interactions: [phone("2026-02-01", "not_reached")] }).nextStep).toBe(
      "Ricontattare: l'ultimo contatto è di 29 giorni fa.",
    );
    expect(sum({ interactions: [phone("2026-02-25", "not_reached")] }).nextStep).toBe(
      "Ricontattare entro il 17/03/2026.",
    );
  });

  it("speaks English too", () => {
    const s = deterministicCaseSummary({ ...base, daysOverdue: 1, openInvoices: 1 }, messages("en"), "en");
    expect(s.position).toBe(
      "Exposure €3,500.00, overdue €3,500.00 for 1 day on 1 invoice. Stage: Internal recovery.",
    );
    expect(s.nextStep).toBe("First contact: a friendly call with precise terms.");
  });
});
