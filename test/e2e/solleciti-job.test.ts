import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { View } from "@slack/types";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";
import type { AppContext } from "../../src/context";
import { sqlitePath } from "../../src/db/migrate";
import { type Job, jobs, type Scheduler, startScheduler } from "../../src/jobs/scheduler";
import { catchUpSolleciti, runSollecitiJob } from "../../src/jobs/solleciti-job";
import { createLogger } from "../../src/log";
import { ADMIN, click, until } from "../support/cases";
import { onPostgres } from "../support/database";
import { CHANNEL, type Harness, SIGNING_SECRET, startHarness, TEST_COMPANY } from "../support/harness";

// The morning's written reminders prepared by Credito itself (CREDITO_SOLLECITI_CRON): the real scheduler on the
// real app, a fake clock, the fake Slack; the batch is `prepareDay`, the same as `credito solleciti`.

const REVIEW = "✉️ Solleciti scritti di oggi";
const NO_COMPANY = {
  CREDITO_COMPANY_NAME: "",
  CREDITO_COMPANY_ADDRESS: "",
  CREDITO_COMPANY_VAT: "",
  CREDITO_COMPANY_IBAN: "",
};

/** The app's context with a logger that keeps its lines (the harness's is silent). */
function withLog(h: Harness): { ctx: AppContext; lines: string[] } {
  const lines: string[] = [];
  return { ctx: { ...h.runtime.ctx, log: createLogger("debug", (l) => lines.push(l)) }, lines };
}

/**
 * Verdi owes an invoice due on 20 February, already called (one step of the timing table done on the 23rd):
 * on Monday 2 March the courteous email is due. Zeta, chased three times, is due the messa in mora by PEC.
 */
async function seed(h: Harness) {
  const db = h.runtime.ctx.db;
  await db.teamMember.create({ data: { slackUserId: ADMIN, name: "Alice Admin", role: "admin" } });
  const customer = (code: string, name: string, contact: object, level: number, on: string, due: string) =>
    db.customer.create({
      data: {
        code,
        name,
        searchText: name.toLowerCase(),
        vatNumber: "01234567890",
        address: "Via Roma 1",
        postalCode: "24121",
        city: "Bergamo",
        province: "BG",
        ...contact,
        reminderLevel: level,
        lastReminderOn: on,
        invoices: {
          create: [
            {
              number: `${code}-1`,
              issueDate: "2026-01-15",
              dueDate: due,
              amountCents: 120_000,
              openCents: 120_000,
            },
          ],
        },
      },
    });
  await customer(
    "V01",
    "Verdi Impianti SRL",
    { email: "amministrazione@verdi.example.it" },
    1,
    "2026-02-23",
    "2026-02-20",
  );
  await customer("Z01", "Zeta SRL", { pec: "z@pec.zeta.example.it" }, 3, "2026-02-09", "2026-01-25");
}

const reviews = (h: Harness) =>
  h.slack
    .callsOf("chat.postMessage")
    .filter((c) => c.args.channel === CHANNEL && String(c.args.text).startsWith(REVIEW));
const topLevelPosts = (h: Harness) =>
  h.slack.callsOf("chat.postMessage").filter((c) => c.args.channel === CHANNEL && !c.args.thread_ts);

/** The solleciti job as the scheduler knows it, firing every second instead of at 08:35 (the test can't wait). */
function everySecond(ctx: AppContext): Job {
  const job = jobs(ctx).find((j) => j.name === "solleciti");
  expect(job, "the solleciti job is scheduled").toBeDefined();
  return { ...job!, cron: "* * * * * *" };
}

/** Runs `credito solleciti` as an admin's cron would, through the bin entry, on the harness's database and Slack. */
function credito(h: Harness, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["bin/credito.mjs", ...args], {
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: h.slack.apiUrl,
      CREDITO_CHANNEL: CHANNEL,
      DATABASE_URL: h.dbUrl,
      CREDITO_POST_INTERVAL_MS: "0",
      ...TEST_COMPANY,
      ...env,
    },
    timeout: 60_000,
  });
}

describe("the morning batch of written reminders, run by Credito", () => {
  let h: Harness;
  const schedulers: Scheduler[] = [];
  afterEach(async () => {
    for (const s of schedulers.splice(0)) await s.stop();
    await h.close();
  });

  it("catches up at start-up after its time, after the digest: one review message with the drafts, nothing sent; again (restart, other instance, CLI) posts nothing more", async () => {
    // Monday 2 March, 08:50: the bot was down at 08:30 (digest) and 08:35 (batch)
    h = await startHarness({ now: "2026-03-02T08:50:00+01:00" });
    await seed(h);
    const { ctx, lines } = withLog(h);
    const db = ctx.db;
    schedulers.push(await startScheduler(ctx, jobs(ctx), "inst-a"));
    await until(async () =>
      Boolean(await db.jobRun.findFirst({ where: { job: "solleciti", finishedAt: { not: null } } })),
    );
    await h.runtime.ctx.outbox.idle();

    // the digest first, then the review message of the same morning
    const posts = topLevelPosts(h);
    expect(posts).toHaveLength(2);
    expect(String(posts[0]!.args.text)).toContain("Recupero crediti · lunedì 2 marzo");
    expect(String(posts[1]!.args.text)).toContain(REVIEW);
    expect(reviews(h)).toHaveLength(1);
    const review = reviews(h)[0]!;
    expect(review.args.text).toBe(`${REVIEW} · 2`);
    const blocks = JSON.stringify(review.args.blocks);
    expect(blocks).toContain("*Verdi Impianti SRL* · Sollecito di cortesia · email · € 1.200,00");
    // the messa in mora charges the interest and € 40, and waits for an admin's ok (Credito prepared it)
    expect(blocks).toMatch(
      /\*Zeta SRL\* · Messa in mora · PEC · € 1\.2\d\d,\d\d · _serve un ok prima dell'invio_/,
    );
    expect(blocks).toContain('"action_id":"reminder_send_all"');
    expect(blocks).toContain('"value":"2026-03-02"');

    // the drafts, keyed by customer, step and day; nothing queued for a customer
    const drafts = await db.reminder.findMany({
      orderBy: { customer: { code: "asc" } },
      include: { customer: true },
    });
    expect(drafts.map((r) => [r.customer.code, r.step, r.medium, r.status, r.day, r.preparedBy])).toEqual([
      ["V01", "courtesy", "email", "draft", "2026-03-02", "credito"],
      ["Z01", "formal_notice", "pec", "draft", "2026-03-02", "credito"],
    ]);
    expect(await db.mailOutbox.count()).toBe(0);
    expect(await db.interaction.count()).toBe(0);
    const verdi = drafts[0]!;
    expect(verdi.recipient).toBe("amministrazione@verdi.example.it");
    expect(blocks).toContain(`"action_id":"reminder_review:${verdi.id}"`);

    // "Rivedi" opens the draft itself: the text to edit lists the invoice
    const before = h.slack.callsOf("views.update").length;
    await click(h, ADMIN, `reminder_review:${verdi.id}`, String(verdi.id));
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "views.update").length > before, 8000);
    const view = h.slack.callsOf("views.update").at(-1)!.args.view as View;
    expect(JSON.stringify(view.blocks)).toContain("V01-1");
    expect(JSON.stringify(view.blocks)).toContain(verdi.subject);

    expect(lines.some((l) => l.includes("solleciti: catching up on the 08:35 batch of 2026-03-02"))).toBe(
      true,
    );
    expect(lines.some((l) => l.includes("solleciti: 2 draft(s) for 2026-03-02; review message queued"))).toBe(
      true,
    );

    // the same occurrence again: a restart (the catch-up sees today's run done) ...
    expect(await catchUpSolleciti(ctx)).toBe(false);
    // ... another instance's cron firing (the JobRun claim is taken) ...
    schedulers.push(await startScheduler(ctx, [everySecond(ctx)], "inst-b"));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.jobRun.count({ where: { job: "solleciti" } })).toBe(1);
    // ... the job itself run again without the claim (the dedupe of the review message) ...
    const again = await runSollecitiJob(ctx);
    expect(again?.prepared.map((p) => p.reminderId).sort()).toEqual(drafts.map((d) => d.id).sort());
    expect(lines.at(-1)).toContain("review message already posted, nothing new posted");
    // ... and the admin's old cron running the CLI for the same day
    const cli = credito(h, ["solleciti", "--date", "2026-03-02"]);
    expect(cli.stderr).not.toContain("credito:");
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain("Verdi Impianti SRL");
    await h.runtime.ctx.outbox.idle();
    await new Promise((r) => setTimeout(r, 300)); // anything posted twice would show up now
    expect(reviews(h)).toHaveLength(1);
    expect(topLevelPosts(h)).toHaveLength(2);
    expect(await db.reminder.count()).toBe(2);
    expect(await db.outboxMessage.count({ where: { dedupeKey: "reminder-batch:2026-03-02" } })).toBe(1);
  }, 60_000);

  it("runs at its scheduled time once across two instances", async () => {
    // 08:00: before the digest's and the batch's times, so no catch-up; the cron fires every second here
    h = await startHarness({ now: "2026-03-02T08:00:00+01:00" });
    await seed(h);
    const ctx = h.runtime.ctx;
    expect(await catchUpSolleciti(ctx)).toBe(false);
    schedulers.push(await startScheduler(ctx, [everySecond(ctx)], "inst-a"));
    schedulers.push(await startScheduler(ctx, [everySecond(ctx)], "inst-b"));
    await until(async () =>
      Boolean(await ctx.db.jobRun.findFirst({ where: { job: "solleciti", finishedAt: { not: null } } })),
    );
    await new Promise((r) => setTimeout(r, 1500)); // more firings of both instances, the same day
    await h.runtime.ctx.outbox.idle();
    expect(reviews(h)).toHaveLength(1);
    expect(topLevelPosts(h)).toHaveLength(1); // no digest: its 08:30 has not come
    expect(await ctx.db.jobRun.count({ where: { job: "solleciti", occurrence: "2026-03-02" } })).toBe(1);
    expect(await ctx.db.reminder.count()).toBe(2);
  });

  it.skipIf(onPostgres())(
    "waits out a busy database at its time, then prepares the batch once",
    async () => {
      h = await startHarness({ now: "2026-03-02T08:00:00+01:00" });
      await seed(h);
      const ctx = h.runtime.ctx;
      // another process (an import's final step) holds SQLite's write lock through several firings
      const other = new Database(sqlitePath(h.dbUrl));
      other.exec("BEGIN IMMEDIATE");
      try {
        schedulers.push(await startScheduler(ctx, [everySecond(ctx)], "inst-a"));
        await new Promise((r) => setTimeout(r, 2500));
        expect(await ctx.db.jobRun.count()).toBe(0);
        expect(await ctx.db.reminder.count()).toBe(0);
      } finally {
        other.exec("ROLLBACK");
        other.close();
      }
      await until(
        async () =>
          Boolean(await ctx.db.jobRun.findFirst({ where: { job: "solleciti", finishedAt: { not: null } } })),
        20_000,
      );
      await new Promise((r) => setTimeout(r, 1200));
      await ctx.outbox.idle();
      expect(reviews(h)).toHaveLength(1);
      expect(await ctx.db.reminder.count()).toBe(2);
      expect(await ctx.db.jobRun.count()).toBe(1);
    },
    40_000,
  );

  it("prepares nothing on the days the digest skips: weekends, Italian holidays, the local holiday", async () => {
    h = await startHarness({
      now: "2026-03-07T09:00:00+01:00", // Saturday
      env: { CREDITO_EXTRA_HOLIDAYS: "03-03" }, // Tuesday 3 March, the patron saint
    });
    await seed(h);
    const { ctx, lines } = withLog(h);
    for (const now of [
      "2026-03-07T09:00:00+01:00",
      "2026-04-06T09:00:00+02:00",
      "2026-03-03T09:00:00+01:00",
    ]) {
      h.clock.set(now);
      expect(await catchUpSolleciti(ctx), now).toBe(false);
      // and when its cron fires all the same (a schedule of every day)
      const s = await startScheduler(ctx, [everySecond(ctx)], `inst-${now}`);
      await until(
        async () =>
          (await ctx.db.jobRun.count({ where: { job: "solleciti", finishedAt: { not: null } } })) > 0,
      );
      await s.stop();
      await ctx.db.jobRun.deleteMany({ where: { job: "solleciti" } });
    }
    await h.runtime.ctx.outbox.idle();
    expect(h.slack.callsOf("chat.postMessage")).toHaveLength(0);
    expect(await ctx.db.reminder.count()).toBe(0);
    for (const day of ["2026-03-07", "2026-04-06", "2026-03-03"])
      expect(lines.some((l) => l.includes(`solleciti: ${day} is not a business day, nothing prepared`))).toBe(
        true,
      );
    // the same customers on the Monday after: the batch has something to prepare (the check above can fail)
    h.clock.set("2026-03-09T09:00:00+01:00");
    expect(await catchUpSolleciti(ctx)).toBe(true);
    await h.runtime.ctx.outbox.idle();
    expect(reviews(h)).toHaveLength(1);
  });

  it.each([
    ["CREDITO_SOLLECITI_CRON=off", { CREDITO_SOLLECITI_CRON: "off" }, "CREDITO_SOLLECITI_CRON is off"],
    ["no company details", NO_COMPANY, "CREDITO_COMPANY_NAME, _ADDRESS, _VAT and _IBAN are not set"],
  ])("is off with %s, and says why once at start-up", async (_, env, why) => {
    h = await startHarness({ now: "2026-03-02T09:00:00+01:00", env });
    await seed(h);
    const { ctx, lines } = withLog(h);
    expect(jobs(ctx).map((j) => j.name)).toEqual(["digest", "callback-reminders", "weekly-report"]);
    const s = await startScheduler(ctx, jobs(ctx), "inst-a");
    await s.stop(); // waits for the start-up catch-ups
    await h.runtime.ctx.outbox.idle();
    const off = lines.filter((l) => l.includes("solleciti: off"));
    expect(off).toHaveLength(1);
    expect(off[0]).toContain(`INFO solleciti: off, ${why}`);
    expect(await catchUpSolleciti(ctx)).toBe(false);
    expect(topLevelPosts(h)).toHaveLength(1); // the digest caught up, no review message
    expect(reviews(h)).toHaveLength(0);
    expect(await ctx.db.reminder.count()).toBe(0);
    expect(await ctx.db.jobRun.count({ where: { job: "solleciti" } })).toBe(0);
  });
});

describe("CREDITO_SOLLECITI_CRON", () => {
  const GOOD = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CREDITO_CHANNEL: "C0CREDITO" };
  const problems = (env: Record<string, string>): string[] => {
    try {
      loadConfig({ ...GOOD, ...env });
      return [];
    } catch (e) {
      if (e instanceof ConfigError) return e.problems;
      throw e;
    }
  };

  it("defaults to 08:35 on weekdays, takes a cron expression or off, refuses anything else in the team's language", () => {
    expect(loadConfig(GOOD).sollecitiCron).toBe("35 8 * * 1-5");
    expect(loadConfig({ ...GOOD, CREDITO_SOLLECITI_CRON: "0 9 * * 1-5" }).sollecitiCron).toBe("0 9 * * 1-5");
    expect(loadConfig({ ...GOOD, CREDITO_SOLLECITI_CRON: "off" }).sollecitiCron).toBeNull();
    expect(loadConfig({ ...GOOD, CREDITO_SOLLECITI_CRON: " OFF " }).sollecitiCron).toBeNull();
    // empty is unset, as for every setting: the default
    expect(loadConfig({ ...GOOD, CREDITO_SOLLECITI_CRON: "" }).sollecitiCron).toBe("35 8 * * 1-5");
    expect(problems({ CREDITO_SOLLECITI_CRON: "ogni mattina" })).toEqual([
      `CREDITO_SOLLECITI_CRON: serve un'espressione cron come '35 8 * * 1-5' (oppure off) (hai scritto "ogni mattina")`,
    ]);
    expect(problems({ CREDITO_SOLLECITI_CRON: "no", CREDITO_LOCALE: "en" })).toEqual([
      `CREDITO_SOLLECITI_CRON: expected a cron expression like '35 8 * * 1-5' (or off) (got "no")`,
    ]);
  });

  it("a bad value stops npm start with exit code 2, with the other settings' problems, before the database", () => {
    const dir = mkdtempSync(join(tmpdir(), "credito-solleciti-"));
    const db = join(dir, "never.db");
    try {
      const run = spawnSync(process.execPath, ["dist/main.js"], {
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          ...GOOD,
          DATABASE_URL: `file:${db}`,
          CREDITO_SOLLECITI_CRON: "alle 8:35",
          CREDITO_AGENCY_DAYS: "molti",
        },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(run.status).toBe(2);
      const lines = run.stderr.trim().split("\n");
      expect(lines[0]).toContain("Credito non può partire");
      expect(lines.slice(1).map((l) => l.trim().split(":")[0])).toEqual([
        "CREDITO_SOLLECITI_CRON",
        "CREDITO_AGENCY_DAYS",
      ]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(db)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
  });
});
