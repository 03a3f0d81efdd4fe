import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { messages } from "../../../i18n";
import { CARD_ACTIONS } from "../../../messages/customer-card";
import { permalinks } from "../../permalinks";
import { personalLocale } from "../../user-locale";
import { customerCardMessage, type ListenerContext, requireMember, targetOf, tellUser } from "../kit";

/**
 * Buttons of `/credito cliente`: show one customer's card from a list of matches; open the case (or, when the
 * card already links to the thread, just acknowledge the link click).
 */
export function registerCustomerCardActions(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${CARD_ACTIONS.show}:`),
    async ({ ack, body, action, client }) => {
      await ack();
      const target = targetOf(body);
      if (!(await requireMember(ctx, body.user.id, client, target))) return;
      // chosen from the list `/credito cliente` gave: the same language as that list
      const locale = await personalLocale(ctx.config, client, body.user.id);
      await tellUser(ctx, target, await customerCardMessage(ctx, client, Number(action.value), locale));
    },
  );

  app.action<BlockAction<ButtonAction>>(CARD_ACTIONS.openCase, async ({ ack, body, action, client }) => {
    await ack();
    if (action.url) return; // a link button: Slack opened the thread
    const target = targetOf(body);
    if (!(await requireMember(ctx, body.user.id, client, target))) return;
    const customer = await ctx.services.customers.byId(Number(action.value));
    if (!customer) return tellUser(ctx, target, { text: t.caseThread.customerGone });
    await tellUser(ctx, target, {
      text: await ctx.services.cases.openCaseLink(permalinks(client), customer),
    });
  });
}
