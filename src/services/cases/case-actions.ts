import type { AppContext } from "../../context";
import { today } from "../../context";
import { unitOfWork } from "../../db/unit-of-work";
import { formatDateShort, type IsoDate } from "../../domain/calendar";
import { messages } from "../../i18n";
import { audit } from "../audit";
import type { Member } from "../team/team";
import { openCase, postToCase, refreshCaseParent } from "./cases";

/** Small changes made from the digest's task menu, each audited and told in the case thread. */
export async function assignCase(ctx: AppContext, customerId: number, member: Member): Promise<void> {
  const day = today(ctx);
  await unitOfWork(ctx, async (tx) => {
    const kase = await openCase(tx, customerId, day);
    await tx.case.update({ where: { id: kase.id }, data: { assigneeId: member.id } });
    await audit(tx, {
      actor: member.slackUserId,
      action: "case_assigned",
      caseId: kase.id,
      customerId,
      detail: { to: member.name },
    });
    await postToCase(
      ctx,
      kase.id,
      { text: messages(ctx.config.locale).digest.lineAssigned(`<@${member.slackUserId}>`) },
      day,
      tx,
    );
    await refreshCaseParent(ctx, kase.id, day, tx);
  });
}

export async function snoozeCase(
  ctx: AppContext,
  customerId: number,
  until: IsoDate,
  member: Member,
): Promise<void> {
  const day = today(ctx);
  await unitOfWork(ctx, async (tx) => {
    const kase = await openCase(tx, customerId, day);
    await tx.case.update({ where: { id: kase.id }, data: { snoozedUntil: until } });
    await audit(tx, {
      actor: member.slackUserId,
      action: "case_snoozed",
      caseId: kase.id,
      customerId,
      detail: { until },
    });
    const text = messages(ctx.config.locale).digest.lineSnoozed(
      `<@${member.slackUserId}>`,
      formatDateShort(until),
    );
    await postToCase(ctx, kase.id, { text }, day, tx);
  });
}

/** Records that the credit line was suspended (or released) in the ERP; the case stage follows. */
export async function setCreditHold(
  ctx: AppContext,
  customerId: number,
  hold: boolean,
  member: Member,
): Promise<void> {
  const day = today(ctx);
  await unitOfWork(ctx, async (tx) => {
    await tx.customer.update({
      where: { id: customerId },
      data: { creditHold: hold, creditHoldSince: hold ? day : null },
    });
    const kase = await openCase(tx, customerId, day);
    if (hold && kase.stage === "internal")
      await tx.case.update({ where: { id: kase.id }, data: { stage: "credit_hold" } });
    if (!hold && kase.stage === "credit_hold")
      await tx.case.update({ where: { id: kase.id }, data: { stage: "internal" } });
    await audit(tx, {
      actor: member.slackUserId,
      action: hold ? "credit_hold" : "credit_release",
      caseId: kase.id,
      customerId,
    });
    const t = messages(ctx.config.locale).digest;
    const text = hold ? t.lineHold(`<@${member.slackUserId}>`) : t.lineRelease(`<@${member.slackUserId}>`);
    await postToCase(ctx, kase.id, { text }, day, tx);
    await refreshCaseParent(ctx, kase.id, day, tx);
  });
}

export async function completeFollowup(ctx: AppContext, taskId: number, member: Member): Promise<void> {
  await unitOfWork(ctx, async (tx) => {
    const task = await tx.dailyTask.update({ where: { id: taskId }, data: { status: "done" } });
    await audit(tx, {
      actor: member.slackUserId,
      action: "followup_done",
      customerId: task.customerId,
      detail: { taskId },
    });
  });
}
