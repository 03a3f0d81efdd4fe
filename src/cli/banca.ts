import { bankReportLines } from "../bank/report";
import { loadConfig } from "../config";
import { messages } from "../i18n";
import { loadInput } from "../import/read";
import { createRuntime } from "../runtime";
import { type BankImportSummary, importStatement } from "../services/bank-import";
import { type CliCommand, CliError, parseCliArgs } from "./command";

/** `credito banca`: imports bank statements, prints each movement with its outcome. */
export const bancaCommand: CliCommand = {
  name: "banca",
  summary: "imports bank statements (camt.053/054, CBI, home-banking CSV/XLSX): payments, returned RiBa",
  usage: "banca <file>... [--dry-run] [--json] [--db <database url>]",
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        db: { type: "string" },
      },
    });
    if (positionals.length === 0) throw new CliError(`missing file. Usage: credito ${bancaCommand.usage}`);
    const inputs = [];
    for (const p of positionals) {
      try {
        inputs.push(await loadInput(p));
      } catch {
        throw new CliError(`cannot read ${p}: no such file`);
      }
    }
    const env = values.db ? { ...process.env, DATABASE_URL: values.db } : process.env;
    const config = loadConfig(env, { slack: false });
    const t = messages(config.locale);
    const runtime = await createRuntime(config);
    const summaries: BankImportSummary[] = [];
    try {
      for (const input of inputs) {
        const s = await importStatement(runtime.ctx, input, {
          actor: `banca:${input.name}`,
          dryRun: values["dry-run"],
        });
        summaries.push(s);
        if (!values.json) process.stdout.write(`${bankReportLines(s, t, config.locale).join("\n")}\n\n`);
      }
      if (values.json) process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
      // a file that is not a statement (or cannot be read) is the user's mistake: exit 1, the rest was imported
      return summaries.some((s) => s.fileError) ? 1 : 0;
    } finally {
      await runtime.stop();
    }
  },
};
