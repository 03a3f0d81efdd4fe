/** The Slack error code of a failed Web API call (`expired_trigger_id`, `hash_conflict`...), if any. */
export function slackErrorCode(err: unknown): string | undefined {
  return (err as { data?: { error?: string } } | undefined)?.data?.error;
}

/** A trigger_id lasts 3 s and works once: past that Slack answers with one of these. */
export function isTriggerExpired(code: string | undefined): boolean {
  return code === "expired_trigger_id" || code === "invalid_trigger_id";
}
