// The demo's field trip: Luca comes back from a two-day "giro di visite" in Verona, Vicenza and Padova with
// the four cases of the seed story (a refusal, a settlement with a signed acknowledgment and a new mobile,
// a settlement with a restructuring plan, a promise with a PEC address), recorded through the services.

import type { AppContext } from "../context";
import { today } from "../context";
import { addBusinessDays, type IsoDate, previousBusinessDay } from "../domain/calendar";
import { type LogDraft, validateLogDraft } from "../domain/log-entry";
import { messages } from "../i18n";
import { loadLogCustomer, logOutcome, validationContextFor } from "../services/outcomes/log-outcome";
import { memberBySlackId } from "../services/team/team";
import { planTrip, tripCandidates } from "../services/trips/trips";

export const DEMO_TRIP_COLLECTOR = "U0ADMIN2";
export const DEMO_TRIP_AREA = "VR, VI, PD";

/**
 * Plans the trip (yesterday and today) for the four customers most worth a visit in the area, logs the four
 * visits and the costs. Returns the trip id, or null when the demo data has fewer than four candidates.
 */
export async function playDemoTrip(ctx: AppContext): Promise<number | null> {
  const day = today(ctx);
  const start = previousBusinessDay(day, ctx.config.rules.extraHolidays);
  const member = await memberBySlackId(ctx.db, DEMO_TRIP_COLLECTOR);
  if (!member) return null;
  const candidates = (await tripCandidates(ctx.db, DEMO_TRIP_AREA, day)).slice(0, 4);
  if (candidates.length < 4) return null;
  const planned = await planTrip(
    ctx,
    {
      collector: member,
      startDate: start,
      endDate: day,
      area: DEMO_TRIP_AREA,
      customerIds: candidates.map((c) => c.customerId),
    },
    start,
  );
  if (!planned.ok) return null;
  const t = messages(ctx.config.locale).log.errors;
  const euros = (cents: number) => String(Math.floor(cents / 100));
  const drafts: ((owed: number) => LogDraft)[] = [
    () => ({
      outcome: "refusal",
      mood: "aggressive",
      sincerity: "2",
      notes: "Nessuna intenzione di collaborare: «fate causa».",
    }),
    (owed) => ({
      outcome: "settlement",
      mood: "cooperative",
      sincerity: "4",
      settlementAmount: euros(Math.round(owed * 0.6)),
      settlementTerms: "Bonifico unico entro 10 giorni dall'accettazione",
      documents: ["debt_acknowledgment", "settlement_proposal"],
      documentDate: day,
      newPhone: "347 5550199",
    }),
    (owed) => ({
      outcome: "settlement",
      mood: "calm",
      sincerity: "3",
      settlementAmount: euros(Math.round(owed * 0.5)),
      documents: ["restructuring_plan"],
      documentDate: day,
      notes:
        "Piano di risanamento con la banca: nuova linea di credito attesa a fine mese, due commesse ferme.",
    }),
    (owed) => ({
      outcome: "promise",
      mood: "calm",
      sincerity: "4",
      promiseAmount: euros(Math.round(owed * 0.5)),
      promiseDate: addBusinessDays(day, 7, ctx.config.rules.extraHolidays),
      newPec: "amministrazione@pec.cliente-demo.it",
    }),
  ];
  for (const [i, c] of candidates.entries()) {
    const customer = await loadLogCustomer(ctx.db, c.customerId, day);
    const draft = drafts[i]?.(customer?.position.openCents ?? 0);
    if (!customer || !draft) continue;
    const v = validateLogDraft(
      { channel: "visit", ...draft, customerId: c.customerId },
      validationContextFor(ctx, customer),
      t,
    );
    if (v.ok) await logOutcome(ctx, v.entry, member);
  }
  await ctx.db.tripCost.createMany({
    data: [
      {
        tripId: planned.tripId,
        kind: "km",
        amountCents: 286 * ctx.config.trip.kmRateCents,
        km: 286,
        date: start as IsoDate,
      },
      { tripId: planned.tripId, kind: "hotel", amountCents: 8900, date: start, note: "Hotel a Vicenza" },
      { tripId: planned.tripId, kind: "meals", amountCents: 4150, date: day },
    ],
  });
  return planned.tripId;
}
