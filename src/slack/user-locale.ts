import type { WebClient } from "@slack/web-api";
import type { Locale } from "../i18n";

// A Slack user's own language, for the surfaces only they see (App Home, the help, `/credito oggi` and
// `/credito cliente`: see Subcommand.personal). Slack gives it with users.info
// include_locale ("it-IT", "en-GB", "en-US"...); Credito speaks it and en, so anything else, or a failed
// call, keeps the company's CREDITO_LOCALE. Cached a while: Home opens often, languages rarely change.

const TTL_MS = 15 * 60_000;
const cache = new Map<string, { locale: Locale | null; until: number }>();

export function slackLocale(tag: string | undefined): Locale | null {
  const lang = tag?.toLowerCase().split(/[-_]/)[0];
  return lang === "it" || lang === "en" ? lang : null;
}

export async function userLocale(
  client: WebClient,
  userId: string,
  fallback: Locale,
  now: number = Date.now(),
): Promise<Locale> {
  const hit = cache.get(userId);
  if (hit && hit.until > now) return hit.locale ?? fallback;
  let locale: Locale | null = null;
  try {
    const res = await client.users.info({ user: userId, include_locale: true });
    locale = slackLocale(res.user?.locale);
  } catch {
    return fallback; // not cached: the next opening asks again
  }
  cache.set(userId, { locale, until: now + TTL_MS });
  return locale ?? fallback;
}

/** The language of what this user alone sees: theirs with CREDITO_USER_LOCALE, else the company's. */
export function personalLocale(
  config: { userLocale: boolean; locale: Locale },
  client: WebClient,
  userId: string,
): Promise<Locale> {
  return config.userLocale ? userLocale(client, userId, config.locale) : Promise.resolve(config.locale);
}
