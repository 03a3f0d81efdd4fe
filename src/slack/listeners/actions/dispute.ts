import type { App, BlockButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { CASE_ACTIONS } from "../../../messages/case";
import { resolveDispute } from "../../../services/cases/disputes";
import { hasRole, resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";

/** "Contestazione risolta" on a case message: admins and sales resume chasing the disputed invoices. */
export function registerDisputeActions(app: App, ctx: AppContext): void {
  app.action<BlockButtonAction>(
    CASE_ACTIONS.resolveDispute,
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const t = messages(ctx.config.locale);
      const reply = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
      const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
      if (!member) return void (await reply(t.errors.notMember));
      if (!hasRole(member, "admin", "sales")) return void (await reply(t.errors.adminOrSalesOnly));
      const customer = await ctx.db.customer.findUnique({ where: { id: Number(action.value) } });
      if (!customer) return;
      const reopened = await resolveDispute(ctx, customer.id, member);
      await reply(reopened > 0 ? t.case.disputeResolved(escapeMrkdwn(customer.name)) : t.case.noDispute);
    },
  );
}
