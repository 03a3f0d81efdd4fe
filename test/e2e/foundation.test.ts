import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";

describe("the Bolt app over signed HTTP", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("answers a signed /credito help ephemerally, in Italian, within 3 s", async () => {
    const res = await h.requester.command("U1", "/credito", "help");
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const body = res.json as { response_type: string; text: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("/credito help");
    expect(body.text).toContain("Scrivi `/credito` seguito da un comando");
  });

  it("answers an unknown sub-command with the list of commands", async () => {
    const res = await h.requester.command("U1", "/credito", "boh qualcosa");
    const body = res.json as { response_type: string; text: string };
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("Non conosco il comando `boh`");
    expect(body.text).toContain("/credito help");
  });

  it("rejects unsigned requests and stale timestamps with 401, changing nothing", async () => {
    const before = await h.runtime.ctx.db.processedEvent.count();
    const unsigned = await h.requester.command("U1", "/credito", "help", { unsigned: true });
    expect(unsigned.status).toBe(401);
    const stale = await h.requester.event(
      { type: "app_home_opened", user: "U1", tab: "home", channel: "D1" },
      "Ev-stale",
      { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 },
    );
    expect(stale.status).toBe(401);
    expect(await h.runtime.ctx.db.processedEvent.count()).toBe(before);
    expect(h.slack.callsOf("views.publish")).toHaveLength(0);
  });

  it("publishes App Home on app_home_opened, once even when Slack retries the event", async () => {
    await h.runtime.ctx.db.teamMember.create({ data: { slackUserId: "U1", name: "Giulia", role: "admin" } });
    const event = { type: "app_home_opened", user: "U1", tab: "home", channel: "D1" };
    expect((await h.requester.event(event, "Ev1")).status).toBe(200);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.publish"));
    expect((await h.requester.event(event, "Ev1", { retryNum: 1 })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    const published = h.slack.callsOf("views.publish");
    expect(published).toHaveLength(1);
    const view = published[0]?.args.view as {
      type: string;
      blocks: { type: string; text?: { text: string } }[];
    };
    expect(view.type).toBe("home");
    expect(view.blocks[0]?.text?.text).toBe("La posizione del team");
  });

  it("shows no receivables in App Home to someone outside the credit team", async () => {
    await h.runtime.ctx.db.teamMember.create({ data: { slackUserId: "U1", name: "Giulia", role: "admin" } });
    await h.runtime.ctx.db.customer.create({ data: { code: "C1", name: "Rossi Srl" } });
    await h.requester.event({ type: "app_home_opened", user: "U9", tab: "home", channel: "D9" }, "Ev9");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.publish"));
    const view = JSON.stringify(h.slack.callsOf("views.publish")[0]?.args.view);
    expect(view).toContain("solo al team crediti");
    expect(view).not.toContain("Scaduto aperto");
  });

  it("answers GET /healthz with a small JSON status", async () => {
    const res = await fetch(`http://127.0.0.1:${h.runtime.slack.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, status: "ok", outboxPending: 0 });
  });
});
