import type { AppContext } from "../../context";
import { today } from "../../context";
import { unitOfWork } from "../../db/unit-of-work";
import { messages } from "../../i18n";
import { audit } from "../audit";
import type { Member } from "../team/team";
import { openCase, postToCase, refreshCaseParent } from "./cases";

/**
 * Ends a dispute (goods, invoice error…): the customer's disputed invoices are open again, so the digest
 * chases them from the next morning. Audited and told in the case thread. Returns how many reopened.
 */
export async function resolveDispute(ctx: AppContext, customerId: number, member: Member): Promise<number> {
  const day = today(ctx);
  const t = messages(ctx.config.locale);
  const reopened = await unitOfWork(ctx, async (tx) => {
    const disputed = await tx.invoice.findMany({
      where: { customerId, status: "disputed" },
      select: { id: true, number: true },
    });
    if (disputed.length === 0) return 0;
    await tx.invoice.updateMany({
      where: { id: { in: disputed.map((i) => i.id) } },
      data: { status: "open" },
    });
    const kase = await openCase(tx, customerId, day);
    await audit(tx, {
      actor: member.slackUserId,
      action: "dispute_resolved",
      caseId: kase.id,
      customerId,
      detail: { invoices: disputed.map((i) => i.number) },
    });
    await postToCase(
      ctx,
      kase.id,
      { text: t.case.disputeResolvedLine(`<@${member.slackUserId}>`, disputed.length) },
      day,
      tx,
    );
    await refreshCaseParent(ctx, kase.id, day, tx);
    return disputed.length;
  });
  return reopened;
}
