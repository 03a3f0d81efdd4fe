import { isBankStatement } from "../../../bank/read";
import { bankReportLines } from "../../../bank/report";
import type { AppContext } from "../../../context";
import { normalizeForSearch } from "../../../domain/text";
import { messages } from "../../../i18n";
import { postProposals } from "../../../services/bank/bank-decisions";
import { importStatement } from "../../../services/bank/bank-import";

interface Input {
  name: string;
  bytes: Uint8Array;
}

/** mrkdwn sections of at most ~2900 characters (Slack's limit is 3000), 45 at most. */
function sections(lines: readonly string[]): Array<Record<string, unknown>> {
  const blocks: Array<Record<string, unknown>> = [];
  let current = "";
  for (const line of lines) {
    if (current.length + line.length + 1 > 2900) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
      current = "";
    }
    current = current ? `${current}\n${line.slice(0, 2900)}` : line.slice(0, 2900);
  }
  if (current) blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
  return blocks.slice(0, 45);
}

/**
 * Bank statements among the files an admin shared in a DM go to the bank import: the summary in the DM,
 * then the one proposals message with buttons. Returns the other files, for the scadenzario import.
 */
export async function importSharedStatements(
  ctx: AppContext,
  args: { user: string; channel: string; text?: string; fileKey: string },
  inputs: readonly Input[],
): Promise<Input[]> {
  const rest: Input[] = [];
  const t = messages(ctx.config.locale);
  const locale = ctx.config.locale;
  // "prova" / "dry" in the message: a dry run, as for the other imports
  const words = new Set(normalizeForSearch(args.text ?? "").split(" "));
  const dryRun = words.has("prova") || words.has("dry");
  for (const input of inputs) {
    if (!(await isBankStatement(input))) {
      rest.push(input);
      continue;
    }
    const summary = await importStatement(ctx, input, { actor: args.user, channelId: args.channel, dryRun });
    const header = `*${t.bank.slack.done(input.name)}*`;
    const lines = bankReportLines(summary, t, locale, { mrkdwn: true, onlyRelevant: true, maxMovements: 40 });
    const plain = [
      t.bank.slack.done(input.name),
      ...bankReportLines(summary, t, locale, { onlyRelevant: true, maxMovements: 40 }),
    ].join("\n");
    await ctx.outbox.send({
      method: "chat.postMessage",
      channel: args.channel,
      payload: {
        text: plain.length > 3900 ? `${plain.slice(0, 3899)}…` : plain,
        blocks: sections([header, ...lines]),
      },
      dedupeKey: `bank-result:${args.fileKey}:${input.name}`,
    });
    if (summary.importId) await postProposals(ctx, summary.importId);
  }
  return rest;
}
