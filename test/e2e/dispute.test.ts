import { afterEach, describe, expect, it } from "vitest";
import { today } from "../../src/context";
import { buildDigest } from "../../src/services/digest/digest";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

describe("a dispute pauses chasing until someone marks it resolved", () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it("logged with /credito log, shown on the case, resolved by sales from the button; a stranger cannot", async () => {
    h = await startHarness({ now: "2026-03-02T09:00:00+01:00" });
    const db = h.runtime.ctx.db;
    await db.teamMember.create({ data: { slackUserId: "U0ADMIN", name: "Giulia Ferri", role: "admin" } });
    await db.teamMember.create({ data: { slackUserId: "U0OWNER", name: "Roberto Galli", role: "owner" } });
    const c = await db.customer.create({ data: { code: "M1", name: "Mobilificio Bertin Srl" } });
    await db.invoice.create({
      data: {
        customerId: c.id,
        number: "2026/050",
        issueDate: "2026-01-01",
        dueDate: "2026-01-31",
        amountCents: 700_000,
        openCents: 700_000,
      },
    });
    const digest = () => buildDigest(h.runtime.ctx, today(h.runtime.ctx));
    const chased = async () => (await digest()).tasks.filter((x) => x.customerId === c.id);
    expect((await chased()).map((x) => x.kind)).toEqual(["cadence"]);

    await db.invoice.updateMany({ where: { customerId: c.id }, data: { status: "disputed" } });
    const res = await h.requester.command("U0ADMIN", "/credito", "log bertin non raggiunto");
    expect(res.status).toBe(200);
    // the outcome is recorded after the ack: wait for the case's parent message, not only for an idle outbox
    await h.slack.waitFor((calls) => calls.some((m) => m.method === "chat.postMessage" && !m.args.thread_ts));
    await h.runtime.ctx.outbox.idle();
    expect(await chased()).toEqual([]);
    // still owed, so still overdue (issue 13: one figure everywhere), but shown apart as disputed
    expect(await digest()).toMatchObject({ overdueCents: 700_000, disputedCents: 700_000 });
    const parent = h.slack
      .callsOf("chat.postMessage")
      .find((m) => !m.args.thread_ts && m.args.channel === CHANNEL)!;
    expect(JSON.stringify(parent.args.blocks)).toContain("Contestazione aperta su: 2026/050");

    const click = (user: string) =>
      h.requester.interaction({
        type: "block_actions",
        user: { id: user },
        trigger_id: h.requester.newTriggerId(),
        channel: { id: CHANNEL },
        response_url: h.slack.responseUrl(`d-${user}`),
        actions: [
          {
            type: "button",
            action_id: "case_resolve_dispute",
            block_id: "b",
            value: String(c.id),
            action_ts: "1",
          },
        ],
      });
    await click("U0OWNER");
    await h.slack.waitFor((calls) =>
      calls.some((x) => x.method === "response_url" && String(x.args.text).includes("Solo amministrazione")),
    );
    expect(await db.invoice.count({ where: { customerId: c.id, status: "disputed" } })).toBe(1);

    await click("U0ADMIN");
    await h.slack.waitFor((calls) =>
      calls.some((x) => x.method === "response_url" && String(x.args.text).includes("il sollecito riprende")),
    );
    await h.runtime.ctx.outbox.idle();
    expect(await db.invoice.count({ where: { customerId: c.id, status: "open" } })).toBe(1);
    // chased again: overdue again (today's contact already covers today's reminder step)
    expect((await digest()).overdueCents).toBe(700_000);
    const line = h.slack
      .callsOf("chat.postMessage")
      .find((m) => String(m.args.text).includes("Contestazione risolta da"));
    expect(line?.args.thread_ts).toBeDefined();
    expect((await db.auditEntry.findMany({ where: { customerId: c.id } })).map((a) => a.action)).toContain(
      "dispute_resolved",
    );
  });
});
