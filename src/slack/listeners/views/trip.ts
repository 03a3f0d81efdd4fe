import type { App } from "@slack/bolt";
import { today } from "../../../context";
import { formatEuro } from "../../../domain/money";
import { validateTripCost } from "../../../domain/trip-costs";
import { tripDates } from "../../../domain/trip-debrief";
import { MAX_TRIP_VISITS, proposalSize, tripBusinessDays, validateTripPlan } from "../../../domain/trip-plan";
import { messages } from "../../../i18n";
import { decodeTripMeta, TRIP_VALUE, TRIP_VIEWS, tripConfirmModal } from "../../../messages/trip";
import { type ListenerContext, requireMember, tellUser, tripRefusalText } from "../kit";

type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_date?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[];
    }
  >
>;

const field = (values: StateValues, block: string) => values[block]?.[TRIP_VALUE];

/**
 * The planning modal (dates and area -> the proposal, shown in place with response_action "update"; the
 * adjusted list -> the trip is recorded and posted) and the cost modal. Invalid input: inline errors, nothing
 * written.
 */
export function registerTripViews(app: App, ctx: ListenerContext): void {
  registerPlanView(app, ctx);
  registerConfirmView(app, ctx);
  registerCostView(app, ctx);
}

/** Dates and area -> the proposal, shown in place (`response_action: "update"`). */
function registerPlanView(app: App, ctx: ListenerContext): void {
  const locale = ctx.config.locale;
  const t = messages(locale);
  const holidays = ctx.config.rules.extraHolidays;
  app.view(TRIP_VIEWS.plan, async ({ ack, view }) => {
    const values = view.state.values as StateValues;
    const meta = decodeTripMeta(view.private_metadata);
    const day = today(ctx);
    const checked = validateTripPlan(
      {
        start: field(values, "start")?.selected_date ?? undefined,
        end: field(values, "end")?.selected_date ?? undefined,
        area: field(values, "area")?.value ?? undefined,
      },
      day,
      holidays,
    );
    if (!checked.ok) {
      const errors: Record<string, string> = {};
      for (const [k, code] of Object.entries(checked.errors))
        errors[k] = t.trip.plan.errors[code as keyof typeof t.trip.plan.errors] as string;
      await ack({ response_action: "errors", errors });
      return;
    }
    const area = checked.area.terms.join(", ");
    const candidates = await ctx.services.trips.tripCandidates(area, day);
    if (candidates.length === 0) {
      await ack({ response_action: "errors", errors: { area: t.trip.plan.errors.noCandidates } });
      return;
    }
    const days = tripBusinessDays(checked.start, checked.end, holidays).length;
    await ack({
      response_action: "update",
      view: tripConfirmModal(
        { ...meta, s: checked.start, e: checked.end, a: area },
        { candidates, proposed: proposalSize(days, candidates.length), businessDays: days },
        t,
        locale,
      ),
    });
  });
}

/** The adjusted list of visits -> the trip is recorded and posted. */
function registerConfirmView(app: App, ctx: ListenerContext): void {
  const locale = ctx.config.locale;
  const t = messages(locale);
  const holidays = ctx.config.rules.extraHolidays;
  app.view(TRIP_VIEWS.confirm, async ({ ack, view, body, client }) => {
    const values = view.state.values as StateValues;
    const meta = decodeTripMeta(view.private_metadata);
    const ids = (field(values, "visits")?.selected_options ?? [])
      .map((o) => Number(o.value))
      .filter((n) => Number.isInteger(n) && n > 0);
    if (ids.length === 0)
      return ack({ response_action: "errors", errors: { visits: t.trip.plan.errors.noneChosen } });
    if (ids.length > MAX_TRIP_VISITS)
      return ack({
        response_action: "errors",
        errors: { visits: t.trip.plan.errors.tooMany(MAX_TRIP_VISITS) },
      });
    const member = await requireMember(ctx, body.user.id, client, (text) =>
      ack({ response_action: "errors", errors: { visits: text } }),
    );
    if (!member) return;
    const day = today(ctx);
    const checked = validateTripPlan({ start: meta.s, end: meta.e, area: meta.a }, day, holidays);
    if (!checked.ok)
      return ack({ response_action: "errors", errors: { visits: t.trip.plan.errors.startPast } });
    const planned = await ctx.services.trips.planTrip(
      {
        collector: member,
        startDate: checked.start,
        endDate: checked.end,
        area: meta.a ?? "",
        customerIds: ids,
      },
      day,
    );
    if (!planned.ok) {
      const message =
        planned.error === "overlap"
          ? t.trip.plan.errors.overlap(planned.dates ?? "")
          : planned.error === "tooMany"
            ? t.trip.plan.errors.tooMany(MAX_TRIP_VISITS)
            : t.trip.plan.errors.noneChosen;
      return ack({ response_action: "errors", errors: { visits: message } });
    }
    await ack();
    await tellUser(
      ctx,
      { userId: body.user.id, channelId: meta.c },
      {
        text: t.trip.planned(
          tripDates({ startDate: checked.start, endDate: checked.end }, locale),
          planned.visits,
        ),
      },
    );
  });
}

/** A cost of the trip under way (the collector's, or any for an admin). */
function registerCostView(app: App, ctx: ListenerContext): void {
  const locale = ctx.config.locale;
  const t = messages(locale);
  app.view(TRIP_VIEWS.cost, async ({ ack, view, body, client }) => {
    const values = view.state.values as StateValues;
    let meta: { tripId?: number; c?: string } = {};
    try {
      meta = JSON.parse(view.private_metadata || "{}");
    } catch {
      meta = {};
    }
    const refuse = (text: string) => ack({ response_action: "errors", errors: { kind: text } });
    const member = await requireMember(ctx, body.user.id, client, refuse);
    if (!member) return;
    const found = await ctx.services.trips.manageableTrip(Number(meta.tripId) || 0, member);
    if (!found.ok) return refuse(tripRefusalText(ctx, found.error) ?? t.trip.noTrip);
    const { trip } = found;
    const checked = validateTripCost(
      {
        kind: field(values, "kind")?.selected_option?.value,
        amount: field(values, "amount")?.value ?? undefined,
        km: field(values, "km")?.value ?? undefined,
        date: field(values, "date")?.selected_date ?? undefined,
        note: field(values, "note")?.value ?? undefined,
      },
      { kmRateCents: ctx.config.trip.kmRateCents, defaultDate: today(ctx) },
    );
    if (!checked.ok) {
      const errors: Record<string, string> = {};
      for (const [k, code] of Object.entries(checked.errors)) errors[k] = t.trip.cost.errors[code] ?? code;
      return ack({ response_action: "errors", errors });
    }
    await ack();
    const { totalCents } = await ctx.services.trips.addTripCost(trip.id, checked.cost, member.slackUserId);
    await tellUser(
      ctx,
      { userId: body.user.id, channelId: meta.c },
      {
        text: t.trip.cost.saved(
          t.trip.cost.kinds[checked.cost.kind] ?? checked.cost.kind,
          formatEuro(checked.cost.amountCents, locale),
          formatEuro(totalCents, locale),
        ),
      },
    );
  });
}
