import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../src/db/client";
import { FakeSlack } from "../../src/standin/fake-slack";
import { dropTestDatabase, onPostgres, testDatabaseUrl } from "../support/database";

// Two real Credito processes on one database (PostgreSQL when TEST_DATABASE_URL is set, else one SQLite
// file), one fake Slack that answers 429s, and the instance holding the channels killed mid-burst.
const CHANNEL = "C0CREDITO";
const BURST_CHANNELS = ["C0BURST1", "C0BURST2", "C0BURST3", "C0BURST4"];
const PER_CHANNEL = 25;

interface Instance {
  name: string;
  child: ChildProcess;
  log: string;
  exited: Promise<number | null>;
}

function startInstance(name: string, env: Record<string, string>): Instance {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/instance-main.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env, CREDITO_INSTANCE_ID: name },
  });
  const inst: Instance = {
    name,
    child,
    log: "",
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
  };
  child.stderr?.on("data", (d: Buffer) => {
    inst.log += d.toString();
  });
  return inst;
}

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(`two instances on one ${onPostgres() ? "PostgreSQL" : "SQLite"} database`, () => {
  let slack: FakeSlack;
  let dir: string;
  let url: string;
  let db: Db;
  const instances: Instance[] = [];

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    dir = mkdtempSync(join(tmpdir(), "credito-instances-"));
    url = testDatabaseUrl(dir, "instances");
    db = await openDb(url); // migrated once here; the instances find it done
  });

  afterAll(async () => {
    for (const i of instances) i.child.kill("SIGKILL");
    await db?.$disconnect();
    await slack?.stop();
    await dropTestDatabase(url);
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it("delivers every message once and in order per channel, with 429s and one instance killed; the digest once", async () => {
    const env = {
      SLACK_BOT_TOKEN: "xoxb-instances",
      SLACK_SIGNING_SECRET: "instances-secret",
      SLACK_API_URL: slack.apiUrl,
      CREDITO_CHANNEL: CHANNEL,
      DATABASE_URL: url,
      PORT: "0",
      LOG_LEVEL: "info",
      // Monday 2 March 2026, after the 08:30 digest time: both instances try the start-up catch-up at once
      TEST_NOW: "2026-03-02T09:00:00+01:00",
      CREDITO_POST_INTERVAL_MS: "100",
      CREDITO_LEASE_MS: "2000",
      CREDITO_OUTBOX_POLL_MS: "200",
    };
    instances.push(startInstance("inst-a", env), startInstance("inst-b", env));
    await until("both instances ready", () => instances.every((i) => i.log.includes("instance ready")));
    // the start-up catch-up runs in the background: one instance claims and finishes it before the kill below
    await until("the digest's catch-up done", async () =>
      Boolean(await db.jobRun.findFirst({ where: { job: "digest", finishedAt: { not: null } } })),
    );

    // the burst: queued by a third process (as a CLI import does), picked up by the instances' polling
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 }, 3);
    for (let i = 0; i < PER_CHANNEL; i++) {
      for (const channel of BURST_CHANNELS) {
        await db.outboxMessage.create({
          data: {
            method: "chat.postMessage",
            channel,
            payload: JSON.stringify({ text: `${channel} #${i}` }),
          },
        });
      }
    }
    const delivered = () =>
      slack.callsOf("chat.postMessage").filter((c) => String(c.args.text).includes("#"));
    await until("a third of the burst delivered", () => delivered().length >= (PER_CHANNEL * 4) / 3);

    // the victim: the instance holding the most channels with messages still to send
    const leases = await db.outboxLease.findMany({ where: { expiresAt: { gt: new Date() } } });
    const held = (name: string) => leases.filter((l) => l.holder === name).length;
    const [victim, survivor] = held("inst-a") >= held("inst-b") ? instances : [...instances].reverse();
    expect(held(victim!.name)).toBeGreaterThan(0);
    // Slack rate-limits everyone for a moment, so that no accepted post is in flight when the victim dies
    // (a crash between Slack accepting a post and the row being marked sent would repeat that one post)
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 }, 10_000);
    // every post Slack accepted is marked sent in the database (however slow the machine) before the kill
    await until(
      "the accepted posts recorded",
      async () =>
        (await db.outboxMessage.count({ where: { status: "sent", channel: { in: BURST_CHANNELS } } })) ===
        delivered().length,
    );
    victim!.child.kill("SIGKILL");
    await victim!.exited;
    slack.clearFailures("chat.postMessage");
    const pendingAtKill = await db.outboxMessage.count({ where: { status: "pending" } });
    expect(pendingAtKill).toBeGreaterThan(0);

    await until("the whole burst delivered", () => delivered().length >= PER_CHANNEL * 4, 60_000);
    await until(
      "the outbox empty",
      async () => (await db.outboxMessage.count({ where: { status: "pending" } })) === 0,
    );
    await new Promise((r) => setTimeout(r, 300)); // anything sent twice would show up now

    for (const channel of BURST_CHANNELS) {
      const texts = delivered()
        .filter((c) => c.args.channel === channel)
        .map((c) => c.args.text);
      expect(texts, channel).toEqual(Array.from({ length: PER_CHANNEL }, (_, i) => `${channel} #${i}`));
    }
    expect(slack.callsOf("chat.postMessage:failed").length).toBeGreaterThanOrEqual(3); // the 429s were met
    expect(survivor!.log).toContain(`took over channel`);

    const digests = slack.callsOf("chat.postMessage").filter((c) => c.args.channel === CHANNEL);
    expect(digests).toHaveLength(1);
    expect(await db.jobRun.count({ where: { job: "digest", occurrence: "2026-03-02" } })).toBe(1);
    expect((await db.digest.findUnique({ where: { date: "2026-03-02" } }))?.ts).toBeTruthy();

    // graceful shutdown hands the survivor's leases back
    survivor!.child.kill("SIGTERM");
    expect(await survivor!.exited).toBe(0);
    expect(
      await db.outboxLease.count({ where: { holder: survivor!.name, expiresAt: { gt: new Date() } } }),
    ).toBe(0);
  }, 120_000);
});
