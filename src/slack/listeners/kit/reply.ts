import type { ListenerContext } from "./context";

/** Where to answer a user privately: the command's response_url, an ephemeral in a channel, or a DM. */
export interface ReplyTarget {
  userId: string;
  channelId?: string;
  responseUrl?: string;
}

export type Reply = { text: string; blocks?: unknown[] };

/** The reply target of a button click or a menu choice. */
export function targetOf(body: {
  user: { id: string };
  channel?: { id: string };
  response_url?: string;
}): ReplyTarget {
  return { userId: body.user.id, channelId: body.channel?.id, responseUrl: body.response_url };
}

/** Queues a private message for the user through the outbox (retried if Slack is down). */
export async function tellUser(ctx: ListenerContext, to: ReplyTarget, message: Reply): Promise<void> {
  if (to.responseUrl) {
    await ctx.outbox.send({
      method: "respond",
      channel: `respond:${to.userId}`,
      payload: { url: to.responseUrl, response_type: "ephemeral", replace_original: false, ...message },
    });
  } else if (to.channelId && !to.channelId.startsWith("D")) {
    await ctx.outbox.send({
      method: "chat.postEphemeral",
      channel: to.channelId,
      payload: { user: to.userId, ...message },
    });
  } else {
    await ctx.outbox.send({ method: "chat.postMessage", channel: to.userId, payload: { ...message } });
  }
}

/** `tellUser`, waiting for a busy database to queue it (after a submission was kept, the answer must go). */
export async function tellLater(ctx: ListenerContext, to: ReplyTarget, message: Reply): Promise<void> {
  await ctx.services.patiently(() => tellUser(ctx, to, message));
}

/**
 * An ephemeral answer to the person who clicked in a case thread (or, with no channel, in the team channel).
 * Always an ephemeral: case-thread clicks have no response_url worth using and must not open a DM.
 */
export async function tellInChannel(
  ctx: ListenerContext,
  channel: string | undefined,
  user: string,
  text: string,
): Promise<void> {
  await ctx.services.patiently(() =>
    ctx.outbox.send({
      method: "chat.postEphemeral",
      channel: channel ?? ctx.config.slack.channel,
      payload: { user, text },
    }),
  );
}
