import type { AppContext } from "../../context";
import type { Db, Tx } from "../../db/client";
import { readerOf } from "../../db/reads";
import { unitOfWork } from "../../db/unit-of-work";
import { dateInZone, daysBetween, formatDateCompact, type IsoDate } from "../../domain/calendar";
import type { TripCard } from "../../domain/cards";
import { customerNote } from "../../domain/customer-note";
import { formatEuro } from "../../domain/money";
import type { TripCostEntry } from "../../domain/trip-costs";
import { tripDates } from "../../domain/trip-debrief";
import {
  inArea,
  MAX_TRIP_VISITS,
  parseArea,
  type RankedCandidate,
  rankTripCandidates,
  scheduleVisits,
  type TripCandidate,
  tripBusinessDays,
} from "../../domain/trip-plan";
import type { FieldTrip } from "../../generated/prisma/client";
import { messages } from "../../i18n";
import { tripParentMessage } from "../../messages/trip";
import { audit } from "../audit";
import { exposureOfInvoices } from "../customers/exposure";
import type { Member } from "../team/team";

/** Stages in which the case is someone else's (agency, lawyer): not worth a visit. */
const NOT_VISITED_STAGES = ["agency", "legal"];

/**
 * The customers of an area worth a visit, best first (see rankTripCandidates): something overdue, no
 * disputed-only position, the case not with the agency or the lawyer.
 */
export async function tripCandidates(
  db: Db | Tx,
  areaText: string,
  today: IsoDate,
): Promise<RankedCandidate[]> {
  const area = parseArea(areaText);
  if (area.provinces.length === 0 && area.cities.length === 0) return [];
  const customers = await db.customer.findMany({
    where: { invoices: { some: { status: "open", openCents: { gt: 0 }, dueDate: { lt: today } } } },
    include: {
      invoices: {
        where: { status: "open", openCents: { gt: 0 }, dueDate: { lt: today } },
        select: { dueDate: true, openCents: true },
      },
      promises: { where: { status: "broken" }, select: { id: true } },
      cases: { where: { closedOn: null }, select: { stage: true } },
      interactions: {
        where: { channel: "visit" },
        orderBy: { date: "desc" },
        take: 1,
        select: { date: true },
      },
    },
  });
  const candidates: TripCandidate[] = [];
  for (const c of customers) {
    if (!inArea(area, c)) continue;
    if (c.cases.some((k) => NOT_VISITED_STAGES.includes(k.stage))) continue;
    const oldest = c.invoices.reduce<string | null>(
      (m, i) => (m === null || i.dueDate < m ? i.dueDate : m),
      null,
    );
    candidates.push({
      customerId: c.id,
      code: c.code,
      name: c.name,
      address: c.address,
      postalCode: c.postalCode,
      city: c.city,
      province: c.province,
      phone: c.phone,
      mobile: c.mobile,
      note: customerNote(c),
      overdueCents: exposureOfInvoices(c.id, c.invoices, today).overdueCents,
      daysOverdue: oldest ? daysBetween(oldest, today) : 0,
      brokenPromises: c.promises.length,
      lastVisit: c.interactions[0]?.date ?? null,
    });
  }
  return rankTripCandidates(candidates);
}

/** The collector's trip that is under way today (status planned or open, today between its first and last day). */
export async function activeTripFor(db: Db | Tx, memberId: number, day: IsoDate): Promise<FieldTrip | null> {
  return db.fieldTrip.findFirst({
    where: {
      collectorId: memberId,
      status: { in: ["planned", "open"] },
      startDate: { lte: day },
      endDate: { gte: day },
    },
    orderBy: { id: "desc" },
  });
}

/** The channel `/credito log` proposes: "visit" while the user is on a trip, otherwise none (the form's default). */
export async function tripChannelFor(
  db: Db,
  slackUserId: string,
  day: IsoDate,
): Promise<"visit" | undefined> {
  const reader = readerOf(db);
  if (reader) {
    // asked on every /credito log: the same question as below, on the read connection (see db/reads.ts)
    const trip = reader.get(
      `SELECT t.id FROM "FieldTrip" t JOIN "TeamMember" m ON m.id = t.collectorId
       WHERE m.slackUserId = ? AND t.status IN ('planned', 'open') AND t.startDate <= ? AND t.endDate >= ?
       LIMIT 1`,
      slackUserId,
      day,
      day,
    );
    return trip ? "visit" : undefined;
  }
  const member = await db.teamMember.findUnique({ where: { slackUserId } });
  if (!member) return undefined;
  return (await activeTripFor(db, member.id, day)) ? "visit" : undefined;
}

/** The trip the collector can add costs to or close: the latest not closed that has started by today. */
export async function currentTripOf(db: Db | Tx, memberId: number, day: IsoDate): Promise<FieldTrip | null> {
  return db.fieldTrip.findFirst({
    where: { collectorId: memberId, status: { in: ["planned", "open"] }, startDate: { lte: day } },
    orderBy: [{ startDate: "desc" }, { id: "desc" }],
  });
}

/**
 * Called by logOutcome inside its transaction: a visit logged by a collector whose trip is under way belongs
 * to the trip. The interaction gets the trip id, the planned visit is marked visited (a customer not in the
 * plan is added as an unplanned visit), the trip becomes "open" and its message is refreshed.
 * Returns the trip id, or null when the visit is not part of a trip.
 */
export async function attachVisitToTrip(
  ctx: AppContext,
  tx: Tx,
  v: { memberId: number; customerId: number; interactionId: number; channel: string; day: IsoDate },
): Promise<number | null> {
  if (v.channel !== "visit") return null;
  const trip = await activeTripFor(tx, v.memberId, v.day);
  if (!trip) return null;
  await tx.interaction.update({ where: { id: v.interactionId }, data: { tripId: trip.id } });
  const planned = await tx.tripVisit.findUnique({
    where: { tripId_customerId: { tripId: trip.id, customerId: v.customerId } },
  });
  if (planned) {
    await tx.tripVisit.update({
      where: { id: planned.id },
      data: { status: "visited", interactionId: v.interactionId },
    });
  } else {
    const last = await tx.tripVisit.aggregate({ where: { tripId: trip.id }, _max: { position: true } });
    await tx.tripVisit.create({
      data: {
        tripId: trip.id,
        customerId: v.customerId,
        position: (last._max.position ?? 0) + 1,
        plannedDate: v.day,
        status: "visited",
        interactionId: v.interactionId,
      },
    });
  }
  if (trip.status === "planned")
    await tx.fieldTrip.update({ where: { id: trip.id }, data: { status: "open" } });
  await refreshTripParent(ctx, trip.id, tx);
  return trip.id;
}

export type PlanTripResult =
  | { ok: true; tripId: number; visits: number }
  | { ok: false; error: "noneChosen" | "tooMany" | "overlap"; dates?: string };

/**
 * Records a planned trip and its visits (each with a day, same-city customers together) in one transaction
 * and queues its message in the team channel: the message is the parent of the trip's thread.
 */
export async function planTrip(
  ctx: AppContext,
  input: { collector: Member; startDate: IsoDate; endDate: IsoDate; area: string; customerIds: number[] },
  today: IsoDate,
): Promise<PlanTripResult> {
  const ids = [...new Set(input.customerIds)];
  if (ids.length === 0) return { ok: false, error: "noneChosen" };
  if (ids.length > MAX_TRIP_VISITS) return { ok: false, error: "tooMany" };
  const result = await unitOfWork(ctx, async (tx): Promise<PlanTripResult> => {
    const overlap = await tx.fieldTrip.findFirst({
      where: {
        collectorId: input.collector.id,
        status: { in: ["planned", "open"] },
        startDate: { lte: input.endDate },
        endDate: { gte: input.startDate },
      },
    });
    if (overlap) return { ok: false, error: "overlap", dates: tripDates(overlap, ctx.config.locale) };
    const customers = await tx.customer.findMany({
      where: { id: { in: ids } },
      select: { id: true, city: true, province: true },
    });
    const byId = new Map(customers.map((c) => [c.id, c]));
    const ordered = ids.map((id) => byId.get(id)).filter((c) => c !== undefined);
    if (ordered.length === 0) return { ok: false, error: "noneChosen" };
    const schedule = scheduleVisits(
      ordered,
      tripBusinessDays(input.startDate, input.endDate, ctx.config.rules.extraHolidays),
    );
    const trip = await tx.fieldTrip.create({
      data: {
        collectorId: input.collector.id,
        startDate: input.startDate,
        endDate: input.endDate,
        area: input.area.trim(),
        status: input.startDate <= today ? "open" : "planned",
        visits: {
          create: schedule.map((s, i) => ({
            customerId: s.item.id,
            position: i + 1,
            plannedDate: s.plannedDate,
          })),
        },
      },
    });
    await audit(tx, {
      actor: input.collector.slackUserId,
      action: "trip.planned",
      detail: {
        tripId: trip.id,
        area: trip.area,
        startDate: trip.startDate,
        endDate: trip.endDate,
        customerIds: ids,
      },
    });
    await ctx.outbox.enqueue(
      {
        method: "chat.postMessage",
        channel: ctx.config.slack.channel,
        payload: await tripMessagePayload(ctx, tx, trip.id),
        onSent: { kind: "trip_parent", tripId: trip.id },
        dedupeKey: `trip-parent:${trip.id}`,
      },
      tx,
    );
    return { ok: true, tripId: trip.id, visits: schedule.length };
  });
  return result;
}

/** What the trip's parent message shows, read from the database. */
export async function tripCard(db: Db | Tx, tripId: number, timeZone: string): Promise<TripCard> {
  const trip = await db.fieldTrip.findUniqueOrThrow({
    where: { id: tripId },
    include: {
      collector: true,
      costs: true,
      visits: {
        orderBy: { position: "asc" },
        include: {
          customer: {
            include: {
              invoices: {
                where: { status: "open", openCents: { gt: 0 } },
                select: { openCents: true, dueDate: true },
              },
            },
          },
        },
      },
    },
  });
  return {
    id: trip.id,
    area: trip.area,
    startDate: trip.startDate,
    endDate: trip.endDate,
    status: trip.status,
    collector: trip.collector ? { name: trip.collector.name, slackUserId: trip.collector.slackUserId } : null,
    costCents: trip.costs.reduce((s, c) => s + c.amountCents, 0),
    closedOn: trip.closedAt ? dateInZone(trip.closedAt, timeZone) : null,
    visits: trip.visits.map((v) => ({
      customerId: v.customerId,
      name: v.customer.name,
      code: v.customer.code,
      address: [v.customer.address, [v.customer.postalCode, v.customer.city].filter(Boolean).join(" ")]
        .filter(Boolean)
        .join(", "),
      province: v.customer.province,
      phone: v.customer.mobile ?? v.customer.phone,
      note: v.customer.noteApproach ?? v.customer.noteAttention,
      plannedDate: v.plannedDate,
      status: v.status,
      openCents: v.customer.invoices.reduce((s, i) => s + i.openCents, 0),
    })),
  };
}

async function tripMessagePayload(
  ctx: AppContext,
  db: Db | Tx,
  tripId: number,
): Promise<Record<string, unknown>> {
  const card = await tripCard(db, tripId, ctx.config.timeZone);
  return tripParentMessage(card, messages(ctx.config.locale), ctx.config.locale);
}

/** Queues a chat.update of the trip's parent message (visits done, costs, closed). */
export async function refreshTripParent(ctx: AppContext, tripId: number, tx: Tx = ctx.db): Promise<void> {
  await ctx.outbox.enqueue(
    {
      method: "chat.update",
      channel: ctx.config.slack.channel,
      payload: await tripMessagePayload(ctx, tx, tripId),
      anchor: { tripId },
    },
    tx,
  );
}

/** Queues a line in the trip's thread. */
export async function postToTrip(
  ctx: AppContext,
  tripId: number,
  message: { text: string; blocks?: unknown[] },
  tx: Tx = ctx.db,
): Promise<void> {
  await ctx.outbox.enqueue(
    {
      method: "chat.postMessage",
      channel: ctx.config.slack.channel,
      payload: { ...message },
      anchor: { tripId },
    },
    tx,
  );
}

/** Records a cost of the trip (audited), with a line in the trip's thread and the parent's total refreshed. */
export async function addTripCost(
  ctx: AppContext,
  tripId: number,
  cost: TripCostEntry,
  actorSlackId: string,
): Promise<{ totalCents: number }> {
  const locale = ctx.config.locale;
  const t = messages(locale);
  const total = await unitOfWork(ctx, async (tx) => {
    const row = await tx.tripCost.create({
      data: {
        tripId,
        kind: cost.kind,
        amountCents: cost.amountCents,
        km: cost.km,
        date: cost.date,
        note: cost.note,
      },
    });
    await audit(tx, {
      actor: actorSlackId,
      action: "trip.cost",
      detail: { tripId, costId: row.id, ...cost },
    });
    const kind = t.trip.cost.kinds[cost.kind] ?? cost.kind;
    const amount =
      cost.km !== null
        ? `${formatEuro(cost.amountCents, locale)} (${t.trip.cost.kmDetail(cost.km, formatEuro(ctx.config.trip.kmRateCents, locale))})`
        : formatEuro(cost.amountCents, locale);
    await postToTrip(
      ctx,
      tripId,
      { text: t.trip.cost.line(kind, amount, formatDateCompact(cost.date, locale), `<@${actorSlackId}>`) },
      tx,
    );
    await refreshTripParent(ctx, tripId, tx);
    const sum = await tx.tripCost.aggregate({ where: { tripId }, _sum: { amountCents: true } });
    return sum._sum.amountCents ?? 0;
  });
  return { totalCents: total };
}

/** Whether a member may add costs to or close a trip: its collector, or an admin. */
export function mayManageTrip(member: Member, trip: Pick<FieldTrip, "collectorId">): boolean {
  return trip.collectorId === member.id || member.role === "admin";
}
