import type { AppContext } from "../context";
import { today } from "../context";
import { isBusinessDay, timeInZone } from "../domain/calendar";
import { postDigest } from "../services/digest/digest";

/** The morning digest at its scheduled time (weekends and Italian holidays are skipped by postDigest). */
export async function runDigestJob(ctx: AppContext): Promise<void> {
  const result = await postDigest(ctx, today(ctx));
  if (result.status === "skipped")
    ctx.log.info(`digest: ${today(ctx)} is not a business day, nothing posted`);
  else ctx.log.info(`digest: ${result.status} for ${today(ctx)} with ${result.tasks.length} tasks`);
}

/**
 * If the bot was down at posting time, post on start-up: on a business day, once the scheduled time has
 * passed, when no digest exists for today. Works for cron expressions with a fixed minute and hour.
 */
export async function catchUpDigest(
  ctx: AppContext,
  run: (ctx: AppContext) => Promise<unknown> = runDigestJob,
): Promise<boolean> {
  const [minute, hour] = ctx.config.digestCron.trim().split(/\s+/);
  if (!/^\d+$/.test(minute ?? "") || !/^\d+$/.test(hour ?? "")) return false;
  const day = today(ctx);
  if (!isBusinessDay(day, ctx.config.rules.extraHolidays)) return false;
  const due = `${hour!.padStart(2, "0")}:${minute!.padStart(2, "0")}`;
  if (timeInZone(ctx.clock.now(), ctx.config.timeZone) < due) return false;
  if (await ctx.db.digest.findUnique({ where: { date: day } })) return false;
  ctx.log.info(`digest: catching up on the ${due} digest of ${day}`);
  await run(ctx);
  return true;
}
