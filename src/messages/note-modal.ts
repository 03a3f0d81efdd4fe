import type { View } from "@slack/types";
import { truncate } from "../domain/text";
import type { Messages } from "../i18n";

export const NOTE_VIEW = "case_note";
export const NOTE_BLOCKS = {
  approach: "note_approach",
  attention: "note_attention",
  reference: "note_reference",
} as const;
const INPUT = "value";

/** The salesperson's note on a customer (opened from the case thread's `case_edit_note` button). */
export function noteModal(
  customer: {
    id: number;
    name: string;
    noteApproach: string | null;
    noteAttention: string | null;
    noteReferencePerson: string | null;
  },
  t: Messages,
): View {
  const s = t.caseThread;
  const input = (blockId: string, label: string, value: string | null, multiline: boolean) => ({
    type: "input" as const,
    block_id: blockId,
    optional: true,
    label: { type: "plain_text" as const, text: label },
    element: {
      type: "plain_text_input" as const,
      action_id: INPUT,
      multiline,
      max_length: 1500,
      ...(value ? { initial_value: value } : {}),
    },
  });
  return {
    type: "modal",
    callback_id: NOTE_VIEW,
    private_metadata: JSON.stringify({ customerId: customer.id }),
    title: { type: "plain_text", text: truncate(s.noteTitle, 24) },
    submit: { type: "plain_text", text: s.noteSave },
    close: { type: "plain_text", text: s.noteCancel },
    blocks: [
      { type: "section", text: { type: "plain_text", text: truncate(customer.name, 2900) } },
      input(NOTE_BLOCKS.approach, s.noteApproach, customer.noteApproach, true),
      input(NOTE_BLOCKS.attention, s.noteAttention, customer.noteAttention, true),
      input(NOTE_BLOCKS.reference, s.noteReference, customer.noteReferencePerson, false),
    ],
  };
}

/** The three fields of a submitted note modal. */
export function readNoteModal(values: Record<string, Record<string, { value?: string | null }>>): {
  approach: string | null;
  attention: string | null;
  referencePerson: string | null;
} {
  const v = (block: string) => values[block]?.[INPUT]?.value ?? null;
  return {
    approach: v(NOTE_BLOCKS.approach),
    attention: v(NOTE_BLOCKS.attention),
    referencePerson: v(NOTE_BLOCKS.reference),
  };
}
