import { randomUUID } from "node:crypto";
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { retryBusy, unitOfWork } from "../../../db/unit-of-work";
import { dateInZone } from "../../../domain/calendar";
import { messages } from "../../../i18n";
import { busyMessages } from "../../../i18n/busy";
import { APPROVAL_ACTIONS, rejectModal } from "../../../messages/approval";
import { CASE_ACTIONS } from "../../../messages/case";
import { noteModal } from "../../../messages/note-modal";
import {
  type DecisionError,
  type DecisionResult,
  decideApproval,
  objectToApproval,
  updateApprovalDm,
} from "../../../services/cases/approvals";
import { submissionsFor } from "../../../services/pending-submissions";
import { hasRole, resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";

/** An approval click kept until it is recorded. */
interface ApprovalClick {
  approvalId: number;
  deciderSlackId: string;
  decision: "approved";
  messageTs?: string;
  channel?: string;
  /** the owner's direct message the click came from, updated once the decision is recorded */
  dmTs?: string;
}

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
  const b = busyMessages(ctx.config.locale);
  const submissions = submissionsFor(ctx);
  const tell = async (channel: string | undefined, user: string, text: string): Promise<void> => {
    await retryBusy(() => tellUser(ctx, channel, user, text), ctx.config.db.retryBudgetMs * 6);
  };

  submissions.register<ApprovalClick, DecisionResult>("approval", {
    apply: (tx, p, at) => decideApproval(ctx, tx, p, dateInZone(at, ctx.config.timeZone)),
    applied: async (result, p, late) => {
      if (!result.ok) await tell(p.channel, p.deciderSlackId, decisionErrorText(ctx, result.error));
      else {
        if (p.channel && p.dmTs)
          await updateApprovalDm(ctx, result.approvalId, p.channel, p.dmTs, today(ctx));
        if (late) await tell(p.channel, p.deciderSlackId, b.approvalRecorded);
      }
    },
    failed: (err, p) =>
      tell(
        p.channel,
        p.deciderSlackId,
        b.failed(b.what.approval ?? "", String((err as Error)?.message ?? err)),
      ),
  });

  // the click is kept (one tiny insert) before the ack, then recorded by the drainer in one unit of work
  app.action<BlockAction<ButtonAction>>(APPROVAL_ACTIONS.approve, async ({ ack, action, body }) => {
    const click: ApprovalClick = {
      approvalId: Number(action.value),
      deciderSlackId: body.user.id,
      decision: "approved",
      // a click in an owner's direct message: that ts is not the thread's approval message
      messageTs: inDm(ctx, body.channel?.id) ? undefined : body.message?.ts,
      channel: body.channel?.id,
      dmTs: inDm(ctx, body.channel?.id) ? body.message?.ts : undefined,
    };
    const kept = await submissions.keep({
      kind: "approval",
      // each click is its own submission (Slack does not retry interactions)
      dedupeKey: `approval:${action.value}:${body.user.id}:${action.action_ts ?? ""}:${randomUUID()}`,
      userId: body.user.id,
      payload: click,
    });
    await ack();
    if (kept === null) {
      await tell(click.channel, click.deciderSlackId, b.clickNotKept);
      return;
    }
    const settled = await submissions.settle(kept);
    if (settled === "pending") await tell(click.channel, click.deciderSlackId, b.saving.approval ?? "");
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
    const result = await unitOfWork(
      ctx,
      (tx) => objectToApproval(ctx, tx, { approvalId: Number(action.value), slackUserId: body.user.id }, day),
      { label: "approval objection" },
    );
    if (!result.ok) {
      const error = result.error === "not_found" ? "not_found" : result.error;
      await tellUser(ctx, body.channel?.id, body.user.id, decisionErrorText(ctx, error));
    }
    ctx.outbox.kick();
  });

  app.action<BlockAction<ButtonAction>>(CASE_ACTIONS.note, async ({ ack, action, body, client }) => {
    await ack();
    const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
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
