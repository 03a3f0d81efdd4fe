// Block Kit for the bank import: the one message per import that proposes the uncertain movements (with
// buttons), and the modal to choose another customer or invoice. Pure builders.

import type { ActionsBlockElement, ExternalSelect, KnownBlock, ModalView } from "@slack/types";
import { formatDateCompact } from "../domain/calendar";
import type { BankProposals } from "../domain/cards";
import { formatEuro } from "../domain/money";
import { escapeMrkdwn, truncate } from "../domain/text";
import type { Locale, Messages } from "../i18n";

export const BANK_ACTIONS = {
  confirm: "bank_confirm",
  choose: "bank_choose",
  dismiss: "bank_dismiss",
  customer: "bank_customer",
  invoices: "bank_invoices",
} as const;
export const BANK_CHOOSE_CALLBACK = "bank_choose_modal";

/** Slack allows 50 blocks a message: a header, then at most 3 blocks per movement. */
const MAX_MOVEMENTS = 15;

export function bankProposalMessage(
  p: BankProposals,
  t: Messages,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const s = t.bank.slack;
  const open = p.movements.filter((m) => m.outcome === "proposed");
  const title = s.proposalsTitle(p.fileName, open.length);
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${escapeMrkdwn(title)}*` } },
  ];
  // the undecided first: when there are more than fit, deciding some brings the next ones into the message
  const ordered = [...open, ...p.movements.filter((m) => m.outcome !== "proposed")];
  for (const m of ordered.slice(0, MAX_MOVEMENTS)) {
    const who = m.counterpartyName ? escapeMrkdwn(m.counterpartyName) : "";
    const text = escapeMrkdwn(truncate(m.description, 200));
    const head = s.movement(
      formatEuro(m.amountCents, locale),
      formatDateCompact(m.bookingDate, locale),
      who,
      text,
    );
    const first = m.candidates[0];
    let line: string;
    if (m.outcome !== "proposed") {
      const what =
        m.outcome === "confirmed"
          ? s.confirmedAs(escapeMrkdwn(p.customers.get(m.customerId ?? 0) ?? ""))
          : s.dismissed;
      line = s.decided(
        what,
        m.decidedBy && /^[UW][A-Z0-9]+$/.test(m.decidedBy)
          ? `<@${m.decidedBy}>`
          : escapeMrkdwn(m.decidedBy ?? ""),
      );
    } else if (first) {
      const invoices = first.allocation
        .map((a) => escapeMrkdwn(p.invoices.get(a.invoiceId) ?? ""))
        .join(" + ");
      const reason = t.bank.reason[m.reason] ?? m.reason;
      line = `${s.proposal(escapeMrkdwn(p.customers.get(first.customerId) ?? ""), invoices)} _(${reason})_${m.candidates.length > 1 ? ` ${s.alternatives(m.candidates.length - 1)}` : ""}`;
    } else {
      line = `${s.noProposal} _(${t.bank.reason[m.reason] ?? m.reason})_`;
    }
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(`${head}\n${line}`, 2900) } });
    if (m.outcome === "proposed") {
      const elements: ActionsBlockElement[] = [];
      if (first)
        elements.push({
          type: "button",
          style: "primary",
          action_id: BANK_ACTIONS.confirm,
          text: { type: "plain_text", text: s.confirm },
          value: `${m.id}:0`,
        });
      elements.push(
        {
          type: "button",
          action_id: BANK_ACTIONS.choose,
          text: { type: "plain_text", text: s.choose },
          value: String(m.id),
        },
        {
          type: "button",
          action_id: BANK_ACTIONS.dismiss,
          text: { type: "plain_text", text: s.notCustomer },
          value: String(m.id),
        },
      );
      blocks.push({ type: "actions", block_id: `bank_${m.id}`, elements });
    }
  }
  if (open.length > MAX_MOVEMENTS)
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: s.more(open.length - MAX_MOVEMENTS) }],
    });
  return { text: title, blocks };
}

export function bankChooseModal(
  movementId: number,
  summary: string,
  t: Messages,
  initial?: { customer?: { id: number; label: string }; invoices?: string },
): ModalView {
  const s = t.bank.slack;
  const select: ExternalSelect = {
    type: "external_select",
    action_id: BANK_ACTIONS.customer,
    min_query_length: 1,
    placeholder: { type: "plain_text", text: s.customerPlaceholder },
  };
  if (initial?.customer)
    select.initial_option = {
      text: { type: "plain_text", text: truncate(initial.customer.label, 75) },
      value: String(initial.customer.id),
    };
  return {
    type: "modal",
    callback_id: BANK_CHOOSE_CALLBACK,
    private_metadata: String(movementId),
    title: { type: "plain_text", text: s.modalTitle },
    submit: { type: "plain_text", text: s.modalSubmit },
    close: { type: "plain_text", text: s.modalClose },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: truncate(summary, 2900) } },
      {
        type: "input",
        block_id: "customer",
        label: { type: "plain_text", text: s.customer },
        element: select,
      },
      {
        type: "input",
        block_id: "invoices",
        optional: true,
        label: { type: "plain_text", text: s.invoices },
        hint: { type: "plain_text", text: s.invoicesHint },
        element: {
          type: "plain_text_input",
          action_id: BANK_ACTIONS.invoices,
          ...(initial?.invoices ? { initial_value: initial.invoices } : {}),
        },
      } as KnownBlock,
    ],
  };
}
