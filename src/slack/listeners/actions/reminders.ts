import type { App, BlockAction, ButtonAction, StaticSelectAction } from "@slack/bolt";
import type { View } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { timeInZone } from "../../../domain/calendar";
import { REMINDER_STEPS, type ReminderMedium, type ReminderStep } from "../../../domain/reminder";
import { escapeMrkdwn } from "../../../domain/text";
import { reminderMessages } from "../../../i18n/reminders";
import {
  letterReadyMessage,
  REMINDER_ACTIONS,
  REMINDER_BLOCKS,
  REMINDER_VIEW,
  reminderModal,
} from "../../../messages/reminder";
import {
  checkEdits,
  confirmLetterPosted,
  decideReminder,
  prepareReminder,
  type ReminderEdits,
  reminderModalFor,
  saveDraft,
  sendAllOfDay,
  submitReminder,
} from "../../../reminders/service";
import { resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";
import { tellUser } from "./log-outcome";

interface Target {
  triggerId: string;
  userId: string;
  channelId?: string;
  responseUrl?: string;
}

function loadingView(title: string): View {
  return {
    type: "modal",
    callback_id: `${REMINDER_VIEW}_loading`,
    title: { type: "plain_text", text: title },
    blocks: [{ type: "section", text: { type: "mrkdwn", text: "⏳" } }],
  };
}

/**
 * "Prepara sollecito" (digest menu, customer card, case thread, batch review): opens the modal at once (the
 * trigger lasts 3 s), then drafts the reminder and fills it in. Problems are told in the modal.
 */
export async function openReminderModal(
  ctx: AppContext,
  client: WebClient,
  to: Target,
  what: { customerId: number; step?: ReminderStep; cadenceChannel?: string } | { reminderId: number },
): Promise<void> {
  const t = reminderMessages(ctx.config.locale);
  let viewId: string | undefined;
  try {
    const res = await client.views.open({ trigger_id: to.triggerId, view: loadingView(t.modal.title) });
    viewId = res.view?.id;
  } catch (err) {
    ctx.log.warn(`reminder modal: views.open failed (${String(err)})`);
    return;
  }
  if (!viewId) return;
  const member = await resolveMember(ctx.db, to.userId, displayNames(client));
  const fail = (message: string) =>
    client.views.update({
      view_id: viewId,
      view: {
        ...loadingView(t.modal.title),
        blocks: [{ type: "section", text: { type: "mrkdwn", text: message } }],
      },
    });
  if (!member) {
    await fail(t.errors.notMember);
    return;
  }
  let view: View;
  if ("reminderId" in what) {
    const data = await reminderModalFor(ctx, what.reminderId);
    if (!data) {
      await fail(t.errors.notFound);
      return;
    }
    view = reminderModal(data, t, ctx.config.locale);
  } else {
    const prepared = await prepareReminder(ctx, { ...what, actor: member, actorSlackId: member.slackUserId });
    if (!prepared.ok) {
      await fail(prepared.message);
      return;
    }
    view = reminderModal(prepared.modal, t, ctx.config.locale);
  }
  await client.views.update({ view_id: viewId, view });
}

type ViewState = Record<
  string,
  Record<string, { value?: string | null; selected_option?: { value: string } | null }>
>;

function editsFrom(values: ViewState): ReminderEdits {
  const v = (block: string) => values[block]?.value?.value ?? "";
  return {
    ...(values[REMINDER_BLOCKS.recipient] ? { recipient: v(REMINDER_BLOCKS.recipient) } : {}),
    subject: v(REMINDER_BLOCKS.subject),
    body: v(REMINDER_BLOCKS.body),
    attachmentName: v(REMINDER_BLOCKS.attachment),
  };
}

export function registerReminderActions(app: App, ctx: AppContext): void {
  const t = reminderMessages(ctx.config.locale);
  const targetOf = (body: BlockAction) => ({
    triggerId: body.trigger_id,
    userId: body.user.id,
    channelId: body.channel?.id,
    responseUrl: body.response_url,
  });

  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.prepare, async ({ ack, body, action, client }) => {
    await ack();
    await openReminderModal(ctx, client, targetOf(body), { customerId: Number(action.value) });
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${REMINDER_ACTIONS.review}:`),
    async ({ ack, body, action, client }) => {
      await ack();
      await openReminderModal(ctx, client, targetOf(body), { reminderId: Number(action.value) });
    },
  );

  // another kind of reminder chosen in the modal: redraft it for that step
  app.action<BlockAction<StaticSelectAction>>(
    REMINDER_ACTIONS.step,
    async ({ ack, body, action, client }) => {
      await ack();
      const step = action.selected_option.value as ReminderStep;
      const view = body.view;
      if (!view || !REMINDER_STEPS.includes(step)) return;
      const { reminderId } = JSON.parse(view.private_metadata) as { reminderId: number };
      const current = await ctx.db.reminder.findUnique({ where: { id: reminderId } });
      const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
      if (!current || !member) return;
      const prepared = await prepareReminder(ctx, {
        customerId: current.customerId,
        step,
        actor: member,
        actorSlackId: member.slackUserId,
      });
      if (!prepared.ok) return;
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: reminderModal(prepared.modal, t, ctx.config.locale),
      });
    },
  );

  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.saveDraft, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const { reminderId } = JSON.parse(view.private_metadata) as { reminderId: number };
    await saveDraft(ctx, reminderId, editsFrom(view.state.values as ViewState));
    const data = await reminderModalFor(ctx, reminderId);
    if (!data) return;
    data.savedAt = timeInZone(ctx.clock.now(), ctx.config.timeZone);
    await client.views.update({ view_id: view.id, view: reminderModal(data, t, ctx.config.locale) });
  });

  app.view(REMINDER_VIEW, async ({ ack, view, body, client }) => {
    const { reminderId } = JSON.parse(view.private_metadata) as { reminderId: number };
    const row = await ctx.db.reminder.findUnique({ where: { id: reminderId }, include: { customer: true } });
    const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
    if (!row || !member) {
      await ack({
        response_action: "errors",
        errors: { [REMINDER_BLOCKS.subject]: member ? t.errors.notFound : t.errors.notMember },
      });
      return;
    }
    const edits = editsFrom(view.state.values as ViewState);
    const errors = checkEdits(edits, row.medium as ReminderMedium, ctx.config.locale);
    const blockErrors: Record<string, string> = {};
    if (errors.recipient) blockErrors[REMINDER_BLOCKS.recipient] = errors.recipient;
    if (errors.subject) blockErrors[REMINDER_BLOCKS.subject] = errors.subject;
    if (errors.body) blockErrors[REMINDER_BLOCKS.body] = errors.body;
    if (errors.attachment) blockErrors[REMINDER_BLOCKS.attachment] = errors.attachment;
    if (Object.keys(blockErrors).length > 0) {
      await ack({ response_action: "errors", errors: blockErrors });
      return;
    }
    await ack();
    const result = await submitReminder(ctx, reminderId, edits, member.slackUserId);
    const name = escapeMrkdwn(row.customer.name);
    const text = !result.ok
      ? result.message
      : result.outcome === "queued"
        ? t.queued(name, escapeMrkdwn(result.to ?? ""))
        : result.outcome === "awaiting_approval"
          ? t.waiting(name)
          : t.thread.letterReady(t.step[row.step] ?? row.step, `<@${member.slackUserId}>`);
    await ctx.outbox.send({ method: "chat.postMessage", channel: member.slackUserId, payload: { text } });
  });

  for (const decision of ["approve", "reject", "ok", "object"] as const) {
    app.action<BlockAction<ButtonAction>>(
      REMINDER_ACTIONS[decision],
      async ({ ack, body, action, client }) => {
        await ack();
        const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
        const result = await decideReminder(ctx, {
          reminderId: Number(action.value),
          actor: member,
          decision,
        });
        if (!result.ok) await tellUser(ctx, targetOf(body), { text: result.message });
      },
    );
  }

  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.posted, async ({ ack, body, action, client }) => {
    await ack();
    const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
    if (!member) return tellUser(ctx, targetOf(body), { text: t.errors.notMember });
    const reminderId = Number(action.value);
    const result = await confirmLetterPosted(ctx, reminderId, member.slackUserId);
    if (!result.ok) return tellUser(ctx, targetOf(body), { text: t.errors.alreadySent });
    const message = body.message as { ts?: string; blocks?: { text?: { text?: string } }[] } | undefined;
    const channel = body.channel?.id;
    if (message?.ts && channel) {
      const original = message.blocks?.[0]?.text?.text ?? "";
      await ctx.outbox.send({
        method: "chat.update",
        channel,
        payload: {
          ts: message.ts,
          ...letterReadyMessage({ reminderId, text: original, posted: result.text }, t),
        },
      });
    }
  });

  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.sendAll, async ({ ack, body, action, client }) => {
    await ack();
    const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
    if (!member) return tellUser(ctx, targetOf(body), { text: t.errors.notMember });
    const out = await sendAllOfDay(ctx, action.value ?? today(ctx), member);
    await tellUser(ctx, targetOf(body), {
      text: [t.batch.sentAll(out.queued + out.letters, out.waiting), ...out.failed].join("\n"),
    });
  });
}
