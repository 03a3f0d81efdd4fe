import type { Db, Tx } from "../../db/client";
import { type Reader, readerOf } from "../../db/reads";
import { daysBetween, type IsoDate } from "../../domain/calendar";
import { customerNote } from "../../domain/customer-note";
import { exposure } from "../../domain/exposure";
import type { CustomerPosition } from "../../domain/positions";
import type { Customer } from "../../generated/prisma/client";

/** The customer's own columns a position carries (and reads, with the note's three). */
type PositionColumn =
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
  | "preserveRelationship";

/** What a collector needs before a call: exposure, oldest due date, last contact, promises, the note. */
export async function customerPosition(
  db: Db | Tx,
  customerId: number,
  today: IsoDate,
): Promise<CustomerPosition | null> {
  const reader = readerOf(db);
  if (reader) return positionOf(readCustomerWithPosition(reader, customerId), today);
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
  return positionOf(c, today);
}

type CustomerWithPosition = Pick<
  Customer,
  PositionColumn | "noteApproach" | "noteAttention" | "noteReferencePerson"
> & {
  salesperson: { name: string; slackUserId: string } | null;
  invoices: { number: string; installment: number; dueDate: string; openCents: number; status: string }[];
  interactions: { date: string; channel: string; outcome: string; member: { name: string } | null }[];
  promises: { id: number; amountCents: number; dueDate: string; status: string }[];
};

function positionOf(c: CustomerWithPosition | null, today: IsoDate): CustomerPosition | null {
  if (!c) return null;
  const overdue = c.invoices.filter((i) => i.dueDate < today);
  const oldest = overdue[0]?.dueDate ?? null;
  const last = c.interactions[0];
  const e = exposure(
    c.invoices.map((i) => ({ ...i, customerId: c.id, disputed: i.status === "disputed" })),
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

/**
 * The same rows as the Prisma query above, on the read connection. The relation queries are the SQL Prisma
 * sends (same columns, conditions and order), so SQLite plans them alike and rows of equal due date come in
 * the same order.
 */
function readCustomerWithPosition(r: Reader, customerId: number): CustomerWithPosition | null {
  const c = r.get<Omit<CustomerWithPosition, "salesperson" | "invoices" | "interactions" | "promises">>(
    `SELECT c.id, c.code, c.name, c.vatNumber, c.city, c.province, c.phone, c.mobile, c.email, c.pec,
       c.creditHold, c.preserveRelationship, c.noteApproach, c.noteAttention, c.noteReferencePerson,
       c.salespersonId
     FROM "Customer" c WHERE c.id = ?`,
    customerId,
  ) as (CustomerWithPosition & { salespersonId: number | null }) | undefined;
  if (!c) return null;
  const salesperson =
    c.salespersonId === null
      ? undefined
      : r.get<{ name: string; slackUserId: string }>(
          `SELECT name, slackUserId FROM "TeamMember" WHERE id = ?`,
          c.salespersonId,
        );
  const invoices = r.all<CustomerWithPosition["invoices"][number]>(
    `SELECT * FROM "Invoice" WHERE (("Invoice"."status" IN (?,?) AND "Invoice"."openCents" > ?)
     AND "Invoice"."customerId" = ?) ORDER BY "Invoice"."dueDate" ASC LIMIT ? OFFSET ?`,
    "open",
    "disputed",
    0,
    customerId,
    -1,
    0,
  );
  const interactions = r
    .all<{ date: string; channel: string; outcome: string; memberId: number | null }>(
      `SELECT * FROM "Interaction" WHERE "Interaction"."customerId" = ?
       ORDER BY "Interaction"."occurredAt" DESC, "Interaction"."id" DESC LIMIT ? OFFSET ?`,
      customerId,
      1,
      0,
    )
    .map((i) => ({
      date: i.date,
      channel: i.channel,
      outcome: i.outcome,
      member:
        (i.memberId !== null &&
          r.get<{ name: string }>(`SELECT name FROM "TeamMember" WHERE id = ?`, i.memberId)) ||
        null,
    }));
  const promises = r.all<CustomerWithPosition["promises"][number]>(
    `SELECT * FROM "PaymentPromise" WHERE ("PaymentPromise"."status" IN (?,?,?)
     AND "PaymentPromise"."customerId" = ?) ORDER BY "PaymentPromise"."dueDate" ASC LIMIT ? OFFSET ?`,
    "open",
    "partial",
    "broken",
    customerId,
    -1,
    0,
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
    creditHold: Boolean(c.creditHold),
    preserveRelationship: Boolean(c.preserveRelationship),
    noteApproach: c.noteApproach,
    noteAttention: c.noteAttention,
    noteReferencePerson: c.noteReferencePerson,
    salesperson: salesperson ?? null,
    invoices,
    interactions,
    promises,
  };
}
