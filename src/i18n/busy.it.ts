/** Italian messages of a busy database (issue 19): what a collector hears when a write has to wait. */
export const busyIt = {
  /** the submission could not even be kept: the modal stays open with this under the first input */
  notKept:
    "Il database è occupato in questo momento e non ho potuto salvare. Quello che hai scritto è ancora qui: riprova tra qualche secondo.",
  /** a click that could not be kept */
  clickNotKept:
    "Il database è occupato in questo momento: il clic non è stato registrato. Riprova tra qualche secondo.",
  /** kept, being recorded (the database is busy), by kind of submission */
  saving: {
    log: "Salvato: l'esito è al sicuro e lo sto registrando. Ti scrivo appena è fatto.",
    approval: "Salvata: la tua decisione è al sicuro e la sto registrando. Ti scrivo appena è fatto.",
    note: "Salvata: la nota è al sicuro e la sto registrando. Ti scrivo appena è fatto.",
  } as Record<string, string>,
  what: { log: "l'esito", approval: "la tua decisione", note: "la nota" } as Record<string, string>,
  /** applied later than usual */
  noteSaved: "Nota registrata.",
  approvalRecorded: "Decisione registrata.",
  /** kept but it could not be applied (not a busy database: something else is wrong) */
  failed: (what: string, detail: string) =>
    `Non riesco a registrare ${what}, ma non va perso: resta tra gli inserimenti in sospeso, che l'amministratore può recuperare. Dettaglio: ${detail}`,
  yourText: (text: string) => `Quello che avevi scritto: ${text}`,
};
