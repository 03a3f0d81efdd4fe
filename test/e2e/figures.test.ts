import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoData } from "../../src/demo/generate";
import { seedDemo } from "../../src/demo/seed";
import { postDigest } from "../../src/services/digest/digest";
import { type Harness, startHarness } from "../support/harness";

// Issue 13, point 3: the overdue figure is one figure. On the demo data, the digest header, App Home and its aging
// buckets, the report and the customer cards (added up) must say the same amount to the cent, and the disputed
// part must show apart on each.

type Block = {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text: string }[];
};

const TODAY = "2026-03-02";

function texts(blocks: Block[]): string[] {
  return blocks.flatMap((b) =>
    [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text)].filter(
      (x): x is string => typeof x === "string",
    ),
  );
}

/** "€ 608.175,62" -> 60817562 */
function cents(amount: string): number {
  const m = /€\s?(-?[\d.]+,\d{2})/.exec(amount);
  if (!m) throw new Error(`no amount with cents in "${amount}"`);
  return Number(m[1]!.replace(/\./g, "").replace(",", ""));
}

/** The amount right under a field title such as "*Scaduto aperto*". */
function fieldAmount(blocks: Block[], title: string): number {
  const field = texts(blocks).find((x) => x.startsWith(`*${title}*\n`));
  if (!field) throw new Error(`no field "${title}"`);
  return cents(field.split("\n")[1]!);
}

function disputedAmount(blocks: Block[]): number {
  const line = texts(blocks)
    .flatMap((x) => x.split("\n"))
    .find((x) => x.includes("di cui contestato"));
  return line ? cents(line) : 0;
}

let h: Harness;
let expected: { overdue: number; disputed: number };

beforeAll(async () => {
  h = await startHarness({ now: `${TODAY}T08:30:00+01:00` });
  await seedDemo(h.runtime.ctx.db, generateDemoData({ today: TODAY }));
  const rows = await h.runtime.ctx.db.invoice.findMany({
    where: { status: { in: ["open", "disputed"] }, dueDate: { lt: TODAY } },
  });
  expected = {
    overdue: rows.reduce((s, i) => s + i.openCents, 0),
    disputed: rows.filter((i) => i.status === "disputed").reduce((s, i) => s + i.openCents, 0),
  };
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe("one overdue figure on the demo data", () => {
  it("is the same to the cent in the digest, App Home and its aging, the report and the customer cards", async () => {
    expect(expected.disputed).toBeGreaterThan(0); // the demo has a dispute, so the test can tell the two apart

    await postDigest(h.runtime.ctx, TODAY);
    await h.slack.waitFor((c) => c.some((x) => x.method === "chat.postMessage"));
    const digest = h.slack.callsOf("chat.postMessage")[0]!.args as { blocks: Block[]; text: string };
    const digestOverdue = fieldAmount(digest.blocks, "Scaduto aperto");
    expect(cents(digest.text)).toBe(digestOverdue);

    await h.requester.event(
      { type: "app_home_opened", user: "U0ADMIN", tab: "home", channel: "D1" },
      "EvHome1",
    );
    await h.slack.waitFor((c) => c.some((x) => x.method === "views.publish"));
    const home = (h.slack.callsOf("views.publish")[0]!.args.view as { blocks: Block[] }).blocks;
    const homeOverdue = fieldAmount(home, "Scaduto aperto");
    const agingText = texts(home).find((x) => x.startsWith("*Anzianità dello scaduto*"));
    expect(agingText).toBeDefined();
    const agingLines = agingText!.split("\n").slice(1);
    expect(agingLines).toHaveLength(5);
    const homeAgingOverdue = agingLines.slice(1).reduce((s, l) => s + cents(l), 0);

    await h.requester.command("U0OWNER", "/credito", "report mese");
    await h.slack.waitFor((c) =>
      c.some((x) => x.method === "chat.postMessage" && String(x.args.text).startsWith("📊")),
    );
    const report = h.slack.callsOf("chat.postMessage").find((x) => String(x.args.text).startsWith("📊"))!
      .args as { blocks: Block[] };
    const reportOverdue = fieldAmount(report.blocks, "Scaduto aperto");

    const customers = await h.runtime.ctx.db.customer.findMany({
      where: { invoices: { some: { status: { in: ["open", "disputed"] }, dueDate: { lt: TODAY } } } },
    });
    const before = h.slack.callsOf("response_url").length;
    let cardsOverdue = 0;
    let cardsDisputed = 0;
    for (const [k, c] of customers.entries()) {
      await h.requester.command("U0ADMIN", "/credito", `cliente ${c.code}`);
      await h.slack.waitFor((calls) => calls.filter((x) => x.method === "response_url").length > before + k);
      const card = h.slack.callsOf("response_url")[before + k]!.args as { blocks: Block[] };
      cardsOverdue += fieldAmount(card.blocks, "Scaduto");
      cardsDisputed += disputedAmount(card.blocks);
    }

    const figures = {
      digest: digestOverdue,
      home: homeOverdue,
      homeAging: homeAgingOverdue,
      report: reportOverdue,
      cards: cardsOverdue,
    };
    expect(figures).toEqual({
      digest: expected.overdue,
      home: expected.overdue,
      homeAging: expected.overdue,
      report: expected.overdue,
      cards: expected.overdue,
    });
    expect({
      digest: disputedAmount(digest.blocks),
      home: disputedAmount(home),
      report: disputedAmount(report.blocks),
      cards: cardsDisputed,
    }).toEqual({
      digest: expected.disputed,
      home: expected.disputed,
      report: expected.disputed,
      cards: expected.disputed,
    });
  }, 120_000);
});
