// 50 concurrent signed `/credito log <customer>` commands against the real app and the fake Slack, on a
// database of 5,000 customers with 10,000 invoices: time from request to ack (p50, p99), to views.open
// (the trigger_id is used) and to the filled modal (views.update). Baseline measured in the same run: 50
// concurrent `/credito help` (an ack with no database work). Figures are also given as a ratio to Slack's
// 3 s limit (ack, and validity of the trigger_id).
//
// "Slack" (the fake Web API and the client sending the signed commands) runs in a worker thread, so its
// clock readings are not delayed by the app's own event loop: as with the real Slack, the app's work only
// shows up in what Slack sees. Run: npx tsx bench/log.bench.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker } from "node:worker_threads";

const CONCURRENT = 50;
const CUSTOMERS = 5000;
const LIMIT_MS = 3000;
const SECRET = "bench-signing-secret";
const CHANNEL = "C0CREDITO";

type ToWorker = { type: "run"; appUrl: string; names: string[] };
type FromWorker =
  | { type: "ready"; apiUrl: string }
  | { type: "result"; helpAcks: number[]; logAcks: number[]; opens: number[]; filled: number[] }
  | { type: "error"; message: string };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function slackSide(): Promise<void> {
  const { FakeSlack } = await import("../src/standin/fake-slack");
  const { SlackRequester } = await import("../src/standin/signed-requests");
  const slack = await new FakeSlack().start();
  const port = parentPort;
  if (!port) return;
  port.postMessage({ type: "ready", apiUrl: slack.apiUrl } satisfies FromWorker);
  port.on("message", async (msg: ToWorker) => {
    try {
      const requester = new SlackRequester(msg.appUrl, SECRET, {
        teamId: "T0DEMO",
        channelId: CHANNEL,
        responseUrl: (id) => slack.responseUrl(id),
      });
      // warm-up: JIT, Prisma, the search index
      await requester.command("U1", "/credito", "help");
      await requester.command("U1", "/credito", `log ${msg.names[0]}`);
      await slack.waitFor((calls) => calls.some((c) => c.method === "views.update"), 10_000);
      slack.clear();

      const burst = async (text: (i: number) => string) => {
        const started = new Map<string, number>();
        const acks = await Promise.all(
          Array.from({ length: CONCURRENT }, async (_, i) => {
            const trigger = requester.newTriggerId();
            started.set(trigger, Date.now());
            const res = await requester.command("U1", "/credito", text(i), { triggerId: trigger });
            if (res.status !== 200) throw new Error(`command answered ${res.status}`);
            return res.ms;
          }),
        );
        return { acks, started };
      };
      const help = await burst(() => "help");
      slack.clear();
      const log = await burst((i) => `log ${msg.names[(i * 97) % msg.names.length]}`);
      await slack.waitFor(
        (calls) => calls.filter((c) => c.method === "views.update").length >= CONCURRENT,
        30_000,
      );
      const opens = slack
        .callsOf("views.open")
        .map((c) => c.at - (log.started.get(String(c.args.trigger_id)) ?? Number.NaN))
        .filter((ms) => Number.isFinite(ms));
      if (opens.length !== CONCURRENT)
        throw new Error(`expected ${CONCURRENT} views.open, got ${opens.length}`);
      const first = Math.min(...log.started.values());
      const filled = slack.callsOf("views.update").map((c) => c.at - first);
      port.postMessage({
        type: "result",
        helpAcks: help.acks,
        logAcks: log.acks,
        opens,
        filled,
      } satisfies FromWorker);
    } catch (err) {
      port.postMessage({ type: "error", message: String(err) } satisfies FromWorker);
    } finally {
      await slack.stop();
    }
  });
}

async function appSide(): Promise<void> {
  const { loadConfig } = await import("../src/config");
  const { fixedClock } = await import("../src/context");
  const { silentLogger } = await import("../src/log");
  const { createRuntime } = await import("../src/runtime");
  const { seedCollectionTeam } = await import("./support");

  const worker = new Worker(
    `import { register } from "tsx/esm/api"; register(); await import(${JSON.stringify(import.meta.url)});`,
    { eval: true },
  );
  const next = () =>
    new Promise<FromWorker>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  const ready = await next();
  if (ready.type !== "ready") throw new Error("fake Slack did not start");

  const dir = mkdtempSync(join(tmpdir(), "credito-bench-"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: ready.apiUrl,
    PORT: "0",
    DATABASE_URL: `file:${join(dir, "bench.db")}`,
    CREDITO_CHANNEL: CHANNEL,
    CREDITO_POST_INTERVAL_MS: "0",
  });
  const runtime = await createRuntime(config, {
    clock: fixedClock("2026-03-02T08:30:00+01:00"),
    log: silentLogger,
  });
  await runtime.start({ jobs: false });
  try {
    const db = runtime.ctx.db;
    const { names } = await seedCollectionTeam(db, CUSTOMERS, "U1");

    const done = next();
    worker.postMessage({
      type: "run",
      appUrl: `http://127.0.0.1:${runtime.slack.port}/slack/events`,
      names,
    } satisfies ToWorker);
    const result = await done;
    if (result.type !== "result")
      throw new Error(result.type === "error" ? result.message : "unexpected answer");

    const fmt = (n: number) => n.toFixed(1);
    const ackP99 = percentile(result.logAcks, 99);
    const openP99 = percentile(result.opens, 99);
    const helpP99 = percentile(result.helpAcks, 99);
    const lines: [string, string, string][] = [
      ["log_concurrent_commands", String(CONCURRENT), "requests"],
      ["log_customers", String(CUSTOMERS), "customers"],
      ["log_ack_p50", fmt(percentile(result.logAcks, 50)), "ms"],
      ["log_ack_p99", fmt(ackP99), "ms"],
      ["log_ack_p99_vs_3s_limit", (ackP99 / LIMIT_MS).toFixed(3), "ratio"],
      ["log_views_open_p50", fmt(percentile(result.opens, 50)), "ms"],
      ["log_views_open_p99", fmt(openP99), "ms"],
      ["log_views_open_p99_vs_3s_trigger_limit", (openP99 / LIMIT_MS).toFixed(3), "ratio"],
      ["log_modal_filled_p50", fmt(percentile(result.filled, 50)), "ms"],
      ["log_modal_filled_p99", fmt(percentile(result.filled, 99)), "ms"],
      ["help_ack_p50_baseline", fmt(percentile(result.helpAcks, 50)), "ms"],
      ["help_ack_p99_baseline", fmt(helpP99), "ms"],
      ["log_ack_p99_vs_help_ack_p99", (ackP99 / helpP99).toFixed(2), "ratio"],
    ];
    for (const [name, value, unit] of lines) console.log(`${name}: ${value} ${unit}`);
  } finally {
    await runtime.stop();
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

if (isMainThread) {
  appSide().catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  void slackSide();
}
