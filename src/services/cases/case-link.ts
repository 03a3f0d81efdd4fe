import type { AppContext } from "../../context";
import { today } from "../../context";
import { unitOfWork } from "../../db/unit-of-work";
import { escapeMrkdwn } from "../../domain/text";
import { messages } from "../../i18n";
import { ensureCaseThread, openCase } from "./cases";

/** A link to a Slack message, when Slack gives one (the adapter: `permalinks` in slack/permalinks.ts). */
export type PermalinkLookup = (channel: string, ts: string) => Promise<string | undefined>;

/**
 * A link to the customer's case thread for an ephemeral reply. The thread is created when missing; if Slack
 * has not answered within a couple of seconds the reply says it is on its way.
 */
export async function openCaseLink(
  ctx: AppContext,
  permalinkOf: PermalinkLookup,
  customer: { id: number; name: string },
): Promise<string> {
  const t = messages(ctx.config.locale);
  const day = today(ctx);
  const kase = await unitOfWork(ctx, async (tx) => {
    const c = await openCase(tx, customer.id, day);
    await ensureCaseThread(ctx, c.id, day, tx);
    return c;
  });
  const deadline = Date.now() + 2000;
  let thread = kase;
  while (!thread.threadTs && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    thread = await ctx.db.case.findUniqueOrThrow({ where: { id: kase.id } });
  }
  const name = escapeMrkdwn(customer.name);
  if (!thread.threadTs || !thread.channelId) return t.digest.caseWait(name);
  const permalink = await permalinkOf(thread.channelId, thread.threadTs);
  return permalink ? t.digest.caseLink(name, permalink) : t.digest.caseWait(name);
}
