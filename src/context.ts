import type { Config } from "./config";
import type { Db } from "./db/client";
import { dateInZone, type IsoDate } from "./domain/calendar";
import type { Logger } from "./log";
import type { Outbox } from "./slack/outbox";

/** The only source of "now": real in production, fixed in tests and in the demo. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let t = new Date(iso);
  return { now: () => new Date(t), set: (v: string) => (t = new Date(v)) };
}

/** What services need: repositories (Prisma), the outbox, the clock, the settings and a logger. */
export interface AppContext {
  config: Config;
  db: Db;
  outbox: Outbox;
  clock: Clock;
  log: Logger;
}

/** Today's calendar date in the business time zone. */
export function today(ctx: Pick<AppContext, "clock" | "config">): IsoDate {
  return dateInZone(ctx.clock.now(), ctx.config.timeZone);
}
