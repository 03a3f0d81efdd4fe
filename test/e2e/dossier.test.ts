import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliError } from "../../src/cli/command";
import { dossierCommand } from "../../src/cli/dossier";
import { parseHalfYear, parseRatePercent, tassiCommand } from "../../src/cli/tassi";
import { today } from "../../src/context";
import { openCase } from "../../src/services/cases/cases";
import { ADMIN, seedCase } from "../support/cases";
import { CHANNEL, type Harness, startHarness } from "../support/harness";
import { pdfText } from "../support/pdf-text";

describe("the dossier for the agency or the lawyer", () => {
  let h: Harness;
  let dir: string;
  beforeEach(async () => {
    h = await startHarness();
    dir = mkdtempSync(join(tmpdir(), "credito-dossier-"));
  });
  afterEach(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  async function seedHistory(customerId: number) {
    const db = h.runtime.ctx.db;
    const admin = await db.teamMember.findUniqueOrThrow({ where: { slackUserId: ADMIN } });
    await db.interaction.create({
      data: {
        customerId,
        memberId: admin.id,
        channel: "phone",
        personReached: "Mario Rossi",
        outcome: "promise",
        date: "2026-02-20",
        occurredAt: new Date("2026-02-20T10:00:00+01:00"),
        notes: "Promette € 1.000 entro venerdì",
      },
    });
    await db.paymentPromise.create({
      data: { customerId, amountCents: 100000, dueDate: "2026-02-27", status: "broken" },
    });
    await db.document.create({
      data: {
        customerId,
        kind: "debt_acknowledgment",
        date: "2026-02-21",
        signed: true,
        amountCents: 350000,
      },
    });
  }

  it("/credito dossier uploads the PDF into the case thread; its text reads back", async () => {
    const { customerId, parentTs } = await seedCase(h);
    await seedHistory(customerId);
    const res = await h.requester.command(ADMIN, "/credito", "dossier rossi");
    expect((res.json as { text: string }).text).toBe("Preparo il dossier di Rossi Forniture SRL…");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "files.completeUploadExternal"), 10_000);
    const [get] = h.slack.callsOf("files.getUploadURLExternal");
    expect(get?.args.filename).toBe("dossier-C001-2026-03-02.pdf");
    const [upload] = h.slack.callsOf("upload");
    const fileId = String(upload?.args.fileId);
    const bytes = h.slack.uploads.get(fileId);
    expect(bytes?.length).toBe(Number(get?.args.length));
    const [complete] = h.slack.callsOf("files.completeUploadExternal");
    expect(complete?.args).toMatchObject({ channel_id: CHANNEL, thread_ts: parentTs });
    expect(JSON.stringify(complete?.args.files)).toContain(fileId);
    expect(String(complete?.args.initial_comment)).toBe(
      "📁 Dossier di Rossi Forniture SRL per l'agenzia o il legale",
    );

    const { text } = await pdfText(bytes!);
    const lines = text.split("\n");
    for (const expected of [
      "Dossier di recupero crediti",
      "Rossi Forniture SRL (C001)",
      "Partita IVA: 01234567890",
      "Commerciale: Sara Commerciale",
      "Esposizione aperta: € 3.500,00",
      "Giorni di ritardo (fattura più vecchia): 60",
      "FT-101 30/11/2025 01/01/2026 € 1.000,00 € 1.000,00",
      "FT-102 31/12/2025 31/01/2026 € 2.500,00 € 2.500,00",
      "Interessi di mora (D.Lgs. 231/2002)",
      "FT-101 02/01/2026 02/03/2026 60 10,15% € 16,68",
      "FT-102 01/02/2026 02/03/2026 30 10,15% € 20,86",
      "Totale interessi: € 37,54",
      "Costi di recupero (€ 40 per fattura): € 80,00",
      "Totale dovuto (capitale + interessi + costi): € 3.617,54",
      "Tutti i semestri usati hanno un tasso di riferimento pubblicato.",
      "20/02/2026 · Telefono · Promessa di pagamento · Mario Rossi · Alice Admin",
      "Promette € 1.000 entro venerdì",
      "27/02/2026 € 1.000,00 € 0,00 non mantenuta",
      "21/02/2026 · Riconoscimento del debito · firmato · € 3.500,00",
      "Come approcciarlo: Chiamare il mattino",
    ]) {
      expect(lines).toContain(expected);
    }
    expect(
      await h.runtime.ctx.db.auditEntry.count({ where: { action: "dossier.uploaded", customerId } }),
    ).toBe(1);
  });

  it("a case without a thread yet: the dossier waits in the outbox for its parent, and a failed upload is retried", async () => {
    await seedCase(h); // the team
    const db = h.runtime.ctx.db;
    const customer = await db.customer.create({
      data: {
        code: "C002",
        name: "Bianchi & Figli SpA",
        searchText: "bianchi figli spa c002",
        invoices: {
          create: [
            {
              number: "FT-201",
              issueDate: "2025-12-01",
              dueDate: "2026-01-15",
              amountCents: 50000,
              openCents: 50000,
            },
          ],
        },
      },
    });
    const kase = await db.$transaction((tx) => openCase(tx, customer.id, today(h.runtime.ctx)));
    expect(kase.threadTs).toBeNull();
    h.slack.failNext("files.completeUploadExternal", { status: 500 });
    const res = await h.requester.command(ADMIN, "/credito", "dossier bianchi");
    expect((res.json as { text: string }).text).toBe("Preparo il dossier di Bianchi &amp; Figli SpA…");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "files.completeUploadExternal"), 15_000);
    // the parent first (queued with the upload, in the same channel), then the file in its thread
    const parent = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
    expect(parent.threadTs).toBeTruthy();
    const methods = h.slack.calls.map((c) => c.method);
    expect(methods.indexOf("chat.postMessage")).toBeLessThan(methods.indexOf("files.getUploadURLExternal"));
    expect(methods).toContain("files.completeUploadExternal:failed");
    const completed = h.slack.callsOf("files.completeUploadExternal");
    expect(completed).toHaveLength(1);
    expect(completed[0]?.args).toMatchObject({ channel_id: CHANNEL, thread_ts: parent.threadTs });
    expect(String(completed[0]?.args.initial_comment)).toBe(
      "📁 Dossier di Bianchi &amp; Figli SpA per l'agenzia o il legale",
    );
    // it left through the outbox, once, and is recorded in the audit with its row
    await h.runtime.ctx.outbox.idle();
    const rows = await db.outboxMessage.findMany({ where: { method: "files.upload" } });
    expect(rows.map((r) => r.status)).toEqual(["sent"]);
    const entry = await db.auditEntry.findFirstOrThrow({
      where: { action: "dossier.uploaded", caseId: kase.id },
    });
    expect(JSON.parse(entry.detail ?? "{}")).toMatchObject({ outboxId: rows[0]?.id });
  });

  it("credito dossier writes the same PDF from the CLI and names the half-years that used the last known rate", async () => {
    const { customerId } = await seedCase(h);
    await seedHistory(customerId);
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = h.dbUrl;
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      const out = join(dir, "rossi.pdf");
      expect(await dossierCommand.run(["C001", "--out", out, "--date", "2026-09-30"])).toBe(0);
      let { text } = await pdfText(readFileSync(out));
      expect(text).toContain("FT-101 01/07/2026 30/09/2026 92 10,15% * € 25,58");
      expect(text).toContain(
        "* Per i semestri 2026 H2 il tasso non è nella tabella: è stato usato l'ultimo tasso noto.",
      );
      // an admin extends the table: the half-year is now known
      expect(await tassiCommand.run(["2026H2", "2,40"])).toBe(0);
      expect(
        await h.runtime.ctx.db.referenceRate.findUnique({ where: { periodStart: "2026-07-01" } }),
      ).toEqual({
        periodStart: "2026-07-01",
        rateBps: 240,
      });
      expect(await dossierCommand.run(["C001", "--out", out, "--date", "2026-09-30"])).toBe(0);
      ({ text } = await pdfText(readFileSync(out)));
      expect(text).toContain("FT-101 01/07/2026 30/09/2026 92 10,40% € 26,21");
      expect(text).toContain("Tutti i semestri usati hanno un tasso di riferimento pubblicato.");
      await expect(dossierCommand.run(["NOPE"])).rejects.toThrow(CliError);
      await expect(dossierCommand.run(["C001", "--date", "30/09"])).rejects.toThrow(
        '--date: "30/09" non è una data',
      );
      await expect(tassiCommand.run(["2026-03-01", "2"])).rejects.toThrow("non è un semestre");
    } finally {
      process.stdout.write = write;
      process.env.DATABASE_URL = saved;
    }
  });

  it("parses half-years and rates for credito tassi", () => {
    expect(parseHalfYear("2027h1")).toBe("2027-01-01");
    expect(parseHalfYear("2027-H2")).toBe("2027-07-01");
    expect(parseHalfYear("2027-07-01")).toBe("2027-07-01");
    expect(parseHalfYear("2027-04-01")).toBeNull();
    expect(parseRatePercent("2,15")).toBe(215);
    expect(parseRatePercent("4.5%")).toBe(450);
    expect(parseRatePercent("abc")).toBeNull();
  });
});
