import type { App } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { messages } from "../../../i18n";
import { decideApproval, updateApprovalDm } from "../../../services/approvals";
import { hasRole, resolveMember } from "../../../services/team";
import { updateCustomerNote } from "../../../services/team-admin";
import { APPROVAL_REJECT_VIEW } from "../../views/approval";
import { NOTE_BLOCKS, NOTE_VIEW, readNoteModal } from "../../views/note-modal";
import { decisionErrorText } from "../actions/case-thread";

/** Modal submissions of the case threads: the rejection reason and the salesperson note. */
export function registerCaseThreadViews(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);

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
    const result = await ctx.db.$transaction((tx) =>
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
    );
    if (!result.ok) {
      await ack({ response_action: "errors", errors: { reason: decisionErrorText(ctx, result.error) } });
      return;
    }
    await ack();
    if (inDm && meta.messageTs)
      await updateApprovalDm(ctx, meta.approvalId, meta.channel!, meta.messageTs, day);
    ctx.outbox.kick();
  });

  app.view(NOTE_VIEW, async ({ ack, view, body, client }) => {
    const member = await resolveMember(ctx.db, body.user.id, client);
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
    await ack();
    await updateCustomerNote(ctx, { customerId, note, actor: body.user.id }, today(ctx));
  });
}
