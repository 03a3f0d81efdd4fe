import { randomUUID } from "node:crypto";
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { View } from "@slack/types";
import { today } from "../../../context";
import { dateInZone } from "../../../domain/calendar";
import { messages } from "../../../i18n";
import { busyMessages } from "../../../i18n/busy";
import { APPROVAL_ACTIONS, rejectModal } from "../../../messages/approval";
import { CASE_ACTIONS } from "../../../messages/case";
import { noteModal } from "../../../messages/note-modal";
import type { DecisionResult } from "../../../services/cases/approvals";
import {
  confirmWhenRecorded,
  decisionErrorText,
  inDm,
  type ListenerContext,
  openModal,
  requireMember,
  targetOf,
  tellInChannel,
} from "../kit";

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

/**
 * Buttons in case threads: Approve / Reject / Obietto on approval messages, and the salesperson note
 * on the case parent message. Every permission is checked here on the server, whatever the buttons show.
 */
export function registerCaseThreadActions(app: App, ctx: ListenerContext): void {
  registerApprove(app, ctx);
  registerRejectAndObject(app, ctx);
  registerNoteButton(app, ctx);
}

const tellerOf =
  (ctx: ListenerContext) =>
  (channel: string | undefined, user: string, text: string): Promise<void> =>
    tellInChannel(ctx, channel, user, text);

/** Approve: the click is kept before the ack, then recorded by the drainer (a busy database loses nothing). */
function registerApprove(app: App, ctx: ListenerContext): void {
  const b = busyMessages(ctx.config.locale);
  const submissions = ctx.services.submissions;
  const tell = tellerOf(ctx);

  submissions.register<ApprovalClick, DecisionResult>("approval", {
    apply: (tx, p, at) => ctx.services.cases.decideApproval(tx, p, dateInZone(at, ctx.config.timeZone)),
    applied: async (result, p, late) => {
      if (!result.ok) await tell(p.channel, p.deciderSlackId, decisionErrorText(ctx, result.error));
      else {
        if (p.channel && p.dmTs)
          await ctx.services.cases.updateApprovalDm(result.approvalId, p.channel, p.dmTs, today(ctx));
        // passing to the agency or the lawyer: the dossier to forward, in the case thread
        await ctx.services.cases.queueEscalationDossier(result.approvalId, today(ctx));
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
    await confirmWhenRecorded(ctx, kept, () =>
      tell(click.channel, click.deciderSlackId, b.saving.approval ?? ""),
    );
  });
}

/** Reject (the reason modal, once the owner may decide) and the salesperson's objection. */
function registerRejectAndObject(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  const tell = tellerOf(ctx);
  app.action<BlockAction<ButtonAction>>(APPROVAL_ACTIONS.reject, async ({ ack, action, body, client }) => {
    await ack();
    const approvalId = Number(action.value);
    const may = await ctx.services.cases.canDecide(approvalId, body.user.id);
    if (!may.ok) {
      await tell(body.channel?.id, body.user.id, decisionErrorText(ctx, may.error));
      return;
    }
    const a = may.approval;
    const view = rejectModal(a.id, a.kind, a.case.customer.name, t);
    view.private_metadata = JSON.stringify({
      approvalId: a.id,
      messageTs: body.message?.ts,
      channel: body.channel?.id,
    });
    await openModal(ctx, client, {
      triggerId: body.trigger_id,
      view: view as unknown as View,
      target: targetOf(body),
      label: "reject modal",
    });
  });

  app.action<BlockAction<ButtonAction>>(APPROVAL_ACTIONS.object, async ({ ack, action, body }) => {
    await ack();
    const day = today(ctx);
    const result = await ctx.services.cases.objectToApproval(
      { approvalId: Number(action.value), slackUserId: body.user.id },
      day,
    );
    if (!result.ok) {
      const error = result.error === "not_found" ? "not_found" : result.error;
      await tell(body.channel?.id, body.user.id, decisionErrorText(ctx, error));
    }
  });
}

/** The salesperson note on the case parent: sales and admins only. */
function registerNoteButton(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  const tell = tellerOf(ctx);
  app.action<BlockAction<ButtonAction>>(CASE_ACTIONS.note, async ({ ack, action, body, client }) => {
    await ack();
    const refuse = (text: string) => tell(body.channel?.id, body.user.id, text);
    const member = await requireMember(ctx, body.user.id, client, refuse, {
      roles: ["sales", "admin"],
      refusal: t.caseThread.noteOnlySales,
    });
    if (!member) return;
    const customer = await ctx.services.customers.byId(Number(action.value));
    if (!customer) {
      await refuse(t.caseThread.customerGone);
      return;
    }
    await openModal(ctx, client, {
      triggerId: body.trigger_id,
      view: noteModal(customer, t),
      target: targetOf(body),
      label: "note modal",
    });
  });
}
