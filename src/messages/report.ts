import type { KnownBlock } from "@slack/types";
import { endOfMonth, formatDateCompact, formatDateLong, type IsoDate, type Locale } from "../domain/calendar";
import type { Period, Report } from "../domain/kpi";
import { formatEuro, formatPercent } from "../domain/money";
import { escapeMrkdwn, truncate } from "../domain/text";
import type { Messages } from "../i18n";
import { number } from "../i18n/format";

const MAX_COLLECTOR_LINES = 15;
const MAX_TRIP_LINES = 10;
const SECTION_MAX = 3000;

/** "novembre 2026", "settimana 2 mar – 8 mar", "dal 01/11/2026 al 15/11/2026". */
export function periodLabel(period: Period, t: Messages, locale: Locale): string {
  if (period.kind === "month") {
    return t.report.periodMonth(monthName(period.from, locale), Number(period.from.slice(0, 4)));
  }
  if (period.kind === "week") {
    return t.report.periodWeek(formatDateCompact(period.from, locale), formatDateCompact(period.to, locale));
  }
  return t.report.periodRange(
    formatDateCompact(period.from, locale),
    `${formatDateCompact(period.to, locale)} ${period.to.slice(0, 4)}`,
  );
}

function monthName(day: IsoDate, locale: Locale): string {
  return formatDateLong(day, locale).split(" ")[2] ?? "";
}

/** "✅ 42,5%" when the target is beaten, "⚠️ 33,3%" when not, "n.d." without data. */
function versusTarget(
  share: number | null,
  met: boolean | null,
  target: number,
  t: Messages,
  locale: Locale,
): string {
  if (share === null) return `${t.report.noData} · _${t.report.target(formatPercent(target, locale))}_`;
  return `${met ? "✅" : "⚠️"} *${formatPercent(share, locale)}* · _${t.report.target(formatPercent(target, locale))}_`;
}

function decimal(n: number | null, t: Messages, locale: Locale): string {
  if (n === null) return t.report.noData;
  return number(n, locale);
}

/** The KPI fields shared by the channel message and App Home. */
function kpiFields(r: Report, t: Messages, locale: Locale): { type: "mrkdwn"; text: string }[] {
  const euro = (c: number) => formatEuro(c, locale);
  const tr = t.report;
  const rate =
    r.promises.keptRate === null ? tr.noData : tr.keptRate(formatPercent(r.promises.keptRate, locale));
  return [
    {
      type: "mrkdwn",
      text: `*${tr.recovery90}*\n${versusTarget(r.recovery90.share, r.recovery90.met, r.recovery90.target, t, locale)}`,
    },
    {
      type: "mrkdwn",
      text: `*${tr.reorder}*\n${versusTarget(r.reorder.share, r.reorder.met, r.reorder.target, t, locale)}`,
    },
    { type: "mrkdwn", text: `*${tr.promises}*\n${rate}` },
    {
      type: "mrkdwn",
      text: `*${tr.dso}*\n${r.dso.dso === null ? tr.noData : tr.dsoDetail(decimal(r.dso.dso, t, locale))}`,
    },
    {
      type: "mrkdwn",
      text: `*${tr.daysOverdue}*\n${
        r.position.avgDaysOverdue === null
          ? tr.noData
          : tr.daysOverdueDetail(
              decimal(r.position.avgDaysOverdue, t, locale),
              decimal(r.position.avgDaysOverdueWeighted, t, locale),
            )
      }`,
    },
    { type: "mrkdwn", text: `*${tr.recovered}*\n${euro(r.recoveredCents)}` },
  ];
}

function positionFields(r: Report, t: Messages, locale: Locale): { type: "mrkdwn"; text: string }[] {
  const euro = (c: number) => formatEuro(c, locale);
  const tr = t.report;
  return [
    {
      type: "mrkdwn",
      text: `*${tr.overdue}*\n${euro(r.position.overdueCents)}${r.position.disputedCents ? `\n_${t.figures.ofWhichDisputed(euro(r.position.disputedCents))}_` : ""}`,
    },
    { type: "mrkdwn", text: `*${tr.openTotal}*\n${euro(r.position.openCents)}` },
    { type: "mrkdwn", text: `*${tr.onHold}*\n${euro(r.position.creditHoldCents)}` },
    { type: "mrkdwn", text: `*${tr.agency}*\n${euro(r.position.agencyCents)}` },
    { type: "mrkdwn", text: `*${tr.legal}*\n${euro(r.position.legalCents)}` },
  ];
}

function agingLines(r: Report, t: Messages, locale: Locale): string {
  return r.position.aging
    .map((b) =>
      t.report.agingLine(t.report.agingKeys[b.key] ?? b.key, formatEuro(b.cents, locale), b.invoices),
    )
    .join("\n");
}

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, SECTION_MAX) } };
}

/** The report message for the channel: KPIs with their targets, position, aging, collectors, field trips. */
export function reportMessage(
  r: Report,
  t: Messages,
  locale: Locale,
  today: IsoDate,
): { text: string; blocks: KnownBlock[] } {
  const euro = (c: number) => formatEuro(c, locale);
  const tr = t.report;
  const title = tr.header(periodLabel(r.period, t, locale));
  const range =
    r.period.kind === "month" && r.period.to < endOfMonth(r.period.from)
      ? tr.periodMonthSoFar(
          monthName(r.period.from, locale),
          Number(r.period.from.slice(0, 4)),
          formatDateCompact(r.period.to, locale),
        )
      : tr.periodRange(
          formatDateCompact(r.period.from, locale),
          `${formatDateCompact(r.period.to, locale)} ${r.period.to.slice(0, 4)}`,
        );
  const collectorLines = r.collectors.collectors
    .slice(0, MAX_COLLECTOR_LINES)
    .map((c) =>
      tr.collectorLine(
        escapeMrkdwn(c.name),
        c.contacts,
        c.promises,
        euro(c.promisedCents),
        euro(c.recoveredCents),
      ),
    );
  if (r.collectors.collectors.length > MAX_COLLECTOR_LINES) {
    collectorLines.push(t.home.morePromises(r.collectors.collectors.length - MAX_COLLECTOR_LINES));
  }
  if (r.collectors.unattributedCents > 0)
    collectorLines.push(`_${tr.unattributed(euro(r.collectors.unattributedCents))}_`);
  const tripLines = r.trips
    .slice(0, MAX_TRIP_LINES)
    .map((x) =>
      tr.tripLine(
        x.collectorName ? escapeMrkdwn(x.collectorName) : "",
        escapeMrkdwn(x.area),
        `${formatDateCompact(x.startDate, locale)} – ${formatDateCompact(x.endDate, locale)}`,
        euro(x.costCents),
        x.contacts,
        euro(x.promisedCents),
        euro(x.recoveredCents),
      ),
    );
  const p = r.promises;
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncate(title, 150) } },
    { type: "context", elements: [{ type: "mrkdwn", text: `${range} · ${formatDateLong(today, locale)}` }] },
    { type: "section", fields: kpiFields(r, t, locale) },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: [
            `${tr.recovery90}: ${tr.recovery90Detail(euro(r.recovery90.recoveredCents), euro(r.recovery90.overdueCents), r.recovery90.invoices)}`,
            `${tr.reorder}: ${tr.reorderDetail(r.reorder.orderedAgain, r.reorder.recoveredCustomers)}`,
            `${tr.promises}: ${tr.promisesDetail(p.kept, p.partial, p.broken, p.open)}`,
          ].join("\n"),
        },
      ],
    },
    { type: "divider" },
    { type: "section", fields: positionFields(r, t, locale) },
    section(`*${tr.aging}*\n${agingLines(r, t, locale)}`),
    { type: "divider" },
    section(`*${tr.collectors}*\n${collectorLines.length ? collectorLines.join("\n") : tr.noCollectors}`),
    section(`*${tr.trips}*\n${tripLines.length ? tripLines.join("\n") : tr.noTrips}`),
    { type: "context", elements: [{ type: "mrkdwn", text: `${tr.chartsNote} ${tr.definitions}` }] },
  ];
  const text = [
    title,
    `${tr.recovery90}: ${r.recovery90.share === null ? tr.noData : formatPercent(r.recovery90.share, locale)}`,
    `${tr.reorder}: ${r.reorder.share === null ? tr.noData : formatPercent(r.reorder.share, locale)}`,
    `${tr.overdue}: ${euro(r.position.overdueCents)}`,
    `${tr.recovered}: ${euro(r.recoveredCents)}`,
  ].join(" · ");
  return { text, blocks };
}

/** App Home: the month-so-far KPIs and aging, under the team's position. */
export function reportHomeBlocks(r: Report, t: Messages, locale: Locale, _today: IsoDate): KnownBlock[] {
  return [
    { type: "divider" },
    section(`*${t.report.homeTitle(periodLabel(r.period, t, locale))}*`),
    { type: "section", fields: kpiFields(r, t, locale) },
    section(`*${t.report.aging}*\n${agingLines(r, t, locale)}`),
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*${t.report.agency}*\n${formatEuro(r.position.agencyCents, locale)}` },
        { type: "mrkdwn", text: `*${t.report.legal}*\n${formatEuro(r.position.legalCents, locale)}` },
      ],
    },
  ];
}
