import type { AppContext } from "../../context";
import { today } from "../../context";
import { addDays, startOfWeek } from "../../domain/calendar";
import { exposure } from "../../domain/exposure";
import type { TeamPosition } from "../../domain/positions";

const STAGE_ORDER = ["internal", "credit_hold", "settlement", "agency", "legal"];

export async function teamPosition(ctx: AppContext): Promise<TeamPosition> {
  const day = today(ctx);
  const monday = startOfWeek(day);
  const sunday = addDays(monday, 6);
  const { db } = ctx;
  const [invoices, stages, promises] = await Promise.all([
    // the same rows and the same function (src/domain/exposure.ts) as the digest, the report and the card
    db.invoice.findMany({
      where: { status: { in: ["open", "disputed"] }, openCents: { gt: 0 } },
      select: {
        customerId: true,
        dueDate: true,
        openCents: true,
        status: true,
        customer: { select: { creditHold: true } },
      },
    }),
    db.case.groupBy({ by: ["stage"], where: { closedOn: null }, _count: { _all: true } }),
    db.paymentPromise.findMany({
      where: { dueDate: { gte: monday, lte: sunday }, status: { not: "cancelled" } },
      include: { customer: { select: { code: true, name: true } } },
      orderBy: [{ dueDate: "asc" }, { amountCents: "desc" }],
    }),
  ]);
  const e = exposure(
    invoices.map((i) => ({ ...i, disputed: i.status === "disputed" })),
    day,
  );
  return {
    today: day,
    openCents: e.openCents,
    overdueCents: e.overdueCents,
    disputedCents: e.disputedCents,
    customersOverdue: e.customersOverdue,
    creditHoldCents: exposure(
      invoices.filter((i) => i.customer.creditHold).map((i) => ({ ...i, disputed: i.status === "disputed" })),
      day,
    ).openCents,
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
