import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/standin/fake-slack";
import { SlackRequester } from "../../src/standin/signed-requests";

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

describe("npm start with good settings", () => {
  it("serves /healthz and signed commands, never logs the token, and stops cleanly on SIGTERM", async () => {
    const slack = await new FakeSlack().start();
    const dir = mkdtempSync(join(tmpdir(), "credito-start-"));
    const token = "xoxb-1234-secret-token-value";
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        SLACK_BOT_TOKEN: token,
        SLACK_SIGNING_SECRET: "start-secret",
        SLACK_API_URL: slack.apiUrl,
        CREDITO_CHANNEL: "C0CREDITO",
        DATABASE_URL: `file:${join(dir, "start.db")}`,
        PORT: "0",
        LOG_LEVEL: "debug",
      },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    try {
      const deadline = Date.now() + 30_000;
      while (!/HTTP on port (\d+)/.test(stderr) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const port = Number(/HTTP on port (\d+)/.exec(stderr)?.[1]);
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const requester = new SlackRequester(`http://127.0.0.1:${port}/slack/events`, "start-secret");
      const res = await requester.command("U1", "/credito", "help");
      expect((res.json as { text: string }).text).toContain("/credito help");
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stderr).toContain("SIGTERM: shutting down");
      expect(stderr).not.toContain("secret-token-value");
      expect(slack.refusals).toEqual([]); // nothing Slack would refuse (issue 13)
    } finally {
      child.kill("SIGKILL");
      await slack.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
