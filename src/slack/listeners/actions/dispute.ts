import type { App, BlockButtonAction } from "@slack/bolt";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { CASE_ACTIONS } from "../../../messages/case";
import { hasRole } from "../../../services/team/team";
import type { ListenerContext } from "../kit";

/** "Contestazione risolta" on a case message: admins and sales resume chasing the disputed invoices. */
export function registerDisputeActions(app: App, ctx: ListenerContext): void {
  app.action<BlockButtonAction>(
    CASE_ACTIONS.resolveDispute,
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const t = messages(ctx.config.locale);
      const reply = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
      const member = await ctx.services.team.resolveMember(body.user.id, client);
      if (!member) return void (await reply(t.errors.notMember));
      if (!hasRole(member, "admin", "sales")) return void (await reply(t.errors.adminOrSalesOnly));
      const customer = await ctx.services.customers.byId(Number(action.value));
      if (!customer) return;
      const reopened = await ctx.services.cases.resolveDispute(customer.id, member);
      await reply(reopened > 0 ? t.case.disputeResolved(escapeMrkdwn(customer.name)) : t.case.noDispute);
    },
  );
}
