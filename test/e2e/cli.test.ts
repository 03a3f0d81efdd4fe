import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client";

/** Runs `credito …` as a user would, through the bin entry. */
function credito(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["bin/credito.mjs", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    timeout: 60_000,
  });
}

describe("the credito CLI", () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "credito-cli-"));
    env = { DATABASE_URL: `file:${join(dir, "cli.db")}` };
    const db = await openDb(env.DATABASE_URL!);
    const small = await db.customer.create({ data: { code: "S1", name: "Piccola Srl" } });
    const big = await db.customer.create({ data: { code: "B1", name: "Grande Spa" } });
    const invoice = (customerId: number, number: string, cents: number) =>
      db.invoice.create({
        data: {
          customerId,
          number,
          issueDate: "2026-01-01",
          dueDate: "2026-02-10",
          amountCents: cents,
          openCents: cents,
        },
      });
    await invoice(small.id, "1", 50_000);
    await invoice(big.id, "2", 4_000_000);
    await db.$disconnect();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

  it("lists its commands", () => {
    const run = credito(["--help"], env);
    expect(run.status).toBe(0);
    for (const c of ["demo", "digest", "import", "dossier", "tassi", "report"])
      expect(run.stdout).toContain(`  ${c}`);
  });

  it("prints the day's tasks as JSON in digest order without touching Slack", () => {
    const run = credito(["digest", "--date", "2026-03-02", "--json"], env);
    expect(run.status).toBe(0);
    const tasks = JSON.parse(run.stdout) as {
      kind: string;
      customerCode: string;
      amountCents: number;
      daysOverdue: number;
    }[];
    expect(tasks.map((t) => t.customerCode)).toEqual(["B1", "S1"]);
    expect(tasks[0]).toMatchObject({
      kind: "cadence",
      amountCents: 4_000_000,
      daysOverdue: 20,
      channel: "phone",
    });
    expect(Object.keys(tasks[0]!).sort()).toEqual(
      [
        "amountCents",
        "assignee",
        "channel",
        "customerCode",
        "customerName",
        "daysOverdue",
        "kind",
        "reason",
      ].sort(),
    );
  });

  it("rejects a bad date with one clear line and exit code 1", () => {
    const run = credito(["digest", "--date", "2026-02-30", "--dry-run"], env);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('credito: --date: "2026-02-30" non è una data come 2026-03-02');
    const en = credito(["digest", "--date", "2026-02-30", "--dry-run"], { ...env, CREDITO_LOCALE: "en" });
    expect(en.status).toBe(1);
    expect(en.stderr.trim()).toBe('credito: --date: "2026-02-30" is not a date like 2026-03-02');
  });

  it("rejects an unknown option with one line, not a stack trace", () => {
    const run = credito(["report", "--bogus"], env);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("credito: opzione sconosciuta '--bogus'");
    const en = credito(["--locale", "en", "report", "--bogus"], env);
    expect(en.stderr.trim()).toBe("credito: Unknown option '--bogus'");
  });

  it("speaks Italian by default, English with CREDITO_LOCALE=en or --locale en (issue 18)", () => {
    const it = credito(["--help"], env);
    expect(it.stdout).toContain("Uso: credito <comando> [opzioni]");
    expect(it.stdout).toContain("importa scadenzario, clienti, pagamenti");
    const en = credito(["--help"], { ...env, CREDITO_LOCALE: "en" });
    expect(en.stdout).toContain("Usage: credito <command> [options]");
    expect(en.stdout).toContain("import a scadenzario, customers, payments");
    // the option wins over the setting, before or after the command
    expect(credito(["report", "--help", "--locale=en"], env).stdout).toContain("Usage: credito report");
    expect(
      credito(["--locale", "it", "report", "--help"], { ...env, CREDITO_LOCALE: "en" }).stdout,
    ).toContain("Uso: credito report");
    const bad = credito(["--locale", "fr", "--help"], env);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('credito: --locale: "fr" non è una lingua disponibile (it o en)');
  });

  it("reports a wrong setting in the CLI's language, with exit code 2", () => {
    const it = credito(["digest", "--dry-run"], { ...env, CREDITO_TIMEZONE: "Mars/Olympus" });
    expect(it.status).toBe(2);
    expect(it.stderr).toContain("credito: correggi queste impostazioni:");
    expect(it.stderr).toContain('CREDITO_TIMEZONE: fuso orario sconosciuto (hai scritto "Mars/Olympus")');
    const en = credito(["digest", "--dry-run", "--locale", "en"], {
      ...env,
      CREDITO_TIMEZONE: "Mars/Olympus",
    });
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("credito: fix these settings:");
    expect(en.stderr).toContain('CREDITO_TIMEZONE: unknown time zone (got "Mars/Olympus")');
  });
});
