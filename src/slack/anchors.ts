import type { Db } from "../db/client";
import type { Anchor, Outbox } from "./outbox";

/** Where an anchored message lives: a case's thread, a field trip's thread, a day's digest, a sent message. */
export async function resolveAnchor(db: Db, anchor: Anchor): Promise<{ channel: string; ts: string } | null> {
  let row: { channelId: string | null; ts: string | null } | null = null;
  if ("caseId" in anchor) {
    const c = await db.case.findUnique({ where: { id: anchor.caseId } });
    row = c && { channelId: c.channelId, ts: c.threadTs };
  } else if ("tripId" in anchor) {
    const t = await db.fieldTrip.findUnique({ where: { id: anchor.tripId } });
    row = t && { channelId: t.channelId, ts: t.threadTs };
  } else if ("digestDate" in anchor) {
    const d = await db.digest.findUnique({ where: { date: anchor.digestDate } });
    row = d && { channelId: d.channelId, ts: d.ts };
  } else {
    // a message queued earlier under a dedupe key (e.g. a digest continuation in the thread)
    const m = await db.outboxMessage.findUnique({ where: { dedupeKey: anchor.outboxKey } });
    row = m && { channelId: m.channel, ts: m.resultTs };
  }
  return row?.channelId && row.ts ? { channel: row.channelId, ts: row.ts } : null;
}

/** Records the ts of parent messages once Slack has them, so replies and updates can find them. */
export function registerAnchorRecorders(outbox: Outbox): void {
  outbox.onSent("case_parent", async (db, sent, data) => {
    await db.case.update({
      where: { id: Number(data.caseId) },
      data: { threadTs: sent.ts, channelId: sent.channel },
    });
  });
  outbox.onSent("trip_parent", async (db, sent, data) => {
    await db.fieldTrip.update({
      where: { id: Number(data.tripId) },
      data: { threadTs: sent.ts, channelId: sent.channel },
    });
  });
  // the approval message of an ApprovalRequest (src/services/cases/approvals.ts), edited once decided
  outbox.onSent("approval_message", async (db, sent, data) => {
    await db.approvalRequest.update({ where: { id: Number(data.approvalId) }, data: { messageTs: sent.ts } });
  });
  outbox.onSent("digest", async (db, sent, data) => {
    await db.digest.update({
      where: { date: String(data.date) },
      data: { ts: sent.ts, channelId: sent.channel },
    });
  });
}
