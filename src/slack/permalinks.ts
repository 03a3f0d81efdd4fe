import type { WebClient } from "@slack/web-api";
import type { PermalinkLookup } from "../services/cases/case-link";

/** A link to a message (chat.getPermalink); undefined when Slack does not give one. */
export function permalinks(client: WebClient): PermalinkLookup {
  return async (channel, ts) => {
    try {
      const link = await client.chat.getPermalink({ channel, message_ts: ts });
      return link.permalink || undefined;
    } catch {
      return undefined;
    }
  };
}
