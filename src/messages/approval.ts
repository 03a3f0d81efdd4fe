import type { Button, KnownBlock } from "@slack/types";
import { formatDateShort } from "../domain/calendar";
import type { ApprovalCard } from "../domain/cards";
import { formatEuro } from "../domain/money";
import { escapeMrkdwn } from "../domain/text";
import type { Locale, Messages } from "../i18n";

export const APPROVAL_ACTIONS = {
  approve: "approval_approve",
  reject: "approval_reject",
  object: "approval_object",
} as const;

/** callback_id of the modal asking the reason of a rejection */
export const APPROVAL_REJECT_VIEW = "approval_reject";

const mention = (id: string) => `<@${id}>`;

/** The approval message in the case thread: request, who decides, then (once decided) who decided. */
export function approvalMessage(
  a: ApprovalCard,
  t: Messages,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const euro = (c: number) => formatEuro(c, locale);
  const kind = t.approval.kind[a.kind] ?? a.kind;
  const details: string[] = [];
  if (a.kind === "settlement" && a.amountCents !== null) {
    details.push(t.approval.settlementTerms(euro(a.amountCents), euro(a.writeOffCents ?? 0)));
  } else if (a.kind === "write_off" && a.writeOffCents !== null) {
    details.push(t.approval.writeOffAmount(euro(a.writeOffCents)));
  }
  details.push(t.approval.exposure(euro(a.exposureCents)));
  if (a.terms) details.push(`*${t.approval.terms}*: ${escapeMrkdwn(a.terms)}`);
  details.push(t.approval.requestedBy(mention(a.requestedBySlackId)));

  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: `${t.approval.title(kind)} · ${escapeMrkdwn(a.customerName)}` },
    },
    { type: "section", text: { type: "mrkdwn", text: details.join("\n") } },
  ];
  const decided = a.status !== "pending";
  if (!decided) {
    const owners = a.ownerSlackIds.map(mention).join(" ");
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: owners ? t.approval.askOwners(owners) : t.approval.noOwner }],
    });
    if (a.preserveRelationship && a.salespersonSlackId) {
      blocks.push({
        type: "context",
        elements: [{ type: "mrkdwn", text: t.approval.preserveNotice(mention(a.salespersonSlackId)) }],
      });
    }
  }
  for (const who of a.objectedBySlackIds) {
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: t.approval.objections(mention(who)) }],
    });
  }
  let status: string;
  if (decided) {
    const who = a.decidedBySlackId ? mention(a.decidedBySlackId) : "?";
    const date = a.decidedOn ? formatDateShort(a.decidedOn, locale) : "";
    status =
      a.status === "approved"
        ? t.approval.approvedBy(who, date)
        : t.approval.rejectedBy(who, date, escapeMrkdwn(a.reason ?? ""));
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${status}*` } });
  } else {
    status = t.approval.pending;
    const value = String(a.id);
    const elements: Button[] = [
      {
        type: "button",
        action_id: APPROVAL_ACTIONS.approve,
        text: { type: "plain_text", text: t.approval.approve },
        style: "primary",
        value,
      },
      {
        type: "button",
        action_id: APPROVAL_ACTIONS.reject,
        text: { type: "plain_text", text: t.approval.reject },
        style: "danger",
        value,
      },
    ];
    if (a.preserveRelationship && a.salespersonSlackId) {
      elements.push({
        type: "button",
        action_id: APPROVAL_ACTIONS.object,
        text: { type: "plain_text", text: t.approval.object },
        value,
      });
    }
    blocks.push({ type: "actions", block_id: `approval:${a.id}`, elements });
  }
  const plainDetails = details.map((d) => d.replace(/\*/g, "")).join(". ");
  const text = `${kind} · ${escapeMrkdwn(a.customerName)}: ${plainDetails}. ${status.replace(/\*/g, "")}`;
  return { text, blocks };
}

/** The modal asking the owner why a request is rejected. */
export function rejectModal(
  approvalId: number,
  kind: string,
  customerName: string,
  t: Messages,
): Record<string, unknown> {
  return {
    type: "modal",
    callback_id: APPROVAL_REJECT_VIEW,
    private_metadata: JSON.stringify({ approvalId }),
    title: { type: "plain_text", text: t.approval.rejectTitle.slice(0, 24) },
    submit: { type: "plain_text", text: t.approval.rejectSubmit },
    close: { type: "plain_text", text: t.approval.cancel },
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${t.approval.kind[kind] ?? kind}* · ${escapeMrkdwn(customerName)}` },
      },
      {
        type: "input",
        block_id: "reason",
        label: { type: "plain_text", text: t.approval.rejectReason },
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 1000 },
      },
    ],
  };
}
