import type { WebClient } from "@slack/web-api";
import { today } from "../../../context";
import type { IsoDate } from "../../../domain/calendar";
import { tripDates } from "../../../domain/trip-debrief";
import { messages } from "../../../i18n";
import { tripCostModal } from "../../../messages/trip";
import type { Member } from "../../../services/team/team";
import { type TripRefusal, tripRefusal } from "../../../services/trips/trip-access";
import type { ListenerContext } from "./context";
import { openModal } from "./modal";
import { type ReplyTarget, tellUser } from "./reply";

/** What the trip buttons and `/credito giro` need of a trip. */
export interface TripRef {
  id: number;
  collectorId: number | null;
  status: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

/** The reply for a trip the member may not manage (gone, not theirs, already closed), or null. */
export function tripRefusalText(ctx: ListenerContext, refusal: TripRefusal | null): string | null {
  const t = messages(ctx.config.locale);
  if (refusal === "no_trip") return t.trip.noTrip;
  if (refusal === "not_yours") return t.trip.notYours;
  if (refusal === "closed") return t.trip.alreadyClosed;
  return null;
}

/** Opens the cost modal of a trip (the collector's or, for an admin, anyone's). */
export async function openCostModal(
  ctx: ListenerContext,
  client: WebClient,
  a: { triggerId: string; target: ReplyTarget; trip: TripRef; member: Member },
): Promise<void> {
  const refusal = tripRefusalText(ctx, tripRefusal(a.member, a.trip));
  if (refusal) return tellUser(ctx, a.target, { text: refusal });
  await openModal(ctx, client, {
    triggerId: a.triggerId,
    view: tripCostModal(
      { tripId: a.trip.id, c: a.target.channelId },
      messages(ctx.config.locale),
      ctx.config.locale,
      {
        date: today(ctx),
        kmRateCents: ctx.config.trip.kmRateCents,
      },
    ),
    target: a.target,
    label: "trip cost modal",
  });
}

/** Closes a trip for its collector or an admin, and tells the person how it went. */
export async function closeAndTell(
  ctx: ListenerContext,
  a: { trip: TripRef; member: Member; target: ReplyTarget },
): Promise<void> {
  const t = messages(ctx.config.locale);
  const refusal = tripRefusalText(ctx, tripRefusal(a.member, a.trip));
  if (refusal) return tellUser(ctx, a.target, { text: refusal });
  const result = await ctx.services.trips.closeTrip(a.trip.id, a.member.slackUserId);
  if (!result.ok)
    return tellUser(ctx, a.target, {
      text: result.error === "already_closed" ? t.trip.alreadyClosed : t.trip.noTrip,
    });
  await tellUser(ctx, a.target, { text: t.trip.closed(tripDates(a.trip, ctx.config.locale)) });
}
