import type { WebClient } from "@slack/web-api";
import type { DisplayNameLookup } from "../services/team/team";

/** The user's name as Slack shows it (users.info); the user id when Slack does not answer or there is no client. */
export async function slackDisplayName(client: WebClient | undefined, slackUserId: string): Promise<string> {
  if (!client) return slackUserId;
  try {
    const res = await client.users.info({ user: slackUserId });
    return res.user?.real_name || res.user?.name || slackUserId;
  } catch {
    return slackUserId;
  }
}

/** What services get to learn a Slack user's name without calling the Web API themselves. */
export function displayNames(client: WebClient | undefined): DisplayNameLookup {
  return (slackUserId) => slackDisplayName(client, slackUserId);
}
