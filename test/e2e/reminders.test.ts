import type { AddressInfo } from "node:net";
import type { KnownBlock, View } from "@slack/types";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../src/context";
import { contactNotes } from "../../src/i18n/contact-notes";
import { prepareDay, recordReceipt } from "../../src/reminders/service";
import { loadCustomerCard } from "../../src/services/customers/customer-search";
import { buildDigest, postDigest } from "../../src/services/digest/digest";
import { ADMIN, click, OWNER, SALES, threadPosts, until } from "../support/cases";
import { CHANNEL, type Harness, startHarness } from "../support/harness";
import { pdfText } from "../support/pdf-text";

interface Received {
  from: string;
  to: string[];
  raw: string;
  port: number;
}

/** A local SMTP server; a recipient starting with "rifiuta" is refused for good, "tardi" once with a 451. */
async function smtpServer(received: Received[]): Promise<{ server: SMTPServer; port: number }> {
  const delayed = new Set<string>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _s, cb) {
      if (auth.username === "crediti" && auth.password === "segreto") cb(null, { user: auth.username });
      else cb(new Error("invalid credentials"));
    },
    onRcptTo(address, _s, cb) {
      if (address.address.startsWith("rifiuta"))
        return cb(Object.assign(new Error("5.1.1 mailbox unavailable"), { responseCode: 550 }));
      if (address.address.startsWith("tardi") && !delayed.has(address.address)) {
        delayed.add(address.address);
        return cb(Object.assign(new Error("4.3.0 try again later"), { responseCode: 451 }));
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          port: (server.server.address() as AddressInfo).port,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return { server, port: (server.server.address() as AddressInfo).port };
}

const viewOf = (call: { args: Record<string, unknown> } | undefined) => call?.args.view as View;
const inputValue = (view: View, blockId: string) =>
  (view.blocks.find((b) => b.block_id === blockId) as { element?: { initial_value?: string } } | undefined)
    ?.element?.initial_value;

function stateOf(view: View, override: Record<string, string> = {}) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (b.type !== "input" || !b.block_id) continue;
    const el = (b as { element: unknown }).element as {
      type: string;
      action_id: string;
      initial_value?: string;
      initial_option?: { value: string };
    };
    values[b.block_id] =
      el.type === "static_select"
        ? { [el.action_id]: { type: el.type, selected_option: el.initial_option ?? null } }
        : { [el.action_id]: { type: el.type, value: override[b.block_id] ?? el.initial_value ?? null } };
  }
  return values;
}

describe("written reminders", () => {
  let h: Harness;
  let mail: { server: SMTPServer; port: number };
  let pec: { server: SMTPServer; port: number };
  const received: Received[] = [];
  beforeAll(async () => {
    mail = await smtpServer(received);
    pec = await smtpServer(received);
  });
  afterAll(async () => {
    await new Promise<void>((r) => mail.server.close(() => r()));
    await new Promise<void>((r) => pec.server.close(() => r()));
  });
  afterEach(async () => {
    received.length = 0;
    await h.close();
  });

  async function start(env: Record<string, string> = {}) {
    h = await startHarness({
      now: "2026-03-02T08:30:00+01:00",
      env: {
        CREDITO_SMTP_URL: `smtp://crediti:segreto@127.0.0.1:${mail.port}`,
        CREDITO_MAIL_FROM: "crediti@forniturebianchi.it",
        CREDITO_PEC_SMTP_URL: `smtp://crediti:segreto@127.0.0.1:${pec.port}`,
        CREDITO_PEC_FROM: "crediti@pec.forniturebianchi.it",
        ...env,
      },
    });
    const db = h.runtime.ctx.db;
    for (const [slackUserId, name, role] of [
      [ADMIN, "Alice Admin", "admin"],
      [OWNER, "Oscar Titolare", "owner"],
      [SALES, "Sara Commerciale", "sales"],
    ] as const)
      await db.teamMember.create({ data: { slackUserId, name, role } });
    return db;
  }

  async function customer(data: {
    code: string;
    name: string;
    email?: string;
    pec?: string;
    preserve?: boolean;
    /** the chasing already done (as a scadenzario brings it): steps of the timing table and the last one's date */
    chased?: { level: number; on: string };
    invoices: { number: string; dueDate: string; openCents: number; status?: string }[];
  }) {
    const db = h.runtime.ctx.db;
    const sales = await db.teamMember.findUniqueOrThrow({ where: { slackUserId: SALES } });
    return db.customer.create({
      data: {
        code: data.code,
        name: data.name,
        searchText: data.name.toLowerCase(),
        vatNumber: "01234567890",
        address: "Via Roma 1",
        postalCode: "24121",
        city: "Bergamo",
        province: "BG",
        email: data.email ?? null,
        pec: data.pec ?? null,
        preserveRelationship: data.preserve ?? false,
        salespersonId: sales.id,
        // the cadence escalates by what was done (issue 13): a written step comes after the calls before it
        reminderLevel: data.chased?.level ?? null,
        lastReminderOn: data.chased?.on ?? null,
        invoices: {
          create: data.invoices.map((i) => ({
            number: i.number,
            issueDate: "2026-01-15",
            dueDate: i.dueDate,
            amountCents: i.openCents,
            openCents: i.openCents,
            status: i.status ?? "open",
          })),
        },
      },
    });
  }

  /** Opens the modal from a button or menu and returns the filled view. */
  async function filledView(send: () => Promise<unknown>): Promise<View> {
    const before = h.slack.callsOf("views.update").length;
    await send();
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "views.update").length > before, 8000);
    return viewOf(h.slack.callsOf("views.update").at(-1));
  }

  function submit(user: string, view: View, override: Record<string, string> = {}) {
    return h.requester.interaction({
      type: "view_submission",
      user: { id: user, name: user.toLowerCase() },
      view: { ...view, id: "V1", hash: "h1", state: { values: stateOf(view, override) } },
    });
  }

  it("drafts the courteous email from the digest, refuses a bad address inline, sends it once with the statement of account and records it", async () => {
    const db = await start();
    const verdi = await customer({
      code: "V01",
      name: "Verdi Impianti SRL",
      email: "amministrazione@verdi.example.it",
      chased: { level: 1, on: "2026-02-25" },
      invoices: [
        { number: "FT-201", dueDate: "2026-02-22", openCents: 120_000 },
        { number: "FT-203", dueDate: "2026-03-20", openCents: 50_000 },
      ],
    });
    const ctx = h.runtime.ctx;
    await postDigest(ctx, today(ctx));
    await ctx.outbox.idle();
    const digest = h.slack.callsOf("chat.postMessage")[0]!;
    const entry = (
      digest.args.blocks as (KnownBlock & {
        accessory?: { action_id: string; options: { value: string }[] };
      })[]
    ).find((b) => b.accessory && JSON.stringify(b).includes("Verdi"))!;
    const option = entry.accessory!.options.find((o) => o.value.startsWith("remind:"));
    expect(option?.value).toBe(`remind:${verdi.id}:courtesy-email`);
    const fromMenu = () =>
      h.requester.interaction({
        type: "block_actions",
        user: { id: ADMIN },
        trigger_id: h.requester.newTriggerId(),
        channel: { id: CHANNEL },
        container: {
          type: "message",
          message_ts: String(digest.args.ts ?? "1700000000.000001"),
          channel_id: CHANNEL,
        },
        response_url: h.slack.responseUrl("digest"),
        actions: [
          {
            type: "overflow",
            action_id: entry.accessory!.action_id,
            block_id: "b",
            selected_option: { value: option!.value },
            action_ts: "1",
          },
        ],
      });
    const view = await filledView(fromMenu);
    expect(inputValue(view, "reminder_recipient")).toBe("amministrazione@verdi.example.it");
    expect(inputValue(view, "reminder_subject")).toBe("Promemoria di pagamento - Forniture Bianchi S.r.l.");
    const body = inputValue(view, "reminder_body") ?? "";
    expect(body).toContain("fattura n. FT-201");
    expect(body).not.toContain("FT-203"); // not due yet
    expect(body).toContain("Le chiediamo cortesemente");
    expect(body).toContain("IBAN: IT60 X054 2811 1010 0000 0123 456");

    // a bad address is refused inline and nothing is queued
    const bad = await submit(ADMIN, view, { reminder_recipient: "amministrazione@verdi" });
    expect(JSON.parse(bad.body)).toEqual({
      response_action: "errors",
      errors: {
        reminder_recipient: "Indirizzo non valido: scrivi un indirizzo come amministrazione@azienda.it.",
      },
    });
    expect(await db.mailOutbox.count()).toBe(0);

    const edited = `${body}\n\nP.S. Grazie per la collaborazione.`;
    expect((await submit(ADMIN, view, { reminder_body: edited })).status).toBe(200);
    await until(async () => (await db.reminder.findFirstOrThrow()).status === "sent", 8000);
    await ctx.outbox.idle();
    expect(received).toHaveLength(1);
    const m = received[0]!;
    expect(m.port).toBe(mail.port); // the ordinary mailbox, not the PEC one
    expect(m.from).toBe("crediti@forniturebianchi.it");
    expect(m.to).toEqual(["amministrazione@verdi.example.it"]);
    const parsed = await simpleParser(m.raw);
    expect(parsed.subject).toBe("Promemoria di pagamento - Forniture Bianchi S.r.l.");
    expect(parsed.text).toContain("P.S. Grazie per la collaborazione.");
    const reminder = await db.reminder.findFirstOrThrow();
    expect(parsed.messageId).toBe(reminder.messageId);
    expect(parsed.attachments).toHaveLength(1);
    const pdf = parsed.attachments[0]!;
    expect(pdf.filename).toBe("estratto-conto-V01-2026-03-02.pdf");
    const { text } = await pdfText(pdf.content);
    expect(text).toContain("Estratto conto al 02/03/2026");
    expect(text).toContain("Forniture Bianchi S.r.l.");
    expect(text).toContain("FT-201");
    expect(text).not.toContain("FT-203");
    expect(text).toContain("IT60 X054 2811 1010 0000 0123 456");
    expect(text).toContain("Causale: Saldo fattura n. FT-201");

    // recorded: an email interaction (the cadence step is done), an audit entry, a thread line with the PDF
    const interaction = await db.interaction.findFirstOrThrow({ where: { customerId: verdi.id } });
    expect(interaction).toMatchObject({
      channel: "email",
      outcome: "reminder_sent",
      date: "2026-03-02",
      id: reminder.interactionId,
    });
    expect(await db.auditEntry.count({ where: { action: "reminder.sent" } })).toBe(1);
    const kase = await db.case.findFirstOrThrow({ where: { customerId: verdi.id } });
    expect(threadPosts(h, kase.threadTs as string).map((c) => c.args.text)).toContain(
      `✉️ Sollecito di cortesia inviato per email all'indirizzo amministrazione@verdi.example.it · <@${ADMIN}>`,
    );
    const upload = h.slack.callsOf("files.completeUploadExternal").at(-1);
    expect(upload?.args).toMatchObject({ channel_id: CHANNEL, thread_ts: kase.threadTs });
    const tasks = (await buildDigest(ctx, "2026-03-02")).tasks.filter((t) => t.customerId === verdi.id);
    expect(tasks.filter((t) => t.kind === "cadence")).toHaveLength(0);

    // the same reminder again today: nothing twice; the card now proposes the next, firmer step
    const again = await filledView(fromMenu);
    expect(JSON.stringify(again.blocks)).toContain("Questo sollecito è già stato inviato.");
    const next = await filledView(() => click(h, ADMIN, "reminder_prepare", String(verdi.id)));
    expect(inputValue(next, "reminder_subject")).toBe(
      "Sollecito di pagamento - fatture scadute al 02/03/2026",
    );
    expect(received).toHaveLength(1);
  });

  it("asks an admin before a messa in mora by PEC, sends it on approval and records the delivery receipt", async () => {
    const db = await start();
    const neri = await customer({
      code: "N01",
      name: "Neri Costruzioni S.r.l.",
      email: "info@neri.example.it",
      pec: "neri@pec.neri.example.it",
      invoices: [
        { number: "FT-301", dueDate: "2026-01-10", openCents: 300_000 },
        { number: "FT-302", dueDate: "2026-01-31", openCents: 100_000 },
        { number: "FT-303", dueDate: "2026-02-10", openCents: 70_000, status: "disputed" },
      ],
    });
    const ctx = h.runtime.ctx;
    const opened = await filledView(() => click(h, SALES, "reminder_prepare", String(neri.id)));
    // choose the messa in mora in the modal: the draft is redone for that step
    const view = await filledView(() =>
      h.requester.interaction({
        type: "block_actions",
        user: { id: SALES },
        trigger_id: h.requester.newTriggerId(),
        view: { ...opened, id: "V1", hash: "h1", state: { values: stateOf(opened) } },
        actions: [
          {
            type: "static_select",
            action_id: "reminder_step",
            block_id: "reminder_step",
            selected_option: { value: "formal_notice" },
            action_ts: "1",
          },
        ],
      }),
    );
    expect(inputValue(view, "reminder_recipient")).toBe("neri@pec.neri.example.it");
    const body = inputValue(view, "reminder_body") ?? "";
    expect(body).toContain("costituzione in mora ai sensi e per gli effetti dell'art. 1219 c.c.");
    expect(body).toContain("(€ 40 per fattura): € 80,00");
    expect(body).toContain("Con la presente Forniture Bianchi S.r.l., con sede in");
    expect(body).not.toContain("FT-303"); // disputed: left out, and said so
    expect(JSON.stringify(view.blocks)).toContain("Escluse dal sollecito: 1 contestata.");
    expect(JSON.stringify(view.blocks)).toContain("serve l'ok di un amministratore");
    await submit(SALES, view);
    await until(
      async () =>
        (await db.reminder.findFirstOrThrow({ where: { step: "formal_notice" } })).status ===
        "awaiting_approval",
    );
    await ctx.outbox.idle();
    expect(received).toHaveLength(0);
    const kase = await db.case.findFirstOrThrow({ where: { customerId: neri.id } });
    const request = threadPosts(h, kase.threadTs as string).find((c) =>
      String(c.args.text).startsWith("✋ Messa in mora"),
    );
    expect(JSON.stringify(request?.args.blocks)).toContain("reminder_approve");
    const reminder = await db.reminder.findFirstOrThrow({ where: { step: "formal_notice" } });
    // the salesperson cannot approve it: checked on the server
    await click(h, SALES, "reminder_approve", String(reminder.id));
    await h.slack.waitFor((calls) => calls.some((c) => String(c.args.text).includes("Non puoi approvare")));
    expect((await db.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe(
      "awaiting_approval",
    );
    await click(h, ADMIN, "reminder_approve", String(reminder.id));
    await until(
      async () => (await db.reminder.findUniqueOrThrow({ where: { id: reminder.id } })).status === "sent",
      8000,
    );
    expect(received).toHaveLength(1);
    expect(received[0]!.port).toBe(pec.port);
    expect(received[0]!.from).toBe("crediti@pec.forniturebianchi.it");
    const sent = await db.reminder.findUniqueOrThrow({ where: { id: reminder.id } });
    const parsed = await simpleParser(received[0]!.raw);
    expect(parsed.messageId).toBe(sent.messageId);
    const { text } = await pdfText(parsed.attachments[0]!.content);
    expect(text).toMatch(/Interessi di mora \(D\.Lgs\. 231\/2002, art\. 5\) al 02\/03\/2026 € \d+,\d\d/);
    expect(text).toContain("Costi di recupero (D.Lgs. 231/2002, art. 6): € 40 x 2 € 80,00");
    expect(await db.interaction.count({ where: { customerId: neri.id, channel: "pec" } })).toBe(1);
    // the request in the thread now says who approved it, without buttons
    await ctx.outbox.idle();
    const edited = h.slack
      .callsOf("chat.update")
      .find((c) => JSON.stringify(c.args.blocks).includes("Approvato da"));
    expect(edited).toBeDefined();
    expect(JSON.stringify(edited?.args.blocks)).not.toContain("reminder_approve");

    // the provider's receipts, matched by Message-ID
    expect(
      await recordReceipt(ctx, {
        kind: "accettazione",
        refMessageId: sent.messageId!,
        date: new Date("2026-03-02T08:31:00Z"),
      }),
    ).toBe(true);
    expect(
      await recordReceipt(ctx, {
        kind: "avvenuta-consegna",
        refMessageId: sent.messageId!,
        date: new Date("2026-03-02T08:32:00Z"),
      }),
    ).toBe(true);
    expect(
      await recordReceipt(ctx, {
        kind: "avvenuta-consegna",
        refMessageId: sent.messageId!,
        date: new Date("2026-03-02T08:33:00Z"),
      }),
    ).toBe(false);
    expect(
      await recordReceipt(ctx, {
        kind: "avvenuta-consegna",
        refMessageId: "<altro@pec.it>",
        date: new Date(),
      }),
    ).toBe(false);
    const delivered = await db.reminder.findUniqueOrThrow({ where: { id: reminder.id } });
    expect(delivered.deliveredAt?.toISOString()).toBe("2026-03-02T08:32:00.000Z");
    const contact = await db.interaction.findUniqueOrThrow({ where: { id: delivered.interactionId! } });
    // the contact keeps no sentence: the card (and the dossier) read it from the reminder, in their language
    expect(contact.notes).toBeNull();
    const card = await loadCustomerCard(ctx, contact.customerId, today(ctx));
    const shown = card!.contacts.find((c) => c.reminder)!;
    expect(contactNotes(shown, "it")).toMatch(
      /^Messa in mora: .+ \(.+@.+\) · consegnata il 02\/03\/2026 09:32 \(ricevuta di avvenuta consegna PEC\)$/,
    );
    expect(contactNotes(shown, "en")).toMatch(
      /^Formal notice of default: .+ · delivered on 02\/03\/2026 09:32 \(PEC delivery receipt\)$/,
    );
    await ctx.outbox.idle();
    expect(threadPosts(h, kase.threadTs as string).map((c) => c.args.text)).toContain(
      "📬 PEC consegnata il 02/03/2026 09:32 (ricevuta di avvenuta consegna): il termine decorre da qui.",
    );
  });

  it("retries a temporary refusal, reports a permanent one in the thread, and asks a 🤝 customer's salesperson first", async () => {
    const db = await start();
    const a = await customer({
      code: "A01",
      name: "Alfa SNC",
      email: "tardi@alfa.example.it",
      invoices: [{ number: "1", dueDate: "2026-02-20", openCents: 10_000 }],
    });
    const b = await customer({
      code: "B01",
      name: "Beta SAS",
      email: "rifiuta@beta.example.it",
      invoices: [{ number: "2", dueDate: "2026-02-20", openCents: 20_000 }],
    });
    const c = await customer({
      code: "G01",
      name: "Gamma SPA",
      email: "conti@gamma.example.it",
      preserve: true,
      invoices: [{ number: "3", dueDate: "2026-02-20", openCents: 30_000 }],
    });
    const ctx = h.runtime.ctx;
    for (const id of [a.id, b.id]) {
      const view = await filledView(() => click(h, ADMIN, "reminder_prepare", String(id)));
      await submit(ADMIN, view);
    }
    await until(
      async () => (await db.reminder.count({ where: { status: { in: ["sent", "failed"] } } })) === 2,
      10_000,
    );
    expect(received.map((r) => r.to[0])).toEqual(["tardi@alfa.example.it"]);
    const retried = await db.mailOutbox.findFirstOrThrow({ where: { toAddress: "tardi@alfa.example.it" } });
    expect(retried).toMatchObject({ status: "sent", attempts: 2 });
    const refused = await db.reminder.findFirstOrThrow({ where: { customerId: b.id } });
    expect(refused.status).toBe("failed");
    await ctx.outbox.idle();
    const kaseB = await db.case.findFirstOrThrow({ where: { customerId: b.id } });
    expect(
      threadPosts(h, kaseB.threadTs as string).some((p) =>
        String(p.args.text).startsWith(
          "⚠️ Il sollecito all'indirizzo rifiuta@beta.example.it è stato rifiutato dal server di posta",
        ),
      ),
    ).toBe(true);

    // 🤝: the salesperson says ok before it leaves
    const view = await filledView(() => click(h, ADMIN, "reminder_prepare", String(c.id)));
    expect(JSON.stringify(view.blocks)).toContain(`Cliente da preservare 🤝: prima sento <@${SALES}>.`);
    await submit(ADMIN, view);
    await until(
      async () =>
        (await db.reminder.findFirstOrThrow({ where: { customerId: c.id } })).status === "awaiting_approval",
    );
    const r = await db.reminder.findFirstOrThrow({ where: { customerId: c.id } });
    await click(h, OWNER, "reminder_object", "999999");
    await click(h, SALES, "reminder_ok", String(r.id));
    await until(
      async () => (await db.reminder.findUniqueOrThrow({ where: { id: r.id } })).status === "sent",
      8000,
    );
    expect(received.map((x) => x.to[0])).toContain("conti@gamma.example.it");
  });

  it("prepares a letter for a customer with no email or PEC, counted as sent when the collector confirms the posting", async () => {
    const db = await start();
    const d = await customer({
      code: "D01",
      name: "Delta SRL",
      invoices: [{ number: "FT-9", dueDate: "2026-02-20", openCents: 45_000 }],
    });
    const ctx = h.runtime.ctx;
    const view = await filledView(() => click(h, ADMIN, "reminder_prepare", String(d.id)));
    expect(JSON.stringify(view.blocks)).toContain(
      "Il cliente non ha email né PEC: preparo la lettera da stampare e spedire per raccomandata a *Via Roma 1, 24121 Bergamo (BG)*.",
    );
    expect(view.blocks.some((b) => b.block_id === "reminder_recipient")).toBe(false);
    await submit(ADMIN, view);
    await until(async () => (await db.reminder.findFirstOrThrow()).status === "to_post");
    await ctx.outbox.idle();
    const kase = await db.case.findFirstOrThrow({ where: { customerId: d.id } });
    const ready = threadPosts(h, kase.threadTs as string).find((p) => String(p.args.text).startsWith("📄"));
    expect(JSON.stringify(ready?.args.blocks)).toContain("reminder_posted");
    const fileId = [...h.slack.uploads.keys()].at(-1)!;
    const { text, pages } = await pdfText(h.slack.uploads.get(fileId)!);
    expect(pages).toBe(2);
    expect(text).toContain("Raccomandata A/R");
    // the recipient's address once per page (beside the letterhead), not again at the top of the letter
    expect(text.split("Via Roma 1").length - 1).toBe(2);
    expect(text).toContain("Oggetto: Promemoria di pagamento - Forniture Bianchi S.r.l.");
    expect(text).toContain("Estratto conto al 02/03/2026");
    expect(await db.interaction.count()).toBe(0);
    const r = await db.reminder.findFirstOrThrow();
    // the click on that very message, as Slack sends it: its ts, text and blocks
    const readyTs = (
      await db.outboxMessage.findFirstOrThrow({
        where: { method: "chat.postMessage", payload: { contains: "reminder_posted" } },
      })
    ).resultTs!;
    const trigger = h.requester.newTriggerId();
    await h.requester.interaction({
      type: "block_actions",
      user: { id: ADMIN, username: "uadmin", name: "uadmin", team_id: "T0DEMO" },
      trigger_id: trigger,
      channel: { id: CHANNEL, name: "crediti" },
      container: { type: "message", message_ts: readyTs, channel_id: CHANNEL, is_ephemeral: false },
      message: { type: "message", ts: readyTs, text: ready?.args.text, blocks: ready?.args.blocks },
      response_url: h.slack.responseUrl(trigger),
      actions: [{ type: "button", action_id: "reminder_posted", block_id: "b1", value: String(r.id) }],
    });
    await until(async () => (await db.reminder.findFirstOrThrow()).status === "sent");
    expect(await db.interaction.findFirstOrThrow()).toMatchObject({ channel: "letter", customerId: d.id });
    expect(received).toHaveLength(0);
    // the message keeps its text, and the button gives way to who posted it
    await ctx.outbox.idle();
    const edited = h.slack.callsOf("chat.update").find((c) => c.args.ts === readyTs);
    expect(edited?.args.text).toBe(ready?.args.text);
    expect(JSON.stringify(edited?.args.blocks)).not.toContain("reminder_posted");
  });

  it("prepares the morning's written steps in one review message; only the courteous email may go by itself", async () => {
    const db = await start({ CREDITO_AUTO_SEND_COURTESY: "true" });
    await customer({
      code: "E01",
      name: "Epsilon SRL",
      email: "a@epsilon.example.it",
      chased: { level: 1, on: "2026-02-23" },
      invoices: [{ number: "E-1", dueDate: "2026-02-20", openCents: 10_000 }],
    });
    await customer({
      code: "Z01",
      name: "Zeta SRL",
      pec: "z@pec.zeta.example.it",
      chased: { level: 3, on: "2026-02-09" },
      invoices: [{ number: "Z-1", dueDate: "2026-01-25", openCents: 90_000 }],
    });
    const ctx = h.runtime.ctx;
    const dry = await prepareDay(ctx, "2026-03-02", { dryRun: true });
    expect(dry.prepared.map((p) => [p.customerName, p.step, p.medium])).toEqual(
      expect.arrayContaining([
        ["Epsilon SRL", "courtesy", "email"],
        ["Zeta SRL", "formal_notice", "pec"],
      ]),
    );
    expect(await db.reminder.count()).toBe(0);
    const run = await prepareDay(ctx, "2026-03-02");
    expect(run.autoSent).toBe(1);
    expect(run.prepared.map((p) => p.customerName)).toEqual(["Zeta SRL"]);
    await prepareDay(ctx, "2026-03-02"); // a second run posts nothing new
    await until(() => received.length === 1, 8000);
    await ctx.outbox.idle();
    const reviews = h.slack
      .callsOf("chat.postMessage")
      .filter((c) => String(c.args.text).startsWith("✉️ Solleciti scritti di oggi"));
    expect(reviews).toHaveLength(1);
    expect(JSON.stringify(reviews[0]!.args.blocks)).toContain("reminder_send_all");
    expect(JSON.stringify(reviews[0]!.args.blocks)).toContain("1 email di cortesia inviata in automatico.");
    expect(received[0]!.to).toEqual(["a@epsilon.example.it"]);
    // "Invia tutti" by an admin: the messa in mora needs no further ok
    await click(h, ADMIN, "reminder_send_all", "2026-03-02");
    await until(() => received.length === 2, 8000);
    expect(received[1]!.to).toEqual(["z@pec.zeta.example.it"]);
  });
});
