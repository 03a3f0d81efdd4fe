import { prep } from "../domain/italian";
import { proposalKindsIt } from "./labels.it";
/** Italian messages of the field trips (`/credito giro`, debrief, PEC recap; issue 7). Spread into it.ts. */
export const tripIt = {
  trip: {
    plan: {
      title: "Giro di visite",
      next: "Proponi clienti",
      confirm: "Conferma il giro",
      close: "Annulla",
      start: "Primo giorno",
      end: "Ultimo giorno",
      area: "Zona (province o città)",
      areaPlaceholder: "Es. VR, VI, PD oppure Napoli, Caserta oppure Campania",
      areaHint: "Sigle di provincia, nomi di città o di regione, separati da virgole.",
      intro: (area: string, dates: string, days: number, found: number) =>
        `🚗 *Zona ${area}* · ${dates} · ${days === 1 ? "1 giorno lavorativo" : `${days} giorni lavorativi`} · ${found === 1 ? "1 cliente con scaduto" : `${found} clienti con scaduto`} nella zona`,
      proposalHeader: (n: number) =>
        `*Proposta di Credito* (${n} ${n === 1 ? "visita" : "visite"}: prima chi ha più in gioco, chi non è mai stato visitato pesa doppio)`,
      moreNotShown: (n: number) => `…e altri ${n} nell'elenco qui sotto.`,
      visits: "Clienti da visitare",
      visitsHint: (max: number) => `Togli o aggiungi clienti (al massimo ${max}).`,
      neverMet: "mai visitato",
      lastVisit: (d: string) => `ultima visita ${d}`,
      broken: (n: number) => (n === 1 ? "1 promessa non mantenuta" : `${n} promesse non mantenute`),
      overdue: (amount: string, days: number) => `scaduto ${amount} da ${days} gg`,
      noteLabel: "Nota commerciale",
      noPhone: "nessun telefono",
      noAddress: "indirizzo mancante",
      errors: {
        startRequired: "Scegli il primo giorno.",
        endRequired: "Scegli l'ultimo giorno.",
        startPast: "Il giro non può iniziare nel passato.",
        endBeforeStart: "L'ultimo giorno viene prima del primo.",
        tooLong: "Un giro dura al massimo 14 giorni.",
        noBusinessDay: "Tra queste date non c'è nessun giorno lavorativo.",
        areaRequired: "Scrivi almeno una provincia o una città.",
        noCandidates: "In questa zona nessun cliente ha fatture scadute.",
        noneChosen: "Scegli almeno un cliente da visitare.",
        tooMany: (max: number) => `Al massimo ${max} visite per giro.`,
        overlap: (dates: string) => `Hai già un giro aperto in quei giorni (${dates}).`,
      },
    },
    message: {
      title: (area: string, dates: string) => `🚗 Giro di visite · ${area} · ${dates}`,
      text: (area: string, dates: string, collector: string, n: number) =>
        `🚗 Giro di visite ${area} (${dates}) di ${collector}: ${n} ${n === 1 ? "visita" : "visite"}`,
      collector: (who: string) => `Incaricato: ${who}`,
      status: { planned: "in programma", open: "in corso", closed: "chiuso" } as Record<string, string>,
      day: (d: string) => `*${d}*`,
      visited: "✅ visitato",
      skipped: "saltato",
      costs: (total: string) => `Spese registrate: ${total}`,
      noCosts: "Nessuna spesa registrata.",
      addCost: "Spese",
      close: "Chiudi il giro",
      closedAt: (d: string) => `Chiuso ${d}: il debrief è nel thread.`,
      unplanned: "fuori programma",
    },
    planned: (dates: string, n: number) =>
      `🚗 Giro pianificato (${dates}, ${n} ${n === 1 ? "visita" : "visite"}): il programma è nel canale. Durante il giro \`/credito log\` registra le visite; \`/credito giro spese\` le spese; \`/credito giro chiudi\` chiude e scrive il debrief.`,
    noTrip: "Non hai un giro di visite in corso. Pianificane uno con `/credito giro`.",
    notYours: "Solo chi fa il giro o un amministratore può farlo.",
    alreadyClosed: "Questo giro è già chiuso.",
    closing: "⏳ Chiudo il giro e scrivo il debrief…",
    closed: (dates: string) => `✅ Giro ${prep("del", dates)} chiuso: il debrief è nel thread del giro.`,
    cost: {
      title: "Spese del giro",
      submit: "Salva",
      kind: "Tipo di spesa",
      kinds: {
        travel: "Viaggio (treno, aereo, pedaggi)",
        km: "Chilometri (auto propria)",
        hotel: "Albergo",
        meals: "Pasti",
        other: "Altro",
      } as Record<string, string>,
      amount: "Importo (€)",
      amountHint: "Per i chilometri lascia vuoto: conta il rimborso per km.",
      km: "Chilometri",
      kmHint: (rate: string) => `Rimborso ${rate} al km.`,
      date: "Data",
      note: "Nota",
      errors: {
        kindRequired: "Scegli il tipo di spesa.",
        amountRequired: "Scrivi l'importo.",
        amountInvalid: "Importo non valido (es. 85 o 85,50).",
        kmRequired: "Scrivi i chilometri.",
        kmInvalid: "Chilometri non validi (un numero intero da 1 a 5000).",
        dateInvalid: "Data non valida.",
        noteTooLong: "Nota troppo lunga (al massimo 200 caratteri).",
      } as Record<string, string>,
      line: (kind: string, amount: string, date: string, who: string) =>
        `💶 Spesa: ${kind} ${amount} (${date}) · ${who}`,
      kmDetail: (km: number, rate: string) => `${km} km × ${rate}`,
      saved: (kind: string, amount: string, total: string) =>
        `💶 Spesa registrata: ${kind} ${amount}. Totale del giro: ${total}.`,
    },
    debrief: {
      header: (area: string, dates: string) => `🚗 Debrief del giro · ${area} · ${dates}`,
      text: (area: string, dates: string) => `Debrief del giro ${area} (${dates})`,
      sourceAi: "Sintesi scritta dall'AI con i soli dati registrati (nomi, importi e date verificati).",
      sourceDeterministic: "Sintesi automatica dai dati registrati.",
      sourceFallback: "Sintesi automatica: l'AI non ha risposto in tempo o in modo valido.",
      sourceInvented: "Sintesi automatica: il testo dell'AI citava dati che non risultano dai registri.",
      money: (collected: string, promised: string, cost: string) =>
        `*Incassati* ${collected} · *Promessi* ${promised} · *Costo del giro* ${cost}`,
      visits: (visited: number, planned: number) => `Visitati ${visited} clienti su ${planned} in programma.`,
      costDetail: (list: string) => `Spese: ${list}`,
      newNumbers: "📞 Nuovi numeri di telefono",
      newFaces: "🤝 Clienti che ora hanno una faccia (prima visita)",
      financialInfo: "📊 Situazione economico-finanziaria",
      attitudes: "Certezze sull'atteggiamento",
      acknowledgments: "✍️ Riconoscimenti del debito",
      proposals: "✍️ Proposte formali",
      negatives: "⚖️ Casi negativi",
      promises: "⏳ Promesse di pagamento",
      notVisited: "Non visitati",
      none: "nessuno",
      sincerity: (n: number) => `sincerità ${n}/5`,
      signedOn: (kind: string, date: string) => `${kind} ${signedAgreement(kind)} ${prep("il", date)}`,
      settlement: (pay: string, writeOff: string | null) =>
        writeOff ? `saldo e stralcio: paga ${pay}, stralcio ${writeOff}` : `saldo e stralcio: paga ${pay}`,
      settlementNoAmount: "saldo e stralcio",
      restructuring: "piano di risanamento",
      installments: (total: string) => `piano di rientro per ${total}`,
      promiseLine: (amount: string, date: string) => `${amount} ${prep("entro", date)}`,
      pecDrafted: "bozza PEC di riepilogo pronta",
      nextHeader: (date: string) => `*Domani, ${date}, nel riepilogo del mattino:*`,
      next: {
        call_new_number: (n: number) => `📞 ${n} ${n === 1 ? "chiamata" : "chiamate"} ai nuovi numeri`,
        legal: (n: number) => `⚖️ ${n} ${n === 1 ? "pratica" : "pratiche"} al legale (approvazione richiesta)`,
        verify_proposal: (n: number) =>
          `✍️ ${n} ${n === 1 ? "proposta" : "proposte"} da verificare (approvazione del titolare richiesta)`,
        keep_contact: (n: number) => `🤝 ${n} ${n === 1 ? "contatto" : "contatti"} da mantenere`,
      },
      noActions: "Nessuna azione per domani: nessun cliente visitato.",
      caseLine: (area: string, dates: string, date: string, outcome: string, next: string) =>
        `🚗 Visita ${prep("del", date)} (giro ${area}, ${dates}): ${outcome}. Domani: ${next}.`,
      caseNext: {
        call_new_number: (n: string) => `chiamare il nuovo numero ${n}`,
        legal: "passaggio al legale, in attesa di approvazione",
        verify_proposal: "verificare la proposta con il titolare",
        keep_contact: "mantenere il contatto",
      },
    },
    /** what a visit's proposal is called, and the terms it goes to the owner with */
    task: {
      proposalKind: proposalKindsIt,
      approvalTerms: {
        restructuring: (notes: string) => `Piano di risanamento presentato alla visita: ${notes}`,
        installments: (total: string, first: string, last: string) =>
          `Piano di rientro per ${total}, ${prep("dal", first)} ${prep("al", last)}`,
      },
    },
    narrative: {
      opening: (area: string, from: string, to: string, visited: number, planned: number) =>
        from === to
          ? `Giro di visite ${area} ${prep("del", from)}: visitati ${visited} clienti su ${planned}.`
          : `Giro di visite ${area} ${prep("dal", from)} ${prep("al", to)}: visitati ${visited} clienti su ${planned}.`,
      money: (collected: string, promised: string, cost: string) =>
        `Incassati ${collected} e promessi ${promised}, a fronte di un costo di ${cost}.`,
      numbers: (n: number) => (n === 1 ? "1 nuovo numero di telefono" : `${n} nuovi numeri di telefono`),
      faces: (n: number) =>
        n === 1 ? "1 cliente incontrato per la prima volta" : `${n} clienti incontrati per la prima volta`,
      acknowledgments: (n: number) =>
        n === 1 ? "1 riconoscimento del debito firmato" : `${n} riconoscimenti del debito firmati`,
      proposals: (n: number) => (n === 1 ? "1 proposta formale" : `${n} proposte formali`),
      gains: (list: string[]) => `Il giro ha portato ${list.join(", ")}.`,
      negatives: (n: number) =>
        n === 1 ? "1 caso negativo va al legale." : `${n} casi negativi vanno al legale.`,
      noMoneyButInfo: "Poco incasso, ma informazioni da lavorare da domani.",
    },
    pec: {
      ready: (name: string, to: string) =>
        `📨 Bozza PEC di riepilogo per *${name}* (all'indirizzo ${to}): rileggila, poi inviala o copiala.`,
      send: "Invia",
      copy: "Copia",
      subjectLabel: "Oggetto",
      sent: (to: string, when: string) => `✅ PEC inviata all'indirizzo ${to} (${when}).`,
      sentCase: (to: string, who: string) => `📨 PEC di riepilogo inviata all'indirizzo ${to} · ${who}`,
      notConfigured:
        "L'invio PEC non è configurato (CREDITO_PEC_SMTP_URL e CREDITO_PEC_FROM): usa «Copia» e inviala dalla tua casella PEC.",
      failed: (why: string) =>
        `⚠️ Invio PEC non riuscito (${why}): la bozza resta da inviare; riprova o usa «Copia».`,
      alreadySent: "Questa PEC è già stata inviata.",
      copyIntro: "Testo della PEC da copiare:",
      notFound: "Bozza PEC non trovata.",
    },
    usage: {
      syntax: "giro [spese | chiudi]",
      text: "pianifica un giro di visite; `giro spese` registra una spesa, `giro chiudi` chiude il giro con il debrief",
    },
  },
};

/** "Proposta di saldo e stralcio firmata", "Riconoscimento del debito firmato": the participle agrees with the document. */
function signedAgreement(kind: string): string {
  const noun = kind.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  return noun.endsWith("a") ? "firmata" : "firmato";
}
