import type { ListenerContext } from "./context";

/**
 * The "kept, now recorded" step after the ack: waits (briefly) for the drainer to record the kept submission;
 * when the busy database holds it back, `saving` tells the user it is saved and being recorded (the
 * confirmation follows from the submission's `applied` handler once it is).
 */
export async function confirmWhenRecorded(
  ctx: ListenerContext,
  kept: number,
  saving: () => Promise<unknown>,
): Promise<void> {
  if ((await ctx.services.submissions.settle(kept)) === "pending") await saving();
}
