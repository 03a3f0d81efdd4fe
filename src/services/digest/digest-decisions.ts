import type { AppContext } from "../../context";
import { today } from "../../context";
import { unitOfWork } from "../../db/unit-of-work";
import type { IsoDate } from "../../domain/calendar";
import { withDate, withDateEn } from "../../domain/italian";
import { escapeMrkdwn } from "../../domain/text";
import { messages } from "../../i18n";
import { taskCatalogue } from "../../i18n/tasks";
import { audit } from "../audit";
import { openCase, postToCase } from "../cases/cases";
import type { Member } from "../team/team";

/**
 * A proposal of the digest (agency, lawyer) looked at: put off until a date ("non ancora"), or refused for the
 * open case (no date). It stops coming back every morning; audited and told in the case thread.
 */
export async function deferProposal(
  ctx: AppContext,
  input: { customerId: number; kind: "agency" | "legal"; until: IsoDate | null; reason?: string },
  member: Member,
): Promise<void> {
  const day = today(ctx);
  const t = messages(ctx.config.locale);
  const what = t.digestEntry.proposal[input.kind] ?? input.kind;
  await unitOfWork(ctx, async (tx) => {
    const kase = await openCase(tx, input.customerId, day);
    const reason = input.reason?.trim() || null;
    await tx.proposalDeferral.create({
      data: {
        customerId: input.customerId,
        caseId: kase.id,
        kind: input.kind,
        until: input.until,
        slackUserId: member.slackUserId,
        reason,
        createdOn: day,
      },
    });
    await audit(tx, {
      actor: member.slackUserId,
      action: input.until ? "proposal.deferred" : "proposal.refused",
      caseId: kase.id,
      customerId: input.customerId,
      detail: { kind: input.kind, until: input.until ?? undefined, reason: reason ?? undefined },
    });
    const who = `<@${member.slackUserId}>`;
    const date = input.until ? dateWords(ctx, "di", input.until) : "";
    let text = input.until ? t.digestEntry.notYetLine(who, what, date) : t.digestEntry.refusedLine(who, what);
    if (reason) text += ` _${escapeMrkdwn(reason)}_`;
    await postToCase(ctx, kase.id, { text }, day, tx);
  });
}

export type ClearanceResult = { ok: true } | { ok: false; error: "not_salesperson" | "no_step" };

/**
 * The salesperson of a 🤝 customer (or an admin) gives the ok to a hard step, or objects: the digest then
 * proposes the step, or keeps to the soft contact. Audited, and said in the case thread.
 */
export async function clearHardStep(
  ctx: AppContext,
  input: { customerId: number; stepDay: number; decision: "ok" | "objection" },
  member: Member,
): Promise<ClearanceResult> {
  const day = today(ctx);
  const t = messages(ctx.config.locale);
  const customer = await ctx.db.customer.findUnique({
    where: { id: input.customerId },
    include: { salesperson: true },
  });
  if (!customer) return { ok: false, error: "no_step" };
  if (member.role !== "admin" && customer.salesperson?.slackUserId !== member.slackUserId)
    return { ok: false, error: "not_salesperson" };
  const step = ctx.config.rules.cadence.find((s) => s.day === input.stepDay);
  if (!step) return { ok: false, error: "no_step" };
  await unitOfWork(ctx, async (tx) => {
    const kase = await openCase(tx, input.customerId, day);
    await tx.stepClearance.create({
      data: {
        customerId: input.customerId,
        stepDay: input.stepDay,
        decision: input.decision,
        slackUserId: member.slackUserId,
        date: day,
      },
    });
    await audit(tx, {
      actor: member.slackUserId,
      action: input.decision === "ok" ? "step.cleared" : "step.objected",
      caseId: kase.id,
      customerId: input.customerId,
      detail: { stepDay: input.stepDay, step: step.label },
    });
    const who = `<@${member.slackUserId}>`;
    // the step named in the channel's locale (step.label is the table's Italian name)
    const label = taskCatalogue(ctx.config.locale).cadenceStep(step.channel, step.tone).toLowerCase();
    const text =
      input.decision === "ok"
        ? t.digestEntry.salesOkLine(who, label)
        : t.digestEntry.salesObjectLine(who, label);
    await postToCase(ctx, kase.id, { text }, day, tx);
  });
  return { ok: true };
}

function dateWords(ctx: AppContext, prep: "di", date: IsoDate): string {
  return ctx.config.locale === "en" ? withDateEn(prep, date, "long") : withDate(prep, date, "long");
}
