import type { App } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { messages } from "../../../i18n";
import { BANK_ACTIONS, BANK_CHOOSE_CALLBACK } from "../../../messages/bank";
import {
  decideMovement,
  findInvoicesByNumbers,
  refreshProposals,
} from "../../../services/bank/bank-decisions";
import { hasRole, resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";

type Values = Record<
  string,
  Record<string, { selected_option?: { value: string } | null; value?: string | null }>
>;

/** The "choose another customer or invoice" modal: checked inline (customer, invoices of that customer), then recorded. */
export function registerBankViews(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);
  app.view(BANK_CHOOSE_CALLBACK, async ({ ack, view, body, client }) => {
    const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
    if (!hasRole(member, "admin")) {
      await ack({ response_action: "errors", errors: { customer: t.bank.slack.adminOnly } });
      return;
    }
    const values = view.state.values as Values;
    const customerId = Number(values.customer?.[BANK_ACTIONS.customer]?.selected_option?.value ?? Number.NaN);
    const customer = Number.isInteger(customerId)
      ? await ctx.db.customer.findUnique({ where: { id: customerId }, select: { id: true } })
      : null;
    if (!customer) {
      await ack({ response_action: "errors", errors: { customer: t.bank.slack.pickCustomer } });
      return;
    }
    const movementId = Number(view.private_metadata);
    const mv = await ctx.db.bankMovement.findUnique({ where: { id: movementId } });
    if (mv?.outcome !== "proposed") {
      await ack({ response_action: "errors", errors: { customer: t.bank.slack.alreadyDecided } });
      return;
    }
    const typed = values.invoices?.[BANK_ACTIONS.invoices]?.value ?? "";
    const found = await findInvoicesByNumbers(ctx, customer.id, typed, mv.amountCents < 0);
    if (found.missing.length > 0) {
      await ack({
        response_action: "errors",
        errors: { invoices: t.bank.slack.unknownInvoices(found.missing.join(", ")) },
      });
      return;
    }
    await ack();
    const result = await decideMovement(
      ctx,
      movementId,
      { type: "choose", customerId: customer.id, invoiceIds: found.ids },
      body.user.id,
    );
    if (result.ok) await refreshProposals(ctx, result.importId);
  });
}
