import type { Server } from "node:http";
import { WebClient } from "@slack/web-api";
import type { Config } from "./config";
import { type AppContext, type Clock, systemClock } from "./context";
import { openDb } from "./db/client";
import { startHealthServer } from "./health";
import { instanceId } from "./instance";
import { type Scheduler, startScheduler } from "./jobs/scheduler";
import { createLogger, type Logger } from "./log";
import { registerAnchorRecorders, resolveAnchor } from "./slack/anchors";
import { buildSlackApp, type SlackApp } from "./slack/app";
import { Outbox } from "./slack/outbox";

export interface Runtime {
  ctx: AppContext;
  slack: SlackApp;
  /** starts the Slack app and the outbox; the scheduled jobs too unless `jobs: false` (tests, demo) */
  start(opts?: { jobs?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/** Wires config -> database -> outbox -> Slack app. main.ts, the demo and the end-to-end tests use it. */
export async function createRuntime(
  config: Config,
  opts: { clock?: Clock; log?: Logger; fetchFn?: typeof fetch } = {},
): Promise<Runtime> {
  const log = opts.log ?? createLogger(config.logLevel);
  const db = await openDb(config.databaseUrl);
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
  const ctx: AppContext = { config, db, outbox, clock: opts.clock ?? systemClock, log };
  const slack = buildSlackApp(ctx);
  let scheduler: Scheduler | undefined;
  let healthServer: Server | undefined;
  return {
    ctx,
    slack,
    async start({ jobs = true } = {}) {
      await slack.start();
      outbox.kick(); // whatever was pending when the bot stopped goes out now
      outbox.poll(config.instance.outboxPollMs); // and whatever another process (CLI, instance) queues later
      if (jobs) scheduler = await startScheduler(ctx, undefined, holder);
      if (config.instance.healthPort !== undefined)
        healthServer = await startHealthServer(ctx, config.instance.healthPort);
    },
    async stop() {
      healthServer?.close();
      await scheduler?.stop();
      await outbox.stop();
      await slack.stop().catch(() => undefined);
      await db.$disconnect();
    },
  };
}
