import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";
import { DEFAULT_CADENCE } from "../../src/domain/cadence";

// Issue 13, point 10: every setting is checked at start-up, one line each, exit 2, before anything runs.

const GOOD = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CREDITO_CHANNEL: "C0CREDITO" };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...GOOD, ...env });
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe("settings checked by loadConfig", () => {
  it("parses the cadence at start-up, not at digest time", () => {
    expect(problems({ CREDITO_CADENCE: "3:fax" })).toEqual([
      'CREDITO_CADENCE: passo non valido: "3:fax" (atteso giorni:canale, es. 7:email)',
    ]);
    expect(problems({ CREDITO_CADENCE: "7:email,3:phone" })).toEqual([
      'CREDITO_CADENCE: passo "3:phone": i giorni devono essere crescenti',
    ]);
    expect(problems({ CREDITO_CADENCE: "7:email,3:phone", CREDITO_LOCALE: "en" })).toEqual([
      'CREDITO_CADENCE: step "3:phone": the days must increase',
    ]);
    const config = loadConfig({ ...GOOD, CREDITO_CADENCE: "5:phone,20:pec" });
    expect(config.rules.cadence?.map((s) => [s.day, s.channel])).toEqual([
      [5, "phone"],
      [20, "pec"],
    ]);
    // unset: the default table, already parsed, so the digest never parses a setting
    expect(loadConfig(GOOD).rules.cadence).toEqual(DEFAULT_CADENCE);
  });

  it("says what is wrong with each number, cron, time zone, locale and holiday, one line each", () => {
    expect(
      problems({
        CREDITO_DIGEST_CRON: "30 25 * * *",
        CREDITO_TIMEZONE: "Europe/Roma",
        CREDITO_LOCALE: "fr",
        CREDITO_CREDIT_HOLD_DAYS: "trenta",
        CREDITO_AGENCY_DAYS: "1.5",
        CREDITO_PROMISE_TOLERANCE_DAYS: "-1",
        PORT: "70000",
        CREDITO_EXTRA_HOLIDAYS: "02-30",
      }),
    ).toEqual([
      // a wrong CREDITO_LOCALE cannot choose the language: the default, Italian, says what is wrong
      'PORT: deve essere al massimo 65535 (hai scritto "70000")',
      'CREDITO_TIMEZONE: fuso orario sconosciuto (hai scritto "Europe/Roma")',
      "CREDITO_DIGEST_CRON: serve un'espressione cron come '30 8 * * 1-5' (hai scritto \"30 25 * * *\")",
      'CREDITO_LOCALE: deve essere uno tra it, en (hai scritto "fr")',
      'CREDITO_PROMISE_TOLERANCE_DAYS: deve essere almeno 0 (hai scritto "-1")',
      'CREDITO_CREDIT_HOLD_DAYS: deve essere un numero (hai scritto "trenta")',
      'CREDITO_AGENCY_DAYS: deve essere un numero intero (hai scritto "1.5")',
      "CREDITO_EXTRA_HOLIDAYS: 02-30 non è un giorno dell'anno (MM-GG)",
    ]);
  });

  it("says it in English with CREDITO_LOCALE=en (issue 18)", () => {
    expect(
      problems({
        CREDITO_LOCALE: "en",
        PORT: "70000",
        CREDITO_TIMEZONE: "Europe/Roma",
        CREDITO_AGENCY_DAYS: "1.5",
        CREDITO_EXTRA_HOLIDAYS: "02-30",
        CREDITO_CHANNEL: "",
      }),
    ).toEqual([
      'PORT: must be at most 65535 (got "70000")',
      'CREDITO_TIMEZONE: unknown time zone (got "Europe/Roma")',
      'CREDITO_AGENCY_DAYS: must be a whole number (got "1.5")',
      "CREDITO_EXTRA_HOLIDAYS: 02-30 is not a day of the year (MM-DD)",
      "CREDITO_CHANNEL: missing (required)",
    ]);
  });
});

describe("npm start with bad settings", () => {
  it("exits with code 2 and one line per bad setting, before touching the database", () => {
    const dir = mkdtempSync(join(tmpdir(), "credito-settings-"));
    const db = join(dir, "never.db");
    try {
      const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          ...GOOD,
          DATABASE_URL: `file:${db}`,
          CREDITO_CADENCE: "3:fax",
          CREDITO_REPORT_CRON: "every monday",
          CREDITO_TIMEZONE: "Mars/Olympus",
          CREDITO_LOCALE: "de",
          CREDITO_AGENCY_DAYS: "molti",
        },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(run.status).toBe(2);
      const lines = run.stderr.trim().split("\n");
      expect(lines[0]).toContain("Credito non può partire");
      expect(lines.slice(1).map((l) => l.trim().split(":")[0])).toEqual([
        "CREDITO_TIMEZONE",
        "CREDITO_REPORT_CRON",
        "CREDITO_LOCALE",
        "CREDITO_AGENCY_DAYS",
        "CREDITO_CADENCE",
      ]);
      expect(existsSync(db)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
  });

  it("exits with code 2 on a bad cadence alone, naming the step, before touching the database", () => {
    const dir = mkdtempSync(join(tmpdir(), "credito-settings-"));
    const db = join(dir, "never.db");
    try {
      const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          ...GOOD,
          DATABASE_URL: `file:${db}`,
          CREDITO_CADENCE: "3:phone,0:email",
        },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(run.status).toBe(2);
      const lines = run.stderr.trim().split("\n");
      expect(lines[0]).toContain("Credito non può partire");
      expect(lines.slice(1).map((l) => l.trim())).toEqual([
        'CREDITO_CADENCE: passo "0:email": i giorni devono essere almeno 1',
      ]);
      expect(existsSync(db)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
  });
});
