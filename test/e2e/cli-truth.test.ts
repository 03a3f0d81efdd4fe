import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client";
import { FakeSlack } from "../../src/standin/fake-slack";

// Issue 13, point 9: `credito digest` says "pubblicato" only when Slack accepted the digest; it waits through
// Retry-After and 5xx retries (bounded), and otherwise exits non-zero saying the running bot will deliver it.

/** Runs `credito …` asynchronously (the fake Slack lives in this process and must keep answering). */
function credito(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/credito.mjs", ...args], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

let dir: string;
let dbFile: string;
let slack: FakeSlack;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-cli-truth-"));
  dbFile = join(dir, "truth.db");
  slack = await new FakeSlack().start();
  const db = await openDb(`file:${dbFile}`);
  const c = await db.customer.create({ data: { code: "R1", name: "Rossi Srl" } });
  await db.invoice.create({
    data: {
      customerId: c.id,
      number: "1",
      issueDate: "2026-01-01",
      dueDate: "2026-02-10",
      amountCents: 150_000,
      openCents: 150_000,
    },
  });
  await db.$disconnect();
  env = {
    SLACK_BOT_TOKEN: "xoxb-cli-truth",
    SLACK_SIGNING_SECRET: "s",
    SLACK_API_URL: slack.apiUrl,
    CREDITO_CHANNEL: "C0CREDITO",
    CREDITO_POST_INTERVAL_MS: "0",
    // deliberately not the database the command uses: --db wins
    DATABASE_URL: `file:${join(dir, "other.db")}`,
  };
}, 60_000);

beforeEach(() => {
  slack.clear();
  slack.clearFailures();
});

afterAll(async () => {
  await slack.stop();
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

describe("credito digest tells the truth", () => {
  it("waits through a 429 with Retry-After and a 500, then says pubblicato", async () => {
    slack.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    slack.failNext("chat.postMessage", { status: 500 });
    const run = await credito(["digest", "--date", "2026-03-02", "--db", `file:${dbFile}`], env);
    expect(run.stderr).toContain(`Database: ${dbFile}`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Riepilogo pubblicato");
    expect(slack.callsOf("chat.postMessage:failed")).toHaveLength(2);
    expect(slack.callsOf("chat.postMessage")).toHaveLength(1);
  }, 60_000);

  it("does not say pubblicato while Slack keeps failing: exits 3, the bot will deliver it", async () => {
    slack.failNext("chat.update", { status: 503 }, 100);
    slack.failNext("chat.postMessage", { status: 503 }, 100);
    const run = await credito(["digest", "--date", "2026-03-03", "--db", dbFile, "--wait", "2"], env);
    expect(run.code).toBe(3);
    expect(run.stdout).not.toContain("pubblicato");
    expect(run.stderr).toContain("li consegnerà il bot in esecuzione");
    expect(slack.callsOf("chat.postMessage")).toHaveLength(0);
    // it stays queued for the bot
    const db = await openDb(`file:${dbFile}`);
    try {
      expect(
        await db.outboxMessage.count({ where: { status: "pending", dedupeKey: "digest:2026-03-03:0" } }),
      ).toBe(1);
      await db.outboxMessage.deleteMany({ where: { status: "pending" } });
    } finally {
      await db.$disconnect();
    }
  }, 60_000);

  it("says so and exits 1 when Slack refuses the digest for good", async () => {
    slack.failNext("chat.postMessage", { error: "not_in_channel" });
    const run = await credito(["digest", "--date", "2026-03-04", "--db", dbFile], env);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain("pubblicato");
    expect(run.stderr).toContain("Slack ha rifiutato 1 messaggio: not_in_channel");
  }, 60_000);
});

describe("every command that reads the database says which one and takes --db", () => {
  it.each([
    [["digest", "--date", "2026-03-02", "--json"]],
    [["report", "--format", "json"]],
    [["tassi"]],
    [["dossier", "R1", "--out", "/dev/null"]],
  ])(
    "%j",
    async (args) => {
      const run = await credito([...args, "--db", `file:${dbFile}`], {
        DATABASE_URL: "file:/nonexistent/dir/x.db",
      });
      expect(run.stderr).toContain(`Database: ${dbFile}`);
      expect(run.code).toBe(0);
    },
    60_000,
  );
});

describe("credito import does not pretend to post", () => {
  it("leaves the case lines it queues to the running bot, and says so", async () => {
    const db = await openDb(`file:${dbFile}`);
    try {
      await db.outboxMessage.deleteMany({});
      const c = await db.customer.create({ data: { code: "P1", name: "Pagatore Srl" } });
      await db.invoice.create({
        data: {
          customerId: c.id,
          number: "P-1",
          issueDate: "2026-01-01",
          dueDate: "2026-01-31",
          amountCents: 40_000,
          openCents: 40_000,
          source: "scadenzario.csv",
        },
      });
      await db.case.create({
        data: {
          customerId: c.id,
          openedOn: "2026-02-15",
          channelId: "C0CREDITO",
          threadTs: "1700000000.000001",
        },
      });
    } finally {
      await db.$disconnect();
    }
    const file = join(dir, "scadenzario.csv");
    writeFileSync(
      file,
      "Codice cliente;Ragione sociale;Numero;Scadenza;Importo;Residuo\nP1;Pagatore Srl;P-1;31/01/2026;400,00;0,00\n",
    );
    const run = await credito(
      ["import", file, "--kind", "scadenzario", "--keep-missing", "--db", dbFile],
      env,
    );
    expect(run.stderr).toContain(`Database: ${dbFile}`);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /messagg[io] per Slack rest[ao]n?o? in coda: li consegnerà il bot in esecuzione/,
    );
    // nothing was sent from the CLI, with or without Slack settings in the environment
    expect(slack.calls.filter((x) => x.method.startsWith("chat."))).toEqual([]);
    const check = await openDb(`file:${dbFile}`);
    try {
      expect(await check.outboxMessage.count({ where: { status: "pending" } })).toBeGreaterThan(0);
      expect(await check.outboxMessage.count({ where: { status: "failed" } })).toBe(0);
    } finally {
      await check.$disconnect();
    }
  }, 60_000);
});
