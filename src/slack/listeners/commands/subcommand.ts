import type { AckFn, RespondArguments, RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../context";
import type { Locale, Messages } from "../../../i18n";

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
