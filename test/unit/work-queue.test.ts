import { describe, expect, it } from "vitest";
import { WorkQueue } from "../../src/slack/work-queue";

const turnOfLoop = () => new Promise<void>((r) => setImmediate(r));

describe("WorkQueue (post-ack work)", () => {
  it("starts what the user waits for first: open, then fill, then later", async () => {
    const q = new WorkQueue(1);
    const order: string[] = [];
    const item = (name: string) => async () => {
      order.push(name);
    };
    await Promise.all([
      q.run("later", item("later-1")),
      q.run("fill", item("fill-1")),
      q.run("open", item("open-1")),
      q.run("fill", item("fill-2")),
      q.run("open", item("open-2")),
    ]);
    expect(order).toEqual(["open-1", "open-2", "fill-1", "fill-2", "later-1"]);
  });

  it("starts one item per turn of the event loop, so I/O callbacks run in between", async () => {
    const q = new WorkQueue(10);
    const events: string[] = [];
    const items = [1, 2, 3].map((i) =>
      q.run("open", async () => {
        events.push(`item-${i}`);
        if (i !== 1) return;
        // the first item queues a timer and keeps the CPU past its due time: were the items started in the
        // same turn, the others would run before it
        setTimeout(() => events.push("timer"), 0);
        const until = Date.now() + 5;
        while (Date.now() < until) {
          // busy
        }
      }),
    );
    await Promise.all(items);
    expect(events).toEqual(["item-1", "timer", "item-2", "item-3"]);
  });

  it("keeps at most `concurrency` items in flight, and one 'later' item at a time", async () => {
    const q = new WorkQueue(2);
    let inFlight = 0;
    let peak = 0;
    let laterInFlight = 0;
    let laterPeak = 0;
    const slow = (later: boolean) => async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      if (later) laterPeak = Math.max(laterPeak, ++laterInFlight);
      await new Promise((r) => setTimeout(r, 5));
      if (later) laterInFlight -= 1;
      inFlight -= 1;
    };
    await Promise.all([
      ...Array.from({ length: 5 }, () => q.run("fill", slow(false))),
      ...Array.from({ length: 4 }, () => q.run("later", slow(true))),
    ]);
    expect(peak).toBe(2);
    expect(laterPeak).toBe(1);
    expect(q.size).toBe(0);
  });

  it("passes results and errors through; a turn holds no place, so nested use cannot deadlock", async () => {
    const q = new WorkQueue(1);
    expect(await q.run("open", async () => 42)).toBe(42);
    await expect(q.run("fill", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    // a command waits for its turn, then its modal's filling is an item of the same queue
    const nested = await Promise.all(
      [1, 2, 3].map(async (i) => {
        await q.turn("open");
        return q.run("fill", async () => i * 2);
      }),
    );
    expect(nested).toEqual([2, 4, 6]);
    await turnOfLoop();
    expect(q.size).toBe(0);
  });
});
