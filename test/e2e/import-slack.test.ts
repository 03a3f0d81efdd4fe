import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";

const FIX = join(__dirname, "../fixtures/import");
let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.close();
});

function shareInDm(user: string, fileId: string, name: string, text = "", eventId = `Ev${fileId}`) {
  const url = h.slack.serveFile(`${fileId}/${name}`, readFileSync(join(FIX, name)), { id: fileId, name });
  return h.requester.event(
    {
      type: "message",
      subtype: "file_share",
      channel: `D${user}`,
      channel_type: "im",
      user,
      text,
      ts: "1772436600.000100",
      files: [{ id: fileId, name, size: 1000, url_private: url }],
    },
    eventId,
  );
}

async function dmTexts(channel: string): Promise<string[]> {
  await h.runtime.ctx.outbox.idle();
  return h.slack
    .callsOf("chat.postMessage")
    .filter((c) => c.args.channel === channel)
    .map((c) => String(c.args.text));
}

describe("import from Slack", () => {
  it("/credito importa explains how to send the file, ephemerally", async () => {
    const res = await h.requester.command("UADMIN", "/credito", "importa");
    expect(res.status).toBe(200);
    const body = res.json as { response_type: string; text: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("mandami il file in un messaggio diretto");
  });

  it("a scadenzario shared by an admin in a DM is downloaded with the bot token, imported and summarised", async () => {
    await h.runtime.ctx.db.teamMember.create({
      data: { slackUserId: "UADMIN", name: "Anna", role: "admin" },
    });
    const res = await shareInDm("UADMIN", "F0SCAD", "scadenzario.csv");
    expect(res.status).toBe(200);
    await h.slack.waitFor(
      (calls) => calls.some((c) => c.method === "chat.postMessage" && String(c.args.text).includes("Totale")),
      10_000,
    );
    const download = h.slack.callsOf("file.download")[0]!;
    expect(download.args).toEqual({
      path: "/files/F0SCAD/scadenzario.csv",
      authorization: "Bearer xoxb-test-token",
    });
    const texts = await dmTexts("DUADMIN");
    expect(texts[0]).toBe("📊 Importo scadenzario.csv…");
    expect(texts[1]).toContain("Clienti: 5 creati, 0 aggiornati");
    expect(texts[1]).toContain("Fatture: 7 create, 0 aggiornate, 0 chiuse");
    expect(texts[1]).toContain("Totale aperto: € 45.594,56 su 7 fatture");
    const result = h.slack.callsOf("chat.postMessage").at(-1)!;
    expect((result.args.blocks as Array<{ text: { text: string } }>)[0]!.text.text).toMatch(
      /^\*📊 Import di scadenzario.csv\*\nscadenzario.csv: scadenzario, 7 righe\n/,
    );
    expect(await h.runtime.ctx.db.invoice.count()).toBe(7);
    const entry = await h.runtime.ctx.db.auditEntry.findFirstOrThrow({ where: { action: "import" } });
    expect(entry.actor).toBe("UADMIN");
  });

  it("a file with errors imports nothing unless the message says 'scarta'", async () => {
    await h.runtime.ctx.db.teamMember.create({
      data: { slackUserId: "UADMIN", name: "Anna", role: "admin" },
    });
    await shareInDm("UADMIN", "F0ERR1", "scadenzario-errori.csv");
    await h.slack.waitFor((c) => c.some((x) => String(x.args.text).includes("righe scartate")), 10_000);
    expect(await h.runtime.ctx.db.invoice.count()).toBe(0);
    const texts = await dmTexts("DUADMIN");
    expect(texts.at(-1)).toContain("6 righe scartate: non ho importato nulla");
    expect(texts.at(-1)).toContain("scadenzario-errori.csv, riga 3: data scadenza: 31/02/2026 non esiste");
    expect(texts.at(-1)).not.toContain("Totale");

    await shareInDm("UADMIN", "F0ERR2", "scadenzario-errori.csv", "scarta le righe sbagliate");
    await h.slack.waitFor((c) => c.filter((x) => String(x.args.text).includes("Totale")).length >= 1, 10_000);
    expect(await h.runtime.ctx.db.invoice.count()).toBe(2);
  });

  it("only admins may import; a user who is not an admin is told so and nothing is downloaded", async () => {
    await h.runtime.ctx.db.teamMember.create({
      data: { slackUserId: "UADMIN", name: "Anna", role: "admin" },
    });
    await h.runtime.ctx.db.teamMember.create({
      data: { slackUserId: "USALES", name: "Marco", role: "sales" },
    });
    await shareInDm("USALES", "F0SALES", "scadenzario.csv");
    await h.slack.waitFor((c) => c.some((x) => x.method === "chat.postMessage"), 10_000);
    expect(await dmTexts("DUSALES")).toEqual(["Solo gli amministratori di Credito possono importare dati."]);
    expect(h.slack.callsOf("file.download")).toEqual([]);
    expect(await h.runtime.ctx.db.invoice.count()).toBe(0);
  });

  it("the file_shared event of the same file does not import it twice", async () => {
    await h.runtime.ctx.db.teamMember.create({
      data: { slackUserId: "UADMIN", name: "Anna", role: "admin" },
    });
    await shareInDm("UADMIN", "F0TWICE", "pagamenti.csv", "", "EvA");
    await h.requester.event(
      {
        type: "file_shared",
        file_id: "F0TWICE",
        user_id: "UADMIN",
        channel_id: "DUADMIN",
        file: { id: "F0TWICE" },
      },
      "EvB",
    );
    // rejected, so no totals as if it had imported (issue 13)
    await h.slack.waitFor((c) => c.some((x) => String(x.args.text).includes("scartat")), 10_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.slack.callsOf("file.download")).toHaveLength(1);
    const texts = await dmTexts("DUADMIN");
    // payments for customers that do not exist yet: rejected, with the row numbers
    expect(texts.at(-1)).toContain("pagamenti.csv, riga 2: cliente sconosciuto: C001");
  });

  it("a file_shared event alone is resolved through files.info", async () => {
    await h.runtime.ctx.db.teamMember.create({
      data: { slackUserId: "UADMIN", name: "Anna", role: "admin" },
    });
    h.slack.serveFile("F0XML/fattura.xml", readFileSync(join(FIX, "fatturapa/IT01122334459_00A01.xml")), {
      id: "F0XML",
      name: "IT01122334459_00A01.xml",
      size: 4000,
    });
    await h.requester.event(
      { type: "file_shared", file_id: "F0XML", user_id: "UADMIN", channel_id: "DUADMIN" },
      "EvX",
    );
    await h.slack.waitFor((c) => c.some((x) => String(x.args.text).includes("Totale")), 10_000);
    expect(await dmTexts("DUADMIN")).toContainEqual(expect.stringContaining("Fatture: 3 create"));
    expect(h.slack.callsOf("files.info")[0]!.args.file).toBe("F0XML");
  });
});
