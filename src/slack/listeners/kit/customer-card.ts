import type { WebClient } from "@slack/web-api";
import { today } from "../../../context";
import { type Locale, messages } from "../../../i18n";
import { customerCard } from "../../../messages/customer-card";
import type { ListenerContext } from "./context";

/** The card message of one customer, with a permalink to its case thread when there is one. */
export async function customerCardMessage(
  ctx: ListenerContext,
  client: WebClient,
  customerId: number,
  locale: Locale = ctx.config.locale,
): Promise<{ text: string; blocks?: unknown[] }> {
  const t = messages(locale);
  const card = await ctx.services.customers.loadCustomerCard(customerId, today(ctx));
  if (!card) return { text: t.caseThread.customerGone };
  let link: string | undefined;
  const c = card.openCase;
  if (c?.channelId && c.threadTs) {
    try {
      link = (await client.chat.getPermalink({ channel: c.channelId, message_ts: c.threadTs })).permalink;
    } catch {
      link = undefined;
    }
    link ??= `https://slack.com/archives/${c.channelId}/p${c.threadTs.replace(".", "")}`;
  }
  return customerCard(card, t, locale, link);
}
