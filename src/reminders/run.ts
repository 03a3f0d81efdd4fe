import type { AppContext } from "../context";
import { pollPecReceipts } from "./pec-receipts";
import { startMailOutbox, stopMailOutbox } from "./service";

const stops = new WeakMap<AppContext, () => void>();

/** While the bot runs: the mail outbox sends, and with CREDITO_PEC_IMAP_URL the PEC receipts are read. */
export function startReminders(ctx: AppContext): void {
  startMailOutbox(ctx);
  if (ctx.config.pec.imapUrl) stops.set(ctx, pollPecReceipts(ctx));
}

export async function stopReminders(ctx: AppContext): Promise<void> {
  stops.get(ctx)?.();
  await stopMailOutbox(ctx);
}
