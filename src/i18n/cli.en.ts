import type { cliIt } from "./cli.it";

/** English messages of the `credito` command line (issues 13 and 18). Spread into en.ts. */
export const cliEn: typeof cliIt = {
  cli: {
    database: (path: string) => `Database: ${path}`,
    dbOption: "--db file:path.db  the database to use (else DATABASE_URL, or file:./data/credito.db)",
    waitingSlack: "Waiting for Slack to confirm delivery…",
    rejected: (n: number, errors: string) =>
      `Slack refused ${n === 1 ? "1 message" : `${n} messages`}: ${errors}. Nothing was posted.`,
    queuedForBot: (n: number) =>
      `${n === 1 ? "1 message for Slack stays" : `${n} messages for Slack stay`} queued: the running bot (npm start) will deliver them.`,
    notDelivered: (n: number, error: string) =>
      `${n === 1 ? "1 message not delivered yet" : `${n} messages not delivered yet`} (${error}): ` +
      "they stay queued and the running bot (npm start) will deliver them.",
    queued: "queued",
    help: {
      intro: "Credito: the credit-collection assistant. Usage: credito <command> [options]",
      more: "credito <command> --help shows the options of a command.",
      locale: "--locale it|en  the language of the messages (else CREDITO_LOCALE, or it)",
      usage: (usage: string) => `Usage: credito ${usage}`,
      unknownCommand: (name: string) => `unknown command "${name}"`,
    },
    summary: {
      demo: "reset the demo database, run the real bot against the built-in Slack stand-in and print a scripted morning",
      digest:
        "compute the day's collection tasks; post them in the channel, or print them (--dry-run, --json)",
      import: "import a scadenzario, customers, payments (CSV/XLSX) or FatturaPA XML invoices",
      dossier:
        "write a customer's dossier PDF for the agency or the lawyer (late interest under D.Lgs. 231/2002)",
      tassi: "list or extend the reference-rate table for late-payment interest (D.Lgs. 231/2002)",
      report:
        "export the collection KPIs, aging, collectors and field trips of a period as csv, xlsx or json",
      banca: "import bank statements (camt.053/054, CBI, home-banking CSV/XLSX): payments, returned RiBa",
      solleciti:
        "prepare the day's written reminders (email, PEC, letters) and post them for review (--dry-run prints)",
    },
    usage: {
      demo: "demo [--db file:./data/demo.db]",
      digest: "digest [--date YYYY-MM-DD] [--dry-run] [--json] [--wait seconds] [--db file:…]",
      import:
        'import <file|folder>... [--kind scadenzario|clienti|pagamenti|fatturapa] [--map "column=field,..."] ' +
        "[--skip-invalid] [--keep-missing] [--dry-run] [--source <name>] [--db file:…]",
      dossier: "dossier <customer code> [--out file.pdf] [--date YYYY-MM-DD] [--db file:…]",
      tassi: "tassi [<half-year: 2026H2 | 2026-07-01> <rate %: 2.15>] [--db file:…]",
      report:
        "report [--from YYYY-MM-DD --to YYYY-MM-DD | --period month|week] --format csv|xlsx|json [--out file] [--db file:…]",
      banca: "banca <file>... [--dry-run] [--json] [--db file:…]",
      solleciti: "solleciti [--date YYYY-MM-DD] [--dry-run] [--db file:…]",
    },
    importHeaders:
      'Headers are recognised by their usual Italian names ("Cliente";"Ragione sociale": "Cliente" is the code). Field names for --map:',
    errors: {
      missingFile: (usage: string) => `missing file. Usage: credito ${usage}`,
      cannotRead: (path: string) => `cannot read ${path}: no such file`,
      cannotReadPath: (path: string) => `cannot read ${path}: no such file or folder`,
      noFiles: (paths: string) => `no CSV, XLSX or XML files in ${paths}`,
      badKind: (kinds: string, got: string) => `--kind must be one of ${kinds} (got "${got}")`,
      badDate: (option: string, value: string, example: string) =>
        `${option}: "${value}" is not a date like ${example}`,
      badWait: (value: string) => `--wait: "${value}" is not a number of seconds between 0 and 600`,
      badDb: "--db: give a SQLite file, e.g. file:./data/credito.db",
      badLocale: (value: string) => `--locale: "${value}" is not an available language (it or en)`,
      missingCustomer: (usage: string) => `missing customer code. Usage: credito ${usage}`,
      noCustomer: (code: string) => `no customer with code "${code}"`,
      badFormat: (got: string) => `--format: expected csv, xlsx or json, got "${got}"`,
      xlsxNeedsOut: "--format xlsx needs --out <file.xlsx>",
      bothFromTo: "give both --from and --to",
      fromAfterTo: "--from is after --to",
      periodOrRange: "give either --from/--to or --period, not both",
      badPeriod: (got: string) => `--period: expected month or week, got "${got}"`,
      halfYearAndRate: (usage: string) => `expected a half-year and a rate. Usage: credito ${usage}`,
      badHalfYear: (got: string) => `"${got}" is not a half-year like 2026H2 or 2026-07-01`,
      badRate: (got: string) => `"${got}" is not a rate in percent like 2.15`,
      companyMissing:
        "set CREDITO_COMPANY_NAME, CREDITO_COMPANY_ADDRESS, CREDITO_COMPANY_VAT and CREDITO_COMPANY_IBAN first",
      reviewRefused: "Slack refused the review message; see the log",
      unknownOption: (option: string) => `Unknown option '${option}'`,
      missingValue: (option: string) => `option '${option}' needs a value`,
      unexpectedArgument: (arg: string) => `unexpected argument '${arg}': this command takes none`,
      fixSettings: "fix these settings:",
    },
    dossierWritten: (file: string, bytes: number) => `${file} (${bytes} bytes)`,
    reportWritten: (from: string, to: string, format: string, file: string) =>
      `report ${from}..${to} (${format}) written to ${file}`,
    importPhases: { read: "reading", customers: "customers", invoices: "invoices", payments: "payments" },
  },
};
