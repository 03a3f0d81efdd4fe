import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { retryBusy } from "../db/unit-of-work";

/** A run that started this long ago and never finished belongs to a crashed instance: another may take it. */
export const STALE_RUN_MS = 10 * 60_000;

/**
 * Claims one occurrence of a scheduled job (e.g. the digest of 2026-03-02) for this instance. Every instance's
 * cron fires; the first to insert the JobRun row runs the job, the others skip it. Returns false when
 * another instance has it (running, or finished), true when this one should run it.
 */
export async function claimJobRun(
  db: Db,
  job: string,
  occurrence: string,
  holder: string,
  now: Date = new Date(),
): Promise<boolean> {
  try {
    await db.jobRun.create({ data: { job, occurrence, holder, startedAt: now } });
    return true;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  // taken over only if its holder crashed mid-run (one atomic conditional update: one taker at most)
  const stale = await db.jobRun.updateMany({
    where: { job, occurrence, finishedAt: null, startedAt: { lt: new Date(now.getTime() - STALE_RUN_MS) } },
    data: { holder, startedAt: now },
  });
  return stale.count === 1;
}

export async function finishJobRun(db: Db, job: string, occurrence: string, holder: string): Promise<void> {
  await db.jobRun.updateMany({ where: { job, occurrence, holder }, data: { finishedAt: new Date() } });
}

/**
 * Runs `work` unless another instance already has this occurrence. A failed run is released (its row
 * deleted), so the next firing or another instance may try again.
 */
export async function runOnce<T>(
  db: Db,
  job: string,
  occurrence: string,
  holder: string,
  work: () => Promise<T>,
): Promise<{ ran: true; result: T } | { ran: false }> {
  if (!(await claimJobRun(db, job, occurrence, holder))) return { ran: false };
  try {
    const result = await work();
    await finishJobRun(db, job, occurrence, holder);
    return { ran: true, result };
  } catch (err) {
    // given back even while the database is busy, so that a retry (or another instance) can claim it
    await retryBusy(() => db.jobRun.deleteMany({ where: { job, occurrence, holder } }), 60_000).catch(
      () => undefined,
    );
    throw err;
  }
}
