import type { App } from "@slack/bolt";
import { messages } from "../../../i18n";
import { BANK_ACTIONS, BANK_CHOOSE_CALLBACK } from "../../../messages/bank";
import { type ListenerContext, requireMember } from "../kit";

type Values = Record<
  string,
  Record<string, { selected_option?: { value: string } | null; value?: string | null }>
>;

/** The "choose another customer or invoice" modal: checked inline (customer, invoices of that customer), then recorded. */
export function registerBankViews(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  app.view(BANK_CHOOSE_CALLBACK, async ({ ack, view, body, client }) => {
    const refuse = (text: string) => ack({ response_action: "errors", errors: { customer: text } });
    const admin = {
      roles: ["admin"] as const,
      refusal: t.bank.slack.adminOnly,
      outsiders: "refusal" as const,
    };
    if (!(await requireMember(ctx, body.user.id, client, refuse, admin))) return;
    const values = view.state.values as Values;
    const customerId = Number(values.customer?.[BANK_ACTIONS.customer]?.selected_option?.value ?? Number.NaN);
    const customer = Number.isInteger(customerId) ? await ctx.services.customers.byId(customerId) : null;
    if (!customer) {
      await ack({ response_action: "errors", errors: { customer: t.bank.slack.pickCustomer } });
      return;
    }
    const movementId = Number(view.private_metadata);
    const mv = await ctx.services.bank.movementById(movementId);
    if (mv?.outcome !== "proposed") {
      await ack({ response_action: "errors", errors: { customer: t.bank.slack.alreadyDecided } });
      return;
    }
    const typed = values.invoices?.[BANK_ACTIONS.invoices]?.value ?? "";
    const found = await ctx.services.bank.findInvoicesByNumbers(customer.id, typed, mv.amountCents < 0);
    if (found.missing.length > 0) {
      await ack({
        response_action: "errors",
        errors: { invoices: t.bank.slack.unknownInvoices(found.missing.join(", ")) },
      });
      return;
    }
    await ack();
    const result = await ctx.services.bank.decideMovement(
      movementId,
      { type: "choose", customerId: customer.id, invoiceIds: found.ids },
      body.user.id,
    );
    if (result.ok) await ctx.services.bank.refreshProposals(result.importId);
  });
}
