import { prep } from "../domain/italian";
/** Italian messages of the written reminders (issue 14). The interface says "tu"; the PDF speaks to the customer. */
export const remindersIt = {
  step: {
    courtesy: "Sollecito di cortesia",
    firm: "Sollecito",
    formal_notice: "Messa in mora",
    final_notice: "Ultimo avviso prima del legale",
    diffida: "Diffida ad adempiere (art. 1454 c.c.)",
  } as Record<string, string>,
  stepSent: {
    courtesy: "Sollecito di cortesia inviato",
    firm: "Sollecito inviato",
    formal_notice: "Messa in mora inviata",
    final_notice: "Ultimo avviso inviato",
    diffida: "Diffida ad adempiere inviata",
  } as Record<string, string>,
  medium: { email: "email", pec: "PEC", letter: "lettera" } as Record<string, string>,
  prepare: "✉️ Prepara sollecito",
  menuPrepare: "Prepara sollecito",
  modal: {
    title: "Sollecito scritto",
    send: "Invia",
    sendForApproval: "Chiedi l'ok",
    prepareLetter: "Prepara la lettera",
    close: "Annulla",
    stepLabel: "Tipo di sollecito",
    recipientEmail: "Destinatario (email)",
    recipientPec: "Destinatario (PEC)",
    subject: "Oggetto",
    body: "Testo",
    attachment: "Nome dell'allegato",
    saveDraft: "Salva bozza",
    saved: (at: string) => `Bozza salvata alle ${at}.`,
    summary: (customer: string, n: number, amount: string) =>
      `*${customer}* · ${n === 1 ? "1 fattura" : `${n} fatture`} · ${amount}`,
    charges: (interest: string, costs: string) =>
      `compresi interessi ${interest} e costi di recupero ${costs}`,
    excluded: (disputed: number, promised: number) =>
      [
        disputed > 0 ? `${disputed === 1 ? "1 contestata" : `${disputed} contestate`}` : null,
        promised > 0
          ? `${promised === 1 ? "1 coperta" : `${promised} coperte`} da una promessa in corso`
          : null,
      ]
        .filter(Boolean)
        .join(", "),
    excludedNote: (what: string) => `Escluse dal sollecito: ${what}.`,
    letterNote: (address: string) =>
      `Il cliente non ha email né PEC: preparo la lettera da stampare e spedire per raccomandata a *${address}*.`,
    letterStep: (address: string) => `Passo da spedire per lettera raccomandata a *${address}*.`,
    noAddress: "indirizzo postale mancante in anagrafica",
    needsAdmin:
      "Per la messa in mora serve l'ok di un amministratore: glielo chiedo nel thread della pratica.",
    needsOwner: "Serve l'approvazione del titolare: gliela chiedo nel thread della pratica.",
    needsSales: (who: string) => `Cliente da preservare 🤝: prima sento ${who}.`,
    diffidaWarning:
      "⚠️ La diffida ad adempiere risolve il contratto se il termine passa senza pagamento: usala solo se non vuoi più lavorare con il cliente.",
  },
  errors: {
    invalidAddress: "Indirizzo non valido: scrivi un indirizzo come amministrazione@azienda.it.",
    emptySubject: "Scrivi l'oggetto.",
    emptyBody: "Il testo non può essere vuoto.",
    badAttachment: "Il nome dell'allegato deve finire con .pdf e non contenere barre.",
    noCompany:
      "Prima vanno impostati i dati dell'azienda creditrice (CREDITO_COMPANY_NAME, CREDITO_COMPANY_ADDRESS, CREDITO_COMPANY_VAT, CREDITO_COMPANY_IBAN): compaiono in ogni sollecito.",
    nothingToRemind: (customer: string) =>
      `Per ${customer} non c'è nessuna fattura da sollecitare (nessuna scaduta, oppure contestate o coperte da una promessa).`,
    notConfigured: (medium: string, settings: string) =>
      `L'invio per ${medium} non è configurato (${settings}): il sollecito resta in bozza.`,
    alreadySent: "Questo sollecito è già stato inviato.",
    awaiting: "Questo sollecito aspetta già un ok nel thread della pratica.",
    toPost: "Questa lettera è già pronta nel thread della pratica: premi «Spedita» quando l'hai spedita.",
    notAllowed: "Non puoi approvare questo sollecito: serve un altro ruolo.",
    notFound: "Sollecito non trovato.",
    notMember: "Non fai parte del team crediti.",
  },
  queued: (customer: string, to: string) => `📨 Sollecito a ${customer} in invio all'indirizzo ${to}.`,
  draftSaved: (customer: string) => `📝 Bozza del sollecito a ${customer} salvata.`,
  waiting: (customer: string) =>
    `⏳ Sollecito a ${customer} in attesa di approvazione: l'ho chiesta nel thread della pratica.`,
  approval: {
    text: (step: string, customer: string, by: string) =>
      `✋ ${step} per ${customer}, preparata da ${by}: serve il vostro ok`,
    asks: (who: string) => `Chi deve dare l'ok: ${who}`,
    approve: "Approva e invia",
    reject: "Rifiuta",
    ok: "Ok per me",
    object: "Obietto",
    approvedBy: (who: string) => `✅ Approvato da ${who}`,
    rejectedBy: (who: string) => `❌ Fermato da ${who}: il sollecito torna in bozza.`,
    objectedBy: (who: string) => `✋ ${who} obietta: il sollecito torna in bozza.`,
    okBy: (who: string) => `👍 ${who} è d'accordo`,
  },
  thread: {
    sent: (stepSent: string, medium: string, to: string, who: string) =>
      `✉️ ${stepSent} per ${medium} all'indirizzo ${to} · ${who}`,
    refused: (to: string, reason: string) =>
      `⚠️ Il sollecito all'indirizzo ${to} è stato rifiutato dal server di posta: ${reason}. Controlla l'indirizzo e preparane un altro.`,
    uncertain: (to: string) =>
      `⚠️ L'invio del sollecito all'indirizzo ${to} si è interrotto: non so se è partito. Controlla la posta inviata prima di rifarlo.`,
    letterReady: (step: string, who: string) =>
      `📄 ${step}: lettera pronta da stampare e spedire per raccomandata · ${who}`,
    letterPosted: (who: string) => `📮 Lettera spedita per raccomandata · ${who}`,
    posted: "Spedita",
    delivered: (at: string) =>
      `📬 PEC consegnata il ${at} (ricevuta di avvenuta consegna): il termine decorre da qui.`,
    notDelivered: (to: string, reason: string) => `⚠️ PEC all'indirizzo ${to} non consegnata: ${reason}.`,
  },
  deliveredNote: (at: string) => `consegnata il ${at} (ricevuta di avvenuta consegna PEC)`,
  batch: {
    header: (n: number) => `✉️ Solleciti scritti di oggi · ${n}`,
    line: (customer: string, step: string, medium: string, amount: string) =>
      `*${customer}* · ${step} · ${medium} · ${amount}`,
    waitsApproval: "serve un ok prima dell'invio",
    review: "Rivedi",
    sendAll: "Invia tutti",
    none: "Nessun sollecito scritto da preparare oggi.",
    autoSent: (n: number) =>
      `${n === 1 ? "1 email di cortesia inviata" : `${n} email di cortesia inviate`} in automatico.`,
    sentAll: (n: number, waiting: number) =>
      `📨 ${n === 1 ? "1 sollecito in invio" : `${n} solleciti in invio`}${waiting > 0 ? `, ${waiting} in attesa di approvazione` : ""}.`,
  },
  pdf: {
    statementTitle: (date: string) => `Estratto conto ${prep("al", date)}`,
    to: "Spettabile",
    vat: "P. IVA",
    head: ["Fattura", "Data", "Scadenza", "Giorni", "Residuo", "Interessi"],
    headShort: ["Fattura", "Data", "Scadenza", "Giorni di ritardo", "Residuo"],
    overdue: "Capitale scaduto",
    interest: (date: string) => `Interessi di mora (D.Lgs. 231/2002, art. 5) ${prep("al", date)}`,
    costs: (n: number) => `Costi di recupero (D.Lgs. 231/2002, art. 6): € 40 x ${n}`,
    total: "Totale dovuto",
    rateNote: "Tasso: tasso di riferimento BCE del semestre + 8 punti; interesse semplice, giorni/365.",
    lastKnownRate: (periods: string) =>
      `Per ${periods} il tasso non è ancora in tabella: usato l'ultimo noto.`,
    payTitle: "Come pagare",
    beneficiary: "Beneficiario",
    iban: "IBAN",
    causale: "Causale",
    amount: "Importo",
    qr: "Inquadra il codice con l'app della banca per compilare il bonifico.",
    page: (n: number, of: number) => `Pagina ${n} di ${of}`,
    letterPlace: (date: string) => `Data: ${date}`,
    subject: "Oggetto",
    byPec: "Inviata a mezzo PEC",
    byLetter: "Raccomandata A/R",
  },
};
