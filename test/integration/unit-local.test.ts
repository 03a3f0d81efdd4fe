import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../src/db/client";
import { unitLocal, unitOfWork } from "../../src/db/unit-of-work";

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-unit-local-"));
  db = await openDb(`file:${join(dir, "u.db")}`);
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

describe("what a unit of work holds until its commit", () => {
  it("is one per unit and key, written once inside the transaction after the work, before the kick", async () => {
    const seen: string[] = [];
    const ctx = { db, outbox: { kick: () => seen.push("kick") } };
    await unitOfWork(ctx, async (tx) => {
      const make = () => ({
        count: 0,
        async beforeCommit() {
          seen.push(`flush after ${this.count} uses`);
          await tx.teamMember.create({ data: { slackUserId: "UFLUSH", name: "Flush", role: "sales" } });
        },
      });
      const a = unitLocal(tx, "k", make);
      const b = unitLocal(tx, "k", make);
      expect(a).toBe(b);
      a!.count += 2;
      seen.push("work");
    });
    expect(seen).toEqual(["work", "flush after 2 uses", "kick"]);
    expect(await db.teamMember.count({ where: { slackUserId: "UFLUSH" } })).toBe(1);
  });

  it("is rolled back with the work when the work fails, and is none outside a unit", async () => {
    const ctx = { db };
    await expect(
      unitOfWork(ctx, async (tx) => {
        unitLocal(tx, "k", () => ({
          beforeCommit: async () => {
            await tx.teamMember.create({ data: { slackUserId: "UNEVER", name: "Never", role: "sales" } });
          },
        }));
        throw new Error("the work failed");
      }),
    ).rejects.toThrow("the work failed");
    expect(await db.teamMember.count({ where: { slackUserId: "UNEVER" } })).toBe(0);
    expect(unitLocal(db, "k", () => ({ beforeCommit: async () => undefined }))).toBeNull();
    await db.$transaction(async (tx) => {
      expect(unitLocal(tx, "k", () => ({ beforeCommit: async () => undefined }))).toBeNull();
    });
  });
});
