import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendDueCallbackReminders } from "../../src/jobs/callback-reminders";
import type { RecordedCall } from "../../src/standin/fake-slack";
import { CHANNEL, type Harness, startHarness } from "../support/harness";
import { chooseOutcome, stateFor } from "../support/log-modal";

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: { text: string }[];
  element?: { type: string; action_id: string; initial_option?: { value: string } };
  elements?: { text?: string }[];
};
type View = {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  submit?: unknown;
  blocks: Block[];
};

const viewOf = (call: RecordedCall | undefined) => call?.args.view as View;
const blockIds = (view: View) => view.blocks.filter((b) => b.type === "input").map((b) => b.block_id);
const allText = (view: View) =>
  view.blocks
    .flatMap((b) => [
      b.text?.text,
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) => e.text),
    ])
    .filter(Boolean)
    .join("\n");

describe("/credito log", () => {
  let h: Harness;
  let rossi: number;
  let bianchi: number;
  const db = () => h.runtime.ctx.db;

  beforeEach(async () => {
    h = await startHarness();
    const d = db();
    await d.teamMember.create({ data: { slackUserId: "U1", name: "Anna Amministrazione", role: "admin" } });
    const sales = await d.teamMember.create({
      data: { slackUserId: "U2", name: "Sergio Vendite", role: "sales" },
    });
    const r = await d.customer.create({
      data: {
        code: "CL001",
        name: "ROSSI MARIO SRL",
        vatNumber: "IT01234567890",
        city: "Verona",
        phone: "+39 045 111222",
        salespersonId: sales.id,
        noteApproach: "Chiedere di Mario, mai prima delle 10",
      },
    });
    rossi = r.id;
    await d.invoice.createMany({
      data: [
        {
          customerId: rossi,
          number: "F-101",
          issueDate: "2025-12-15",
          dueDate: "2026-01-15",
          amountCents: 150_000,
          openCents: 150_000,
        },
        {
          customerId: rossi,
          number: "F-140",
          issueDate: "2026-01-20",
          dueDate: "2026-02-20",
          amountCents: 100_000,
          openCents: 100_000,
        },
      ],
    });
    await d.customer.create({ data: { code: "CL002", name: "Rossini Forniture SpA", city: "Padova" } });
    bianchi = (
      await d.customer.create({ data: { code: "CL003", name: "Caffè Bianchi snc", city: "Milano" } })
    ).id;
  });
  afterEach(async () => {
    await h.close();
  });

  /** Sends /credito log, waits for the modal to be filled and returns the filled view. */
  async function openModal(text: string, user = "U1"): Promise<{ view: View; trigger: string }> {
    const trigger = h.requester.newTriggerId();
    const res = await h.requester.command(user, "/credito", text, { triggerId: trigger });
    expect(res.status).toBe(200);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    const view = viewOf(h.slack.callsOf("views.update").at(-1));
    return { view, trigger };
  }

  async function submit(view: View, values: Record<string, string | string[]>, user = "U1") {
    return h.requester.interaction({
      type: "view_submission",
      user: { id: user, name: user.toLowerCase() },
      view: { ...view, id: "V1", hash: "h9", state: { values: stateFor(view, values) } },
    });
  }

  async function counts() {
    const d = db();
    return {
      interactions: await d.interaction.count(),
      promises: await d.paymentPromise.count(),
      callbacks: await d.callback.count(),
      cases: await d.case.count(),
      audit: await d.auditEntry.count(),
      outbox: await d.outboxMessage.count(),
      customer: await d.customer.findUniqueOrThrow({ where: { id: rossi } }),
    };
  }

  it("acks at once, opens a loading modal with the trigger_id, then fills it with views.update", async () => {
    const trigger = h.requester.newTriggerId();
    const res = await h.requester.command("U1", "/credito", "log", { triggerId: trigger });
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    expect(res.ms).toBeLessThan(3000);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    const [open] = h.slack.callsOf("views.open");
    expect(open?.args.trigger_id).toBe(trigger);
    expect(viewOf(open).submit).toBeUndefined();
    expect(allText(viewOf(open))).toContain("Carico la posizione del cliente");
    const [update] = h.slack.callsOf("views.update");
    expect(update?.args).toMatchObject({ view_id: "V1", hash: "h1" });
    const view = viewOf(update);
    expect(view.callback_id).toBe("log_modal");
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
    expect(JSON.parse(view.private_metadata)).toEqual({ c: CHANNEL });
    expect(blockIds(view)).toEqual([
      "customer",
      "outcome",
      "channel",
      "personReached",
      "mood",
      "sincerity",
      "notes",
      "newPhone",
      "newEmail",
      "newPec",
    ]);
  });

  it("preselects the customer named in the command and shows their position", async () => {
    const { view } = await openModal("log rossi mario");
    const customer = view.blocks.find((b) => b.block_id === "customer");
    expect(customer?.element?.initial_option?.value).toBe(String(rossi));
    const text = allText(view);
    expect(text).toContain("*ROSSI MARIO SRL* · CL001");
    expect(text).toContain("€ 2.500,00 (scaduto € 2.500,00)");
    expect(text).toContain("15 gen · 46 giorni di ritardo");
    expect(text).toContain("mai contattato");
    expect(text).toContain("Chiedere di Mario, mai prima delle 10");
    expect(JSON.parse(view.private_metadata)).toEqual({ c: CHANNEL, u: rossi });
  });

  it("suggests customers through the options endpoint, accents and typos tolerated", async () => {
    const ask = async (value: string) => {
      const res = await h.requester.interaction({
        type: "block_suggestion",
        action_id: "lm_customer",
        block_id: "customer",
        value,
        user: { id: "U1", name: "u1" },
        container: { type: "view", view_id: "V1" },
      });
      expect(res.status).toBe(200);
      return (res.json as { options: { text: { text: string }; value: string }[] }).options;
    };
    const typo = await ask("rosi");
    expect(typo.map((o) => o.text.text)).toEqual([
      "ROSSI MARIO SRL · CL001 · Verona",
      "Rossini Forniture SpA · CL002 · Padova",
    ]);
    expect((await ask("caffe")).map((o) => o.value)).toEqual([String(bianchi)]);
    expect((await ask("01234567890")).map((o) => o.value)).toEqual([String(rossi)]);
    expect(await ask("zzzz")).toEqual([]);
  });

  it("redraws the modal with only the chosen outcome's fields, keeping what was typed", async () => {
    const { view } = await openModal("log CL001");
    const change = async (outcome: string, from: View, typed: Record<string, string> = {}) => {
      const before = h.slack.callsOf("views.update").length;
      await h.requester.interaction({
        type: "block_actions",
        user: { id: "U1", name: "u1" },
        trigger_id: h.requester.newTriggerId(),
        container: { type: "view", view_id: "V1" },
        view: {
          ...from,
          id: "V1",
          hash: `hash-${outcome}`,
          state: { values: stateFor(from, { outcome, ...typed }) },
        },
        actions: [
          {
            type: "static_select",
            action_id: "lm_outcome",
            block_id: "outcome",
            selected_option: { value: outcome },
          },
        ],
      });
      await h.slack.waitFor((calls) => calls.filter((c) => c.method === "views.update").length > before);
      const call = h.slack.callsOf("views.update").at(-1);
      expect(call?.args).toMatchObject({ view_id: "V1", hash: `hash-${outcome}` });
      return viewOf(call);
    };
    const promise = await change("promise", view, { notes: "gentile" });
    expect(blockIds(promise)).toEqual([
      "customer",
      "outcome",
      "promiseAmount",
      "promiseDate",
      "documents",
      "documentDate",
      "channel",
      "personReached",
      "mood",
      "sincerity",
      "notes",
      "newPhone",
      "newEmail",
      "newPec",
    ]);
    const notes = promise.blocks.find((b) => b.block_id === "notes")?.element as { initial_value?: string };
    expect(notes.initial_value).toBe("gentile");
    const callback = await change("callback", promise);
    expect(blockIds(callback).slice(0, 4)).toEqual(["customer", "outcome", "callbackDate", "callbackTime"]);
    expect(blockIds(callback)).not.toContain("promiseAmount");
    const notReached = await change("not_reached", callback);
    expect(blockIds(notReached)).toEqual([
      "customer",
      "outcome",
      "channel",
      "notes",
      "newPhone",
      "newEmail",
      "newPec",
    ]);
    const installments = await change("installments", notReached);
    expect(blockIds(installments).filter((b) => b?.startsWith("installment"))).toHaveLength(12);
    const dispute = await change("dispute", installments);
    const disputed = dispute.blocks.find((b) => b.block_id === "disputedInvoices")?.element as unknown as {
      options: unknown[];
      initial_options: { value: string }[];
    };
    expect(disputed.options).toHaveLength(2);
    expect(disputed.initial_options).toHaveLength(2);
  });

  it("returns inline errors for invalid values and writes nothing", async () => {
    const { view } = await openModal("log rossi mario");
    const before = await counts();
    const promiseView = await redraw(view, "promise");
    const bad = await submit(promiseView, {
      outcome: "promise",
      promiseAmount: "3.000",
      promiseDate: "2026-03-15",
      newPhone: "12345",
      newEmail: "mario@",
      newPec: "rossi@gmail.com",
    });
    expect(bad.json).toEqual({
      response_action: "errors",
      errors: {
        promiseAmount: "È più di quanto dovuto (€ 2.500,00).",
        promiseDate: "domenica 15 marzo non è un giorno lavorativo: scegline uno lavorativo.",
        newPhone: "Numero non valido: scrivi ad esempio 333 123 4567 o 02 1234 5678.",
        newEmail: "Indirizzo email non valido.",
        newPec: "Questo non è un indirizzo PEC (gmail, libero e simili non sono caselle certificate).",
      },
    });
    const past = await submit(promiseView, {
      outcome: "promise",
      promiseAmount: "100",
      promiseDate: "2026-02-27",
    });
    expect(past.json).toEqual({
      response_action: "errors",
      errors: { promiseDate: "La data è già passata." },
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await counts()).toEqual(before);
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("records a valid promise: rows, case thread parent and summary, ephemeral confirmation", async () => {
    const { view } = await openModal("log rossi mario");
    const promiseView = await redraw(view, "promise");
    const res = await submit(promiseView, {
      outcome: "promise",
      promiseAmount: "1.500",
      promiseDate: "2026-03-16",
      personReached: "Mario <Rossi>",
      mood: "cooperative",
      sincerity: "4",
      notes: "paga con bonifico <!channel>",
      documents: ["debt_acknowledgment"],
      documentDate: "2026-03-02",
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe("");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    await h.runtime.ctx.outbox.idle();

    const d = db();
    const [interaction] = await d.interaction.findMany();
    expect(interaction).toMatchObject({
      customerId: rossi,
      channel: "phone",
      outcome: "promise",
      personReached: "Mario <Rossi>",
      mood: "cooperative",
      sincerity: 4,
      date: "2026-03-02",
    });
    expect(
      await d.paymentPromise.findMany({
        select: { amountCents: true, dueDate: true, sequence: true, status: true },
      }),
    ).toEqual([{ amountCents: 150_000, dueDate: "2026-03-16", sequence: 1, status: "open" }]);
    expect(await d.document.findMany({ select: { kind: true, date: true, signed: true } })).toEqual([
      { kind: "debt_acknowledgment", date: "2026-03-02", signed: true },
    ]);
    const kase = await d.case.findFirstOrThrow({ where: { customerId: rossi } });
    expect(interaction?.caseId).toBe(kase.id);
    expect(kase.threadTs).toBeTruthy();
    const audit = await d.auditEntry.findFirstOrThrow({ where: { action: "log_outcome" } });
    expect(audit).toMatchObject({ actor: "U1", caseId: kase.id, customerId: rossi });

    const posts = h.slack.callsOf("chat.postMessage");
    expect(posts[0]?.args).toMatchObject({ channel: CHANNEL });
    expect(posts[0]?.args.thread_ts).toBeUndefined();
    const summary = posts.find((p) => p.args.thread_ts === kase.threadTs);
    expect(summary?.args.text).toContain(
      "⏳ *Promessa di pagamento* (Telefono) · promette € 1.500,00 entro il 16 mar",
    );
    expect(summary?.args.text).toContain("parlato con Mario &lt;Rossi&gt;");
    expect(summary?.args.text).toContain("umore collaborativo, sincerità 4/5");
    expect(summary?.args.text).toContain("documenti firmati: Riconoscimento del debito");
    expect(summary?.args.text).toContain("da <@U1>");
    expect(summary?.args.text).toContain("> paga con bonifico &lt;!channel&gt;");
    const [ephemeral] = h.slack.callsOf("chat.postEphemeral");
    expect(ephemeral?.args).toMatchObject({ channel: CHANNEL, user: "U1" });
    expect(ephemeral?.args.text).toContain("Esito registrato per ROSSI MARIO SRL.");
    expect(ephemeral?.args.text).toContain("La promessa compare nel riepilogo di lunedì 16 marzo");
  });

  it("records a callback, saves new contacts with the old ones in the audit, and DMs the reminder at the time", async () => {
    const { view } = await openModal("log rossi mario");
    const cbView = await redraw(view, "callback");
    await submit(cbView, {
      outcome: "callback",
      callbackDate: "2026-03-02",
      callbackTime: "10:30",
      notes: "chiedere del titolare",
      newPhone: "0039 333 1234567",
      newPec: "Rossi@PEC.it",
    });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    const d = db();
    const [cb] = await d.callback.findMany();
    expect(cb).toMatchObject({ date: "2026-03-02", time: "10:30", status: "open", reminderSentAt: null });
    expect(cb?.at.toISOString()).toBe("2026-03-02T09:30:00.000Z");
    const customer = await d.customer.findUniqueOrThrow({ where: { id: rossi } });
    expect([customer.phone, customer.mobile, customer.pec]).toEqual([
      "+39 045 111222",
      "+39 333 123 4567",
      "rossi@pec.it",
    ]);
    const audit = await d.auditEntry.findFirstOrThrow({ where: { action: "log_outcome" } });
    expect(JSON.parse(audit.detail ?? "{}").contactChanges).toEqual({
      mobile: { from: null, to: "+39 333 123 4567" },
      pec: { from: null, to: "rossi@pec.it" },
    });
    const [ephemeral] = h.slack.callsOf("chat.postEphemeral");
    expect(ephemeral?.args.text).toContain("Ti scrivo in privato lunedì 2 marzo alle 10:30");
    expect(ephemeral?.args.text).toContain("Con la PEC puoi mandare");

    h.clock.set("2026-03-02T10:29:00+01:00");
    expect(await sendDueCallbackReminders(h.runtime.ctx)).toBe(0);
    h.clock.set("2026-03-02T10:30:00+01:00");
    expect(await sendDueCallbackReminders(h.runtime.ctx)).toBe(1);
    expect(await sendDueCallbackReminders(h.runtime.ctx)).toBe(0);
    await h.runtime.ctx.outbox.idle();
    const dms = h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "U1");
    expect(dms).toHaveLength(1);
    expect(dms[0]?.args.text).toBe("📞 Promemoria: alle 10:30 richiamare ROSSI MARIO SRL (CL001).");
    expect((await d.callback.findFirstOrThrow()).reminderSentAt?.toISOString()).toBe(
      "2026-03-02T09:30:00.000Z",
    );
  });

  it("a settlement asks the owner's approval and moves the case to settlement; a refusal proposes the lawyer", async () => {
    const { view } = await openModal("log rossi mario");
    await submit(await redraw(view, "settlement"), {
      outcome: "settlement",
      settlementAmount: "1.800",
      settlementTerms: "entro il 20/3",
    });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    const d = db();
    const kase = await d.case.findFirstOrThrow({ where: { customerId: rossi } });
    expect(kase.stage).toBe("settlement");
    expect(
      await d.approvalRequest.findMany({
        select: { kind: true, amountCents: true, writeOffCents: true, terms: true, status: true },
      }),
    ).toEqual([
      {
        kind: "settlement",
        amountCents: 180_000,
        writeOffCents: 70_000,
        terms: "entro il 20/3",
        status: "pending",
      },
    ]);
    expect(h.slack.callsOf("chat.postEphemeral")[0]?.args.text).toContain("stralcio di € 700,00");

    const second = await openModalAgain("log rossi mario");
    await submit(await redraw(second, "refusal"), { outcome: "refusal", notes: "non intende pagare" });
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "chat.postEphemeral").length >= 2);
    expect((await d.approvalRequest.findMany({ where: { kind: "legal" } })).map((a) => a.status)).toEqual([
      "pending",
    ]);
  });

  it("logs a complete one-line command without a modal", async () => {
    const res = await h.requester.command("U1", "/credito", "log CL001 promessa 1.500 16/3 bonifico");
    expect(res.status).toBe(200);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "response_url"));
    expect(h.slack.callsOf("views.open")).toHaveLength(0);
    const d = db();
    expect(await d.paymentPromise.findMany({ select: { amountCents: true, dueDate: true } })).toEqual([
      { amountCents: 150_000, dueDate: "2026-03-16" },
    ]);
    expect((await d.interaction.findFirstOrThrow()).notes).toBe("bonifico");
    expect(String(h.slack.callsOf("response_url")[0]?.args.text)).toContain(
      "Esito registrato per ROSSI MARIO SRL.",
    );

    await h.requester.command("U1", "/credito", "log rossi richiamare domani 10:30");
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "response_url").length >= 2);
    const cb = await d.callback.findFirstOrThrow();
    expect([cb.date, cb.time, cb.at.toISOString()]).toEqual([
      "2026-03-03",
      "10:30",
      "2026-03-03T09:30:00.000Z",
    ]);
  });

  it("opens the modal prefilled when the one-line command is invalid or ambiguous, writing nothing", async () => {
    const { view } = await openModal("log CL001 promessa 1.500 15/3");
    expect(allText(view)).toContain("Pagherà entro il: domenica 15 marzo non è un giorno lavorativo");
    const amount = view.blocks.find((b) => b.block_id === "promiseAmount")?.element as {
      initial_value?: string;
    };
    expect(amount.initial_value).toBe("1.500,00");
    expect(await db().interaction.count()).toBe(0);

    h.slack.clear();
    const { view: second } = await openModal("log ross promessa 15.3");
    expect(allText(second)).toContain('Più clienti corrispondono a "ross"');
    expect(allText(second)).toContain("Alcuni valori si possono leggere in due modi");
    expect(await db().interaction.count()).toBe(0);
  });

  it("refuses non-members with a clear ephemeral message and opens nothing", async () => {
    const res = await h.requester.command("U9", "/credito", "log rossi promessa 100 16/3");
    expect(res.status).toBe(200);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "response_url"));
    expect(h.slack.callsOf("response_url")[0]?.args).toMatchObject({
      response_type: "ephemeral",
      text: "Non fai parte del team di Credito. Chiedi a un amministratore di aggiungerti con `/credito team`.",
    });
    expect(h.slack.callsOf("views.open")).toHaveLength(0);
    expect(await db().interaction.count()).toBe(0);
  });

  it("answers an expired or reused trigger_id with a clear ephemeral message", async () => {
    await h.requester.command("U1", "/credito", "log rossi", { triggerId: "expired-1" });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "response_url"));
    expect(String(h.slack.callsOf("response_url")[0]?.args.text)).toContain("riscrivi `/credito log`");
    expect(h.slack.callsOf("views.update")).toHaveLength(0);

    await h.requester.command("U1", "/credito", "log", { triggerId: "reused-1" });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    await h.requester.command("U1", "/credito", "log", { triggerId: "reused-1" });
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "response_url").length >= 2);
    expect(String(h.slack.callsOf("response_url")[1]?.args.text)).toContain(
      "Slack non mi ha lasciato aprire la finestra in tempo",
    );
  });

  it("opens the modal for the customer of a log_outcome button (case parent, digest, card)", async () => {
    await h.requester.interaction({
      type: "block_actions",
      user: { id: "U1", name: "u1" },
      trigger_id: h.requester.newTriggerId(),
      channel: { id: CHANNEL, name: "crediti" },
      container: { type: "message", channel_id: CHANNEL, message_ts: "1.1" },
      response_url: h.slack.responseUrl("btn"),
      actions: [
        { type: "button", action_id: "log_outcome:case", block_id: "case_actions:1", value: String(rossi) },
      ],
    });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    const view = viewOf(h.slack.callsOf("views.update")[0]);
    expect(view.blocks.find((b) => b.block_id === "customer")?.element?.initial_option?.value).toBe(
      String(rossi),
    );
  });

  it("shows the customer card with /credito cliente, and a list when several match", async () => {
    await db().paymentPromise.create({
      data: { customerId: rossi, amountCents: 50_000, dueDate: "2026-02-16", status: "broken" },
    });
    await h.requester.command("U1", "/credito", "cliente 01234567890");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "response_url"));
    const card = h.slack.callsOf("response_url")[0]?.args as { text: string; blocks: Block[] };
    expect(card.text).toBe("ROSSI MARIO SRL (CL001): aperto € 2.500,00, scaduto € 2.500,00");
    const text = card.blocks
      .map((b) =>
        [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)].join(
          "\n",
        ),
      )
      .join("\n");
    expect(text).toContain("• F-101 · 15 gen · € 1.500,00");
    expect(text).toContain("❌ € 500,00 · 16 feb · non mantenuta");
    expect(text).toContain("Chiedere di Mario, mai prima delle 10");
    const actions = card.blocks.find((b) => b.type === "actions") as unknown as {
      elements: { action_id: string; value: string }[];
    };
    expect(actions.elements.map((e) => [e.action_id, e.value])).toEqual([
      ["log_outcome:card", String(rossi)],
      ["customer_open_case", String(rossi)],
      ["reminder_prepare", String(rossi)], // overdue: a written reminder can be drafted from here
    ]);

    await h.requester.command("U1", "/credito", "cliente ross");
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "response_url").length >= 2);
    const list = h.slack.callsOf("response_url")[1]?.args as { text: string };
    expect(list.text).toContain('Più clienti corrispondono a "ross"');
    expect(list.text).toContain("ROSSI MARIO SRL (CL001), Rossini Forniture SpA (CL002)");
  });

  const redraw = (view: View, outcome: string) => chooseOutcome(h, "U1", view, outcome);

  async function openModalAgain(text: string): Promise<View> {
    const before = h.slack.callsOf("views.update").length;
    await h.requester.command("U1", "/credito", text);
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "views.update").length > before);
    return viewOf(h.slack.callsOf("views.update").at(-1));
  }
});
