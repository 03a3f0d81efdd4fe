import { messages } from "../i18n";
import type { BankImportSummary } from "../services/bank-import";
import { type CliCommand, CliError, parseCliArgs } from "./command";
import { commandConfig, DB_OPTION } from "./database";

/** `credito banca`: imports bank statements, prints each movement with its outcome. */
export const bancaCommand: CliCommand = {
  name: "banca",
  summary: "imports bank statements (camt.053/054, CBI, home-banking CSV/XLSX): payments, returned RiBa",
  usage: "banca <file>... [--dry-run] [--json] [--db file:…]",
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        ...DB_OPTION,
      },
    });
    if (positionals.length === 0) throw new CliError(`missing file. Usage: credito ${bancaCommand.usage}`);
    // imported here, not at the top, so `credito --help` doesn't load them (see src/cli.ts)
    const [{ bankReportLines }, { loadInput }, { createAppContext }, { importStatement }] = await Promise.all(
      [
        import("../bank/report"),
        import("../import/read"),
        import("../runtime"),
        import("../services/bank-import"),
      ],
    );
    const inputs = [];
    for (const p of positionals) {
      try {
        inputs.push(await loadInput(p));
      } catch {
        throw new CliError(`cannot read ${p}: no such file`);
      }
    }
    const config = await commandConfig(values.db, { slack: false });
    const t = messages(config.locale);
    const runtime = await createAppContext(config);
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
