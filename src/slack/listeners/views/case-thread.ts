import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import { today } from "../../../context";
import { dateInZone } from "../../../domain/calendar";
import type { CustomerNote } from "../../../domain/customer-note";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { busyMessages } from "../../../i18n/busy";
import { APPROVAL_REJECT_VIEW } from "../../../messages/approval";
import { NOTE_BLOCKS, NOTE_VIEW, readNoteModal } from "../../../messages/note-modal";
import {
  confirmWhenRecorded,
  decisionErrorText,
  inDm,
  type ListenerContext,
  requireMember,
  tellInChannel,
} from "../kit";

/** A salesperson's note kept until it is recorded. */
interface NoteSubmission {
  customerId: number;
  note: CustomerNote;
  actor: string;
}

/** Modal submissions of the case threads: the rejection reason and the salesperson note. */
export function registerCaseThreadViews(app: App, ctx: ListenerContext): void {
  registerRejectView(app, ctx);
  registerNoteView(app, ctx);
}

/** The owner's rejection reason: decided in one unit of work; refusals and a busy database shown in the modal. */
function registerRejectView(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  const b = busyMessages(ctx.config.locale);
  app.view(APPROVAL_REJECT_VIEW, async ({ ack, view, body }) => {
    const meta = JSON.parse(view.private_metadata) as {
      approvalId: number;
      messageTs?: string;
      channel?: string;
    };
    const fromDm = inDm(ctx, meta.channel);
    const reason = view.state.values.reason?.value?.value?.trim() ?? "";
    if (!reason) {
      await ack({ response_action: "errors", errors: { reason: t.approval.reasonRequired } });
      return;
    }
    const day = today(ctx);
    const result = await ctx.services.cases.rejectApproval(
      {
        approvalId: meta.approvalId,
        deciderSlackId: body.user.id,
        reason,
        messageTs: fromDm ? undefined : meta.messageTs,
      },
      day,
    );
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
    if (fromDm && meta.messageTs)
      await ctx.services.cases.updateApprovalDm(meta.approvalId, meta.channel!, meta.messageTs, day);
  });
}

/** The salesperson note: kept before the modal closes, recorded by the drainer. */
function registerNoteView(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  const b = busyMessages(ctx.config.locale);
  const submissions = ctx.services.submissions;
  const tell = (user: string, text: string) => tellInChannel(ctx, undefined, user, text);
  submissions.register<NoteSubmission, void>("note", {
    apply: (tx, p, at) => ctx.services.team.recordCustomerNote(tx, p, dateInZone(at, ctx.config.timeZone)),
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

  app.view(NOTE_VIEW, async ({ ack, view, body, client }) => {
    const refuse = (text: string) =>
      ack({ response_action: "errors", errors: { [NOTE_BLOCKS.approach]: text } });
    const member = await requireMember(ctx, body.user.id, client, refuse, {
      roles: ["sales", "admin"],
      refusal: t.caseThread.noteOnlySales,
    });
    if (!member) return;
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
    await confirmWhenRecorded(ctx, kept, () => tell(body.user.id, b.saving.note ?? ""));
  });
}
