import type { Db } from "../../db/client";
import type { Member } from "../team/team";
import { mayManageTrip } from "./trips";

export type TripRefusal = "no_trip" | "not_yours" | "closed";

/** Why a member may not add costs to or close this trip (its collector or an admin may, while it is open), or null. */
export function tripRefusal(
  member: Member,
  trip: { collectorId: number | null; status: string } | null,
): TripRefusal | null {
  if (!trip) return "no_trip";
  if (!mayManageTrip(member, trip)) return "not_yours";
  if (trip.status === "closed") return "closed";
  return null;
}

/** The trip a modal or button names, if this member may manage it now. */
export async function manageableTrip(db: Db, tripId: number, member: Member) {
  const trip = await db.fieldTrip.findUnique({ where: { id: tripId } });
  const refusal = tripRefusal(member, trip);
  return refusal || !trip ? { ok: false as const, error: refusal ?? "no_trip" } : { ok: true as const, trip };
}
