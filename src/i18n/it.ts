/** Italian messages (the default). en.ts must provide the same keys. */
export const it = {
  help: {
    title: "Credito: i comandi",
    intro: "Scrivi `/credito` seguito da un comando:",
    unknown: (cmd: string) => `Non conosco il comando \`${cmd}\`.`,
    footer: "Il riepilogo del mattino arriva nel canale ogni giorno lavorativo.",
  },
  home: {
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
    agency: "Agenzia",
    legal: "Legale",
    closed: "Chiusa",
  } as Record<string, string>,
  promiseStatus: {
    open: "aperta",
    kept: "mantenuta",
    partial: "mantenuta in parte",
    broken: "non mantenuta",
    cancelled: "annullata",
  } as Record<string, string>,
  errors: {
    generic: "Qualcosa è andato storto: riprova tra poco. Se succede ancora, avvisa l'amministratore.",
    notMember: "Non fai parte del team di Credito. Chiedi a un amministratore di aggiungerti con `/credito team`.",
  },
};

export type Messages = typeof it;
