import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

// Issue 13, point 9: outbox.idle() means everything queued was delivered or failed for good, so a message
// waiting for a retry (after a 429 with Retry-After, or a 5xx) keeps it waiting.

describe("outbox.idle", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("waits for a message held back by Retry-After and a 500", async () => {
    h.slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    h.slack.failNext("chat.postMessage", { status: 500 });
    const started = Date.now();
    await h.runtime.ctx.outbox.send({
      method: "chat.postMessage",
      channel: CHANNEL,
      payload: { text: "ciao" },
    });
    await h.runtime.ctx.outbox.idle(10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(h.slack.callsOf("chat.postMessage:failed")).toHaveLength(2);
    expect(h.slack.callsOf("chat.postMessage").map((c) => c.args.text)).toEqual(["ciao"]);
  });

  it("gives up with an error rather than resolve while a retry is still due", async () => {
    h.slack.failNext("chat.postMessage", { status: 429, retryAfter: 5 });
    await h.runtime.ctx.outbox.send({
      method: "chat.postMessage",
      channel: CHANNEL,
      payload: { text: "dopo" },
    });
    await expect(h.runtime.ctx.outbox.idle(1500)).rejects.toThrow("not idle");
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(0);
    await h.runtime.ctx.outbox.idle(10_000);
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(1);
  }, 20_000);
});
