import { today } from "../../../context";
import { formatDateLong } from "../../../domain/calendar";
import { postDigest } from "../../../services/digest/digest";
import { hasRole, resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";
import type { Subcommand } from "./subcommand";

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
    const member = await resolveMember(ctx.db, command.user_id, displayNames(client));
    if (!hasRole(member, "admin")) {
      await respond({ response_type: "ephemeral", text: t.errors.adminOnly });
      return;
    }
    const day = today(ctx);
    const result = await postDigest(ctx, day);
    const text =
      result.status === "skipped"
        ? t.digest.notBusinessDay(formatDateLong(day, locale))
        : t.digest.postedNow(result.status === "updated", result.tasks.length);
    await respond({ response_type: "ephemeral", text });
  },
};
