// The demo's written reminder: Giulia opens "Prepara sollecito" from a digest entry, checks the draft and
// sends it; the mail reaches the demo's SMTP stand-in with the statement of account, the case thread shows it.

import { simpleParser } from "mailparser";
import { demoMessages } from "../i18n/demo";
import type { FakeSmtp } from "../standin/fake-smtp";
import type { DemoWorld } from "./run";

interface OverflowBlock {
  accessory?: { type: string; action_id: string; options?: { value: string }[] };
}

const CHANNEL = "C0CREDITO";

export async function playReminderScene(d: DemoWorld, smtp: FakeSmtp, user: string): Promise<string> {
  const db = d.runtime.ctx.db;
  const m = demoMessages(d.runtime.ctx.config.locale).mail;
  // the digest entries, newest digest first, with a "Prepara sollecito" option for a customer with an email
  const entries = d.slack.calls
    .filter((c) => c.method === "chat.postMessage" && Array.isArray(c.args.blocks))
    .flatMap((c) => (c.args.blocks as OverflowBlock[]).map((b) => ({ b, ts: String(c.args.ts ?? "") })));
  let chosen: { actionId: string; value: string; ts: string } | undefined;
  for (const { b, ts } of entries) {
    const option = b.accessory?.options?.find(
      (o) => o.value.startsWith("remind:") && o.value.endsWith("-email"),
    );
    if (!option || !b.accessory) continue;
    const customer = await db.customer.findUnique({ where: { id: Number(option.value.split(":")[1]) } });
    if (customer?.email) {
      chosen = { actionId: b.accessory.action_id, value: option.value, ts };
      break;
    }
  }
  if (!chosen) return `${m.noReminder}\n`;
  const before = d.slack.callsOf("views.update").length;
  await d.requester.interaction({
    type: "block_actions",
    user: { id: user },
    trigger_id: d.requester.newTriggerId(),
    channel: { id: CHANNEL },
    container: { type: "message", message_ts: chosen.ts, channel_id: CHANNEL },
    response_url: d.slack.responseUrl(`remind-${user}`),
    actions: [
      {
        type: "overflow",
        action_id: chosen.actionId,
        block_id: "b",
        selected_option: { value: chosen.value },
        action_ts: "1",
      },
    ],
  });
  await d.slack.waitFor((calls) => calls.filter((c) => c.method === "views.update").length > before, 10_000);
  const view = d.slack.callsOf("views.update").at(-1)?.args.view as {
    blocks: {
      type: string;
      block_id?: string;
      element?: { type: string; action_id: string; initial_value?: string; initial_option?: unknown };
    }[];
    private_metadata: string;
    callback_id: string;
  };
  const values: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (b.type !== "input" || !b.block_id || !b.element) continue;
    values[b.block_id] = {
      [b.element.action_id]:
        b.element.type === "static_select"
          ? { type: b.element.type, selected_option: b.element.initial_option }
          : { type: b.element.type, value: b.element.initial_value ?? null },
    };
  }
  const mails = smtp.received.length;
  await d.requester.interaction({
    type: "view_submission",
    user: { id: user },
    view: { ...view, id: "VDEMO", hash: "h1", state: { values } },
  });
  const { reminderId } = JSON.parse(view.private_metadata) as { reminderId: number };
  for (let i = 0; i < 200; i++) {
    const r = await db.reminder.findUnique({ where: { id: reminderId } });
    if (r?.status === "sent" || r?.status === "failed") break;
    await new Promise((res) => setTimeout(res, 50));
  }
  await d.settle();
  const mail = smtp.received[mails];
  if (!mail) return `${m.notSent}\n`;
  const parsed = await simpleParser(mail.raw);
  const pdf = parsed.attachments[0];
  const pages = pdf ? (pdf.content.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length : 0;
  const body = (parsed.text ?? "").split("\n").slice(0, 14).join("\n");
  return [
    m.header,
    `   ${m.fromTo(mail.from, mail.to.join(", "))}`,
    `   ${m.subject(parsed.subject ?? "")}`,
    ...body.split("\n").map((l) => `   │ ${l}`),
    "   │ …",
    pdf ? `   ${m.attachment(pdf.filename ?? "", pages, Math.round(pdf.size / 1024))}` : "",
    "",
  ].join("\n");
}
