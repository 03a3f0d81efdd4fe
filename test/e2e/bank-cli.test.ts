import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client";

const FIX = join(__dirname, "../fixtures/bank");

function credito(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["bin/credito.mjs", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    timeout: 60_000,
  });
}

describe("credito banca", () => {
  let dir: string;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "credito-banca-"));
    url = `file:${join(dir, "cli.db")}`;
    const db = await openDb(url);
    await db.customer.create({
      data: {
        code: "C001",
        name: "Rossi Forniture SRL",
        invoices: {
          create: [
            {
              number: "FT 2026/0168",
              issueDate: "2026-01-30",
              dueDate: "2026-02-27",
              amountCents: 122000,
              openCents: 122000,
            },
          ],
        },
      },
    });
    await db.$disconnect();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

  it("--dry-run prints each movement with its outcome and the unreadable one with its line; writes nothing", async () => {
    const r = credito(["banca", join(FIX, "movimenti-homebanking.csv"), "--dry-run", "--db", url], {});
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "riga 5 · 27/02/2026 · € 1.220,00 · ✅ incassato: Rossi Forniture SRL (C001), FT 2026/0168",
    );
    expect(r.stdout).toContain(
      "riga 9 · 27/02/2026 · € 777,00 · ignorato (nessun cliente né fattura corrispondente)",
    );
    expect(r.stdout).toContain(
      'movimenti-homebanking.csv, riga 12: data non valida "31/02/2026": movimento non letto',
    );
    expect(r.stdout).toContain("Prova: niente è stato registrato.");
    const db = await openDb(url);
    expect(await db.payment.count()).toBe(0);
    await db.$disconnect();
  });

  it("imports, then a second run of the same file finds everything already imported; --json for scripts", async () => {
    const first = credito(["banca", join(FIX, "movimenti-homebanking.csv"), "--db", url], {});
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("7 movimenti · incassati 1 (€ 1.220,00)");
    const again = credito(["banca", join(FIX, "movimenti-homebanking.csv"), "--json", "--db", url], {});
    expect(again.status).toBe(0);
    const [summary] = JSON.parse(again.stdout) as Array<{ movements: Array<{ outcome: string }> }>;
    expect(summary!.movements.every((m) => m.outcome === "duplicate")).toBe(true);
    const db = await openDb(url);
    expect(await db.payment.count()).toBe(1);
    await db.$disconnect();
  });

  it("queues the proposal of the uncertain movements for the team channel, as a DM import does", async () => {
    const own = `file:${join(dir, "proposals.db")}`;
    const r = credito(["banca", join(FIX, "avviso.camt054.xml"), "--db", own], {
      CREDITO_CHANNEL: "C0CREDITO",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "1 movimento da confermare: la proposta con i pulsanti va nel canale del team",
    );
    const db = await openDb(own);
    const queued = await db.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: "bank-proposals:" } },
    });
    expect(queued.map((m) => [m.channel, m.status])).toEqual([["C0CREDITO", "pending"]]);
    expect(queued[0]!.payload).toContain("bank_choose");
    await db.$disconnect();
  });

  it("a file that is not a statement is named as such (exit 1); English with CREDITO_LOCALE=en", () => {
    const other = join(dir, "note.txt");
    writeFileSync(other, "appunti del giro\n");
    const r = credito(["banca", other, "--db", url], { CREDITO_LOCALE: "en" });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("note.txt is not a bank statement");
    expect(readFileSync(other, "utf8")).toBe("appunti del giro\n");
  });
});
