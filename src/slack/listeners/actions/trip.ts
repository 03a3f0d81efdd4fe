import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { messages } from "../../../i18n";
import { pecCopyMessage, TRIP_ACTIONS } from "../../../messages/trip";
import type { Member } from "../../../services/team/team";
import {
  closeAndTell,
  type ListenerContext,
  openCostModal,
  type ReplyTarget,
  requireMember,
  targetOf,
  tellUser,
} from "../kit";

/**
 * Buttons of the trip message ("Spese", "Chiudi il giro") and of the PEC draft ("Invia", "Copia").
 * Who may act is checked here, on the server: the trip's collector or an admin; the PEC's collector or an admin.
 */
export function registerTripActions(app: App, ctx: ListenerContext): void {
  registerTripButtons(app, ctx);
  registerPecButtons(app, ctx);
}

type Click = {
  body: BlockAction<ButtonAction>;
  action: ButtonAction;
  client: WebClient;
  target: ReplyTarget;
  member: Member;
};

/** A button: acked at once; a clicker who is not a team member is told so, anyone else goes to `run`. */
function onButton(app: App, ctx: ListenerContext, actionId: string, run: (click: Click) => Promise<unknown>) {
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: actionId },
    async ({ ack, body, action, client }) => {
      await ack();
      const target = targetOf(body);
      const member = await requireMember(ctx, body.user.id, client, target);
      if (member) await run({ body, action, client, target, member });
    },
  );
}

/** "Spese" and "Chiudi il giro" on the trip message. */
function registerTripButtons(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  /** The trip a button names, or null after telling the user it is gone. */
  const buttonTrip = async (value: string | undefined, target: ReplyTarget) => {
    const trip = await ctx.services.trips.byId(Number(value) || 0);
    if (!trip) await tellUser(ctx, target, { text: t.trip.noTrip });
    return trip;
  };

  onButton(app, ctx, TRIP_ACTIONS.costs, async ({ body, action, client, target, member }) => {
    const trip = await buttonTrip(action.value, target);
    if (trip) await openCostModal(ctx, client, { triggerId: body.trigger_id, target, trip, member });
  });

  onButton(app, ctx, TRIP_ACTIONS.close, async ({ action, target, member }) => {
    const trip = await buttonTrip(action.value, target);
    if (trip) await closeAndTell(ctx, { trip, member, target });
  });
}

/** "Invia" and "Copia" on a PEC draft: its collector or an admin (the trips service's rule). */
function registerPecButtons(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  /** The PEC draft a button names, or null after telling the user it is gone or not theirs to use. */
  const buttonDraft = async (value: string | undefined, target: ReplyTarget, member: Member) => {
    const found = await ctx.services.trips.pecDraftFor(Number(value) || 0, member);
    if (found.ok) return found.draft;
    await tellUser(ctx, target, {
      text: found.error === "not_found" ? t.trip.pec.notFound : t.trip.notYours,
    });
    return null;
  };

  onButton(app, ctx, TRIP_ACTIONS.pecSend, async ({ body, action, target, member }) => {
    const draft = await buttonDraft(action.value, target, member);
    if (!draft) return;
    const sent = await ctx.services.trips.sendPecDraft(draft.id, member.slackUserId);
    if (!sent.ok) {
      const text =
        sent.error === "already_sent"
          ? t.trip.pec.alreadySent
          : sent.error === "not_configured"
            ? t.trip.pec.notConfigured
            : sent.error === "failed"
              ? t.trip.pec.failed(sent.detail ?? "")
              : t.trip.pec.notFound;
      return tellUser(ctx, target, { text });
    }
    const done = t.trip.pec.sent(sent.recipient, ctx.services.trips.sentLabel(sent.sentAt));
    const ts = body.container?.message_ts as string | undefined;
    const channel = (body.container?.channel_id as string | undefined) ?? body.channel?.id;
    if (ts && channel) {
      // the draft message becomes the record of what was sent (no buttons left to click twice)
      const original = (body.message?.blocks ?? []) as { type: string }[];
      await ctx.outbox.send({
        method: "chat.update",
        channel,
        payload: {
          ts,
          text: done,
          blocks: [
            ...original.filter((b) => b.type !== "actions"),
            { type: "context", elements: [{ type: "mrkdwn", text: done }] },
          ],
        },
      });
    } else await tellUser(ctx, target, { text: done });
  });

  onButton(app, ctx, TRIP_ACTIONS.pecCopy, async ({ action, target, member }) => {
    const draft = await buttonDraft(action.value, target, member);
    if (draft) await tellUser(ctx, target, pecCopyMessage(draft, t));
  });
}
