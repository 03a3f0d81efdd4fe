import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { customerCard, customerChoices } from "../../../messages/customer-card";
import { loadCustomerCard, resolveCustomer } from "../../../services/customers/customer-search";
import { resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";
import { type ReplyTarget, tellUser } from "../actions/log-outcome";
import type { Subcommand } from "./subcommand";

/**
 * `/credito cliente <query>`: the customer's card, ephemeral. Several matches: a list to choose from.
 * Only team members see customer data.
 */
export const clienteSubcommand: Subcommand = {
  name: "cliente",
  aliases: ["customer", "scheda"],
  usage: {
    it: {
      syntax: "cliente <nome, codice o P. IVA>",
      text: "la scheda del cliente: posizione, fatture, promesse, contatti",
    },
    en: {
      syntax: "cliente <name, code or VAT no.>",
      text: "the customer's card: position, invoices, promises, contacts",
    },
  },
  async run({ ctx, command, args, ack, client, t }) {
    await ack();
    const target: ReplyTarget = {
      userId: command.user_id,
      channelId: command.channel_id,
      responseUrl: command.response_url,
    };
    const member = await resolveMember(ctx.db, command.user_id, displayNames(client));
    if (!member) {
      await tellUser(ctx, target, { text: t.errors.notMember });
      return;
    }
    const query = args.trim();
    if (!query) {
      await tellUser(ctx, target, { text: t.log.card.usage });
      return;
    }
    const found = await resolveCustomer(ctx.db, query);
    if (found.kind === "none") await tellUser(ctx, target, { text: t.log.card.noMatch(escapeMrkdwn(query)) });
    else if (found.kind === "many") await tellUser(ctx, target, customerChoices(query, found.hits, t));
    else await tellUser(ctx, target, await customerCardMessage(ctx, client, found.customer.id));
  },
};

/** The card message of one customer, with a permalink to its case thread when there is one. */
export async function customerCardMessage(
  ctx: AppContext,
  client: WebClient,
  customerId: number,
): Promise<{ text: string; blocks?: unknown[] }> {
  const t = messages(ctx.config.locale);
  const card = await loadCustomerCard(ctx.db, customerId, today(ctx));
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
  return customerCard(card, t, ctx.config.locale, link);
}
