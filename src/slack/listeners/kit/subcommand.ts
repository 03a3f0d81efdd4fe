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
  run(call: SubcommandCall): Promise<void>;
}

/** The ephemeral answer of a sub-command given as its ack (for those that answer at once). */
export function ackReply(call: Pick<SubcommandCall, "ack">): (text: string) => Promise<void> {
  return (text) => call.ack({ response_type: "ephemeral", text });
}
