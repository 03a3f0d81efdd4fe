import { today } from "../context";
import { formatDateLong, isIsoDate } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import { groupTasksByKind } from "../domain/tasks";
import { messages } from "../i18n";
import { renderAction, renderReason } from "../i18n/tasks";
import { type CliCommand, CliError, cliMessages, parseCliArgs } from "./command";
import { commandConfig, DB_OPTION } from "./database";

/** How long `credito digest` waits for Slack (Retry-After, 5xx retries) before leaving the rest to the bot. */
const DEFAULT_WAIT_SECONDS = 120;

/** `credito digest`: the same service as the 08:30 job; --dry-run prints, --json prints JSON, else it posts. */
export const digestCommand: CliCommand = {
  name: "digest",
  async run(argv) {
    const { values } = parseCliArgs({
      args: argv,
      options: {
        date: { type: "string" },
        "dry-run": { type: "boolean" },
        json: { type: "boolean" },
        wait: { type: "string" },
        ...DB_OPTION,
      },
      strict: true,
    });
    const e = cliMessages().errors;
    if (values.date !== undefined && !isIsoDate(values.date)) {
      throw new CliError(e.badDate("--date", values.date, "2026-03-02"));
    }
    const waitSeconds = values.wait === undefined ? DEFAULT_WAIT_SECONDS : Number(values.wait);
    if (!Number.isFinite(waitSeconds) || waitSeconds < 0 || waitSeconds > 600)
      throw new CliError(e.badWait(String(values.wait)));
    const offline = Boolean(values["dry-run"] || values.json);
    // imported here, not at the top, so `credito --help` doesn't load them (see src/cli.ts)
    const [{ createAppContext }, { buildDigest, postDigest }] = await Promise.all([
      import("../runtime"),
      import("../services/digest/digest"),
    ]);
    const config = await commandConfig(values.db, { slack: !offline });
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
            reason: renderReason(x.reason, locale),
            assignee: x.assignee ?? null,
            channel: x.channel, // how the contact is made: phone, email, pec, letter, visit, or null
          }));
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        } else {
          const lines = [
            `${t.digest.header(formatDateLong(date, locale))}: ${digest.tasks.length} ${t.digest.tasks.toLowerCase()}`,
          ];
          lines.push(
            `${t.digest.overdue}: ${formatEuro(digest.overdueCents, locale)}${digest.disputedCents ? ` (${t.figures.ofWhichDisputed(formatEuro(digest.disputedCents, locale))})` : ""} · ${t.digest.promisedToday}: ${formatEuro(digest.promisedTodayCents, locale)}`,
          );
          for (const group of groupTasksByKind(digest.tasks)) {
            lines.push("", `${t.digest.kinds[group.kind] ?? group.kind} (${group.tasks.length})`);
            for (const x of group.tasks) {
              const who = x.assignee ? ` · ${x.assignee}` : "";
              const time = x.time ? ` · ${x.time}` : "";
              lines.push(
                `  ${x.customerName} (${x.customerCode}) · ${formatEuro(x.amountCents, locale)} · ${t.digest.days(x.daysOverdue)}${time}${who}`,
              );
              lines.push(`    ${renderReason(x.reason, locale)} → ${renderAction(x.action, locale)}`);
            }
          }
          process.stdout.write(`${lines.join("\n")}\n`);
        }
        return 0;
      }
      const before = await ctx.outbox.lastId();
      const result = await postDigest(ctx, date);
      if (result.status === "skipped") {
        process.stdout.write(`${t.digest.notBusinessDay(formatDateLong(date, locale))}\n`);
        return 0;
      }
      // "pubblicato" only once Slack accepted everything this run queued (issue 13)
      process.stderr.write(`${t.cli.waitingSlack}\n`);
      const settled = await ctx.outbox.settle(before, waitSeconds * 1000);
      if (settled.failed.length > 0) {
        const errors = [...new Set(settled.failed.map((f) => f.error))].join(", ");
        process.stderr.write(`${t.cli.rejected(settled.failed.length, errors)}\n`);
        return 1;
      }
      if (settled.pending.length > 0) {
        const error = settled.pending.find((p) => p.error)?.error ?? t.cli.queued;
        process.stderr.write(`${t.cli.notDelivered(settled.pending.length, error)}\n`);
        return 3;
      }
      process.stdout.write(`${t.digest.postedNow(result.status === "updated", result.tasks.length)}\n`);
      return 0;
    } finally {
      await runtime.stop();
    }
  },
};
