// The certified email (PEC) that follows a visit ending in a promise: it records what was said and restates
// the credit position (invoices, amounts, due dates, the promised date and amount), so that it can hardly be
// contested later. Always in Italian: it goes to an Italian company and has legal value. Pure.

import { formatDateShort, type IsoDate } from "./calendar";
import { type Cents, formatEuro } from "./money";

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
}

export function pecRecap(f: PecRecapFacts): { subject: string; body: string } {
  const euro = (c: Cents) => formatEuro(c, "it");
  const day = (d: IsoDate) => formatDateShort(d, "it");
  const total = f.invoices.reduce((s, i) => s + i.openCents, 0);
  const overdue = f.invoices.filter((i) => i.dueDate < f.today);
  const subject = `Riepilogo del colloquio del ${day(f.visitDate)} e situazione del credito - ${f.customer.name}`;
  const lines: string[] = [];
  lines.push(`Spett.le ${f.customer.name}${f.customer.vatNumber ? ` (P. IVA ${f.customer.vatNumber})` : ""}`);
  if (f.personReached) lines.push(`alla cortese attenzione di ${f.personReached}`);
  lines.push("");
  lines.push(
    `facendo seguito al colloquio avvenuto presso la Vostra sede in data ${day(f.visitDate)} con ${f.collector}, ` +
      "con la presente riepiloghiamo quanto ci siamo detti e la situazione del Vostro debito nei nostri confronti.",
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
    `Totale dovuto: ${euro(total)}${overdue.length > 0 ? `, di cui scaduto ${euro(overdue.reduce((s, i) => s + i.openCents, 0))}` : ""}.`,
  );
  lines.push("");
  const [first] = f.promises;
  if (f.promises.length === 1 && first) {
    lines.push(
      `Nel corso del colloquio Vi siete impegnati a pagare ${euro(first.amountCents)} entro il ${day(first.dueDate)}.`,
    );
  } else if (f.promises.length > 1) {
    lines.push("Nel corso del colloquio Vi siete impegnati a pagare secondo il seguente piano:");
    for (const p of f.promises) lines.push(`- ${euro(p.amountCents)} entro il ${day(p.dueDate)}`);
  }
  lines.push(
    "Prendiamo atto del Vostro impegno e restiamo in attesa del pagamento alle scadenze concordate. " +
      "Ricordiamo che sugli importi scaduti decorrono gli interessi di mora previsti dal D.Lgs. 231/2002 e che, " +
      "in mancanza del pagamento, ci riserviamo di tutelare il nostro credito nelle sedi opportune.",
  );
  lines.push("");
  lines.push(
    "Vi preghiamo di segnalarci per iscritto, a stretto giro, eventuali osservazioni su quanto sopra.",
  );
  lines.push("");
  lines.push("Distinti saluti,");
  lines.push(f.collector);
  lines.push("Ufficio crediti");
  return { subject, body: lines.join("\n") };
}
