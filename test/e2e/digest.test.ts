import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import { catchUpDigest } from "../../src/jobs/digest-job";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

type Block = {
  type: string;
  text?: { text: string };
  elements?: { text: string }[];
  accessory?: { action_id: string; options: { value: string }[] };
};

/** Monday 2 March 2026: Rossi broke a promise on Thursday, Bianchi promised for Saturday, Verdi has a callback. */
async function seed(db: Db) {
  await db.teamMember.create({ data: { slackUserId: "U0ADMIN", name: "Giulia Ferri", role: "admin" } });
  const rossi = await db.customer.create({ data: { code: "C001", name: "Rossi Edilizia Srl" } });
  const bianchi = await db.customer.create({ data: { code: "C002", name: "Bianchi & Figli Snc" } });
  const verdi = await db.customer.create({ data: { code: "C003", name: "Verdi Arredamenti" } });
  const invoice = (customerId: number, number: string, dueDate: string, cents: number) =>
    db.invoice.create({
      data: { customerId, number, issueDate: "2025-12-01", dueDate, amountCents: cents, openCents: cents },
    });
  await invoice(rossi.id, "2026/001", "2026-01-10", 1_250_000);
  await invoice(bianchi.id, "2026/002", "2026-02-01", 480_000);
  await invoice(verdi.id, "2026/003", "2026-02-14", 95_000);
  await db.interaction.create({
    data: {
      customerId: rossi.id,
      channel: "phone",
      outcome: "promise",
      date: "2026-02-20",
      occurredAt: new Date("2026-02-20T10:00:00+01:00"),
    },
  });
  await db.paymentPromise.create({
    data: {
      customerId: rossi.id,
      amountCents: 500_000,
      dueDate: "2026-02-26",
      createdAt: new Date("2026-02-20T10:00:00+01:00"),
    },
  });
  await db.paymentPromise.create({
    data: { customerId: bianchi.id, amountCents: 480_000, dueDate: "2026-02-28" },
  });
  await db.callback.create({
    data: {
      customerId: verdi.id,
      date: "2026-03-02",
      time: "10:30",
      at: new Date("2026-03-02T10:30:00+01:00"),
    },
  });
  return { rossi, bianchi, verdi };
}

describe("the morning digest", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("posts the day's tasks once; a second run the same day updates the message", async () => {
    h = await startHarness({ now: "2026-03-02T08:30:00+01:00" });
    await seed(h.runtime.ctx.db);
    await catchUpDigest(h.runtime.ctx);
    await h.runtime.ctx.outbox.idle();
    const posts = h.slack
      .callsOf("chat.postMessage")
      .filter((c) => c.args.channel === CHANNEL && !c.args.thread_ts);
    expect(posts).toHaveLength(1);
    const blocks = posts[0]!.args.blocks as Block[];
    expect(blocks[0]!.text!.text).toBe("Recupero crediti · lunedì 2 marzo");
    const text = blocks.map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(" ") ?? "").join("\n");
    // broken promise first, then the promise due on Saturday (Monday covers the weekend), then the callback
    expect(text.indexOf("Promesse non mantenute")).toBeLessThan(text.indexOf("Promesse da verificare"));
    expect(text.indexOf("Promesse da verificare")).toBeLessThan(text.indexOf("Richiamate di oggi"));
    // one entry per customer: the amount is the customer's overdue, the promise's amount is labelled
    expect(text).toContain("*Rossi Edilizia Srl* · € 12.500,00 scaduti da 51 gg");
    expect(text).toContain("Promessa di € 5.000,00 del 26 feb non mantenuta");
    expect(text.match(/10:30/g)).toHaveLength(1);
    expect(text).toContain("Richiamare alle 10:30");
    expect(text).toContain("Comprende anche i giorni dal 28 feb");
    expect(posts[0]!.args.text).toContain("Recupero crediti · lunedì 2 marzo");
    const broken = await h.runtime.ctx.db.paymentPromise.findFirstOrThrow({
      where: { dueDate: "2026-02-26" },
    });
    expect(broken.status).toBe("broken");

    // running the job again (or a restart after posting) does not post again
    expect(await catchUpDigest(h.runtime.ctx)).toBe(false);
    h.clock.set("2026-03-02T11:00:00+01:00");
    await h.requester.command("U0ADMIN", "/credito", "riepilogo");
    await h.runtime.ctx.outbox.idle();
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.update"));
    expect(h.slack.callsOf("chat.postMessage").filter((c) => !c.args.thread_ts)).toHaveLength(1);
    const update = h.slack.callsOf("chat.update")[0]!;
    expect(update.args.ts).toBe(posts[0]!.args.ts ?? "1700000000.000001");
    expect(await h.runtime.ctx.db.digest.count()).toBe(1);
  });

  it("sends the newest version when the first post failed, instead of updating a message that does not exist", async () => {
    h = await startHarness({ now: "2026-03-02T08:30:00+01:00" });
    await seed(h.runtime.ctx.db);
    h.slack.failNext("chat.postMessage", { error: "not_in_channel" });
    await catchUpDigest(h.runtime.ctx);
    await h.runtime.ctx.outbox.idle();
    const first = await h.runtime.ctx.db.outboxMessage.findUniqueOrThrow({
      where: { dedupeKey: "digest:2026-03-02:0" },
    });
    expect(first).toMatchObject({ status: "failed", lastError: "not_in_channel" });
    // the admin invites the bot and asks again
    await h.requester.command("U0ADMIN", "/credito", "riepilogo");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage"));
    await h.runtime.ctx.outbox.idle();
    expect(h.slack.callsOf("chat.update")).toHaveLength(0);
    expect(await h.runtime.ctx.db.digest.findFirstOrThrow()).toMatchObject({ ts: "1700000000.000001" });
  });

  it("posts nothing on weekends and holidays, and catches up at start-up only after the scheduled time", async () => {
    h = await startHarness({ now: "2026-04-06T09:00:00+02:00" }); // Easter Monday
    await seed(h.runtime.ctx.db);
    expect(await catchUpDigest(h.runtime.ctx)).toBe(false);
    h.clock.set("2026-03-07T09:00:00+01:00"); // Saturday
    expect(await catchUpDigest(h.runtime.ctx)).toBe(false);
    h.clock.set("2026-03-03T08:00:00+01:00"); // Tuesday, before 08:30
    expect(await catchUpDigest(h.runtime.ctx)).toBe(false);
    h.clock.set("2026-03-03T09:15:00+01:00"); // the bot was down at 08:30
    expect(await catchUpDigest(h.runtime.ctx)).toBe(true);
    await h.runtime.ctx.outbox.idle();
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("puts what does not fit in 50 blocks in the thread, never dropping a task, and updates it on re-run", async () => {
    h = await startHarness({ now: "2026-03-02T08:30:00+01:00" });
    const db = h.runtime.ctx.db;
    for (let i = 1; i <= 70; i++) {
      const c = await db.customer.create({
        data: { code: `K${i}`, name: `Cliente ${String(i).padStart(2, "0")} Srl` },
      });
      await db.invoice.create({
        data: {
          customerId: c.id,
          number: `F${i}`,
          issueDate: "2025-11-01",
          dueDate: "2026-01-20",
          amountCents: 100_000 + i,
          openCents: 100_000 + i,
        },
      });
    }
    // the smallest customer has a write-off waiting for the owner: the decision still leads, in the channel
    const last = await db.customer.findUniqueOrThrow({ where: { code: "K1" } });
    const kase = await db.case.create({ data: { customerId: last.id, openedOn: "2026-02-20" } });
    await db.approvalRequest.create({
      data: { caseId: kase.id, kind: "write_off", requestedOn: "2026-02-27" },
    });
    await catchUpDigest(h.runtime.ctx);
    await h.runtime.ctx.outbox.idle();
    const posts = h.slack.callsOf("chat.postMessage").filter((p) => p.args.channel === CHANNEL);
    expect(posts.length).toBeGreaterThan(1);
    const firstEntry = (posts[0]!.args.blocks as Block[]).find((b) => b.accessory)!;
    expect(firstEntry.text!.text).toContain("*Cliente 01 Srl*");
    expect(firstEntry.text!.text).toContain("✍️ Richiesta di passaggio a perdita");
    for (const p of posts.slice(1)) expect(JSON.stringify(p.args.blocks)).not.toContain("✍️ Richiesta");
    const [main, ...thread] = posts;
    for (const p of posts) expect((p.args.blocks as Block[]).length).toBeLessThanOrEqual(50);
    for (const p of thread) expect(p.args.thread_ts).toBe(main!.args.ts ?? "1700000000.000001");
    // one entry per customer (each has a reminder step and a credit line to suspend: two tasks, one entry)
    const taskBlocks = posts.flatMap((p) => (p.args.blocks as Block[]).filter((b) => b.accessory));
    const digest = await db.digest.findFirstOrThrow();
    expect(digest.taskCount).toBe(141);
    expect(taskBlocks).toHaveLength(70);
    expect(new Set(taskBlocks.map((b) => b.text!.text.split("*")[1])).size).toBe(70);
    for (const b of taskBlocks) expect(b.text!.text.split("\n").length).toBeLessThanOrEqual(2);

    h.slack.clear();
    await h.requester.command("U0ADMIN", "/credito", "riepilogo");
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "chat.update").length === posts.length);
    await h.runtime.ctx.outbox.idle();
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("lets a collector take, snooze and mark a task from its menu", async () => {
    h = await startHarness({ now: "2026-03-02T08:30:00+01:00" });
    const { rossi, verdi } = await seed(h.runtime.ctx.db);
    await catchUpDigest(h.runtime.ctx);
    await h.runtime.ctx.outbox.idle();
    const main = h.slack.callsOf("chat.postMessage")[0]!;
    const menu = (main.args.blocks as Block[]).find((b) => b.text?.text.includes("Rossi"))!.accessory!;
    const click = (value: string) =>
      h.requester.interaction({
        type: "block_actions",
        user: { id: "U0ADMIN" },
        trigger_id: h.requester.newTriggerId(),
        channel: { id: CHANNEL },
        container: { type: "message", message_ts: "1700000000.000001", channel_id: CHANNEL },
        response_url: h.slack.responseUrl("digest"),
        actions: [
          {
            type: "overflow",
            action_id: menu.action_id,
            block_id: "b",
            selected_option: { value },
            action_ts: "1",
          },
        ],
      });
    expect((await click(`assign:${rossi.id}`)).status).toBe(200);
    await h.slack.waitFor((calls) =>
      calls.some((c) => c.method === "response_url" && String(c.args.text).includes("assegnato a te")),
    );
    const kase = await h.runtime.ctx.db.case.findFirstOrThrow({
      where: { customerId: rossi.id },
      include: { assignee: true },
    });
    expect(kase.assignee?.slackUserId).toBe("U0ADMIN");

    await click(`log:${rossi.id}`);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    const filled = h.slack.callsOf("views.update")[0]!.args.view as { callback_id: string; blocks: Block[] };
    expect(JSON.stringify(filled.blocks)).toContain("Rossi Edilizia Srl");

    h.slack.clear();
    await click(`snooze:${verdi.id}`);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open"));
    const bad = await h.requester.interaction({
      type: "view_submission",
      user: { id: "U0ADMIN" },
      view: {
        callback_id: "digest_snooze",
        private_metadata: JSON.stringify({ customerId: verdi.id }),
        state: { values: { snooze_until: { until: { type: "datepicker", selected_date: "2026-02-27" } } } },
      },
    });
    expect(bad.json).toMatchObject({
      response_action: "errors",
      errors: { snooze_until: "Scegli una data futura." },
    });
    const good = await h.requester.interaction({
      type: "view_submission",
      user: { id: "U0ADMIN" },
      view: {
        callback_id: "digest_snooze",
        private_metadata: JSON.stringify({ customerId: verdi.id }),
        state: { values: { snooze_until: { until: { type: "datepicker", selected_date: "2026-03-09" } } } },
      },
    });
    expect(good.status).toBe(200);
    await h.slack.waitFor((calls) =>
      calls.some((c) => c.method === "chat.postMessage" && c.args.channel === "U0ADMIN"),
    );
    const snoozed = await h.runtime.ctx.db.case.findFirstOrThrow({ where: { customerId: verdi.id } });
    expect(snoozed.snoozedUntil).toBe("2026-03-09");
    const audit = await h.runtime.ctx.db.auditEntry.findMany({ where: { customerId: verdi.id } });
    expect(audit.map((a) => a.action)).toContain("case_snoozed");
  });
});
