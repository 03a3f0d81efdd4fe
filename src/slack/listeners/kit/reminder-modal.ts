import type { View } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { ReminderStep } from "../../../domain/reminder";
import { reminderMessages } from "../../../i18n/reminders";
import { REMINDER_VIEW, reminderModal } from "../../../messages/reminder";
import { displayNames } from "../../users";
import type { ListenerContext } from "./context";
import { openModal } from "./modal";

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
  ctx: ListenerContext,
  client: WebClient,
  to: Target,
  what: { customerId: number; step?: ReminderStep; cadenceChannel?: string } | { reminderId: number },
): Promise<void> {
  const t = reminderMessages(ctx.config.locale);
  const opened = await openModal(ctx, client, {
    triggerId: to.triggerId,
    view: loadingView(t.modal.title),
    target: to,
    label: "reminder modal",
  });
  if (!opened) return;
  const viewId = opened.id;
  const member = await ctx.services.team.resolveMember(to.userId, displayNames(client));
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
    const data = await ctx.services.reminders.reminderModalFor(what.reminderId);
    if (!data) {
      await fail(t.errors.notFound);
      return;
    }
    view = reminderModal(data, t, ctx.config.locale);
  } else {
    const prepared = await ctx.services.reminders.prepareReminder({
      ...what,
      actor: member,
      actorSlackId: member.slackUserId,
    });
    if (!prepared.ok) {
      await fail(prepared.message);
      return;
    }
    view = reminderModal(prepared.modal, t, ctx.config.locale);
  }
  await client.views.update({ view_id: viewId, view });
}
