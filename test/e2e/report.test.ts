import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import { runWeeklyReportJob } from "../../src/jobs/report-job";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

type Block = {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text: string }[];
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function blockText(blocks: Block[]): string {
  return blocks
    .map((b) =>
      [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)]
        .filter(Boolean)
        .join("\n"),
    )
    .join("\n");
}

/**
 * Monday 16 November 2026. Rossi's € 1.000 invoice fell due on 18 August (90 days end on 16 November) and was
 * paid € 600 on 20 October after Giulia's call of 15 October; Bianchi has € 2.000 due 1 November, a credit hold
 * and a promise for 10 November (obtained by Giulia on 3 November) that was broken; Verdi is at the lawyer with € 500 over 90 days.
 */
async function seed(db: Db) {
  const giulia = await db.teamMember.create({
    data: { slackUserId: "U0ADMIN", name: "Giulia Ferri", role: "admin" },
  });
  await db.teamMember.create({ data: { slackUserId: "U0OWNER", name: "Roberto Galli", role: "owner" } });
  const rossi = await db.customer.create({ data: { code: "C001", name: "Rossi Edilizia Srl" } });
  const bianchi = await db.customer.create({
    data: { code: "C002", name: "Bianchi & Figli Snc", creditHold: true },
  });
  const verdi = await db.customer.create({ data: { code: "C003", name: "Verdi Arredamenti" } });
  const r1 = await db.invoice.create({
    data: {
      customerId: rossi.id,
      number: "2026/101",
      issueDate: "2026-07-01",
      dueDate: "2026-08-18",
      amountCents: 100_000,
      openCents: 40_000,
    },
  });
  await db.invoice.create({
    data: {
      customerId: bianchi.id,
      number: "2026/102",
      issueDate: "2026-10-01",
      dueDate: "2026-11-01",
      amountCents: 200_000,
      openCents: 200_000,
    },
  });
  await db.invoice.create({
    data: {
      customerId: verdi.id,
      number: "2026/103",
      issueDate: "2026-06-01",
      dueDate: "2026-07-01",
      amountCents: 50_000,
      openCents: 50_000,
    },
  });
  await db.invoice.create({
    data: {
      customerId: rossi.id,
      number: "2026/140",
      issueDate: "2026-11-05",
      dueDate: "2026-12-31",
      amountCents: 300_000,
      openCents: 300_000,
    },
  });
  await db.payment.create({
    data: { customerId: rossi.id, invoiceId: r1.id, date: "2026-10-20", amountCents: 60_000 },
  });
  const call = await db.interaction.create({
    data: {
      customerId: rossi.id,
      memberId: giulia.id,
      channel: "phone",
      outcome: "promise",
      date: "2026-10-15",
      occurredAt: new Date("2026-10-15T10:00:00+02:00"),
    },
  });
  await db.paymentPromise.create({
    data: {
      customerId: rossi.id,
      interactionId: call.id,
      amountCents: 60_000,
      dueDate: "2026-10-20",
      status: "kept",
      paidCents: 60_000,
    },
  });
  const visit = await db.interaction.create({
    data: {
      customerId: bianchi.id,
      memberId: giulia.id,
      channel: "phone",
      outcome: "promise",
      date: "2026-11-03",
      occurredAt: new Date("2026-11-03T10:00:00+01:00"),
    },
  });
  await db.paymentPromise.create({
    data: {
      customerId: bianchi.id,
      interactionId: visit.id,
      amountCents: 100_000,
      dueDate: "2026-11-10",
      status: "broken",
    },
  });
  await db.case.create({ data: { customerId: verdi.id, stage: "legal", openedOn: "2026-08-01" } });
}

describe("/credito report", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("acks at once, posts the report in the channel and uploads three charts in its thread", async () => {
    h = await startHarness({ now: "2026-11-16T10:00:00+01:00" });
    await seed(h.runtime.ctx.db);
    const res = await h.requester.command("U0OWNER", "/credito", "report mese");
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await h.slack.waitFor(
      (calls) => calls.filter((c) => c.method === "files.completeUploadExternal").length === 3,
      15_000,
    );
    await h.runtime.ctx.outbox.idle();

    const working = h.slack.callsOf("response_url");
    expect(working.map((c) => c.args.text)).toContain("📊 Preparo il report: arriva nel canale tra poco.");
    const posts = h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === CHANNEL);
    expect(posts).toHaveLength(1);
    const blocks = posts[0]!.args.blocks as Block[];
    expect(blocks[0]!.text!.text).toBe("📊 Report crediti · novembre 2026");
    const text = blockText(blocks);
    // cohort: Rossi's invoice (90 days end 16 Nov): € 600 of € 1.000 = 60% -> above the 40% target
    expect(text).toContain("*Recuperato entro 90 gg*\n✅ *60%* · _obiettivo > 40%_");
    expect(text).toContain("€ 600,00 su € 1.000,00 scaduti (1 fattura)");
    // promises due in November: Bianchi's broken one
    expect(text).toContain("✅ 0 mantenute · ◐ 0 in parte · ❌ 1 non mantenute · ⏳ 0 aperte");
    expect(text).toContain("*⛔ Fido sospeso*\n€ 2.000,00");
    expect(text).toContain("*⚖️ Al legale*\n€ 500,00");
    // days overdue on 16 Nov: Rossi 90, Bianchi 15, Verdi 138 -> 81 plain; by amount 13.500.000 / 290.000 = 46,55
    expect(text).toContain("81 gg (46,6 gg pesati sull'importo)");
    // DSO over the 90 days to 16 Nov: open 5.900 / sales 5.000 (1 Oct, 5 Nov) x 90 = 106,2
    expect(text).toContain("*DSO*\n106,2 giorni");
    expect(text).toContain("61-90 gg: *€ 400,00* (1 fattura)");
    expect(text).toContain("Oltre 90 gg: *€ 500,00* (1 fattura)");
    expect(text).toContain("1-30 gg: *€ 2.000,00* (1 fattura)");
    expect(text).toContain("*Giulia Ferri*: 1 contatto · 1 promessa (€ 1.000,00) · incassato € 0,00");
    expect(String(posts[0]!.args.text)).toContain("📊 Report crediti · novembre 2026");

    const reportTs = "1700000000.000001";
    const asked = h.slack.callsOf("files.getUploadURLExternal");
    const uploads = h.slack.callsOf("upload");
    const completed = h.slack.callsOf("files.completeUploadExternal");
    expect(asked).toHaveLength(3);
    expect(uploads).toHaveLength(3);
    for (const [i, c] of completed.entries()) {
      expect(c.args.channel_id).toBe(CHANNEL);
      expect(c.args.thread_ts).toBe(reportTs);
      const [file] = c.args.files as { id: string; title: string }[];
      expect(file!.id).toBe(uploads[i]!.args.fileId);
      const bytes = h.slack.uploads.get(file!.id)!;
      expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([800, 500]);
      expect(Number(asked[i]!.args.length)).toBe(bytes.length);
    }
    expect(completed.map((c) => (c.args.files as { title: string }[])[0]!.title)).toEqual([
      "Scaduto per anzianità",
      "Incassato sullo scaduto, per mese",
      "Promesse in scadenza nel periodo",
    ]);
    // the charts come after the message they belong to
    const at = (m: string) => h.slack.calls.findIndex((c) => c.method === m);
    expect(at("chat.postMessage")).toBeLessThan(at("files.getUploadURLExternal"));
  });

  it("retries an upload refused with 429 or 500 until it goes through", async () => {
    h = await startHarness({ now: "2026-11-16T10:00:00+01:00" });
    await seed(h.runtime.ctx.db);
    h.slack.failNext("files.getUploadURLExternal", { status: 429, retryAfter: 1 });
    h.slack.failNext("files.completeUploadExternal", { status: 500 });
    await h.requester.command("U0OWNER", "/credito", "report settimana");
    await h.slack.waitFor(
      (calls) => calls.filter((c) => c.method === "files.completeUploadExternal").length === 3,
      15_000,
    );
    await h.runtime.ctx.outbox.idle();
    expect(h.slack.callsOf("files.getUploadURLExternal:failed")).toHaveLength(1);
    expect(h.slack.callsOf("files.completeUploadExternal:failed")).toHaveLength(1);
    const header = (h.slack.callsOf("chat.postMessage")[0]!.args.blocks as Block[])[0]!.text!.text;
    expect(header).toBe("📊 Report crediti · settimana 16 nov – 16 nov");
    const rows = await h.runtime.ctx.db.outboxMessage.findMany({ where: { method: "files.upload" } });
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("answers a period it does not understand with the usage, and posts nothing", async () => {
    h = await startHarness({ now: "2026-11-16T10:00:00+01:00" });
    await seed(h.runtime.ctx.db);
    const res = await h.requester.command("U0OWNER", "/credito", "report anno");
    expect(res.json).toMatchObject({
      response_type: "ephemeral",
      text: expect.stringContaining("/credito report settimana"),
    });
    const future = await h.requester.command("U0OWNER", "/credito", "report mese 2027-01");
    expect(future.json).toMatchObject({ response_type: "ephemeral" });
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });
});

describe("the Monday report and App Home", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("posts last week's report once, however often the job runs", async () => {
    h = await startHarness({ now: "2026-11-16T08:45:00+01:00" });
    await seed(h.runtime.ctx.db);
    await runWeeklyReportJob(h.runtime.ctx);
    await runWeeklyReportJob(h.runtime.ctx);
    await h.runtime.ctx.outbox.idle();
    await h.slack.waitFor(
      (calls) => calls.filter((c) => c.method === "files.completeUploadExternal").length === 3,
      15_000,
    );
    const posts = h.slack.callsOf("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect((posts[0]!.args.blocks as Block[])[0]!.text!.text).toBe(
      "📊 Report crediti · settimana 9 nov – 15 nov",
    );
    const text = blockText(posts[0]!.args.blocks as Block[]);
    expect(text).toContain("❌ 1 non mantenute");
    expect(
      await h.runtime.ctx.db.outboxMessage.count({
        where: { dedupeKey: { startsWith: "report:week:2026-11-09" } },
      }),
    ).toBe(4);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.slack.callsOf("files.completeUploadExternal")).toHaveLength(3);
  });

  it("shows the month's figures on App Home under the team's position", async () => {
    h = await startHarness({ now: "2026-11-16T10:00:00+01:00" });
    await seed(h.runtime.ctx.db);
    await h.requester.event(
      { type: "app_home_opened", user: "U0OWNER", tab: "home", channel: "D0OWNER" },
      "EvReportHome1",
    );
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.publish"));
    const view = h.slack.callsOf("views.publish")[0]!.args.view as { blocks: Block[] };
    const text = blockText(view.blocks);
    expect(text).toContain("La posizione del team");
    expect(text).toContain("📊 Indicatori · novembre 2026");
    expect(text).toContain("✅ *60%* · _obiettivo > 40%_");
    expect(text).toContain("61-90 gg: *€ 400,00* (1 fattura)");
    expect(text).toContain("Oltre 90 gg: *€ 500,00* (1 fattura)");
  });
});
