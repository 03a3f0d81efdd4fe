import type { KnownBlock } from "@slack/types";
import { formatDateCompact } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import type { CustomerCardData } from "../domain/positions";
import type { SearchHit } from "../domain/search";
import { escapeMrkdwn, truncate } from "../domain/text";
import type { Locale, Messages } from "../i18n";
import { contactNotes } from "../i18n/contact-notes";
import { costsNote } from "./costs";
import { prepareReminderButton } from "./reminder";

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
  const f: CardParts = {
    card,
    t,
    locale,
    euro: (c: number) => formatEuro(c, locale),
    day: (d: string) => formatDateCompact(d, locale),
  };
  const blocks: KnownBlock[] = [
    ...positionBlocks(f),
    noteBlock(f),
    { type: "divider" },
    invoicesBlock(f),
    promisesBlock(f),
    contactsBlock(f),
    actionsBlock(f, caseLink),
  ];
  const p = card.position;
  const P = t.log.position;
  const { euro } = f;
  const text = `${p.name} (${p.code}): ${P.open.toLowerCase()} ${euro(p.openCents)}, ${P.overdue.toLowerCase()} ${euro(p.overdueCents)}${p.disputedCents ? ` (${t.figures.ofWhichDisputed(euro(p.disputedCents))})` : ""}`;
  return { text: escapeMrkdwn(text), blocks };
}

/** What the parts of the card are drawn from. */
interface CardParts {
  card: CustomerCardData;
  t: Messages;
  locale: Locale;
  euro: (c: number) => string;
  day: (d: string) => string;
}

/**
 * Name, VAT number and case stage; the figures, contacts and salesperson; the credit-hold and 🤝 flags and
 * what the case cost (as on the case parent).
 */
function positionBlocks({ card, t, locale, euro, day }: CardParts): KnownBlock[] {
  const p = card.position;
  const C = t.log.card;
  const P = t.log.position;
  const flags = [
    p.creditHold ? `⛔ ${t.case.creditHold}` : null,
    p.preserveRelationship ? `🤝 ${t.case.preserve}` : null,
    costsNote(card, t, locale) || null,
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
  return blocks;
}

function noteBlock({ card, t }: CardParts): KnownBlock {
  const p = card.position;
  const P = t.log.position;
  const note = [p.note.approach, p.note.attention, p.note.referencePerson]
    .filter(Boolean)
    .map((n) => escapeMrkdwn(n as string));
  return {
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: truncate(`🗒 *${P.note}*: ${note.length > 0 ? note.join(" · ") : P.noNote}`, 3000),
      },
    ],
  };
}

/** A titled list in one section, or the line saying it is empty. */
function listSection(title: string, lines: readonly string[], empty: string): KnownBlock {
  return {
    type: "section",
    text: {
      type: "mrkdwn",
      text: truncate(`*${title}*\n${lines.length > 0 ? lines.join("\n") : empty}`, 3000),
    },
  };
}

function invoicesBlock({ card, t, euro, day }: CardParts): KnownBlock {
  const p = card.position;
  const C = t.log.card;
  const invoiceLines = p.openInvoices.slice(0, MAX_INVOICES).map((i) => {
    const number = `${escapeMrkdwn(i.number)}${i.installment > 1 ? `/${i.installment}` : ""}`;
    const disputed = i.status === "disputed" ? ` · ⚠️ ${C.disputed}` : "";
    return `• ${number} · ${day(i.dueDate)} · ${euro(i.openCents)}${disputed}`;
  });
  if (p.openInvoices.length > MAX_INVOICES)
    invoiceLines.push(C.moreInvoices(p.openInvoices.length - MAX_INVOICES));
  return listSection(C.invoices, invoiceLines, C.noInvoices);
}

function promisesBlock({ card, t, euro, day }: CardParts): KnownBlock {
  const C = t.log.card;
  const promiseLines = card.promises.map((pr) => {
    const icon =
      pr.status === "kept" ? "✅" : pr.status === "broken" ? "❌" : pr.status === "open" ? "⏳" : "•";
    const paid = pr.paidCents > 0 ? ` (${euro(pr.paidCents)})` : "";
    const seq = pr.sequence > 1 ? ` #${pr.sequence}` : "";
    return `${icon} ${euro(pr.amountCents)}${seq} · ${day(pr.dueDate)} · ${t.promiseStatus[pr.status] ?? pr.status}${paid} · ${day(pr.createdOn)}`;
  });
  return listSection(C.promises, promiseLines, C.noPromises);
}

function contactsBlock({ card, t, locale, day }: CardParts): KnownBlock {
  const C = t.log.card;
  const contactLines = card.contacts.map((c) => {
    const who = c.by ? ` · ${escapeMrkdwn(c.by)}` : "";
    const said = contactNotes(c, locale);
    const notes = said ? `: _${escapeMrkdwn(truncate(said.replace(/\s+/g, " "), 120))}_` : "";
    return `• ${day(c.date)} · ${t.channel[c.channel] ?? c.channel} · ${t.outcome[c.outcome] ?? c.outcome}${who}${notes}`;
  });
  return listSection(C.contactsHistory, contactLines, C.noContactsHistory);
}

/** Log an outcome; go to the case thread (or open the case); prepare a reminder when something is overdue. */
function actionsBlock({ card, t, locale }: CardParts, caseLink: string | undefined): KnownBlock {
  const p = card.position;
  const C = t.log.card;
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
  return {
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
      ...prepareReminderButton(p.id, p.overdueCents, locale),
    ],
  };
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
