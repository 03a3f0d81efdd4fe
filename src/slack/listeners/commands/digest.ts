import { today } from "../../../context";
import { formatDateLong } from "../../../domain/calendar";
import { requireMember, type Subcommand } from "../kit";

/** `/credito riepilogo`: posts (or refreshes) today's digest now. Admins only. */
export const digestSubcommand: Subcommand = {
  name: "riepilogo",
  aliases: ["digest"],
  usage: {
    it: { syntax: "riepilogo", text: "pubblica o aggiorna ora il riepilogo di oggi (amministratori)" },
    en: { syntax: "riepilogo", text: "post or refresh today's digest now (admins)" },
  },
  async run({ ctx, command, ack, respond, client, t, locale }) {
    await ack();
    const member = await requireMember(
      ctx,
      command.user_id,
      client,
      (text) => respond({ response_type: "ephemeral", text }),
      { roles: ["admin"], refusal: t.errors.adminOnly, outsiders: "refusal" },
    );
    if (!member) return;
    const day = today(ctx);
    const result = await ctx.services.digest.postDigest(day);
    const text =
      result.status === "skipped"
        ? t.digest.notBusinessDay(formatDateLong(day, locale))
        : t.digest.postedNow(result.status === "updated", result.tasks.length);
    await respond({ response_type: "ephemeral", text });
  },
};
