// The costs of a case, loaded once: the dossier, the case parent, the customer card and the reminders read
// them here, so they agree to the cent. A bank fee's label comes from the movement it was charged with.

import type { Db, Tx } from "../../db/client";
import { type CaseCosts, caseCosts, costLine, NO_COSTS } from "../../domain/case-costs";

const BANK_SOURCE = "bank:";

/**
 * The costs charged to one case (`caseId`), or to the customer's open case (`customerId`; none when the
 * customer has no open case: what a closed case cost stays with it and is not claimed again).
 */
export async function loadCaseCosts(
  db: Db | Tx,
  of: { caseId: number } | { customerId: number },
): Promise<CaseCosts> {
  let caseId: number;
  if ("caseId" in of) caseId = of.caseId;
  else {
    const open = await db.case.findFirst({
      where: { customerId: of.customerId, closedOn: null },
      select: { id: true },
    });
    if (!open) return NO_COSTS;
    caseId = open.id;
  }
  const rows = await db.caseCost.findMany({
    where: { caseId },
    orderBy: [{ date: "asc" }, { id: "asc" }],
  });
  if (rows.length === 0) return NO_COSTS;
  const keyOf = (source: string | null) =>
    source?.startsWith(BANK_SOURCE) ? source.slice(BANK_SOURCE.length) : null;
  const keys = rows.flatMap((r) => keyOf(r.source) ?? []);
  const movements = keys.length
    ? await db.bankMovement.findMany({ where: { key: { in: keys } }, select: { key: true, kind: true } })
    : [];
  const kindOf = new Map(movements.map((m) => [m.key, m.kind]));
  return caseCosts(rows.map((r) => costLine(r, kindOf.get(keyOf(r.source) ?? "") ?? null)));
}
