import type { Tx } from "../db/client";

/** Every change to a case or customer is written here: who, when, what. */
export async function audit(
  tx: Tx,
  entry: {
    actor: string;
    action: string;
    caseId?: number | null;
    customerId?: number | null;
    detail?: unknown;
  },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actor: entry.actor,
      action: entry.action,
      caseId: entry.caseId ?? null,
      customerId: entry.customerId ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    },
  });
}
