import { parseArgs } from "node:util";
import { today } from "../context";
import { formatDateLong, isIsoDate } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import { groupTasksByKind } from "../domain/tasks";
import { messages } from "../i18n";
import { type CliCommand, CliError } from "./command";

/** `credito digest`: the same service as the 08:30 job; --dry-run prints, --json prints JSON, else it posts. */
export const digestCommand: CliCommand = {
  name: "digest",
  summary: "compute the day's collection tasks; post them in the channel, or print them (--dry-run, --json)",
  usage: "digest [--date YYYY-MM-DD] [--dry-run] [--json]",
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { date: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
      strict: true,
    });
    if (values.date !== undefined && !isIsoDate(values.date)) {
      throw new CliError(`--date: "${values.date}" is not a date like 2026-03-02`);
    }
    const offline = Boolean(values["dry-run"] || values.json);
    // imported here, not at the top, so `credito --help` doesn't load them (see src/cli.ts)
    const [{ loadConfig }, { createAppContext }, { buildDigest, postDigest }] = await Promise.all([
      import("../config"),
      import("../runtime"),
      import("../services/digest"),
    ]);
    const config = loadConfig(process.env, { slack: !offline });
    const runtime = await createAppContext(config);
    try {
      const ctx = runtime.ctx;
      const date = values.date ?? today(ctx);
      const locale = config.locale;
      const t = messages(locale);
      if (offline) {
        const digest = await buildDigest(ctx, date);
        if (values.json) {
          const rows = digest.tasks.map((x) => ({
            kind: x.kind,
            customerCode: x.customerCode,
            customerName: x.customerName,
            amountCents: x.amountCents,
            daysOverdue: x.daysOverdue,
            reason: x.reason,
            assignee: x.assignee ?? null,
            channel: x.channel, // how the contact is made: phone, email, pec, letter, visit, or null
          }));
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        } else {
          const lines = [
            `${t.digest.header(formatDateLong(date, locale))}: ${digest.tasks.length} ${t.digest.tasks.toLowerCase()}`,
          ];
          lines.push(
            `${t.digest.overdue}: ${formatEuro(digest.overdueCents, locale)} · ${t.digest.promisedToday}: ${formatEuro(digest.promisedTodayCents, locale)}`,
          );
          for (const group of groupTasksByKind(digest.tasks)) {
            lines.push("", `${t.digest.kinds[group.kind] ?? group.kind} (${group.tasks.length})`);
            for (const x of group.tasks) {
              const who = x.assignee ? ` · ${x.assignee}` : "";
              const time = x.time ? ` · ${x.time}` : "";
              lines.push(
                `  ${x.customerName} (${x.customerCode}) · ${formatEuro(x.amountCents, locale)} · ${x.daysOverdue} gg${time}${who}`,
              );
              lines.push(`    ${x.reason} → ${x.action}`);
            }
          }
          process.stdout.write(`${lines.join("\n")}\n`);
        }
        return 0;
      }
      const result = await postDigest(ctx, date);
      if (result.status === "skipped") {
        process.stdout.write(`${t.digest.notBusinessDay(formatDateLong(date, locale))}\n`);
        return 0;
      }
      await ctx.outbox.idle(60_000);
      const failed = await ctx.db.outboxMessage.count({
        where: { status: "failed", dedupeKey: { startsWith: `digest:${date}:` } },
      });
      process.stdout.write(`${t.digest.postedNow(result.status === "updated", result.tasks.length)}\n`);
      return failed > 0 ? 1 : 0;
    } finally {
      await runtime.stop();
    }
  },
};
