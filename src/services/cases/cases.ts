import type { AppContext } from "../../context";
import type { Tx } from "../../db/client";
import { withSavepoint } from "../../db/dialect";
import { isUniqueViolation } from "../../db/errors";
import { unitOfWork } from "../../db/unit-of-work";
import type { IsoDate } from "../../domain/calendar";
import type { Case } from "../../generated/prisma/client";
import { caseThread } from "./case-thread";

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
  await caseThread(ctx, tx).ensureParent(caseId, today);
}

/** Queues a line in the case's thread (creating the parent message first if needed). */
export async function postToCase(
  ctx: AppContext,
  caseId: number,
  message: { text: string; blocks?: unknown[] },
  today: IsoDate,
  tx: Tx = ctx.db,
): Promise<void> {
  await caseThread(ctx, tx).line(caseId, message, today);
}

/** A line in the case's thread as its own unit of work: committed, then the outbox kicked. */
export function postCaseLine(
  ctx: AppContext,
  caseId: number,
  message: { text: string; blocks?: unknown[] },
  today: IsoDate,
): Promise<void> {
  return unitOfWork(ctx, (tx) => postToCase(ctx, caseId, message, today, tx), { label: "case line" });
}

/**
 * The case's parent message shows the current position: a chat.update of the posted message (once per unit
 * of work, at its commit: see ./case-thread.ts), or the new content of the queued one.
 */
export async function refreshCaseParent(
  ctx: AppContext,
  caseId: number,
  today: IsoDate,
  tx: Tx = ctx.db,
): Promise<void> {
  await caseThread(ctx, tx).refreshParent(caseId, today);
}
