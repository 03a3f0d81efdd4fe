// The certified email (PEC) that follows a visit ending in a promise: it records what was said and restates
// the credit position (invoices, amounts, due dates, the promised date and amount), so that it can hardly be
// contested later. Always in Italian: it goes to an Italian company and has legal value. Pure.

import { formatDateShort, type IsoDate } from "./calendar";
import { exposure } from "./exposure";
import { type Cents, formatEuro } from "./money";
import { type Creditor, formatIban, paymentCausale } from "./reminder";

export interface PecRecapFacts {
  customer: { name: string; vatNumber: string | null };
  /** who was met, as logged */
  personReached: string | null;
  visitDate: IsoDate;
  collector: string;
  /** open invoices, oldest due first */
  invoices: { number: string; installment: number; issueDate: IsoDate; dueDate: IsoDate; openCents: Cents }[];
  /** the promise (one) or the instalments (two or more), in date order */
  promises: { amountCents: Cents; dueDate: IsoDate }[];
  today: IsoDate;
  /** the creditor company (CREDITO_COMPANY_*): named, with its payment instructions, when configured */
  creditor?: Creditor | null;
}

/** "... S.r.l." then a full stop: one, not two. */
const sentence = (s: string) => (s.endsWith(".") ? s : `${s}.`);

export function pecRecap(f: PecRecapFacts): { subject: string; body: string } {
  const euro = (c: Cents) => formatEuro(c, "it");
  const day = (d: IsoDate) => formatDateShort(d, "it");
  const owed = exposure(f.invoices, f.today);
  const subject = `Riepilogo del colloquio del ${day(f.visitDate)} e situazione del credito - ${f.customer.name}`;
  const lines: string[] = [];
  lines.push(`Spett.le ${f.customer.name}${f.customer.vatNumber ? ` (P. IVA ${f.customer.vatNumber})` : ""}`);
  if (f.personReached) lines.push(`alla cortese attenzione di ${f.personReached}`);
  lines.push("");
  lines.push(
    `facendo seguito al colloquio avvenuto presso la Sua sede in data ${day(f.visitDate)} con ${f.collector}, ` +
      `Le scriviamo per riepilogare quanto concordato e la situazione del Suo debito nei confronti di ${f.creditor ? sentence(f.creditor.name) : "questa società."}`,
  );
  lines.push("");
  lines.push(`Alla data del ${day(f.today)} risultano aperte le seguenti fatture:`);
  for (const i of f.invoices) {
    const label = i.installment > 1 ? `${i.number} (rata ${i.installment})` : i.number;
    const state = i.dueDate < f.today ? "scaduta il" : "in scadenza il";
    lines.push(
      `- fattura n. ${label} del ${day(i.issueDate)}, ${state} ${day(i.dueDate)}: ${euro(i.openCents)}`,
    );
  }
  lines.push(
    `Totale dovuto: ${euro(owed.openCents)}${owed.overdueInvoices > 0 ? `, di cui scaduto ${euro(owed.overdueCents)}` : ""}.`,
  );
  lines.push("");
  const [first] = f.promises;
  if (f.promises.length === 1 && first) {
    lines.push(
      `Nel corso del colloquio Lei ha assunto l'impegno di pagare ${euro(first.amountCents)} entro il ${day(first.dueDate)}.`,
    );
  } else if (f.promises.length > 1) {
    lines.push("Nel corso del colloquio Lei ha assunto l'impegno di pagare secondo il seguente piano:");
    for (const p of f.promises) lines.push(`- ${euro(p.amountCents)} entro il ${day(p.dueDate)}`);
  }
  if (f.creditor) {
    lines.push(
      "Prendiamo atto del Suo impegno e restiamo in attesa del pagamento alle scadenze concordate, con bonifico bancario a:",
    );
    lines.push(`Beneficiario: ${f.creditor.name}`);
    lines.push(`IBAN: ${formatIban(f.creditor.iban)}`);
    lines.push(`Causale: ${paymentCausale(f.invoices, "it")}`);
    lines.push("");
  } else
    lines.push("Prendiamo atto del Suo impegno e restiamo in attesa del pagamento alle scadenze concordate.");
  lines.push(
    "Le ricordiamo che sugli importi scaduti decorrono gli interessi di mora previsti dal D.Lgs. 231/2002 e che, " +
      "in mancanza del pagamento, ci riserviamo di tutelare il nostro credito nelle sedi opportune.",
  );
  lines.push("");
  lines.push(
    "La preghiamo di segnalarci per iscritto, a stretto giro, eventuali osservazioni su quanto sopra.",
  );
  lines.push("");
  lines.push("Distinti saluti,");
  lines.push(f.collector);
  lines.push(f.creditor?.signature ?? "Ufficio crediti");
  if (f.creditor) lines.push(`${f.creditor.name} - ${f.creditor.address} - P. IVA ${f.creditor.vatNumber}`);
  return { subject, body: lines.join("\n") };
}
