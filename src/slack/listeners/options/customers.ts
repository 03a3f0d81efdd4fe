import type { App } from "@slack/bolt";
import { customerOption, LOG_ACTIONS } from "../../../messages/log-modal";
import type { ListenerContext } from "../kit";

/** Slack allows at most 100 options in an external select's answer. */
export const MAX_CUSTOMER_OPTIONS = 100;

/**
 * Suggestions for the log modal's customer picker (block_suggestion): code, name or VAT number, accents
 * and typos tolerated, best first, at most 100.
 */
export function registerCustomerOptions(app: App, ctx: ListenerContext): void {
  app.options<"block_suggestion">({ action_id: LOG_ACTIONS.customer }, async ({ ack, payload }) => {
    const query = String(payload.value ?? "");
    try {
      const hits = await ctx.services.customers.findCustomers(query, MAX_CUSTOMER_OPTIONS);
      await ack({ options: hits.map((h) => customerOption(h.customer)) });
    } catch (err) {
      ctx.log.error("customer options failed", err);
      await ack({ options: [] });
    }
  });
}
