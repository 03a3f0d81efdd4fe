import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../src/db/client";
import { dialectOf } from "../../src/db/dialect";
import { isUniqueViolation } from "../../src/db/errors";
import { startHealthServer } from "../../src/health";
import { claimJobRun, runOnce, STALE_RUN_MS } from "../../src/jobs/job-runs";
import { openCase } from "../../src/services/cases/cases";
import { findCustomers } from "../../src/services/customers/customer-search";
import { ChannelLeases } from "../../src/slack/outbox-leases";
import { dropTestDatabase, onPostgres, testDatabaseUrl } from "../support/database";

// Two clients on one database stand for two instances (each has its own pool and its own caches).
// On SQLite the racing calls run one after the other: two better-sqlite3 connections in one process block each
// other's thread while waiting for the file lock (separate processes, as in test/e2e/instances, do not).
async function race<T>(...calls: (() => Promise<T>)[]): Promise<T[]> {
  if (onPostgres()) return Promise.all(calls.map((c) => c()));
  const out: T[] = [];
  for (const c of calls) out.push(await c());
  return out;
}
async function raceSettled<T>(...calls: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  return race(
    ...calls.map(
      (c) => () =>
        c().then(
          (value) => ({ status: "fulfilled", value }) as const,
          (reason: unknown) => ({ status: "rejected", reason }) as const,
        ),
    ),
  );
}

describe(`several instances on one ${onPostgres() ? "PostgreSQL" : "SQLite"} database`, () => {
  let dir: string;
  let url: string;
  let a: Db;
  let b: Db;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "credito-inst-"));
    url = testDatabaseUrl(dir, "inst");
    a = await openDb(url);
    b = await openDb(url);
  });
  afterAll(async () => {
    await a?.$disconnect();
    await b?.$disconnect();
    await dropTestDatabase(url);
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it("opens the database of the URL's kind", () => {
    expect(dialectOf(a)).toBe(onPostgres() ? "postgresql" : "sqlite");
  });

  it("gives a channel's lease to one instance at a time, takes over an expired one, and gets it back when handed back", async () => {
    const la = new ChannelLeases(a, "a", 1000);
    const lb = new ChannelLeases(b, "b", 1000);
    const [ga, gb] = await race(
      () => la.acquire("C1"),
      () => lb.acquire("C1"),
    );
    expect([ga, gb].filter(Boolean)).toHaveLength(1); // both raced for a new lease: one won
    const [holder, other] = ga ? [la, lb] : [lb, la];
    expect(await other.acquire("C1")).toBeNull();
    expect(await holder.keep("C1")).toBe(true);
    // the holder dies: after the expiry the other takes over, and the old holder knows it lost it
    await new Promise((r) => setTimeout(r, 1100));
    const taken = await other.acquire("C1");
    expect(taken?.takenOverFrom).toBe(holder.holder);
    await new Promise((r) => setTimeout(r, 600));
    expect(await holder.keep("C1")).toBe(false);
    // handed back: free at once, with the time of the last post for the next holder's pace
    const sentAt = new Date("2026-03-02T08:00:00Z");
    await other.release("C1", sentAt);
    const again = await holder.acquire("C1");
    expect(again?.lastSentAt?.toISOString()).toBe(sentAt.toISOString());
    expect(again?.takenOverFrom).toBeUndefined();
    await holder.releaseAll();
    expect(await a.outboxLease.count({ where: { expiresAt: { gt: new Date() } } })).toBe(0);
  });

  it("runs a job occurrence once across instances, again after a failure, and takes over a crashed run", async () => {
    let runs = 0;
    const work = async () => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 50));
    };
    const results = await race(
      () => runOnce(a, "digest", "2026-03-02", "a", work),
      () => runOnce(b, "digest", "2026-03-02", "b", work),
    );
    expect(runs).toBe(1);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect((await runOnce(b, "digest", "2026-03-02", "b", work)).ran).toBe(false);

    await expect(
      runOnce(a, "report", "2026-03-02", "a", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await runOnce(b, "report", "2026-03-02", "b", work)).ran).toBe(true);

    const t0 = new Date("2026-03-02T08:30:00Z");
    expect(await claimJobRun(a, "reminders", "2026-03-02T09:31", "a", t0)).toBe(true);
    expect(await claimJobRun(b, "reminders", "2026-03-02T09:31", "b", new Date(t0.getTime() + 1000))).toBe(
      false,
    );
    const later = new Date(t0.getTime() + STALE_RUN_MS + 1000);
    const takers = await race(
      () => claimJobRun(a, "reminders", "2026-03-02T09:31", "c", later),
      () => claimJobRun(b, "reminders", "2026-03-02T09:31", "d", later),
    );
    expect(takers.filter(Boolean)).toHaveLength(1);
  });

  it("processes a Slack event id once whichever instance gets the retry", async () => {
    const outcomes = await raceSettled(
      () => a.processedEvent.create({ data: { eventId: "Ev1" } }),
      () => b.processedEvent.create({ data: { eventId: "Ev1" } }),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(isUniqueViolation(failed.reason)).toBe(true);
  });

  it("opens one case when two instances open the customer's case at the same time", async () => {
    const c = await a.customer.create({ data: { code: "C900", name: "Neri Snc" } });
    const slowOpen = (db: Db) =>
      db.$transaction(async (tx) => {
        const kase = await openCase(tx, c.id, "2026-03-02");
        await new Promise((r) => setTimeout(r, 100)); // both transactions overlap
        await tx.auditEntry.create({ data: { caseId: kase.id, actor: "test", action: "opened" } });
        return kase.id;
      });
    const [ida, idb] = await race(
      () => slowOpen(a),
      () => slowOpen(b),
    );
    expect(ida).toBe(idb);
    expect(await a.case.count({ where: { customerId: c.id } })).toBe(1);
  });

  it("sees a customer added or renamed by another instance in its search index", async () => {
    await a.customer.create({ data: { code: "C001", name: "Rossi Srl" } });
    expect((await findCustomers(a, "rossi")).map((h) => h.customer.code)).toEqual(["C001"]);
    await b.customer.create({ data: { code: "C002", name: "Bianchi Spa" } });
    await b.customer.update({ where: { code: "C001" }, data: { name: "Verdi Srl" } });
    await new Promise((r) => setTimeout(r, 600)); // the index checks freshness at most every 500 ms
    expect((await findCustomers(a, "bianchi")).map((h) => h.customer.code)).toEqual(["C002"]);
    expect((await findCustomers(a, "verdi")).map((h) => h.customer.code)).toEqual(["C001"]);
  });

  it("answers /healthz on its own port with the database and the outbox backlog", async () => {
    await b.outboxMessage.create({ data: { method: "chat.postMessage", channel: "C1", payload: "{}" } });
    await b.outboxMessage.create({
      data: { method: "chat.postMessage", channel: "C1", payload: "{}", status: "failed" },
    });
    const server = await startHealthServer({ db: a }, 0);
    try {
      const port = (server.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        ok: true,
        database: onPostgres() ? "postgresql" : "sqlite",
        outboxPending: 1,
        outboxDue: 1,
        outboxFailed: 1,
      });
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
