import type { Button, KnownBlock } from "@slack/types";
import { formatDateCompact } from "../domain/calendar";
import type { CaseCard } from "../domain/cards";
import { formatEuro } from "../domain/money";
import { escapeMrkdwn } from "../domain/text";
import type { Locale, Messages } from "../i18n";
import { costsNote } from "./costs";
import { disputedNote } from "./customer-card";
import { prepareReminderButton } from "./reminder";

/** Buttons whose action_id starts with "log_outcome" open the /credito log modal for the customer in `value`. */
export const CASE_ACTIONS = {
  log: "log_outcome:case",
  note: "case_edit_note",
  resolveDispute: "case_resolve_dispute",
} as const;

/** The case's parent message in the channel: kept up to date with chat.update. */
export function caseParentMessage(
  card: CaseCard,
  t: Messages,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const p = card.position;
  const euro = (c: number) => formatEuro(c, locale);
  const closed = card.closedOn !== null;
  const icon = closed ? "✅" : p.creditHold ? "⛔" : "📁";
  const title = `${icon} *${escapeMrkdwn(p.name)}* · ${escapeMrkdwn(p.code)}`;
  const stage = closed
    ? t.case.closedAs(t.case.closeReason[card.closeReason ?? ""] ?? card.closeReason ?? "")
    : (t.stage[card.stage] ?? card.stage);
  const who = (m: { slackUserId: string } | null) => (m ? `<@${m.slackUserId}>` : t.case.nobody);
  const last = p.lastContact
    ? `${formatDateCompact(p.lastContact.date, locale)} · ${t.channel[p.lastContact.channel] ?? p.lastContact.channel} · ${t.outcome[p.lastContact.outcome] ?? p.lastContact.outcome}`
    : t.case.never;
  const flags = [
    p.preserveRelationship ? `🤝 ${t.case.preserve}` : null,
    p.creditHold ? `⛔ ${t.case.creditHold}` : null,
  ]
    .filter(Boolean)
    .join("\n");
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `${title}\n*${stage}*` } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*${t.case.exposure}*\n${euro(p.openCents)}` },
        {
          type: "mrkdwn",
          text: `*${t.case.overdue}*\n${euro(p.overdueCents)} · ${p.daysOverdue > 0 ? t.case.daysOverdue(p.daysOverdue) : t.case.notOverdue}${disputedNote(p.disputedCents, t, euro)}`,
        },
        { type: "mrkdwn", text: `*${t.case.assignee}*\n${who(card.assignee)}` },
        { type: "mrkdwn", text: `*${t.case.salesperson}*\n${who(p.salesperson)}` },
      ],
    },
    { type: "context", elements: [{ type: "mrkdwn", text: `${t.case.lastContact}: ${last}` }] },
  ];
  const costs = costsNote(card, t, locale);
  if (costs) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: costs }] });
  if (flags) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: flags }] });
  if (!closed) blocks.push(...openCaseBlocks(card, t, locale));
  // the fallback is mrkdwn too: a customer's name must not notify or link there either
  const disputedPart = p.disputedCents ? ` (${t.figures.ofWhichDisputed(euro(p.disputedCents))})` : "";
  const text = `${escapeMrkdwn(p.name)} (${escapeMrkdwn(p.code)}): ${stage}, ${euro(p.overdueCents)} ${t.case.overdue.toLowerCase()}${disputedPart}`;
  return { text, blocks };
}

/** An open case: the disputed invoices, then its buttons (log, note, end the dispute, prepare a reminder). */
function openCaseBlocks(card: CaseCard, t: Messages, locale: Locale): KnownBlock[] {
  const p = card.position;
  const blocks: KnownBlock[] = [];
  const disputed = p.openInvoices.filter((i) => i.status === "disputed");
  if (disputed.length > 0) {
    const numbers = disputed.map((i) => escapeMrkdwn(i.number)).join(", ");
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `⚠️ ${t.case.disputed(numbers)}` }] });
  }
  const resolve: Button[] = disputed.length
    ? [
        {
          type: "button",
          action_id: CASE_ACTIONS.resolveDispute,
          text: { type: "plain_text", text: t.case.resolveDisputeButton },
          value: String(p.id),
        },
      ]
    : [];
  blocks.push({
    type: "actions",
    block_id: `case_actions:${card.caseId}`,
    elements: [
      {
        type: "button",
        action_id: CASE_ACTIONS.log,
        text: { type: "plain_text", text: t.case.logButton },
        value: String(p.id),
        style: "primary",
      },
      {
        type: "button",
        action_id: CASE_ACTIONS.note,
        text: { type: "plain_text", text: t.case.noteButton },
        value: String(p.id),
      },
      ...resolve,
      ...prepareReminderButton(p.id, p.overdueCents, locale),
    ],
  });
  return blocks;
}
