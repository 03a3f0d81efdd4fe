import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "../../src/context";
import { ensureCaseThread, openCase } from "../../src/services/cases/cases";
import { postDigest } from "../../src/services/digest/digest";
import { importFiles } from "../../src/services/imports/import";
import type { RecordedCall } from "../../src/standin/fake-slack";
import { type Harness, startHarness } from "../support/harness";

// Issue 13, point 12: a customer's name is user text. Imported with a mention and a link in it, it must reach
// Slack escaped in every mrkdwn text, `text` fallbacks included (plain_text objects are shown as written).

const NAME = "Rossi <!channel> <https://x.example|Srl>";
const RAW = ["<!channel>", "<https://x.example"];

/** Every mrkdwn string of a call that carries the raw name, with the path where it was found. */
function rawMrkdwn(call: RecordedCall): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (typeof v === "string") {
      if (RAW.some((r) => v.includes(r))) found.push(`${call.method} ${path}: ${v}`);
      return;
    }
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
      return;
    }
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "plain_text") return; // Slack shows plain_text literally
      for (const [k, x] of Object.entries(o)) {
        // not shown as text: ids, values, metadata, the option values of selects
        if (
          ["value", "private_metadata", "action_id", "block_id", "callback_id", "initial_value"].includes(k)
        )
          continue;
        walk(x, `${path}.${k}`);
      }
    }
  };
  walk(call.args, "");
  return found;
}

let h: Harness;
let customerId: number;

beforeAll(async () => {
  h = await startHarness();
  const db = h.runtime.ctx.db;
  await db.teamMember.create({ data: { slackUserId: "U0ADMIN", name: "Giulia Ferri", role: "admin" } });
  await db.teamMember.create({ data: { slackUserId: "U0OWNER", name: "Roberto Galli", role: "owner" } });
  const csv = [
    "Codice cliente;Ragione sociale;Numero fattura;Data fattura;Scadenza;Importo;Residuo",
    `C900;${NAME};FT 1;01/12/2025;05/01/2026;1.500,00;1.500,00`,
    `C900;${NAME};FT 2;15/12/2025;20/01/2026;800,00;800,00`,
  ].join("\n");
  const s = await importFiles(
    h.runtime.ctx,
    [{ name: "scadenzario.csv", bytes: new TextEncoder().encode(csv) }],
    {},
    { actor: "test" },
  );
  expect(s.written).toBe(true);
  customerId = (await db.customer.findUniqueOrThrow({ where: { code: "C900" } })).id;
  expect((await db.customer.findUniqueOrThrow({ where: { id: customerId } })).name).toBe(NAME);
}, 60_000);

afterAll(async () => {
  await h?.close();
});

describe("user text in every message", () => {
  it("reaches Slack escaped in blocks and in text fallbacks", async () => {
    const ctx = h.runtime.ctx;
    const day = today(ctx);
    await postDigest(ctx, day);
    await ctx.db.$transaction(async (tx) => {
      const c = await openCase(tx, customerId, day);
      await ensureCaseThread(ctx, c.id, day, tx);
    });
    ctx.outbox.kick();
    await ctx.outbox.idle();
    await h.requester.command("U0ADMIN", "/credito", "cliente C900");
    await h.requester.command("U0ADMIN", "/credito", "log C900 promessa 500 20/3");
    await h.requester.command("U0ADMIN", "/credito", "oggi");
    await h.requester.command("U0OWNER", "/credito", "pratica C900 stralcio 1.000 entro fine mese");
    await h.requester.event(
      { type: "app_home_opened", user: "U0ADMIN", tab: "home", channel: "D1" },
      "EvEsc1",
    );
    await new Promise((r) => setTimeout(r, 500));
    await ctx.outbox.idle();
    await postDigest(ctx, day); // the update of the digest after the day's changes
    await ctx.outbox.idle();

    const methods = new Set(h.slack.calls.map((c) => c.method));
    // the flows above really produced these messages
    for (const m of ["chat.postMessage", "chat.update", "response_url", "views.publish"])
      expect(methods).toContain(m);
    const shown = h.slack.calls.filter((c) => JSON.stringify(c.args).includes("Rossi"));
    expect(shown.length).toBeGreaterThanOrEqual(6);
    expect(shown.some((c) => JSON.stringify(c.args).includes("&lt;!channel&gt;"))).toBe(true);
    expect(h.slack.calls.flatMap(rawMrkdwn)).toEqual([]);
  }, 60_000);
});
