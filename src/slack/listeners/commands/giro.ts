import { today } from "../../../context";
import { onOrAfterBusinessDay } from "../../../domain/calendar";
import { messages } from "../../../i18n";
import { tripPlanModal } from "../../../messages/trip";
import {
  closeAndTell,
  openCostModal,
  openModal,
  type ReplyTarget,
  requireMember,
  type Subcommand,
  tellUser,
} from "../kit";

/**
 * `/credito giro` opens the planning modal (dates and area, then Credito's proposal to adjust);
 * `/credito giro spese` the cost modal of the trip under way; `/credito giro chiudi` closes it with the debrief.
 */
export const giroSubcommand: Subcommand = {
  name: "giro",
  aliases: ["trip", "visite"],
  usage: {
    it: messages("it").trip.usage,
    en: messages("en").trip.usage,
  },
  async run({ ctx, command, args, ack, client, t }) {
    await ack();
    const userId = command.user_id;
    const target: ReplyTarget = { userId, channelId: command.channel_id, responseUrl: command.response_url };
    const member = await requireMember(ctx, userId, client, target);
    if (!member) return;
    const sub = args.trim().toLowerCase().split(/\s+/)[0] ?? "";
    const day = today(ctx);
    if (sub === "spese" || sub === "spesa" || sub === "costs" || sub === "cost") {
      const trip = await ctx.services.trips.currentTripOf(member.id, day);
      if (!trip) return tellUser(ctx, target, { text: t.trip.noTrip });
      await openCostModal(ctx, client, { triggerId: command.trigger_id, target, trip, member });
      return;
    }
    if (sub === "chiudi" || sub === "close" || sub === "fine") {
      const trip = await ctx.services.trips.currentTripOf(member.id, day);
      if (!trip) return tellUser(ctx, target, { text: t.trip.noTrip });
      await closeAndTell(ctx, { trip, member, target });
      return;
    }
    const start = onOrAfterBusinessDay(day, ctx.config.rules.extraHolidays);
    await openModal(ctx, client, {
      triggerId: command.trigger_id,
      view: tripPlanModal({ c: command.channel_id }, t, {
        start,
        end: start,
        area: args.trim() || undefined,
      }),
      target,
      label: "trip modal",
    });
  },
};
