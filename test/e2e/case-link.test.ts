import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, click, seedCase } from "../support/cases";
import { CHANNEL, type Harness, startHarness } from "../support/harness";

// The case link of the customer card: the service opens the case, the Slack adapter (slack/permalinks.ts)
// asks chat.getPermalink for its thread.
describe("the customer card's case button", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const replies = () => h.slack.callsOf("response_url").map((c) => String(c.args.text));

  it("answers with a link to the case thread, from Slack's permalink", async () => {
    const { customerId, parentTs } = await seedCase(h);
    await click(h, ADMIN, "customer_open_case", String(customerId));
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "response_url"));
    expect(h.slack.callsOf("chat.getPermalink").map((c) => c.args)).toEqual([
      expect.objectContaining({ channel: CHANNEL, message_ts: parentTs }),
    ]);
    expect(replies()).toEqual([
      `📁 Pratica *Rossi Forniture SRL*: <https://demo.slack.com/archives/${CHANNEL}/p${parentTs.replace(".", "")}|apri il thread>`,
    ]);
  });

  it("says the case is on its way when Slack gives no permalink", async () => {
    const { customerId } = await seedCase(h);
    h.slack.failNext("chat.getPermalink", { error: "message_not_found" });
    await click(h, ADMIN, "customer_open_case", String(customerId));
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "response_url"));
    expect(replies()).toEqual([
      "📁 La pratica di *Rossi Forniture SRL* è in preparazione nel canale: la trovi tra pochi secondi.",
    ]);
  });
});
