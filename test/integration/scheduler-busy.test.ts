import { afterEach, describe, expect, it } from "vitest";
import { type Scheduler, startScheduler } from "../../src/jobs/scheduler";
import { type Harness, startHarness } from "../support/harness";

describe("scheduled jobs on a busy database", () => {
  let h: Harness;
  let scheduler: Scheduler | undefined;
  afterEach(async () => {
    await scheduler?.stop();
    await h.close();
  });

  it("wait out a busy database instead of missing the occurrence, and still run it once", async () => {
    // before the digest's time: no start-up catch-up gets in the way
    h = await startHarness({ now: "2026-03-02T07:00:00+01:00" });
    const ctx = h.runtime.ctx;
    let attempts = 0;
    let done = 0;
    const at: number[] = [];
    scheduler = await startScheduler(
      ctx,
      [
        {
          name: "probe",
          cron: "* * * * * *", // every second: later firings of the same minute find the occurrence taken
          async run() {
            attempts += 1;
            at.push(Date.now());
            // what an import's final step makes SQLite answer
            if (attempts === 1) throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
            done += 1;
          },
        },
      ],
      "test-instance",
    );
    const deadline = Date.now() + 8000;
    while (done === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1500)); // one more firing in the same minute
    expect(attempts).toBe(2);
    // retried within the same firing (a short backoff), not left to the next firing a second later
    expect(at[1]! - at[0]!).toBeLessThan(500);
    expect(done).toBe(1);
    const runs = await ctx.db.jobRun.findMany({ where: { job: "probe" } });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.finishedAt).not.toBeNull();
  });
});
