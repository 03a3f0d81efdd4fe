import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { type AppContext, systemClock } from "../../src/context";
import { openDb } from "../../src/db/client";
import { silentLogger } from "../../src/log";
import { SubmissionDrainer } from "../../src/services/pending-submissions";
import type { Outbox } from "../../src/slack/outbox";

let dir: string;
let ctx: AppContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-pending-"));
  const url = `file:${join(dir, "p.db")}`;
  const config = loadConfig({ DATABASE_URL: url, CREDITO_DB_RETRY_BUDGET_MS: "100" }, { slack: false });
  const db = await openDb(url, { busyTimeoutMs: 20 });
  ctx = { db, config, clock: systemClock, log: silentLogger, outbox: { kick() {} } as unknown as Outbox };
});
afterAll(async () => {
  await ctx.db.$disconnect();
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

const busy = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });

describe("pending submissions", () => {
  it("kept while the database is busy, told 'pending', applied once and in order when it frees", async () => {
    const drainer = new SubmissionDrainer(ctx);
    let busyFor = 3;
    const applied: string[] = [];
    const late: boolean[] = [];
    drainer.register<{ name: string }, string>("member", {
      apply: async (tx, p) => {
        if (busyFor > 0) {
          busyFor -= 1;
          throw busy();
        }
        await tx.teamMember.create({ data: { slackUserId: `U${p.name}`, name: p.name, role: "sales" } });
        return p.name;
      },
      applied: async (name, _p, wasLate) => {
        applied.push(name);
        late.push(wasLate);
      },
    });
    const first = await drainer.keep({
      kind: "member",
      dedupeKey: "m:1",
      userId: "U0",
      payload: { name: "Anna" },
    });
    const second = await drainer.keep({
      kind: "member",
      dedupeKey: "m:2",
      userId: "U0",
      payload: { name: "Bruno" },
    });
    expect(first).not.toBeNull();
    // the same request again is kept once
    expect(
      await drainer.keep({ kind: "member", dedupeKey: "m:1", userId: "U0", payload: { name: "Anna" } }),
    ).toBe(first);
    expect(await drainer.settle(first!, 50)).toBe("pending");
    drainer.start();
    expect(await drainer.settle(second!, 10_000)).toBe("applied");
    await drainer.stop();
    expect(applied).toEqual(["Anna", "Bruno"]);
    expect(late).toEqual([true, false]);
    expect(await ctx.db.teamMember.count({ where: { slackUserId: { in: ["UAnna", "UBruno"] } } })).toBe(2);
    const rows = await ctx.db.pendingSubmission.findMany({
      where: { kind: "member" },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => r.status)).toEqual(["applied", "applied"]);
    // applied already: settling again answers at once, applying again does nothing
    expect(await drainer.settle(first!, 5000)).toBe("applied");
    expect(await ctx.db.teamMember.count({ where: { slackUserId: "UAnna" } })).toBe(1);
  });

  it("a submission that fails for another reason is kept as failed, its writes rolled back", async () => {
    const drainer = new SubmissionDrainer(ctx);
    const failures: string[] = [];
    drainer.register<{ name: string }, void>("broken", {
      apply: async (tx, p) => {
        await tx.teamMember.create({ data: { slackUserId: `U${p.name}`, name: p.name, role: "sales" } });
        throw new Error("customer gone");
      },
      failed: async (err) => {
        failures.push((err as Error).message);
      },
    });
    const id = await drainer.keep({
      kind: "broken",
      dedupeKey: "b:1",
      userId: "U0",
      payload: { name: "Carla" },
    });
    expect(await drainer.settle(id!, 5000)).toBe("failed");
    expect(failures).toEqual(["customer gone"]);
    const row = await ctx.db.pendingSubmission.findUniqueOrThrow({ where: { id: id! } });
    expect([row.status, row.lastError]).toEqual(["failed", "customer gone"]);
    expect(await ctx.db.teamMember.count({ where: { slackUserId: "UCarla" } })).toBe(0);
  });
});
