import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactNotes } from "../../src/i18n/contact-notes";
import { readPecReceipts } from "../../src/reminders/pec-receipts";
import { prepareReminder, submitReminder } from "../../src/reminders/service";
import { dossierData } from "../../src/services/cases/dossier";
import { ADMIN, threadPosts, until } from "../support/cases";
import { startDovecot, type TestImap } from "../support/dovecot";
import { type Harness, startHarness } from "../support/harness";

/** A receipt as PEC providers send it: X-Ricevuta and X-Riferimento-Message-ID name what it is about. */
function receipt(kind: string, ref: string, date: string, subject: string): string {
  return [
    "From: posta-certificata@pec.provider.example.it",
    "To: crediti@pec.forniturebianchi.it",
    `Subject: ${subject}`,
    `Date: ${date}`,
    `Message-ID: <ricevuta-${kind}-${Math.random().toString(36).slice(2)}@pec.provider.example.it>`,
    `X-Ricevuta: ${kind}`,
    `X-Riferimento-Message-ID: ${ref}`,
    "X-Trasporto: posta-certificata",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "",
    `${subject}`,
    "",
  ].join("\r\n");
}

describe("PEC receipts read from the PEC mailbox (a local Dovecot)", () => {
  let h: Harness;
  let imap: TestImap;
  let smtp: SMTPServer;
  const sent: string[] = [];
  beforeAll(async () => {
    imap = await startDovecot();
    smtp = new SMTPServer({
      secure: false,
      disabledCommands: ["STARTTLS"],
      authOptional: true,
      onData(stream, _s, cb) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          sent.push(Buffer.concat(chunks).toString("utf8"));
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
    h = await startHarness({
      now: "2026-03-02T08:30:00+01:00",
      env: {
        CREDITO_PEC_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
        CREDITO_PEC_FROM: "crediti@pec.forniturebianchi.it",
        CREDITO_PEC_IMAP_URL: imap.url,
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await new Promise<void>((r) => smtp.close(() => r()));
    imap?.stop();
  });

  it("matches the receipts to the PECs sent, records the delivery date as evidence and reports a failed delivery", async () => {
    const ctx = h.runtime.ctx;
    const db = ctx.db;
    const admin = await db.teamMember.create({
      data: { slackUserId: ADMIN, name: "Alice Admin", role: "admin" },
    });
    const ids: number[] = [];
    for (const [code, pec] of [
      ["P01", "amministrazione@pec.primo.example.it"],
      ["P02", "sbagliato@pec.secondo.example.it"],
    ] as const) {
      const c = await db.customer.create({
        data: {
          code,
          name: `Cliente ${code} S.r.l.`,
          pec,
          invoices: {
            create: [
              {
                number: `${code}-1`,
                issueDate: "2026-01-10",
                dueDate: "2026-01-20",
                amountCents: 90_000,
                openCents: 90_000,
              },
            ],
          },
        },
      });
      const prepared = await prepareReminder(ctx, {
        customerId: c.id,
        step: "formal_notice",
        actor: admin,
        actorSlackId: ADMIN,
      });
      if (!prepared.ok) throw new Error(prepared.message);
      const result = await submitReminder(ctx, prepared.reminderId, null, ADMIN);
      expect(result).toMatchObject({ ok: true, outcome: "queued" });
      ids.push(prepared.reminderId);
    }
    await until(async () => (await db.reminder.count({ where: { status: "sent" } })) === 2, 8000);
    const [first, second] = await Promise.all(
      ids.map((id) => db.reminder.findUniqueOrThrow({ where: { id } })),
    );
    imap.deliver(
      receipt(
        "accettazione",
        first!.messageId!,
        "Mon, 02 Mar 2026 08:31:05 +0000",
        "ACCETTAZIONE: Costituzione in mora",
      ),
    );
    imap.deliver(
      receipt(
        "avvenuta-consegna",
        first!.messageId!,
        "Mon, 02 Mar 2026 08:31:40 +0000",
        "CONSEGNA: Costituzione in mora",
      ),
    );
    imap.deliver(
      receipt(
        "errore-consegna",
        second!.messageId!,
        "Mon, 02 Mar 2026 08:32:00 +0000",
        "AVVISO DI MANCATA CONSEGNA: casella inesistente",
      ),
    );
    imap.deliver(
      receipt(
        "avvenuta-consegna",
        "<di-un-altro@pec.example.it>",
        "Mon, 02 Mar 2026 08:33:00 +0000",
        "CONSEGNA: altro",
      ),
    );
    imap.deliver(
      [
        "From: cliente@primo.example.it",
        "Subject: domanda",
        "Date: Mon, 02 Mar 2026 08:34:00 +0000",
        "",
        "buongiorno",
      ].join("\r\n"),
    );

    expect(await readPecReceipts(ctx)).toBe(3);
    const delivered = await db.reminder.findUniqueOrThrow({ where: { id: first!.id } });
    expect(delivered.acceptedAt?.toISOString()).toBe("2026-03-02T08:31:05.000Z");
    expect(delivered.deliveredAt?.toISOString()).toBe("2026-03-02T08:31:40.000Z");
    const contact = await db.interaction.findUniqueOrThrow({ where: { id: delivered.interactionId! } });
    expect(contact.notes).toBeNull(); // its words come from the reminder when shown
    const dossier = await dossierData(db, contact.customerId, "2026-03-02", ctx.config.timeZone);
    const shown = dossier.interactions.find((i) => i.reminder)!;
    expect(contactNotes(shown, "it")).toContain(
      "consegnata il 02/03/2026 09:31 (ricevuta di avvenuta consegna PEC)",
    );
    const failed = await db.reminder.findUniqueOrThrow({ where: { id: second!.id } });
    expect(failed.deliveryError).toBe("AVVISO DI MANCATA CONSEGNA: casella inesistente");
    await ctx.outbox.idle();
    const kase = await db.case.findFirstOrThrow({ where: { customerId: failed.customerId } });
    expect(threadPosts(h, kase.threadTs as string).map((c) => c.args.text)).toContain(
      "⚠️ PEC all'indirizzo sbagliato@pec.secondo.example.it non consegnata: AVVISO DI MANCATA CONSEGNA: casella inesistente.",
    );
    // read once: a second look finds nothing new
    expect(await readPecReceipts(ctx)).toBe(0);
    expect(sent).toHaveLength(2);
  });
});
