import type { App, BlockButtonAction } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { formatDateCompact } from "../../../domain/calendar";
import { formatEuro } from "../../../domain/money";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { BANK_ACTIONS, bankChooseModal } from "../../../messages/bank";
import { customerOption } from "../../../messages/log-modal";
import { decideMovement, refreshProposals } from "../../../services/bank/bank-decisions";
import { findCustomers } from "../../../services/customers/customer-search";
import { hasRole, resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";

/**
 * The buttons of the bank proposals message: confirm the proposal, choose another customer or invoice (a
 * modal), "not a customer payment". Admins only, checked here on the server whatever the message shows.
 */
export function registerBankActions(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);
  const allowed = async (userId: string, client: Parameters<typeof displayNames>[0]) => {
    const member = await resolveMember(ctx.db, userId, displayNames(client));
    return hasRole(member, "admin");
  };

  const decided = async (
    respond: (m: Record<string, unknown>) => Promise<unknown>,
    result: Awaited<ReturnType<typeof decideMovement>>,
  ) => {
    if (result.ok) await refreshProposals(ctx, result.importId);
    else
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: t.bank.slack.alreadyDecided,
      });
  };

  app.action<BlockButtonAction>(BANK_ACTIONS.confirm, async ({ ack, action, body, client, respond }) => {
    await ack();
    if (!(await allowed(body.user.id, client)))
      return void (await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: t.bank.slack.adminOnly,
      }));
    const [id, candidate] = action.value!.split(":").map(Number);
    await decided(
      respond,
      await decideMovement(ctx, id!, { type: "confirm", candidate: candidate ?? 0 }, body.user.id),
    );
  });

  app.action<BlockButtonAction>(BANK_ACTIONS.dismiss, async ({ ack, action, body, client, respond }) => {
    await ack();
    if (!(await allowed(body.user.id, client)))
      return void (await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: t.bank.slack.adminOnly,
      }));
    await decided(
      respond,
      await decideMovement(ctx, Number(action.value), { type: "dismiss" }, body.user.id),
    );
  });

  app.action<BlockButtonAction>(BANK_ACTIONS.choose, async ({ ack, action, body, client, respond }) => {
    await ack();
    // the trigger id lasts 3 s: the modal opens first, the role is checked again when it is submitted
    const mv = await ctx.db.bankMovement.findUnique({ where: { id: Number(action.value) } });
    if (!mv) return;
    if (mv.outcome !== "proposed")
      return void (await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: t.bank.slack.alreadyDecided,
      }));
    if (!(await allowed(body.user.id, client)))
      return void (await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: t.bank.slack.adminOnly,
      }));
    const who = mv.counterpartyName ? escapeMrkdwn(mv.counterpartyName) : "";
    const summary = t.bank.slack.movement(
      formatEuro(mv.amountCents, ctx.config.locale),
      formatDateCompact(mv.bookingDate, ctx.config.locale),
      who,
      escapeMrkdwn(mv.description.slice(0, 300)),
    );
    await client.views.open({ trigger_id: body.trigger_id, view: bankChooseModal(mv.id, summary, t) });
  });

  app.options<"block_suggestion">({ action_id: BANK_ACTIONS.customer }, async ({ ack, payload }) => {
    try {
      const hits = await findCustomers(ctx.db, String(payload.value ?? ""), 100);
      await ack({ options: hits.map((h) => customerOption(h.customer)) });
    } catch (err) {
      ctx.log.error("bank customer options failed", err);
      await ack({ options: [] });
    }
  });
}
