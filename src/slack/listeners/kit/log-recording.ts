import type { LogEntry } from "../../../domain/log-entry";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { busyMessages } from "../../../i18n/busy";
import { logConfirmation } from "../../../messages/log-modal";
import type { LoggedOutcome } from "../../../services/outcomes/log-outcome";
import type { Member } from "../../../services/team/team";
import type { ListenerContext } from "./context";
import { type ReplyTarget, tellLater } from "./reply";

/** What is kept of a submitted outcome (the log modal, a complete `/credito log` line) until it is recorded. */
export interface LogSubmission {
  entry: LogEntry;
  member: Member;
  to: ReplyTarget;
}

/**
 * The "logged, now confirm" step of every outcome: the drainer records a kept submission in one unit of work,
 * then the collector gets the confirmation with the next steps (or, if it cannot be recorded, what failed and
 * their notes back). Registered when the listeners are; registering again changes nothing.
 */
export function registerLogRecording(ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  const b = busyMessages(ctx.config.locale);
  ctx.services.submissions.register<LogSubmission, LoggedOutcome>("log", {
    apply: (tx, p, at) => ctx.services.outcomes.recordOutcome(tx, reviveEntry(p.entry), p.member, at),
    applied: (saved, p) =>
      tellLater(
        ctx,
        p.to,
        logConfirmation(
          {
            customerName: saved.customer.name,
            summary: saved.summary,
            nextSteps: saved.nextSteps,
            inCase: saved.caseId !== null,
          },
          t,
        ),
      ),
    failed: (err, p) => {
      const lines = [b.failed(b.what.log ?? "", String((err as Error)?.message ?? err).slice(0, 200))];
      if (p.entry.notes) lines.push(b.yourText(escapeMrkdwn(p.entry.notes)));
      return tellLater(ctx, p.to, { text: lines.join("\n") });
    },
  });
}

/** The callback's instant is a Date: it comes back from JSON as a string. */
function reviveEntry(entry: LogEntry): LogEntry {
  return entry.callback
    ? { ...entry, callback: { ...entry.callback, at: new Date(entry.callback.at) } }
    : entry;
}
