import { describe, expect, it } from "vitest";
import {
  buildDebrief,
  checkNarrative,
  type DebriefVisitFacts,
  deterministicNarrative,
  type TripFacts,
  tripDates,
} from "../../src/domain/trip-debrief";
import { pecRecap } from "../../src/domain/trip-pec";
import { messages } from "../../src/i18n";

const visit = (
  o: Partial<DebriefVisitFacts> & Pick<DebriefVisitFacts, "customerId" | "name">,
): DebriefVisitFacts => ({
  code: `C${o.customerId}`,
  status: "visited",
  firstVisit: false,
  overdueCents: 500_000,
  collectedCents: 0,
  pec: null,
  contacts: [],
  promises: [],
  documents: [],
  settlement: null,
  ...o,
});
const contact = (
  o: Partial<DebriefVisitFacts["contacts"][number]>,
): DebriefVisitFacts["contacts"][number] => ({
  interactionId: 1,
  date: "2026-03-09",
  outcome: "info",
  personReached: null,
  mood: null,
  sincerity: null,
  notes: null,
  newContact: {},
  ...o,
});

/** The four cases of the seed (../shared/seeds/000): refusal; settlement + acknowledgment + new mobile;
 * settlement + restructuring plan; promise with PEC. Plus a customer planned but not visited. */
const SEED_TRIP: TripFacts = {
  tripId: 7,
  area: "NA, CE",
  startDate: "2026-03-09",
  endDate: "2026-03-10",
  closedOn: "2026-03-10",
  collector: "Luca Moretti",
  costs: [
    { kind: "travel", amountCents: 8900, km: null },
    { kind: "km", amountCents: 14_420, km: 412 },
    { kind: "hotel", amountCents: 9500, km: null },
    { kind: "meals", amountCents: 4250, km: null },
  ],
  visits: [
    visit({
      customerId: 1,
      name: "Ferri Costruzioni SRL",
      contacts: [
        contact({
          interactionId: 11,
          outcome: "refusal",
          mood: "aggressive",
          notes: "Nessuna intenzione di pagare",
        }),
      ],
    }),
    visit({
      customerId: 2,
      name: "Esposito Alimentari SNC",
      firstVisit: true,
      contacts: [
        contact({
          interactionId: 12,
          outcome: "settlement",
          personReached: "Gennaro Esposito",
          mood: "cooperative",
          sincerity: 4,
          notes: "Chiude subito se accettiamo",
          newContact: { mobile: "+39 333 1234567" },
        }),
      ],
      documents: [
        { kind: "debt_acknowledgment", date: "2026-03-09", amountCents: null },
        { kind: "settlement_proposal", date: "2026-03-09", amountCents: 600_000 },
      ],
      settlement: { amountCents: 600_000, writeOffCents: 400_000, terms: "Bonifico entro il 20/3" },
    }),
    visit({
      customerId: 3,
      name: "Russo Tessuti SRL",
      firstVisit: true,
      contacts: [
        contact({
          interactionId: 13,
          date: "2026-03-10",
          outcome: "settlement",
          personReached: "Anna Russo",
          mood: "calm",
          sincerity: 3,
          notes: "Piano di risanamento con la banca: nuova linea di credito da aprile",
        }),
      ],
      documents: [{ kind: "restructuring_plan", date: "2026-03-10", amountCents: null }],
      settlement: { amountCents: 250_000, writeOffCents: 150_000, terms: null },
    }),
    visit({
      customerId: 4,
      name: "De Luca Ricambi SRL",
      collectedCents: 50_000,
      pec: "amministrazione@pec.delucaricambi.it",
      contacts: [
        contact({
          interactionId: 14,
          date: "2026-03-10",
          outcome: "promise",
          personReached: "Paolo De Luca",
          mood: "calm",
          sincerity: 5,
          newContact: { pec: "amministrazione@pec.delucaricambi.it" },
        }),
      ],
      promises: [{ amountCents: 150_000, dueDate: "2026-03-20" }],
    }),
    visit({ customerId: 5, name: "Greco Srl", status: "skipped", collectedCents: 0 }),
  ],
};

describe("trip debrief", () => {
  const d = buildDebrief(SEED_TRIP);

  it("puts money collected and promised against the trip's cost", () => {
    expect(d).toMatchObject({
      planned: 5,
      visited: 4,
      collectedCents: 50_000,
      promisedCents: 150_000,
      costCents: 37_070,
    });
    expect(d.costsByKind).toEqual([
      { kind: "travel", amountCents: 8900, km: 0 },
      { kind: "km", amountCents: 14_420, km: 412 },
      { kind: "hotel", amountCents: 9500, km: 0 },
      { kind: "meals", amountCents: 4250, km: 0 },
    ]);
  });

  it("lists what the seed's collector analyses the day after", () => {
    expect(d.newNumbers).toEqual([
      { customerId: 2, name: "Esposito Alimentari SNC", number: "+39 333 1234567", kind: "mobile" },
    ]);
    expect(d.newFaces).toEqual([
      { customerId: 2, name: "Esposito Alimentari SNC", person: "Gennaro Esposito" },
      { customerId: 3, name: "Russo Tessuti SRL", person: "Anna Russo" },
    ]);
    expect(d.financialInfo).toEqual([
      {
        customerId: 3,
        name: "Russo Tessuti SRL",
        text: "Piano di risanamento con la banca: nuova linea di credito da aprile",
      },
    ]);
    expect(d.attitudes.map((a) => [a.customerId, a.mood, a.sincerity])).toEqual([
      [1, "aggressive", null],
      [2, "cooperative", 4],
      [3, "calm", 3],
      [4, "calm", 5],
    ]);
    expect(d.acknowledgments).toEqual([
      { customerId: 2, name: "Esposito Alimentari SNC", date: "2026-03-09" },
    ]);
    expect(d.proposals).toEqual([
      {
        customerId: 2,
        name: "Esposito Alimentari SNC",
        kind: "settlement",
        amountCents: 600_000,
        writeOffCents: 400_000,
        terms: "Bonifico entro il 20/3",
        documents: [{ kind: "settlement_proposal", date: "2026-03-09" }],
      },
      {
        customerId: 3,
        name: "Russo Tessuti SRL",
        kind: "settlement",
        amountCents: 250_000,
        writeOffCents: 150_000,
        terms: null,
        documents: [{ kind: "restructuring_plan", date: "2026-03-10" }],
      },
    ]);
    expect(d.negatives).toEqual([
      { customerId: 1, name: "Ferri Costruzioni SRL", notes: "Nessuna intenzione di pagare" },
    ]);
    expect(d.promises).toEqual([
      {
        customerId: 4,
        name: "De Luca Ricambi SRL",
        amountCents: 150_000,
        dueDate: "2026-03-20",
        pec: "amministrazione@pec.delucaricambi.it",
      },
    ]);
    expect(d.notVisited).toEqual([{ customerId: 5, name: "Greco Srl" }]);
  });

  it("turns it into the next day's actions: call, lawyer, verify, keep in contact", () => {
    expect(d.actions.map((a) => [a.kind, a.customerId, a.detail])).toEqual([
      ["legal", 1, "refusal"],
      ["call_new_number", 2, "+39 333 1234567"],
      ["verify_proposal", 2, "settlement"],
      ["verify_proposal", 3, "settlement"],
      ["keep_contact", 4, "promise"],
    ]);
  });

  it("reads a restructuring plan or an instalment plan as a proposal, and plain news as financial information", () => {
    const other = buildDebrief({
      ...SEED_TRIP,
      visits: [
        visit({
          customerId: 8,
          name: "Piano",
          contacts: [contact({ outcome: "restructuring", notes: "Cessione di un ramo" })],
        }),
        visit({
          customerId: 9,
          name: "Rate",
          contacts: [contact({ outcome: "installments" })],
          promises: [
            { amountCents: 100_000, dueDate: "2026-03-31" },
            { amountCents: 100_000, dueDate: "2026-04-30" },
          ],
        }),
        visit({
          customerId: 10,
          name: "Notizie",
          contacts: [contact({ outcome: "info", notes: "Cassa integrazione" })],
        }),
      ],
    });
    expect(other.proposals.map((p) => [p.name, p.kind, p.amountCents])).toEqual([
      ["Piano", "restructuring", null],
      ["Rate", "installments", 200_000],
    ]);
    expect(other.financialInfo.map((f) => f.text)).toEqual(["Cessione di un ramo", "Cassa integrazione"]);
    expect(other.actions.map((a) => a.kind)).toEqual(["verify_proposal", "verify_proposal", "keep_contact"]);
  });

  it("writes the narrative from the facts alone", () => {
    expect(deterministicNarrative(d, messages("it"), "it")).toBe(
      "Giro di visite NA, CE dal 09/03/2026 al 10/03/2026: visitati 4 clienti su 5. " +
        "Incassati € 500,00 e promessi € 1.500,00, a fronte di un costo di € 370,70. " +
        "Il giro ha portato 1 nuovo numero di telefono, 2 clienti incontrati per la prima volta, " +
        "1 riconoscimento del debito firmato, 2 proposte formali. 1 caso negativo va al legale.",
    );
    const noCash = buildDebrief({
      ...SEED_TRIP,
      visits: SEED_TRIP.visits.map((v) => ({ ...v, collectedCents: 0 })),
    });
    expect(deterministicNarrative(noCash, messages("it"), "it")).toContain(
      "Poco incasso, ma informazioni da lavorare da domani.",
    );
    expect(tripDates(d, "it")).toBe("9–10 mar");
    expect(tripDates({ startDate: "2026-03-30", endDate: "2026-04-01" }, "it")).toBe("30 mar – 1 apr");
  });
});

describe("checking a narrative against the records", () => {
  const d = buildDebrief(SEED_TRIP);

  it("accepts the deterministic narrative and a faithful rewording", () => {
    expect(checkNarrative(deterministicNarrative(d, messages("it"), "it"), d)).toEqual({
      ok: true,
      unverified: [],
    });
    const faithful =
      "Due giorni tra Napoli e Caserta hanno portato € 500,00 incassati e € 1.500,00 promessi contro € 370,70 di costi. " +
      "Esposito Alimentari ha firmato il 9 marzo un riconoscimento del debito e propone un saldo e stralcio di € 6.000,00; " +
      "anche Russo Tessuti chiede lo stralcio e ha illustrato il piano con la banca. Ferri Costruzioni rifiuta: va al legale. " +
      "De Luca Ricambi pagherà entro il 20/03/2026 e ha dato la PEC.";
    expect(checkNarrative(faithful, d)).toEqual({ ok: true, unverified: [] });
  });

  it("finds invented amounts, dates and names", () => {
    expect(checkNarrative("Incassati € 900,00 durante il giro.", d).unverified).toEqual(["€ 900,00"]);
    expect(checkNarrative("Pagherà 1.200 euro entro il 25/03.", d).unverified).toEqual([
      "1.200 euro",
      "25/03",
    ]);
    expect(checkNarrative("La promessa scade il 21 marzo, dice 2026-04-02.", d).unverified).toEqual([
      "2026-04-02",
      "21 marzo",
    ]);
    expect(checkNarrative("Il cliente Bianchi ha promesso di pagare.", d).unverified).toEqual(["Bianchi"]);
    expect(checkNarrative("Marco Bianchi ha promesso di pagare.", d).unverified).toEqual([
      "Marco",
      "Bianchi",
    ]);
    // a sentence's first word alone is not taken for a name
    expect(checkNarrative("Giornate faticose. Bilancio prudente.", d)).toEqual({ ok: true, unverified: [] });
  });
});

describe("PEC recap", () => {
  it("records the conversation and restates invoices, amounts, due dates and the promise", () => {
    const { subject, body } = pecRecap({
      customer: { name: "De Luca Ricambi SRL", vatNumber: "01234567890" },
      personReached: "Paolo De Luca",
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
        {
          number: "FT-95",
          installment: 2,
          issueDate: "2026-01-10",
          dueDate: "2026-03-31",
          openCents: 80_000,
        },
      ],
      promises: [{ amountCents: 150_000, dueDate: "2026-03-20" }],
      today: "2026-03-10",
    });
    expect(subject).toBe(
      "Riepilogo del colloquio del 10/03/2026 e situazione del credito - De Luca Ricambi SRL",
    );
    expect(body).toContain(
      "Spett.le De Luca Ricambi SRL (P. IVA 01234567890)\nalla cortese attenzione di Paolo De Luca",
    );
    expect(body).toContain("in data 10/03/2026 con Luca Moretti");
    expect(body).toContain("- fattura n. FT-88 del 01/12/2025, scaduta il 31/01/2026: € 1.200,00");
    expect(body).toContain("- fattura n. FT-95 (rata 2) del 10/01/2026, in scadenza il 31/03/2026: € 800,00");
    expect(body).toContain("Totale dovuto: € 2.000,00, di cui scaduto € 1.200,00.");
    expect(body).toContain("Lei ha assunto l'impegno di pagare € 1.500,00 entro il 20/03/2026.");
    expect(body).toContain("D.Lgs. 231/2002");
    expect(body).not.toMatch(/\bVi\b|\bVostr/);
  });

  it("names the creditor company and says how to pay, in formal Lei, without a double full stop after S.r.l.", () => {
    const { body } = pecRecap({
      customer: { name: "De Luca Ricambi SRL", vatNumber: null },
      personReached: null,
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
      today: "2026-03-10",
      creditor: {
        name: "Forniture Bianchi S.r.l.",
        address: "Via dell'Industria 12, 40138 Bologna (BO)",
        vatNumber: "IT01234567897",
        iban: "IT60X0542811101000000123456",
        signature: "Ufficio crediti",
      },
    });
    expect(body).toContain("la situazione del Suo debito nei confronti di Forniture Bianchi S.r.l.\n");
    expect(body).not.toContain("S.r.l..");
    expect(body).toContain(
      "Beneficiario: Forniture Bianchi S.r.l.\nIBAN: IT60 X054 2811 1010 0000 0123 456\nCausale: Saldo fattura n. FT-88",
    );
    expect(body).toContain("La preghiamo di segnalarci per iscritto");
    expect(body).toContain(
      "Forniture Bianchi S.r.l. - Via dell'Industria 12, 40138 Bologna (BO) - P. IVA IT01234567897",
    );
  });
});
