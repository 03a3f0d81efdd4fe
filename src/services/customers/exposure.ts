// "What the customer owes", loaded once and counted once: every service that needs a customer's open,
// overdue or disputed amount reads the owed invoices here and counts them with `exposure`
// (src/domain/exposure.ts), so a case parent, an approval card, a trip debrief and a dossier agree to the cent.

import type { Db, Tx } from "../../db/client";
import type { IsoDate } from "../../domain/calendar";
import { type Exposure, exposure } from "../../domain/exposure";

/** The invoices a customer still owes: open or disputed, something unpaid. */
export const OWED_INVOICES = { status: { in: ["open", "disputed"] }, openCents: { gt: 0 } };

/** One customer's invoices, as loaded, through `exposure` (a disputed one is flagged by its status). */
export function exposureOfInvoices(
  customerId: number,
  invoices: readonly { dueDate: IsoDate; openCents: number; status?: string }[],
  day: IsoDate,
): Exposure {
  return exposure(
    invoices.map((i) => ({
      customerId,
      dueDate: i.dueDate,
      openCents: i.openCents,
      disputed: i.status === "disputed",
    })),
    day,
  );
}

/** What the customer owes on `day` (inside the caller's transaction when given one). */
export async function customerExposure(db: Db | Tx, customerId: number, day: IsoDate): Promise<Exposure> {
  const invoices = await db.invoice.findMany({
    where: { customerId, ...OWED_INVOICES },
    select: { dueDate: true, openCents: true, status: true },
  });
  return exposureOfInvoices(customerId, invoices, day);
}

/** The overdue amount that is chased: overdue and not disputed. */
export function chasedCents(e: Exposure): number {
  return e.overdueCents - e.disputedCents;
}
