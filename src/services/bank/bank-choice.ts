import type { AppContext } from "../../context";
import { decideMovement, findInvoicesByNumbers, refreshProposals } from "./bank-decisions";

/** A choice of the "another customer or invoice" modal that can be recorded. */
export interface BankChoice {
  movementId: number;
  customerId: number;
  invoiceIds: number[];
}

export type BankChoiceCheck =
  | { ok: true; choice: BankChoice }
  | { ok: false; error: "pick_customer" | "already_decided" }
  | { ok: false; error: "unknown_invoices"; missing: string[] };

/**
 * Checks a choice before the modal closes: the customer exists, the movement is still proposed, every typed
 * invoice number is one of that customer's (paid ones too for an outgoing movement). Writes nothing.
 */
export async function checkBankChoice(
  ctx: AppContext,
  input: { movementId: number; customerId: number; typedInvoices: string },
): Promise<BankChoiceCheck> {
  const customer = Number.isInteger(input.customerId)
    ? await ctx.db.customer.findUnique({ where: { id: input.customerId }, select: { id: true } })
    : null;
  if (!customer) return { ok: false, error: "pick_customer" };
  const mv = await ctx.db.bankMovement.findUnique({ where: { id: input.movementId } });
  if (mv?.outcome !== "proposed") return { ok: false, error: "already_decided" };
  const found = await findInvoicesByNumbers(ctx, customer.id, input.typedInvoices, mv.amountCents < 0);
  if (found.missing.length > 0) return { ok: false, error: "unknown_invoices", missing: found.missing };
  return { ok: true, choice: { movementId: mv.id, customerId: customer.id, invoiceIds: found.ids } };
}

/** Records a checked choice and refreshes the proposals message; false when someone decided it meanwhile. */
export async function recordBankChoice(ctx: AppContext, choice: BankChoice, actor: string): Promise<boolean> {
  const result = await decideMovement(
    ctx,
    choice.movementId,
    { type: "choose", customerId: choice.customerId, invoiceIds: choice.invoiceIds },
    actor,
  );
  if (result.ok) await refreshProposals(ctx, result.importId);
  return result.ok;
}
