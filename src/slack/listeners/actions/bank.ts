import type { App, BlockButtonAction } from "@slack/bolt";
import { formatDateCompact } from "../../../domain/calendar";
import { formatEuro } from "../../../domain/money";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { BANK_ACTIONS, bankChooseModal } from "../../../messages/bank";
import { customerOption } from "../../../messages/log-modal";
import type { decideMovement } from "../../../services/bank/bank-decisions";
import { hasRole, type resolveMember } from "../../../services/team/team";
import type { ListenerContext } from "../kit";

/**
 * The buttons of the bank proposals message: confirm the proposal, choose another customer or invoice (a
 * modal), "not a customer payment". Admins only, checked here on the server whatever the message shows.
 */
export function registerBankActions(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  const allowed = async (userId: string, client: Parameters<typeof resolveMember>[2]) => {
    const member = await ctx.services.team.resolveMember(userId, client);
    return hasRole(member, "admin");
  };

  const decided = async (
    respond: (m: Record<string, unknown>) => Promise<unknown>,
    result: Awaited<ReturnType<typeof decideMovement>>,
  ) => {
    if (result.ok) await ctx.services.bank.refreshProposals(result.importId);
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
      await ctx.services.bank.decideMovement(
        id!,
        { type: "confirm", candidate: candidate ?? 0 },
        body.user.id,
      ),
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
      await ctx.services.bank.decideMovement(Number(action.value), { type: "dismiss" }, body.user.id),
    );
  });

  app.action<BlockButtonAction>(BANK_ACTIONS.choose, async ({ ack, action, body, client, respond }) => {
    await ack();
    // the trigger id lasts 3 s: the modal opens first, the role is checked again when it is submitted
    const mv = await ctx.services.bank.movementById(Number(action.value));
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
      const hits = await ctx.services.customers.findCustomers(String(payload.value ?? ""), 100);
      await ack({ options: hits.map((h) => customerOption(h.customer)) });
    } catch (err) {
      ctx.log.error("bank customer options failed", err);
      await ack({ options: [] });
    }
  });
}
