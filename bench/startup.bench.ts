/**
 * How fast the compiled CLI answers and the server becomes healthy, against `node -e 0` measured in the same
 * run: `credito --help`, `credito digest --dry-run --json` on the demo database, and `npm start` (and plain
 * `node dist/main.js`) until GET /healthz answers 200, on an existing database and on a new one (created and
 * migrated at start-up). Median of RUNS runs each. Builds dist/ first, so it measures the current sources.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FakeSlack } from "../src/standin/fake-slack";
import { figure, percentile } from "./support";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DEMO_DB = join(ROOT, "data/demo.db");
const BIN = join(ROOT, "bin/credito.mjs");

const median = (xs: number[]) => percentile(xs, 50);
const baseEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };

function timeProcess(args: string[], env: Record<string, string> = {}): number {
  const start = performance.now();
  const run = spawnSync(args[0]!, args.slice(1), {
    cwd: ROOT,
    env: { ...baseEnv, ...env },
    encoding: "utf8",
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(" ")} failed (${run.status}): ${run.stderr}`);
  return ms;
}

function medianOf(args: string[], env: Record<string, string> = {}): number {
  timeProcess(args, env); // warm the file cache once; not counted
  return median(Array.from({ length: RUNS }, () => timeProcess(args, env)));
}

/** Spawns the server and returns the time until GET /healthz answers 200; stops it with SIGTERM. */
async function timeToHealthy(command: string[], env: Record<string, string>): Promise<number> {
  const start = performance.now();
  // its own process group, so SIGTERM reaches node behind npm and sh
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: { ...baseEnv, ...env },
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const port = /HTTP on port (\d+)/.exec(stderr)?.[1];
      if (port) {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
          headers: { connection: "close" },
        }).catch(() => null);
        if (res?.status === 200) return performance.now() - start;
      }
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`${command.join(" ")} did not become healthy:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await exited;
  }
}

async function main(): Promise<void> {
  timeProcess([process.execPath, join(ROOT, "scripts/build.mjs")]);
  if (!existsSync(DEMO_DB)) timeProcess([process.execPath, BIN, "demo"]);

  const baseline = medianOf([process.execPath, "-e", "0"]);
  figure("node -e 0 (baseline)", baseline, "ms");
  const help = medianOf([process.execPath, BIN, "--help"]);
  figure("credito --help", help, "ms");
  figure("credito --help / baseline", help / baseline, "x");
  const digest = medianOf([process.execPath, BIN, "digest", "--dry-run", "--json"], {
    DATABASE_URL: `file:${DEMO_DB}`,
  });
  figure("credito digest --dry-run --json (demo database)", digest, "ms");
  figure("credito digest / baseline", digest / baseline, "x");

  const slack = await new FakeSlack().start();
  const dir = mkdtempSync(join(tmpdir(), "credito-startup-bench-"));
  try {
    const env = (db: string) => ({
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: "bench-secret",
      SLACK_API_URL: slack.apiUrl,
      CREDITO_CHANNEL: "C0BENCH",
      DATABASE_URL: `file:${join(dir, db)}`,
      PORT: "0",
    });
    const fresh: number[] = [];
    const warm: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      fresh.push(await timeToHealthy(["npm", "start", "--silent"], env(`fresh-${i}.db`)));
      warm.push(await timeToHealthy(["npm", "start", "--silent"], env("fresh-0.db")));
      direct.push(
        await timeToHealthy([process.execPath, "--enable-source-maps", "dist/main.js"], env("fresh-0.db")),
      );
    }
    figure("npm start to healthy /healthz (existing database)", median(warm), "ms");
    figure("npm start / baseline", median(warm) / baseline, "x");
    figure("npm start to healthy /healthz (new database: created and migrated)", median(fresh), "ms");
    figure("node dist/main.js to healthy /healthz (existing database, without npm)", median(direct), "ms");
    figure("node dist/main.js / baseline", median(direct) / baseline, "x");
  } finally {
    await slack.stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

await main();
