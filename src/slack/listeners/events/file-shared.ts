import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { messages } from "../../../i18n";
import type { SharedFileRef } from "../../../services/imports/import-from-dm";
import { sharedFileFetcher } from "../../shared-files";
import { displayNames } from "../../users";
import type { ListenerContext } from "../kit";

type Shared = { user: string; channel: string; files: SharedFileRef[]; text?: string };

/**
 * Files an admin shares with Credito in a direct message are imported (the import-from-DM service) and the
 * summary posted back there. Runs after Bolt has acknowledged the event; both the `message` (subtype
 * file_share) and the `file_shared` events arrive for one file, and the service imports it once.
 */
export function registerFileShared(app: App, ctx: ListenerContext): void {
  const run = (client: WebClient, a: Shared) => {
    // Bolt has already acknowledged the event: the import runs on its own and reports in the DM
    void (async () => {
      const member = await ctx.services.team.resolveMember(a.user, displayNames(client));
      const fetchFile = sharedFileFetcher(client, ctx.config.slack.botToken);
      await ctx.services.imports.importFromDm(fetchFile, { ...a, member });
    })().catch((err) => {
      ctx.log.error("import from Slack failed", err);
      void ctx.outbox
        .send({
          method: "chat.postMessage",
          channel: a.channel,
          payload: { text: messages(ctx.config.locale).errors.generic },
        })
        .catch(() => undefined);
    });
  };
  app.event("message", async ({ event, client }) => {
    const e = event as {
      subtype?: string;
      channel_type?: string;
      channel: string;
      user?: string;
      text?: string;
      files?: SharedFileRef[];
      bot_id?: string;
    };
    if (e.subtype !== "file_share" || e.channel_type !== "im" || !e.user || e.bot_id || !e.files?.length)
      return;
    run(client, { user: e.user, channel: e.channel, files: e.files, text: e.text });
  });
  app.event("file_shared", async ({ event, client }) => {
    const e = event as { file_id: string; user_id: string; channel_id?: string };
    if (!e.channel_id?.startsWith("D")) return;
    run(client, { user: e.user_id, channel: e.channel_id, files: [{ id: e.file_id }] });
  });
}
