import type { KnownBlock } from "@slack/types";
import type { Locale, Messages } from "../i18n";

/** What the help shows of a sub-command (the listeners' `Subcommand` has this shape). */
export interface HelpEntry {
  usage: Record<Locale, { syntax: string; text: string }>;
}

/** The ephemeral list of commands (also the answer to an unknown sub-command). */
export function helpMessage(
  subcommands: readonly HelpEntry[],
  t: Messages,
  locale: Locale,
  unknown?: string,
): { text: string; blocks: KnownBlock[] } {
  const lines = subcommands.map((s) => `• \`/credito ${s.usage[locale].syntax}\`: ${s.usage[locale].text}`);
  const head = unknown ? `${t.help.unknown(unknown)} ${t.help.intro}` : t.help.intro;
  return {
    text: `${head}\n${lines.join("\n")}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${t.help.title}*\n${head}` } },
      { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
      { type: "context", elements: [{ type: "mrkdwn", text: t.help.footer }] },
    ],
  };
}
