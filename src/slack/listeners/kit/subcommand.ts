import type { AckFn, RespondArguments, RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Locale, Messages } from "../../../i18n";
import type { ListenerContext } from "./context";

export interface SubcommandCall {
  ctx: ListenerContext;
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
  /**
   * Its answer is seen by the caller alone and writes nothing others read: with CREDITO_USER_LOCALE it speaks
   * the caller's Slack language (what goes to the channel, or into a modal whose input is parsed, stays in
   * CREDITO_LOCALE).
   */
  personal?: boolean;
  run(call: SubcommandCall): Promise<void>;
}

/** The ephemeral answer of a sub-command given as its ack (for those that answer at once). */
export function ackReply(call: Pick<SubcommandCall, "ack">): (text: string) => Promise<void> {
  return (text) => call.ack({ response_type: "ephemeral", text });
}
