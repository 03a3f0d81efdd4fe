import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { onOrAfterBusinessDay } from "../../../domain/calendar";
import { tripDates } from "../../../domain/trip-debrief";
import type { FieldTrip } from "../../../generated/prisma/client";
import { messages } from "../../../i18n";
import { tripCostModal, tripPlanModal } from "../../../messages/trip";
import { type Member, resolveMember } from "../../../services/team/team";
import { closeTrip } from "../../../services/trips/trip-close";
import { currentTripOf, mayManageTrip } from "../../../services/trips/trips";
import { displayNames } from "../../users";
import { type ReplyTarget, tellUser } from "../actions/log-outcome";
import type { Subcommand } from "./subcommand";

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
    const member = await resolveMember(ctx.db, userId, displayNames(client));
    if (!member) {
      await tellUser(ctx, target, { text: t.errors.notMember });
      return;
    }
    const sub = args.trim().toLowerCase().split(/\s+/)[0] ?? "";
    const day = today(ctx);
    if (sub === "spese" || sub === "spesa" || sub === "costs" || sub === "cost") {
      const trip = await currentTripOf(ctx.db, member.id, day);
      if (!trip) return tellUser(ctx, target, { text: t.trip.noTrip });
      await openCostModal(ctx, client, { triggerId: command.trigger_id, target, trip, member });
      return;
    }
    if (sub === "chiudi" || sub === "close" || sub === "fine") {
      const trip = await currentTripOf(ctx.db, member.id, day);
      if (!trip) return tellUser(ctx, target, { text: t.trip.noTrip });
      await closeAndTell(ctx, { trip, member, target });
      return;
    }
    const start = onOrAfterBusinessDay(day, ctx.config.rules.extraHolidays);
    try {
      await client.views.open({
        trigger_id: command.trigger_id,
        view: tripPlanModal({ c: command.channel_id }, t, {
          start,
          end: start,
          area: args.trim() || undefined,
        }),
      });
    } catch (err) {
      ctx.log.warn(
        `trip modal: views.open failed (${String((err as { data?: { error?: string } }).data?.error ?? err)})`,
      );
      await tellUser(ctx, target, { text: t.log.triggerExpired });
    }
  },
};

/** Opens the cost modal of a trip (the collector's or, for an admin, anyone's). */
export async function openCostModal(
  ctx: AppContext,
  client: WebClient,
  a: { triggerId: string; target: ReplyTarget; trip: FieldTrip; member: Member },
): Promise<void> {
  const t = messages(ctx.config.locale);
  if (!mayManageTrip(a.member, a.trip)) return tellUser(ctx, a.target, { text: t.trip.notYours });
  if (a.trip.status === "closed") return tellUser(ctx, a.target, { text: t.trip.alreadyClosed });
  try {
    await client.views.open({
      trigger_id: a.triggerId,
      view: tripCostModal({ tripId: a.trip.id, c: a.target.channelId }, t, ctx.config.locale, {
        date: today(ctx),
        kmRateCents: ctx.config.trip.kmRateCents,
      }),
    });
  } catch (err) {
    ctx.log.warn(
      `trip cost modal: views.open failed (${String((err as { data?: { error?: string } }).data?.error ?? err)})`,
    );
    await tellUser(ctx, a.target, { text: t.log.triggerExpired });
  }
}

/** Closes a trip for its collector or an admin, and tells the person how it went. */
export async function closeAndTell(
  ctx: AppContext,
  a: { trip: FieldTrip; member: Member; target: ReplyTarget },
): Promise<void> {
  const t = messages(ctx.config.locale);
  if (!mayManageTrip(a.member, a.trip)) return tellUser(ctx, a.target, { text: t.trip.notYours });
  if (a.trip.status === "closed") return tellUser(ctx, a.target, { text: t.trip.alreadyClosed });
  const result = await closeTrip(ctx, a.trip.id, a.member.slackUserId);
  if (!result.ok)
    return tellUser(ctx, a.target, {
      text: result.error === "already_closed" ? t.trip.alreadyClosed : t.trip.noTrip,
    });
  await tellUser(ctx, a.target, { text: t.trip.closed(tripDates(a.trip, ctx.config.locale)) });
}
