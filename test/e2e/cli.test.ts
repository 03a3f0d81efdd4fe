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
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    expect(run.stderr.trim()).toBe('credito: --date: "2026-02-30" is not a date like 2026-03-02');
  });

  it("rejects an unknown option with one line, not a stack trace", () => {
    const run = credito(["report", "--bogus"], env);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("credito: Unknown option '--bogus'");
  });
});
