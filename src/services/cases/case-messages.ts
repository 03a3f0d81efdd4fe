import type { Db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import type { Case } from "../../generated/prisma/client";

/** The case whose thread is (channel, threadTs), if any. */
export async function caseByThread(db: Db, channel: string, threadTs: string): Promise<Case | null> {
  return db.case.findFirst({ where: { threadTs, OR: [{ channelId: channel }, { channelId: null }] } });
}

/**
 * Stores a person's own message in a case thread so the case history is complete. Idempotent on
 * (case, ts): a message seen twice (Slack retry, replay) is stored once. Returns whether it was new.
 */
export async function recordCaseMessage(
  db: Db,
  msg: { channel: string; threadTs: string; ts: string; user: string; text: string },
): Promise<boolean> {
  const c = await caseByThread(db, msg.channel, msg.threadTs);
  if (!c) return false;
  try {
    await db.caseMessage.create({
      data: { caseId: c.id, slackUserId: msg.user, ts: msg.ts, text: msg.text },
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}
