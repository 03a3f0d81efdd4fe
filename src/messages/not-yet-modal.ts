import type { ModalView } from "@slack/types";
import { addDays, type IsoDate, nextBusinessDay } from "../domain/calendar";
import { escapeMrkdwn } from "../domain/text";
import type { Messages } from "../i18n";

export const NOT_YET_CALLBACK = "digest_not_yet";
export const NOT_YET_DATE_BLOCK = "not_yet_until";
export const NOT_YET_DATE_ACTION = "until";
export const NOT_YET_REASON_BLOCK = "not_yet_reason";
export const NOT_YET_REASON_ACTION = "reason";

/**
 * "Non ancora" on an agency or lawyer proposal: a date to propose it again, or no date to stop proposing it
 * for the open case; an optional reason for the thread.
 */
export function notYetModal(
  customer: { id: number; name: string },
  kind: "agency" | "legal",
  today: IsoDate,
  t: Messages,
): ModalView {
  const what = t.digestEntry.proposal[kind] ?? kind;
  return {
    type: "modal",
    callback_id: NOT_YET_CALLBACK,
    private_metadata: JSON.stringify({ customerId: customer.id, kind }),
    title: { type: "plain_text", text: t.digestEntry.notYetTitle },
    submit: { type: "plain_text", text: t.digestEntry.notYetSubmit },
    close: { type: "plain_text", text: t.digest.cancel },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${escapeMrkdwn(customer.name)}* · ${what}` } },
      {
        type: "input",
        block_id: NOT_YET_DATE_BLOCK,
        optional: true,
        label: { type: "plain_text", text: t.digestEntry.notYetLabel },
        element: {
          type: "datepicker",
          action_id: NOT_YET_DATE_ACTION,
          initial_date: nextBusinessDay(addDays(today, 14)),
        },
      },
      {
        type: "input",
        block_id: NOT_YET_REASON_BLOCK,
        optional: true,
        label: { type: "plain_text", text: t.digestEntry.notYetReason },
        element: { type: "plain_text_input", action_id: NOT_YET_REASON_ACTION, max_length: 500 },
      },
    ],
  };
}
