import { prep } from "../domain/italian";
import { formatEuro } from "../domain/money";
/** Italian messages (the default). en.ts must provide the same keys. */
import { bankIt } from "./bank.it";
import { caseThreadsIt } from "./case-threads.it";
import { cliIt } from "./cli.it";
import { costsIt } from "./costs.it";
import { digestIt } from "./digest.it";
import { figuresIt } from "./figures.it";
import { importReportIt } from "./import-report.it";
import { outcomeLabelsIt } from "./labels.it";
import { logIt } from "./log.it";
import { reportIt } from "./report.it";
import { tripIt } from "./trip.it";

export const it = {
  ...bankIt,
  ...caseThreadsIt,
  ...cliIt,
  ...costsIt,
  ...figuresIt,
  ...importReportIt,
  ...digestIt,
  ...logIt,
  ...reportIt,
  ...tripIt,
  help: {
    title: "Credito: i comandi",
    intro: "Scrivi `/credito` seguito da un comando:",
    unknown: (cmd: string) => `Non conosco il comando \`${cmd}\`.`,
    footer: "Il riepilogo del mattino arriva nel canale ogni giorno lavorativo.",
  },
  home: {
    outsiderTitle: "Credito: recupero crediti",
    outsider:
      "Credito mostra crediti e pratiche solo al team crediti. Se ne fai parte, chiedi a un amministratore di aggiungerti con `/credito team @te sales` (o `admin`, `owner`). Se il team è ancora vuoto, scrivi `/credito team`: la prima persona che usa Credito ne diventa amministratore.",
    title: "La posizione del team",
    updated: (when: string) => `Aggiornato ${when}`,
    overdue: "Scaduto aperto",
    openTotal: "Totale aperto",
    onHold: "Fido sospeso",
    customersOverdue: (n: number) => (n === 1 ? "1 cliente in ritardo" : `${n} clienti in ritardo`),
    casesByStage: "Pratiche per fase",
    noCases: "Nessuna pratica aperta.",
    promisesWeek: "Promesse di questa settimana",
    noPromises: "Nessuna promessa in scadenza questa settimana.",
    morePromises: (n: number) => `…e altre ${n}`,
  },
  stage: {
    internal: "Recupero interno",
    credit_hold: "Fido sospeso",
    settlement: "Saldo e stralcio proposto",
    settlement_agreed: "Stralcio concordato",
    plan_agreed: "Piano di rientro concordato",
    agency: "Agenzia",
    legal: "Legale",
    closed: "Chiusa",
  } as Record<string, string>,
  promiseLine: (amount: string, date: string, status: string, paid: string) =>
    `Promessa di ${amount} ${prep("del", date)}: ${status} (pagati ${paid})`,
  promiseStatus: {
    open: "aperta",
    kept: "mantenuta",
    partial: "mantenuta in parte",
    broken: "non mantenuta",
    cancelled: "annullata",
  } as Record<string, string>,
  channel: {
    phone: "Telefono",
    visit: "Visita",
    email: "Email",
    pec: "PEC",
    letter: "Lettera",
  } as Record<string, string>,
  outcome: outcomeLabelsIt,
  mood: {
    calm: "tranquillo",
    cooperative: "collaborativo",
    evasive: "evasivo",
    annoyed: "seccato",
    aggressive: "aggressivo",
  } as Record<string, string>,
  case: {
    exposure: "Esposizione",
    overdue: "Scaduto",
    daysOverdue: (n: number) => (n === 1 ? "1 giorno di ritardo" : `${n} giorni di ritardo`),
    notOverdue: "nessun ritardo",
    stage: "Fase",
    assignee: "Assegnata a",
    salesperson: "Commerciale",
    nobody: "nessuno",
    preserve:
      "Relazione da preservare: tono morbido, commerciale e titolare informati prima di ogni passo duro",
    creditHold: "Fido sospeso",
    lastContact: "Ultimo contatto",
    never: "mai contattato",
    closedAs: (reason: string) => `Pratica chiusa: ${reason}`,
    closeReason: {
      paid: "pagata",
      settled: "saldo e stralcio",
      agency: "passata all'agenzia",
      legal: "passata al legale",
      written_off: "passata a perdita",
    } as Record<string, string>,
    disputed: (numbers: string) => `Contestazione aperta su: ${numbers}. Il sollecito è sospeso.`,
    resolveDisputeButton: "Contestazione risolta",
    disputeResolvedLine: (user: string, n: number) =>
      `✅ Contestazione risolta da ${user}: ${n === 1 ? "1 fattura torna" : `${n} fatture tornano`} da sollecitare.`,
    disputeResolved: (name: string) =>
      `Contestazione di *${name}* chiusa: il sollecito riprende dal prossimo riepilogo.`,
    noDispute: "Nessuna fattura contestata per questo cliente.",
    logButton: "Registra esito",
    noteButton: "Nota commerciale",
  },
  digest: {
    header: (date: string) => `Recupero crediti · ${date}`,
    overdue: "Scaduto aperto",
    promisedToday: "Promesso oggi",
    tasks: "Compiti",
    onHoldToDo: "Fidi da sospendere",
    covers: (from: string) => `Comprende anche i giorni ${prep("dal", from)}.`,
    empty: "Nessun compito per oggi: tutto in ordine. 👏",
    continued: "(continua)",
    moreInThread: (n: number) => `…altri ${n} compiti nel thread qui sotto.`,
    outdated: "(elenco superato dall'aggiornamento)",
    updated: (time: string) => `aggiornato alle ${time}`,
    kinds: {
      riba_returned: "⚠️ RiBa e SDD insoluti",
      broken_promise: "❌ Promesse non mantenute",
      promise_due: "⏳ Promesse in scadenza",
      callback: "📞 Richiamate fissate",
      followup: "🚗 Seguiti dal giro di visite",
      cadence: "📅 Solleciti da calendario",
      recontact: "🔁 Da ricontattare",
      credit_hold: "⛔ Fido da sospendere",
      credit_release: "✅ Fido da riattivare",
      legal_ready: "⚖️ Da proporre per il legale (rifiuto di pagare)",
      agency_ready: "🏢 Pratiche pronte per l'agenzia",
      approval_pending: "✍️ Approvazioni in attesa del titolare",
    } as Record<string, string>,
    days: (n: number) => `${n} gg`,
    lastContact: (when: string, channel: string, outcome: string) =>
      `ultimo contatto ${when}, ${channel}: ${outcome}`,
    neverContacted: "mai contattato",
    menu: {
      log: "Registra esito",
      case: "Apri pratica",
      assign: "Me ne occupo io",
      snooze: "Rimanda…",
      hold: "Fido sospeso ✓",
      release: "Fido riattivato ✓",
      done: "Fatto ✓",
    },
    snoozeTitle: "Rimanda",
    snoozeLabel: "Fino a quando?",
    snoozeSubmit: "Rimanda",
    cancel: "Annulla",
    snoozeInPast: "Scegli una data futura.",
    snoozed: (name: string, date: string) => `Rimandato: *${name}* torna nel riepilogo ${date}.`,
    assigned: (name: string) => `Ok, *${name}* è assegnato a te.`,
    held: (name: string) => `Fido di *${name}* segnato come sospeso.`,
    released: (name: string) => `Fido di *${name}* segnato come riattivato.`,
    done: "Segnato come fatto.",
    caseLink: (name: string, link: string) => `📁 Pratica *${name}*: <${link}|apri il thread>`,
    caseWait: (name: string) =>
      `📁 La pratica di *${name}* è in preparazione nel canale: la trovi tra pochi secondi.`,
    myTitle: (date: string) => `I tuoi compiti di ${date}`,
    myEmpty: "Nessun compito assegnato a te oggi.",
    unassigned: (n: number) =>
      n === 1
        ? "1 compito non assegnato nel riepilogo del canale."
        : `${n} compiti non assegnati nel riepilogo del canale.`,
    lineAssigned: (user: string) => `👤 ${user} segue la pratica.`,
    lineSnoozed: (user: string, date: string) => `💤 Rimandata da ${user} ${prep("fino al", date)}.`,
    lineHold: (user: string) => `⛔ Fido sospeso (segnato da ${user}).`,
    lineRelease: (user: string) => `✅ Fido riattivato (segnato da ${user}).`,
    postedNow: (updated: boolean, n: number) =>
      `${updated ? "Riepilogo aggiornato" : "Riepilogo pubblicato"}: ${n} compiti.`,
    notBusinessDay: (date: string) => `${date} non è un giorno lavorativo: nessun riepilogo.`,
  },
  import: {
    field: {
      code: "codice cliente",
      "code|vatNumber": "codice cliente o partita IVA",
      name: "ragione sociale",
      vatNumber: "partita IVA",
      taxCode: "codice fiscale",
      number: "numero documento",
      installment: "rata",
      issueDate: "data documento",
      dueDate: "data scadenza",
      amount: "importo",
      open: "residuo",
      "amount|open": "importo o residuo",
      date: "data pagamento",
      method: "modalità",
      reference: "riferimento",
      address: "indirizzo",
      postalCode: "CAP",
      city: "città",
      province: "provincia",
      phone: "telefono",
      mobile: "cellulare",
      email: "email",
      pec: "PEC",
      creditLimit: "fido",
      paymentTerms: "giorni di pagamento",
      salesperson: "commerciale",
      noteApproach: "note",
      noteAttention: "attenzione",
      noteReferencePerson: "referente",
      preserveRelationship: "relazione da preservare",
      reminderLevel: "livello sollecito",
      lastReminderOn: "data ultimo sollecito",
      lastContactOn: "ultimo contatto",
      chasingNote: "note sollecito",
    } as Record<string, string>,
    reason: {
      missingField: (f: string) => `manca ${f}`,
      badDate: (f: string, v: string) => `${f} non valida: "${v}" (usa GG/MM/AAAA)`,
      impossibleDate: (f: string, v: string) => `${f}: ${v} non esiste`,
      badAmount: (f: string, v: string) => `${f} non valido: "${v}"`,
      badInteger: (f: string, v: string) => `${f} non valido: "${v}"`,
      badEmail: (f: string, v: string) => `${f} non valida: "${v}"`,
      badVat: (v: string) => `partita IVA non valida: "${v}"`,
      badTaxCode: (v: string) => `codice fiscale non valido: "${v}"`,
      openExceedsAmount: (open: string, amount: string) =>
        `il residuo (${open}) supera l'importo (${amount})`,
      notPositive: (v: string) => `l'importo deve essere positivo: "${v}"`,
      creditNoteSkipped: (n: string) => `nota di credito ${n} non importata`,
      documentSkipped: (n: string, type: string) => `${n}: documento ${type} non è un credito, saltato`,
      sdiFileSkipped: (root: string) =>
        `file del Sistema di Interscambio (${root}), non è una fattura: saltato`,
      duplicate: (first: string) => `duplicato della riga ${first}`,
      unknownCustomer: (c: string) => `cliente sconosciuto: ${c}`,
      customerWithoutName: (c: string) => `cliente ${c} sconosciuto e senza ragione sociale`,
      unknownInvoice: (n: string) => `fattura non trovata: ${n}`,
      ambiguousInvoice: (n: string, count: string) =>
        `la fattura ${n} esiste per ${count} clienti: indica il codice cliente`,
      unknownSalesperson: (n: string) => `commerciale "${n}" non è nel team: non assegnato`,
      overpayment: (cents: string) => `pagamento superiore al dovuto di ${formatEuro(Number(cents), "it")}`,
      noDueDate: (n: string) => `fattura ${n} senza data di scadenza: uso la data del documento`,
      missingSkipped: () =>
        "ci sono righe scartate non identificabili: le fatture sparite dallo scadenzario non sono state chiuse",
      notText: () => "non è un file CSV, Excel (.xlsx) o XML FatturaPA",
      oldExcel: () => "formato Excel 97-2003 (.xls) non supportato: salvalo come .xlsx o CSV",
      signedP7m: () =>
        "fattura firmata (.p7m): importa il file XML contenuto (estrailo con il tuo software di firma)",
      emptyFile: () => "il file è vuoto",
      noHeader: (first: string) => `non trovo la riga di intestazione delle colonne (prima riga: ${first})`,
      missingColumns: (cols: string, found: string, fields = "") =>
        `${cols.includes(", ") ? `mancano le colonne: ${cols}` : `manca la colonna ${cols}`}. Intestazioni trovate: ${found}. ` +
        `Indica quale colonna è quale con --map "intestazione=campo"${fields ? ` (campi: ${fields})` : ""}`,
      unknownKind: (first: string) =>
        `non capisco se è uno scadenzario, un elenco clienti o di pagamenti (${first}): usa --kind`,
      badXml: (msg: string) => `XML non valido o incompleto: ${msg}`,
      notFatturaPA: (what: string) => `non è una FatturaPA FPR12/FPA12 (${what})`,
      badMap: (entry: string) => `--map: voce non valida "${entry}" (atteso colonna=campo)`,
      unsupported: (what: string) => `tipo di file non supportato: ${what}`,
      unreadable: (msg: string) => `file illeggibile: ${msg}`,
    } as Record<string, (...args: string[]) => string>,
    row: (file: string, row: number | null) => (row === null ? file : `${file}, riga ${row}`),
    kind: {
      scadenzario: "scadenzario",
      clienti: "clienti",
      pagamenti: "pagamenti",
      fatturapa: "FatturaPA",
    } as Record<string, string>,
    fileLine: (file: string, kind: string, rows: number) => `${file}: ${kind}, ${rows} righe`,
    rejected: (n: number) =>
      `${n === 1 ? "1 riga scartata" : `${n} righe scartate`}: non ho importato nulla. Correggi il file o usa --skip-invalid per importare le righe buone.`,
    skipped: (n: number) => (n === 1 ? "1 riga scartata:" : `${n} righe scartate:`),
    warnings: (n: number) => (n === 1 ? "1 avviso:" : `${n} avvisi:`),
    dryRun: "Prova (--dry-run): nessuna modifica salvata.",
    customers: (created: number, updated: number) => `Clienti: ${created} creati, ${updated} aggiornati`,
    invoices: (created: number, updated: number, closed: number) =>
      `Fatture: ${created} create, ${updated} aggiornate, ${closed} chiuse`,
    closedMissing: (n: number) => `di cui ${n} chiuse perché non più nello scadenzario`,
    payments: (recorded: number, duplicates: number) =>
      `Pagamenti: ${recorded} registrati${duplicates > 0 ? `, ${duplicates} già importati` : ""}`,
    promises: (kept: number, partial: number, broken: number) =>
      `Promesse rivalutate: ${kept} mantenute, ${partial} in parte, ${broken} non mantenute`,
    open: (amount: string, n: number) =>
      `Totale aperto: ${amount} su ${n === 1 ? "1 fattura" : `${n} fatture`}`,
    more: (n: number) => `…e altre ${n}`,
    progress: (phase: string, done: number, total: number) => `${phase}: ${done}/${total}`,
    slack: {
      howTo:
        "Per importare, mandami il file in un messaggio diretto (qui in Credito, scheda Messaggi): scadenzario o clienti o pagamenti in CSV o Excel (.xlsx), oppure fatture XML FatturaPA, oppure l'estratto conto della banca (camt.053/054, CBI, lista movimenti dell'home banking). Rispondo con il riepilogo. Se il file ha righe sbagliate non importo nulla e te le elenco; scrivi `scarta` nel messaggio con il file per importare solo le righe buone, `prova` per una prova senza salvare.",
      adminOnly: "Solo gli amministratori di Credito possono importare dati.",
      working: (name: string) => `📊 Importo ${name}…`,
      downloadFailed: (name: string) => `Non riesco a scaricare ${name} da Slack: riprova a inviarlo.`,
      tooLarge: (name: string) => `${name} è troppo grande (massimo 50 MB).`,
      done: (name: string) => `📊 Import di ${name}`,
    },
  },
  errors: {
    adminOrSalesOnly: "Solo amministrazione e commerciali possono farlo.",
    adminOnly: "Solo gli amministratori di Credito possono farlo.",
    generic: "Qualcosa è andato storto: riprova tra poco. Se succede ancora, avvisa l'amministratore.",
    notMember:
      "Non fai parte del team di Credito. Chiedi a un amministratore di aggiungerti con `/credito team`.",
  },
};

export type Messages = typeof it;
