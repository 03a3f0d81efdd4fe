import type { App } from "@slack/bolt";
import { today } from "../../../context";
import { messages } from "../../../i18n";
import { caseSummaryMessage } from "../../../messages/case-summary";
import type { ListenerContext } from "../kit";

/** Subtypes that are still a person writing in the thread. */
const PERSON_SUBTYPES = new Set([undefined, "thread_broadcast", "file_share"]);

interface ThreadMessage {
  channel?: string;
  user?: string;
  text?: string;
  ts?: string;
  thread_ts?: string;
  bot_id?: string;
  subtype?: string;
}

/**
 * People's own messages in a case thread are stored as CaseMessage (bot messages and edits ignored;
 * a retried event is dropped by the event_id middleware, and (case, ts) is unique anyway).
 * "@Credito riassunto" in a case thread answers there with the case summary.
 */
export function registerCaseThreadEvents(app: App, ctx: ListenerContext): void {
  app.event("message", async ({ event }) => {
    const m = event as unknown as ThreadMessage;
    if (m.channel !== ctx.config.slack.channel || !m.thread_ts || !m.ts || m.thread_ts === m.ts) return;
    if (m.bot_id || !m.user || !PERSON_SUBTYPES.has(m.subtype)) return;
    await ctx.services.cases.recordCaseMessage({
      channel: m.channel,
      threadTs: m.thread_ts,
      ts: m.ts,
      user: m.user,
      text: m.text ?? "",
    });
  });

  app.event("app_mention", async ({ event }) => {
    const e = event as unknown as ThreadMessage;
    const t = messages(ctx.config.locale);
    const kase =
      e.thread_ts && e.channel ? await ctx.services.cases.caseByThread(e.channel, e.thread_ts) : null;
    if (!kase) {
      if (e.channel && e.user) {
        await ctx.outbox.send({
          method: "chat.postEphemeral",
          channel: e.channel,
          payload: { user: e.user, text: t.caseThread.notCaseThread },
        });
      }
      return;
    }
    const day = today(ctx);
    const { summary, source, customerName } = await ctx.services.cases.summarizeCase(kase.id, day);
    await ctx.services.cases.postToCase(kase.id, caseSummaryMessage(summary, source, customerName, t), day);
  });
}
