// What Slack sees under a burst. The app is started the way `npm start` starts it (a child process running
// package.json's `start` script: cron jobs on, the normal logger writing to a file), against the fake Slack Web
// API, on a database of 5,000 customers with 10,000 invoices. Every request goes on a new connection
// (`Connection: close`, no agent), as Slack's do. Bursts, each of 50 and of 200 concurrent requests:
//   - `/credito log <customer>` commands: ack, time to views.open (the trigger_id lasts 3 s), time to the filled
//     modal (views.update of the view that request opened);
//   - digest buttons (the task menu's "log" choice, a block action): the same three times;
//   - log modal submissions (a view submission validated before the ack, recorded after it): ack, and the
//     time until all are recorded.
// Baseline measured in the same run: the same burst of `/credito help` (an ack with no database work).
// Ratios are given to Slack's 3 s limit. Run: npx tsx bench/burst.bench.ts   (BURST_SIZES=50 for one size;
// BURST_CPU_PROF=<dir> starts the app with --cpu-prof into that folder.)
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { openDb } from "../src/db/client";
import { FakeSlack, type RecordedCall } from "../src/standin/fake-slack";
import { slackSignature } from "../src/standin/signed-requests";
import { figure, percentile, seedCollectionTeam } from "./support";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SIZES = (process.env.BURST_SIZES ?? "50,200").split(",").map(Number);
const CUSTOMERS = 5000;
const LIMIT_MS = 3000;
const SECRET = "bench-signing-secret";
const CHANNEL = "C0CREDITO";
const USER = "U1";

interface Sent {
  status: number;
  ackMs: number;
  startedAt: number;
  body: string;
}

/** One signed POST on its own connection, timed from the start of the request to the end of the answer. */
function post(url: URL, body: string, contentType: string): Promise<Sent> {
  const ts = Math.floor(Date.now() / 1000);
  const headers = {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    connection: "close",
    "x-slack-request-timestamp": String(ts),
    "x-slack-signature": slackSignature(SECRET, ts, body),
  };
  return new Promise((resolvePost, reject) => {
    const startedAt = Date.now();
    const t0 = performance.now();
    const req = request(url, { method: "POST", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolvePost({
          status: res.statusCode ?? 0,
          ackMs: performance.now() - t0,
          startedAt,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("error", reject);
    req.end(body);
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

function commandBody(text: string, triggerId: string, slack: FakeSlack): string {
  return form({
    token: "legacy",
    team_id: "T0DEMO",
    team_domain: "demo",
    channel_id: CHANNEL,
    channel_name: "crediti",
    user_id: USER,
    user_name: "bench",
    command: "/credito",
    text,
    api_app_id: "A0CREDITO",
    is_enterprise_install: "false",
    response_url: slack.responseUrl(triggerId),
    trigger_id: triggerId,
  });
}

function interactionBody(payload: Record<string, unknown>): string {
  return form({
    payload: JSON.stringify({ team: { id: "T0DEMO" }, api_app_id: "A0CREDITO", token: "legacy", ...payload }),
  });
}

function digestLogClick(customerId: number, triggerId: string, slack: FakeSlack): string {
  return interactionBody({
    type: "block_actions",
    user: { id: USER },
    trigger_id: triggerId,
    channel: { id: CHANNEL },
    container: { type: "message", message_ts: "1700000000.000001", channel_id: CHANNEL },
    response_url: slack.responseUrl(triggerId),
    actions: [
      {
        type: "overflow",
        action_id: "digest_task:1",
        block_id: "b",
        selected_option: { value: `log:${customerId}` },
        action_ts: "1",
      },
    ],
  });
}

type Block = { type: string; block_id?: string; element?: Record<string, unknown> };
type View = { id?: string; blocks: Block[]; private_metadata: string; callback_id: string };

/** A "not reached" submission of a filled log modal, in the state shape Slack sends. */
function notReachedSubmission(view: View, customerId: number): string {
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (b.type !== "input" || !b.block_id || !b.element) continue;
    const type = String(b.element.type);
    const initial = b.element.initial_option as { value: string } | undefined;
    const value =
      b.block_id === "outcome"
        ? "not_reached"
        : b.block_id === "customer"
          ? String(customerId)
          : initial?.value;
    let entry: Record<string, unknown> = { type };
    if (type === "plain_text_input") entry.value = null;
    else if (type === "datepicker") entry.selected_date = null;
    else if (type === "timepicker") entry.selected_time = null;
    else if (type === "static_select" || type === "external_select")
      entry.selected_option = value ? { value } : null;
    else entry = { type, selected_options: [] };
    state[b.block_id] = { [String(b.element.action_id)]: entry };
  }
  return interactionBody({
    type: "view_submission",
    user: { id: USER, name: "bench" },
    view: { ...view, id: view.id ?? "V1", hash: "h1", state: { values: state } },
  });
}

/**
 * For each request that opened a modal (by trigger_id): when views.open reached Slack and when the views.update
 * of that same view did. The fake Slack numbers views in the order it answers views.open/push/update/publish.
 */
function modalTimes(calls: RecordedCall[]): Map<string, { openAt: number; filledAt?: number; view?: View }> {
  const byTrigger = new Map<string, { openAt: number; filledAt?: number; view?: View }>();
  const triggerOfView = new Map<string, string>();
  let counter = 0;
  for (const c of calls) {
    if (!["views.open", "views.push", "views.update", "views.publish"].includes(c.method)) continue;
    counter += 1;
    if (c.method === "views.open") {
      const trigger = String(c.args.trigger_id);
      triggerOfView.set(`V${counter}`, trigger);
      byTrigger.set(trigger, { openAt: c.at });
    } else if (c.method === "views.update") {
      const trigger = triggerOfView.get(String(c.args.view_id));
      const entry = trigger ? byTrigger.get(trigger) : undefined;
      if (entry && entry.filledAt === undefined) {
        entry.filledAt = c.at;
        const view = (typeof c.args.view === "string" ? JSON.parse(c.args.view) : c.args.view) as View;
        // the id Slack gave the modal: each submission is of its own view, as in Slack
        entry.view = { ...view, id: String(c.args.view_id) };
      }
    }
  }
  return byTrigger;
}

/**
 * CPU time (user + system, ms) used so far by the app's processes (its process group): the app's work per
 * request, which, unlike latency, does not depend on how loaded the machine is. Linux only; NaN elsewhere.
 */
function appCpuMs(group: number): number {
  let ticks = 0;
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(fields[2]) !== group) continue; // process group id
        ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
      } catch {
        // the process ended meanwhile
      }
    }
  } catch {
    return Number.NaN;
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

async function seed(databaseUrl: string): Promise<{ names: string[]; ids: number[] }> {
  const db = await openDb(databaseUrl);
  try {
    return await seedCollectionTeam(db, CUSTOMERS, USER);
  } finally {
    await db.$disconnect();
  }
}

/**
 * `npm start`, with the settings of a production install pointed at the fake Slack and a bench database.
 * Profiling (BURST_CPU_PROF): node refuses --cpu-prof in NODE_OPTIONS, so the app's entry point is run by
 * node itself with --cpu-prof (through tsx's loader, which also runs compiled JS).
 */
function startApp(env: Record<string, string>, logFile: string) {
  const out = openSync(logFile, "a");
  const profDir = process.env.BURST_CPU_PROF;
  if (profDir) mkdirSync(profDir, { recursive: true });
  const [command, args] = profDir
    ? [
        process.execPath,
        ["--cpu-prof", `--cpu-prof-dir=${resolve(profDir)}`, "--import", "tsx", "src/main.ts"],
      ]
    : ["npm", ["start", "--silent"]];
  return spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", out, out],
    detached: true, // its own process group: npm, tsx and node stop together
  });
}

async function waitHealthy(port: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not become healthy in time");
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "credito-burst-"));
  const databaseUrl = `file:${join(dir, "burst.db")}`;
  const logFile = join(dir, "app.log");
  const slack = await new FakeSlack().start();
  const { names, ids } = await seed(databaseUrl);
  const port = await freePort();
  const app = startApp(
    {
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      CREDITO_CHANNEL: CHANNEL,
    },
    logFile,
  );
  const exited = new Promise<number | null>((r) => app.on("exit", (code) => r(code)));
  const url = new URL(`http://127.0.0.1:${port}/slack/events`);
  const reader = new Database(databaseUrl.replace(/^file:/, ""), { readonly: true });
  const interactions = () =>
    (reader.prepare("SELECT COUNT(*) AS n FROM Interaction").get() as { n: number }).n;
  let trigger = 0;
  const newTrigger = () => `${++trigger}.${Date.now()}.burst`;
  const fmt = (n: number) => Math.round(n * 10) / 10;

  try {
    await waitHealthy(port);
    // warm-up, one at a time: JIT, Prisma, the search index, the bot identity, the start-up jobs
    for (let i = 0; i < 5; i++) {
      await post(url, commandBody("help", newTrigger(), slack), "application/x-www-form-urlencoded");
      const tr = newTrigger();
      await post(url, commandBody(`log ${names[i]}`, tr, slack), "application/x-www-form-urlencoded");
      await slack.waitFor(() => modalTimes(slack.calls).get(tr)?.filledAt !== undefined, 30_000);
      await post(url, digestLogClick(ids[i] ?? 0, newTrigger(), slack), "application/x-www-form-urlencoded");
    }
    await new Promise((r) => setTimeout(r, 2000));
    figure("burst_customers", CUSTOMERS, "customers");
    figure("burst_load_average_1m", Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]), "load");

    for (const size of SIZES) {
      const pick = (i: number) => (i * 97 + size) % CUSTOMERS;
      let cpuAtStart = 0;
      const burst = async (bodies: { body: string; trigger?: string }[]) => {
        cpuAtStart = appCpuMs(app.pid ?? 0);
        const sent = await Promise.all(
          bodies.map((b) => post(url, b.body, "application/x-www-form-urlencoded")),
        );
        for (const s of sent) if (s.status !== 200) throw new Error(`answered ${s.status}: ${s.body}`);
        return sent;
      };
      const report = (name: string, sent: Sent[]) => {
        const acks = sent.map((s) => s.ackMs);
        const p99 = percentile(acks, 99);
        figure(`${name}_${size}_ack_p50`, fmt(percentile(acks, 50)), "ms");
        figure(`${name}_${size}_ack_p99`, fmt(p99), "ms");
        figure(`${name}_${size}_ack_p99_vs_3s_limit`, p99 / LIMIT_MS, "ratio");
        return p99;
      };
      const modalReport = async (name: string, triggers: string[], sent: Sent[]) => {
        await slack.waitFor((calls) => {
          const m = modalTimes(calls);
          return triggers.every((t) => m.get(t)?.filledAt !== undefined);
        }, 120_000);
        const m = modalTimes(slack.calls);
        const opens = triggers.map((t, i) => (m.get(t)?.openAt ?? Number.NaN) - (sent[i]?.startedAt ?? 0));
        const filled = triggers.map((t, i) => (m.get(t)?.filledAt ?? Number.NaN) - (sent[i]?.startedAt ?? 0));
        const openP99 = percentile(opens, 99);
        figure(`${name}_${size}_views_open_p50`, fmt(percentile(opens, 50)), "ms");
        figure(`${name}_${size}_views_open_p99`, fmt(openP99), "ms");
        figure(`${name}_${size}_views_open_p99_vs_3s_trigger_limit`, openP99 / LIMIT_MS, "ratio");
        figure(`${name}_${size}_modal_filled_p50`, fmt(percentile(filled, 50)), "ms");
        figure(`${name}_${size}_modal_filled_p99`, fmt(percentile(filled, 99)), "ms");
        return triggers.map((t) => m.get(t)?.view);
      };
      // the app's CPU per request, from the burst's start until its work is done (measured before settling)
      const cpu = (name: string) =>
        figure(`${name}_${size}_app_cpu_per_request`, (appCpuMs(app.pid ?? 0) - cpuAtStart) / size, "ms");
      const settle = () => new Promise((r) => setTimeout(r, 1500));

      // baseline: help, an ack with no database work
      const help = await burst(
        Array.from({ length: size }, () => ({ body: commandBody("help", newTrigger(), slack) })),
      );
      const helpP99 = report("help", help);
      await new Promise((r) => setTimeout(r, 200));
      cpu("help");
      await settle();

      // /credito log <customer>
      const logTriggers = Array.from({ length: size }, () => newTrigger());
      const logSent = await burst(
        logTriggers.map((t, i) => ({ body: commandBody(`log ${names[pick(i)]}`, t, slack) })),
      );
      const logP99 = report("log", logSent);
      figure(`log_${size}_ack_p99_vs_help_ack_p99`, logP99 / helpP99, "ratio");
      const views = await modalReport("log", logTriggers, logSent);
      cpu("log");
      await settle();

      // digest buttons: the task menu's "log" choice
      const clickTriggers = Array.from({ length: size }, () => newTrigger());
      const clicks = await burst(
        clickTriggers.map((t, i) => ({ body: digestLogClick(ids[pick(i + 1)] ?? 0, t, slack) })),
      );
      report("digest_button", clicks);
      await modalReport("digest_button", clickTriggers, clicks);
      cpu("digest_button");
      await settle();

      // submissions of the modals the log burst filled
      const before = interactions();
      const t0 = Date.now();
      const submissions = await burst(
        views.map((v, i) => {
          if (!v) throw new Error("a log modal was not filled");
          return { body: notReachedSubmission(v, ids[pick(i)] ?? 0) };
        }),
      );
      for (const s of submissions)
        if (s.body.includes("response_action")) throw new Error(`submission refused: ${s.body}`);
      report("log_submission", submissions);
      const deadline = Date.now() + 120_000;
      while (interactions() < before + size && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      if (interactions() < before + size) throw new Error("not every submission was recorded");
      figure(`log_submission_${size}_all_recorded`, Date.now() - t0, "ms");
      cpu("log_submission");
      await settle();
    }
    figure("burst_load_average_1m_end", Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]), "load");
  } finally {
    reader.close();
    try {
      if (app.pid) process.kill(-app.pid, "SIGTERM");
    } catch {
      process.stderr.write(`the app had stopped already: see ${logFile}\n`);
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    await slack.stop();
    if (process.env.BURST_KEEP) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
