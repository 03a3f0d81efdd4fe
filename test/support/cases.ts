import { expect } from "vitest";
import { today } from "../../src/context";
import { ensureCaseThread, openCase } from "../../src/services/cases/cases";
import type { RecordedCall } from "../../src/standin/fake-slack";
import { CHANNEL, type Harness } from "./harness";

export const ADMIN = "UADMIN";
export const OWNER = "UOWNER";
export const SALES = "USALES";
export const OTHER = "UOTHER";

/** An admin, an owner, a salesperson; a customer with two overdue invoices and an open case whose thread is posted. */
export async function seedCase(
  h: Harness,
  opts: { preserve?: boolean; name?: string; code?: string; withSales?: boolean } = {},
): Promise<{ customerId: number; caseId: number; parentTs: string }> {
  const db = h.runtime.ctx.db;
  for (const [slackUserId, name, role] of [
    [ADMIN, "Alice Admin", "admin"],
    [OWNER, "Oscar Titolare", "owner"],
    [SALES, "Sara Commerciale", "sales"],
  ] as const) {
    await db.teamMember.upsert({ where: { slackUserId }, create: { slackUserId, name, role }, update: {} });
  }
  const sales = await db.teamMember.findUniqueOrThrow({ where: { slackUserId: SALES } });
  const customer = await db.customer.create({
    data: {
      code: opts.code ?? "C001",
      name: opts.name ?? "Rossi Forniture SRL",
      searchText: "rossi forniture srl c001",
      vatNumber: "01234567890",
      city: "Bergamo",
      province: "BG",
      phone: "035 123456",
      preserveRelationship: opts.preserve ?? false,
      salespersonId: opts.withSales === false ? null : sales.id,
      noteApproach: "Chiamare il mattino",
      invoices: {
        create: [
          {
            number: "FT-101",
            issueDate: "2025-11-30",
            dueDate: "2026-01-01",
            amountCents: 100000,
            openCents: 100000,
          },
          {
            number: "FT-102",
            issueDate: "2025-12-31",
            dueDate: "2026-01-31",
            amountCents: 250000,
            openCents: 250000,
          },
        ],
      },
    },
  });
  const day = today(h.runtime.ctx);
  const kase = await db.$transaction(async (tx) => {
    const c = await openCase(tx, customer.id, day);
    await ensureCaseThread(h.runtime.ctx, c.id, day, tx);
    return c;
  });
  h.runtime.ctx.outbox.kick();
  await h.runtime.ctx.outbox.idle();
  const posted = await db.case.findUniqueOrThrow({ where: { id: kase.id } });
  expect(posted.threadTs).toBeTruthy();
  return { customerId: customer.id, caseId: kase.id, parentTs: posted.threadTs as string };
}

export function click(
  h: Harness,
  user: string,
  actionId: string,
  value: string,
  messageTs = "1700000000.000999",
  triggerId = h.requester.newTriggerId(),
) {
  return h.requester.interaction({
    type: "block_actions",
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T0DEMO" },
    trigger_id: triggerId,
    channel: { id: CHANNEL, name: "crediti" },
    container: { type: "message", message_ts: messageTs, channel_id: CHANNEL, is_ephemeral: false },
    message: { type: "message", ts: messageTs, text: "" },
    response_url: h.slack.responseUrl(triggerId),
    actions: [{ type: "button", action_id: actionId, block_id: "b1", value, action_ts: "1700000001.000000" }],
  });
}

export function submitView(
  h: Harness,
  user: string,
  callbackId: string,
  privateMetadata: string,
  values: Record<string, Record<string, unknown>>,
) {
  return h.requester.interaction({
    type: "view_submission",
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T0DEMO" },
    trigger_id: h.requester.newTriggerId(),
    view: {
      id: "V0TEST",
      type: "modal",
      callback_id: callbackId,
      private_metadata: privateMetadata,
      hash: "h1",
      state: { values },
    },
  });
}

/** Polls until the check holds (for work done after the ack). */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every text (text fallback and mrkdwn in blocks) of a recorded call, joined. */
export function allText(call: RecordedCall): string {
  return JSON.stringify(call.args);
}

/** Posts made in a thread (thread_ts = ts). */
export function threadPosts(h: Harness, ts: string): RecordedCall[] {
  return h.slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts);
}
