import type { AppContext } from "../../context";
import type { Db, Tx } from "../../db/client";
import { withSavepoint } from "../../db/dialect";
import { isUniqueViolation } from "../../db/errors";
import type { IsoDate } from "../../domain/calendar";
import type { CaseCard } from "../../domain/cards";
import type { Case } from "../../generated/prisma/client";
import { messages } from "../../i18n";
import { caseParentMessage } from "../../messages/case";
import { customerPosition } from "../customers/customers";

/** The customer's open case, opened now if there is none (one open case per customer). */
export async function openCase(tx: Tx, customerId: number, today: IsoDate): Promise<Case> {
  const existing = await tx.case.findFirst({ where: { customerId, closedOn: null } });
  if (existing) return existing;
  try {
    // in a savepoint: on PostgreSQL the unique violation would otherwise abort the caller's transaction
    return await withSavepoint(tx, () => tx.case.create({ data: { customerId, openedOn: today } }));
  } catch (err) {
    // another request opened it meanwhile (partial unique index)
    if (!isUniqueViolation(err)) throw err;
    return tx.case.findFirstOrThrow({ where: { customerId, closedOn: null } });
  }
}

export async function caseCard(db: Db | Tx, caseId: number, today: IsoDate): Promise<CaseCard> {
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, include: { assignee: true } });
  const position = await customerPosition(db, c.customerId, today);
  if (!position) throw new Error(`case ${caseId}: customer ${c.customerId} not found`);
  return {
    caseId: c.id,
    stage: c.stage,
    closedOn: c.closedOn,
    closeReason: c.closeReason,
    assignee: c.assignee && { name: c.assignee.name, slackUserId: c.assignee.slackUserId },
    position,
  };
}

/**
 * Queues the case's parent message in the team channel unless it exists or is already queued
 * (the dedupe key makes this idempotent); its ts is recorded when Slack answers.
 */
export async function ensureCaseThread(
  ctx: AppContext,
  caseId: number,
  today: IsoDate,
  tx: Tx = ctx.db,
): Promise<void> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId } });
  if (c.threadTs) return;
  const card = await caseCard(tx, caseId, today);
  await ctx.outbox.upsert(
    {
      method: "chat.postMessage",
      channel: ctx.config.slack.channel,
      payload: caseParentMessage(card, messages(ctx.config.locale), ctx.config.locale),
      onSent: { kind: "case_parent", caseId },
      dedupeKey: `case-parent:${caseId}`,
    },
    tx,
  );
}

/** Queues a line in the case's thread (creating the parent message first if needed). */
export async function postToCase(
  ctx: AppContext,
  caseId: number,
  message: { text: string; blocks?: unknown[] },
  today: IsoDate,
  tx: Tx = ctx.db,
): Promise<void> {
  await ensureCaseThread(ctx, caseId, today, tx);
  await ctx.outbox.enqueue(
    {
      method: "chat.postMessage",
      channel: ctx.config.slack.channel,
      payload: { ...message },
      anchor: { caseId },
    },
    tx,
  );
}

/** Queues a chat.update of the case's parent message with the current position. */
export async function refreshCaseParent(
  ctx: AppContext,
  caseId: number,
  today: IsoDate,
  tx: Tx = ctx.db,
): Promise<void> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId } });
  // not posted yet: the queued parent message gets the current content instead
  if (!c.threadTs) return ensureCaseThread(ctx, caseId, today, tx);
  const card = await caseCard(tx, caseId, today);
  await ctx.outbox.enqueue(
    {
      method: "chat.update",
      channel: ctx.config.slack.channel,
      payload: caseParentMessage(card, messages(ctx.config.locale), ctx.config.locale),
      anchor: { caseId },
    },
    tx,
  );
}
