import type { View } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { messages } from "../../../i18n";
import type { ListenerContext } from "./context";
import { type ReplyTarget, tellUser } from "./reply";
import { isTriggerExpired, slackErrorCode } from "./slack-errors";

/**
 * Opens a modal with the trigger_id (valid 3 s, once). When Slack refuses, the user is told privately: an
 * expired or reused trigger gets "try again", anything else the generic error. Returns the opened view's id
 * and hash (for a views.update that fills it later), or null.
 */
export async function openModal(
  ctx: ListenerContext,
  client: WebClient,
  a: { triggerId: string; view: View; target: ReplyTarget; label: string },
): Promise<{ id: string; hash?: string } | null> {
  const t = messages(ctx.config.locale);
  try {
    const res = await client.views.open({ trigger_id: a.triggerId, view: a.view });
    return res.view?.id ? { id: res.view.id, hash: res.view.hash } : null;
  } catch (err) {
    const code = slackErrorCode(err);
    ctx.log.warn(`${a.label}: views.open failed (${code ?? String(err)})`);
    await tellUser(ctx, a.target, { text: isTriggerExpired(code) ? t.log.triggerExpired : t.errors.generic });
    return null;
  }
}

/** views.update guarded by the view hash: a hash_conflict means the user changed the view meanwhile (fine). */
export async function updateModal(
  ctx: ListenerContext,
  client: WebClient,
  a: { viewId: string; hash?: string; view: View; label: string },
): Promise<void> {
  try {
    await client.views.update({ view_id: a.viewId, ...(a.hash ? { hash: a.hash } : {}), view: a.view });
  } catch (err) {
    if (slackErrorCode(err) !== "hash_conflict") ctx.log.error(`${a.label}: views.update failed`, err);
  }
}
