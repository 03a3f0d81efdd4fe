import cron, { type ScheduledTask } from "node-cron";
import { type AppContext, today } from "../context";
import { retryBusy } from "../db/unit-of-work";
import { timeInZone } from "../domain/calendar";
import { instanceId } from "../instance";
import { sendDueCallbackReminders } from "./callback-reminders";
import { catchUpDigest, runDigestJob } from "./digest-job";
import { runOnce } from "./job-runs";
import { runWeeklyReportJob } from "./report-job";
import { catchUpSolleciti, runSollecitiJob, SOLLECITI_JOB, sollecitiSchedule } from "./solleciti-job";

export interface Job {
  name: string;
  cron: string;
  run(ctx: AppContext): Promise<unknown>;
  /** one run per day or per firing (minute) across all instances on the database; default: per firing */
  once?: "day" | "minute";
}

/** The scheduled jobs, in CREDITO_TIMEZONE. Each is a service call, also runnable from the CLI. */
export function jobs(ctx: AppContext): Job[] {
  const solleciti = sollecitiSchedule(ctx.config);
  return [
    { name: "digest", cron: ctx.config.digestCron, run: runDigestJob, once: "day" },
    { name: "callback-reminders", cron: ctx.config.reminderCron, run: sendDueCallbackReminders },
    { name: "weekly-report", cron: ctx.config.reportCron, run: runWeeklyReportJob, once: "day" },
    // the morning's written reminders, after the digest; only while it is on (see sollecitiSchedule)
    ...(solleciti.on
      ? [{ name: SOLLECITI_JOB, cron: solleciti.cron, run: runSollecitiJob, once: "day" as const }]
      : []),
  ];
}

/** How long a scheduled job waits out a busy database: longer than a collector's click, nobody is waiting. */
function jobRetryBudget(ctx: AppContext): number {
  return ctx.config.db.retryBudgetMs * 6;
}

/**
 * Runs a job's occurrence on the first instance to claim it (several share the database), waiting out a busy
 * database rather than missing it: a failed run gives its JobRun row back, so the retry claims it again; the
 * jobs are idempotent per occurrence.
 */
async function runClaimed<T>(
  ctx: AppContext,
  name: string,
  occurrence: string,
  holder: string,
  run: (ctx: AppContext) => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  const { value } = await retryBusy(
    () => runOnce(ctx.db, name, occurrence, holder, () => run(ctx)),
    jobRetryBudget(ctx),
  );
  return value;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Which occurrence of a job a firing is: the same key on every instance that fires in that day or minute. */
export function occurrenceOf(ctx: AppContext, job: Pick<Job, "once">): string {
  const day = today(ctx);
  return job.once === "day" ? day : `${day}T${timeInZone(ctx.clock.now(), ctx.config.timeZone)}`;
}

export async function startScheduler(
  ctx: AppContext,
  list: Job[] = jobs(ctx),
  holder: string = instanceId(ctx.config.instance?.id),
): Promise<Scheduler> {
  const tasks: ScheduledTask[] = list.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        try {
          const run = await runClaimed(ctx, job.name, occurrenceOf(ctx, job), holder, job.run);
          if (!run.ran) ctx.log.debug(`job ${job.name}: run by another instance`);
        } catch (err) {
          ctx.log.error(`job ${job.name} failed`, err);
        }
      },
      { timezone: ctx.config.timeZone, name: job.name, noOverlap: true },
    ),
  );
  // in the background: start-up ("running", /healthz) doesn't wait for a digest that can take seconds;
  // once per day across instances (issue 17)
  const digestOnce = (c: AppContext) => runClaimed(c, "digest", today(c), holder, runDigestJob);
  const solleciti = sollecitiSchedule(ctx.config);
  if (!solleciti.on) ctx.log.info(`solleciti: off, ${solleciti.why}`);
  const sollecitiOnce = (c: AppContext) => runClaimed(c, SOLLECITI_JOB, today(c), holder, runSollecitiJob);
  // the batch after the digest, so that the review message follows it in the channel
  const catchUp = catchUpDigest(ctx, digestOnce)
    .catch((err) => ctx.log.error("digest catch-up failed", err))
    .then(() => catchUpSolleciti(ctx, sollecitiOnce))
    .catch((err) => ctx.log.error("solleciti catch-up failed", err));
  return {
    async stop() {
      await catchUp;
      for (const t of tasks) await t.destroy();
    },
  };
}
