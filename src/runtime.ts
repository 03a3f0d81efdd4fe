import type { Server } from "node:http";
import { WebClient } from "@slack/web-api";
import type { Config } from "./config";
import { type AppContext, type Clock, systemClock } from "./context";
import { openDb } from "./db/client";
import { closeReader } from "./db/reads";
import { cleanStaleBatches } from "./db/staged-batch";
import { startHealthServer } from "./health";
import { instanceId } from "./instance";
import type { Scheduler } from "./jobs/scheduler";
import { createLogger, type Logger } from "./log";
import { submissionsFor } from "./services/pending-submissions";
import { registerAnchorRecorders, resolveAnchor } from "./slack/anchors";
import type { SlackApp } from "./slack/app";
import { Outbox } from "./slack/outbox";

/** The context as wired: the same, with the outbox's own controls (idle, settle, stop) for the CLI and tests. */
export type RuntimeContext = AppContext & { outbox: Outbox };

export interface Runtime {
  ctx: RuntimeContext;
  slack: SlackApp;
  /** starts the Slack app and the outbox; the scheduled jobs too unless `jobs: false` (tests, demo) */
  start(opts?: { jobs?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

type RuntimeOptions = { clock?: Clock; log?: Logger; fetchFn?: typeof fetch };

/**
 * Wires config -> database -> outbox: the context services need, without the Slack app and the jobs, so CLI
 * commands (digest, import) don't load Bolt, the listeners and what they import (charts, PDF).
 */
export async function createAppContext(
  config: Config,
  opts: RuntimeOptions = {},
): Promise<{ ctx: RuntimeContext; holder: string; stop(): Promise<void> }> {
  const log = opts.log ?? createLogger(config.logLevel);
  const db = await openDb(config.databaseUrl, { busyTimeoutMs: config.db.busyTimeoutMs });
  // The outbox does its own retrying (persisted, honouring Retry-After), so its client must not.
  const client = new WebClient(config.slack.botToken, {
    slackApiUrl: config.slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: undefined,
  });
  const holder = instanceId(config.instance.id);
  const outbox = new Outbox(db, client, log, resolveAnchor, config.slack.postIntervalMs, opts.fetchFn, {
    holder,
    leaseMs: config.instance.leaseMs,
  });
  registerAnchorRecorders(outbox);
  // offline (a CLI command without the Slack settings) nothing is sent with a placeholder token: what is
  // queued waits in the outbox for the running bot
  if (!config.slack.enabled) await outbox.stop();
  const ctx: RuntimeContext = { config, db, outbox, clock: opts.clock ?? systemClock, log };
  return {
    ctx,
    holder,
    async stop() {
      await outbox.stop();
      await db.$disconnect();
    },
  };
}

/** Wires config -> database -> outbox -> Slack app. main.ts, the demo and the end-to-end tests use it. */
export async function createRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  // loaded here, not at the top, so createAppContext's users don't pay for Bolt and the listeners
  const slackModule = import("./slack/app");
  const { ctx, holder } = await createAppContext(config, opts);
  const { db, outbox, log } = ctx;
  const { buildSlackApp } = await slackModule;
  const slack = buildSlackApp(ctx);
  let scheduler: Scheduler | undefined;
  let healthServer: Server | undefined;
  return {
    ctx,
    slack,
    async start({ jobs = true } = {}) {
      // what a killed import staged is invisible; it is deleted here (or by the next import)
      await cleanStaleBatches(db).catch((err) => log.warn("staged batches: cleanup failed", err));
      await slack.start();
      submissionsFor(ctx).start(); // collectors' submissions kept while the database was busy
      outbox.kick(); // whatever was pending when the bot stopped goes out now
      outbox.poll(config.instance.outboxPollMs); // and whatever another process (CLI, instance) queues later
      // reminders: their emails and PECs (persisted too), PEC receipts; loaded here so start-up stays light
      (await import("./reminders/run")).startReminders(ctx);
      if (jobs) scheduler = await (await import("./jobs/scheduler")).startScheduler(ctx, undefined, holder);
      if (config.instance.healthPort !== undefined)
        healthServer = await startHealthServer(ctx, config.instance.healthPort);
    },
    async stop() {
      healthServer?.close();
      await scheduler?.stop();
      await submissionsFor(ctx).stop();
      await (await import("./reminders/run")).stopReminders(ctx);
      await outbox.stop();
      await slack.stop().catch(() => undefined);
      closeReader(db);
      await db.$disconnect();
    },
  };
}
