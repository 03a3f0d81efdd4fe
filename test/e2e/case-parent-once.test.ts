import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RecordedCall } from "../../src/standin/fake-slack";
import { ADMIN, seedCase, threadPosts } from "../support/cases";
import { type Harness, startHarness } from "../support/harness";

// One unit of work refreshes the case parent once (issue 12, point 3): a settlement submission logs the
// outcome, asks the owner, moves the stage to "settlement", each with its thread line, and the parent message
// is edited once, at commit, with the position as the submission leaves it.

type Block = {
  type: string;
  block_id?: string;
  element?: { type: string; action_id: string; initial_option?: { value: string } };
};
type View = { callback_id: string; private_metadata: string; blocks: Block[] };

const viewOf = (call: RecordedCall | undefined) => call?.args.view as View;

/** The state Slack would send for these values, shaped by the element type of each input block. */
function stateFor(view: View, values: Record<string, string>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (b.type !== "input" || !b.block_id || !b.element) continue;
    const v = values[b.block_id] ?? b.element.initial_option?.value;
    const { type, action_id } = b.element;
    let entry: Record<string, unknown> = { type };
    if (type === "plain_text_input") entry.value = v ?? null;
    else if (type === "datepicker") entry.selected_date = v ?? null;
    else if (type === "timepicker") entry.selected_time = v ?? null;
    else if (type === "static_select" || type === "external_select")
      entry.selected_option = v ? { value: v } : null;
    else entry = { type, selected_options: [] };
    state[b.block_id] = { [action_id]: entry };
  }
  return state;
}

describe("the case-thread writer", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  async function updatesCount(): Promise<number> {
    return h.slack.callsOf("views.update").length;
  }

  it("a settlement submission edits the case parent exactly once, after its thread lines", async () => {
    const { caseId, parentTs } = await seedCase(h);
    const updatesOfParent = () => h.slack.callsOf("chat.update").filter((c) => c.args.ts === parentTs);
    expect(updatesOfParent()).toHaveLength(0);

    await h.requester.command(ADMIN, "/credito", "log C001");
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.update"));
    const opened = viewOf(h.slack.callsOf("views.update").at(-1));
    const before = await updatesCount();
    await h.requester.interaction({
      type: "block_actions",
      user: { id: ADMIN, name: "admin" },
      trigger_id: h.requester.newTriggerId(),
      view: {
        ...opened,
        id: "V1",
        hash: "hx",
        state: { values: stateFor(opened, { outcome: "settlement" }) },
      },
      actions: [
        {
          type: "static_select",
          action_id: "lm_outcome",
          block_id: "outcome",
          selected_option: { value: "settlement" },
        },
      ],
    });
    await h.slack.waitFor(() => h.slack.callsOf("views.update").length > before);
    const view = viewOf(h.slack.callsOf("views.update").at(-1));
    const values = { outcome: "settlement", settlementAmount: "2.000", settlementTerms: "entro il 20/3" };
    const res = await h.requester.interaction({
      type: "view_submission",
      user: { id: ADMIN, name: "admin" },
      view: { ...view, id: "V1", hash: "h9", state: { values: stateFor(view, values) } },
    });
    expect(res.status).toBe(200);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    await h.runtime.ctx.outbox.idle();

    const db = h.runtime.ctx.db;
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe("settlement");
    expect(await db.approvalRequest.count({ where: { caseId, kind: "settlement" } })).toBe(1);
    // the outcome line, the approval message and the stage line went in the thread
    expect(threadPosts(h, parentTs).length).toBeGreaterThanOrEqual(3);
    const updates = updatesOfParent();
    expect(updates).toHaveLength(1);
    // the one edit shows the case as the submission left it: in settlement
    expect(JSON.stringify(updates[0]?.args)).toContain("Saldo e stralcio proposto");
    // and it comes after the lines it sums up
    const calls = h.slack.calls;
    const lastLine = calls.findLastIndex(
      (c) => c.method === "chat.postMessage" && c.args.thread_ts === parentTs,
    );
    expect(calls.indexOf(updates[0]!)).toBeGreaterThan(lastLine);
  });
});
