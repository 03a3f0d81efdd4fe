import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";

/**
 * Slack re-sends an event it believes was not acknowledged (X-Slack-Retry-Num). The event id is
 * stored on first sight; a second delivery of the same id stops here, so it is processed once.
 */
export function dedupeEvents(db: Db): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== "string") return next();
    try {
      await db.processedEvent.create({ data: { eventId } });
    } catch (err) {
      if (isUniqueViolation(err)) return;
      throw err;
    }
    await next();
  };
}
