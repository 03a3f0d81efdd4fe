import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { today } from "../../../context";
import { messages } from "../../../i18n";
import { decodeMeta, draftFromState, LOG_ACTIONS, logModal } from "../../../messages/log-modal";
import { postAck } from "../../work-queue";
import { type ListenerContext, openLogModal, requireMember, targetOf, updateModal } from "../kit";

/**
 * Buttons whose action_id starts with "log_outcome" (case parent, customer card, reminders, digest) open the
 * modal for the customer id in their `value`. Inside the modal, choosing a customer or an outcome redraws it
 * with views.update (guarded by the view hash) keeping what was typed.
 */
export function registerLogOutcomeActions(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);

  app.action<BlockAction<ButtonAction>>(/^log_outcome/, async ({ ack, body, action, client }) => {
    await ack();
    await postAck.turn("open");
    const userId = body.user.id;
    if (!(await requireMember(ctx, userId, client, targetOf(body)))) return;
    const id = Number(action.value);
    await openLogModal(ctx, client, {
      triggerId: body.trigger_id,
      userId,
      channelId: body.channel?.id,
      responseUrl: body.response_url,
      customerId: Number.isInteger(id) && id > 0 ? id : undefined,
    });
  });

  const redraw = async ({
    ack,
    body,
    client,
  }: {
    ack: () => Promise<void>;
    body: BlockAction;
    client: WebClient;
  }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const meta = decodeMeta(view.private_metadata);
    const draft = draftFromState(view.state.values as Parameters<typeof draftFromState>[0], meta);
    const day = today(ctx);
    const customer =
      draft.customerId !== undefined
        ? await ctx.services.outcomes.loadLogCustomer(draft.customerId, day)
        : null;
    // a new customer: the disputed invoices preselected are the new customer's overdue ones
    if (customer?.position.id !== meta.u) draft.disputedInvoiceIds = undefined;
    const next = logModal(
      {
        meta: { ...meta, u: customer?.position.id },
        customer,
        draft: { ...draft, customerId: customer?.position.id },
        today: day,
      },
      t,
      ctx.config.locale,
    );
    await updateModal(ctx, client, { viewId: view.id, hash: view.hash, view: next, label: "log modal" });
  };
  app.action({ type: "block_actions", action_id: LOG_ACTIONS.outcome }, redraw);
  app.action({ type: "block_actions", action_id: LOG_ACTIONS.customer }, redraw);
}
