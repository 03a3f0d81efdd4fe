import { messages } from "../i18n";
import type { BankImportSummary } from "../services/bank/bank-import";
import { type CliCommand, CliError, cliMessages, parseCliArgs, usageOf } from "./command";
import { commandConfig, DB_OPTION } from "./database";

/** `credito banca`: imports bank statements, prints each movement with its outcome. */
export const bancaCommand: CliCommand = {
  name: "banca",
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
    const e = cliMessages().errors;
    if (positionals.length === 0) throw new CliError(e.missingFile(usageOf("banca")));
    // imported here, not at the top, so `credito --help` doesn't load them (see src/cli.ts)
    const [{ bankReportLines }, { loadInput }, { createAppContext }, { importStatement }, { postProposals }] =
      await Promise.all([
        import("../bank/report"),
        import("../import/read"),
        import("../runtime"),
        import("../services/bank/bank-import"),
        import("../services/bank/bank-decisions"),
      ]);
    const inputs = [];
    for (const p of positionals) {
      try {
        inputs.push(await loadInput(p));
      } catch {
        throw new CliError(e.cannotRead(p));
      }
    }
    const config = await commandConfig(values.db, { slack: false });
    const t = messages(config.locale);
    const runtime = await createAppContext(config);
    const summaries: BankImportSummary[] = [];
    try {
      for (const input of inputs) {
        // the uncertain movements are proposed in the team channel, with the buttons, as for a file sent in a DM
        const channelId = config.slack.channel || undefined;
        const s = await importStatement(runtime.ctx, input, {
          actor: `banca:${input.name}`,
          dryRun: values["dry-run"],
          channelId,
        });
        summaries.push(s);
        const proposed = s.movements.filter((m) => m.outcome === "proposed").length;
        if (!values["dry-run"] && proposed > 0 && s.importId && channelId)
          await postProposals(runtime.ctx, s.importId);
        if (!values.json) {
          const lines = bankReportLines(s, t, config.locale);
          if (!values["dry-run"] && proposed > 0)
            lines.push(channelId ? t.bank.slack.proposalsQueued(proposed) : t.bank.slack.proposalsNoChannel);
          process.stdout.write(`${lines.join("\n")}\n\n`);
        }
      }
      if (values.json) process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
      // a file that is not a statement (or cannot be read) is the user's mistake: exit 1, the rest was imported
      return summaries.some((s) => s.fileError) ? 1 : 0;
    } finally {
      await runtime.stop();
    }
  },
};
