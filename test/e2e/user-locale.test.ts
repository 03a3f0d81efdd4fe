import { afterEach, describe, expect, it } from "vitest";
import { FakeSlack } from "../../src/standin/fake-slack";
import { type Harness, startHarness } from "../support/harness";

// Issue 18, point 1: with CREDITO_USER_LOCALE=true App Home speaks each user's Slack language (users.info
// locale), falling back to CREDITO_LOCALE for a language Credito does not speak; channel messages keep
// CREDITO_LOCALE. Off by default: many Italian teams run Slack in English and expect Credito in Italian.

type Block = { text?: { text: string }; fields?: { text: string }[] };

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function homeText(user: string, eventId: string): Promise<string> {
  const before = h.slack.callsOf("views.publish").length;
  await h.requester.event({ type: "app_home_opened", user, tab: "home", channel: `D${user}` }, eventId);
  await h.slack.waitFor((c) => c.filter((x) => x.method === "views.publish").length > before);
  const call = h.slack.callsOf("views.publish").at(-1)!;
  expect(call.args.user_id).toBe(user);
  const blocks = (call.args.view as { blocks: Block[] }).blocks;
  return blocks.flatMap((b) => [b.text?.text ?? "", ...(b.fields ?? []).map((f) => f.text)]).join("\n");
}

async function start(env: Record<string, string>): Promise<void> {
  const slack = await new FakeSlack().start();
  slack.addUser({ id: "U0ANNA", name: "Anna", locale: "en-GB" });
  slack.addUser({ id: "U0GINO", name: "Gino", locale: "it-IT" });
  slack.addUser({ id: "U0JEAN", name: "Jean", locale: "fr-FR" });
  h = await startHarness({ now: "2026-03-02T08:30:00+01:00", env, slack });
  const db = h.runtime.ctx.db;
  for (const [slackUserId, name] of [
    ["U0ANNA", "Anna"],
    ["U0GINO", "Gino"],
    ["U0JEAN", "Jean"],
  ] as const)
    await db.teamMember.create({ data: { slackUserId, name, role: "admin" } });
  const c = await db.customer.create({ data: { code: "C1", name: "Rossi Srl" } });
  await db.invoice.create({
    data: {
      customerId: c.id,
      number: "1",
      issueDate: "2026-01-01",
      dueDate: "2026-01-31",
      amountCents: 123_456,
      openCents: 123_456,
    },
  });
}

describe("App Home in each user's language", () => {
  it("follows users.info locale when CREDITO_USER_LOCALE is on, else the company's", async () => {
    await start({ CREDITO_USER_LOCALE: "true" });
    const anna = await homeText("U0ANNA", "EvUL1");
    expect(anna).toContain("€1,234.56");
    expect(anna).not.toMatch(/Scaduto|€ 1\.234,56/);
    const gino = await homeText("U0GINO", "EvUL2");
    expect(gino).toContain("€ 1.234,56");
    expect(gino).toContain("Scaduto aperto");
    // French is not one of Credito's languages: CREDITO_LOCALE (Italian) it is
    expect(await homeText("U0JEAN", "EvUL3")).toContain("Scaduto aperto");
    const asked = h.slack.callsOf("users.info").filter((c) => c.args.include_locale);
    expect(asked.map((c) => c.args.user)).toEqual(["U0ANNA", "U0GINO", "U0JEAN"]);
    // cached: opening again does not ask Slack again
    await homeText("U0ANNA", "EvUL4");
    expect(h.slack.callsOf("users.info").filter((c) => c.args.include_locale)).toHaveLength(3);
  });

  it("keeps CREDITO_LOCALE for everyone by default", async () => {
    await start({});
    expect(await homeText("U0ANNA", "EvUL5")).toContain("Scaduto aperto");
    expect(await helpText("U0ANNA")).toContain("Credito: i comandi");
    expect(h.slack.callsOf("users.info").filter((c) => c.args.include_locale)).toHaveLength(0);
  });

  it("answers the caller's own commands in their language; what others read stays in CREDITO_LOCALE", async () => {
    await start({ CREDITO_USER_LOCALE: "true" });
    expect(await helpText("U0ANNA")).toContain("Credito: commands");
    expect(await helpText("U0GINO")).toContain("Credito: i comandi");
    // an unknown sub-command gets the help too, in the caller's language
    expect(JSON.stringify((await h.requester.command("U0ANNA", "/credito", "boh")).json)).toContain(
      "Credito: commands",
    );
    // the customer card, shown to the caller alone
    await h.requester.command("U0ANNA", "/credito", "cliente rossi");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "response_url"));
    const card = JSON.stringify(h.slack.callsOf("response_url").at(-1)?.args);
    expect(card).toContain("€1,234.56");
    expect(card).not.toMatch(/Scaduto|€ 1\.234,56/);
    // a log modal is parsed on submission in CREDITO_LOCALE: it is not one of the personal answers
    await h.requester.command("U0ANNA", "/credito", "log rossi");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    expect(JSON.stringify(h.slack.callsOf("views.update").at(-1)?.args.view)).toContain("Esito");
  });
});

async function helpText(user: string): Promise<string> {
  const res = await h.requester.command(user, "/credito", "help");
  return JSON.stringify(res.json);
}
