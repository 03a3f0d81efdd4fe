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
    const checked = await ctx.services.bank.checkBankChoice({
      movementId: Number(view.private_metadata),
      customerId: Number(values.customer?.[BANK_ACTIONS.customer]?.selected_option?.value ?? Number.NaN),
      typedInvoices: values.invoices?.[BANK_ACTIONS.invoices]?.value ?? "",
    });
    if (!checked.ok) {
      const errors: Record<string, string> =
        checked.error === "unknown_invoices"
          ? { invoices: t.bank.slack.unknownInvoices(checked.missing.join(", ")) }
          : {
              customer:
                checked.error === "pick_customer" ? t.bank.slack.pickCustomer : t.bank.slack.alreadyDecided,
            };
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    await ctx.services.bank.recordBankChoice(checked.choice, body.user.id);
  });
}
