import type { App } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { validateLogDraft } from "../../../domain/log-entry";
import { messages } from "../../../i18n";
import { loadLogCustomer, logOutcome, validationContextFor } from "../../../services/log-outcome";
import { resolveMember } from "../../../services/team";
import {
  decodeMeta,
  draftFromState,
  inputBlockIds,
  LOG_MODAL_CALLBACK,
  logConfirmation,
} from "../../views/log-modal";
import { postAck } from "../../work-queue";
import { tellUser } from "../actions/log-outcome";

/**
 * Submission of the log modal. Invalid: `response_action: "errors"` with one message under each wrong input
 * and nothing written. Valid: the modal closes at once, the outcome is recorded in one transaction, and the
 * collector gets an ephemeral confirmation with the next step in the channel the command came from (or a DM).
 */
export function registerLogSubmission(app: App, ctx: AppContext): void {
  const locale = ctx.config.locale;
  const t = messages(locale);

  app.view(LOG_MODAL_CALLBACK, async ({ ack, view, body, client }) => {
    const meta = decodeMeta(view.private_metadata);
    const draft = draftFromState(view.state.values as Parameters<typeof draftFromState>[0], meta);
    const member = await resolveMember(ctx.db, body.user.id, client);
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
    await ack();
    const to = { userId: body.user.id, channelId: meta.c };
    try {
      // recorded after the acks and modals of a burst (slack/work-queue.ts)
      const saved = await postAck.run("later", () => logOutcome(ctx, result.entry, member));
      await tellUser(
        ctx,
        to,
        logConfirmation(
          {
            customerName: saved.customer.name,
            summary: saved.summary,
            nextSteps: saved.nextSteps,
            inCase: saved.caseId !== null,
          },
          t,
        ),
      );
    } catch (err) {
      ctx.log.error("log outcome failed", err);
      await tellUser(ctx, to, { text: t.log.failed });
    }
  });
}
