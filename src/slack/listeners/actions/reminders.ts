import type { App, BlockAction, ButtonAction, StaticSelectAction } from "@slack/bolt";
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
import type { ReminderEdits } from "../../../reminders/service";
import { displayNames } from "../../users";
import type { ListenerContext } from "../kit";
import { openReminderModal, requireMember, tellUser, updateModal } from "../kit";

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

/** Where a reminder button's answers go, and its trigger for a modal. */
const targetOf = (body: BlockAction) => ({
  triggerId: body.trigger_id,
  userId: body.user.id,
  channelId: body.channel?.id,
  responseUrl: body.response_url,
});

/** The reminder buttons and modal: open and draft, edit, submit, decide, confirm the letter, send the day's batch. */
export function registerReminderActions(app: App, ctx: ListenerContext): void {
  registerReminderDrafting(app, ctx);
  registerReminderSubmission(app, ctx);
  registerReminderDecisions(app, ctx);
}

/** "Prepara sollecito" and "Rivedi" open the modal; another step or "save draft" redraw it. */
function registerReminderDrafting(app: App, ctx: ListenerContext): void {
  const t = reminderMessages(ctx.config.locale);

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
      const current = await ctx.services.reminders.byId(reminderId);
      const member = await ctx.services.team.resolveMember(body.user.id, displayNames(client));
      if (!current || !member) return;
      const prepared = await ctx.services.reminders.prepareReminder({
        customerId: current.customerId,
        step,
        actor: member,
        actorSlackId: member.slackUserId,
      });
      if (!prepared.ok) return;
      await updateModal(ctx, client, {
        viewId: view.id,
        hash: view.hash,
        view: reminderModal(prepared.modal, t, ctx.config.locale),
        label: "reminder modal",
      });
    },
  );

  app.action<BlockAction<ButtonAction>>(REMINDER_ACTIONS.saveDraft, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const { reminderId } = JSON.parse(view.private_metadata) as { reminderId: number };
    await ctx.services.reminders.saveDraft(reminderId, editsFrom(view.state.values as ViewState));
    const data = await ctx.services.reminders.reminderModalFor(reminderId);
    if (!data) return;
    data.savedAt = timeInZone(ctx.clock.now(), ctx.config.timeZone);
    const next = reminderModal(data, t, ctx.config.locale);
    await updateModal(ctx, client, { viewId: view.id, view: next, label: "reminder modal" });
  });
}

/** The modal submitted: checked inline, then queued, sent for approval or made a letter to post. */
function registerReminderSubmission(app: App, ctx: ListenerContext): void {
  const t = reminderMessages(ctx.config.locale);
  app.view(REMINDER_VIEW, async ({ ack, view, body, client }) => {
    const { reminderId } = JSON.parse(view.private_metadata) as { reminderId: number };
    const row = await ctx.services.reminders.byId(reminderId);
    const member = await ctx.services.team.resolveMember(body.user.id, displayNames(client));
    if (!row || !member) {
      await ack({
        response_action: "errors",
        errors: { [REMINDER_BLOCKS.subject]: member ? t.errors.notFound : t.errors.notMember },
      });
      return;
    }
    const edits = editsFrom(view.state.values as ViewState);
    const errors = ctx.services.reminders.checkEdits(edits, row.medium as ReminderMedium, ctx.config.locale);
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
    const result = await ctx.services.reminders.submitReminder(reminderId, edits, member.slackUserId);
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
}

/** Approve / reject / ok / object on a reminder waiting for approval; the letter posted; the day's batch sent. */
function registerReminderDecisions(app: App, ctx: ListenerContext): void {
  const t = reminderMessages(ctx.config.locale);
  for (const decision of ["approve", "reject", "ok", "object"] as const) {
    app.action<BlockAction<ButtonAction>>(
      REMINDER_ACTIONS[decision],
      async ({ ack, body, action, client }) => {
        await ack();
        const member = await ctx.services.team.resolveMember(body.user.id, displayNames(client));
        const result = await ctx.services.reminders.decideReminder({
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
    const member = await requireMember(ctx, body.user.id, client, targetOf(body));
    if (!member) return;
    const reminderId = Number(action.value);
    const result = await ctx.services.reminders.confirmLetterPosted(reminderId, member.slackUserId);
    if (!result.ok) return tellUser(ctx, targetOf(body), { text: t.errors.alreadySent });
    const message = body.message as { ts?: string; blocks?: { text?: { text?: string } }[] } | undefined;
    const channel = body.channel?.id;
    // the clicked message is redrawn with its own text and the "posted" line in place of the button; a
    // payload without that text leaves it as it is (Slack refuses a section with empty text)
    const original = message?.blocks?.[0]?.text?.text ?? "";
    if (message?.ts && channel && original) {
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
    const member = await requireMember(ctx, body.user.id, client, targetOf(body));
    if (!member) return;
    const out = await ctx.services.reminders.sendAllOfDay(action.value ?? today(ctx), member);
    await tellUser(ctx, targetOf(body), {
      text: [t.batch.sentAll(out.queued + out.letters, out.waiting), ...out.failed].join("\n"),
    });
  });
}
