import type { WebClient } from "@slack/web-api";
import type { Role } from "../../../domain/cases";
import { messages } from "../../../i18n";
import { hasRole, type Member } from "../../../services/team/team";
import { displayNames } from "../../users";
import type { ListenerContext } from "./context";
import { type ReplyTarget, tellUser } from "./reply";

/** How a listener refuses: an ephemeral reply, a `respond`, an inline modal error... */
export type Refuse = (text: string) => Promise<unknown>;

/**
 * The caller as a team member (the first user of an empty team becomes admin), or null after refusing with
 * "not a member" or, when `allowed` is given and the role is not in it, with `allowed.refusal` (also said to
 * someone outside the team when `allowed.outsiders` is "refusal": admin-only tools say just that).
 * `refuse` is a ReplyTarget (told privately through the outbox) or a function.
 */
export async function requireMember(
  ctx: ListenerContext,
  userId: string,
  client: WebClient | undefined,
  refuse: ReplyTarget | Refuse,
  allowed?: { roles: readonly Role[]; refusal: string; outsiders?: "refusal" },
): Promise<Member | null> {
  const say: Refuse = typeof refuse === "function" ? refuse : (text) => tellUser(ctx, refuse, { text });
  const member = await ctx.services.team.resolveMember(userId, displayNames(client));
  if (!member) {
    await say(
      allowed?.outsiders === "refusal" ? allowed.refusal : messages(ctx.config.locale).errors.notMember,
    );
    return null;
  }
  if (allowed && !hasRole(member, ...allowed.roles)) {
    await say(allowed.refusal);
    return null;
  }
  return member;
}
