import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { today } from "../../src/context";
import { withDate } from "../../src/domain/italian";
import { renderReason } from "../../src/i18n/tasks";
import { requestApproval } from "../../src/services/cases/approvals";
import { closeSettledCases } from "../../src/services/cases/case-lifecycle";
import { buildDigest, postDigest } from "../../src/services/digest/digest";
import { importFiles } from "../../src/services/imports/import";
import { ADMIN, allText, OWNER, SALES, seedCase, submitView, threadPosts, until } from "../support/cases";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

type Block = {
  type: string;
  text?: { text: string };
  accessory?: { action_id: string; options: { value: string }[] };
  elements?: { action_id?: string }[];
};

const DM = "D0OWNER";

describe("decisions followed through (issue 13)", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness(); // Monday 2 March 2026: Rossi owes € 3.500,00, 60 days overdue
  });
  afterEach(async () => {
    await h.close();
  });
  const ctx = () => h.runtime.ctx;
  const db = () => h.runtime.ctx.db;

  async function askSettlement(caseId: number) {
    const r = await db().$transaction((tx) =>
      requestApproval(
        ctx(),
        tx,
        {
          caseId,
          kind: "settlement",
          amountCents: 200000,
          writeOffCents: 150000,
          terms: "Bonifico unico entro il 13/03",
          requestedBySlackId: ADMIN,
        },
        today(ctx()),
      ),
    );
    ctx().outbox.kick();
    await ctx().outbox.idle();
    return r.id;
  }

  function clickIn(channel: string, user: string, actionId: string, value: string, ts: string) {
    return h.requester.interaction({
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T0DEMO" },
      trigger_id: h.requester.newTriggerId(),
      channel: { id: channel, name: "dm" },
      container: { type: "message", message_ts: ts, channel_id: channel, is_ephemeral: false },
      message: { type: "message", ts, text: "" },
      response_url: h.slack.responseUrl("dm"),
      actions: [
        { type: "button", action_id: actionId, block_id: "b1", value, action_ts: "1700000001.000000" },
      ],
    });
  }

  function digestMenu(user: string, actionId: string, value: string) {
    return h.requester.interaction({
      type: "block_actions",
      user: { id: user },
      trigger_id: h.requester.newTriggerId(),
      channel: { id: CHANNEL },
      container: { type: "message", message_ts: "1700000000.000001", channel_id: CHANNEL },
      response_url: h.slack.responseUrl("digest"),
      actions: [
        { type: "overflow", action_id: actionId, block_id: "b", selected_option: { value }, action_ts: "1" },
      ],
    });
  }

  async function importPayment(date: string, cents: string) {
    const csv = `Data pagamento,Codice cliente,Numero fattura,Importo,Modalità,Riferimento\n${date},C001,,"${cents}",Bonifico,CRO 9\n`;
    const s = await importFiles(
      ctx(),
      [{ name: "pagamenti.csv", bytes: Buffer.from(csv) }],
      {},
      { actor: "t" },
    );
    expect(s.written).toBe(true);
    await closeSettledCases(ctx(), today(ctx()));
    await ctx().outbox.idle();
  }

  it("an approval reaches the owner by DM with its buttons, leads the digest, and is decided from the DM", async () => {
    const { caseId, parentTs } = await seedCase(h);
    const approvalId = await askSettlement(caseId);
    // the same stage as a settlement logged in the modal
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe("settlement");
    const dm = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === OWNER);
    expect(dm).toBeDefined();
    expect(JSON.stringify(dm!.args.blocks)).toContain("approval_approve");

    await postDigest(ctx(), today(ctx()));
    await ctx().outbox.idle();
    const main = h.slack
      .callsOf("chat.postMessage")
      .filter((c) => c.args.channel === CHANNEL && !c.args.thread_ts)
      .at(-1)!;
    const blocks = main.args.blocks as Block[];
    const entries = blocks.filter((b) => b.accessory);
    // the decision is the first entry, in the channel message (never in the thread continuation)
    expect(entries[0]!.text!.text).toContain("Rossi Forniture SRL");
    expect(entries[0]!.text!.text).toContain(`<@${OWNER}>`);
    expect(blocks.map((b) => b.text?.text ?? "").join("\n")).toMatch(
      /Decisioni in attesa del titolare\* · 1/,
    );

    // the owner approves from the DM: the DM shows the decision, the thread repeats its terms
    expect(
      (await clickIn(DM, OWNER, "approval_approve", String(approvalId), "1700000555.000001")).status,
    ).toBe(200);
    await until(
      async () =>
        (await db().case.findUniqueOrThrow({ where: { id: caseId } })).stage === "settlement_agreed",
    );
    await ctx().outbox.idle();
    const dmUpdate = h.slack.callsOf("chat.update").find((c) => c.args.channel === DM);
    expect(allText(dmUpdate!)).toContain(`Approvata da <@${OWNER}>`);
    const approval = await db().approvalRequest.findUniqueOrThrow({ where: { id: approvalId } });
    expect(approval.messageTs).not.toBe("1700000555.000001");
    expect(approval.dueDate).toBe("2026-03-13");
    const lines = threadPosts(h, parentTs).map((c) => String(c.args.text));
    expect(lines).toContain(
      `✍️ Saldo e stralcio approvato da <@${OWNER}>: incasso € 2.000,00 entro il 13 mar, stralcio di € 1.500,00 a incasso avvenuto.`,
    );

    // the agreement: no agency or lawyer proposal for it, the promise is what the digest follows
    const digest = await buildDigest(ctx(), today(ctx()));
    const rossi = digest.tasks.filter((t) => t.customerCode === "C001").map((t) => t.kind);
    expect(rossi).not.toContain("agency_ready");
    expect(rossi).not.toContain("cadence");

    // paid: the rest is written off (recorded, with its amount) and the case closes as settled
    h.clock.set("2026-03-10T09:00:00+01:00");
    await importPayment("10/03/2026", "2.000,00");
    const closed = await db().case.findUniqueOrThrow({ where: { id: caseId } });
    expect(closed).toMatchObject({ closeReason: "settled", stage: "closed" });
    const writeOff = await db().auditEntry.findFirstOrThrow({
      where: { caseId, action: "invoices.written_off" },
    });
    expect(JSON.parse(writeOff.detail!)).toMatchObject({ cents: 150000, approvalId });
    const after = threadPosts(h, parentTs).map((c) => String(c.args.text));
    expect(after).toContain("💶 Pagamento di € 2.000,00 del 10 mar: restano scaduti € 1.500,00.");
    expect(after.at(-1)).toBe("✅ Pratica chiusa: saldo e stralcio incassato, € 1.500,00 passati a perdita.");
  });

  it("a missed agreement is a broken promise: the case goes back to chasing", async () => {
    const { caseId, parentTs } = await seedCase(h);
    const approvalId = await askSettlement(caseId);
    const owner = h.slack.callsOf("chat.postMessage").find((c) => c.args.channel === OWNER)!;
    await clickIn(
      DM,
      OWNER,
      "approval_approve",
      String(approvalId),
      String(owner.args.ts ?? "1700000555.000002"),
    );
    await until(
      async () =>
        (await db().case.findUniqueOrThrow({ where: { id: caseId } })).stage === "settlement_agreed",
    );
    h.clock.set("2026-03-17T08:30:00+01:00"); // 13 March + 2 days of tolerance have passed
    await postDigest(ctx(), today(ctx()));
    await ctx().outbox.idle();
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe("internal");
    const lines = threadPosts(h, parentTs).map((c) => String(c.args.text));
    expect(lines).toContain(
      `❌ Saldo e stralcio non rispettato: € 2.000,00 non arrivati ${withDate("entro", "2026-03-13")}. L'accordo decade, il sollecito riprende sull'intero scaduto.`,
    );
    const digest = await buildDigest(ctx(), today(ctx()));
    expect(digest.tasks.find((t) => t.customerCode === "C001")?.kind).toBe("broken_promise");
  });

  it("an instalment plan is followed through the same way: no escalation while it runs, a missed instalment restarts chasing", async () => {
    const { caseId, parentTs } = await seedCase(h);
    await h.requester.command(ADMIN, "/credito", "log C001 rate 1.000 6/3 2.500 20/3");
    await until(
      async () => (await db().case.findUniqueOrThrow({ where: { id: caseId } })).stage === "plan_agreed",
    );
    const kinds = async (date: string) =>
      (await buildDigest(ctx(), date)).tasks.filter((t) => t.customerCode === "C001").map((t) => t.kind);
    expect(await kinds("2026-03-03")).not.toContain("agency_ready");
    h.clock.set("2026-03-11T08:30:00+01:00"); // 6 March + 2 days of tolerance have passed, nothing paid
    await postDigest(ctx(), today(ctx()));
    await ctx().outbox.idle();
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe("internal");
    expect(threadPosts(h, parentTs).map((c) => String(c.args.text))).toContain(
      "❌ Piano di rientro non rispettato: la rata di € 1.000,00 non è arrivata entro il 6 mar. Il piano decade, il sollecito riprende sull'intero scaduto.",
    );
    expect(await kinds("2026-03-11")).toContain("broken_promise");
  });

  it("every payment, partial too, gets a line in the case thread and refreshes the parent", async () => {
    const { parentTs } = await seedCase(h);
    h.slack.clear();
    await importPayment("02/03/2026", "500,00");
    const lines = threadPosts(h, parentTs).map((c) => String(c.args.text));
    expect(lines).toEqual(["💶 Pagamento di € 500,00 del 2 mar: restano scaduti € 3.000,00."]);
    expect(h.slack.callsOf("chat.update").some((c) => c.args.ts === parentTs)).toBe(true);
    // a newer scadenzario showing less open is a payment too
    h.slack.clear();
    const csv = [
      "Codice cliente;Ragione sociale;N. documento;Data documento;Data scadenza;Importo;Residuo",
      "C001;Rossi Forniture SRL;FT-101;30/11/2025;01/01/2026;1.000,00;400,00",
      "C001;Rossi Forniture SRL;FT-102;31/12/2025;31/01/2026;2.500,00;2.500,00",
    ].join("\n");
    const s = await importFiles(
      ctx(),
      [{ name: "scadenzario.csv", bytes: Buffer.from(csv) }],
      {},
      { actor: "t" },
    );
    expect(s.written).toBe(true);
    await closeSettledCases(ctx(), today(ctx()));
    await ctx().outbox.idle();
    expect(threadPosts(h, parentTs).map((c) => String(c.args.text))).toEqual([
      "💶 Pagamento di € 100,00 del 2 mar: restano scaduti € 2.900,00.",
    ]);
    // told once
    h.slack.clear();
    await closeSettledCases(ctx(), today(ctx()));
    await ctx().outbox.idle();
    expect(threadPosts(h, parentTs)).toHaveLength(0);
  });

  it("a proposal put off ('non ancora') leaves the digest until its date; refused it does not come back", async () => {
    const { customerId, parentTs } = await seedCase(h);
    await postDigest(ctx(), today(ctx()));
    await ctx().outbox.idle();
    const main = h.slack
      .callsOf("chat.postMessage")
      .find(
        (c) =>
          c.args.channel === CHANNEL &&
          !c.args.thread_ts &&
          String(c.args.text).startsWith("Recupero crediti"),
      )!;
    const entry = (main.args.blocks as Block[]).find((b) => b.text?.text.includes("Rossi"))!;
    expect(entry.text!.text).toContain("🏢 dossier pronto per l'agenzia");
    expect(entry.text!.text.split("\n")).toHaveLength(2);
    const option = entry.accessory!.options.find((o) => o.value === `notyet:${customerId}:agency`);
    expect(option).toBeDefined();
    await digestMenu(ADMIN, entry.accessory!.action_id, option!.value);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open"));
    const view = h.slack.callsOf("views.open")[0]!.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    const past = await submitView(h, ADMIN, view.callback_id, view.private_metadata, {
      not_yet_until: { until: { type: "datepicker", selected_date: "2026-03-01" } },
    });
    expect(past.json).toMatchObject({ response_action: "errors" });
    const ok = await submitView(h, ADMIN, view.callback_id, view.private_metadata, {
      not_yet_until: { until: { type: "datepicker", selected_date: "2026-03-16" } },
      not_yet_reason: { reason: { type: "plain_text_input", value: "Aspettiamo la banca" } },
    });
    expect(ok.status).toBe(200);
    await until(async () => (await db().proposalDeferral.count()) === 1);
    await ctx().outbox.idle();
    expect(
      threadPosts(h, parentTs)
        .map((c) => String(c.args.text))
        .join("\n"),
    ).toContain(
      "⏸️ Agenzia: non ancora, per <@UADMIN>; torna nel riepilogo di lunedì 16 marzo. _Aspettiamo la banca_",
    );
    const kinds = async (date: string) =>
      (await buildDigest(ctx(), date)).tasks.filter((t) => t.customerId === customerId).map((t) => t.kind);
    expect(await kinds("2026-03-03")).not.toContain("agency_ready");
    expect(await kinds("2026-03-16")).toContain("agency_ready");
    // refused (no date): not proposed again for this case
    await submitView(h, ADMIN, view.callback_id, view.private_metadata, {});
    await until(async () => (await db().proposalDeferral.count()) === 2);
    expect(await kinds("2026-03-16")).not.toContain("agency_ready");
    expect(await kinds("2026-05-04")).not.toContain("agency_ready");
  });

  it("a hard step for a 🤝 customer waits for the salesperson's ok or objection", async () => {
    const { customerId } = await seedCase(h, { preserve: true });
    // the courtesy call, the email and the second call were done: the PEC is next
    for (const [date, channel] of [
      ["2026-01-05", "phone"],
      ["2026-01-12", "email"],
      ["2026-01-20", "phone"],
    ] as const) {
      await db().interaction.create({
        data: {
          customerId,
          channel,
          outcome: "not_reached",
          date,
          occurredAt: new Date(`${date}T10:00:00+01:00`),
        },
      });
    }
    const first = (await buildDigest(ctx(), today(ctx()))).tasks.find((t) => t.kind === "cadence")!;
    expect(first).toMatchObject({ awaitingSales: true, stepDay: 30, channel: null });
    expect(first.notifySlackIds).toEqual([SALES]);
    await postDigest(ctx(), today(ctx()));
    await ctx().outbox.idle();
    const main = h.slack
      .callsOf("chat.postMessage")
      .find(
        (c) =>
          c.args.channel === CHANNEL &&
          !c.args.thread_ts &&
          String(c.args.text).startsWith("Recupero crediti"),
      )!;
    const entry = (main.args.blocks as Block[]).find((b) => b.text?.text.includes("Rossi"))!;
    const ok = entry.accessory!.options.find((o) => o.value.startsWith("salesok:"))!;
    // someone else than the salesperson (or an admin) is refused
    await db().teamMember.create({ data: { slackUserId: "USALES2", name: "Altro", role: "sales" } });
    await digestMenu("USALES2", entry.accessory!.action_id, ok.value);
    await until(() =>
      h.slack.callsOf("response_url").some((c) => String(c.args.text).includes("Solo il commerciale")),
    );
    expect(await db().stepClearance.count()).toBe(0);
    await digestMenu(SALES, entry.accessory!.action_id, ok.value);
    await until(async () => (await db().stepClearance.count()) === 1);
    const next = (await buildDigest(ctx(), today(ctx()))).tasks.find((t) => t.kind === "cadence")!;
    expect(next).toMatchObject({ channel: "pec", stepDay: 30 });
    expect(renderReason(next.reason, "it")).toContain("ok di Sara Commerciale");
  });
});
