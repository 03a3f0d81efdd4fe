import type { AppContext } from "../../context";
import { today as todayOf } from "../../context";
import type { Db } from "../../db/client";
import { readerOf } from "../../db/reads";
import { unitOfWork } from "../../db/unit-of-work";
import { type IsoDate, isIsoDate, monthIndex } from "../../domain/calendar";
import {
  computeReport,
  monthPeriod,
  type Period,
  previousWeekPeriod,
  type Report,
  type ReportInput,
  weekPeriod,
} from "../../domain/kpi";
import { type Locale, messages } from "../../i18n";
import { reportHomeBlocks, reportMessage } from "../../messages/report";
import { renderReportCharts } from "./report-charts";
import { readReportInput } from "./report-input";

/** Maps the database rows to the KPI records (src/domain/kpi.ts); everything, as the KPIs look back in time. */
export async function loadReportInput(db: Db): Promise<ReportInput> {
  const reader = readerOf(db);
  if (reader) return readReportInput(reader); // the same rows, without Prisma's per-row cost (report-input.ts)
  const [invoices, payments, promises, interactions, customers, members, trips] = await Promise.all([
    db.invoice.findMany({
      select: {
        id: true,
        customerId: true,
        issueDate: true,
        dueDate: true,
        amountCents: true,
        openCents: true,
        status: true,
        closedOn: true,
        firstSeenOpenCents: true,
      },
    }),
    db.payment.findMany({
      select: { id: true, customerId: true, invoiceId: true, date: true, amountCents: true },
    }),
    db.paymentPromise.findMany({
      select: {
        customerId: true,
        interactionId: true,
        amountCents: true,
        paidCents: true,
        dueDate: true,
        status: true,
      },
    }),
    db.interaction.findMany({
      select: { id: true, customerId: true, memberId: true, tripId: true, date: true },
    }),
    db.customer.findMany({
      select: {
        id: true,
        creditHold: true,
        cases: { where: { closedOn: null }, select: { stage: true }, orderBy: { id: "desc" }, take: 1 },
      },
    }),
    db.teamMember.findMany({ select: { id: true, name: true } }),
    db.fieldTrip.findMany({
      select: {
        id: true,
        area: true,
        startDate: true,
        endDate: true,
        collector: { select: { name: true } },
        costs: { select: { amountCents: true } },
      },
    }),
  ]);
  return {
    invoices,
    payments,
    promises,
    interactions,
    customers: customers.map((c) => ({
      id: c.id,
      creditHold: c.creditHold,
      caseStage: c.cases[0]?.stage ?? null,
    })),
    members,
    trips: trips.map((t) => ({
      id: t.id,
      collectorName: t.collector?.name ?? null,
      area: t.area,
      startDate: t.startDate,
      endDate: t.endDate,
      costsCents: t.costs.map((c) => c.amountCents),
    })),
  };
}

export async function buildReport(ctx: Pick<AppContext, "db">, period: Period): Promise<Report> {
  return computeReport(await loadReportInput(ctx.db), period);
}

/**
 * The period a user asked for: "" or "mese" (the month so far), "mese 2026-10" (that month), "settimana"
 * (Monday to today); English "month"/"week" too. Null when not understood or in the future.
 */
export function parsePeriod(args: string, today: IsoDate): Period | null {
  const [word = "", extra, ...rest] = args.trim().toLowerCase().split(/\s+/);
  if (rest.length > 0) return null;
  if (word === "settimana" || word === "week") return extra === undefined ? weekPeriod(today) : null;
  if (word !== "" && word !== "mese" && word !== "month") return null;
  if (extra === undefined) return monthPeriod(today);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(extra);
  const slashed = /^(\d{1,2})\/(\d{4})$/.exec(extra);
  const namedMonth = monthIndex(extra.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
  let year: number;
  let month: number;
  if (iso) [year, month] = [Number(iso[1]), Number(iso[2])];
  else if (slashed) [year, month] = [Number(slashed[2]), Number(slashed[1])];
  else if (namedMonth > 0) {
    // a month name alone: its latest occurrence up to today
    month = namedMonth;
    year = Number(today.slice(0, 4)) - (month > Number(today.slice(5, 7)) ? 1 : 0);
  } else return null;
  const first = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
  if (!isIsoDate(first) || first > today) return null;
  return monthPeriod(first, today);
}

/** A period from explicit dates (CLI --from/--to). */
export function rangePeriod(from: IsoDate, to: IsoDate): Period {
  return { kind: "range", from, to };
}

export interface PostedReport {
  report: Report;
  outboxId: number;
  charts: number;
}

/**
 * Queues the report message in the team channel and its charts as PNG uploads in the message's thread.
 * With a `dedupeKey` (the Monday report), a second call for the same key queues nothing new.
 */
export async function postReport(
  ctx: AppContext,
  period: Period,
  opts: { dedupeKey?: string } = {},
): Promise<PostedReport> {
  const locale = ctx.config.locale;
  const t = messages(locale);
  const report = await buildReport(ctx, period);
  const channel = ctx.config.slack.channel;
  const key =
    opts.dedupeKey ??
    `report:${period.from}:${period.to}:${ctx.clock.now().getTime()}:${Math.random().toString(36).slice(2, 8)}`;
  const existing = await ctx.db.outboxMessage.findUnique({ where: { dedupeKey: key } });
  if (existing) return { report, outboxId: existing.id, charts: 0 };
  const message = reportMessage(report, t, locale, todayOf(ctx));
  const charts = await renderReportCharts(report, locale);
  const outboxId = await unitOfWork(ctx, async (tx) => {
    const id = await ctx.outbox.enqueue(
      { method: "chat.postMessage", channel, payload: { ...message }, dedupeKey: key },
      tx,
    );
    for (const [i, chart] of charts.entries()) {
      await ctx.outbox.enqueue(
        {
          method: "files.upload",
          channel,
          payload: {
            filename: chart.filename,
            title: chart.title,
            alt_text: chart.altText,
            data: chart.png.toString("base64"),
          },
          anchor: { outboxKey: key },
          dedupeKey: `${key}:chart:${i + 1}`,
        },
        tx,
      );
    }
    return id;
  });
  return { report, outboxId, charts: charts.length };
}

/** The Monday job: last week's report (Monday to Sunday), posted once per week whatever the re-runs. */
export async function postWeeklyReport(ctx: AppContext): Promise<PostedReport> {
  const period = previousWeekPeriod(todayOf(ctx));
  return postReport(ctx, period, { dedupeKey: `report:week:${period.from}` });
}

/** The month-so-far figures for App Home. */
export async function reportHomeExtra(
  ctx: AppContext,
  locale: Locale = ctx.config.locale, // the Home reader's, when it follows each user's language
): Promise<ReturnType<typeof reportHomeBlocks>> {
  const day = todayOf(ctx);
  const report = await buildReport(ctx, monthPeriod(day));
  return reportHomeBlocks(report, messages(locale), locale, day);
}
