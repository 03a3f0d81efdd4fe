import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm start with missing or wrong settings", () => {
  it("prints one line per problem and exits with code 2, without a stack trace", () => {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      SLACK_BOT_TOKEN: "xoxp-wrong",
      PORT: "abc",
    };
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toContain("Credito cannot start");
    expect(run.stderr).toContain("SLACK_BOT_TOKEN: must be a bot token starting with xoxb-");
    expect(run.stderr).toContain("CREDITO_CHANNEL: missing (required)");
    expect(run.stderr).toContain("PORT:");
    expect(run.stderr).toContain("SLACK_SIGNING_SECRET: missing");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
