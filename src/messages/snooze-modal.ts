import type { ModalView } from "@slack/types";
import { addDays, type IsoDate, nextBusinessDay } from "../domain/calendar";
import { escapeMrkdwn } from "../domain/text";
import type { Messages } from "../i18n";

export const SNOOZE_CALLBACK = "digest_snooze";
export const SNOOZE_BLOCK = "snooze_until";
export const SNOOZE_ACTION = "until";

/** A date picker to take a customer out of the digest until a later business day. */
export function snoozeModal(customer: { id: number; name: string }, today: IsoDate, t: Messages): ModalView {
  return {
    type: "modal",
    callback_id: SNOOZE_CALLBACK,
    private_metadata: JSON.stringify({ customerId: customer.id }),
    title: { type: "plain_text", text: t.digest.snoozeTitle },
    submit: { type: "plain_text", text: t.digest.snoozeSubmit },
    close: { type: "plain_text", text: t.digest.cancel },
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${escapeMrkdwn(customer.name)}*` } },
      {
        type: "input",
        block_id: SNOOZE_BLOCK,
        label: { type: "plain_text", text: t.digest.snoozeLabel },
        element: {
          type: "datepicker",
          action_id: SNOOZE_ACTION,
          initial_date: nextBusinessDay(addDays(today, 6)),
        },
      },
    ],
  };
}
