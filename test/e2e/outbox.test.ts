import { afterEach, describe, expect, it } from "vitest";
import { postToCase } from "../../src/services/cases/cases";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

describe("the outbox", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("delivers exactly once when Slack first answers 429 with Retry-After 1", async () => {
    h = await startHarness();
    h.slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const started = Date.now();
    const id = await h.runtime.ctx.outbox.send({
      method: "chat.postMessage",
      channel: CHANNEL,
      payload: { text: "Buongiorno" },
    });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage"), 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    await h.runtime.ctx.outbox.idle();
    await new Promise((r) => setTimeout(r, 300));
    expect(h.slack.callsOf("chat.postMessage:failed")).toHaveLength(1);
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(1);
    const row = await h.runtime.ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "sent", attempts: 2, resultTs: "1700000000.000001" });
  });

  it("keeps a message while Slack is down across a bot restart, then delivers it once", async () => {
    h = await startHarness();
    await h.slack.down();
    await h.runtime.ctx.outbox.send({
      method: "chat.postMessage",
      channel: CHANNEL,
      payload: { text: "Tieni duro" },
    });
    // the first attempt fails on the refused connection; the message stays pending
    const db = h.runtime.ctx.db;
    for (let i = 0; i < 100; i++) {
      const row = await db.outboxMessage.findFirstOrThrow();
      if (row.attempts > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "pending" });
    await h.slack.up();
    await h.restart();
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage"), 8000);
    await new Promise((r) => setTimeout(r, 1200));
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(1);
    expect(await h.runtime.ctx.db.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "sent" });
  });

  it("retries at once when Slack answers 429 with Retry-After 0", async () => {
    h = await startHarness();
    h.slack.failNext("chat.postMessage", { status: 429, retryAfter: 0 });
    await h.runtime.ctx.outbox.send({
      method: "chat.postMessage",
      channel: CHANNEL,
      payload: { text: "subito" },
    });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage"), 3000);
    expect(h.slack.callsOf("chat.postMessage:failed")).toHaveLength(1);
  });

  it("gives up an update whose message was never posted, after waiting for it", async () => {
    h = await startHarness();
    const db = h.runtime.ctx.db;
    const id = await h.runtime.ctx.outbox.enqueue({
      method: "chat.update",
      channel: CHANNEL,
      payload: { text: "aggiornato" },
      anchor: { digestDate: "2026-03-02" },
    });
    h.runtime.ctx.outbox.kick();
    for (
      let i = 0;
      i < 100 && (await db.outboxMessage.findUniqueOrThrow({ where: { id } })).attempts === 0;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "pending",
      attempts: 1,
    });
    // the last allowed wait is over
    await db.outboxMessage.update({ where: { id }, data: { attempts: 11, nextAttemptAt: new Date() } });
    h.runtime.ctx.outbox.kick();
    await h.runtime.ctx.outbox.idle();
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "failed",
      attempts: 12,
    });
    expect(h.slack.callsOf("chat.update")).toHaveLength(0);
  });

  it("tries a case's parent message again, with its current content, when Slack refused it before", async () => {
    h = await startHarness();
    const ctx = h.runtime.ctx;
    const customer = await ctx.db.customer.create({ data: { code: "C1", name: "Rossi Srl" } });
    const kase = await ctx.db.case.create({ data: { customerId: customer.id, openedOn: "2026-03-02" } });
    h.slack.failNext("chat.postMessage", { error: "not_in_channel" });
    await postToCase(ctx, kase.id, { text: "prima nota" }, "2026-03-02");
    ctx.outbox.kick();
    await ctx.outbox.idle();
    const parentRow = await ctx.db.outboxMessage.findUniqueOrThrow({
      where: { dedupeKey: `case-parent:${kase.id}` },
    });
    expect(parentRow.status).toBe("failed");
    // the bot is invited; the next line brings the parent back first
    await postToCase(ctx, kase.id, { text: "seconda nota" }, "2026-03-02");
    ctx.outbox.kick();
    await ctx.outbox.idle();
    const posts = h.slack.callsOf("chat.postMessage");
    const parent = posts.find((p) => !p.args.thread_ts && String(p.args.text).includes("Rossi Srl"));
    expect(parent).toBeDefined();
    const reply = posts.find((p) => p.args.text === "seconda nota");
    expect(reply?.args.thread_ts).toBe(
      (await ctx.db.case.findUniqueOrThrow({ where: { id: kase.id } })).threadTs,
    );
  });

  it("does not retry a permanent error and records it", async () => {
    h = await startHarness();
    h.slack.failNext("chat.postMessage", { error: "channel_not_found" });
    const id = await h.runtime.ctx.outbox.send({
      method: "chat.postMessage",
      channel: "CNOPE",
      payload: { text: "x" },
    });
    await h.runtime.ctx.outbox.idle();
    const row = await h.runtime.ctx.db.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "failed", lastError: "channel_not_found", attempts: 1 });
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("retries a 5xx with backoff and keeps per-channel order", async () => {
    h = await startHarness();
    h.slack.failNext("chat.postMessage", { status: 503 });
    const outbox = h.runtime.ctx.outbox;
    await outbox.send({ method: "chat.postMessage", channel: CHANNEL, payload: { text: "primo" } });
    await outbox.send({ method: "chat.postMessage", channel: CHANNEL, payload: { text: "secondo" } });
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "chat.postMessage").length === 2, 5000);
    expect(h.slack.callsOf("chat.postMessage").map((c) => c.args.text)).toEqual(["primo", "secondo"]);
  });

  it("posts a reply in the thread of its case once the parent message exists", async () => {
    h = await startHarness();
    const db = h.runtime.ctx.db;
    const customer = await db.customer.create({ data: { code: "C1", name: "Rossi Srl" } });
    const kase = await db.case.create({ data: { customerId: customer.id, openedOn: "2026-03-02" } });
    const outbox = h.runtime.ctx.outbox;
    await outbox.enqueue({
      method: "chat.postMessage",
      channel: CHANNEL,
      payload: { text: "Pratica Rossi" },
      onSent: { kind: "case_parent", caseId: kase.id },
    });
    await outbox.enqueue({
      method: "chat.postMessage",
      channel: CHANNEL,
      payload: { text: "nota" },
      anchor: { caseId: kase.id },
    });
    outbox.kick();
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "chat.postMessage").length === 2);
    const [parent, reply] = h.slack.callsOf("chat.postMessage");
    expect(parent?.args.thread_ts).toBeUndefined();
    expect(reply?.args.thread_ts).toBe("1700000000.000001");
    expect(await db.case.findUniqueOrThrow({ where: { id: kase.id } })).toMatchObject({
      threadTs: "1700000000.000001",
      channelId: CHANNEL,
    });
  });
});
