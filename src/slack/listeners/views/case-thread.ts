import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { DatabaseBusyError, retryBusy, unitOfWork } from "../../../db/unit-of-work";
import { dateInZone } from "../../../domain/calendar";
import type { CustomerNote } from "../../../domain/customer-note";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { busyMessages } from "../../../i18n/busy";
import { APPROVAL_REJECT_VIEW } from "../../../messages/approval";
import { NOTE_BLOCKS, NOTE_VIEW, readNoteModal } from "../../../messages/note-modal";
import { decideApproval, updateApprovalDm } from "../../../services/cases/approvals";
import { submissionsFor } from "../../../services/pending-submissions";
import { hasRole, resolveMember } from "../../../services/team/team";
import { recordCustomerNote } from "../../../services/team/team-admin";
import { displayNames } from "../../users";
import { decisionErrorText, tellUser } from "../actions/case-thread";

/** A salesperson's note kept until it is recorded. */
interface NoteSubmission {
  customerId: number;
  note: CustomerNote;
  actor: string;
}

/** Modal submissions of the case threads: the rejection reason and the salesperson note. */
export function registerCaseThreadViews(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);
  const b = busyMessages(ctx.config.locale);
  const submissions = submissionsFor(ctx);
  const tell = async (user: string, text: string): Promise<void> => {
    await retryBusy(() => tellUser(ctx, undefined, user, text), ctx.config.db.retryBudgetMs * 6);
  };
  submissions.register<NoteSubmission, void>("note", {
    apply: (tx, p, at) => recordCustomerNote(ctx, tx, p, dateInZone(at, ctx.config.timeZone)),
    applied: async (_r, p, late) => {
      if (late) await tell(p.actor, b.noteSaved);
    },
    failed: (err, p) =>
      tell(
        p.actor,
        [
          b.failed(b.what.note ?? "", String((err as Error)?.message ?? err).slice(0, 200)),
          b.yourText(
            escapeMrkdwn(
              [p.note.approach, p.note.attention, p.note.referencePerson].filter(Boolean).join(" / "),
            ),
          ),
        ].join("\n"),
      ),
  });

  app.view(APPROVAL_REJECT_VIEW, async ({ ack, view, body }) => {
    const meta = JSON.parse(view.private_metadata) as {
      approvalId: number;
      messageTs?: string;
      channel?: string;
    };
    const inDm = meta.channel !== undefined && meta.channel !== ctx.config.slack.channel;
    const reason = view.state.values.reason?.value?.value?.trim() ?? "";
    if (!reason) {
      await ack({ response_action: "errors", errors: { reason: t.approval.reasonRequired } });
      return;
    }
    const day = today(ctx);
    const result = await unitOfWork(ctx, (tx) =>
      decideApproval(
        ctx,
        tx,
        {
          approvalId: meta.approvalId,
          deciderSlackId: body.user.id,
          decision: "rejected",
          reason,
          messageTs: inDm ? undefined : meta.messageTs,
        },
        day,
      ),
    ).catch((err) => {
      if (err instanceof DatabaseBusyError) return null;
      throw err;
    });
    if (result === null) {
      // busy beyond the retry budget: the modal stays open with the reason as typed
      await ack({ response_action: "errors", errors: { reason: b.notKept } });
      return;
    }
    if (!result.ok) {
      await ack({ response_action: "errors", errors: { reason: decisionErrorText(ctx, result.error) } });
      return;
    }
    await ack();
    if (inDm && meta.messageTs)
      await updateApprovalDm(ctx, meta.approvalId, meta.channel!, meta.messageTs, day);
  });

  app.view(NOTE_VIEW, async ({ ack, view, body, client }) => {
    const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
    if (!hasRole(member, "sales", "admin")) {
      await ack({
        response_action: "errors",
        errors: { [NOTE_BLOCKS.approach]: member ? t.caseThread.noteOnlySales : t.errors.notMember },
      });
      return;
    }
    const { customerId } = JSON.parse(view.private_metadata) as { customerId: number };
    const note = readNoteModal(
      view.state.values as Record<string, Record<string, { value?: string | null }>>,
    );
    const input: NoteSubmission = { customerId, note, actor: body.user.id };
    const kept = await submissions.keep({
      kind: "note",
      dedupeKey: `note:${view.id}:${createHash("sha256").update(JSON.stringify(input)).digest("hex").slice(0, 16)}`,
      userId: body.user.id,
      payload: input,
    });
    if (kept === null) {
      // not even the tiny insert went through: the modal stays open with the note as typed
      await ack({ response_action: "errors", errors: { [NOTE_BLOCKS.approach]: b.notKept } });
      return;
    }
    await ack();
    const settled = await submissions.settle(kept);
    if (settled === "pending") await tell(body.user.id, b.saving.note ?? "");
  });
}
