/** Italian text of `npm run demo` / `credito demo` (issue 18): the script's scenes and the terminal frames. */
export const demoIt = {
  intro: (day: string, customers: number, invoices: number, promises: number, cases: number, file: string) =>
    `Credito · demo di ${day}: ${customers} clienti, ${invoices} fatture, ${promises} promesse, ${cases} pratiche aperte (database ${file}).`,
  callsWritten: (file: string) =>
    `Le chiamate a Slack della demo sono in ${file} (node ../shared/tools/slack-preview.mjs le disegna).`,
  refused: (n: number, detail: string) => `Slack rifiuterebbe ${n} chiamate della demo:\n${detail}`,
  scenes: {
    digest: "08:30 · Credito pubblica nel canale il lavoro del giorno",
    bank: "08:45 · Giulia manda a Credito in privato l'estratto conto CBI del mattino",
    home: "Giulia (amministrazione) apre la scheda Home di Credito",
    today: "Marco (commerciale) scrive /credito oggi",
    help: "Giulia scrive /credito help",
    log: "09:10 · Giulia richiama Ferramenta Tommasi (promessa non mantenuta) e registra l'esito in una riga",
    reminder: "Giulia prepara dal riepilogo un sollecito scritto (Prepara sollecito), lo rilegge e lo invia",
    customer: "Giulia apre la scheda di un cliente: /credito cliente rota",
    approval:
      "Marco prova ad approvare il saldo e stralcio di Caseificio Esposito; poi Roberto (titolare) lo approva",
    summary:
      "Marco e Giulia ne parlano nel thread della pratica Tommasi; poi Marco chiede a Credito: @Credito riassunto",
    report: "Roberto (titolare) scrive /credito report mese del mese scorso: indicatori e grafici nel canale",
    agency:
      "Giulia chiede al titolare il passaggio all'agenzia di Trasporti Vesuviani: la richiesta con i pulsanti, nel thread e in DM a Roberto",
    trip: "17:30 · Luca rientra dal giro di visite (VR, VI, PD): le visite registrate con /credito log",
    debrief: "Luca scrive /credito giro chiudi: il debrief nel thread del giro e le azioni di domani",
    payment:
      "Sette giorni lavorativi dopo: arriva il bonifico di Caseificio Esposito (import dei pagamenti): il saldo e stralcio si chiude",
  },
  /** what the people of the demo type (the one-line log: keywords in the team's language) */
  script: {
    logPromise: (amount: string, date: string) => `log tommasi promessa ${amount} ${date}`,
    promiseAmount: "1.500",
    salesInThread: [
      "Ho visto Andrea Tommasi in fiera: aspetta l'incasso di un cantiere a metà mese,",
      "la promessa di venerdì mi sembra credibile. Trattiamolo bene, è cliente da vent'anni.",
    ],
    adminInThread: [
      "Ok, gli lascio fino a venerdì. Se non arriva niente gli mando la PEC, ma prima ti avviso.",
    ],
    mention: "riassunto",
  },
  frame: {
    dm: (who: string) => `DM a ${who}`,
    inThread: (where: string) => `↳ nel thread (${where})`,
    updated: (channel: string) => `✏️  messaggio aggiornato (#${channel})`,
    onlyFor: (who: string) => `👁  solo per ${who}`,
    onlyYou: "👁  risposta visibile solo a te",
    modal: (title: string) => `🪟 finestra «${title}»`,
    home: (who: string) => `🏠 scheda Home di ${who}`,
    file: "📎 file caricato",
    optional: " (facoltativo)",
    image: "[immagine]",
  },
  mail: {
    header: "📧 Posta in uscita (SMTP della demo)",
    fromTo: (from: string, to: string) => `Da: ${from} · A: ${to}`,
    subject: (s: string) => `Oggetto: ${s}`,
    attachment: (name: string, pages: number, kb: number) =>
      `📎 ${name} (${pages === 1 ? "1 pagina" : `${pages} pagine`}, ${kb} kB)`,
    noReminder: "(nessun sollecito scritto nel riepilogo di oggi)",
    notSent: "(il sollecito non è partito)",
  },
};
