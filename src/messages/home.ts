import type { HomeView, KnownBlock } from "@slack/types";
import { formatDateCompact, formatDateLong } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import type { TeamPosition } from "../domain/positions";
import { escapeMrkdwn } from "../domain/text";
import type { Locale, Messages } from "../i18n";

const MAX_PROMISE_LINES = 15;
const STATUS_ICON: Record<string, string> = { open: "⏳", kept: "✅", partial: "◐", broken: "❌" };

/** App Home: the team's position at a glance. `extra` lets other features append their own blocks. */
export function homeView(p: TeamPosition, t: Messages, locale: Locale, extra: KnownBlock[] = []): HomeView {
  const euro = (c: number) => formatEuro(c, locale);
  const stages = p.casesByStage.length
    ? p.casesByStage.map((s) => `• ${t.stage[s.stage] ?? s.stage}: *${s.count}*`).join("\n")
    : t.home.noCases;
  const disputed = p.disputedCents ? `\n_${t.figures.ofWhichDisputed(euro(p.disputedCents))}_` : "";
  const shown = p.promisesThisWeek.slice(0, MAX_PROMISE_LINES);
  const promiseLines = shown.map(
    (pr) =>
      `${STATUS_ICON[pr.status] ?? "•"} ${formatDateCompact(pr.dueDate, locale)} · *${escapeMrkdwn(pr.customerName)}* · ${euro(pr.amountCents)} · ${t.promiseStatus[pr.status] ?? pr.status}`,
  );
  if (p.promisesThisWeek.length > shown.length) {
    promiseLines.push(t.home.morePromises(p.promisesThisWeek.length - shown.length));
  }
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: t.home.title } },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: t.home.updated(formatDateLong(p.today, locale)) }],
    },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*${t.home.overdue}*\n${euro(p.overdueCents)}${disputed}` },
        { type: "mrkdwn", text: `*${t.home.openTotal}*\n${euro(p.openCents)}` },
        { type: "mrkdwn", text: `*${t.home.onHold}*\n${euro(p.creditHoldCents)}` },
        { type: "mrkdwn", text: `*${t.home.customersOverdue(p.customersOverdue)}*` },
      ],
    },
    { type: "divider" },
    { type: "section", text: { type: "mrkdwn", text: `*${t.home.casesByStage}*\n${stages}` } },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: `*${t.home.promisesWeek}*\n${promiseLines.length ? promiseLines.join("\n") : t.home.noPromises}`,
      },
    },
    ...extra,
  ];
  return { type: "home", blocks: blocks.slice(0, 100) };
}

/** Home for someone outside the credit team: what Credito is and how to get in. */
export function outsiderHomeView(t: Messages): HomeView {
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: t.home.outsiderTitle } },
      { type: "section", text: { type: "mrkdwn", text: t.home.outsider } },
    ],
  };
}
