import type { KnownBlock, ModalView } from "@slack/types";
import { formatEuro } from "../domain/money";
import { REMINDER_STEPS, type ReminderMedium, type ReminderStep } from "../domain/reminder";
import { escapeMrkdwn, truncate } from "../domain/text";
import { type Locale, messages } from "../i18n";
import { type ReminderMessages, reminderMessages } from "../i18n/reminders";

export const REMINDER_VIEW = "reminder_modal";
export const REMINDER_ACTIONS = {
  /** "reminder_prepare" buttons (customer card, case thread): value = customer id */
  prepare: "reminder_prepare",
  step: "reminder_step",
  saveDraft: "reminder_save_draft",
  approve: "reminder_approve",
  reject: "reminder_reject",
  ok: "reminder_ok",
  object: "reminder_object",
  posted: "reminder_posted",
  review: "reminder_review",
  sendAll: "reminder_send_all",
} as const;
/** "Prepara sollecito" on the customer card and the case thread: only while something is overdue. */
export function prepareReminderButton(customerId: number, overdueCents: number, locale: Locale) {
  if (overdueCents <= 0) return [];
  return [
    {
      type: "button" as const,
      action_id: REMINDER_ACTIONS.prepare,
      text: { type: "plain_text" as const, text: reminderMessages(locale).prepare },
      value: String(customerId),
    },
  ];
}

export const REMINDER_BLOCKS = {
  step: "reminder_step",
  recipient: "reminder_recipient",
  subject: "reminder_subject",
  body: "reminder_body",
  attachment: "reminder_attachment",
} as const;

export interface ReminderModalData {
  reminderId: number;
  customerName: string;
  step: ReminderStep;
  medium: ReminderMedium;
  recipient: string | null;
  postalAddress: string | null;
  subject: string;
  body: string;
  attachmentName: string;
  invoiceCount: number;
  totalCents: number;
  interestCents: number;
  recoveryCostCents: number;
  /** the case's bank fees the step claims (in totalCents) */
  bankCostsCents?: number;
  disputed: number;
  promised: number;
  /** what must happen before it leaves, already worded */
  notes: string[];
  needsApproval: boolean;
  noContact: boolean;
  savedAt?: string;
}

const plain = (text: string) => ({ type: "plain_text" as const, text: truncate(text, 150), emoji: true });

/** The draft to check and send: recipient, subject, editable text, attachment name; Send / Save draft. */
export function reminderModal(d: ReminderModalData, t: ReminderMessages, locale: Locale): ModalView {
  const m = t.modal;
  const blocks: KnownBlock[] = [
    ...stepBlocks(d, t, locale),
    ...recipientBlocks(d, t),
    ...textBlocks(d, t),
    ...draftBlocks(d, t),
  ];
  const submit = d.medium === "letter" ? m.prepareLetter : d.needsApproval ? m.sendForApproval : m.send;
  return {
    type: "modal",
    callback_id: REMINDER_VIEW,
    private_metadata: JSON.stringify({ reminderId: d.reminderId }),
    title: plain(m.title),
    submit: plain(submit),
    close: plain(m.close),
    blocks,
  };
}

/** What the reminder asks for and leaves out, and the step (changing it redraws the draft). */
function stepBlocks(d: ReminderModalData, t: ReminderMessages, locale: Locale): KnownBlock[] {
  const m = t.modal;
  const amount = formatEuro(d.totalCents, locale);
  const lines = [m.summary(escapeMrkdwn(d.customerName), d.invoiceCount, amount)];
  if (d.interestCents > 0 || d.recoveryCostCents > 0)
    lines.push(m.charges(formatEuro(d.interestCents, locale), formatEuro(d.recoveryCostCents, locale)));
  if (d.bankCostsCents) lines.push(messages(locale).costs.inReminder(formatEuro(d.bankCostsCents, locale)));
  const excluded = m.excluded(d.disputed, d.promised);
  if (excluded) lines.push(m.excludedNote(excluded));
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: lines.join("\n") } },
    {
      type: "input",
      block_id: REMINDER_BLOCKS.step,
      dispatch_action: true,
      label: plain(m.stepLabel),
      element: {
        type: "static_select",
        action_id: REMINDER_ACTIONS.step,
        initial_option: { text: plain(t.step[d.step] ?? d.step), value: d.step },
        options: REMINDER_STEPS.map((s) => ({ text: plain(t.step[s] ?? s), value: s })),
      },
    },
  ];
  if (d.step === "diffida")
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.diffidaWarning }] });
  return blocks;
}

/** Who receives it: the address of a letter, or the email / PEC recipient to check. */
function recipientBlocks(d: ReminderModalData, t: ReminderMessages): KnownBlock[] {
  const m = t.modal;
  const blocks: KnownBlock[] = [];
  if (d.medium === "letter") {
    const address = escapeMrkdwn(d.postalAddress ?? m.noAddress);
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: d.noContact ? m.letterNote(address) : m.letterStep(address) },
    });
  } else {
    blocks.push({
      type: "input",
      block_id: REMINDER_BLOCKS.recipient,
      label: plain(d.medium === "pec" ? m.recipientPec : m.recipientEmail),
      element: {
        type: "email_text_input",
        action_id: "value",
        ...(d.recipient ? { initial_value: d.recipient } : {}),
      },
    });
  }
  return blocks;
}

/** The subject, the editable text and the attachment's name. */
function textBlocks(d: ReminderModalData, t: ReminderMessages): KnownBlock[] {
  const m = t.modal;
  const blocks: KnownBlock[] = [];
  blocks.push(
    {
      type: "input",
      block_id: REMINDER_BLOCKS.subject,
      label: plain(m.subject),
      element: {
        type: "plain_text_input",
        action_id: "value",
        initial_value: truncate(d.subject, 250),
        max_length: 250,
      },
    },
    {
      type: "input",
      block_id: REMINDER_BLOCKS.body,
      label: plain(m.body),
      element: {
        type: "plain_text_input",
        action_id: "value",
        multiline: true,
        initial_value: truncate(d.body, 3000),
        max_length: 3000,
      },
    },
    {
      type: "input",
      block_id: REMINDER_BLOCKS.attachment,
      label: plain(m.attachment),
      element: {
        type: "plain_text_input",
        action_id: "value",
        initial_value: d.attachmentName,
        max_length: 120,
      },
    },
  );
  return blocks;
}

/** What must happen before it leaves, "Save draft", when it was saved. */
function draftBlocks(d: ReminderModalData, t: ReminderMessages): KnownBlock[] {
  const m = t.modal;
  const blocks: KnownBlock[] = [];
  if (d.notes.length > 0)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: d.notes.join("\n") }] });
  blocks.push({
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: REMINDER_ACTIONS.saveDraft,
        text: plain(m.saveDraft),
        value: String(d.reminderId),
      },
    ],
  });
  if (d.savedAt) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.saved(d.savedAt) }] });
  return blocks;
}

/** The request in the case thread: who must agree, with the buttons each role may press (checked on the server). */
export function reminderApprovalMessage(
  a: {
    reminderId: number;
    step: ReminderStep;
    customerName: string;
    preparedBy: string;
    subject: string;
    amount: string;
    asks: string[];
    withSales: boolean;
    withManager: boolean;
    done?: string;
  },
  t: ReminderMessages,
): { text: string; blocks: KnownBlock[] } {
  const text = t.approval.text(t.step[a.step] ?? a.step, escapeMrkdwn(a.customerName), a.preparedBy);
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `${text}\n*${escapeMrkdwn(a.subject)}* · ${a.amount}\n${t.approval.asks(a.asks.join(", "))}`,
          3000,
        ),
      },
    },
  ];
  if (a.done) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: a.done }] });
  else {
    const value = String(a.reminderId);
    const elements: KnownBlock[] = [];
    const buttons = [];
    if (a.withManager) {
      buttons.push(
        {
          type: "button" as const,
          action_id: REMINDER_ACTIONS.approve,
          style: "primary" as const,
          text: plain(t.approval.approve),
          value,
        },
        {
          type: "button" as const,
          action_id: REMINDER_ACTIONS.reject,
          style: "danger" as const,
          text: plain(t.approval.reject),
          value,
        },
      );
    }
    if (a.withSales) {
      buttons.push(
        { type: "button" as const, action_id: REMINDER_ACTIONS.ok, text: plain(t.approval.ok), value },
        {
          type: "button" as const,
          action_id: REMINDER_ACTIONS.object,
          text: plain(t.approval.object),
          value,
        },
      );
    }
    if (buttons.length > 0)
      elements.push({ type: "actions", block_id: `reminder_approval:${a.reminderId}`, elements: buttons });
    blocks.push(...elements);
  }
  return { text, blocks };
}

/** The letter ready to print, with "Spedita" once it has gone by raccomandata. */
export function letterReadyMessage(
  l: { reminderId: number; text: string; posted?: string },
  t: ReminderMessages,
): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: l.text } }];
  if (l.posted) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: l.posted }] });
  else
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: REMINDER_ACTIONS.posted,
          style: "primary",
          text: plain(`📮 ${t.thread.posted}`),
          value: String(l.reminderId),
        },
      ],
    });
  return { text: l.text, blocks };
}

/** The morning's review: one line per prepared reminder with "Rivedi", and "Invia tutti". */
export function batchReviewMessage(
  b: { day: string; entries: { reminderId: number; line: string }[]; note?: string },
  t: ReminderMessages,
): { text: string; blocks: KnownBlock[] } {
  const text = t.batch.header(b.entries.length);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `*${text}*` } }];
  for (const e of b.entries.slice(0, 45)) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: truncate(e.line, 3000) },
      accessory: {
        type: "button",
        action_id: `${REMINDER_ACTIONS.review}:${e.reminderId}`,
        text: plain(t.batch.review),
        value: String(e.reminderId),
      },
    });
  }
  if (b.note) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: b.note }] });
  if (b.entries.length > 0)
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: REMINDER_ACTIONS.sendAll,
          style: "primary",
          text: plain(t.batch.sendAll),
          value: b.day,
        },
      ],
    });
  return { text, blocks };
}
