import { helpMessage } from "../../../messages/help";
import type { Subcommand } from "../kit";

export function helpSubcommand(all: () => readonly Subcommand[]): Subcommand {
  return {
    name: "help",
    aliases: ["aiuto", "?"],
    personal: true,
    usage: {
      it: { syntax: "help", text: "questo elenco" },
      en: { syntax: "help", text: "this list" },
    },
    async run({ ack, t, locale }) {
      await ack({ response_type: "ephemeral", ...helpMessage(all(), t, locale) });
    },
  };
}
