import type { App, BlockButtonAction, RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { formatDateCompact } from "../../../domain/calendar";
import { formatEuro } from "../../../domain/money";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { BANK_ACTIONS, bankChooseModal } from "../../../messages/bank";
import { customerOption } from "../../../messages/log-modal";
import type { decideMovement } from "../../../services/bank/bank-decisions";
import { type ListenerContext, openModal, requireMember, targetOf } from "../kit";

type Decision = Awaited<ReturnType<typeof decideMovement>>;

/**
 * The buttons of the bank proposals message: confirm the proposal, choose another customer or invoice (a
 * modal), "not a customer payment". Admins only, checked here on the server whatever the message shows.
 */
export function registerBankActions(app: App, ctx: ListenerContext): void {
  registerDecisionButtons(app, ctx);
  registerChooseButton(app, ctx);
  registerBankCustomerOptions(app, ctx);
}

const ephemeral = (respond: RespondFn, text: string) =>
  respond({ response_type: "ephemeral", replace_original: false, text });

/** Whether the clicker is an admin; anyone else is told so. */
async function adminOnly(ctx: ListenerContext, userId: string, client: WebClient, respond: RespondFn) {
  const refusal = messages(ctx.config.locale).bank.slack.adminOnly;
  const say = (text: string) => ephemeral(respond, text);
  return (
    (await requireMember(ctx, userId, client, say, { roles: ["admin"], refusal, outsiders: "refusal" })) !==
    null
  );
}

/** Confirm the proposal, or "not a customer payment": recorded, then the proposals message is refreshed. */
function registerDecisionButtons(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  const decided = async (respond: RespondFn, result: Decision) => {
    if (result.ok) await ctx.services.bank.refreshProposals(result.importId);
    else await ephemeral(respond, t.bank.slack.alreadyDecided);
  };

  app.action<BlockButtonAction>(BANK_ACTIONS.confirm, async ({ ack, action, body, client, respond }) => {
    await ack();
    if (!(await adminOnly(ctx, body.user.id, client, respond))) return;
    const [id, candidate] = action.value!.split(":").map(Number);
    const result = await ctx.services.bank.decideMovement(
      id!,
      { type: "confirm", candidate: candidate ?? 0 },
      body.user.id,
    );
    await decided(respond, result);
  });

  app.action<BlockButtonAction>(BANK_ACTIONS.dismiss, async ({ ack, action, body, client, respond }) => {
    await ack();
    if (!(await adminOnly(ctx, body.user.id, client, respond))) return;
    const result = await ctx.services.bank.decideMovement(
      Number(action.value),
      { type: "dismiss" },
      body.user.id,
    );
    await decided(respond, result);
  });
}

/** "Another customer or invoice": the choose modal for a movement still proposed. */
function registerChooseButton(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  app.action<BlockButtonAction>(BANK_ACTIONS.choose, async ({ ack, action, body, client, respond }) => {
    await ack();
    // the trigger id lasts 3 s: the modal opens first, the role is checked again when it is submitted
    const mv = await ctx.services.bank.movementById(Number(action.value));
    if (!mv) return;
    if (mv.outcome !== "proposed") return void (await ephemeral(respond, t.bank.slack.alreadyDecided));
    if (!(await adminOnly(ctx, body.user.id, client, respond))) return;
    const who = mv.counterpartyName ? escapeMrkdwn(mv.counterpartyName) : "";
    const summary = t.bank.slack.movement(
      formatEuro(mv.amountCents, ctx.config.locale),
      formatDateCompact(mv.bookingDate, ctx.config.locale),
      who,
      escapeMrkdwn(mv.description.slice(0, 300)),
    );
    await openModal(ctx, client, {
      triggerId: body.trigger_id,
      view: bankChooseModal(mv.id, summary, t),
      target: targetOf(body),
      label: "bank choose modal",
    });
  });
}

/** The customer picker of the choose modal. */
function registerBankCustomerOptions(app: App, ctx: ListenerContext): void {
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
