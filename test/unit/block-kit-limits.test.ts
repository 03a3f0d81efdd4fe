import { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { describeProblems, messageProblems, viewProblems } from "../../src/standin/block-kit-limits";
import { FakeSlack } from "../../src/standin/fake-slack";

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
const button = (over: Record<string, unknown> = {}) => ({
  type: "button",
  action_id: "b",
  text: { type: "plain_text", text: "Ok" },
  value: "1",
  ...over,
});
const modal = (over: Record<string, unknown> = {}) => ({
  type: "modal",
  callback_id: "m",
  title: { type: "plain_text", text: "Registra esito" },
  submit: { type: "plain_text", text: "Salva" },
  close: { type: "plain_text", text: "Annulla" },
  blocks: [section("ok")],
  ...over,
});
const pointers = (p: { pointer: string }[]) => p.map((x) => x.pointer);
const options = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: { type: "plain_text", text: `o${i}` }, value: String(i) }));

describe("Block Kit limits: messages", () => {
  it("accepts a message within every limit", () => {
    expect(
      messageProblems({
        text: "x",
        blocks: [
          { type: "header", text: { type: "plain_text", text: "h".repeat(150) } },
          section("s".repeat(3000)),
          { type: "actions", elements: [button({ value: "v".repeat(2000) })] },
          { type: "context", elements: [{ type: "mrkdwn", text: "c" }] },
          { type: "divider" },
        ],
      }),
    ).toEqual([]);
  });

  it("refuses more than 50 blocks", () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: "divider" }));
    expect(pointers(messageProblems({ blocks }))).toEqual(["/blocks"]);
    expect(messageProblems({ blocks: blocks.slice(1) })).toEqual([]);
  });

  it("refuses a section text over 3000 characters, and an empty one", () => {
    expect(describeProblems(messageProblems({ blocks: [section("s".repeat(3001))] }))).toEqual([
      "must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
    ]);
    expect(pointers(messageProblems({ blocks: [section("")] }))).toEqual(["/blocks/0/text/text"]);
  });

  it("refuses more than 10 fields, and a field over 2000 characters", () => {
    const f = (t: string) => ({ type: "mrkdwn", text: t });
    expect(
      pointers(
        messageProblems({ blocks: [{ type: "section", fields: Array.from({ length: 11 }, () => f("x")) }] }),
      ),
    ).toEqual(["/blocks/0/fields"]);
    expect(
      pointers(messageProblems({ blocks: [{ type: "section", fields: [f("x".repeat(2001))] }] })),
    ).toEqual(["/blocks/0/fields/0/text"]);
  });

  it("refuses a header over 150 characters or in mrkdwn", () => {
    expect(
      pointers(
        messageProblems({
          blocks: [{ type: "header", text: { type: "plain_text", text: "h".repeat(151) } }],
        }),
      ),
    ).toEqual(["/blocks/0/text/text"]);
    expect(
      pointers(messageProblems({ blocks: [{ type: "header", text: { type: "mrkdwn", text: "*h*" } }] })),
    ).toEqual(["/blocks/0/text/type"]);
  });

  it("refuses button text over 75 characters or in mrkdwn, and a value over 2000", () => {
    const actions = (b: unknown) => ({ blocks: [{ type: "actions", elements: [b] }] });
    expect(
      pointers(messageProblems(actions(button({ text: { type: "plain_text", text: "t".repeat(76) } })))),
    ).toEqual(["/blocks/0/elements/0/text/text"]);
    expect(pointers(messageProblems(actions(button({ text: { type: "mrkdwn", text: "*t*" } }))))).toEqual([
      "/blocks/0/elements/0/text/type",
    ]);
    expect(pointers(messageProblems(actions(button({ value: "v".repeat(2001) }))))).toEqual([
      "/blocks/0/elements/0/value",
    ]);
  });

  it("refuses ids over 255 characters and repeated ones", () => {
    expect(pointers(messageProblems({ blocks: [{ type: "divider", block_id: "b".repeat(256) }] }))).toEqual([
      "/blocks/0/block_id",
    ]);
    expect(
      pointers(
        messageProblems({
          blocks: [{ type: "actions", elements: [button({ action_id: "a".repeat(256) })] }],
        }),
      ),
    ).toEqual(["/blocks/0/elements/0/action_id"]);
    expect(
      pointers(
        messageProblems({
          blocks: [
            { type: "divider", block_id: "same" },
            { type: "divider", block_id: "same" },
          ],
        }),
      ),
    ).toEqual(["/blocks/1/block_id"]);
    expect(
      pointers(messageProblems({ blocks: [{ type: "actions", elements: [button(), button()] }] })),
    ).toEqual(["/blocks/0/elements/1/action_id"]);
  });

  it("refuses a static_select with more than 100 options", () => {
    const select = (n: number) => ({
      blocks: [
        { type: "actions", elements: [{ type: "static_select", action_id: "s", options: options(n) }] },
      ],
    });
    expect(messageProblems(select(100))).toEqual([]);
    expect(pointers(messageProblems(select(101)))).toEqual(["/blocks/0/elements/0/options"]);
    const mrkdwnOption = { text: { type: "mrkdwn", text: "*o*" }, value: "1" };
    expect(
      pointers(
        messageProblems({
          blocks: [
            {
              type: "actions",
              elements: [{ type: "static_select", action_id: "s", options: [mrkdwnOption] }],
            },
          ],
        }),
      ),
    ).toEqual(["/blocks/0/elements/0/options/0/text/type"]);
  });

  it("refuses input blocks in a message", () => {
    const input = {
      type: "input",
      block_id: "i",
      label: { type: "plain_text", text: "Nota" },
      element: { type: "plain_text_input", action_id: "n" },
    };
    expect(pointers(messageProblems({ blocks: [input] }))).toEqual(["/blocks/0/type"]);
    expect(viewProblems(modal({ blocks: [input] }))).toEqual([]);
  });

  it("refuses an unknown block type", () => {
    expect(pointers(messageProblems({ blocks: [{ type: "sektion" }] }))).toEqual(["/blocks/0/type"]);
  });
});

describe("Block Kit limits: views", () => {
  it("accepts a modal within every limit and refuses more than 100 blocks", () => {
    expect(viewProblems(modal())).toEqual([]);
    const blocks = Array.from({ length: 101 }, () => ({ type: "divider" }));
    expect(pointers(viewProblems(modal({ blocks })))).toEqual(["/view/blocks"]);
    expect(pointers(viewProblems({ type: "home", blocks }))).toEqual(["/view/blocks"]);
    expect(viewProblems({ type: "home", blocks: blocks.slice(1) })).toEqual([]);
  });

  it("refuses a title, submit or close over 24 characters, or not plain_text", () => {
    const long = { type: "plain_text", text: "x".repeat(25) };
    expect(pointers(viewProblems(modal({ title: long, submit: long, close: long })))).toEqual([
      "/view/title/text",
      "/view/submit/text",
      "/view/close/text",
    ]);
    expect(pointers(viewProblems(modal({ title: { type: "mrkdwn", text: "*t*" } })))).toEqual([
      "/view/title/type",
    ]);
  });

  it("refuses private_metadata over 3000 characters", () => {
    expect(pointers(viewProblems(modal({ private_metadata: "m".repeat(3001) })))).toEqual([
      "/view/private_metadata",
    ]);
    expect(viewProblems(modal({ private_metadata: "m".repeat(3000) }))).toEqual([]);
  });

  it("refuses an input label that is not plain_text", () => {
    const input = {
      type: "input",
      label: { type: "mrkdwn", text: "*Nota*" },
      element: { type: "plain_text_input", action_id: "n" },
    };
    expect(pointers(viewProblems(modal({ blocks: [input] })))).toEqual(["/view/blocks/0/label/type"]);
  });
});

describe("the fake Slack answers as Slack does", () => {
  it("answers invalid_blocks to a message and invalid_arguments to a view, and records the refusal", async () => {
    const slack = await new FakeSlack().start();
    const client = new WebClient("xoxb-test", { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
    try {
      await expect(
        client.chat.postMessage({ channel: "C1", text: "x", blocks: [section("s".repeat(3001))] as never }),
      ).rejects.toMatchObject({ data: { ok: false, error: "invalid_blocks" } });
      await expect(
        client.views.publish({
          user_id: "U1",
          view: { type: "home", blocks: Array(101).fill({ type: "divider" }) },
        }),
      ).rejects.toMatchObject({ data: { ok: false, error: "invalid_arguments" } });
      await expect(client.chat.postMessage({ channel: "C1", text: "" })).rejects.toMatchObject({
        data: { error: "no_text" },
      });
      expect(slack.callsOf("chat.postMessage")).toEqual([]);
      expect(slack.refusals.map((r) => [r.method, r.error])).toEqual([
        ["chat.postMessage", "invalid_blocks"],
        ["views.publish", "invalid_arguments"],
        ["chat.postMessage", "no_text"],
      ]);
      expect(slack.refusals[0]?.messages).toEqual([
        "must be less than 3001 characters [json-pointer:/blocks/0/text/text]",
      ]);
      await client.chat.postMessage({ channel: "C1", text: "ok", blocks: [section("ok")] as never });
      expect(slack.callsOf("chat.postMessage")).toHaveLength(1);
    } finally {
      await slack.stop();
    }
  });
});
