import type { App, BlockButtonAction } from "@slack/bolt";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { CASE_ACTIONS } from "../../../messages/case";
import { type ListenerContext, requireMember } from "../kit";

/** "Contestazione risolta" on a case message: admins and sales resume chasing the disputed invoices. */
export function registerDisputeActions(app: App, ctx: ListenerContext): void {
  app.action<BlockButtonAction>(
    CASE_ACTIONS.resolveDispute,
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const t = messages(ctx.config.locale);
      const reply = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
      const member = await requireMember(ctx, body.user.id, client, reply, {
        roles: ["admin", "sales"],
        refusal: t.errors.adminOrSalesOnly,
      });
      if (!member) return;
      const customer = await ctx.services.customers.byId(Number(action.value));
      if (!customer) return;
      const reopened = await ctx.services.cases.resolveDispute(customer.id, member);
      await reply(reopened > 0 ? t.case.disputeResolved(escapeMrkdwn(customer.name)) : t.case.noDispute);
    },
  );
}
