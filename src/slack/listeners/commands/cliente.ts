import { escapeMrkdwn } from "../../../domain/text";
import { customerChoices } from "../../../messages/customer-card";
import { customerCardMessage, type ReplyTarget, requireMember, type Subcommand, tellUser } from "../kit";

/**
 * `/credito cliente <query>`: the customer's card, ephemeral. Several matches: a list to choose from.
 * Only team members see customer data.
 */
export const clienteSubcommand: Subcommand = {
  name: "cliente",
  aliases: ["customer", "scheda"],
  personal: true,
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
  async run({ ctx, command, args, ack, client, t, locale }) {
    await ack();
    const target: ReplyTarget = {
      userId: command.user_id,
      channelId: command.channel_id,
      responseUrl: command.response_url,
    };
    if (!(await requireMember(ctx, command.user_id, client, target))) return;
    const query = args.trim();
    if (!query) {
      await tellUser(ctx, target, { text: t.log.card.usage });
      return;
    }
    const found = await ctx.services.customers.resolveCustomer(query);
    if (found.kind === "none") await tellUser(ctx, target, { text: t.log.card.noMatch(escapeMrkdwn(query)) });
    else if (found.kind === "many") await tellUser(ctx, target, customerChoices(query, found.hits, t));
    else await tellUser(ctx, target, await customerCardMessage(ctx, client, found.customer.id, locale));
  },
};
