/**
 * Italian messages of the settings check at start-up (issue 18): one line per wrong setting. The rules' keys
 * are the messages src/config.ts gives zod. Not spread into it.ts: config.ts loads only this pair.
 */
export const configIt = {
  cannotStart: "Credito non può partire: correggi queste impostazioni (vedi il README, «Impostazioni»):",
  got: (given: string) => `hai scritto "${given}"`,
  missing: "manca (obbligatoria)",
  missingSigningSecret: "manca (obbligatoria in modalità HTTP, cioè quando SLACK_APP_TOKEN non è impostato)",
  companyTogether: "manca (i dati dell'azienda vanno indicati tutti insieme)",
  recontactOrder: "non deve superare CREDITO_RECONTACT_MAX_DAYS",
  notADay: (day: string) => `${day} non è un giorno dell'anno (MM-GG)`,
  wholeNumber: "deve essere un numero intero",
  number: "deve essere un numero",
  atLeast: (n: string) => `deve essere almeno ${n}`,
  atMost: (n: string) => `deve essere al massimo ${n}`,
  oneOf: (values: string) => `deve essere uno tra ${values}`,
  invalid: "valore non valido",
  /** the letters' signature when CREDITO_COMPANY_SIGNATURE is not set (in the company's language) */
  defaultSignature: "Ufficio crediti",
  cadence: {
    empty: "la tabella dei solleciti è vuota",
    badStep: (item: string) => `passo non valido: "${item}" (atteso giorni:canale, es. 7:email)`,
    dayBelowOne: (item: string) => `passo "${item}": i giorni devono essere almeno 1`,
    notIncreasing: (item: string) => `passo "${item}": i giorni devono essere crescenti`,
  },
  rules: {
    cron: "serve un'espressione cron come '30 8 * * 1-5'",
    timeZone: "fuso orario sconosciuto",
    smtpUrl: "deve essere un URL SMTP come smtps://utente:password@smtp.esempio.it:465",
    imapUrl: "deve essere un URL IMAP come imaps://utente:password@imap.pec.esempio.it:993",
    botToken: "deve essere un token del bot che inizia con xoxb-",
    appToken: "deve essere un token dell'app che inizia con xapp-",
    url: "deve essere un URL",
    apiUrl: "deve finire con /api/",
    port: "deve essere un numero di porta",
    databaseUrl:
      "deve essere un URL SQLite come file:./data/credito.db o un URL PostgreSQL come postgresql://utente@host/db",
    channel: "deve essere l'id di un canale Slack come C0123ABCD",
    days: "deve essere un numero di giorni",
    holidays: "date MM-GG separate da virgole, es. 06-24 per il santo patrono",
    companyName: "deve essere la ragione sociale dell'azienda, es. Rossi Forniture S.r.l.",
    companyAddress: "deve essere l'indirizzo della sede legale",
    companyVat: "deve essere una partita IVA italiana: 11 cifre, eventualmente precedute da IT",
    iban: "deve essere un IBAN valido (le cifre di controllo non tornano)",
    mailFrom: "deve essere l'indirizzo email del mittente",
    pecFrom: "deve essere l'indirizzo PEC del mittente",
    trueFalse: "deve essere true o false",
    instanceId: "lettere, cifre, . : _ - (al massimo 64)",
    signature: "deve essere la firma delle lettere, es. Ufficio crediti",
  },
};
