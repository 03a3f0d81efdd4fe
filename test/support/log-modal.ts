import type { RecordedCall } from "../../src/standin/fake-slack";
import type { Harness } from "./harness";

// Driving the /credito log modal as Slack would: the view Slack shows, the state it sends back.

export type ModalBlock = {
  type: string;
  block_id?: string;
  element?: { type: string; action_id: string; initial_option?: { value: string } };
};
export type ModalView = { callback_id: string; private_metadata: string; blocks: ModalBlock[] };

export const viewOf = (call: RecordedCall | undefined) => call?.args.view as ModalView;

/** The state Slack would send for these values, shaped by the element type of each input block. */
export function stateFor(
  view: ModalView,
  values: Record<string, string>,
): Record<string, Record<string, unknown>> {
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

/** `/credito <text>` by `user`, then the outcome chosen in the modal: the redrawn view with its fields. */
export async function logModalFor(
  h: Harness,
  user: string,
  text: string,
  outcome: string,
): Promise<ModalView> {
  const updates = () => h.slack.callsOf("views.update").length;
  const opened = updates();
  await h.requester.command(user, "/credito", text);
  await h.slack.waitFor(() => updates() > opened);
  const view = viewOf(h.slack.callsOf("views.update").at(-1));
  const before = updates();
  await h.requester.interaction({
    type: "block_actions",
    user: { id: user, name: user.toLowerCase() },
    trigger_id: h.requester.newTriggerId(),
    view: { ...view, id: "V1", hash: "hx", state: { values: stateFor(view, { outcome }) } },
    actions: [
      {
        type: "static_select",
        action_id: "lm_outcome",
        block_id: "outcome",
        selected_option: { value: outcome },
      },
    ],
  });
  await h.slack.waitFor(() => updates() > before);
  return viewOf(h.slack.callsOf("views.update").at(-1));
}

/** Submits the modal with these values. */
export function submitLogModal(h: Harness, user: string, view: ModalView, values: Record<string, string>) {
  return h.requester.interaction({
    type: "view_submission",
    user: { id: user, name: user.toLowerCase() },
    view: { ...view, id: "V1", hash: "h9", state: { values: stateFor(view, values) } },
  });
}
