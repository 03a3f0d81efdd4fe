import type { Config } from "../config";
import type { AppContext } from "../context";
import { today } from "../context";
import { isBusinessDay, timeInZone, weekday } from "../domain/calendar";
import { dailyFiringTime } from "../domain/schedule";
import { type BatchResult, prepareDay } from "../reminders/service";

/** The job's name in JobRun (one run per day across instances). */
export const SOLLECITI_JOB = "solleciti";

export type SollecitiSchedule = { on: true; cron: string } | { on: false; why: string };

/**
 * Whether Credito prepares the morning's written reminders by itself, and when; or why not. Off with
 * CREDITO_SOLLECITI_CRON=off, and while the company details are missing (every reminder names the creditor and
 * its IBAN: `credito solleciti` refuses to run without them too).
 */
export function sollecitiSchedule(config: Config): SollecitiSchedule {
  if (config.sollecitiCron === null)
    return { on: false, why: "CREDITO_SOLLECITI_CRON is off: only `credito solleciti` prepares them" };
  if (!config.company)
    return {
      on: false,
      why: "CREDITO_COMPANY_NAME, _ADDRESS, _VAT and _IBAN are not set (every reminder names the creditor)",
    };
  return { on: true, cron: config.sollecitiCron };
}

/**
 * The morning batch at its scheduled time: every written cadence step due today drafted, one review message in
 * the channel (the same `prepareDay` as `credito solleciti`, so running both the same day posts once: the
 * drafts are keyed by customer, step and day, the review message by `reminder-batch:<day>`). Nothing reaches a
 * customer without a click, except the courteous email CREDITO_AUTO_SEND_COURTESY lets go. Skips the days the
 * digest skips (weekends, Italian holidays, CREDITO_EXTRA_HOLIDAYS).
 */
export async function runSollecitiJob(ctx: AppContext): Promise<BatchResult | null> {
  const day = today(ctx);
  if (!isBusinessDay(day, ctx.config.rules.extraHolidays)) {
    ctx.log.info(`solleciti: ${day} is not a business day, nothing prepared`);
    return null;
  }
  // the key prepareDay posts the review under (as the CLI reads it): known before, the log can say "already"
  const reviewed = await ctx.db.outboxMessage.findUnique({
    where: { dedupeKey: `reminder-batch:${day}` },
    select: { id: true },
  });
  const result = await prepareDay(ctx, day);
  ctx.log.info(`solleciti: ${summary(result, reviewed !== null)}`);
  for (const s of result.skipped) ctx.log.debug(`solleciti: skipped ${s.customerName}: ${s.reason}`);
  return result;
}

function summary(r: BatchResult, reviewedBefore: boolean): string {
  const skipped = r.skipped.length > 0 ? `, ${r.skipped.length} skipped` : "";
  const auto = r.autoSent > 0 ? `, ${r.autoSent} courteous email(s) sent by themselves` : "";
  if (r.prepared.length === 0 && r.autoSent === 0) return `no written step due on ${r.day}${skipped}`;
  const review = reviewedBefore
    ? "review message already posted, nothing new posted"
    : "review message queued";
  return `${r.prepared.length} draft(s) for ${r.day}${auto}${skipped}; ${review}`;
}

/**
 * If the bot was down at the batch's time, prepare it on start-up: when the schedule fires today (a fixed
 * minute and hour, see `dailyFiringTime`), on a business day, once that time has passed, unless today's run
 * already finished. `run` is the claimed run (once across instances); a run another instance holds is skipped
 * by it.
 */
export async function catchUpSolleciti(
  ctx: AppContext,
  run: (ctx: AppContext) => Promise<unknown> = runSollecitiJob,
): Promise<boolean> {
  const schedule = sollecitiSchedule(ctx.config);
  if (!schedule.on) return false;
  const day = today(ctx);
  if (!isBusinessDay(day, ctx.config.rules.extraHolidays)) return false;
  const due = dailyFiringTime(schedule.cron, weekday(day));
  if (due === null || timeInZone(ctx.clock.now(), ctx.config.timeZone) < due) return false;
  const done = await ctx.db.jobRun.findFirst({
    where: { job: SOLLECITI_JOB, occurrence: day, finishedAt: { not: null } },
    select: { job: true },
  });
  if (done) return false;
  ctx.log.info(`solleciti: catching up on the ${due} batch of ${day}`);
  await run(ctx);
  return true;
}
