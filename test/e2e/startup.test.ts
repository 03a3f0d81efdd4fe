import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { FakeSlack } from "../../src/standin/fake-slack";
import { SlackRequester } from "../../src/standin/signed-requests";
import { loadedPackages } from "../support/loaded-packages";

/** What `npm start` runs (`node --enable-source-maps dist/main.js`, built by the global setup), without npm. */
const START = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }
).scripts.start
  .split(" ")
  .slice(1);

describe("npm start with missing or wrong settings", () => {
  it("prints one line per problem and exits with code 2, without a stack trace", () => {
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      SLACK_BOT_TOKEN: "xoxp-wrong",
      PORT: "abc",
    };
    const run = spawnSync(process.execPath, START, {
      env,
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(2);
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toContain("Credito non può partire");
    expect(run.stderr).toContain("SLACK_BOT_TOKEN: deve essere un token del bot che inizia con xoxb-");
    expect(run.stderr).toContain("CREDITO_CHANNEL: manca (obbligatoria)");
    expect(run.stderr).toContain("PORT:");
    expect(run.stderr).toContain("SLACK_SIGNING_SECRET: manca");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // the same in English (issue 18)
    const en = spawnSync(process.execPath, START, {
      env: { ...env, CREDITO_LOCALE: "en" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(en.status).toBe(2);
    expect(en.stderr.split("\n")[0]).toContain("Credito cannot start");
    expect(en.stderr).toContain("SLACK_BOT_TOKEN: must be a bot token starting with xoxb-");
    expect(en.stderr).toContain("CREDITO_CHANNEL: missing (required)");
  });
});

describe("npm start with good settings", () => {
  it("serves /healthz and signed commands, never logs the token, and stops cleanly on SIGTERM", async () => {
    const slack = await new FakeSlack().start();
    const dir = mkdtempSync(join(tmpdir(), "credito-start-"));
    const token = "xoxb-1234-secret-token-value";
    const trace = join(dir, "imports.txt");
    const child = spawn(process.execPath, ["--import", "./test/support/trace-imports.mjs", ...START], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        CREDITO_TRACE_IMPORTS: trace,
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
      // charts, PDF, Excel, OpenAI and mail load on first use, not at start-up (the trace sees Bolt)
      const loaded = loadedPackages(trace);
      for (const p of ["@slack/bolt", "@prisma/client"]) expect(loaded, p).toContain(p);
      for (const p of ["vega", "vega-lite", "@resvg/resvg-js", "pdfkit", "exceljs", "openai", "nodemailer"])
        expect(loaded, p).not.toContain(p);
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
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
  });
});

describe("npm start in Socket Mode", () => {
  it("connects through apps.connections.open and answers /credito help over the socket", async () => {
    const wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise<void>((resolve) => wss.on("listening", () => resolve()));
    const slack = await new FakeSlack().start();
    slack.socketModeUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
    const answer = new Promise<{ envelope_id: string; payload: { text: string } }>((resolve) => {
      wss.on("connection", (socket) => {
        socket.on("message", (data) => resolve(JSON.parse(String(data))));
        socket.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0" } }));
        socket.send(
          JSON.stringify({
            envelope_id: "env-1",
            type: "slash_commands",
            accepts_response_payload: true,
            payload: {
              team_id: "T0DEMO",
              channel_id: "C0CREDITO",
              user_id: "U1",
              command: "/credito",
              text: "help",
              api_app_id: "A0",
              response_url: slack.responseUrl("sm"),
              trigger_id: "1.2.trigger",
            },
          }),
        );
      });
    });
    const dir = mkdtempSync(join(tmpdir(), "credito-start-sm-"));
    const child = spawn(process.execPath, START, {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        SLACK_BOT_TOKEN: "xoxb-socket",
        SLACK_APP_TOKEN: "xapp-1-socket",
        SLACK_API_URL: slack.apiUrl,
        CREDITO_CHANNEL: "C0CREDITO",
        DATABASE_URL: `file:${join(dir, "sm.db")}`,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    try {
      const ack = await answer;
      expect(ack.envelope_id).toBe("env-1");
      expect(ack.payload.text).toContain("/credito help");
      expect(slack.callsOf("apps.connections.open")).toHaveLength(1);
    } finally {
      const exited = new Promise((resolve) => child.on("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await slack.stop();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    }
  });
});
