import { writeFile } from "node:fs/promises";
import { systemClock, today } from "../context";
import { isIsoDate } from "../domain/calendar";
import { messages } from "../i18n";
import { type CliCommand, CliError, parseCliArgs } from "./command";
import { commandConfig, DB_OPTION } from "./database";

/**
 * `credito dossier <customer code> [--out file.pdf] [--date YYYY-MM-DD]`: writes the same PDF the
 * /credito dossier command uploads to the case thread (interest computed up to --date, default today).
 */
export const dossierCommand: CliCommand = {
  name: "dossier",
  summary:
    "write a customer's dossier PDF for the agency or the lawyer (late interest under D.Lgs. 231/2002)",
  usage: "dossier <customer code> [--out file.pdf] [--date YYYY-MM-DD] [--db file:…]",
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      options: { out: { type: "string", short: "o" }, date: { type: "string" }, ...DB_OPTION },
      allowPositionals: true,
      strict: true,
    });
    const code = positionals.join(" ").trim();
    if (!code) throw new CliError(`missing customer code. Usage: credito ${dossierCommand.usage}`);
    if (values.date !== undefined && !isIsoDate(values.date)) {
      throw new CliError(`--date: "${values.date}" is not a date like 2026-03-02`);
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
      if (!customer) throw new CliError(`no customer with code "${code}"`);
      const day = values.date ?? today({ clock: systemClock, config });
      const data = await dossierData(db, customer.id, day);
      const pdf = await renderDossierPdf(data, messages(config.locale), config.locale);
      const out = values.out ?? dossierFileName(customer.code, day);
      await writeFile(out, pdf);
      process.stdout.write(`${out} (${pdf.length} bytes)\n`);
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
};
