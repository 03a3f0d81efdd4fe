import { writeFile } from "node:fs/promises";
import { systemClock, today } from "../context";
import { isIsoDate } from "../domain/calendar";
import { messages } from "../i18n";
import { type CliCommand, CliError, cliMessages, parseCliArgs, usageOf } from "./command";
import { commandConfig, DB_OPTION } from "./database";

/**
 * `credito dossier <customer code> [--out file.pdf] [--date YYYY-MM-DD]`: writes the same PDF the
 * /credito dossier command uploads to the case thread (interest computed up to --date, default today).
 */
export const dossierCommand: CliCommand = {
  name: "dossier",
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      options: { out: { type: "string", short: "o" }, date: { type: "string" }, ...DB_OPTION },
      allowPositionals: true,
      strict: true,
    });
    const code = positionals.join(" ").trim();
    const e = cliMessages().errors;
    if (!code) throw new CliError(e.missingCustomer(usageOf("dossier")));
    if (values.date !== undefined && !isIsoDate(values.date)) {
      throw new CliError(e.badDate("--date", values.date, "2026-03-02"));
    }
    // imported here, not at the top, so `credito --help` doesn't load them (see src/cli.ts)
    const [{ openDb }, { dossierData, dossierFileName }, { renderDossierPdf }] = await Promise.all([
      import("../db/client"),
      import("../services/cases/dossier"),
      import("../services/cases/dossier-pdf"),
    ]);
    const config = await commandConfig(values.db, { slack: false });
    const db = await openDb(config.databaseUrl);
    try {
      const customer = await db.customer.findUnique({ where: { code } });
      if (!customer) throw new CliError(e.noCustomer(code));
      const day = values.date ?? today({ clock: systemClock, config });
      const data = await dossierData(db, customer.id, day, config.timeZone);
      // the dossier goes to the agency or the lawyer: the company's language (issue 18)
      const pdf = await renderDossierPdf(data, messages(config.companyLocale), config.companyLocale);
      const out = values.out ?? dossierFileName(customer.code, day);
      await writeFile(out, pdf);
      process.stdout.write(`${cliMessages().dossierWritten(out, pdf.length)}\n`);
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
};
