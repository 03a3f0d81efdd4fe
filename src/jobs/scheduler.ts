import cron, { type ScheduledTask } from "node-cron";
import type { AppContext } from "../context";
import { sendDueCallbackReminders } from "./callback-reminders";
import { catchUpDigest, runDigestJob } from "./digest-job";
import { runWeeklyReportJob } from "./report-job";

export interface Job {
  name: string;
  cron: string;
  run(ctx: AppContext): Promise<unknown>;
}

/** The scheduled jobs, in CREDITO_TIMEZONE. Each is a service call, also runnable from the CLI. */
export function jobs(ctx: AppContext): Job[] {
  return [
    { name: "digest", cron: ctx.config.digestCron, run: runDigestJob },
    { name: "callback-reminders", cron: ctx.config.reminderCron, run: sendDueCallbackReminders },
    { name: "weekly-report", cron: ctx.config.reportCron, run: runWeeklyReportJob },
  ];
}

export interface Scheduler {
  stop(): Promise<void>;
}

export async function startScheduler(ctx: AppContext, list: Job[] = jobs(ctx)): Promise<Scheduler> {
  const tasks: ScheduledTask[] = list.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        try {
          await job.run(ctx);
        } catch (err) {
          ctx.log.error(`job ${job.name} failed`, err);
        }
      },
      { timezone: ctx.config.timeZone, name: job.name, noOverlap: true },
    ),
  );
  // in the background: start-up ("running", /healthz) doesn't wait for a digest that can take seconds
  const catchUp = catchUpDigest(ctx).catch((err) => ctx.log.error("digest catch-up failed", err));
  return {
    async stop() {
      await catchUp;
      for (const t of tasks) await t.destroy();
    },
  };
}
