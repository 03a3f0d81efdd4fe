import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";

/**
 * Several instances on one database: one instance at a time sends a channel's outbox messages, holding that
 * channel's lease (an OutboxLease row) until it has nothing due, or until the lease expires because the
 * instance died. One holder per channel keeps the messages in order and the channel's pace; the expiry lets
 * another instance take over a crashed one's channels. Every step is one atomic statement, the same on
 * SQLite and PostgreSQL (a conditional update, or an insert that fails on the primary key).
 */
export class ChannelLeases {
  /** when each lease this instance holds runs out, by this instance's clock */
  private readonly held = new Map<string, number>();

  constructor(
    private readonly db: Db,
    readonly holder: string,
    readonly leaseMs: number,
  ) {}

  /** Takes the channel's lease if it is free, expired or already ours; null when another instance holds it. */
  async acquire(channel: string): Promise<{ lastSentAt: Date | null; takenOverFrom?: string } | null> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.leaseMs);
    const before = await this.db.outboxLease.findUnique({ where: { channel } });
    if (before && before.holder !== this.holder && before.expiresAt > now) return null;
    const taken = await this.db.outboxLease.updateMany({
      where: { channel, OR: [{ holder: this.holder }, { expiresAt: { lt: now } }] },
      data: { holder: this.holder, expiresAt },
    });
    if (taken.count === 0) {
      if (before) return null; // someone renewed or took it between the two statements
      try {
        await this.db.outboxLease.create({ data: { channel, holder: this.holder, expiresAt } });
      } catch (err) {
        if (isUniqueViolation(err)) return null;
        throw err;
      }
    }
    this.held.set(channel, expiresAt.getTime());
    // a lease that ran out without being handed back (expiry 0): its holder died with messages to send
    const crashed = before && before.holder !== this.holder && before.expiresAt.getTime() > 0;
    return { lastSentAt: before?.lastSentAt ?? null, ...(crashed ? { takenOverFrom: before.holder } : {}) };
  }

  /**
   * Makes sure the lease has at least half its length left before a message goes out (renewing it when
   * needed); false when it was lost (it expired and another instance took the channel).
   */
  async keep(channel: string): Promise<boolean> {
    const until = this.held.get(channel);
    if (until === undefined) return false;
    if (until - Date.now() > this.leaseMs / 2) return true;
    const expiresAt = new Date(Date.now() + this.leaseMs);
    const renewed = await this.db.outboxLease.updateMany({
      where: { channel, holder: this.holder },
      data: { expiresAt },
    });
    if (renewed.count === 0) {
      this.held.delete(channel);
      return false;
    }
    this.held.set(channel, expiresAt.getTime());
    return true;
  }

  /** Hands the lease back (expired at once), recording when this instance last posted there. */
  async release(channel: string, lastSentAt: Date | null): Promise<void> {
    if (!this.held.delete(channel)) return;
    await this.db.outboxLease.updateMany({
      where: { channel, holder: this.holder },
      data: { expiresAt: new Date(0), ...(lastSentAt ? { lastSentAt } : {}) },
    });
  }

  /** Hands back every lease still held (graceful shutdown). */
  async releaseAll(): Promise<void> {
    this.held.clear();
    await this.db.outboxLease.updateMany({
      where: { holder: this.holder },
      data: { expiresAt: new Date(0) },
    });
  }
}
