import type { AppContext } from "../../context";
import { today as todayOf } from "../../context";
import type { Db, Tx } from "../../db/client";
import { unitOfWork } from "../../db/unit-of-work";
import { formatDateCompact, formatDateShort, type IsoDate, nextBusinessDay } from "../../domain/calendar";
import type { NarrativeSource } from "../../domain/cards";
import { formatEuro } from "../../domain/money";
import { type StoredTaskText, storeTaskText } from "../../domain/task-text";
import { escapeMrkdwn } from "../../domain/text";
import {
  buildDebrief,
  type DebriefVisitFacts,
  type NextAction,
  type TripDebrief,
  type TripFacts,
  tripDates,
} from "../../domain/trip-debrief";
import { messages } from "../../i18n";
import { renderAction, renderReason } from "../../i18n/tasks";
import { debriefMessage } from "../../messages/trip";
import { audit } from "../audit";
import { requestApproval } from "../cases/approvals";
import { openCase, postToCase } from "../cases/cases";
import { chasedCents, customerExposure } from "../customers/exposure";
import { draftPecRecap } from "./pec";
import { tripNarrative } from "./trip-summary";
import { postToTrip, refreshTripParent } from "./trips";

/** Everything the debrief needs about a trip, read from the records. */
export async function loadTripFacts(db: Db | Tx, tripId: number, closedOn: IsoDate): Promise<TripFacts> {
  const trip = await db.fieldTrip.findUniqueOrThrow({
    where: { id: tripId },
    include: {
      collector: true,
      costs: true,
      visits: { orderBy: { position: "asc" }, include: { customer: true } },
      interactions: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
    },
  });
  const visits: DebriefVisitFacts[] = [];
  for (const v of trip.visits) {
    const contacts = trip.interactions.filter((i) => i.customerId === v.customerId && i.channel === "visit");
    const ids = contacts.map((c) => c.id);
    const [before, promises, documents, payments, owed, settlement] = await Promise.all([
      db.interaction.count({
        where: { customerId: v.customerId, channel: "visit", date: { lt: trip.startDate } },
      }),
      db.paymentPromise.findMany({
        where: { interactionId: { in: ids }, status: { not: "cancelled" } },
        orderBy: [{ dueDate: "asc" }, { sequence: "asc" }],
      }),
      db.document.findMany({ where: { interactionId: { in: ids } }, orderBy: { id: "asc" } }),
      db.payment.aggregate({
        where: { customerId: v.customerId, date: { gte: trip.startDate, lte: closedOn } },
        _sum: { amountCents: true },
      }),
      customerExposure(db, v.customerId, closedOn),
      db.approvalRequest.findFirst({
        where: {
          kind: "settlement",
          case: { customerId: v.customerId },
          requestedOn: { gte: trip.startDate },
        },
        orderBy: { id: "desc" },
      }),
    ]);
    visits.push({
      customerId: v.customerId,
      code: v.customer.code,
      name: v.customer.name,
      status: v.status as DebriefVisitFacts["status"],
      firstVisit: before === 0,
      overdueCents: chasedCents(owed),
      collectedCents: contacts.length > 0 ? (payments._sum.amountCents ?? 0) : 0,
      pec: v.customer.pec,
      contacts: contacts.map((c) => ({
        interactionId: c.id,
        date: c.date,
        outcome: c.outcome,
        personReached: c.personReached,
        mood: c.mood,
        sincerity: c.sincerity,
        notes: c.notes,
        newContact: parseNewInfo(c.newInfo),
      })),
      promises: promises.map((p) => ({ amountCents: p.amountCents, dueDate: p.dueDate })),
      documents: documents.map((d) => ({ kind: d.kind, date: d.date, amountCents: d.amountCents })),
      settlement: settlement && {
        amountCents: settlement.amountCents,
        writeOffCents: settlement.writeOffCents,
        terms: settlement.terms,
      },
    });
  }
  return {
    tripId: trip.id,
    area: trip.area,
    startDate: trip.startDate,
    endDate: trip.endDate,
    closedOn,
    collector: trip.collector?.name ?? "",
    costs: trip.costs.map((c) => ({ kind: c.kind, amountCents: c.amountCents, km: c.km })),
    visits,
  };
}

function parseNewInfo(raw: string | null): DebriefVisitFacts["contacts"][number]["newContact"] {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const k of ["phone", "mobile", "email", "pec"])
      if (typeof v[k] === "string") out[k] = v[k] as string;
    return out;
  } catch {
    return {};
  }
}

export type CloseTripResult =
  | {
      ok: true;
      tripId: number;
      debrief: TripDebrief;
      narrative: { text: string; source: NarrativeSource };
      nextDay: IsoDate;
      taskIds: number[];
      approvalIds: number[];
      pecDraftIds: number[];
    }
  | { ok: false; error: "not_found" | "already_closed" };

/**
 * Closes a trip: builds the debrief from the records, has the narrative written (AI with a checked fallback,
 * before the transaction), then in ONE transaction: marks the trip closed (once: a second close gets
 * "already_closed") and the planned visits not done as skipped; creates the next business day's follow-ups
 * for the digest (call the new numbers, legal, verify proposals, keep in contact); asks the approvals the
 * logged visits have not asked yet (legal for a refusal; the owner's verification of a restructuring or
 * instalment plan); drafts the PEC recaps; writes a visit line in each visited customer's case thread and the
 * debrief in the trip's thread; refreshes the trip's message.
 */
export async function closeTrip(
  ctx: AppContext,
  tripId: number,
  actorSlackId: string,
): Promise<CloseTripResult> {
  const day = todayOf(ctx);
  const locale = ctx.config.locale;
  const t = messages(locale);
  const trip = await ctx.db.fieldTrip.findUnique({ where: { id: tripId }, include: { collector: true } });
  if (!trip) return { ok: false, error: "not_found" };
  if (trip.status === "closed") return { ok: false, error: "already_closed" };
  const facts = await loadTripFacts(ctx.db, tripId, day);
  const debrief = buildDebrief(facts);
  const narrative = await tripNarrative(ctx, debrief);
  const nextDay = nextBusinessDay(day, ctx.config.rules.extraHolidays);
  const collectorSlackId = trip.collector?.slackUserId ?? actorSlackId;
  const dates = tripDates(trip, locale);

  const result = await unitOfWork(ctx, async (tx): Promise<CloseTripResult> => {
    const claimed = await tx.fieldTrip.updateMany({
      where: { id: tripId, status: { in: ["planned", "open"] } },
      data: {
        status: "closed",
        closedAt: ctx.clock.now(),
        debrief: JSON.stringify({ debrief, narrative, nextDay }),
      },
    });
    if (claimed.count !== 1) return { ok: false, error: "already_closed" };
    await tx.tripVisit.updateMany({ where: { tripId, status: "planned" }, data: { status: "skipped" } });

    const taskIds: number[] = [];
    for (const a of debrief.actions) {
      const text = taskText(a, debrief);
      const row = await tx.dailyTask.create({
        data: {
          date: nextDay,
          kind: `trip_${a.kind}`,
          customerId: a.customerId,
          assigneeSlackId: collectorSlackId,
          // the sentences for readers of the row; the digest renders `detail` in its reader's locale
          reason: renderReason(text.reason, locale),
          action: renderAction(text.action, locale),
          detail: storeTaskText(text),
          source: `trip:${tripId}`,
        },
      });
      taskIds.push(row.id);
    }

    const close: TripClosing = { ctx, tx, trip, facts, debrief, day, collectorSlackId };
    const approvalIds = await askTripApprovals(close);
    const { pecDraftIds, pecCustomers } = await draftTripPecs(close);
    await postVisitLines(close, dates);

    await postToTrip(
      ctx,
      tripId,
      debriefMessage(debrief, narrative, { nextDay, pecDrafted: pecCustomers }, t, locale),
      tx,
    );
    await refreshTripParent(ctx, tripId, tx);
    await audit(tx, {
      actor: actorSlackId,
      action: "trip.closed",
      detail: {
        tripId,
        collectedCents: debrief.collectedCents,
        promisedCents: debrief.promisedCents,
        costCents: debrief.costCents,
        narrative: narrative.source,
        taskIds,
        approvalIds,
        pecDraftIds,
      },
    });
    return { ok: true, tripId, debrief, narrative, nextDay, taskIds, approvalIds, pecDraftIds };
  });
  return result;
}

/** What the steps of closing a trip share (inside its one transaction). */
interface TripClosing {
  ctx: AppContext;
  tx: Tx;
  trip: { id: number; area: string; startDate: IsoDate };
  facts: TripFacts;
  debrief: TripDebrief;
  day: IsoDate;
  collectorSlackId: string;
}

/**
 * The approvals the logged visits have not asked yet: legal for a refusal, the owner's verification of a
 * concession (an instalment plan is verified by the team, through the digest task). Returns their ids.
 */
async function askTripApprovals(c: TripClosing): Promise<number[]> {
  const { ctx, tx, trip, facts, debrief, day, collectorSlackId } = c;
  const locale = ctx.config.locale;
  const t = messages(locale);
  const approvalIds: number[] = [];
  for (const a of debrief.actions) {
    if (a.kind !== "legal" && a.kind !== "verify_proposal") continue;
    const kind = a.kind === "legal" ? "legal" : "settlement";
    // an instalment plan is verified by the team (the digest task); only concessions go to the owner
    if (
      a.kind === "verify_proposal" &&
      debrief.proposals.find((p) => p.customerId === a.customerId)?.kind === "installments"
    )
      continue;
    const kase = await openCase(tx, a.customerId, day);
    // the visit itself may have asked already (a logged refusal or settlement asks at once)
    const asked = await tx.approvalRequest.findFirst({
      where: { caseId: kase.id, kind, requestedOn: { gte: trip.startDate } },
      orderBy: { id: "desc" },
    });
    if (asked) {
      approvalIds.push(asked.id);
      continue;
    }
    const proposal = debrief.proposals.find((p) => p.customerId === a.customerId);
    const terms =
      a.kind === "verify_proposal" && proposal
        ? proposalTerms(proposal, debrief, facts, t, locale)
        : undefined;
    const req = await requestApproval(
      ctx,
      tx,
      {
        caseId: kase.id,
        kind,
        amountCents: proposal?.kind === "installments" ? undefined : (proposal?.amountCents ?? undefined),
        writeOffCents: proposal?.writeOffCents ?? undefined,
        terms,
        requestedBySlackId: collectorSlackId,
      },
      day,
    );
    approvalIds.push(req.id);
  }
  return approvalIds;
}

/** A PEC recap drafted for each visited customer with a PEC address who promised (the last such contact). */
async function draftTripPecs(c: TripClosing): Promise<{ pecDraftIds: number[]; pecCustomers: Set<number> }> {
  const { ctx, tx, trip, facts, day, collectorSlackId } = c;
  const pecDraftIds: number[] = [];
  const pecCustomers = new Set<number>();
  for (const v of facts.visits) {
    if (!v.pec || v.promises.length === 0) continue;
    const withPromise = [...v.contacts]
      .reverse()
      .find((x) => x.outcome === "promise" || x.outcome === "installments");
    if (!withPromise) continue;
    const draft = await draftPecRecap(
      ctx,
      tx,
      {
        interactionId: withPromise.interactionId,
        tripId: trip.id,
        ownerSlackId: collectorSlackId,
        collectorName: facts.collector,
      },
      day,
    );
    if (draft) {
      pecDraftIds.push(draft.id);
      pecCustomers.add(v.customerId);
    }
  }
  return { pecDraftIds, pecCustomers };
}

/** One visit line in each visited customer's case thread: the last outcome and what comes next. */
async function postVisitLines(c: TripClosing, dates: string): Promise<void> {
  const { ctx, tx, trip, facts, debrief, day } = c;
  const locale = ctx.config.locale;
  const t = messages(locale);
  for (const v of facts.visits) {
    const last = v.contacts[v.contacts.length - 1];
    if (!last) continue;
    const kase = await tx.case.findFirst({ where: { customerId: v.customerId, closedOn: null } });
    if (!kase) continue;
    const next = debrief.actions
      .filter((a) => a.customerId === v.customerId)
      .map((a) =>
        a.kind === "call_new_number"
          ? t.trip.debrief.caseNext.call_new_number(escapeMrkdwn(a.detail))
          : t.trip.debrief.caseNext[a.kind],
      )
      .join("; ");
    await postToCase(
      ctx,
      kase.id,
      {
        text: t.trip.debrief.caseLine(
          escapeMrkdwn(trip.area),
          dates,
          formatDateCompact(last.date, locale),
          t.outcome[last.outcome] ?? last.outcome,
          next || t.trip.debrief.caseNext.keep_contact,
        ),
      },
      day,
      tx,
    );
  }
}

/** The follow-up's reason and action as data (a.detail: the number, the proposal kind, the outcome). */
function taskText(a: NextAction, d: TripDebrief): StoredTaskText {
  switch (a.kind) {
    case "call_new_number":
      return {
        reason: { code: "trip_call_new_number", area: d.area, number: a.detail },
        action: { code: "trip_call_new_number", number: a.detail },
      };
    case "legal":
      return { reason: { code: "trip_legal", area: d.area }, action: { code: "trip_legal" } };
    case "verify_proposal":
      return {
        reason: { code: "trip_verify_proposal", area: d.area, proposal: a.detail },
        action: { code: "trip_verify_proposal" },
      };
    case "keep_contact":
      return {
        reason: { code: "trip_keep_contact", area: d.area, outcome: a.detail },
        action: { code: "trip_keep_contact" },
      };
  }
}

/** The terms shown to the owner for a proposal the visit did not already submit for approval. */
function proposalTerms(
  p: TripDebrief["proposals"][number],
  d: TripDebrief,
  facts: TripFacts,
  t: ReturnType<typeof messages>,
  locale: "it" | "en",
): string {
  if (p.terms) return p.terms;
  if (p.kind === "installments") {
    const promises = d.promises.filter((x) => x.customerId === p.customerId);
    const first = promises[0];
    const last = promises[promises.length - 1];
    if (first && last)
      return t.trip.task.approvalTerms.installments(
        formatEuro(p.amountCents ?? 0, locale),
        formatDateShort(first.dueDate, locale),
        formatDateShort(last.dueDate, locale),
      );
  }
  const notes = facts.visits
    .find((v) => v.customerId === p.customerId)
    ?.contacts.map((c) => c.notes)
    .filter(Boolean)
    .join(" ");
  return t.trip.task.approvalTerms
    .restructuring((notes || t.trip.task.proposalKind[p.kind]) ?? "")
    .slice(0, 500);
}
