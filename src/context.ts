import type { Config } from "./config";
import type { Db, Tx } from "./db/client";
import { dateInZone, type IsoDate } from "./domain/calendar";
import type { Logger } from "./log";
import type { Anchor, OutgoingMessage } from "./messages/outgoing";

/** The only source of "now": real in production, fixed in tests and in the demo. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let t = new Date(iso);
  return { now: () => new Date(t), set: (v: string) => (t = new Date(v)) };
}

/**
 * What services do with the outbox: queue a message (inside their transaction), kick it after the commit.
 * The Slack adapter's Outbox (slack/outbox.ts) is the implementation; naming only this keeps services off it.
 */
export interface MessageQueue {
  enqueue(msg: OutgoingMessage, tx?: Tx): Promise<number>;
  /** queued under its dedupe key; a message with that key not yet sent takes this newer content */
  upsert(msg: OutgoingMessage & { dedupeKey: string }, tx?: Tx): Promise<number>;
  /** queues and starts sending at once (outside a transaction) */
  send(msg: OutgoingMessage): Promise<number>;
  /** a series' continuations in the thread of `anchor`: posted once, later versions edit them (see Outbox) */
  continueSeries(
    spec: {
      series: string;
      channel: string;
      anchor: Anchor;
      parts: readonly object[];
      filler: object;
    },
    tx?: Tx,
  ): Promise<void>;
  kick(): void;
}

/** What services need: repositories (Prisma), the outbox, the clock, the settings and a logger. */
export interface AppContext {
  config: Config;
  db: Db;
  outbox: MessageQueue;
  clock: Clock;
  log: Logger;
}

/** Today's calendar date in the business time zone. */
export function today(ctx: Pick<AppContext, "clock" | "config">): IsoDate {
  return dateInZone(ctx.clock.now(), ctx.config.timeZone);
}
