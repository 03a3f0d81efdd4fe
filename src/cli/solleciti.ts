import { today } from "../context";
import { isIsoDate } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import { reminderMessages } from "../i18n/reminders";
import { type CliCommand, CliError, cliMessages, parseCliArgs } from "./command";
import { commandConfig, DB_OPTION } from "./database";

/**
 * `credito solleciti`: drafts every written cadence step due that day and posts one review message in the
 * channel ("Invia tutti"); --dry-run prints what it would prepare and changes nothing.
 */
export const sollecitiCommand: CliCommand = {
  name: "solleciti",
  async run(argv) {
    const { values } = parseCliArgs({
      args: argv,
      options: { date: { type: "string" }, "dry-run": { type: "boolean" }, ...DB_OPTION },
      strict: true,
    });
    const e = cliMessages().errors;
    if (values.date !== undefined && !isIsoDate(values.date))
      throw new CliError(e.badDate("--date", values.date, "2026-03-02"));
    const dryRun = Boolean(values["dry-run"]);
    // imported here, not at the top, so `credito --help` doesn't load them (see src/cli.ts)
    const [{ createAppContext }, { mailOutbox, prepareDay }] = await Promise.all([
      import("../runtime"),
      import("../reminders/service"),
    ]);
    const config = await commandConfig(values.db, { slack: !dryRun });
    if (!config.company) throw new CliError(e.companyMissing);
    const runtime = await createAppContext(config);
    try {
      const ctx = runtime.ctx;
      const t = reminderMessages(config.locale);
      const day = values.date ?? today(ctx);
      const result = await prepareDay(ctx, day, { dryRun });
      const lines = [`${t.batch.header(result.prepared.length)} (${day}, ${config.databaseUrl})`];
      for (const p of result.prepared)
        lines.push(
          `  ${p.customerName} · ${t.step[p.step]} · ${t.medium[p.medium]} · ${formatEuro(p.totalCents, config.locale)}${p.needsApproval ? ` · ${t.batch.waitsApproval}` : ""}`,
        );
      for (const s of result.skipped) lines.push(`  - ${s.reason}`);
      if (result.autoSent > 0) lines.push(t.batch.autoSent(result.autoSent));
      if (result.prepared.length === 0 && result.autoSent === 0) lines.push(t.batch.none);
      if (!dryRun) {
        await ctx.outbox.idle(120_000);
        await mailOutbox(ctx).idle(120_000);
        const failed = await ctx.db.outboxMessage.count({
          where: { status: "failed", dedupeKey: `reminder-batch:${day}` },
        });
        if (failed > 0) {
          process.stdout.write(`${lines.join("\n")}\n`);
          process.stderr.write(`credito: ${e.reviewRefused}\n`);
          return 1;
        }
      }
      process.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    } finally {
      await runtime.stop();
    }
  },
};
