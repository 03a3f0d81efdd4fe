// One unit of work = one transaction, then one outbox kick. A busy database is normal (another process,
// e.g. an import, is writing): the transaction is retried with bounded, jittered backoff, and how long it
// waited is logged. better-sqlite3 is synchronous, so SQLite's own busy wait blocks the whole event loop:
// the busy timeout is kept short (CREDITO_DB_BUSY_TIMEOUT_MS) and the waiting happens here, between
// attempts, where the rest of the process keeps running.

import type { Logger } from "../log";
import type { Db, Tx } from "./client";

export interface UnitOfWorkCtx {
  db: Db;
  /** kicked after the commit, so what the work queued leaves at once */
  outbox?: { kick(): void };
  log?: Pick<Logger, "info" | "warn">;
  config?: { db?: { retryBudgetMs: number } };
}

export interface UnitOfWorkOptions {
  /** named in the log line when the work had to wait */
  label?: string;
  /** total time spent retrying before giving up (default: the setting, else 10 s) */
  retryBudgetMs?: number;
}

/** Thrown when the database stayed busy for the whole retry budget. */
export class DatabaseBusyError extends Error {
  constructor(
    readonly label: string,
    readonly waitedMs: number,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`database busy: ${label} gave up after ${attempts} attempts and ${Math.round(waitedMs)} ms`, {
      cause,
    });
  }
}

const DEFAULT_BUDGET_MS = 10_000;
const FIRST_DELAY_MS = 10;
const MAX_DELAY_MS = 500;

/** SQLITE_BUSY / SQLITE_LOCKED, however Prisma and its driver adapter wrap it. */
export function isBusy(err: unknown): boolean {
  if (err instanceof DatabaseBusyError) return false;
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    const code = String(e.code ?? "");
    const original = String((e.meta as Record<string, unknown> | undefined)?.code ?? e.originalCode ?? "");
    const msg = String(e.message ?? "");
    if (/^SQLITE_(BUSY|LOCKED)/.test(code) || /^SQLITE_(BUSY|LOCKED)/.test(original)) return true;
    if (
      code === "P1008" ||
      /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i.test(msg)
    )
      return true;
    // the better-sqlite3 adapter maps SQLITE_BUSY to the kind "SocketTimeout"
    if (
      /SocketTimeout/.test(msg) ||
      (e.cause as Record<string, unknown> | undefined)?.kind === "SocketTimeout"
    )
      return true;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return false;
}

/** Full jitter: a random delay up to an exponentially growing cap. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
  return Math.max(1, Math.round(cap * (0.5 + random() / 2)));
}

/**
 * Retries `attempt` while it fails with a busy database, up to `budgetMs` in all. Returns the result and
 * how long it waited. Exported for the places that are not a Prisma transaction (raw statements).
 */
export async function retryBusy<T>(
  attempt: () => Promise<T>,
  budgetMs: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<{ value: T; waitedMs: number; attempts: number }> {
  const start = performance.now();
  for (let n = 0; ; n++) {
    try {
      return { value: await attempt(), waitedMs: performance.now() - start, attempts: n + 1 };
    } catch (err) {
      const waited = performance.now() - start;
      if (!isBusy(err)) throw err;
      const delay = backoffDelay(n);
      if (waited + delay > budgetMs) throw new DatabaseBusyError("work", waited, n + 1, err);
      await sleep(delay);
    }
  }
}

/** Work a unit of work holds until just before its commit (e.g. the case-thread writer's parent refresh). */
export interface BeforeCommit {
  beforeCommit(): Promise<void>;
}

/** The per-transaction state of the units of work running now, keyed by their `tx`. */
const running = new WeakMap<object, Map<string, BeforeCommit>>();

/**
 * The `key` state of the unit of work whose transaction is `tx`, made by `create` the first time; its
 * `beforeCommit` runs once, inside the transaction, after the work and before the commit. Null when `tx` is
 * not a unit of work's (the plain client, or a transaction opened by hand): the caller then writes at once.
 */
export function unitLocal<T extends BeforeCommit>(tx: object, key: string, create: () => T): T | null {
  const locals = running.get(tx);
  if (!locals) return null;
  let local = locals.get(key) as T | undefined;
  if (!local) {
    local = create();
    locals.set(key, local);
  }
  return local;
}

/** Runs `fn` and then what it left for the commit, in the same transaction. */
async function withLocals<T>(tx: Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const locals = new Map<string, BeforeCommit>();
  running.set(tx, locals);
  try {
    const value = await fn(tx);
    const done = new Set<BeforeCommit>();
    // a flush may start another (rare): run until none is left
    for (
      let next = [...locals.values()];
      next.length > 0;
      next = [...locals.values()].filter((l) => !done.has(l))
    ) {
      for (const local of next) {
        done.add(local);
        await local.beforeCommit();
      }
    }
    return value;
  } finally {
    running.delete(tx);
  }
}

/**
 * Runs `fn` in one transaction, retrying it whole while the database is busy, then kicks the outbox.
 * `fn` may run more than once: it must only touch the database through `tx`. What `fn` left for the commit
 * (see `unitLocal`) is written in the same transaction, after `fn`.
 */
export async function unitOfWork<T>(
  ctx: UnitOfWorkCtx,
  fn: (tx: Tx) => Promise<T>,
  opts: UnitOfWorkOptions = {},
): Promise<T> {
  const label = opts.label ?? "unit of work";
  const budget = opts.retryBudgetMs ?? ctx.config?.db?.retryBudgetMs ?? DEFAULT_BUDGET_MS;
  let result: { value: T; waitedMs: number; attempts: number };
  try {
    result = await retryBusy(
      () => ctx.db.$transaction((tx) => withLocals(tx, fn), { maxWait: budget }),
      budget,
    );
  } catch (err) {
    if (err instanceof DatabaseBusyError) {
      ctx.log?.warn(`db busy: ${label} gave up`, {
        waitedMs: Math.round(err.waitedMs),
        attempts: err.attempts,
      });
      throw new DatabaseBusyError(label, err.waitedMs, err.attempts, err.cause);
    }
    throw err;
  }
  if (result.attempts > 1) {
    ctx.log?.info(`db busy: ${label} waited`, {
      waitedMs: Math.round(result.waitedMs),
      attempts: result.attempts,
    });
  }
  ctx.outbox?.kick();
  return result.value;
}
