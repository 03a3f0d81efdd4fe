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
  values: Record<string, string | string[]>,
): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of view.blocks) {
    if (b.type !== "input" || !b.block_id || !b.element) continue;
    const v = values[b.block_id] ?? b.element.initial_option?.value;
    const one = typeof v === "string" ? v : undefined;
    const { type, action_id } = b.element;
    let entry: Record<string, unknown> = { type };
    if (type === "plain_text_input") entry.value = one ?? null;
    else if (type === "datepicker") entry.selected_date = one ?? null;
    else if (type === "timepicker") entry.selected_time = one ?? null;
    else if (type === "static_select" || type === "external_select")
      entry.selected_option = one ? { value: one } : null;
    else entry = { type, selected_options: (Array.isArray(v) ? v : []).map((value) => ({ value })) };
    state[b.block_id] = { [action_id]: entry };
  }
  return state;
}

/** `user` picks `outcome` in the open log modal `view`: the view Credito redraws with that outcome's fields. */
export async function chooseOutcome<V extends ModalView>(
  h: Harness,
  user: string,
  view: V,
  outcome: string,
): Promise<V> {
  const before = h.slack.callsOf("views.update").length;
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
  await h.slack.waitFor(() => h.slack.callsOf("views.update").length > before);
  return h.slack.callsOf("views.update").at(-1)?.args.view as V;
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
  return chooseOutcome(h, user, viewOf(h.slack.callsOf("views.update").at(-1)), outcome);
}

/** Submits the modal with these values. */
export function submitLogModal(h: Harness, user: string, view: ModalView, values: Record<string, string>) {
  return h.requester.interaction({
    type: "view_submission",
    user: { id: user, name: user.toLowerCase() },
    view: { ...view, id: "V1", hash: "h9", state: { values: stateFor(view, values) } },
  });
}
