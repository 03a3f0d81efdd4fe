import { today } from "../context";
import { messages } from "../i18n";
import { ColumnMapError, mapFieldNames, parseColumnMap } from "../import/headers";
import { importReportLines } from "../import/report";
import { IMPORT_KINDS, type ImportKind } from "../import/types";
import { type CliCommand, CliError, cliLocale, cliMessages, parseCliArgs, usageOf } from "./command";
import { commandConfig, DB_OPTION } from "./database";

/** Progress on stderr, at most twice a second: a rewritten line on a terminal, plain lines otherwise. */
function progressPrinter(stream: NodeJS.WriteStream): {
  report: (p: { phase: string; done: number; total: number }) => void;
  end: () => void;
} {
  let last = 0;
  let shown = false;
  return {
    report({ phase, done, total }) {
      const now = Date.now();
      if (now - last < 500 || total < 2000) return;
      last = now;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
      const phases: Record<string, string> = cliMessages().importPhases;
      const line = `${phases[phase] ?? phase}: ${done}/${total} (${pct}%)`;
      if (stream.isTTY) stream.write(`\r${line.padEnd(60)}`);
      else stream.write(`${line}\n`);
      shown = true;
    },
    end() {
      if (shown && stream.isTTY) stream.write("\n");
    },
  };
}

export const importCommand: CliCommand = {
  name: "import",
  details: (t) =>
    [
      t.importHeaders,
      ...(["scadenzario", "clienti", "pagamenti"] as const).map(
        (k) => `  ${k}: ${mapFieldNames(k).join(", ")}`,
      ),
    ].join("\n"),
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        kind: { type: "string" },
        map: { type: "string" },
        source: { type: "string" },
        "skip-invalid": { type: "boolean", default: false },
        "keep-missing": { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
        ...DB_OPTION,
      },
    });
    const e = cliMessages().errors;
    if (positionals.length === 0) throw new CliError(e.missingFile(usageOf("import")));
    const kind = values.kind as ImportKind | undefined;
    if (kind && !IMPORT_KINDS.includes(kind)) {
      throw new CliError(e.badKind(IMPORT_KINDS.join(", "), kind));
    }
    let map: Map<string, never> | ReturnType<typeof parseColumnMap>;
    try {
      map = parseColumnMap(values.map);
    } catch (err) {
      if (err instanceof ColumnMapError)
        throw new CliError(messages(cliLocale()).import.reason.badMap!(err.entry));
      throw err;
    }
    // imported here, not at the top, so `credito --help` doesn't load them (see src/cli.ts)
    const [{ expandPaths, loadInput }, { createAppContext }, { closeSettledCases }, { importFiles }] =
      await Promise.all([
        import("../import/read"),
        import("../runtime"),
        import("../services/cases/case-lifecycle"),
        import("../services/imports/import"),
      ]);
    let paths: string[];
    try {
      paths = await expandPaths(positionals);
    } catch (err) {
      throw new CliError(e.cannotReadPath((err as { path?: string }).path ?? positionals.join(" ")));
    }
    if (paths.length === 0) throw new CliError(e.noFiles(positionals.join(" ")));
    const config = await commandConfig(values.db, { slack: false });
    const t = messages(config.locale);
    const inputs = await Promise.all(paths.map(loadInput));
    const runtime = await createAppContext(config);
    const before = await runtime.ctx.outbox.lastId();
    const progress = progressPrinter(process.stderr);
    try {
      const names = inputs.map((i) => i.name).join(",");
      const summary = await importFiles(
        runtime.ctx,
        inputs,
        { kind, map },
        {
          actor: `import:${names.length > 200 ? `${names.slice(0, 199)}…` : names}`,
          skipInvalid: values["skip-invalid"],
          keepMissing: values["keep-missing"],
          dryRun: values["dry-run"],
          source: values.source,
          onProgress: progress.report,
        },
      );
      progress.end();
      const lines = importReportLines(summary, t, config.locale, { maxIssues: 200 });
      process.stdout.write(`${lines.join("\n")}\n`);
      // paid customers' cases close; their thread lines go out when the bot runs (it polls the outbox)
      if (summary.written && !summary.dryRun) await closeSettledCases(runtime.ctx, today(runtime.ctx));
      // the import posts nothing itself: say what it left for the bot, rather than let it seem delivered
      const queued = await runtime.ctx.db.outboxMessage.count({
        where: { id: { gt: before }, status: "pending" },
      });
      if (queued > 0) process.stderr.write(`${t.cli.queuedForBot(queued)}\n`);
      return summary.rejected ? 1 : 0;
    } finally {
      await runtime.stop();
    }
  },
};
