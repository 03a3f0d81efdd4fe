import type { AppContext } from "../context";
import { unitOfWork } from "../db/unit-of-work";
import { escapeMrkdwn, truncate } from "../domain/text";
import { messages } from "../i18n";

/**
 * DMs each collector the callbacks that are due: open callbacks whose time has come (`at` <= now) and
 * whose reminder was not sent yet. One message per callback (dedupe key), marked sent in the same
 * transaction, so running the job twice or from two processes reminds once. Returns how many were queued.
 * A callback without a collector goes to the team channel.
 */
export async function sendDueCallbackReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const t = messages(ctx.config.locale);
  const due = await ctx.db.callback.findMany({
    where: { status: "open", reminderSentAt: null, at: { lte: now } },
    include: {
      customer: { select: { id: true, name: true, code: true } },
      member: { select: { slackUserId: true, active: true } },
    },
    orderBy: { at: "asc" },
  });
  let sent = 0;
  for (const cb of due) {
    const queued = await unitOfWork(ctx, async (tx) => {
      const claimed = await tx.callback.updateMany({
        where: { id: cb.id, reminderSentAt: null },
        data: { reminderSentAt: now },
      });
      if (claimed.count !== 1) return false;
      const name = escapeMrkdwn(`${cb.customer.name} (${cb.customer.code})`);
      const text = t.log.reminder.text(name, cb.time);
      const mrkdwn = t.log.reminder.text(
        `*${escapeMrkdwn(cb.customer.name)}* (${escapeMrkdwn(cb.customer.code)})`,
        cb.time,
      );
      const note = cb.note ? `\n${t.log.reminder.note(escapeMrkdwn(truncate(cb.note, 500)))}` : "";
      await ctx.outbox.enqueue(
        {
          method: "chat.postMessage",
          channel: cb.member?.active ? cb.member.slackUserId : ctx.config.slack.channel,
          payload: {
            text,
            blocks: [
              { type: "section", text: { type: "mrkdwn", text: `${mrkdwn}${note}` } },
              {
                type: "actions",
                elements: [
                  {
                    type: "button",
                    action_id: "log_outcome:reminder",
                    style: "primary",
                    text: { type: "plain_text", text: t.log.reminder.button },
                    value: String(cb.customer.id),
                  },
                ],
              },
            ],
          },
          dedupeKey: `callback-reminder:${cb.id}`,
        },
        tx,
      );
      return true;
    });
    if (queued) sent++;
  }
  return sent;
}
