import type { KnownBlock, PlainTextOption } from "@slack/types";
import { formatDateCompact, formatDateLong, type IsoDate } from "../../domain/calendar";
import { formatEuro, formatEuroRound } from "../../domain/money";
import { reminderStepFor } from "../../domain/reminder";
import { groupTasksByKind, type Task } from "../../domain/tasks";
import { escapeMrkdwn, truncate } from "../../domain/text";
import type { Locale, Messages } from "../../i18n";
import { reminderMessages } from "../../i18n/reminders";

export interface DigestData {
  date: IsoDate;
  /** first day covered (Monday covers the weekend) */
  windowStart: IsoDate;
  overdueCents: number;
  promisedTodayCents: number;
  tasks: readonly Task[];
}

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
  const frame: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: capitalize(t.digest.header(dateLong)) } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*${t.digest.overdue}*\n${formatEuroRound(d.overdueCents, locale)}` },
        {
          type: "mrkdwn",
          text: `*${t.digest.promisedToday}*\n${formatEuroRound(d.promisedTodayCents, locale)}`,
        },
        { type: "mrkdwn", text: `*${t.digest.tasks}*\n${d.tasks.length}` },
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
  const fallback = `${capitalize(t.digest.header(dateLong))}: ${d.tasks.length} ${t.digest.tasks.toLowerCase()}, ${t.digest.overdue.toLowerCase()} ${formatEuroRound(d.overdueCents, locale)}`;
  if (d.tasks.length === 0) {
    return [
      {
        text: fallback,
        blocks: [...frame, { type: "section", text: { type: "mrkdwn", text: t.digest.empty } }],
      },
    ];
  }

  // One flat list of section-title and task blocks, then cut into messages of at most 50 blocks.
  const items: { block: KnownBlock; kind: string; isTitle: boolean }[] = [];
  let index = 0;
  for (const group of groupTasksByKind(d.tasks)) {
    const title = `*${t.digest.kinds[group.kind] ?? group.kind}* · ${group.tasks.length}`;
    items.push({ block: sectionTitle(title), kind: group.kind, isTitle: true });
    for (const task of group.tasks) {
      items.push({ block: taskBlock(task, index++, t, locale), kind: group.kind, isTitle: false });
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
        current.push(sectionTitle(`*${t.digest.kinds[item.kind] ?? item.kind}* ${t.digest.continued}`));
    }
    current.push(item.block);
  }
  flush();
  if (messages.length > 1) {
    const remaining = d.tasks.length - countTasks(messages[0]!);
    messages[0]!.blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: t.digest.moreInThread(remaining) }],
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
  return truncate(`${head}\n${escapeMrkdwn(task.reason)} → ${escapeMrkdwn(task.action)}\n_${last}_`, 3000);
}

function taskBlock(task: Task, index: number, t: Messages, locale: Locale): KnownBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: taskLine(task, t, locale) },
    accessory: {
      type: "overflow",
      action_id: `${DIGEST_ACTION_PREFIX}:${index}`,
      options: taskMenu(task, t, locale),
    },
  };
}

/** The overflow menu of a task; each value says what to do and to whom: "<verb>:<customerId>[:<ref>]". */
function taskMenu(task: Task, t: Messages, locale: Locale): PlainTextOption[] {
  const id = task.customerId;
  const option = (text: string, value: string): PlainTextOption => ({
    text: { type: "plain_text", text },
    value,
  });
  const menu = [option(t.digest.menu.log, `log:${id}`), option(t.digest.menu.case, `case:${id}`)];
  if (task.kind === "credit_hold") menu.push(option(t.digest.menu.hold, `hold:${id}`));
  else if (task.kind === "credit_release") menu.push(option(t.digest.menu.release, `release:${id}`));
  else if (task.kind === "followup" && task.refId)
    menu.push(option(t.digest.menu.done, `done:${id}:${task.refId}`));
  // a written cadence step: draft it here ("remind:<id>:<step>-<channel>")
  const written = task.step && reminderStepFor(task.step);
  if (written && task.step)
    menu.push(option(reminderMessages(locale).menuPrepare, `remind:${id}:${written}-${task.step.channel}`));
  menu.push(option(t.digest.menu.assign, `assign:${id}`));
  if (task.kind !== "approval_pending") menu.push(option(t.digest.menu.snooze, `snooze:${id}`));
  return menu;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
