import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { today } from "../../src/context";
import { withDate } from "../../src/domain/italian";
import { requestApproval } from "../../src/services/cases/approvals";
import { closeCaseIfSettled } from "../../src/services/cases/case-lifecycle";
import { openCase, postToCase } from "../../src/services/cases/cases";
import {
  ADMIN,
  allText,
  click,
  OTHER,
  OWNER,
  SALES,
  seedCase,
  submitView,
  threadPosts,
  until,
} from "../support/cases";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

describe("case threads", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const db = () => h.runtime.ctx.db;
  const ctx = () => h.runtime.ctx;

  async function approvalFor(
    caseId: number,
    kind: "settlement" | "agency" | "legal" | "write_off",
    extra = {},
  ) {
    const r = await db().$transaction((tx) =>
      requestApproval(ctx(), tx, { caseId, kind, requestedBySlackId: ADMIN, ...extra }, today(ctx())),
    );
    ctx().outbox.kick();
    await ctx().outbox.idle();
    const a = await db().approvalRequest.findUniqueOrThrow({ where: { id: r.id } });
    return { ...r, messageTs: a.messageTs as string };
  }

  it("creates the thread once per case and puts every line in it", async () => {
    const { caseId, customerId, parentTs } = await seedCase(h);
    const day = today(ctx());
    await db().$transaction(async (tx) => {
      expect((await openCase(tx, customerId, day)).id).toBe(caseId);
      await postToCase(ctx(), caseId, { text: "📞 Telefonata: promessa di € 500,00 per il 10/03" }, day, tx);
      await postToCase(ctx(), caseId, { text: "✅ Pagamento di € 500,00" }, day, tx);
    });
    ctx().outbox.kick();
    await ctx().outbox.idle();
    const parents = h.slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === undefined);
    expect(parents).toHaveLength(1);
    expect(String(parents[0]?.args.text)).toContain("Rossi Forniture SRL (C001)");
    const lines = threadPosts(h, parentTs).map((c) => c.args.text);
    expect(lines).toEqual(["📞 Telefonata: promessa di € 500,00 per il 10/03", "✅ Pagamento di € 500,00"]);
  });

  it("stores a person's thread message once even when Slack retries the event; ignores bots and other threads", async () => {
    const { caseId, parentTs } = await seedCase(h);
    const event = {
      type: "message",
      channel: CHANNEL,
      user: SALES,
      text: "Ho parlato col titolare, paga venerdì",
      ts: "1700000100.000001",
      thread_ts: parentTs,
      channel_type: "channel",
    };
    expect((await h.requester.event(event, "EvMsg1")).status).toBe(200);
    await until(async () => (await db().caseMessage.count()) === 1);
    expect((await h.requester.event(event, "EvMsg1", { retryNum: 1 })).status).toBe(200);
    // the same message under another event id (a replay) is not stored twice either
    await h.requester.event(event, "EvMsg1-replay");
    await h.requester.event({ ...event, ts: "1700000100.000002", bot_id: "B999", text: "bot" }, "EvBot");
    await h.requester.event({ ...event, ts: "1700000100.000003", thread_ts: "1699999999.000001" }, "EvOther");
    await new Promise((r) => setTimeout(r, 300));
    const stored = await db().caseMessage.findMany();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      caseId,
      slackUserId: SALES,
      ts: "1700000100.000001",
      text: "Ho parlato col titolare, paga venerdì",
    });
    expect(await db().processedEvent.count({ where: { eventId: "EvMsg1" } })).toBe(1);
  });

  it("asks approval in the thread mentioning the owner; a second identical request is not created", async () => {
    const { caseId, parentTs } = await seedCase(h);
    const first = await approvalFor(caseId, "legal");
    expect(first.created).toBe(true);
    const again = await approvalFor(caseId, "legal");
    expect(again).toMatchObject({ id: first.id, created: false });
    const posts = threadPosts(h, parentTs);
    expect(posts).toHaveLength(1);
    const msg = allText(posts[0]!);
    expect(msg).toContain(`<@${OWNER}>`);
    expect(msg).toContain("Passaggio al legale");
    expect(msg).toContain("approval_approve");
    expect(msg).not.toContain("approval_object"); // not a relationship-preservation customer
    expect(await db().auditEntry.count({ where: { caseId, action: "approval.requested" } })).toBe(1);
  });

  it("refuses a non-owner ephemerally and changes nothing", async () => {
    const { caseId } = await seedCase(h);
    const a = await approvalFor(caseId, "legal");
    h.slack.clear();
    for (const user of [ADMIN, SALES, OTHER]) {
      expect((await click(h, user, "approval_approve", String(a.id), a.messageTs)).status).toBe(200);
    }
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "chat.postEphemeral").length === 3);
    await ctx().outbox.idle();
    const eph = h.slack.callsOf("chat.postEphemeral");
    expect(eph.map((c) => c.args.user)).toEqual([ADMIN, SALES, OTHER]);
    expect(eph[0]?.args.text).toBe("Solo il titolare può approvare o respingere questa richiesta.");
    expect(h.slack.callsOf("chat.update")).toHaveLength(0);
    expect(await db().approvalRequest.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "pending",
      decidedById: null,
    });
    expect(await db().case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      stage: "internal",
      closedOn: null,
    });
    // a non-owner cannot reject either: no modal opens
    await click(h, SALES, "approval_reject", String(a.id), a.messageTs);
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "chat.postEphemeral").length === 4);
    expect(h.slack.callsOf("views.open")).toHaveLength(0);
  });

  it("an owner's approval moves the stage, updates the parent and the approval message, and says so in the thread", async () => {
    const { caseId, parentTs } = await seedCase(h);
    const a = await approvalFor(caseId, "agency");
    h.slack.clear();
    await click(h, OWNER, "approval_approve", String(a.id), a.messageTs);
    await until(
      async () => (await db().case.findUniqueOrThrow({ where: { id: caseId } })).stage === "agency",
    );
    await ctx().outbox.idle();
    const approval = await db().approvalRequest.findUniqueOrThrow({
      where: { id: a.id },
      include: { decidedBy: true },
    });
    expect(approval.status).toBe("approved");
    expect(approval.decidedBy?.slackUserId).toBe(OWNER);
    const updates = h.slack.callsOf("chat.update");
    const parentUpdate = updates.filter((u) => u.args.ts === parentTs).at(-1);
    expect(parentUpdate).toBeDefined();
    expect(String(parentUpdate?.args.text)).toContain("Agenzia");
    const approvalUpdate = updates.find((u) => u.args.ts === a.messageTs);
    expect(allText(approvalUpdate!)).toContain(`Approvata da <@${OWNER}> il 02/03/2026`);
    expect(allText(approvalUpdate!)).not.toContain("approval_approve");
    const lines = threadPosts(h, parentTs).map((c) => String(c.args.text));
    expect(lines).toContain(`✍️ Passaggio all'agenzia approvato da <@${OWNER}>.`);
    expect(lines).toContain(`📁 Fase: Recupero interno → Agenzia (<@${OWNER}>)`);
    // the decision followed through: the dossier to forward to the agency, in the case thread
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "files.completeUploadExternal"), 10_000);
    const [upload] = h.slack.callsOf("files.completeUploadExternal");
    expect(upload?.args).toMatchObject({ channel_id: CHANNEL, thread_ts: parentTs });
    expect(String(upload?.args.initial_comment)).toMatch(
      /^📁 Dossier di .+ aggiornato a oggi, da inviare all'agenzia$/,
    );
    // a second click finds it decided, and uploads nothing more
    await click(h, OWNER, "approval_approve", String(a.id), a.messageTs);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    expect(h.slack.callsOf("chat.postEphemeral")[0]?.args.text).toBe("Questa richiesta è già stata decisa.");
    await ctx().outbox.idle();
    expect(h.slack.callsOf("files.completeUploadExternal")).toHaveLength(1);
  });

  it("a rejection asks the reason in a modal and shows it escaped", async () => {
    const { caseId, parentTs } = await seedCase(h);
    const a = await approvalFor(caseId, "settlement", { amountCents: 200000, writeOffCents: 150000 });
    await click(h, OWNER, "approval_reject", String(a.id), a.messageTs);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open"));
    const view = h.slack.callsOf("views.open")[0]?.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.callback_id).toBe("approval_reject");
    const empty = await submitView(h, OWNER, view.callback_id, view.private_metadata, {
      reason: { value: { type: "plain_text_input", value: " " } },
    });
    expect(empty.json).toEqual({
      response_action: "errors",
      errors: { reason: "Scrivi il motivo del rifiuto." },
    });
    const reason = "Troppo poco <!channel> vedi <http://evil.example|qui>";
    const ok = await submitView(h, OWNER, view.callback_id, view.private_metadata, {
      reason: { value: { type: "plain_text_input", value: reason } },
    });
    expect(ok.status).toBe(200);
    await until(
      async () =>
        (await db().approvalRequest.findUniqueOrThrow({ where: { id: a.id } })).status === "rejected",
    );
    await ctx().outbox.idle();
    expect((await db().approvalRequest.findUniqueOrThrow({ where: { id: a.id } })).reason).toBe(reason);
    expect((await db().case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe("internal");
    const line = threadPosts(h, parentTs)
      .map((c) => String(c.args.text))
      .find((t) => t.includes("respinto"));
    expect(line).toBe(
      `✍️ Saldo e stralcio respinto da <@${OWNER}>. Motivo: Troppo poco &lt;!channel&gt; vedi &lt;http://evil.example|qui&gt;. Si torna al sollecito (Recupero interno).`,
    );
    const everything = h.slack.calls.map(allText).join("\n");
    expect(everything).not.toContain("<!channel>");
    expect(everything).not.toContain("<http://evil.example");
  });

  it("mentions the salesperson of a relationship-preservation customer, who can object", async () => {
    const { caseId, parentTs } = await seedCase(h, { preserve: true });
    const a = await approvalFor(caseId, "legal");
    const msg = allText(threadPosts(h, parentTs)[0]!);
    expect(msg).toContain(`🤝 Relazione da preservare: <@${SALES}>`);
    expect(msg).toContain("approval_object");
    h.slack.clear();
    await click(h, OTHER, "approval_object", String(a.id), a.messageTs);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    expect(h.slack.callsOf("chat.postEphemeral")[0]?.args.text).toBe(
      "Solo il commerciale del cliente può obiettare.",
    );
    await click(h, SALES, "approval_object", String(a.id), a.messageTs);
    await until(async () => (await db().auditEntry.count({ where: { action: "approval.objected" } })) === 1);
    await ctx().outbox.idle();
    const line = threadPosts(h, parentTs)
      .map((c) => String(c.args.text))
      .find((t) => t.includes("obietta"));
    expect(line).toBe(
      `🤝 <@${SALES}> obietta alla richiesta «Passaggio al legale». <@${OWNER}>: parlatene prima di decidere.`,
    );
    const update = h.slack.callsOf("chat.update").find((u) => u.args.ts === a.messageTs);
    expect(allText(update!)).toContain(`Obiezione di <@${SALES}>`);
    expect((await db().approvalRequest.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("pending");
  });

  it("a write-off approval closes the case as written off; the parent shows it, the thread gets the final line", async () => {
    const { caseId, customerId, parentTs } = await seedCase(h);
    const a = await approvalFor(caseId, "write_off", { writeOffCents: 350000 });
    await click(h, OWNER, "approval_approve", String(a.id), a.messageTs);
    await until(async () => (await db().case.findUniqueOrThrow({ where: { id: caseId } })).closedOn !== null);
    await ctx().outbox.idle();
    expect(await db().case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      stage: "closed",
      closedOn: "2026-03-02",
      closeReason: "written_off",
    });
    expect(await db().invoice.count({ where: { customerId, status: "written_off" } })).toBe(2);
    const lastParent = h.slack
      .callsOf("chat.update")
      .filter((u) => u.args.ts === parentTs)
      .at(-1);
    expect(String(lastParent?.args.text)).toContain("Pratica chiusa: passata a perdita");
    expect(allText(lastParent!)).not.toContain("log_outcome");
    const lines = threadPosts(h, parentTs).map((c) => String(c.args.text));
    expect(lines.at(-1)).toBe("✅ Pratica chiusa: € 3.500,00 passati a perdita.");
  });

  it("closes a case when paid, or when an approved settlement is collected; a new overdue opens a new case", async () => {
    const { caseId, customerId, parentTs } = await seedCase(h);
    const day = today(ctx());
    // settlement: collect €2.000, write off €1.500
    const a = await approvalFor(caseId, "settlement", { amountCents: 200000, writeOffCents: 150000 });
    await click(h, OWNER, "approval_approve", String(a.id), a.messageTs);
    await until(
      async () =>
        (await db().case.findUniqueOrThrow({ where: { id: caseId } })).stage === "settlement_agreed",
    );
    // the agreement: a promise of the agreed amount by its deadline, and a thread line with its terms
    const agreed = await db().paymentPromise.findFirstOrThrow({ where: { approvalId: a.id } });
    expect(agreed).toMatchObject({ amountCents: 200000, status: "open" });
    await ctx().outbox.idle();
    expect(threadPosts(h, parentTs).map((c) => String(c.args.text))).toContain(
      `✍️ Saldo e stralcio approvato da <@${OWNER}>: incasso € 2.000,00 ${withDate("entro", agreed.dueDate)}, stralcio di € 1.500,00 a incasso avvenuto.`,
    );
    // €1.000 paid: €2.500 still open, more than the write-off: stays open
    await db().invoice.updateMany({
      where: { customerId, number: "FT-101" },
      data: { openCents: 0, status: "paid" },
    });
    expect(await db().$transaction((tx) => closeCaseIfSettled(ctx(), tx, customerId, day))).toBeNull();
    // another €1.000 paid: €1.500 open = the agreed write-off
    await db().invoice.updateMany({ where: { customerId, number: "FT-102" }, data: { openCents: 150000 } });
    expect(await db().$transaction((tx) => closeCaseIfSettled(ctx(), tx, customerId, day))).toBe("settled");
    ctx().outbox.kick();
    await ctx().outbox.idle();
    expect(await db().case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      closeReason: "settled",
      stage: "closed",
    });
    expect(threadPosts(h, parentTs).at(-1)?.args.text).toBe(
      "✅ Pratica chiusa: saldo e stralcio incassato, € 1.500,00 passati a perdita.",
    );
    // a later overdue opens a new case, paid in full it closes as paid
    const inv = await db().invoice.create({
      data: {
        customerId,
        number: "FT-200",
        issueDate: "2026-02-01",
        dueDate: "2026-02-28",
        amountCents: 50000,
        openCents: 50000,
      },
    });
    const second = await db().$transaction((tx) => openCase(tx, customerId, day));
    expect(second.id).not.toBe(caseId);
    await db().invoice.update({ where: { id: inv.id }, data: { openCents: 0, status: "paid" } });
    expect(await db().$transaction((tx) => closeCaseIfSettled(ctx(), tx, customerId, day))).toBe("paid");
    expect(await db().case.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      closeReason: "paid",
    });
  });

  it("the salesperson edits the note from the thread; the line is escaped, others are refused", async () => {
    const { customerId, parentTs } = await seedCase(h);
    await click(h, OTHER, "case_edit_note", String(customerId));
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    expect(h.slack.callsOf("chat.postEphemeral")[0]?.args.text).toBe(
      "Non fai parte del team di Credito. Chiedi a un amministratore di aggiungerti con `/credito team`.",
    );
    await db().teamMember.create({ data: { slackUserId: "UOWN2", name: "Owner Two", role: "owner" } });
    await click(h, "UOWN2", "case_edit_note", String(customerId));
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "chat.postEphemeral").length === 2);
    expect(h.slack.callsOf("chat.postEphemeral")[1]?.args.text).toBe(
      "Solo commerciali e amministrazione possono modificare la nota commerciale.",
    );
    expect(h.slack.callsOf("views.open")).toHaveLength(0);

    await click(h, SALES, "case_edit_note", String(customerId));
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open"));
    const view = h.slack.callsOf("views.open")[0]?.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: unknown[];
    };
    expect(JSON.stringify(view.blocks)).toContain("Chiamare il mattino");
    const values = {
      note_approach: { value: { type: "plain_text_input", value: "Gentile ma fermo <!channel>" } },
      note_attention: { value: { type: "plain_text_input", value: "Non citare <@U123> né <http://x|y>" } },
      note_reference: { value: { type: "plain_text_input", value: "Sig.ra Bianchi & figli" } },
    };
    // a non-sales submission (forged) is refused on the server
    const forged = await submitView(h, OTHER, view.callback_id, view.private_metadata, values);
    expect((forged.json as { response_action: string }).response_action).toBe("errors");
    await submitView(h, SALES, view.callback_id, view.private_metadata, values);
    await until(
      async () =>
        (await db().customer.findUniqueOrThrow({ where: { id: customerId } })).noteReferencePerson !== null,
    );
    await ctx().outbox.idle();
    expect(await db().customer.findUniqueOrThrow({ where: { id: customerId } })).toMatchObject({
      noteApproach: "Gentile ma fermo <!channel>",
      noteAttention: "Non citare <@U123> né <http://x|y>",
      noteReferencePerson: "Sig.ra Bianchi & figli",
    });
    const line = String(threadPosts(h, parentTs).at(-1)?.args.text);
    expect(line).toBe(
      [
        `🗒 <@${SALES}> ha aggiornato la nota commerciale`,
        "*Come approcciarlo*: Gentile ma fermo &lt;!channel&gt;",
        "*Attenzioni particolari*: Non citare &lt;@U123&gt; né &lt;http://x|y&gt;",
        "*Persona di riferimento*: Sig.ra Bianchi &amp; figli",
      ].join("\n"),
    );
    const everything = h.slack.calls
      .filter((c) => c.method !== "views.open")
      .map(allText)
      .join("\n");
    expect(everything).not.toContain("<!channel>");
    expect(everything).not.toContain("<@U123>");
    expect(everything).not.toContain("<http://x|y>");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "customer.note" } });
    expect(audit.actor).toBe(SALES);
    expect(JSON.parse(audit.detail ?? "{}").before.approach).toBe("Chiamare il mattino");
  });

  it("/credito pratica asks the approval from the command (admins and owners only)", async () => {
    const { caseId, parentTs } = await seedCase(h);
    const refused = await h.requester.command(SALES, "/credito", "pratica rossi legale");
    expect((refused.json as { text: string }).text).toBe(
      "Solo amministrazione e titolare possono chiedere un'approvazione.",
    );
    const bad = await h.requester.command(ADMIN, "/credito", "pratica C001 stralcio 5000");
    expect((bad.json as { text: string }).text).toBe(
      "L'importo del saldo deve essere minore dell'esposizione (€ 3.500,00).",
    );
    const res = await h.requester.command(
      ADMIN,
      "/credito",
      "pratica C001 stralcio 2.000 entro il 20/3 con bonifico",
    );
    expect((res.json as { text: string }).text).toBe(
      "Richiesta «Saldo e stralcio» per Rossi Forniture SRL inviata nel thread della pratica.",
    );
    await until(async () => (await db().approvalRequest.count()) === 1);
    expect(await db().approvalRequest.findFirstOrThrow()).toMatchObject({
      caseId,
      kind: "settlement",
      amountCents: 200000,
      writeOffCents: 150000,
      terms: "entro il 20/3 con bonifico",
      status: "pending",
    });
    await ctx().outbox.idle();
    expect(allText(threadPosts(h, parentTs)[0]!)).toContain(
      "Incasso € 2.000,00 subito, stralcio di € 1.500,00",
    );
    const dup = await h.requester.command(OWNER, "/credito", "pratica rossi forniture saldo 1000");
    expect((dup.json as { text: string }).text).toBe(
      "C'è già una richiesta «Saldo e stralcio» in attesa per questa pratica.",
    );
    const unknown = await h.requester.command(OWNER, "/credito", "pratica verdi legale");
    expect((unknown.json as { text: string }).text).toBe("Nessun cliente trovato per «verdi».");
  });
});
