import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { messages } from "../../../i18n";
import { CARD_ACTIONS } from "../../../messages/customer-card";
import { openCaseLink } from "../../../services/cases/case-link";
import { resolveMember } from "../../../services/team/team";
import { permalinks } from "../../permalinks";
import { displayNames } from "../../users";
import { customerCardMessage } from "../commands/cliente";
import { tellUser } from "./log-outcome";

/**
 * Buttons of `/credito cliente`: show one customer's card from a list of matches; open the case (or, when the
 * card already links to the thread, just acknowledge the link click).
 */
export function registerCustomerCardActions(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${CARD_ACTIONS.show}:`),
    async ({ ack, body, action, client }) => {
      await ack();
      const target = { userId: body.user.id, channelId: body.channel?.id, responseUrl: body.response_url };
      if (!(await resolveMember(ctx.db, body.user.id, displayNames(client))))
        return tellUser(ctx, target, { text: t.errors.notMember });
      await tellUser(ctx, target, await customerCardMessage(ctx, client, Number(action.value)));
    },
  );

  app.action<BlockAction<ButtonAction>>(CARD_ACTIONS.openCase, async ({ ack, body, action, client }) => {
    await ack();
    if (action.url) return; // a link button: Slack opened the thread
    const target = { userId: body.user.id, channelId: body.channel?.id, responseUrl: body.response_url };
    if (!(await resolveMember(ctx.db, body.user.id, displayNames(client))))
      return tellUser(ctx, target, { text: t.errors.notMember });
    const customer = await ctx.db.customer.findUnique({ where: { id: Number(action.value) } });
    if (!customer) return tellUser(ctx, target, { text: t.caseThread.customerGone });
    await tellUser(ctx, target, { text: await openCaseLink(ctx, permalinks(client), customer) });
  });
}
