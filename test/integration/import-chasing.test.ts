import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config";
import { fixedClock } from "../../src/context";
import { type Db, openDb } from "../../src/db/client";
import { computeTasks } from "../../src/domain/tasks";
import { renderReason } from "../../src/i18n/tasks";
import { loadDigestInput, taskRules } from "../../src/services/digest/digest-input";
import { importFiles } from "../../src/services/imports/import";

let dir: string;
let db: Db;
let ctx: Parameters<typeof importFiles>[0];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-chasing-"));
  const url = `file:${join(dir, "t.db")}`;
  db = await openDb(url);
  ctx = {
    db,
    clock: fixedClock("2026-03-10T08:30:00+01:00"),
    config: loadConfig({ DATABASE_URL: url }, { slack: false }),
  };
});
afterEach(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text, "utf8") });

describe("importing the chasing already done (issue 13)", () => {
  it("reads livello sollecito, data ultimo sollecito, ultimo contatto and note from a scadenzario", async () => {
    const csv = [
      "Codice cliente;Ragione sociale;N. documento;Data documento;Data scadenza;Importo;Residuo;Livello sollecito;Data ultimo sollecito;Ultimo contatto;Note",
      "C001;Rossi Srl;F1;01/12/2025;28/01/2026;1.000,00;1.000,00;2° sollecito;10/02/2026;20/02/2026;",
      "C001;Rossi Srl;F2;01/01/2026;15/02/2026;500,00;500,00;3;25/02/2026;01/03/2026;Promette a fine mese, sentire Anna",
      "C002;Bianchi Spa;F3;01/12/2025;28/01/2026;800,00;800,00;;;;",
    ].join("\n");
    const s = await importFiles(ctx, [file("scadenzario.csv", csv)], {}, { actor: "t" });
    expect(s.errors).toEqual([]);
    expect(await db.customer.findUniqueOrThrow({ where: { code: "C001" } })).toMatchObject({
      reminderLevel: 3,
      lastReminderOn: "2026-02-25",
      lastContactOn: "2026-03-01",
      chasingNote: "Promette a fine mese, sentire Anna",
    });
    // a team already chasing does not start from zero: Rossi is at the PEC, Bianchi starts with the call
    const tasks = computeTasks(await loadDigestInput(db, "2026-03-10"), taskRules(ctx.config));
    const cadence = (code: string) => tasks.find((t) => t.customerCode === code && t.kind === "cadence");
    expect(cadence("C001")).toMatchObject({
      channel: "pec",
      chasingNote: "Promette a fine mese, sentire Anna",
    });
    expect(cadence("C001")?.lastContact?.date).toBe("2026-03-01");
    expect(cadence("C002")).toMatchObject({ channel: "phone" });
    expect(renderReason(cadence("C002")!.reason, "it")).toBe("Telefonata di cortesia");
  });

  it("reads them from the customer register too, and names a bad level with its row", async () => {
    const csv = [
      "Codice;Ragione sociale;Livello sollecito;Data ultimo sollecito;Ultimo contatto;Note sollecito",
      "C001;Rossi Srl;1;05/02/2026;05/02/2026;Chiamato il titolare",
      "C002;Bianchi Spa;alto;;;",
    ].join("\n");
    const s = await importFiles(ctx, [file("clienti.csv", csv)], {}, { actor: "t" });
    expect(s.written).toBe(false);
    expect(s.errors.map((e) => [e.row, e.key, e.args[0]])).toEqual([[3, "badInteger", "reminderLevel"]]);
    const ok = await importFiles(
      ctx,
      [file("clienti.csv", csv.split("\n").slice(0, 2).join("\n"))],
      {},
      { actor: "t" },
    );
    expect(ok.written).toBe(true);
    expect(await db.customer.findUniqueOrThrow({ where: { code: "C001" } })).toMatchObject({
      reminderLevel: 1,
      lastReminderOn: "2026-02-05",
      chasingNote: "Chiamato il titolare",
    });
  });
});
