import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import { today } from "../../../context";
import { validateLogDraft } from "../../../domain/log-entry";
import { messages } from "../../../i18n";
import { busyMessages } from "../../../i18n/busy";
import { decodeMeta, draftFromState, inputBlockIds, LOG_MODAL_CALLBACK } from "../../../messages/log-modal";
import {
  confirmWhenRecorded,
  type ListenerContext,
  type LogSubmission,
  registerLogRecording,
  requireMember,
  tellLater,
} from "../kit";

/**
 * Submission of the log modal. Invalid: `response_action: "errors"` with one message under each wrong input
 * and nothing written. Valid: the submission is kept (one tiny insert) before the modal closes, then
 * recorded in one transaction, and the collector gets an ephemeral confirmation with the next step in the
 * channel the command came from (or a DM). A busy database: the modal stays open with a clear error if the
 * submission cannot even be kept; if it is kept but recording waits, the collector is told it is saved and
 * being recorded, and gets the confirmation when it is.
 */
export function registerLogSubmission(app: App, ctx: ListenerContext): void {
  const locale = ctx.config.locale;
  const t = messages(locale);
  const b = busyMessages(locale);
  registerLogRecording(ctx);
  const submissions = ctx.services.submissions;

  app.view(LOG_MODAL_CALLBACK, async ({ ack, view, body, client }) => {
    const meta = decodeMeta(view.private_metadata);
    const draft = draftFromState(view.state.values as Parameters<typeof draftFromState>[0], meta);
    const member = await requireMember(ctx, body.user.id, client, (text) =>
      ack({ response_action: "errors", errors: { customer: text } }),
    );
    if (!member) return;
    const customer =
      draft.customerId !== undefined
        ? await ctx.services.outcomes.loadLogCustomer(draft.customerId, today(ctx))
        : null;
    if (!customer) draft.customerId = undefined;
    const result = validateLogDraft(
      draft,
      ctx.services.outcomes.validationContextFor(customer),
      t.log.errors,
    );
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
    await confirmWhenRecorded(ctx, kept, () => tellLater(ctx, to, { text: b.saving.log ?? "" }));
  });
}

/** The first input block of the modal (where a modal-wide error is shown). */
function firstInput(view: { blocks?: Array<{ type?: string; block_id?: string }> }): string {
  const present = inputBlockIds(view as Parameters<typeof inputBlockIds>[0]);
  return present.has("customer") ? "customer" : ([...present][0] ?? "customer");
}
