import type { AppContext } from "../../context";
import { today as todayOf } from "../../context";
import { unitOfWork } from "../../db/unit-of-work";
import { type IsoDate, isBusinessDay, timeInZone } from "../../domain/calendar";
import type { DigestData } from "../../domain/cards";
import { exposure } from "../../domain/exposure";
import { computeTasks, type Task, windowStart } from "../../domain/tasks";
import { messages } from "../../i18n";
import { digestMessages } from "../../messages/digest";
import { closeSettledCases } from "../cases/case-lifecycle";
import { announcePromiseChanges, refreshPromiseStatuses } from "../cases/promises";
import { loadDigestInput, taskRules } from "./digest-input";

/** The day's tasks and totals, without touching Slack. */
export async function buildDigest(ctx: AppContext, date: IsoDate): Promise<DigestData> {
  const rules = taskRules(ctx.config);
  const input = await loadDigestInput(ctx.db, date);
  const tasks = computeTasks(input, rules);
  const from = windowStart(date, rules.holidays);
  // the same figure as App Home, the report and the customer card (src/domain/exposure.ts)
  const { overdueCents, disputedCents } = exposure(input.invoices, date);
  const promisedTodayCents = input.promises
    .filter((p) => p.status === "open" && p.dueDate >= from && p.dueDate <= date)
    .reduce((sum, p) => sum + Math.max(0, p.amountCents - p.paidCents), 0);
  const owners = await ctx.db.teamMember.findMany({
    where: { role: "owner", active: true },
    select: { slackUserId: true },
    orderBy: { id: "asc" },
  });
  const ownerSlackIds = owners.map((o) => o.slackUserId);
  return { date, windowStart: from, overdueCents, disputedCents, promisedTodayCents, tasks, ownerSlackIds };
}

export type DigestResult =
  | { status: "skipped"; reason: "not_business_day" }
  | { status: "posted" | "updated"; tasks: readonly Task[]; messages: number };

/**
 * Posts the morning digest for `date` in the team channel. Promises are re-evaluated first. Running it again
 * for the same day updates the messages already posted instead of posting new ones.
 */
export async function postDigest(ctx: AppContext, date: IsoDate = todayOf(ctx)): Promise<DigestResult> {
  if (!isBusinessDay(date, ctx.config.rules.extraHolidays))
    return { status: "skipped", reason: "not_business_day" };
  await closeSettledCases(ctx, date);
  const promiseChanges = await refreshPromiseStatuses(ctx, date);
  const data = await buildDigest(ctx, date);
  const locale = ctx.config.locale;
  const t = messages(locale);
  const parts = digestMessages(data, t, locale);
  const channel = ctx.config.slack.channel;
  const stamp = t.digest.updated(timeInZone(ctx.clock.now(), ctx.config.timeZone));

  const status = await unitOfWork(ctx, async (tx) => {
    const existing = await tx.digest.findUnique({ where: { date } });
    const [main, ...rest] = parts;
    await tx.digest.upsert({
      where: { date },
      create: { date, channelId: channel, taskCount: data.tasks.length },
      update: { taskCount: data.tasks.length },
    });
    if (!existing?.ts) {
      // first post; or it has not gone out yet (Slack down, or refused it): this version goes instead
      await ctx.outbox.upsert(
        {
          method: "chat.postMessage",
          channel,
          payload: { ...main },
          onSent: { kind: "digest", date },
          dedupeKey: `digest:${date}:0`,
        },
        tx,
      );
    } else {
      const updated = {
        ...main!,
        blocks: [...main!.blocks, { type: "context", elements: [{ type: "mrkdwn", text: stamp }] }],
      };
      await ctx.outbox.enqueue(
        { method: "chat.update", channel, payload: updated, anchor: { digestDate: date } },
        tx,
      );
    }
    // continuations in the thread: the outbox edits the ones it has, posts the others
    await ctx.outbox.continueSeries(
      {
        series: `digest:${date}`,
        channel,
        anchor: { digestDate: date },
        parts: rest,
        filler: { text: t.digest.outdated, blocks: [] },
      },
      tx,
    );
    return existing ? "updated" : "posted";
  });
  // after the digest, so the channel reads the day's list first
  await announcePromiseChanges(ctx, promiseChanges, date);
  return { status, tasks: data.tasks, messages: parts.length };
}

/**
 * The tasks of one team member, for `/credito oggi` and App Home: assigned to them, where they must be told,
 * or of the customers they are the salesperson of (a salesperson's own list).
 */
export function tasksFor(tasks: readonly Task[], slackUserId: string): Task[] {
  return tasks.filter(
    (x) =>
      x.assigneeSlackId === slackUserId ||
      x.notifySlackIds.includes(slackUserId) ||
      x.salespersonSlackId === slackUserId,
  );
}
