/** Italian messages of the `credito` command line (issues 13 and 18: which database, what reached Slack, help). Spread into it.ts. */
export const cliIt = {
  cli: {
    database: (path: string) => `Database: ${path}`,
    dbOption:
      "--db file:percorso.db  il database da usare (altrimenti DATABASE_URL, o file:./data/credito.db)",
    waitingSlack: "Aspetto che Slack confermi la consegna…",
    rejected: (n: number, errors: string) =>
      `Slack ha rifiutato ${n === 1 ? "1 messaggio" : `${n} messaggi`}: ${errors}. Non è stato pubblicato.`,
    queuedForBot: (n: number) =>
      `${n === 1 ? "1 messaggio per Slack resta" : `${n} messaggi per Slack restano`} in coda: li consegnerà il bot in esecuzione (npm start).`,
    notDelivered: (n: number, error: string) =>
      `${n === 1 ? "1 messaggio non ancora consegnato" : `${n} messaggi non ancora consegnati`} (${error}): ` +
      "restano in coda e li consegnerà il bot in esecuzione (npm start).",
    queued: "in coda",
    help: {
      intro: "Credito: l'assistente per il recupero crediti. Uso: credito <comando> [opzioni]",
      more: "credito <comando> --help mostra le opzioni di un comando.",
      locale: "--locale it|en  la lingua dei messaggi (altrimenti CREDITO_LOCALE, o it)",
      usage: (usage: string) => `Uso: credito ${usage}`,
      unknownCommand: (name: string) => `comando sconosciuto "${name}"`,
    },
    summary: {
      demo: "azzera il database della demo, avvia il bot vero sul finto Slack incorporato e stampa una mattina di lavoro",
      digest: "calcola il lavoro del giorno; lo pubblica nel canale, o lo stampa (--dry-run, --json)",
      import: "importa scadenzario, clienti, pagamenti (CSV/XLSX) o fatture elettroniche FatturaPA (XML)",
      dossier:
        "scrive il dossier PDF di un cliente per l'agenzia o il legale (interessi di mora del D.Lgs. 231/2002)",
      tassi: "elenca o aggiorna i tassi di riferimento per gli interessi di mora (D.Lgs. 231/2002)",
      report:
        "esporta indicatori, anzianità dei crediti, attività e giri di visite di un periodo in csv, xlsx o json",
      banca:
        "importa gli estratti conto (camt.053/054, CBI, CSV/XLSX dell'home banking): incassi e RiBa insolute",
      solleciti:
        "prepara i solleciti scritti del giorno (email, PEC, lettere) e li manda in revisione nel canale (--dry-run li stampa)",
    },
    usage: {
      demo: "demo [--db file:./data/demo.db]",
      digest: "digest [--date AAAA-MM-GG] [--dry-run] [--json] [--wait secondi] [--db file:…]",
      import:
        'import <file|cartella>... [--kind scadenzario|clienti|pagamenti|fatturapa] [--map "colonna=campo,..."] ' +
        "[--skip-invalid] [--keep-missing] [--dry-run] [--source <nome>] [--db file:…]",
      dossier: "dossier <codice cliente> [--out file.pdf] [--date AAAA-MM-GG] [--db file:…]",
      tassi: "tassi [<semestre: 2026H2 | 2026-07-01> <tasso %: 2,15>] [--db file:…]",
      report:
        "report [--from AAAA-MM-GG --to AAAA-MM-GG | --period mese|settimana] --format csv|xlsx|json [--out file] [--db file:…]",
      banca: "banca <file>... [--dry-run] [--json] [--db file:…]",
      solleciti: "solleciti [--date AAAA-MM-GG] [--dry-run] [--db file:…]",
    },
    importHeaders:
      "Le intestazioni sono riconosciute dai loro nomi italiani abituali (Cliente;Ragione sociale: Cliente è il codice). Nomi dei campi per --map:",
    errors: {
      missingFile: (usage: string) => `manca il file. Uso: credito ${usage}`,
      cannotRead: (path: string) => `non riesco a leggere ${path}: il file non esiste`,
      cannotReadPath: (path: string) => `non riesco a leggere ${path}: il file o la cartella non esiste`,
      noFiles: (paths: string) => `nessun file CSV, XLSX o XML in ${paths}`,
      badKind: (kinds: string, got: string) => `--kind deve essere uno tra ${kinds} (hai scritto "${got}")`,
      badDate: (option: string, value: string, example: string) =>
        `${option}: "${value}" non è una data come ${example}`,
      badWait: (value: string) => `--wait: "${value}" non è un numero di secondi tra 0 e 600`,
      badDb: "--db: indica un file SQLite, per esempio file:./data/credito.db",
      badLocale: (value: string) => `--locale: "${value}" non è una lingua disponibile (it o en)`,
      missingCustomer: (usage: string) => `manca il codice cliente. Uso: credito ${usage}`,
      noCustomer: (code: string) => `nessun cliente con codice "${code}"`,
      badFormat: (got: string) => `--format: serve csv, xlsx o json (hai scritto "${got}")`,
      xlsxNeedsOut: "--format xlsx vuole anche --out <file.xlsx>",
      bothFromTo: "indica sia --from sia --to",
      fromAfterTo: "--from viene dopo --to",
      periodOrRange: "indica --from/--to oppure --period, non entrambi",
      badPeriod: (got: string) => `--period: serve mese o settimana (hai scritto "${got}")`,
      halfYearAndRate: (usage: string) => `servono un semestre e un tasso. Uso: credito ${usage}`,
      badHalfYear: (got: string) => `"${got}" non è un semestre come 2026H2 o 2026-07-01`,
      badRate: (got: string) => `"${got}" non è un tasso in percentuale come 2,15`,
      companyMissing:
        "imposta prima CREDITO_COMPANY_NAME, CREDITO_COMPANY_ADDRESS, CREDITO_COMPANY_VAT e CREDITO_COMPANY_IBAN",
      reviewRefused: "Slack ha rifiutato il messaggio di revisione: vedi il log",
      unknownOption: (option: string) => `opzione sconosciuta '${option}'`,
      missingValue: (option: string) => `l'opzione '${option}' vuole un valore`,
      unexpectedArgument: (arg: string) => `argomento inatteso '${arg}': questo comando non ne prevede`,
      fixSettings: "correggi queste impostazioni:",
    },
    dossierWritten: (file: string, bytes: number) => `${file} (${bytes} byte)`,
    reportWritten: (from: string, to: string, format: string, file: string) =>
      `report dal ${from} al ${to} (${format}) scritto in ${file}`,
    importPhases: {
      read: "lettura",
      customers: "clienti",
      invoices: "fatture",
      payments: "pagamenti",
    },
  },
};
