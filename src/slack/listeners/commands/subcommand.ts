import type { AckFn, RespondArguments, RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../context";
import type { Role } from "../../../domain/cases";
import type { Locale, Messages } from "../../../i18n";
import { hasRole, type Member, resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";

export interface SubcommandCall {
  ctx: AppContext;
  command: SlashCommand;
  /** the text after the sub-command name */
  args: string;
  ack: AckFn<string | RespondArguments>;
  respond: RespondFn;
  client: WebClient;
  t: Messages;
  locale: Locale;
}

/** One `/credito <name>` sub-command. The help text is built from these, so it is never out of date. */
export interface Subcommand {
  name: string;
  aliases?: string[];
  usage: Record<Locale, { syntax: string; text: string }>;
  run(call: SubcommandCall): Promise<void>;
}

/**
 * The caller as a team member (the first user of an empty team becomes admin), or null after telling them,
 * with `tell`, that they are not in the team, or, when `allowed` is given, that their role may not do this.
 */
export async function callerMember(
  { ctx, command, client, t }: SubcommandCall,
  tell: (text: string) => Promise<unknown>,
  allowed?: { roles: readonly Role[]; refusal: string },
): Promise<Member | null> {
  const member = await resolveMember(ctx.db, command.user_id, displayNames(client));
  if (!member) {
    await tell(t.errors.notMember);
    return null;
  }
  if (allowed && !hasRole(member, ...allowed.roles)) {
    await tell(allowed.refusal);
    return null;
  }
  return member;
}
