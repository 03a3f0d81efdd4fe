// The bank's fee on a returned RiBa, from the statement to every surface a credit manager reads: the case
// parent in Slack, the lawyer's dossier PDF, and from the messa in mora on the reminder and its statement of
// account, which agree with the dossier's total claimable to the cent. In Italian and in English.
import { afterEach, describe, expect, it } from "vitest";
import { today } from "../../src/context";
import { buildDraft, draftPdf } from "../../src/reminders/drafts";
import { prepareReminder } from "../../src/reminders/service";
import { dossierData } from "../../src/services/cases/dossier";
import { ADMIN, seedCase } from "../support/cases";
import { CHANNEL, type Harness, startHarness } from "../support/harness";
import { pdfPages } from "../support/pdf-text";

let h: Harness;
afterEach(async () => {
  await h.close();
});

// FT-101 (€ 1.000,00) went as a RiBa and was booked paid; the bank returns it unpaid with a € 7,50 fee
const STATEMENT = [
  "Data contabile;Descrizione;Dare;Avere",
  "02/03/2026;RIBA INSOLUTA FT-101 DEBITORE ROSSI FORNITURE SRL;1.000,00;",
  "02/03/2026;COMMISSIONI INSOLUTO RIBA;7,50;",
].join("\r\n");

function shareInDm(fileId: string, name: string, bytes: Buffer) {
  const url = h.slack.serveFile(`${fileId}/${name}`, bytes, { id: fileId, name });
  return h.requester.event(
    {
      type: "message",
      subtype: "file_share",
      channel: `D${ADMIN}`,
      channel_type: "im",
      user: ADMIN,
      text: "",
      ts: "1772436600.000100",
      files: [{ id: fileId, name, size: bytes.length, url_private: url }],
    },
    `Ev${fileId}`,
  );
}

const EXPECT = {
  it: {
    parentLine: "Spese: € 9,50 (2 insoluti)",
    dossier: [
      "Spese sostenute",
      "Data Voce Importo",
      "02/03/2026 Commissione RiBa insoluta € 7,50",
      "Totale spese: € 9,50",
      "Totale dovuto (capitale + interessi + costi): € 3.617,54",
      "Spese sostenute (dettaglio sotto): € 9,50",
      "Totale richiedibile (capitale + interessi + costi di recupero + spese): € 3.627,04",
    ],
    statement: [
      "Spese bancarie per effetti insoluti (RiBa/SDD) € 9,50",
      "Totale dovuto € 3.627,04",
      "Importo: € 3.627,04",
    ],
    body: "Spese bancarie sostenute per gli effetti tornati insoluti (RiBa/SDD): € 9,50",
    oldRow: "01/03/2026 Commissione SDD insoluto € 2,00",
    payment: "02/03/2026 · -€ 1.000,00 · RiBa insoluta",
    page: (n: number, of: number) => `Pagina ${n} di ${of}`,
  },
  en: {
    parentLine: "Costs: €9.50 (2 returned items)",
    dossier: [
      "Costs incurred",
      "Date What Amount",
      "02/03/2026 Fee on a returned RiBa €7.50",
      "Total costs: €9.50",
      "Total due (capital + interest + costs): €3,617.54",
      "Costs incurred (detailed below): €9.50",
      "Total claimable (capital + interest + recovery costs + costs incurred): €3,627.04",
    ],
    statement: [
      "Bank charges on returned collections (RiBa/SDD) €9.50",
      "Total due €3,627.04",
      "Amount: €3,627.04",
    ],
    body: "Bank charges we incurred on the returned collections (RiBa/SDD): €9.50",
    oldRow: "01/03/2026 Fee on a returned SDD €2.00",
    payment: "02/03/2026 · -€1,000.00 · Returned RiBa",
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

// the team's language (CREDITO_LOCALE) for Slack, the company's (CREDITO_COMPANY_LOCALE) for the documents
describe.each([
  { team: "it", company: "it" },
  { team: "en", company: "en" },
  { team: "it", company: "en" },
] as const)("case costs (team $team, documents $company)", ({ team, company }) => {
  const want = EXPECT[company];
  it("a returned RiBa's fee shows on the case parent, in the dossier and in the messa in mora, agreeing to the cent", async () => {
    h = await startHarness({ env: { CREDITO_LOCALE: team, CREDITO_COMPANY_LOCALE: company } });
    const { customerId, caseId, parentTs } = await seedCase(h);
    const db = h.runtime.ctx.db;
    await db.invoice.updateMany({
      where: { number: "FT-101" },
      data: { openCents: 0, status: "paid", closedOn: "2026-02-20" },
    });
    // a fee recorded before this version, with its kind written out as an Italian sentence in `note`
    await db.caseCost.create({
      data: {
        customerId,
        caseId,
        kind: "bank_fee",
        amountCents: 200,
        date: "2026-03-01",
        note: "SDD insoluto",
        source: "bank:an-old-movement",
      },
    });

    expect((await shareInDm("F0RIBA", "insoluti.csv", Buffer.from(STATEMENT))).status).toBe(200);
    await h.slack.waitFor(
      (calls) => calls.some((c) => c.method === "chat.update" && c.args.ts === parentTs),
      15_000,
    );
    await h.runtime.ctx.outbox.idle();
    // stored as data: no sentence in the new row
    const fresh = await db.caseCost.findFirstOrThrow({ where: { source: { not: "bank:an-old-movement" } } });
    expect(fresh).toMatchObject({ kind: "bank_fee", amountCents: 750, note: null, caseId });

    // the case parent: one compact line with the total (the old row counts too: € 9,50, 2 returned items)
    const updates = h.slack
      .callsOf("chat.update")
      .filter((c) => c.args.channel === CHANNEL && c.args.ts === parentTs);
    const parent = JSON.stringify(updates.at(-1)?.args.blocks);
    expect(parent).toContain(EXPECT[team].parentLine);
    // the customer card says the same
    await h.requester.command(ADMIN, "/credito", "cliente rossi");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "response_url"));
    expect(JSON.stringify(h.slack.callsOf("response_url")[0]?.args.blocks)).toContain(
      EXPECT[team].parentLine,
    );

    // the dossier, uploaded in the thread, read back
    await h.requester.command(ADMIN, "/credito", "dossier rossi");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "files.completeUploadExternal"), 15_000);
    const upload = h.slack.callsOf("upload")[0]!;
    const pages = await pdfPages(h.slack.uploads.get(String(upload.args.fileId))!);
    const lines = pages.flat();
    // every page ends with its number, and no page holds the footer alone
    pages.forEach((page, i) => {
      expect(page.at(-1)).toBe(`Rossi Forniture SRL · ${want.page(i + 1, pages.length)}`);
      expect(page.length).toBeGreaterThan(1);
    });
    for (const line of want.dossier) expect(lines).toContain(line);
    expect(lines).toContain(want.oldRow);
    expect(lines).toContain(want.payment);
    const data = await dossierData(db, customerId, today(h.runtime.ctx), h.runtime.ctx.config.timeZone);
    expect(data.costs.totalCents).toBe(950);
    expect(data.claimableCents).toBe(362704);

    // the messa in mora claims them: its total is the dossier's total claimable, to the cent
    const draft = await buildDraft(
      h.runtime.ctx,
      db,
      { customerId, step: "formal_notice", collector: "Alice Admin" },
      today(h.runtime.ctx),
    );
    expect(draft?.figures).toMatchObject({ bankCostsCents: 950, totalCents: data.claimableCents });
    expect(draft?.body).toContain(want.body);
    // the stored reminder records what it claims (migration 0012), and its modal says so
    const prepared = await prepareReminder(h.runtime.ctx, {
      customerId,
      step: "formal_notice",
      actor: null,
      actorSlackId: ADMIN,
    });
    expect(prepared).toMatchObject({ ok: true, modal: { bankCostsCents: 950, totalCents: 362704 } });
    expect(
      await db.reminder.findFirstOrThrow({ where: { customerId, step: "formal_notice" } }),
    ).toMatchObject({
      bankCostsCents: 950,
      recoveryCostCents: 8000,
      totalCents: 362704,
    });
    const statement = (await pdfPages(await draftPdf(h.runtime.ctx, draft!, today(h.runtime.ctx)))).flat();
    for (const line of want.statement) expect(statement).toContain(line);
    // the courteous email asks for the capital only
    const courtesy = await buildDraft(
      h.runtime.ctx,
      db,
      { customerId, step: "courtesy", collector: "Alice Admin" },
      today(h.runtime.ctx),
    );
    expect(courtesy?.figures).toMatchObject({ bankCostsCents: 0, totalCents: 350000 });
  });
});
