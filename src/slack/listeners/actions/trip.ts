import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { messages } from "../../../i18n";
import { sendPecDraft, sentLabel } from "../../../services/pec";
import { resolveMember } from "../../../services/team";
import { pecCopyMessage, TRIP_ACTIONS } from "../../views/trip";
import { closeAndTell, openCostModal } from "../commands/giro";
import { type ReplyTarget, tellUser } from "./log-outcome";

/**
 * Buttons of the trip message ("Spese", "Chiudi il giro") and of the PEC draft ("Invia", "Copia").
 * Who may act is checked here, on the server: the trip's collector or an admin; the PEC's collector or an admin.
 */
export function registerTripActions(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);

  const context = async (body: BlockAction, client: Parameters<typeof resolveMember>[2]) => {
    const target: ReplyTarget = {
      userId: body.user.id,
      channelId: body.channel?.id,
      responseUrl: body.response_url,
    };
    const member = await resolveMember(ctx.db, body.user.id, client);
    if (!member) await tellUser(ctx, target, { text: t.errors.notMember });
    return { target, member };
  };

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: TRIP_ACTIONS.costs },
    async ({ ack, body, action, client }) => {
      await ack();
      const { target, member } = await context(body, client);
      if (!member) return;
      const trip = await ctx.db.fieldTrip.findUnique({ where: { id: Number(action.value) || 0 } });
      if (!trip) return tellUser(ctx, target, { text: t.trip.noTrip });
      await openCostModal(ctx, client, { triggerId: body.trigger_id, target, trip, member });
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: TRIP_ACTIONS.close },
    async ({ ack, body, action, client }) => {
      await ack();
      const { target, member } = await context(body, client);
      if (!member) return;
      const trip = await ctx.db.fieldTrip.findUnique({ where: { id: Number(action.value) || 0 } });
      if (!trip) return tellUser(ctx, target, { text: t.trip.noTrip });
      await closeAndTell(ctx, { trip, member, target });
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: TRIP_ACTIONS.pecSend },
    async ({ ack, body, action, client }) => {
      await ack();
      const { target, member } = await context(body, client);
      if (!member) return;
      const draft = await ctx.db.pecDraft.findUnique({ where: { id: Number(action.value) || 0 } });
      if (!draft) return tellUser(ctx, target, { text: t.trip.pec.notFound });
      if (draft.ownerSlackId !== member.slackUserId && member.role !== "admin")
        return tellUser(ctx, target, { text: t.trip.notYours });
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
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: TRIP_ACTIONS.pecCopy },
    async ({ ack, body, action, client }) => {
      await ack();
      const { target, member } = await context(body, client);
      if (!member) return;
      const draft = await ctx.db.pecDraft.findUnique({ where: { id: Number(action.value) || 0 } });
      if (!draft) return tellUser(ctx, target, { text: t.trip.pec.notFound });
      if (draft.ownerSlackId !== member.slackUserId && member.role !== "admin")
        return tellUser(ctx, target, { text: t.trip.notYours });
      await tellUser(ctx, target, pecCopyMessage(draft, t));
    },
  );
}
