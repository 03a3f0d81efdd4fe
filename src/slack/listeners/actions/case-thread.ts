import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { messages } from "../../../i18n";
import {
  type DecisionError,
  decideApproval,
  objectToApproval,
  updateApprovalDm,
} from "../../../services/approvals";
import { hasRole, resolveMember } from "../../../services/team";
import { APPROVAL_ACTIONS, rejectModal } from "../../views/approval";
import { CASE_ACTIONS } from "../../views/case";
import { noteModal } from "../../views/note-modal";

/** An ephemeral answer to the person who clicked, in the channel of the click. */
export async function tellUser(
  ctx: AppContext,
  channel: string | undefined,
  user: string,
  text: string,
): Promise<void> {
  await ctx.outbox.send({
    method: "chat.postEphemeral",
    channel: channel ?? ctx.config.slack.channel,
    payload: { user, text },
  });
}

/** Whether a click came from somewhere else than the team channel (an owner's direct message). */
export function inDm(ctx: AppContext, channel: string | undefined): boolean {
  return channel !== undefined && channel !== ctx.config.slack.channel;
}

export function decisionErrorText(ctx: AppContext, error: DecisionError | "not_salesperson"): string {
  const t = messages(ctx.config.locale).approval;
  switch (error) {
    case "not_owner":
      return t.onlyOwner;
    case "not_salesperson":
      return t.onlySalesObject;
    case "already_decided":
      return t.alreadyDecided;
    case "case_closed":
      return t.caseClosed;
    case "reason_required":
      return t.reasonRequired;
    default:
      return t.notFound;
  }
}

/**
 * Buttons in case threads: Approve / Reject / Obietto on approval messages, and the salesperson note
 * on the case parent message. Every permission is checked here on the server, whatever the buttons show.
 */
export function registerCaseThreadActions(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);

  app.action<BlockAction<ButtonAction>>(APPROVAL_ACTIONS.approve, async ({ ack, action, body }) => {
    await ack();
    const day = today(ctx);
    const result = await ctx.db.$transaction((tx) =>
      decideApproval(
        ctx,
        tx,
        {
          approvalId: Number(action.value),
          deciderSlackId: body.user.id,
          decision: "approved",
          // a click in an owner's direct message: that ts is not the thread's approval message
          messageTs: inDm(ctx, body.channel?.id) ? undefined : body.message?.ts,
        },
        day,
      ),
    );
    if (!result.ok) await tellUser(ctx, body.channel?.id, body.user.id, decisionErrorText(ctx, result.error));
    else if (inDm(ctx, body.channel?.id) && body.message?.ts)
      await updateApprovalDm(ctx, result.approvalId, body.channel!.id, body.message.ts, day);
    ctx.outbox.kick();
  });

  app.action<BlockAction<ButtonAction>>(APPROVAL_ACTIONS.reject, async ({ ack, action, body, client }) => {
    await ack();
    const approvalId = Number(action.value);
    const decider = await ctx.db.teamMember.findUnique({ where: { slackUserId: body.user.id } });
    const a = await ctx.db.approvalRequest.findUnique({
      where: { id: approvalId },
      include: { case: { include: { customer: true } } },
    });
    let refusal: string | null = null;
    if (!a) refusal = t.approval.notFound;
    else if (!decider?.active || decider.role !== "owner") refusal = t.approval.onlyOwner;
    else if (a.status !== "pending") refusal = t.approval.alreadyDecided;
    else if (a.case.closedOn) refusal = t.approval.caseClosed;
    if (refusal || !a) {
      await tellUser(ctx, body.channel?.id, body.user.id, refusal ?? t.approval.notFound);
      return;
    }
    const view = rejectModal(a.id, a.kind, a.case.customer.name, t);
    view.private_metadata = JSON.stringify({
      approvalId: a.id,
      messageTs: body.message?.ts,
      channel: body.channel?.id,
    });
    await client.views.open({ trigger_id: body.trigger_id, view: view as never });
  });

  app.action<BlockAction<ButtonAction>>(APPROVAL_ACTIONS.object, async ({ ack, action, body }) => {
    await ack();
    const day = today(ctx);
    const result = await ctx.db.$transaction((tx) =>
      objectToApproval(ctx, tx, { approvalId: Number(action.value), slackUserId: body.user.id }, day),
    );
    if (!result.ok) {
      const error = result.error === "not_found" ? "not_found" : result.error;
      await tellUser(ctx, body.channel?.id, body.user.id, decisionErrorText(ctx, error));
    }
    ctx.outbox.kick();
  });

  app.action<BlockAction<ButtonAction>>(CASE_ACTIONS.note, async ({ ack, action, body, client }) => {
    await ack();
    const member = await resolveMember(ctx.db, body.user.id, client);
    if (!hasRole(member, "sales", "admin")) {
      await tellUser(
        ctx,
        body.channel?.id,
        body.user.id,
        member ? t.caseThread.noteOnlySales : t.errors.notMember,
      );
      return;
    }
    const customer = await ctx.db.customer.findUnique({ where: { id: Number(action.value) } });
    if (!customer) {
      await tellUser(ctx, body.channel?.id, body.user.id, t.caseThread.customerGone);
      return;
    }
    await client.views.open({ trigger_id: body.trigger_id, view: noteModal(customer, t) });
  });
}
