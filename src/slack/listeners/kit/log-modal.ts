import type { WebClient } from "@slack/web-api";
import { today } from "../../../context";
import type { LogDraft } from "../../../domain/log-entry";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { type LogModalMeta, loadingLogModal, logModal } from "../../../messages/log-modal";
import { postAck } from "../../work-queue";
import type { ListenerContext } from "./context";
import { openModal, updateModal } from "./modal";

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
 * The /credito log command, the digest's "log" menu and any `log_outcome…` button use this.
 */
export async function openLogModal(
  ctx: ListenerContext,
  client: WebClient,
  args: OpenLogModalArgs,
): Promise<string | null> {
  const locale = ctx.config.locale;
  const t = messages(locale);
  const meta: LogModalMeta = { c: args.channelId, u: args.customerId };
  const opened = await openModal(ctx, client, {
    triggerId: args.triggerId,
    view: loadingLogModal(meta, t),
    target: args,
    label: "log modal",
  });
  if (!opened) return null;
  // Filling (customer lookup, position) waits in the post-ack queue's "fill" lane: under a burst, acks and
  // views.open (the trigger_id lasts 3 s) go first; the lookups are not time-critical.
  await postAck.run("fill", async () => {
    const day = today(ctx);
    const notices = [...(args.notices ?? [])];
    let customerId = args.customerId;
    if (customerId === undefined && args.customerQuery?.trim()) {
      const found = await ctx.services.customers.resolveCustomer(args.customerQuery);
      if (found.kind === "one") customerId = found.customer.id;
      else
        notices.unshift(
          (found.kind === "many" ? t.log.gap.customer_ambiguous : t.log.gap.customer_unknown)(
            escapeMrkdwn(args.customerQuery.trim()),
          ),
        );
    }
    const customer =
      customerId !== undefined ? await ctx.services.outcomes.loadLogCustomer(customerId, day) : null;
    // on a field trip the contact is a visit unless said otherwise
    const channel = args.draft?.channel ?? (await ctx.services.trips.tripChannelFor(args.userId, day));
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
    await updateModal(ctx, client, { viewId: opened.id, hash: opened.hash, view, label: "log modal" });
  });
  return opened.id;
}
