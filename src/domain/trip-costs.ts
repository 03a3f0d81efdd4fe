// The costs of a field trip: travel tickets, kilometres driven (refunded per km), hotel, meals, other.
// Pure: the km rate is passed in.

import { type IsoDate, isIsoDate } from "./calendar";
import { type Cents, parseEuroAmount } from "./money";

export const TRIP_COST_KINDS = ["travel", "km", "hotel", "meals", "other"] as const;
export type TripCostKind = (typeof TRIP_COST_KINDS)[number];

export interface TripCostDraft {
  kind?: string;
  amount?: string;
  km?: string;
  date?: string;
  note?: string;
}

export interface TripCostEntry {
  kind: TripCostKind;
  amountCents: Cents;
  km: number | null;
  date: IsoDate;
  note: string | null;
}

export type TripCostField = "kind" | "amount" | "km" | "date" | "note";
export type TripCostError =
  | "kindRequired"
  | "amountRequired"
  | "amountInvalid"
  | "kmRequired"
  | "kmInvalid"
  | "dateInvalid"
  | "noteTooLong";

/**
 * Validates a cost: kilometres are a whole number from 1 to 5000 and are refunded at `kmRateCents` each
 * (the amount field is ignored); every other kind needs a positive amount up to € 100.000. No date means
 * `defaultDate` (today, within the trip).
 */
export function validateTripCost(
  draft: TripCostDraft,
  opts: { kmRateCents: number; defaultDate: IsoDate },
): { ok: true; cost: TripCostEntry } | { ok: false; errors: Partial<Record<TripCostField, TripCostError>> } {
  const errors: Partial<Record<TripCostField, TripCostError>> = {};
  const kind = (TRIP_COST_KINDS as readonly string[]).includes(draft.kind ?? "")
    ? (draft.kind as TripCostKind)
    : null;
  if (!kind) errors.kind = "kindRequired";
  let amountCents: Cents = 0;
  let km: number | null = null;
  if (kind === "km") {
    const raw =
      draft.km
        ?.trim()
        .replace(/\s*km$/i, "")
        .replace(/\./g, "") ?? "";
    if (!raw) errors.km = "kmRequired";
    else if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > 5000) errors.km = "kmInvalid";
    else {
      km = Number(raw);
      amountCents = km * opts.kmRateCents;
    }
  } else if (kind) {
    const raw = draft.amount?.trim() ?? "";
    const cents = raw ? parseEuroAmount(raw) : null;
    if (!raw) errors.amount = "amountRequired";
    else if (cents === null || cents <= 0 || cents > 10_000_000) errors.amount = "amountInvalid";
    else amountCents = cents;
  }
  const date = draft.date?.trim() || opts.defaultDate;
  if (!isIsoDate(date)) errors.date = "dateInvalid";
  const note = draft.note?.trim() || null;
  if (note && note.length > 200) errors.note = "noteTooLong";
  if (Object.keys(errors).length > 0 || !kind) return { ok: false, errors };
  return { ok: true, cost: { kind, amountCents, km, date, note } };
}
