import type { App } from "@slack/bolt";
import { messages } from "../../../i18n";
import { helpMessage } from "../../../messages/help";
import { personalLocale } from "../../user-locale";
import type { ListenerContext, Subcommand } from "../kit";
import { helpSubcommand } from "./help";

/** Routes `/credito <sub-command> <args>` to its handler; no sub-command or an unknown one gets the help. */
export function registerCommands(app: App, ctx: ListenerContext, extra: readonly Subcommand[] = []): void {
  const subcommands: Subcommand[] = [];
  subcommands.push(
    ...extra,
    helpSubcommand(() => subcommands),
  );
  const byName = new Map<string, Subcommand>();
  for (const s of subcommands) for (const n of [s.name, ...(s.aliases ?? [])]) byName.set(n, s);

  app.command("/credito", async ({ command, ack, respond, client }) => {
    const [first = "", ...rest] = command.text.trim().split(/\s+/);
    const name = first.toLowerCase();
    const sub = byName.get(name);
    // the help (also for an unknown sub-command) and the personal answers: the caller's language, when asked
    const locale =
      !sub || sub.personal ? await personalLocale(ctx.config, client, command.user_id) : ctx.config.locale;
    const t = messages(locale);
    if (!sub) {
      await ack({ response_type: "ephemeral", ...helpMessage(subcommands, t, locale, name || undefined) });
      return;
    }
    let acked = false;
    const ackOnce: typeof ack = async (response) => {
      acked = true;
      await ack(response);
    };
    try {
      await sub.run({ ctx, command, args: rest.join(" "), ack: ackOnce, respond, client, t, locale });
    } catch (err) {
      ctx.log.error(`/credito ${name} failed`, err);
      const reply = { response_type: "ephemeral" as const, text: t.errors.generic };
      if (!acked) await ack(reply);
      else await respond(reply).catch(() => undefined);
    }
  });
}
