import type { KnownBlock, PlainTextOption } from "@slack/types";
import { formatDateCompact, formatDateLong } from "../domain/calendar";
import type { DigestData } from "../domain/cards";
import { type DigestEntry, digestEntries, groupEntries } from "../domain/digest-entries";
import { formatEuro } from "../domain/money";
import { reminderStepFor } from "../domain/reminder";
import type { Task } from "../domain/tasks";
import { escapeMrkdwn, truncate } from "../domain/text";
import type { Locale, Messages } from "../i18n";
import { reminderMessages } from "../i18n/reminders";
import { renderAction, renderReason } from "../i18n/tasks";

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const MAX_BLOCKS = 50;
/** Blocks reserved in the main message for the header, the totals, the window note and the "more" line. */
const MAIN_FRAME = 4;

export const DIGEST_ACTION_PREFIX = "digest_task";

/**
 * The morning digest as Slack messages: the first is posted in the channel, the others (when the tasks do
 * not fit in one message's 50 blocks) go in its thread, so nothing is silently dropped.
 */
export function digestMessages(d: DigestData, t: Messages, locale: Locale): SlackMessage[] {
  const dateLong = formatDateLong(d.date, locale);
  const holdCount = d.tasks.filter((x) => x.kind === "credit_hold").length;
  const entries = digestEntries(d.tasks);
  const frame: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: capitalize(t.digest.header(dateLong)) } },
    {
      type: "section",
      fields: [
        {
          type: "mrkdwn",
          text: `*${t.digest.overdue}*\n${formatEuro(d.overdueCents, locale)}${d.disputedCents ? `\n_${t.figures.ofWhichDisputed(formatEuro(d.disputedCents, locale))}_` : ""}`,
        },
        {
          type: "mrkdwn",
          text: `*${t.digest.promisedToday}*\n${formatEuro(d.promisedTodayCents, locale)}`,
        },
        { type: "mrkdwn", text: `*${t.digestEntry.customers}*\n${entries.length}` },
        { type: "mrkdwn", text: `*${t.digest.onHoldToDo}*\n${holdCount}` },
      ],
    },
  ];
  if (d.windowStart < d.date) {
    frame.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: t.digest.covers(formatDateCompact(d.windowStart, locale)) }],
    });
  }
  const fallback = `${capitalize(t.digest.header(dateLong))}: ${entries.length} ${t.digestEntry.customers.toLowerCase()}, ${t.digest.overdue.toLowerCase()} ${formatEuro(d.overdueCents, locale)}`;
  if (d.tasks.length === 0) {
    return [
      {
        text: fallback,
        blocks: [...frame, { type: "section", text: { type: "mrkdwn", text: t.digest.empty } }],
      },
    ];
  }

  // One flat list of section-title and entry blocks (one per customer), then cut into messages of at most
  // 50 blocks. Decisions come first, so they are always in the channel message, never in the thread.
  const items: { block: KnownBlock; kind: string; isTitle: boolean }[] = [];
  let index = 0;
  for (const group of groupEntries(entries)) {
    const title = `*${t.digestEntry.sections[group.kind] ?? group.kind}* · ${group.entries.length}`;
    items.push({ block: sectionTitle(title), kind: group.kind, isTitle: true });
    for (const entry of group.entries) {
      items.push({
        block: entryBlock(entry, index++, t, locale, d.ownerSlackIds ?? []),
        kind: group.kind,
        isTitle: false,
      });
    }
  }
  const messages: SlackMessage[] = [];
  let current: KnownBlock[] = [...frame];
  let limit = MAX_BLOCKS - (MAIN_FRAME - frame.length) - 1; // keep room for the "more in thread" line
  const flush = () => {
    messages.push({
      text: messages.length === 0 ? fallback : `${fallback} ${t.digest.continued}`,
      blocks: current,
    });
    current = [];
    limit = MAX_BLOCKS;
  };
  for (const item of items) {
    // a title never ends a message: it moves on with its first task
    if (current.length + (item.isTitle ? 2 : 1) > limit) {
      flush();
      if (!item.isTitle)
        current.push(
          sectionTitle(`*${t.digestEntry.sections[item.kind] ?? item.kind}* ${t.digest.continued}`),
        );
    }
    current.push(item.block);
  }
  flush();
  if (messages.length > 1) {
    const remaining = entries.length - countTasks(messages[0]!);
    messages[0]!.blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: t.digestEntry.moreInThread(remaining) }],
    });
  }
  return messages;
}

function countTasks(m: SlackMessage): number {
  return m.blocks.filter((b) => b.type === "section" && "accessory" in b && b.accessory).length;
}

function sectionTitle(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

/** One compact task: customer, € at stake, days overdue, assignee; reason -> action; last contact. */
export function taskLine(task: Task, t: Messages, locale: Locale): string {
  const head = [
    `*${escapeMrkdwn(task.customerName)}*`,
    formatEuro(task.amountCents, locale),
    task.daysOverdue > 0 ? t.digest.days(task.daysOverdue) : null,
    task.time ? `🕘 ${task.time}` : null,
    task.assignee ? escapeMrkdwn(task.assignee) : null,
    task.preserveRelationship ? `🤝 ${task.notifySlackIds.map((id) => `<@${id}>`).join(" ")}`.trim() : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const last = task.lastContact
    ? t.digest.lastContact(
        formatDateCompact(task.lastContact.date, locale),
        (t.channel[task.lastContact.channel] ?? task.lastContact.channel).toLowerCase(),
        (t.outcome[task.lastContact.outcome] ?? task.lastContact.outcome).toLowerCase(),
      )
    : t.digest.neverContacted;
  return truncate(
    `${head}\n${escapeMrkdwn(renderReason(task.reason, locale))} → ${escapeMrkdwn(renderAction(task.action, locale))}\n_${last}_`,
    3000,
  );
}

/** A short form of a free text: its first clause, at most `max` characters. */
function short(text: string, max: number): string {
  const first = text.split(/;|\n/)[0]!.trim();
  return truncate(first || text.trim(), max);
}

/**
 * The first line of an entry: customer, its overdue (the one amount of the entry), days, assignee, 🤝 with
 * the salesperson and a short form of the note, then the flags of the customer's other tasks.
 */
export function entryHead(entry: DigestEntry, t: Messages, locale: Locale): string {
  const p = entry.primary;
  const days = entry.daysOverdue > 0 ? t.digestEntry.days(entry.daysOverdue) : "";
  const preserve = p.preserveRelationship
    ? [
        `🤝 ${p.notifySlackIds.map((id) => `<@${id}>`).join(" ")}`.trim(),
        p.salesNote ? `_${escapeMrkdwn(t.digestEntry.salesNote(short(p.salesNote, 60)))}_` : null,
      ]
        .filter(Boolean)
        .join(" ")
    : null;
  return [
    `*${escapeMrkdwn(entry.customerName)}*`,
    entry.overdueCents > 0
      ? t.digestEntry.overdue(formatEuro(entry.overdueCents, locale), days)
      : t.digestEntry.nothingOverdue,
    p.assignee ? escapeMrkdwn(p.assignee) : null,
    preserve,
    ...entryFlags(entry, t),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The customer's other tasks as short flags (a list, so a new kind of task is one more entry). */
export function entryFlags(entry: DigestEntry, t: Messages): string[] {
  const seen = new Set<string>();
  const flags: string[] = [];
  for (const task of entry.flags) {
    const text = t.digestEntry.flags[task.kind] ?? task.kind;
    if (!seen.has(text)) flags.push(text);
    seen.add(text);
  }
  return flags;
}

/** The second line: what to do first (reason → action), with the number to call and who to ask for. */
export function entryAction(
  entry: DigestEntry,
  t: Messages,
  locale: Locale,
  owners: readonly string[],
): string {
  const p = entry.primary;
  const icon = t.digestEntry.icon[p.kind === "cadence" && p.channel ? p.channel : p.kind] ?? "📅";
  const parts = [
    `${icon} ${escapeMrkdwn(renderReason(p.reason, locale))} → ${escapeMrkdwn(renderAction(p.action, locale))}`,
  ];
  if (p.channel === "phone" && p.phone) {
    const who = p.askFor ? ` (${t.digestEntry.askFor(escapeMrkdwn(short(p.askFor, 40)))})` : "";
    parts.push(`${t.digestEntry.call(escapeMrkdwn(p.phone))}${who}`);
  }
  if (p.kind === "approval_pending" && owners.length > 0)
    parts.push(t.digestEntry.ownerAsk(owners.map((o) => `<@${o}>`).join(" ")));
  const last = p.lastContact
    ? t.digestEntry.lastContact(formatDateCompact(p.lastContact.date, locale))
    : t.digestEntry.never;
  parts.push(`_${last}_`);
  if (p.chasingNote) parts.push(`🗒 _${escapeMrkdwn(short(p.chasingNote, 80))}_`);
  return parts.join(" · ");
}

/** One customer's entry: at most two lines. */
export function entryText(
  entry: DigestEntry,
  t: Messages,
  locale: Locale,
  owners: readonly string[] = [],
): string {
  return truncate(`${entryHead(entry, t, locale)}\n${entryAction(entry, t, locale, owners)}`, 3000);
}

function entryBlock(
  entry: DigestEntry,
  index: number,
  t: Messages,
  locale: Locale,
  owners: readonly string[],
): KnownBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: entryText(entry, t, locale, owners) },
    accessory: {
      type: "overflow",
      action_id: `${DIGEST_ACTION_PREFIX}:${index}`,
      options: entryMenu(entry, t, locale).slice(0, 5),
    },
  };
}

/**
 * The overflow menu of an entry; each value says what to do and to whom: "<verb>:<customerId>[:<ref>]".
 * The leading task decides the first options; Slack allows five, so the rarest ones go last.
 */
function entryMenu(entry: DigestEntry, t: Messages, locale: Locale): PlainTextOption[] {
  const id = entry.customerId;
  const tasks = [entry.primary, ...entry.flags];
  const has = (kind: Task["kind"]) => tasks.find((x) => x.kind === kind);
  const option = (text: string, value: string): PlainTextOption => ({
    text: { type: "plain_text", text: truncate(text, 75) },
    value,
  });
  const menu = [option(t.digest.menu.log, `log:${id}`), option(t.digest.menu.case, `case:${id}`)];
  const p = entry.primary;
  // a written cadence step: draft it here ("remind:<id>:<step>-<channel>"), right after the first two
  const written = p.step && reminderStepFor(p.step);
  if (written && p.step)
    menu.push(option(reminderMessages(locale).menuPrepare, `remind:${id}:${written}-${p.step.channel}`));
  if (p.kind === "cadence" && p.awaitingSales && p.stepDay !== undefined) {
    menu.push(option(t.digestEntry.menuSalesOk, `salesok:${id}:${p.stepDay}`));
    menu.push(option(t.digestEntry.menuSalesObject, `salesno:${id}:${p.stepDay}`));
  }
  // a returned RiBa is a follow-up too: done once the team has dealt with it
  const followup = has("riba_returned") ?? has("followup");
  if (followup?.refId) menu.push(option(t.digest.menu.done, `done:${id}:${followup.refId}`));
  if (has("credit_hold")) menu.push(option(t.digest.menu.hold, `hold:${id}`));
  else if (has("credit_release")) menu.push(option(t.digest.menu.release, `release:${id}`));
  for (const [kind, what] of [
    ["legal_ready", "legal"],
    ["agency_ready", "agency"],
  ] as const) {
    if (!has(kind)) continue;
    const label = t.digestEntry.proposal[what] ?? what;
    menu.push(option(t.digestEntry.menuNotYet(label), `notyet:${id}:${what}`));
  }
  menu.push(option(t.digest.menu.assign, `assign:${id}`));
  if (!entry.decision) menu.push(option(t.digest.menu.snooze, `snooze:${id}`));
  return menu;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
