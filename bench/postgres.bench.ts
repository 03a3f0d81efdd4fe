/**
 * PostgreSQL beside SQLite (issue 17), each measured in the same run:
 * - the digest's task computation for 5,000 customers, 50,000 open invoices, 10,000 promises;
 * - a burst of 60 concurrent one-line `/credito log` commands: on SQLite to one instance, on PostgreSQL spread
 *   over two instances on the same database; ack p50/p95 and the time until every message reached Slack;
 * - delivery of 400 queued messages over 8 channels by one instance, then by two on the same database.
 * Needs a PostgreSQL server: BENCH_DATABASE_URL or TEST_DATABASE_URL (e.g. `$(.ci/postgres.sh)`); without one
 * it says so and measures nothing. Run: TEST_DATABASE_URL=$(.ci/postgres.sh) npx tsx bench/postgres.bench.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadConfig } from "../src/config";
import { fixedClock } from "../src/context";
import { type Db, openDb } from "../src/db/client";
import { isPostgresUrl } from "../src/db/dialect";
import { postgresTarget } from "../src/db/migrate";
import { addDays } from "../src/domain/calendar";
import { silentLogger } from "../src/log";
import { createRuntime, type Runtime } from "../src/runtime";
import { buildDigest } from "../src/services/digest/digest";
import { FakeSlack } from "../src/standin/fake-slack";
import { SlackRequester } from "../src/standin/signed-requests";
import { figure, percentile, timed } from "./support";

const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "";
const TODAY = "2026-03-02";
const NOW = `${TODAY}T09:00:00+01:00`;
const SECRET = "bench-secret";
const CHANNEL = "C0CREDITO";

function pgUrl(name: string): string {
  const url = new URL(SERVER);
  url.searchParams.set("schema", `bench_${name}_${process.pid}`);
  return url.toString();
}

async function dropSchema(url: string): Promise<void> {
  if (!isPostgresUrl(url)) return;
  const { connectionString, schema } = postgresTarget(url);
  const c = new pg.Client({ connectionString });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
}

/** The digest's data, the same on both databases (Prisma's createMany in chunks). */
async function seedDigest(db: Db): Promise<void> {
  let x = 42;
  const rand = () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
  const chunked = async <T>(rows: T[], write: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 5000) await write(rows.slice(i, i + 5000));
  };
  const customers = Array.from({ length: 5000 }, (_, k) => ({
    code: `C${k + 1}`,
    name: `Cliente ${k + 1} Srl`,
    searchText: `c${k + 1} cliente ${k + 1} srl`,
    creditHold: (k + 1) % 17 === 0,
    preserveRelationship: (k + 1) % 9 === 0,
  }));
  await chunked(customers, (data) => db.customer.createMany({ data }));
  const invoices = Array.from({ length: 50_000 }, (_, k) => {
    const due = addDays(TODAY, Math.floor(rand() * 150) - 30);
    const cents = 20_000 + Math.floor(rand() * 2_000_000);
    return {
      customerId: 1 + ((k + 1) % 5000),
      number: `F${k + 1}`,
      issueDate: addDays(due, -60),
      dueDate: due,
      amountCents: cents,
      openCents: cents,
    };
  });
  await chunked(invoices, (data) => db.invoice.createMany({ data }));
  const promises = Array.from({ length: 10_000 }, (_, k) => ({
    customerId: 1 + (((k + 1) * 7) % 5000),
    amountCents: 50_000 + Math.floor(rand() * 500_000),
    dueDate: addDays(TODAY, Math.floor(rand() * 30) - 20),
  }));
  await chunked(promises, (data) => db.paymentPromise.createMany({ data }));
  const contacts = Array.from({ length: 10_000 }, (_, k) => ({
    customerId: 1 + ((k + 1) % 5000),
    channel: "phone",
    outcome: (k + 1) % 5 === 0 ? "promise" : "not_reached",
    date: addDays(TODAY, -Math.floor(rand() * 60)),
    occurredAt: new Date(),
  }));
  await chunked(contacts, (data) => db.interaction.createMany({ data }));
}

async function digestTime(url: string): Promise<number> {
  const config = loadConfig({ DATABASE_URL: url }, { slack: false });
  const runtime = await createRuntime(config, { clock: fixedClock(NOW), log: silentLogger });
  try {
    await seedDigest(runtime.ctx.db);
    await buildDigest(runtime.ctx, TODAY); // warm-up
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++)
      best = Math.min(best, (await timed(() => buildDigest(runtime.ctx, TODAY))).ms);
    return best;
  } finally {
    await runtime.stop();
  }
}

function appConfig(url: string, slack: FakeSlack, id: string, postIntervalMs: number) {
  return loadConfig({
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    DATABASE_URL: url,
    CREDITO_CHANNEL: CHANNEL,
    CREDITO_POST_INTERVAL_MS: String(postIntervalMs),
    CREDITO_INSTANCE_ID: id,
    CREDITO_OUTBOX_POLL_MS: "100",
  });
}

async function startInstances(
  url: string,
  slack: FakeSlack,
  n: number,
  postIntervalMs = 0,
): Promise<Runtime[]> {
  const list: Runtime[] = [];
  for (let i = 0; i < n; i++) {
    const r = await createRuntime(appConfig(url, slack, `bench-${i}`, postIntervalMs), {
      clock: fixedClock(NOW),
      log: silentLogger,
    });
    await r.start({ jobs: false });
    list.push(r);
  }
  return list;
}

async function waitDelivered(db: Db, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await db.outboxMessage.count({ where: { status: "pending" } })) > 0) {
    if (Date.now() > deadline) throw new Error("outbox not drained in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** 60 concurrent one-line logs spread over the instances; ack p50/p95 and time until Slack has everything. */
async function logBurst(
  url: string,
  instances: number,
): Promise<{ p50: number; p95: number; allMs: number }> {
  const slack = await new FakeSlack().start();
  const runtimes = await startInstances(url, slack, instances);
  try {
    const db = runtimes[0]!.ctx.db;
    await db.teamMember.create({ data: { slackUserId: "U1", name: "Anna", role: "admin" } });
    for (let i = 1; i <= 60; i++) {
      const c = await db.customer.create({ data: { code: `CL${100 + i}`, name: `Cliente ${i} Srl` } });
      await db.invoice.create({
        data: {
          customerId: c.id,
          number: `F${i}`,
          issueDate: "2026-01-01",
          dueDate: "2026-02-01",
          amountCents: 150_000,
          openCents: 150_000,
        },
      });
    }
    const requesters = runtimes.map(
      (r) =>
        new SlackRequester(`http://127.0.0.1:${r.slack.port}/slack/events`, SECRET, {
          teamId: "T0",
          channelId: CHANNEL,
          responseUrl: (id) => slack.responseUrl(id),
        }),
    );
    await requesters[0]!.command("U1", "/credito", "help"); // warm-up
    const start = performance.now();
    const acks = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const t0 = performance.now();
        await requesters[i % requesters.length]!.command(
          "U1",
          "/credito",
          `log CL${101 + i} promessa 500 16/3`,
        );
        return performance.now() - t0;
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    await waitDelivered(db);
    return { p50: percentile(acks, 50), p95: percentile(acks, 95), allMs: performance.now() - start };
  } finally {
    for (const r of runtimes) await r.stop();
    await slack.stop();
  }
}

/** 400 messages over 8 channels queued at once, Slack allowing one post per 10 ms per channel. */
async function delivery(url: string, instances: number): Promise<number> {
  const slack = await new FakeSlack().start();
  const db = await openDb(url);
  await db.outboxMessage.deleteMany({});
  await db.outboxLease.deleteMany({});
  const runtimes = await startInstances(url, slack, instances, 10);
  try {
    const rows = Array.from({ length: 400 }, (_, i) => ({
      method: "chat.postMessage",
      channel: `C0CH${i % 8}`,
      payload: JSON.stringify({ text: `m${i}` }),
    }));
    const start = performance.now();
    await db.outboxMessage.createMany({ data: rows });
    for (const r of runtimes) r.ctx.outbox.kick();
    await waitDelivered(db);
    const ms = performance.now() - start;
    if (slack.callsOf("chat.postMessage").length !== 400) throw new Error("not every message delivered once");
    return ms;
  } finally {
    for (const r of runtimes) await r.stop();
    await db.$disconnect();
    await slack.stop();
  }
}

async function main(): Promise<void> {
  if (!isPostgresUrl(SERVER)) {
    process.stdout.write(
      "postgres bench: skipped, no PostgreSQL server (set TEST_DATABASE_URL=$(.ci/postgres.sh) to run it)\n",
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "credito-pgbench-"));
  const urls = { digest: pgUrl("digest"), burst: pgUrl("burst"), delivery: pgUrl("delivery") };
  try {
    const sqliteDigest = await digestTime(`file:${join(dir, "digest.db")}`);
    const pgDigest = await digestTime(urls.digest);
    figure("pg_digest_sqlite_time", sqliteDigest, "ms");
    figure("pg_digest_postgres_time", pgDigest, "ms");
    figure("pg_digest_postgres_vs_sqlite", pgDigest / sqliteDigest, "x");

    const sqliteBurst = await logBurst(`file:${join(dir, "burst.db")}`, 1);
    const pgBurst = await logBurst(urls.burst, 2);
    figure("pg_log_burst_sqlite_1x_ack_p50", sqliteBurst.p50, "ms");
    figure("pg_log_burst_sqlite_1x_ack_p95", sqliteBurst.p95, "ms");
    figure("pg_log_burst_sqlite_1x_all_delivered", sqliteBurst.allMs, "ms");
    figure("pg_log_burst_postgres_2x_ack_p50", pgBurst.p50, "ms");
    figure("pg_log_burst_postgres_2x_ack_p95", pgBurst.p95, "ms");
    figure("pg_log_burst_postgres_2x_all_delivered", pgBurst.allMs, "ms");
    figure("pg_log_burst_ack_p95_postgres_2x_vs_sqlite_1x", pgBurst.p95 / sqliteBurst.p95, "x");

    const one = await delivery(urls.delivery, 1);
    const two = await delivery(urls.delivery, 2);
    figure("pg_delivery_400_msgs_8_channels_1x", one, "ms");
    figure("pg_delivery_400_msgs_8_channels_2x", two, "ms");
    figure("pg_delivery_2x_vs_1x", two / one, "x");
  } finally {
    for (const url of Object.values(urls)) await dropSchema(url).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

await main();
