import type { KnownBlock } from "@slack/types";
import { today } from "../../../context";
import { formatDateLong } from "../../../domain/calendar";
import { digestEntries } from "../../../domain/digest-entries";
import { entryText } from "../../../messages/digest";
import { tasksFor } from "../../../services/digest/digest";
import { requireMember, type Subcommand } from "../kit";

const MAX_LINES = 40;

/** `/credito oggi`: the caller's own tasks of the day, ephemeral. */
export const oggiSubcommand: Subcommand = {
  name: "oggi",
  aliases: ["today", "miei"],
  personal: true,
  usage: {
    it: { syntax: "oggi", text: "i tuoi compiti di oggi" },
    en: { syntax: "oggi", text: "your tasks for today" },
  },
  async run(call) {
    const { ctx, ack, respond, t, locale } = call;
    await ack();
    const member = await requireMember(ctx, call.command.user_id, call.client, (text) =>
      respond({ response_type: "ephemeral", text }),
    );
    if (!member) return;
    const day = today(ctx);
    const digest = await ctx.services.digest.buildDigest(day);
    const mine = tasksFor(digest.tasks, member.slackUserId);
    const unassigned = digest.tasks.filter((x) => !x.assigneeSlackId).length;
    const title = t.digest.myTitle(formatDateLong(day, locale));
    // one entry per customer, as in the digest
    const lines = digestEntries(mine)
      .slice(0, MAX_LINES)
      .map((entry) => entryText(entry, t, locale, digest.ownerSlackIds ?? []));
    const blocks: KnownBlock[] = [
      { type: "section", text: { type: "mrkdwn", text: `*${title}*` } },
      ...lines.map((text): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } })),
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: mine.length
              ? t.digest.unassigned(unassigned)
              : `${t.digest.myEmpty} ${t.digest.unassigned(unassigned)}`,
          },
        ],
      },
    ];
    await respond({ response_type: "ephemeral", text: `${title}: ${mine.length}`, blocks });
  },
};
