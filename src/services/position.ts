import type { AppContext } from "../context";
import { today } from "../context";
import { addDays, type IsoDate, startOfWeek } from "../domain/calendar";

export interface PromiseDue {
  customerCode: string;
  customerName: string;
  amountCents: number;
  dueDate: IsoDate;
  status: string;
}

/** The team's current position, as App Home shows it. */
export interface TeamPosition {
  today: IsoDate;
  openCents: number;
  overdueCents: number;
  customersOverdue: number;
  creditHoldCents: number;
  casesByStage: { stage: string; count: number }[];
  promisesThisWeek: PromiseDue[];
}

const STAGE_ORDER = ["internal", "credit_hold", "settlement", "agency", "legal"];

export async function teamPosition(ctx: AppContext): Promise<TeamPosition> {
  const day = today(ctx);
  const monday = startOfWeek(day);
  const sunday = addDays(monday, 6);
  const { db } = ctx;
  const [open, overdue, overdueCustomers, onHold, stages, promises] = await Promise.all([
    db.invoice.aggregate({ _sum: { openCents: true }, where: { status: "open" } }),
    db.invoice.aggregate({ _sum: { openCents: true }, where: { status: "open", dueDate: { lt: day } } }),
    db.invoice.findMany({
      where: { status: "open", dueDate: { lt: day }, openCents: { gt: 0 } },
      distinct: ["customerId"],
      select: { customerId: true },
    }),
    db.invoice.aggregate({
      _sum: { openCents: true },
      where: { status: "open", customer: { creditHold: true } },
    }),
    db.case.groupBy({ by: ["stage"], where: { closedOn: null }, _count: { _all: true } }),
    db.paymentPromise.findMany({
      where: { dueDate: { gte: monday, lte: sunday }, status: { not: "cancelled" } },
      include: { customer: { select: { code: true, name: true } } },
      orderBy: [{ dueDate: "asc" }, { amountCents: "desc" }],
    }),
  ]);
  return {
    today: day,
    openCents: open._sum.openCents ?? 0,
    overdueCents: overdue._sum.openCents ?? 0,
    customersOverdue: overdueCustomers.length,
    creditHoldCents: onHold._sum.openCents ?? 0,
    casesByStage: stages
      .map((s) => ({ stage: s.stage, count: s._count._all }))
      .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage)),
    promisesThisWeek: promises.map((p) => ({
      customerCode: p.customer.code,
      customerName: p.customer.name,
      amountCents: p.amountCents,
      dueDate: p.dueDate,
      status: p.status,
    })),
  };
}
