// Issue 19: a large import in another process (the CLI) while collectors log outcomes, click approvals,
// write notes and the outbox delivers. Nothing lost, no failure message, nothing stalls; and a killed
// import leaves nothing visible.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../src/context";
import { sqlitePath } from "../../src/db/migrate";
import { requestApproval } from "../../src/services/cases/approvals";
import { click, OWNER, SALES, seedCase, submitView, until } from "../support/cases";
import { type Harness, startHarness } from "../support/harness";
import { stateFor, viewOf } from "../support/log-modal";
import { generateScadenzario } from "../support/scadenzario";

const ROWS = 25_000;
const ROOT = resolve(__dirname, "../..");

/** `credito import <file>` in its own process, on this database. */
function cliImport(
  dbUrl: string,
  file: string,
): { child: ChildProcess; done: Promise<{ code: number | null; out: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli.ts"), "import", file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: dbUrl, CREDITO_LOCALE: "it", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (err += d));
  const done = new Promise<{ code: number | null; out: string }>((res) =>
    child.on("exit", (code) => {
      if (code !== 0 && code !== null) process.stderr.write(err);
      res({ code, out });
    }),
  );
  return { child, done };
}

/** Every receivable as a comparable line (ids differ between databases, codes and numbers do not). */
function receivables(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (
      db
        .prepare(
          `SELECT c."code", i."number", i."installment", i."issueDate", i."dueDate", i."amountCents", i."openCents", i."status"
           FROM "Invoice" i JOIN "Customer" c ON c."id" = i."customerId" ORDER BY c."code", i."number", i."installment"`,
        )
        .all() as Array<Record<string, unknown>>
    ).map((r) => Object.values(r).join("|"));
  } finally {
    db.close();
  }
}

describe("a large import in another process while the team works", () => {
  let h: Harness;
  let dir: string;
  let file: string;
  let customerId: number;
  let caseId: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "credito-busy-"));
    file = join(dir, "scadenzario.csv");
    writeFileSync(file, generateScadenzario(ROWS));
    h = await startHarness();
    ({ customerId, caseId } = await seedCase(h));
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it("saves every outcome, click and note, never stalls over 1 s, and imports exactly what it imports alone", async () => {
    const ctx = h.runtime.ctx;
    const db = ctx.db;
    // the same import alone, on a copy of the database as it is now
    const alonePath = join(dir, "alone.db");
    const live = new Database(sqlitePath(h.dbUrl));
    live.exec(`VACUUM INTO '${alonePath}'`);
    live.close();
    const alone = await cliImport(`file:${alonePath}`, file).done;
    expect(alone.code).toBe(0);

    // the log modal, opened once and submitted again and again (each with its own note)
    await h.requester.command(SALES, "/credito", "log C001", { triggerId: h.requester.newTriggerId() });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    const view = viewOf(h.slack.callsOf("views.update").at(-1));
    const approvals: Array<{ id: number }> = [];
    for (const kind of ["agency", "legal"] as const) {
      approvals.push(
        await db.$transaction((tx) =>
          requestApproval(ctx, tx, { caseId, kind, requestedBySlackId: SALES }, today(ctx)),
        ),
      );
    }
    await ctx.outbox.idle();
    h.slack.clear();

    // the event loop of the bot: the longest gap between 20 ms ticks
    let longestStall = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last - 20);
      last = now;
    }, 20);

    const importing = cliImport(h.dbUrl, file);
    let running = true;
    void importing.done.then(() => (running = false));
    // wait until the import is really under way (its batch row is written once the plan is made)
    const submitted: string[] = [];
    const ackMs: number[] = [];
    const ackedAt: number[] = [];
    const duringImport: boolean[] = [];
    let i = 0;
    while (running || i < 6) {
      i += 1;
      const note = `chiamata durante l'import ${i}`;
      const t0 = performance.now();
      const res = await h.requester.interaction({
        type: "view_submission",
        user: { id: SALES, name: "usales" },
        view: {
          ...view,
          id: "VBUSY",
          hash: `h${i}`,
          state: { values: stateFor(view, { outcome: "info", notes: note }) },
        },
      });
      ackMs.push(performance.now() - t0);
      ackedAt.push(Date.now());
      duringImport.push(running);
      expect(res.status).toBe(200);
      expect(res.body ?? "").toBe(""); // no inline error: the modal closed and the work is kept
      submitted.push(note);
      if (i === 2) await click(h, OWNER, "approval_approve", String(approvals[0]!.id));
      if (i === 3) {
        await submitView(h, SALES, "case_note", JSON.stringify({ customerId }), {
          note_approach: { value: { type: "plain_text_input", value: `nota ${i}` } },
          note_attention: { value: { type: "plain_text_input", value: null } },
          note_reference: { value: { type: "plain_text_input", value: null } },
        });
      }
      if (i === 4) await click(h, OWNER, "approval_approve", String(approvals[1]!.id));
      // a busy morning: a submission every hundred milliseconds or so, from the whole team (often enough
      // that several land inside the import even on a fast machine, where it lasts about a second)
      await new Promise((r) => setTimeout(r, 100));
      if (i > 400) break;
    }
    const result = await importing.done;
    clearInterval(ticker);
    expect(result.code).toBe(0);
    expect(duringImport.filter(Boolean).length).toBeGreaterThanOrEqual(3);

    // every outcome saved, once; both approvals and the note recorded
    await until(
      async () => (await db.pendingSubmission.count({ where: { status: "pending" } })) === 0,
      20_000,
    );
    const notes = (await db.interaction.findMany({ where: { customerId }, select: { notes: true } })).map(
      (x) => x.notes,
    );
    expect(notes.sort()).toEqual([...submitted].sort());
    expect(await db.pendingSubmission.count({ where: { status: "failed" } })).toBe(0);
    expect(
      (await db.approvalRequest.findMany({ where: { caseId }, select: { status: true } })).map(
        (a) => a.status,
      ),
    ).toEqual(["approved", "approved"]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).noteApproach).toBe("nota 3");

    // every confirmation delivered, none of them a failure
    await ctx.outbox.idle(20_000);
    const told = h.slack.calls
      .filter((c) => c.method === "chat.postEphemeral" || c.method === "chat.postMessage")
      .map((c) => String(c.args.text ?? ""));
    const confirmations = h.slack.calls.filter((c) => String(c.args.text ?? "").includes("Esito registrato"));
    expect(confirmations.length).toBe(submitted.length);
    // each confirmation reached Slack soon after its submission (in order: one drainer, one outbox channel)
    const delays = confirmations.map((c, k) => c.at - ackedAt[k]!);
    expect(Math.max(...delays)).toBeLessThan(3000);
    for (const t of told)
      expect(t).not.toMatch(/non sono riuscito|non ho potuto|non riesco|non è stato registrato/i);

    // nothing stalled: acks well within Slack's 3 s, the bot's event loop never stopped for 1 s
    expect(Math.max(...ackMs)).toBeLessThan(2000);
    expect(longestStall).toBeLessThan(1000);

    // the import's result is the one it gives alone
    expect(result.out).toBe(alone.out);
    const mine = receivables(sqlitePath(h.dbUrl)).filter((r) => !r.startsWith("C001|"));
    expect(mine).toEqual(receivables(alonePath).filter((r) => !r.startsWith("C001|")));
    expect(mine.length).toBe(ROWS);
    expect(await db.stagedRow.count()).toBe(0);
    expect(await db.stagedInvoice.count()).toBe(0);
  }, 180_000);

  it("when not even the tiny insert goes through, the modal stays open with a clear error and the input intact", async () => {
    const db = h.runtime.ctx.db;
    await h.requester.command(SALES, "/credito", "log C001", { triggerId: h.requester.newTriggerId() });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    const view = viewOf(h.slack.callsOf("views.update").at(-1));
    const before = await db.interaction.count();
    const submission = (note: string) =>
      h.requester.interaction({
        type: "view_submission",
        user: { id: SALES, name: "usales" },
        view: {
          ...view,
          id: "VLOCKED",
          hash: "h1",
          state: { values: stateFor(view, { outcome: "info", notes: note }) },
        },
      });
    // another process holds the write lock for longer than keeping a submission may take
    const other = new Database(sqlitePath(h.dbUrl));
    other.exec("BEGIN IMMEDIATE");
    const res = await submission("scritta mentre il database è bloccato").finally(() => {
      other.exec("ROLLBACK");
      other.close();
    });
    expect(res.status).toBe(200);
    const body = JSON.parse(String(res.body)) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.values(body.errors).join(" ")).toContain("Quello che hai scritto è ancora qui");
    expect(await db.interaction.count()).toBe(before);
    // the same modal submitted again once the lock is free: saved
    const again = await submission("scritta mentre il database è bloccato");
    expect(again.body ?? "").toBe("");
    await until(async () => (await db.interaction.count()) === before + 1, 10_000);
  }, 60_000);

  it("a killed import leaves nothing visible, and its leftovers are cleaned on the next start", async () => {
    const db = h.runtime.ctx.db;
    const before = {
      invoices: await db.invoice.count(),
      customers: await db.customer.count(),
      payments: await db.payment.count(),
    };
    // a file whose receivables are all new: changed amounts would show too
    const other = join(dir, "other.csv");
    writeFileSync(other, generateScadenzario(ROWS, undefined, 50_000));
    const run = cliImport(h.dbUrl, other);
    const probe = new Database(sqlitePath(h.dbUrl), { readonly: true });
    let killedWhileStaging = false;
    try {
      await until(() => {
        const staged = probe.prepare(`SELECT count(*) AS n FROM "StagedInvoice"`).get() as { n: number };
        if (staged.n > 0) {
          run.child.kill("SIGKILL");
          killedWhileStaging = true;
          return true;
        }
        return run.child.exitCode !== null;
      }, 120_000);
    } finally {
      probe.close();
    }
    await run.done;
    expect(killedWhileStaging).toBe(true);
    // nothing of it is visible
    expect({
      invoices: await db.invoice.count(),
      customers: await db.customer.count(),
      payments: await db.payment.count(),
    }).toEqual(before);
    expect(await db.stagedBatch.count({ where: { status: "staging" } })).toBe(1);
    // the next start cleans what it left
    await h.restart();
    const after = h.runtime.ctx.db;
    expect(await after.stagedInvoice.count()).toBe(0);
    expect(await after.stagedRow.count()).toBe(0);
    expect(await after.stagedBatch.count({ where: { status: "staging" } })).toBe(0);
    expect(await after.invoice.count()).toBe(before.invoices);
  }, 180_000);
});
