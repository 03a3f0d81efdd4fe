import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { retryBusy } from "../../../db/unit-of-work";
import { type LogEntry, validateLogDraft } from "../../../domain/log-entry";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { busyMessages } from "../../../i18n/busy";
import {
  decodeMeta,
  draftFromState,
  inputBlockIds,
  LOG_MODAL_CALLBACK,
  logConfirmation,
} from "../../../messages/log-modal";
import {
  type LoggedOutcome,
  loadLogCustomer,
  recordOutcome,
  validationContextFor,
} from "../../../services/outcomes/log-outcome";
import { submissionsFor } from "../../../services/pending-submissions";
import { type Member, resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";
import { type ReplyTarget, tellUser } from "../actions/log-outcome";

/** What is kept of a submitted outcome until it is recorded. */
interface LogSubmission {
  entry: LogEntry;
  member: Member;
  to: ReplyTarget;
}

/**
 * Submission of the log modal. Invalid: `response_action: "errors"` with one message under each wrong input
 * and nothing written. Valid: the submission is kept (one tiny insert) before the modal closes, then
 * recorded in one transaction, and the collector gets an ephemeral confirmation with the next step in the
 * channel the command came from (or a DM). A busy database: the modal stays open with a clear error if the
 * submission cannot even be kept; if it is kept but recording waits, the collector is told it is saved and
 * being recorded, and gets the confirmation when it is.
 */
export function registerLogSubmission(app: App, ctx: AppContext): void {
  const locale = ctx.config.locale;
  const t = messages(locale);
  const b = busyMessages(locale);
  const submissions = submissionsFor(ctx);
  submissions.register<LogSubmission, LoggedOutcome>("log", {
    apply: (tx, p, at) => recordOutcome(ctx, tx, reviveEntry(p.entry), p.member, at),
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

  app.view(LOG_MODAL_CALLBACK, async ({ ack, view, body, client }) => {
    const meta = decodeMeta(view.private_metadata);
    const draft = draftFromState(view.state.values as Parameters<typeof draftFromState>[0], meta);
    const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
    if (!member) {
      await ack({ response_action: "errors", errors: { customer: t.errors.notMember } });
      return;
    }
    const customer =
      draft.customerId !== undefined ? await loadLogCustomer(ctx.db, draft.customerId, today(ctx)) : null;
    if (!customer) draft.customerId = undefined;
    const result = validateLogDraft(draft, validationContextFor(ctx, customer), t.log.errors);
    if (!result.ok) {
      const present = inputBlockIds(view);
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(result.errors)) {
        if (!message) continue;
        // a field the view does not show (should not happen) is reported under the customer picker
        const block = present.has(field) ? field : "customer";
        errors[block] = errors[block] ? `${errors[block]} ${message}` : message;
      }
      await ack({ response_action: "errors", errors });
      return;
    }
    const to = { userId: body.user.id, channelId: meta.c };
    const kept = await submissions.keep({
      kind: "log",
      // one modal is submitted once; its content in the key too, so a reused view id is no collision
      dedupeKey: `log:${view.id}:${createHash("sha256").update(JSON.stringify(result.entry)).digest("hex").slice(0, 16)}`,
      userId: body.user.id,
      payload: { entry: result.entry, member, to } satisfies LogSubmission,
    });
    if (kept === null) {
      // not even the tiny insert went through: the modal stays open, with what was typed
      await ack({ response_action: "errors", errors: { [firstInput(view)]: b.notKept } });
      return;
    }
    await ack();
    const settled = await submissions.settle(kept);
    if (settled === "pending") await tellLater(ctx, to, { text: b.saving.log ?? "" });
  });
}

/** The first input block of the modal (where a modal-wide error is shown). */
function firstInput(view: { blocks?: Array<{ type?: string; block_id?: string }> }): string {
  const present = inputBlockIds(view as Parameters<typeof inputBlockIds>[0]);
  return present.has("customer") ? "customer" : ([...present][0] ?? "customer");
}

/** The callback's instant is a Date: it comes back from JSON as a string. */
function reviveEntry(entry: LogEntry): LogEntry {
  return entry.callback
    ? { ...entry, callback: { ...entry.callback, at: new Date(entry.callback.at) } }
    : entry;
}

/** A message to the collector, queued in the outbox, retried while the database is busy. */
export async function tellLater(
  ctx: AppContext,
  to: ReplyTarget,
  message: { text: string; blocks?: unknown[] },
): Promise<void> {
  await retryBusy(() => tellUser(ctx, to, message), ctx.config.db.retryBudgetMs * 6);
}
