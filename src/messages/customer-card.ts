import type { KnownBlock } from "@slack/types";
import { formatDateCompact } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import type { CustomerCardData } from "../domain/positions";
import type { SearchHit } from "../domain/search";
import { escapeMrkdwn, truncate } from "../domain/text";
import type { Locale, Messages } from "../i18n";
import { reminderMessages } from "../i18n/reminders";
import { REMINDER_ACTIONS } from "./reminder";

/** action ids of the card; "log_outcome:card" opens the log modal like every log_outcome… button */
export const CARD_ACTIONS = {
  log: "log_outcome:card",
  openCase: "customer_open_case",
  show: "customer_card_show",
} as const;

const MAX_INVOICES = 12;

/**
 * The ephemeral customer card of `/credito cliente`: position, open invoices, promises with their history,
 * last contacts, the salesperson note; buttons to log an outcome and to go to (or open) the case.
 * `caseLink` is the permalink of the case thread when it exists.
 */
export function customerCard(
  card: CustomerCardData,
  t: Messages,
  locale: Locale,
  caseLink?: string,
): { text: string; blocks: KnownBlock[] } {
  const p = card.position;
  const C = t.log.card;
  const P = t.log.position;
  const euro = (c: number) => formatEuro(c, locale);
  const day = (d: string) => formatDateCompact(d, locale);
  const flags = [
    p.creditHold ? `⛔ ${t.case.creditHold}` : null,
    p.preserveRelationship ? `🤝 ${t.case.preserve}` : null,
  ].filter(Boolean);
  const stage = card.openCase ? `📁 ${t.stage[card.openCase.stage] ?? card.openCase.stage}` : null;
  const head = [
    `*${escapeMrkdwn(C.title(p.name, p.code))}*`,
    p.vatNumber ? `${C.vat} ${escapeMrkdwn(p.vatNumber)}` : null,
    stage,
  ]
    .filter(Boolean)
    .join(" · ");
  const contacts = [p.phone, p.mobile, p.email, p.pec ? `PEC ${p.pec}` : null]
    .filter(Boolean)
    .map((c) => escapeMrkdwn(c as string));
  const oldest = p.oldestDueDate
    ? `${day(p.oldestDueDate)} · ${t.case.daysOverdue(p.daysOverdue)}`
    : t.case.notOverdue;
  const last = p.lastContact
    ? `${day(p.lastContact.date)} · ${t.channel[p.lastContact.channel] ?? p.lastContact.channel} · ${t.outcome[p.lastContact.outcome] ?? p.lastContact.outcome}`
    : P.never;

  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: truncate(head, 3000) } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*${P.open}*\n${euro(p.openCents)}` },
        {
          type: "mrkdwn",
          text: `*${P.overdue}*\n${euro(p.overdueCents)}${disputedNote(p.disputedCents, t, euro)}`,
        },
        { type: "mrkdwn", text: `*${P.oldest}*\n${oldest}` },
        { type: "mrkdwn", text: `*${P.lastContact}*\n${last}` },
        {
          type: "mrkdwn",
          text: truncate(
            `*${C.contacts}*\n${contacts.length > 0 ? contacts.join("\n") : C.noContacts}`,
            2000,
          ),
        },
        {
          type: "mrkdwn",
          text: `*${P.salesperson}*\n${p.salesperson ? `<@${p.salesperson.slackUserId}>` : t.case.nobody}`,
        },
      ],
    },
  ];
  if (flags.length > 0)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: flags.join("\n") }] });

  const note = [p.note.approach, p.note.attention, p.note.referencePerson]
    .filter(Boolean)
    .map((n) => escapeMrkdwn(n as string));
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: truncate(`🗒 *${P.note}*: ${note.length > 0 ? note.join(" · ") : P.noNote}`, 3000),
      },
    ],
  });

  const invoiceLines = p.openInvoices.slice(0, MAX_INVOICES).map((i) => {
    const number = `${escapeMrkdwn(i.number)}${i.installment > 1 ? `/${i.installment}` : ""}`;
    const disputed = i.status === "disputed" ? ` · ⚠️ ${C.disputed}` : "";
    return `• ${number} · ${day(i.dueDate)} · ${euro(i.openCents)}${disputed}`;
  });
  if (p.openInvoices.length > MAX_INVOICES)
    invoiceLines.push(C.moreInvoices(p.openInvoices.length - MAX_INVOICES));
  blocks.push({ type: "divider" });
  blocks.push({
    type: "section",
    text: {
      type: "mrkdwn",
      text: truncate(
        `*${C.invoices}*\n${invoiceLines.length > 0 ? invoiceLines.join("\n") : C.noInvoices}`,
        3000,
      ),
    },
  });

  const promiseLines = card.promises.map((pr) => {
    const icon =
      pr.status === "kept" ? "✅" : pr.status === "broken" ? "❌" : pr.status === "open" ? "⏳" : "•";
    const paid = pr.paidCents > 0 ? ` (${euro(pr.paidCents)})` : "";
    const seq = pr.sequence > 1 ? ` #${pr.sequence}` : "";
    return `${icon} ${euro(pr.amountCents)}${seq} · ${day(pr.dueDate)} · ${t.promiseStatus[pr.status] ?? pr.status}${paid} · ${day(pr.createdOn)}`;
  });
  blocks.push({
    type: "section",
    text: {
      type: "mrkdwn",
      text: truncate(
        `*${C.promises}*\n${promiseLines.length > 0 ? promiseLines.join("\n") : C.noPromises}`,
        3000,
      ),
    },
  });

  const contactLines = card.contacts.map((c) => {
    const who = c.by ? ` · ${escapeMrkdwn(c.by)}` : "";
    const notes = c.notes ? `: _${escapeMrkdwn(truncate(c.notes.replace(/\s+/g, " "), 120))}_` : "";
    return `• ${day(c.date)} · ${t.channel[c.channel] ?? c.channel} · ${t.outcome[c.outcome] ?? c.outcome}${who}${notes}`;
  });
  blocks.push({
    type: "section",
    text: {
      type: "mrkdwn",
      text: truncate(
        `*${C.contactsHistory}*\n${contactLines.length > 0 ? contactLines.join("\n") : C.noContactsHistory}`,
        3000,
      ),
    },
  });

  const caseButton = caseLink
    ? {
        type: "button" as const,
        action_id: CARD_ACTIONS.openCase,
        text: { type: "plain_text" as const, text: C.caseThread },
        url: caseLink,
        value: String(p.id),
      }
    : {
        type: "button" as const,
        action_id: CARD_ACTIONS.openCase,
        text: { type: "plain_text" as const, text: C.openCase },
        value: String(p.id),
      };
  blocks.push({
    type: "actions",
    block_id: `customer_card:${p.id}`,
    elements: [
      {
        type: "button",
        action_id: CARD_ACTIONS.log,
        style: "primary",
        text: { type: "plain_text", text: C.logButton },
        value: String(p.id),
      },
      caseButton,
      ...(p.overdueCents > 0
        ? [
            {
              type: "button" as const,
              action_id: REMINDER_ACTIONS.prepare,
              text: { type: "plain_text" as const, text: reminderMessages(locale).prepare },
              value: String(p.id),
            },
          ]
        : []),
    ],
  });

  const text = `${p.name} (${p.code}): ${P.open.toLowerCase()} ${euro(p.openCents)}, ${P.overdue.toLowerCase()} ${euro(p.overdueCents)}${p.disputedCents ? ` (${t.figures.ofWhichDisputed(euro(p.disputedCents))})` : ""}`;
  return { text: escapeMrkdwn(text), blocks };
}

/** Several customers match: one line each with a button to show its card. */
export function customerChoices(
  query: string,
  hits: readonly SearchHit[],
  t: Messages,
): { text: string; blocks: KnownBlock[] } {
  const C = t.log.card;
  const head = C.matches(escapeMrkdwn(query));
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: truncate(head, 3000) } }];
  for (const h of hits.slice(0, 10)) {
    const c = h.customer;
    const label = [escapeMrkdwn(c.name), `\`${escapeMrkdwn(c.code)}\``, c.city ? escapeMrkdwn(c.city) : null]
      .filter(Boolean)
      .join(" · ");
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(label, 3000) },
      accessory: {
        type: "button",
        action_id: `${CARD_ACTIONS.show}:${c.id}`,
        text: { type: "plain_text", text: C.show },
        value: String(c.id),
      },
    });
  }
  return {
    text: `${head} ${hits.map((h) => escapeMrkdwn(`${h.customer.name} (${h.customer.code})`)).join(", ")}`,
    blocks,
  };
}

/** "di cui contestato € ..." under an overdue figure, when part of it is disputed. */
export function disputedNote(cents: number, t: Messages, euro: (c: number) => string): string {
  return cents ? `\n_${t.figures.ofWhichDisputed(euro(cents))}_` : "";
}
