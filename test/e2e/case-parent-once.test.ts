import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN, seedCase, threadPosts } from "../support/cases";
import { type Harness, startHarness } from "../support/harness";
import { logModalFor, submitLogModal } from "../support/log-modal";

// One unit of work refreshes the case parent once (issue 12, point 3): a settlement submission logs the
// outcome, asks the owner, moves the stage to "settlement", each with its thread line, and the parent message
// is edited once, at commit, with the position as the submission leaves it.

describe("the case-thread writer", () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("a settlement submission edits the case parent exactly once, after its thread lines", async () => {
    const { caseId, parentTs } = await seedCase(h);
    const updatesOfParent = () => h.slack.callsOf("chat.update").filter((c) => c.args.ts === parentTs);
    expect(updatesOfParent()).toHaveLength(0);

    const view = await logModalFor(h, ADMIN, "log C001", "settlement");
    const res = await submitLogModal(h, ADMIN, view, {
      outcome: "settlement",
      settlementAmount: "2.000",
      settlementTerms: "entro il 20/3",
    });
    expect(res.status).toBe(200);
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    await h.runtime.ctx.outbox.idle();

    const db = h.runtime.ctx.db;
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).stage).toBe("settlement");
    expect(await db.approvalRequest.count({ where: { caseId, kind: "settlement" } })).toBe(1);
    // the outcome line, the approval message and the stage line went in the thread
    expect(threadPosts(h, parentTs)).toHaveLength(3);
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

  it("a case opened by the submission posts its parent once, already showing the stage, with no edit", async () => {
    const { customerId } = await seedCase(h);
    const db = h.runtime.ctx.db;
    // the customer's case was closed: the submission opens a new one, whose parent is not posted yet
    await db.case.updateMany({ where: { customerId }, data: { closedOn: "2026-02-01", stage: "closed" } });
    const before = h.slack.calls.length;
    const view = await logModalFor(h, ADMIN, "log C001", "settlement");
    await submitLogModal(h, ADMIN, view, { outcome: "settlement", settlementAmount: "2.000" });
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral"));
    await h.runtime.ctx.outbox.idle();

    const kase = await db.case.findFirstOrThrow({ where: { customerId, closedOn: null } });
    const calls = h.slack.calls.slice(before);
    const parents = calls.filter(
      (c) => c.method === "chat.postMessage" && !c.args.thread_ts && c.args.channel === "C0CREDITO",
    );
    expect(parents).toHaveLength(1);
    expect(JSON.stringify(parents[0]?.args)).toContain("Saldo e stralcio proposto");
    expect(calls.filter((c) => c.method === "chat.update" && c.args.ts === kase.threadTs)).toHaveLength(0);
    expect(threadPosts(h, kase.threadTs as string)).toHaveLength(3);
  });
});
