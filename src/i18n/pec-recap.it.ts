import { prep } from "../domain/italian";

/**
 * The Italian PEC that follows a visit ending in a promise (src/domain/trip-pec.ts): it goes to the customer,
 * so it uses the formal "Lei". Placeholders are filled by the domain function.
 */
export const pecRecapIt = {
  subject: (visit: string, customer: string) =>
    `Riepilogo del colloquio ${prep("del", visit)} e situazione del credito - ${customer}`,
  to: (customer: string, vat: string | null) => `Spett.le ${customer}${vat ? ` (P. IVA ${vat})` : ""}`,
  attention: (person: string) => `alla cortese attenzione di ${person}`,
  opening: (visit: string, collector: string, creditor: string | null) =>
    `facendo seguito al colloquio avvenuto presso la Sua sede in data ${visit} con ${collector}, ` +
    `Le scriviamo per riepilogare quanto concordato e la situazione del Suo debito nei confronti di ${creditor ?? "questa società."}`,
  openInvoices: (today: string) => `Alla data ${prep("del", today)} risultano aperte le seguenti fatture:`,
  invoice: (label: string, issued: string, overdue: boolean, due: string, amount: string) =>
    `- fattura n. ${label} ${prep("del", issued)}, ${overdue ? "scaduta il" : "in scadenza il"} ${due}: ${amount}`,
  installment: (number: string, n: number) => `${number} (rata ${n})`,
  total: (total: string, overdue: string | null) =>
    `Totale dovuto: ${total}${overdue ? `, di cui scaduto ${overdue}` : ""}.`,
  promise: (amount: string, due: string) =>
    `Nel corso del colloquio Lei ha assunto l'impegno di pagare ${amount} entro il ${due}.`,
  plan: "Nel corso del colloquio Lei ha assunto l'impegno di pagare secondo il seguente piano:",
  planRow: (amount: string, due: string) => `- ${amount} entro il ${due}`,
  awaitingTransfer:
    "Prendiamo atto del Suo impegno e restiamo in attesa del pagamento alle scadenze concordate, con bonifico bancario a:",
  awaiting: "Prendiamo atto del Suo impegno e restiamo in attesa del pagamento alle scadenze concordate.",
  beneficiary: "Beneficiario",
  causale: "Causale",
  interest:
    "Le ricordiamo che sugli importi scaduti decorrono gli interessi di mora previsti dal D.Lgs. 231/2002 e che, " +
    "in mancanza del pagamento, ci riserviamo di tutelare il nostro credito nelle sedi opportune.",
  remarks: "La preghiamo di segnalarci per iscritto, a stretto giro, eventuali osservazioni su quanto sopra.",
  regards: "Distinti saluti,",
  signature: "Ufficio crediti",
  vat: "P. IVA",
};
