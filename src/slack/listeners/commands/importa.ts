import type { Subcommand } from "../kit";

/** `/credito importa`: files cannot be attached to a slash command, so it explains how to send one. */
export const importaSubcommand: Subcommand = {
  name: "importa",
  aliases: ["import"],
  usage: {
    it: { syntax: "importa", text: "come importare scadenzario, clienti, pagamenti o fatture XML" },
    en: { syntax: "importa", text: "how to import a scadenzario, customers, payments or XML invoices" },
  },
  async run({ ack, t }) {
    await ack({
      response_type: "ephemeral",
      text: t.import.slack.howTo,
      blocks: [{ type: "section", text: { type: "mrkdwn", text: `📊 ${t.import.slack.howTo}` } }],
    });
  },
};
