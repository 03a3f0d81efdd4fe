import type { AppContext } from "../../context";
import { unitOfWork } from "../../db/unit-of-work";
import type { IsoDate } from "../../domain/calendar";
import type { ApprovalKind } from "../../domain/cases";
import { parseEuroAmount } from "../../domain/money";
import { customerExposure } from "../customers/exposure";
import { requestApproval } from "./approvals";

export type AskApprovalResult =
  | { ok: true; created: boolean }
  | { ok: false; error: "no_open_case" | "bad_amount" }
  | { ok: false; error: "amount_too_high"; exposureCents: number };

/**
 * `/credito pratica`: asks the owner's approval for the customer's open case. For a settlement `amountText` is
 * what is collected now and the rest of the exposure (open and disputed invoices) is written off; a write-off
 * covers the whole exposure. One unit of work, then the outbox is kicked.
 */
export async function askApproval(
  ctx: AppContext,
  input: {
    customerId: number;
    kind: ApprovalKind;
    /** the settlement amount as typed (`1.500`, `1500,50`) */
    amountText?: string;
    terms?: string;
    requestedBySlackId: string;
  },
  day: IsoDate,
): Promise<AskApprovalResult> {
  const kase = await ctx.db.case.findFirst({ where: { customerId: input.customerId, closedOn: null } });
  if (!kase) return { ok: false, error: "no_open_case" };
  const exposure = (await customerExposure(ctx.db, input.customerId, day)).openCents;
  let amountCents: number | undefined;
  let writeOffCents: number | undefined;
  if (input.kind === "settlement") {
    const amount = parseEuroAmount(input.amountText ?? "");
    if (amount === null || amount <= 0) return { ok: false, error: "bad_amount" };
    if (amount >= exposure) return { ok: false, error: "amount_too_high", exposureCents: exposure };
    amountCents = amount;
    writeOffCents = exposure - amount;
  } else if (input.kind === "write_off") {
    writeOffCents = exposure;
  }
  const r = await unitOfWork(
    ctx,
    (tx) =>
      requestApproval(
        ctx,
        tx,
        {
          caseId: kase.id,
          kind: input.kind,
          amountCents,
          writeOffCents,
          terms: input.terms || undefined,
          requestedBySlackId: input.requestedBySlackId,
        },
        day,
      ),
    { label: "approval request" },
  );
  return { ok: true, created: r.created };
}
