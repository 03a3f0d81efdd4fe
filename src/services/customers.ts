import type { Db, Tx } from "../db/client";
import { daysBetween, type IsoDate } from "../domain/calendar";
import { type CustomerNote, customerNote } from "../domain/customer-note";
import { exposure } from "../domain/exposure";
import type { Customer } from "../generated/prisma/client";

export interface CustomerPosition
  extends Pick<
    Customer,
    | "id"
    | "code"
    | "name"
    | "vatNumber"
    | "city"
    | "province"
    | "phone"
    | "mobile"
    | "email"
    | "pec"
    | "creditHold"
    | "preserveRelationship"
  > {
  salesperson: { name: string; slackUserId: string } | null;
  note: CustomerNote;
  openCents: number;
  overdueCents: number;
  /** the disputed part of overdueCents */
  disputedCents: number;
  oldestDueDate: IsoDate | null;
  daysOverdue: number;
  openInvoices: {
    number: string;
    installment: number;
    dueDate: IsoDate;
    openCents: number;
    status: string;
  }[];
  lastContact: { date: IsoDate; channel: string; outcome: string; by: string | null } | null;
  openPromises: { id: number; amountCents: number; dueDate: IsoDate; status: string }[];
}

/** What a collector needs before a call: exposure, oldest due date, last contact, promises, the note. */
export async function customerPosition(
  db: Db | Tx,
  customerId: number,
  today: IsoDate,
): Promise<CustomerPosition | null> {
  const c = await db.customer.findUnique({
    where: { id: customerId },
    include: {
      salesperson: true,
      invoices: {
        where: { status: { in: ["open", "disputed"] }, openCents: { gt: 0 } },
        orderBy: { dueDate: "asc" },
      },
      interactions: { orderBy: [{ occurredAt: "desc" }, { id: "desc" }], take: 1, include: { member: true } },
      promises: { where: { status: { in: ["open", "partial", "broken"] } }, orderBy: { dueDate: "asc" } },
    },
  });
  if (!c) return null;
  const overdue = c.invoices.filter((i) => i.dueDate < today);
  const oldest = overdue[0]?.dueDate ?? null;
  const last = c.interactions[0];
  const e = exposure(
    c.invoices.map((i) => ({ ...i, disputed: i.status === "disputed" })),
    today,
  );
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    vatNumber: c.vatNumber,
    city: c.city,
    province: c.province,
    phone: c.phone,
    mobile: c.mobile,
    email: c.email,
    pec: c.pec,
    creditHold: c.creditHold,
    preserveRelationship: c.preserveRelationship,
    salesperson: c.salesperson && { name: c.salesperson.name, slackUserId: c.salesperson.slackUserId },
    note: customerNote(c),
    openCents: e.openCents,
    overdueCents: e.overdueCents,
    disputedCents: e.disputedCents,
    oldestDueDate: oldest,
    daysOverdue: oldest ? daysBetween(oldest, today) : 0,
    openInvoices: c.invoices.map((i) => ({
      number: i.number,
      installment: i.installment,
      dueDate: i.dueDate,
      openCents: i.openCents,
      status: i.status,
    })),
    lastContact: last
      ? { date: last.date, channel: last.channel, outcome: last.outcome, by: last.member?.name ?? null }
      : null,
    openPromises: c.promises.map((p) => ({
      id: p.id,
      amountCents: p.amountCents,
      dueDate: p.dueDate,
      status: p.status,
    })),
  };
}
