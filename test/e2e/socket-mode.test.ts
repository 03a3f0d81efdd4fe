import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { FakeSlack } from "../../src/standin/fake-slack";
import { type Harness, startHarness } from "../support/harness";

describe("Socket Mode (SLACK_APP_TOKEN set)", () => {
  let h: Harness | undefined;
  let wss: WebSocketServer | undefined;
  afterEach(async () => {
    await h?.close();
    await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
  });

  it("connects through apps.connections.open and answers /credito help over the socket", async () => {
    wss = new WebSocketServer({ port: 0, host: "127.0.0.1" });
    await new Promise<void>((resolve) => wss!.on("listening", () => resolve()));
    const slack = await new FakeSlack().start();
    slack.socketModeUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link`;
    const answer = new Promise<{ envelope_id: string; payload: { response_type: string; text: string } }>(
      (resolve) => {
        wss!.on("connection", (socket) => {
          socket.on("message", (data) => resolve(JSON.parse(String(data))));
          socket.send(
            JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0CREDITO" } }),
          );
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
                api_app_id: "A0CREDITO",
                response_url: slack.responseUrl("sm"),
                trigger_id: "1.2.trigger",
              },
            }),
          );
        });
      },
    );
    h = await startHarness({ slack, env: { SLACK_APP_TOKEN: "xapp-1-test" } });
    const ack = await answer;
    expect(ack.envelope_id).toBe("env-1");
    expect(ack.payload.response_type).toBe("ephemeral");
    expect(ack.payload.text).toContain("/credito help");
    expect(slack.callsOf("apps.connections.open")).toHaveLength(1);
  });
});
