import { ErrorCode, type WebClient } from "@slack/web-api";
import Bottleneck from "bottleneck";
import type { MessageQueue } from "../context";
import type { Db, Tx } from "../db/client";
import { retryBusy } from "../db/unit-of-work";
import { instanceId } from "../instance";
import type { Logger } from "../log";
import type { Anchor, OutgoingMessage } from "../messages/outgoing";
import { ChannelLeases } from "./outbox-leases";

export type { Anchor, OutboxMethod, OutgoingMessage } from "../messages/outgoing";

export type SentHandler = (
  db: Db,
  sent: { ts?: string; channel: string },
  data: Record<string, unknown>,
) => Promise<void>;
export type AnchorResolver = (db: Db, anchor: Anchor) => Promise<{ channel: string; ts: string } | null>;

interface Row {
  id: number;
  method: string;
  channel: string;
  payload: string;
  anchor: string | null;
  onSent: string | null;
  attempts: number;
  nextAttemptAt: Date;
}

/** Platform errors worth retrying; every other `ok: false` is a permanent failure of that message. */
const TRANSIENT = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);
const MAX_BACKOFF_MS = 15 * 60_000;
/** how long recording a delivered message may wait for a busy database */
const MARK_SENT_BUDGET_MS = 5 * 60_000;

/**
 * The one way messages leave for Slack: persisted first, then sent in order per channel, spaced by
 * bottleneck, retried on 429 (after Retry-After), 5xx and network errors with exponential backoff,
 * and marked sent exactly once. Pending rows survive a restart and go out on the next start.
 */
export class Outbox implements MessageQueue {
  private readonly limiters: Bottleneck.Group;
  private readonly draining = new Set<string>();
  /** channels whose drain waits for a short retry (they don't make the outbox busy for `idle`) */
  private readonly pausing = new Set<string>();
  private readonly wakers = new Set<() => void>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sentHandlers = new Map<string, SentHandler>();
  private stopped = false;
  /** which channels this instance sends, when several instances share the database */
  readonly leases: ChannelLeases;

  constructor(
    private readonly db: Db,
    private readonly client: WebClient,
    private readonly log: Logger,
    private readonly resolveAnchor: AnchorResolver,
    private readonly postIntervalMs: number,
    private readonly fetchFn: typeof fetch = fetch,
    lease: { holder?: string; leaseMs?: number } = {},
  ) {
    this.limiters = new Bottleneck.Group({ maxConcurrent: 1, minTime: postIntervalMs });
    this.leases = new ChannelLeases(db, lease.holder ?? instanceId(), lease.leaseMs ?? 30_000);
  }

  onSent(kind: string, handler: SentHandler): void {
    this.sentHandlers.set(kind, handler);
  }

  /** Queues a message (inside the caller's transaction when given) and returns its id. */
  async enqueue(msg: OutgoingMessage, tx: Tx = this.db): Promise<number> {
    if (msg.dedupeKey) {
      const existing = await tx.outboxMessage.findUnique({ where: { dedupeKey: msg.dedupeKey } });
      if (existing) return existing.id;
    }
    const row = await tx.outboxMessage.create({
      data: {
        method: msg.method,
        channel: msg.channel,
        payload: JSON.stringify(msg.payload),
        anchor: msg.anchor ? JSON.stringify(msg.anchor) : null,
        onSent: msg.onSent ? JSON.stringify(msg.onSent) : null,
        dedupeKey: msg.dedupeKey ?? null,
      },
    });
    return row.id;
  }

  /**
   * Queues a message under its dedupe key; while a message with that key has not been sent, its content is
   * replaced with this newer one (and, if Slack refused it before, it is tried again). A sent one stays.
   */
  async upsert(msg: OutgoingMessage & { dedupeKey: string }, tx: Tx = this.db): Promise<number> {
    const queued = await tx.outboxMessage.findUnique({ where: { dedupeKey: msg.dedupeKey } });
    if (!queued) return this.enqueue(msg, tx);
    if (queued.status !== "sent") {
      await tx.outboxMessage.update({
        where: { id: queued.id },
        data: {
          payload: JSON.stringify(msg.payload),
          ...(queued.status === "failed"
            ? { status: "pending", attempts: 0, lastError: null, nextAttemptAt: new Date() }
            : {}),
        },
      });
    }
    return queued.id;
  }

  /**
   * Queues the continuations of a series of messages in the thread of `anchor` (its head, e.g. the digest's
   * first message): part k (from 1) is posted once, under the key `${series}:${k}`; a later version of the
   * series edits the parts already queued in place and posts the new ones, and the parts an earlier version
   * had beyond the new count are edited to `filler` (a message can't be taken back). Inside `tx` when given.
   */
  async continueSeries(
    spec: {
      series: string;
      channel: string;
      anchor: Anchor;
      parts: readonly object[];
      filler: object;
    },
    tx: Tx = this.db,
  ): Promise<void> {
    const { series, channel, anchor } = spec;
    const previous = await tx.outboxMessage.count({
      where: { dedupeKey: { startsWith: `${series}:` }, NOT: { dedupeKey: `${series}:0` } },
    });
    const count = Math.max(spec.parts.length, previous);
    for (let k = 1; k <= count; k++) {
      const key = `${series}:${k}`;
      const payload: Record<string, unknown> = { ...(spec.parts[k - 1] ?? spec.filler) };
      const queued = await tx.outboxMessage.findUnique({ where: { dedupeKey: key }, select: { id: true } });
      if (queued)
        await this.enqueue({ method: "chat.update", channel, payload, anchor: { outboxKey: key } }, tx);
      else await this.enqueue({ method: "chat.postMessage", channel, payload, anchor, dedupeKey: key }, tx);
    }
  }

  /** Queues and starts sending at once (outside a transaction). */
  async send(msg: OutgoingMessage): Promise<number> {
    const id = await this.enqueue(msg);
    this.kick();
    return id;
  }

  /**
   * Looks for due messages every `ms` too, so rows queued by another process (a CLI import, a restart
   * of this one) go out without waiting for the next message of this process.
   */
  poll(ms = 5000): void {
    const tick = () => {
      this.kick();
      if (!this.stopped) this.wakeAfter(ms, tick);
    };
    this.wakeAfter(ms, tick);
  }

  /** Starts draining every channel that has due messages. Safe to call any time, any number of times. */
  kick(): void {
    if (this.stopped) return;
    this.track(this.drainAll());
  }

  /**
   * Resolves when nothing is pending or in flight, messages waiting for a retry (after a 429 or a 5xx)
   * included: "idle" means everything queued was delivered or failed for good. Throws after `timeoutMs`.
   */
  async idle(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const pending = await this.db.outboxMessage.findMany({
        where: { status: "pending" },
        select: { nextAttemptAt: true },
      });
      // a channel only pausing for the pace (its lease held, nothing left to send) does not count as busy
      if (pending.length === 0 && [...this.draining].every((c) => this.pausing.has(c))) return;
      if (pending.some((r) => r.nextAttemptAt.getTime() <= Date.now())) this.kick();
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error("outbox: not idle in time");
  }

  /**
   * Waits until the rows queued after `afterId` are delivered or failed for good, through Retry-After and
   * 5xx retries, for at most `timeoutMs`; stops early when the next retry would fall after the deadline or
   * when one of them failed for good.
   * What the CLI uses to tell the truth about what reached Slack.
   */
  async settle(afterId: number, timeoutMs: number): Promise<Settled> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await this.db.outboxMessage.findMany({
        where: { id: { gt: afterId } },
        select: { id: true, status: true, lastError: true, nextAttemptAt: true, method: true },
      });
      const pending = rows.filter((r) => r.status === "pending");
      const result: Settled = {
        sent: rows.filter((r) => r.status === "sent").length,
        failed: rows
          .filter((r) => r.status === "failed")
          .map((r) => ({ id: r.id, method: r.method, error: r.lastError ?? "" })),
        pending: pending.map((r) => ({ id: r.id, method: r.method, error: r.lastError })),
      };
      // a refusal is final: what hangs on it (its thread replies) would only wait for the anchor
      if (pending.length === 0 || result.failed.length > 0) return result;
      const now = Date.now();
      if (now >= deadline || pending.every((r) => r.nextAttemptAt.getTime() > deadline)) return result;
      if (pending.some((r) => r.nextAttemptAt.getTime() <= now)) this.kick();
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The id of the newest row queued so far (0 when none): `settle` waits for what comes after it. */
  async lastId(): Promise<number> {
    const row = await this.db.outboxMessage.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
    return row?.id ?? 0;
  }

  /** Stops sending; resolves once the message in flight (if any) is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const wake of this.wakers) wake();
    this.wakers.clear();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    // what is left goes out from another instance at once, not after the leases expire
    await this.leases.releaseAll().catch((err) => this.log.warn("outbox: leases not handed back", err));
  }

  private track(work: Promise<void>): void {
    const p = work
      .catch((err) => this.log.error("outbox: drain failed", err))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private async drainAll(): Promise<void> {
    const channels = await this.db.outboxMessage.findMany({
      where: { status: "pending" },
      distinct: ["channel"],
      select: { channel: true },
    });
    for (const { channel } of channels) {
      if (!this.draining.has(channel) && !this.stopped) this.track(this.drainChannel(channel));
    }
  }

  /**
   * Sends one channel's messages strictly in order; a message waiting for a retry holds back the rest.
   * Only the instance holding the channel's lease sends them (see ChannelLeases).
   */
  private async drainChannel(channel: string): Promise<void> {
    this.draining.add(channel);
    let lease: Awaited<ReturnType<ChannelLeases["acquire"]>> = null;
    let lastSentAt: Date | null = null;
    let handBack = true;
    try {
      lease = await this.leases.acquire(channel);
      if (!lease) {
        this.wakeAfter(LEASE_RETRY_MS); // another instance is sending this channel; look again shortly
        return;
      }
      if (lease.takenOverFrom)
        this.log.warn(`outbox: took over channel ${channel} from ${lease.takenOverFrom} (lease expired)`);
      let inherited = lease.lastSentAt;
      while (!this.stopped) {
        const row = (await this.db.outboxMessage.findFirst({
          where: { status: "pending", channel },
          orderBy: { id: "asc" },
        })) as Row | null;
        if (!row) return;
        const wait = row.nextAttemptAt.getTime() - Date.now();
        if (wait > 0 && wait <= this.leases.leaseMs / 2) {
          await this.pause(channel, wait); // a short Retry-After: keep the channel rather than hand it over
          continue;
        }
        if (wait > 0) {
          this.wakeAfter(wait);
          return;
        }
        // the pace holds across instances: after a handover, the previous holder's last post counts
        // (then this instance's limiter spaces the posts)
        const gap = (inherited?.getTime() ?? 0) + this.postIntervalMs - Date.now();
        inherited = null;
        if (gap > 0) await new Promise((r) => setTimeout(r, gap));
        if (!(await this.leases.keep(channel))) {
          handBack = false;
          return; // this instance stalled past its lease: the channel is another's now
        }
        // a failed message gets a later nextAttemptAt; the next turn of the loop schedules the wake-up
        await this.limiters.key(channel).schedule(() => this.deliver(row));
        lastSentAt = new Date();
      }
    } finally {
      this.draining.delete(channel);
      if (lease && handBack) await this.handBack(channel, lastSentAt);
    }
  }

  /** Waits `ms` (cut short by stop()) while holding the channel. */
  private async pause(channel: string, ms: number): Promise<void> {
    this.pausing.add(channel);
    let wake: () => void = () => undefined;
    try {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
        this.wakers.add(wake);
      });
    } finally {
      this.wakers.delete(wake);
      this.pausing.delete(channel);
    }
  }

  /** Releases a channel; if a message became due meanwhile (queued by another instance), drains again. */
  private async handBack(channel: string, lastSentAt: Date | null): Promise<void> {
    await this.leases.release(channel, lastSentAt);
    if (this.stopped) return;
    const head = await this.db.outboxMessage.findFirst({
      where: { status: "pending", channel },
      orderBy: { id: "asc" },
      select: { nextAttemptAt: true },
    });
    if (head && head.nextAttemptAt.getTime() <= Date.now()) this.kick();
  }

  private wakeAfter(ms: number, then: () => void = () => this.kick()): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      then();
    }, ms);
    t.unref?.();
    this.timers.add(t);
  }

  /** Sends one row, recording the result or the failure (and when to try again). */
  private async deliver(row: Row): Promise<void> {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    const anchor = row.anchor ? (JSON.parse(row.anchor) as Anchor) : undefined;
    try {
      if (anchor) {
        const target = await this.resolveAnchor(this.db, anchor);
        if (row.method === "chat.update") {
          if (!target) throw new AnchorMissingError("the message to update is not posted (yet)");
          Object.assign(payload, { channel: target.channel, ts: target.ts });
        } else if (target) {
          Object.assign(payload, { channel: target.channel, thread_ts: target.ts });
        }
      }
      if (!payload.channel && !row.channel) throw new PermanentError("no channel (is CREDITO_CHANNEL set?)");
      const ts = await this.call(row.method, row.channel, payload);
      // sent: recording it must not fail on a busy database, or the message would go out twice
      await retryBusy(
        () =>
          this.db.outboxMessage.update({
            where: { id: row.id },
            data: {
              status: "sent",
              sentAt: new Date(),
              resultTs: ts ?? null,
              attempts: row.attempts + 1,
              lastError: null,
            },
          }),
        MARK_SENT_BUDGET_MS,
      );
      if (row.onSent) await this.recordSent(row, ts, String(payload.channel ?? row.channel));
    } catch (err) {
      await this.failed(row, err);
    }
  }

  private async call(
    method: string,
    channel: string,
    payload: Record<string, unknown>,
  ): Promise<string | undefined> {
    if (method === "respond") {
      const { url, ...body } = payload;
      const res = await this.fetchFn(String(url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok)
        throw Object.assign(new Error(`response_url answered ${res.status}`), { statusCode: res.status });
      return undefined;
    }
    if (method === "files.upload") return this.upload(channel, payload);
    const args = { channel, ...payload };
    const result = (await this.client.apiCall(method, args)) as { ts?: string; message_ts?: string };
    return result.ts ?? result.message_ts;
  }

  /** One attempt of the three-step upload; a failed step throws like any call, so the whole upload is retried. */
  private async upload(channel: string, payload: Record<string, unknown>): Promise<undefined> {
    const bytes = Buffer.from(String(payload.data), "base64");
    const target = (await this.client.apiCall("files.getUploadURLExternal", {
      filename: payload.filename,
      length: bytes.length,
      ...(payload.alt_text ? { alt_text: payload.alt_text } : {}),
    })) as { upload_url?: string; file_id?: string };
    if (!target.upload_url || !target.file_id) throw new Error("files.getUploadURLExternal: no upload_url");
    const res = await this.fetchFn(target.upload_url, { method: "POST", body: new Uint8Array(bytes) });
    if (!res.ok)
      throw Object.assign(new Error(`upload_url answered ${res.status}`), { statusCode: res.status });
    await this.client.apiCall("files.completeUploadExternal", {
      files: [{ id: target.file_id, title: payload.title ?? payload.filename }],
      channel_id: channel,
      ...(payload.thread_ts ? { thread_ts: payload.thread_ts } : {}),
      ...(payload.initial_comment ? { initial_comment: payload.initial_comment } : {}),
    });
    return undefined;
  }

  private async recordSent(row: Row, ts: string | undefined, channel: string): Promise<void> {
    const { kind, ...data } = JSON.parse(row.onSent as string) as { kind: string };
    const handler = this.sentHandlers.get(kind);
    if (!handler) {
      this.log.warn(`outbox: no handler for onSent kind ${kind}`);
      return;
    }
    await handler(this.db, { ts, channel }, data);
  }

  private async failed(row: Row, err: unknown): Promise<void> {
    const e = err as {
      code?: string;
      retryAfter?: number;
      statusCode?: number;
      data?: { error?: string };
      message?: string;
    };
    const attempts = row.attempts + 1;
    let delayMs: number | null;
    if (err instanceof PermanentError) {
      delayMs = null;
    } else if (err instanceof AnchorMissingError) {
      // its parent is still on its way, or failed for good: give up after about half an hour of waiting
      delayMs = attempts >= MAX_ANCHOR_WAITS ? null : backoff(attempts);
    } else if (e.code === ErrorCode.RateLimitedError) {
      delayMs = (e.retryAfter ?? 1) * 1000;
    } else if (e.code === ErrorCode.PlatformError) {
      delayMs = TRANSIENT.has(e.data?.error ?? "") ? backoff(attempts) : null;
    } else if (e.statusCode !== undefined && e.statusCode < 500 && e.statusCode !== 429) {
      delayMs = null; // a 4xx from a response_url will not get better
    } else {
      delayMs = backoff(attempts); // 5xx, network down, anchor not yet posted
    }
    const reason = e.data?.error ?? e.message ?? String(err);
    if (delayMs === null) {
      this.log.error(`outbox: message ${row.id} (${row.method}) failed for good: ${reason}`);
      await this.db.outboxMessage.update({
        where: { id: row.id },
        data: { status: "failed", attempts, lastError: reason },
      });
      return;
    }
    this.log.warn(
      `outbox: message ${row.id} (${row.method}) retry in ${Math.round(delayMs / 100) / 10}s: ${reason}`,
    );
    await this.db.outboxMessage.update({
      where: { id: row.id },
      data: { attempts, lastError: reason, nextAttemptAt: new Date(Date.now() + delayMs) },
    });
  }
}

/** What became of a batch of queued messages (see Outbox.settle). */
export interface Settled {
  sent: number;
  failed: { id: number; method: string; error: string }[];
  /** still waiting for a retry: the running bot delivers them */
  pending: { id: number; method: string; error: string | null }[];
}

/** A message that can never be delivered as it is. */
class PermanentError extends Error {}

/** An update of a message whose own post has not succeeded. */
class AnchorMissingError extends Error {}
const MAX_ANCHOR_WAITS = 12;
/** how soon to look again at a channel another instance is sending */
const LEASE_RETRY_MS = 1000;

function backoff(attempts: number): number {
  return Math.min(500 * 2 ** (attempts - 1), MAX_BACKOFF_MS);
}
