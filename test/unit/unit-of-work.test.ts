import { describe, expect, it } from "vitest";
import { backoffDelay, DatabaseBusyError, isBusy, retryBusy } from "../../src/db/unit-of-work";

const busy = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });

describe("busy retry", () => {
  it("recognises SQLITE_BUSY however it is wrapped, and nothing else", () => {
    expect(isBusy(busy())).toBe(true);
    expect(isBusy({ code: "P1008", message: "Operations timed out" })).toBe(true);
    expect(
      isBusy(new Error("outer", { cause: { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" } })),
    ).toBe(true);
    expect(isBusy({ message: "x", meta: { code: "SQLITE_LOCKED_SHAREDCACHE" } })).toBe(true);
    expect(isBusy(new Error("UNIQUE constraint failed: Customer.code"))).toBe(false);
    expect(isBusy(new DatabaseBusyError("x", 1, 1, busy()))).toBe(false);
    expect(isBusy(undefined)).toBe(false);
  });

  it("backs off exponentially with jitter, capped", () => {
    expect(backoffDelay(0, () => 0)).toBe(5);
    expect(backoffDelay(0, () => 1)).toBe(10);
    expect(backoffDelay(3, () => 1)).toBe(80);
    expect(backoffDelay(20, () => 1)).toBe(500);
    expect(backoffDelay(20, () => 0)).toBe(250);
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(4)));
    expect(seen.size).toBeGreaterThan(5);
    for (const d of seen) expect(d).toBeGreaterThanOrEqual(80);
  });

  it("retries while busy and returns the value and how long it waited", async () => {
    let calls = 0;
    const slept: number[] = [];
    const r = await retryBusy(
      async () => {
        calls += 1;
        if (calls < 4) throw busy();
        return "ok";
      },
      10_000,
      async (ms) => {
        slept.push(ms);
      },
    );
    expect(r.value).toBe("ok");
    expect(r.attempts).toBe(4);
    expect(slept).toHaveLength(3);
  });

  it("does not retry other errors", async () => {
    let calls = 0;
    await expect(
      retryBusy(async () => {
        calls += 1;
        throw new Error("boom");
      }, 10_000),
    ).rejects.toThrow("boom");
    expect(calls).toBe(1);
  });

  it("gives up after the budget with a DatabaseBusyError", async () => {
    let calls = 0;
    const started = Date.now();
    const err = await retryBusy(async () => {
      calls += 1;
      throw busy();
    }, 150).catch((e) => e);
    expect(err).toBeInstanceOf(DatabaseBusyError);
    expect(calls).toBeGreaterThan(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
