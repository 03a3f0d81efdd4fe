import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BANK_ACTIONS } from "../../src/messages/bank";
import { closeSettledCases } from "../../src/services/cases/case-lifecycle";
import { ADMIN, click, SALES, seedCase } from "../support/cases";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.close();
});

// the morning's home-banking export: Rossi pays FT-101 as promised, and sends € 250 with no reference
const STATEMENT = [
  "Data contabile;Data valuta;Descrizione;Dare;Avere;IBAN ordinante",
  "02/03/2026;02/03/2026;BONIFICO DA ROSSI FORNITURE SRL - SALDO FT-101;;1.000,00;IT02A0306909606100000063471",
  "02/03/2026;02/03/2026;BONIFICO DA ROSSI FORNITURE SRL - ACCONTO;;250,00;IT02A0306909606100000063471",
  "02/03/2026;02/03/2026;COMPETENZE DI CHIUSURA;4,20;;",
].join("\r\n");

function shareInDm(user: string, fileId: string, name: string, bytes: Buffer) {
  const url = h.slack.serveFile(`${fileId}/${name}`, bytes, { id: fileId, name });
  return h.requester.event(
    {
      type: "message",
      subtype: "file_share",
      channel: `D${user}`,
      channel_type: "im",
      user,
      text: "",
      ts: "1772436600.000100",
      files: [{ id: fileId, name, size: bytes.length, url_private: url }],
    },
    `Ev${fileId}`,
  );
}

describe("bank statement from a DM", () => {
  it("the payment keeps the promise in the case thread; the uncertain one is confirmed by an admin only", async () => {
    const { customerId, caseId, parentTs } = await seedCase(h);
    const db = h.runtime.ctx.db;
    const call = await db.interaction.create({
      data: {
        customerId,
        caseId,
        channel: "phone",
        outcome: "promise",
        date: "2026-02-25",
        occurredAt: new Date("2026-02-25T10:00:00Z"),
      },
    });
    await db.paymentPromise.create({
      data: { customerId, interactionId: call.id, amountCents: 100000, dueDate: "2026-03-02" },
    });

    const res = await shareInDm(ADMIN, "F0BANK", "movimenti.csv", Buffer.from(STATEMENT, "utf8"));
    expect(res.status).toBe(200);
    await h.slack.waitFor(
      (calls) =>
        calls.some(
          (c) =>
            c.method === "chat.postMessage" &&
            c.args.thread_ts === parentTs &&
            String(c.args.text).includes("mantenuta"),
        ),
      15_000,
    );
    await h.runtime.ctx.outbox.idle();
    const thread = h.slack
      .callsOf("chat.postMessage")
      .filter((c) => c.args.channel === CHANNEL && c.args.thread_ts === parentTs)
      .map((c) => String(c.args.text));
    expect(thread).toContain("🏦 Incasso dalla banca: € 1.000,00 su FT-101 (movimento del 2 mar)");
    expect(thread).toContain("✅ Promessa di € 1.000,00 del 2 mar: mantenuta (pagati € 1.000,00)");
    // told once: the round of payment lines run before each digest does not repeat the bank's
    await closeSettledCases(h.runtime.ctx, "2026-03-02");
    await h.runtime.ctx.outbox.idle();
    const told = h.slack
      .callsOf("chat.postMessage")
      .filter((c) => c.args.thread_ts === parentTs && String(c.args.text).includes("€ 1.000,00"))
      .map((c) => String(c.args.text));
    expect(told.filter((t) => /^(🏦|💶)/u.test(t))).toEqual([
      "🏦 Incasso dalla banca: € 1.000,00 su FT-101 (movimento del 2 mar)",
    ]);
    expect(await db.paymentPromise.findFirstOrThrow()).toMatchObject({ status: "kept" });
    expect(await db.invoice.findFirstOrThrow({ where: { number: "FT-101" } })).toMatchObject({
      openCents: 0,
      status: "paid",
    });

    const dm = h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === `D${ADMIN}`);
    const result = dm.find((c) => String(c.args.text).startsWith("🏦 Estratto conto movimenti.csv"))!;
    expect(String(result.args.text)).toContain(
      "riga 2 · 02/03/2026 · € 1.000,00 · ✅ incassato: Rossi Forniture SRL (C001), FT-101",
    );
    expect(String(result.args.text)).toContain(
      "3 movimenti · incassati 1 (€ 1.000,00) · da confermare 1 · ignorati 1 · insoluti 0 · già importati 0",
    );
    const proposals = dm.find((c) => String(c.args.text).includes("1 movimento da confermare"))!;
    const blocks = proposals.args.blocks as Array<{
      type: string;
      text?: { text: string };
      elements?: Array<{ action_id: string; value: string }>;
    }>;
    expect(blocks[1]!.text!.text).toContain("Proposta: *Rossi Forniture SRL*, FT-102");
    const confirm = blocks[2]!.elements!.find((e) => e.action_id === BANK_ACTIONS.confirm)!;

    // a salesperson cannot confirm: nothing recorded
    await click(h, SALES, BANK_ACTIONS.confirm, confirm.value);
    await h.slack.waitFor((calls) =>
      calls.some(
        (c) => c.method === "response_url" && String(c.args.text).includes("Solo l'amministrazione"),
      ),
    );
    expect(await db.payment.count()).toBe(1);

    await click(h, ADMIN, BANK_ACTIONS.confirm, confirm.value);
    await h.slack.waitFor(
      (calls) => calls.some((c) => c.method === "chat.update" && c.args.channel === `D${ADMIN}`),
      10_000,
    );
    await h.runtime.ctx.outbox.idle();
    const update = h.slack.callsOf("chat.update").find((c) => c.args.channel === `D${ADMIN}`)!;
    const posted = await db.outboxMessage.findFirstOrThrow({
      where: { dedupeKey: { startsWith: "bank-proposals:" } },
    });
    expect(update.args.ts).toBe(posted.resultTs); // the proposals message itself is edited
    expect(JSON.stringify(update.args.blocks)).toContain("registrato su Rossi Forniture SRL da <@UADMIN>");
    expect(JSON.stringify(update.args.blocks)).not.toContain(BANK_ACTIONS.confirm);
    expect(await db.invoice.findFirstOrThrow({ where: { number: "FT-102" } })).toMatchObject({
      openCents: 225000,
    });
    expect(
      await db.customerIban.findUniqueOrThrow({ where: { iban: "IT02A0306909606100000063471" } }),
    ).toMatchObject({ customerId });

    // a second click on the same button records nothing more
    await click(h, ADMIN, BANK_ACTIONS.confirm, confirm.value);
    await h.slack.waitFor((calls) =>
      calls.some((c) => c.method === "response_url" && String(c.args.text).includes("già stato deciso")),
    );
    expect(await db.payment.count()).toBe(2);

    // the same file sent again: nothing new
    await shareInDm(ADMIN, "F0BANK2", "movimenti.csv", Buffer.from(STATEMENT, "utf8"));
    await h.slack.waitFor(
      (calls) =>
        calls.some((c) => c.method === "chat.postMessage" && String(c.args.text).includes("già importati 3")),
      10_000,
    );
    expect(await db.payment.count()).toBe(2);
  });

  it("a returned RiBa nobody is named in: the admin chooses customer and invoice in the modal, checked inline", async () => {
    const { customerId } = await seedCase(h);
    const db = h.runtime.ctx.db;
    // FT-101 went as a RiBa and the scadenzario shows it paid; the bank now returns it unpaid
    await db.invoice.updateMany({
      where: { number: "FT-101" },
      data: { openCents: 0, status: "paid", closedOn: "2026-02-20" },
    });
    const csv = [
      "Data contabile;Descrizione;Dare;Avere",
      "02/03/2026;INSOLUTO RIBA EFFETTO N. 55120;1.000,00;",
      "02/03/2026;COMMISSIONI INSOLUTO RIBA;6,00;",
    ].join("\r\n");
    await shareInDm(ADMIN, "F0RIBA", "insoluti.csv", Buffer.from(csv));
    await h.slack.waitFor(
      (calls) => calls.some((c) => String(c.args.text).includes("1 movimento da confermare")),
      10_000,
    );
    await h.runtime.ctx.outbox.idle();
    const proposals = h.slack
      .callsOf("chat.postMessage")
      .find((c) => String(c.args.text).includes("1 movimento da confermare"))!;
    const actions = (
      proposals.args.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>
    ).find((b) => b.type === "actions")!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual([BANK_ACTIONS.choose, BANK_ACTIONS.dismiss]);
    const movementId = actions.elements![0]!.value;

    await click(h, ADMIN, BANK_ACTIONS.choose, movementId);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open"));
    const view = h.slack.callsOf("views.open")[0]!.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.private_metadata).toBe(movementId);

    const suggest = await h.requester.interaction({
      type: "block_suggestion",
      action_id: BANK_ACTIONS.customer,
      block_id: "customer",
      value: "rossi",
      user: { id: ADMIN, name: "admin" },
      container: { type: "view", view_id: "V1" },
    });
    const options = (suggest.json as { options: Array<{ value: string }> }).options;
    expect(options.map((o) => o.value)).toEqual([String(customerId)]);

    const submit = (invoices: string, user = ADMIN) =>
      h.requester.interaction({
        type: "view_submission",
        user: { id: user, name: user.toLowerCase() },
        view: {
          ...view,
          id: "V1",
          hash: "h1",
          state: {
            values: {
              customer: {
                [BANK_ACTIONS.customer]: {
                  type: "external_select",
                  selected_option: { value: String(customerId) },
                },
              },
              invoices: { [BANK_ACTIONS.invoices]: { type: "plain_text_input", value: invoices } },
            },
          },
        },
      });
    const wrong = await submit("FT-999");
    expect(wrong.json).toEqual({
      response_action: "errors",
      errors: { invoices: "Fatture non aperte per questo cliente: FT-999" },
    });
    const sales = await submit("FT-101", SALES);
    expect(sales.json).toMatchObject({ response_action: "errors" });
    expect(await db.payment.count()).toBe(0);

    const ok = await submit("FT-101");
    expect(ok.status).toBe(200);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.update"), 10_000);
    expect(await db.invoice.findFirstOrThrow({ where: { number: "FT-101" } })).toMatchObject({
      openCents: 100000,
      status: "open",
    });
    expect(await db.caseCost.findFirstOrThrow()).toMatchObject({
      customerId,
      amountCents: 600,
      kind: "bank_fee",
    });
    expect(await db.dailyTask.findFirstOrThrow({ where: { kind: "riba_returned" } })).toMatchObject({
      customerId,
    });
  });
});
