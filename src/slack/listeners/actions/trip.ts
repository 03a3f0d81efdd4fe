import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../context";
import { messages } from "../../../i18n";
import { pecCopyMessage, TRIP_ACTIONS } from "../../../messages/trip";
import { type Member, resolveMember } from "../../../services/team/team";
import { sendPecDraft, sentLabel } from "../../../services/trips/pec";
import { displayNames } from "../../users";
import { closeAndTell, openCostModal } from "../commands/giro";
import { type ReplyTarget, tellUser } from "./log-outcome";

/**
 * Buttons of the trip message ("Spese", "Chiudi il giro") and of the PEC draft ("Invia", "Copia").
 * Who may act is checked here, on the server: the trip's collector or an admin; the PEC's collector or an admin.
 */
export function registerTripActions(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);

  /** A button: acked at once; a clicker who is not a team member is told so, anyone else goes to `run`. */
  const onButton = (
    actionId: string,
    run: (click: {
      body: BlockAction<ButtonAction>;
      action: ButtonAction;
      client: WebClient;
      target: ReplyTarget;
      member: Member;
    }) => Promise<unknown>,
  ) =>
    app.action<BlockAction<ButtonAction>>(
      { type: "block_actions", action_id: actionId },
      async ({ ack, body, action, client }) => {
        await ack();
        const target: ReplyTarget = {
          userId: body.user.id,
          channelId: body.channel?.id,
          responseUrl: body.response_url,
        };
        const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
        if (!member) return tellUser(ctx, target, { text: t.errors.notMember });
        await run({ body, action, client, target, member });
      },
    );

  /** The trip a button names, or null after telling the user it is gone. */
  const buttonTrip = async (value: string | undefined, target: ReplyTarget) => {
    const trip = await ctx.db.fieldTrip.findUnique({ where: { id: Number(value) || 0 } });
    if (!trip) await tellUser(ctx, target, { text: t.trip.noTrip });
    return trip;
  };

  /** The PEC draft a button names, or null after telling the user it is gone or not theirs to use. */
  const buttonDraft = async (value: string | undefined, target: ReplyTarget, member: Member) => {
    const draft = await ctx.db.pecDraft.findUnique({ where: { id: Number(value) || 0 } });
    if (!draft) {
      await tellUser(ctx, target, { text: t.trip.pec.notFound });
      return null;
    }
    if (draft.ownerSlackId !== member.slackUserId && member.role !== "admin") {
      await tellUser(ctx, target, { text: t.trip.notYours });
      return null;
    }
    return draft;
  };

  onButton(TRIP_ACTIONS.costs, async ({ body, action, client, target, member }) => {
    const trip = await buttonTrip(action.value, target);
    if (trip) await openCostModal(ctx, client, { triggerId: body.trigger_id, target, trip, member });
  });

  onButton(TRIP_ACTIONS.close, async ({ action, target, member }) => {
    const trip = await buttonTrip(action.value, target);
    if (trip) await closeAndTell(ctx, { trip, member, target });
  });

  onButton(TRIP_ACTIONS.pecSend, async ({ body, action, target, member }) => {
    const draft = await buttonDraft(action.value, target, member);
    if (!draft) return;
    const sent = await sendPecDraft(ctx, draft.id, member.slackUserId);
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
    const done = t.trip.pec.sent(sent.recipient, sentLabel(ctx, sent.sentAt));
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

  onButton(TRIP_ACTIONS.pecCopy, async ({ action, target, member }) => {
    const draft = await buttonDraft(action.value, target, member);
    if (draft) await tellUser(ctx, target, pecCopyMessage(draft, t));
  });
}
