import { today } from "../../../context";
import { parsePeriod } from "../../../services/report/report";
import { requireMember, type Subcommand } from "../kit";

/**
 * `/credito report [mese [AAAA-MM]|settimana]`: posts the owner's report (KPIs, aging, collectors, trips) in the
 * team channel, with its charts as images in the message's thread. Acks at once; the work follows the ack.
 */
export const reportSubcommand: Subcommand = {
  name: "report",
  aliases: ["rapporto", "kpi"],
  usage: {
    it: {
      syntax: "report [mese|settimana]",
      text: "📊 indicatori del recupero, anzianità e grafici nel canale",
    },
    en: { syntax: "report [mese|settimana]", text: "📊 collection KPIs, aging and charts in the channel" },
  },
  async run(call) {
    const { ctx, args, ack, respond, t } = call;
    const period = parsePeriod(args, today(ctx));
    if (!period) {
      await ack({ response_type: "ephemeral", text: t.report.badArgs });
      return;
    }
    await ack();
    const member = await requireMember(ctx, call.command.user_id, call.client, (text) =>
      respond({ response_type: "ephemeral", text }),
    );
    if (!member) return;
    await respond({ response_type: "ephemeral", text: t.report.working });
    await ctx.services.report.postReport(period);
  },
};
