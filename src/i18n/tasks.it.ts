import { type CadenceTone, cadenceLabel } from "../domain/cadence";
import { withDate } from "../domain/italian";
import type { PreserveWith } from "../domain/task-text";
import { money } from "./format";
import { outcomeLabelsIt, proposalKindsIt } from "./labels.it";
import type { TaskCatalogue } from "./tasks";

/** Italian reasons and actions of the digest's tasks (the sentences the task engine used to store). */
const euro = (cents: number) => money(cents, "it");
// "di Sara", "del commerciale": the salesperson by name, else by role with the article it takes
const ofSales = (name?: string) => (name ? `di ${name}` : "del commerciale");
const preserve = (p?: PreserveWith) =>
  p ? ` (cliente da preservare: sentire prima ${p.salesperson ?? "il commerciale"})` : "";

// The step's Italian name is the timing table's own (cadenceLabel), so the digest and the table agree.
const cadenceStep = cadenceLabel;

const TONE: Record<CadenceTone, string> = {
  friendly: "Tono cordiale, chiedere una data di pagamento precisa",
  firm: "Tono fermo: importo e data, senza altri rinvii",
  formal: "Tono formale: messa in mora con un termine per pagare",
  final: "Ultimo avviso: un termine, poi agenzia o legale",
};

const APPROVAL: Record<string, string> = {
  settlement: "saldo e stralcio",
  agency: "passaggio all'agenzia",
  legal: "passaggio al legale",
  write_off: "passaggio a perdita",
};

const RETURNED: Record<string, string> = { riba_returned: "RiBa insoluta", sdd_returned: "SDD insoluto" };

export const tasksIt: TaskCatalogue = {
  cadenceStep,
  since: (reason, since) => `${reason} (${withDate("dal", since)})`,
  reason: {
    text: (r) => r.text,
    promise_broken: (r) => `Promessa di ${euro(r.amountCents)} ${withDate("del", r.due)} non mantenuta`,
    promise_partial: (r) =>
      `Promessa di ${euro(r.amountCents)} ${withDate("del", r.due)} mantenuta in parte: mancano ${euro(r.missingCents)}`,
    promise_due: (r) =>
      `Promessa di ${euro(r.missingCents)} in scadenza ${r.today ? "oggi" : withDate("il", r.due)}`,
    callback: (r) => {
      const when = r.date ? `${withDate("il", r.date)} alle ${r.time ?? ""}` : "";
      return r.note
        ? `${r.note}${when ? ` (fissata ${when})` : ""}`
        : `Richiamata fissata${when ? ` ${when}` : ""}`;
    },
    cadence_waiting: (r) =>
      `${cadenceStep(r.channel, r.tone)}: cliente da preservare, prima l'ok ${ofSales(r.salesperson)}`,
    cadence: (r) =>
      `${cadenceStep(r.channel, r.tone)}${r.salesOk ? ` (ok ${ofSales(r.salesOk.salesperson)})` : ""}`,
    recontact: (r) =>
      (r.contacted
        ? `Ultimo contatto ${r.days} giorni fa`
        : `Nessun contatto da quando è scaduto (${r.days} giorni)`) +
      (r.limitDays !== undefined ? `, oltre il limite di ${r.limitDays}` : ""),
    credit_hold: (r) =>
      `Fattura scaduta da ${r.days} giorni (soglia ${r.thresholdDays}): fido ancora attivo${preserve(r.preserve)}`,
    credit_release: (r) => `Fido sospeso, nessuna fattura scaduta da oltre ${r.thresholdDays} giorni`,
    agency_ready: (r) =>
      `Pronta per l'agenzia: ${r.days} giorni di ritardo (soglia ${r.thresholdDays})${preserve(r.preserve)}`,
    legal_ready: (r) =>
      `Rifiuto di pagare ${withDate("del", r.refusedOn)}: proposta di passaggio al legale${preserve(r.preserve)}`,
    approval_pending: (r) => {
      const terms =
        r.kind === "settlement" && r.amountCents !== undefined ? ` (incasso ${euro(r.amountCents)})` : "";
      return `Richiesta di ${APPROVAL[r.kind] ?? r.kind}${terms} ${withDate("del", r.requestedOn)} in attesa del titolare`;
    },
    trip_call_new_number: (r) => `Nuovo numero dal giro ${r.area}: ${r.number}`,
    trip_legal: (r) => `Rifiuto totale alla visita (giro ${r.area})`,
    trip_verify_proposal: (r) => `Proposta dal giro ${r.area}: ${proposalKindsIt[r.proposal] ?? r.proposal}`,
    trip_keep_contact: (r) => `Visitato nel giro ${r.area}: ${outcomeLabelsIt[r.outcome] ?? r.outcome}`,
    bank_returned: (r) => {
      const invoices = r.invoices.join(", ");
      return `${RETURNED[r.returned] ?? r.returned}${invoices ? ` ${invoices}` : ""}: ${euro(r.amountCents)}${r.feeCents > 0 ? ` (spese ${euro(r.feeCents)})` : ""}`;
    },
  },
  action: {
    text: (a) => a.text,
    call_for_balance: () => "Chiamare subito e chiedere il saldo",
    call_for_promise: () => "Chiamare subito e chiedere il pagamento promesso",
    check_payment: (a) => `Verificare l'incasso (tolleranza ${withDate("fino al", a.until)})`,
    call_back_at: (a) => `Richiamare alle ${a.time}`,
    call_back_soon: () => "Richiamare appena possibile",
    ask_salesperson: (a) =>
      `Chiedere ${a.salesperson ? `a ${a.salesperson}` : "al commerciale"} l'ok o un'obiezione`,
    tone: (a) => TONE[a.tone],
    recontact: (a) => (a.urgent ? "Ricontattare oggi, senza rinvii" : "Ricontattare"),
    suspend_credit: () => "Sospendere il fido",
    release_credit: () => "Riattivare il fido",
    prepare_dossier: () => "Preparare il dossier e chiedere l'approvazione",
    ask_legal_approval: () => "Chiedere l'approvazione per il passaggio al legale",
    approve_or_reject: () => "Approvare o respingere",
    trip_call_new_number: (a) => `Chiamare al ${a.number}`,
    trip_legal: () => "Passare al legale: preparare il fascicolo",
    trip_verify_proposal: () => "Verificare la proposta e farla approvare o respingere dal titolare",
    trip_keep_contact: () => "Mantenere il contatto: telefonare e far sentire la nostra presenza",
    bank_returned: () => "Chiamare oggi il cliente: chiedere il pagamento con bonifico e una data precisa",
  },
};
