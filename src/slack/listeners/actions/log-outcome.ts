import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import type { LogDraft } from "../../../domain/log-entry";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import {
  decodeMeta,
  draftFromState,
  LOG_ACTIONS,
  type LogModalMeta,
  loadingLogModal,
  logModal,
} from "../../../messages/log-modal";
import { resolveCustomer } from "../../../services/customers/customer-search";
import { loadLogCustomer } from "../../../services/outcomes/log-outcome";
import { resolveMember } from "../../../services/team/team";
import { tripChannelFor } from "../../../services/trips/trips";
import { displayNames } from "../../users";
import { postAck } from "../../work-queue";

/** Where to answer a user privately: the command's response_url, an ephemeral in a channel, or a DM. */
export interface ReplyTarget {
  userId: string;
  channelId?: string;
  responseUrl?: string;
}

/** Queues a private message for the user through the outbox (retried if Slack is down). */
export async function tellUser(
  ctx: AppContext,
  to: ReplyTarget,
  message: { text: string; blocks?: unknown[] },
): Promise<void> {
  if (to.responseUrl) {
    await ctx.outbox.send({
      method: "respond",
      channel: `respond:${to.userId}`,
      payload: { url: to.responseUrl, response_type: "ephemeral", replace_original: false, ...message },
    });
  } else if (to.channelId && !to.channelId.startsWith("D")) {
    await ctx.outbox.send({
      method: "chat.postEphemeral",
      channel: to.channelId,
      payload: { user: to.userId, ...message },
    });
  } else {
    await ctx.outbox.send({ method: "chat.postMessage", channel: to.userId, payload: { ...message } });
  }
}

export interface OpenLogModalArgs {
  triggerId: string;
  userId: string;
  /** where the command or button was: the confirmation goes there */
  channelId?: string;
  /** the command's response_url, for an error before the modal exists */
  responseUrl?: string;
  customerId?: number;
  /** typed text naming the customer, resolved after the modal is open */
  customerQuery?: string;
  draft?: LogDraft;
  notices?: string[];
}

/**
 * Opens the /credito log modal: first a light "loading" view with the trigger_id (valid 3 s, once), then
 * the form with views.update once the customer's position is loaded. An expired or reused trigger_id gets
 * the user a clear private message instead. Membership is the caller's check. Returns the view id, or null.
 * The digest's "log" menu and any `log_outcome…` button use this.
 */
export async function openLogModal(
  ctx: AppContext,
  client: WebClient,
  args: OpenLogModalArgs,
): Promise<string | null> {
  const locale = ctx.config.locale;
  const t = messages(locale);
  const meta: LogModalMeta = { c: args.channelId, u: args.customerId };
  let opened: { id?: string; hash?: string } | undefined;
  try {
    const res = await client.views.open({ trigger_id: args.triggerId, view: loadingLogModal(meta, t) });
    opened = res.view;
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    ctx.log.warn(`log modal: views.open failed (${code ?? String(err)})`);
    await tellUser(ctx, args, {
      text:
        code === "expired_trigger_id" || code === "invalid_trigger_id"
          ? t.log.triggerExpired
          : t.errors.generic,
    });
    return null;
  }
  if (!opened?.id) return null;
  const viewId = opened.id;
  const hash = opened.hash;
  // Filling (customer lookup, position) waits in the post-ack queue's "fill" lane: under a burst, acks and
  // views.open (the trigger_id lasts 3 s) go first; the lookups are not time-critical.
  await postAck.run("fill", async () => {
    const day = today(ctx);
    const notices = [...(args.notices ?? [])];
    let customerId = args.customerId;
    if (customerId === undefined && args.customerQuery?.trim()) {
      const found = await resolveCustomer(ctx.db, args.customerQuery);
      if (found.kind === "one") customerId = found.customer.id;
      else
        notices.unshift(
          (found.kind === "many" ? t.log.gap.customer_ambiguous : t.log.gap.customer_unknown)(
            escapeMrkdwn(args.customerQuery.trim()),
          ),
        );
    }
    const customer = customerId !== undefined ? await loadLogCustomer(ctx.db, customerId, day) : null;
    // on a field trip the contact is a visit unless said otherwise
    const channel = args.draft?.channel ?? (await tripChannelFor(ctx.db, args.userId, day));
    const view = logModal(
      {
        meta: { ...meta, u: customer?.position.id },
        customer,
        draft: { ...args.draft, channel, customerId: customer?.position.id },
        today: day,
        notices,
      },
      t,
      locale,
    );
    try {
      await client.views.update({ view_id: viewId, hash, view });
    } catch (err) {
      // hash_conflict: the user already changed the view; anything else is logged
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code !== "hash_conflict") ctx.log.error("log modal: views.update failed", err);
    }
  });
  return opened.id;
}

/**
 * Buttons whose action_id starts with "log_outcome" (case parent, customer card, reminders, digest) open the
 * modal for the customer id in their `value`. Inside the modal, choosing a customer or an outcome redraws it
 * with views.update (guarded by the view hash) keeping what was typed.
 */
export function registerLogOutcomeActions(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);

  app.action<BlockAction<ButtonAction>>(/^log_outcome/, async ({ ack, body, action, client }) => {
    await ack();
    await postAck.turn("open");
    const userId = body.user.id;
    const target: ReplyTarget = { userId, channelId: body.channel?.id, responseUrl: body.response_url };
    const member = await resolveMember(ctx.db, userId, displayNames(client));
    if (!member) {
      await tellUser(ctx, target, { text: t.errors.notMember });
      return;
    }
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
      draft.customerId !== undefined ? await loadLogCustomer(ctx.db, draft.customerId, day) : null;
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
    try {
      await client.views.update({ view_id: view.id, hash: view.hash, view: next });
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code !== "hash_conflict") ctx.log.error("log modal: views.update failed", err);
    }
  };
  app.action({ type: "block_actions", action_id: LOG_ACTIONS.outcome }, redraw);
  app.action({ type: "block_actions", action_id: LOG_ACTIONS.customer }, redraw);
}
