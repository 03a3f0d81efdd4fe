// A collector's work is never lost. A submission (a logged outcome, an approval click, a note) is first
// kept with one tiny insert (PendingSubmission), before the modal closes; then it is applied by the
// drainer, in order, each in one unit of work that also marks it applied (so it is applied once, even
// after a crash in between). While the database is busy it stays pending and the drainer tries again;
// the collector is told it is saved and being recorded. If even the tiny insert cannot be made, the
// caller keeps the modal open with the input intact.

import type { AppContext } from "../context";
import type { Db, Tx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { DatabaseBusyError, isBusy, retryBusy, unitOfWork } from "../db/unit-of-work";

export interface SubmissionHandler<P = unknown, R = unknown> {
  /** the writes, inside the unit of work that marks the submission applied; `at`: when it was submitted */
  apply(tx: Tx, payload: P, at: Date): Promise<R>;
  /** after the commit (e.g. the confirmation to the collector) */
  applied?(result: R, payload: P, late: boolean): Promise<void>;
  /** the submission cannot be applied (not a busy database): it stays in the table as failed */
  failed?(error: unknown, payload: P): Promise<void>;
}

export type Settled = "applied" | "pending" | "failed";

/** How long keeping a submission may take before the caller gives up (the ack is due within 3 s). */
const KEEP_BUDGET_MS = 1500;
const POLL_MS = 1000;
/** How long a listener waits for a kept submission before telling the user "saved, being recorded". */
export const SETTLE_WAIT_MS = 2000;

interface Stored {
  payload: unknown;
  at: string;
}

/** One drainer per database: registered handlers, the in-order queue and its poll timer. */
export class SubmissionDrainer {
  private readonly handlers = new Map<string, SubmissionHandler>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly waiters = new Map<number, Array<(s: Settled) => void>>();
  /** submissions whose first attempt was slow: their confirmation says so */
  private readonly late = new Set<number>();

  constructor(private readonly ctx: AppContext) {}

  register<P, R>(kind: string, handler: SubmissionHandler<P, R>): void {
    this.handlers.set(kind, handler as SubmissionHandler);
  }

  /**
   * Keeps a submission with one tiny insert (retried briefly while busy). Returns its id, or null when
   * the database could not take even that: the caller then keeps the modal open with a clear error.
   * The same dedupeKey is kept once (a retried request).
   */
  async keep(sub: {
    kind: string;
    dedupeKey: string;
    userId: string;
    payload: unknown;
  }): Promise<number | null> {
    const data = JSON.stringify({
      payload: sub.payload,
      at: this.ctx.clock.now().toISOString(),
    } satisfies Stored);
    try {
      const { value } = await retryBusy(async () => {
        try {
          const row = await this.ctx.db.pendingSubmission.create({
            data: { kind: sub.kind, dedupeKey: sub.dedupeKey, userId: sub.userId, payload: data },
            select: { id: true },
          });
          return row.id;
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          const row = await this.ctx.db.pendingSubmission.findUniqueOrThrow({
            where: { dedupeKey: sub.dedupeKey },
          });
          return row.id;
        }
      }, KEEP_BUDGET_MS);
      return value;
    } catch (err) {
      if (err instanceof DatabaseBusyError) {
        this.ctx.log.warn("submission not kept: database busy", {
          kind: sub.kind,
          waitedMs: Math.round(err.waitedMs),
        });
        return null;
      }
      throw err;
    }
  }

  /**
   * Applies what is pending (in order) and resolves when submission `id` is applied or failed, or after
   * `waitMs` with "pending" (it goes on being applied: tell the collector it is saved and being recorded).
   */
  settle(id: number, waitMs = SETTLE_WAIT_MS): Promise<Settled> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (s: Settled) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(s);
      };
      const timer = setTimeout(() => {
        this.late.add(id);
        finish("pending");
      }, waitMs);
      const list = this.waiters.get(id) ?? [];
      list.push(finish);
      this.waiters.set(id, list);
      this.kick();
      // kept earlier (the same request again): it may be settled already
      this.ctx.db.pendingSubmission
        .findUnique({ where: { id }, select: { status: true } })
        .then((row) => {
          if (row && row.status !== "pending")
            this.resolve(id, row.status === "failed" ? "failed" : "applied");
        })
        .catch(() => undefined);
    });
  }

  /** Starts a drain now (or right after the one running). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err) => this.ctx.log.error("pending submissions: drain failed", err))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Drains every second too: what stayed pending (busy, or kept before a restart) is applied. */
  start(): void {
    if (this.timer) return;
    this.kick();
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Applies pending submissions oldest first; stops at the first that the busy database holds back. */
  private async drain(): Promise<void> {
    for (;;) {
      const next = await this.ctx.db.pendingSubmission
        .findMany({ where: { status: "pending" }, orderBy: { id: "asc" }, take: 20 })
        .catch((err) => {
          if (isBusy(err)) return [];
          throw err;
        });
      if (next.length === 0) return;
      for (const row of next) {
        // a turn of the event loop before each: a burst's next requests are accepted and acked in between
        await new Promise((r) => setImmediate(r));
        const outcome = await this.applyOne(row);
        if (outcome === "pending") return; // keep the order: try again on the next kick
      }
    }
  }

  private async applyOne(row: { id: number; kind: string; payload: string }): Promise<Settled> {
    const handler = this.handlers.get(row.kind);
    if (!handler) return "pending"; // registered by the Slack app; a CLI process leaves it to the bot
    const stored = JSON.parse(row.payload) as Stored;
    const at = new Date(stored.at);
    const skipped = Symbol("skipped");
    let result: unknown;
    try {
      result = await unitOfWork(
        this.ctx,
        async (tx) => {
          const claimed = await tx.pendingSubmission.updateMany({
            where: { id: row.id, status: "pending" },
            data: { status: "applied", appliedAt: new Date(), attempts: { increment: 1 } },
          });
          if (claimed.count !== 1) return skipped; // applied already (another drain, another process)
          return handler.apply(tx, stored.payload, at);
        },
        { label: `submission ${row.kind}` },
      );
    } catch (err) {
      if (isBusy(err) || err instanceof DatabaseBusyError) return "pending";
      await this.markFailed(row.id, err);
      this.resolve(row.id, "failed");
      await handler
        .failed?.(err, stored.payload)
        .catch((e) => this.ctx.log.error("submission failed hook", e));
      return "failed";
    }
    const late = this.late.delete(row.id);
    this.resolve(row.id, "applied");
    if (result !== skipped) {
      await handler
        .applied?.(result, stored.payload, late)
        .catch((e) => this.ctx.log.error("submission applied hook", e));
    }
    return "applied";
  }

  private resolve(id: number, s: Settled): void {
    for (const f of this.waiters.get(id) ?? []) f(s);
    this.waiters.delete(id);
  }

  private async markFailed(id: number, err: unknown): Promise<void> {
    this.ctx.log.error("pending submission failed", err);
    const message = (err as Error)?.message?.slice(0, 500) ?? String(err);
    await retryBusy(
      () =>
        this.ctx.db.pendingSubmission.update({
          where: { id },
          data: { status: "failed", lastError: message, attempts: { increment: 1 } },
        }),
      60_000,
    );
  }
}

const drainers = new WeakMap<Db, SubmissionDrainer>();

/** The drainer of this context's database (one per process and database). */
export function submissionsFor(ctx: AppContext): SubmissionDrainer {
  let d = drainers.get(ctx.db);
  if (!d) {
    d = new SubmissionDrainer(ctx);
    drainers.set(ctx.db, d);
  }
  return d;
}
