import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "../../src/db/client";
import { closeReader, openReader, readerOf } from "../../src/db/reads";
import { generateDemoData } from "../../src/demo/generate";
import { seedDemo } from "../../src/demo/seed";
import { addDays } from "../../src/domain/calendar";
import { monthPeriod } from "../../src/domain/kpi";
import { findCustomers } from "../../src/services/customers/customer-search";
import { customerPosition } from "../../src/services/customers/customers";
import { loadLogCustomer } from "../../src/services/outcomes/log-outcome";
import { buildReport, loadReportInput } from "../../src/services/report/report";
import { memberBySlackId } from "../../src/services/team/team";
import { tripChannelFor } from "../../src/services/trips/trips";

// The hot-path reads on the read connection (src/db/reads.ts) must answer exactly what the Prisma queries
// answer: each is run both ways on the demo's data (positions with invoices, promises, contacts, notes, trips).
const TODAY = "2026-03-02";
let dir: string;
let url: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-reads-"));
  url = `file:${join(dir, "x.db")}`;
  db = await openDb(url);
  await seedDemo(db, generateDemoData({ today: TODAY, seed: 7 }));
  // a changed customer, a disputed invoice, a promise on a customer without contacts, an inactive member
  const [first, second] = await db.customer.findMany({ orderBy: { id: "asc" }, take: 2 });
  if (!first || !second) throw new Error("demo data has no customers");
  await db.customer.update({
    where: { id: first.id },
    data: { creditHold: true, preserveRelationship: true },
  });
  await db.invoice.updateMany({ where: { customerId: second.id }, data: { status: "disputed" } });
  await db.teamMember.create({ data: { slackUserId: "UGONE", name: "Ex", role: "sales", active: false } });
  const collector = await db.teamMember.create({
    data: { slackUserId: "UTRIP", name: "Giro", role: "sales" },
  });
  await db.fieldTrip.createMany({
    data: [
      { collectorId: collector.id, startDate: TODAY, endDate: addDays(TODAY, 2), area: "VR", status: "open" },
      { collectorId: collector.id, startDate: "2026-04-01", endDate: "2026-04-03", area: "PD" },
      {
        collectorId: collector.id,
        startDate: "2026-05-01",
        endDate: "2026-05-02",
        area: "VI",
        status: "closed",
      },
    ],
  });
});

afterAll(async () => {
  closeReader(db);
  await db?.$disconnect();
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
});

/** Runs `read` through Prisma, then through the read connection, and returns both answers. */
// (One customer at a time: Prisma batches concurrent findUnique calls into one query, whose plan orders rows
// of equal due date differently; a request reads one customer.)
async function oneByOne<T>(ids: number[], read: (id: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (const id of ids) out.push(await read(id));
  return out;
}

async function bothWays<T>(read: () => Promise<T>): Promise<[T, T]> {
  closeReader(db);
  expect(readerOf(db)).toBeNull();
  const viaPrisma = await read();
  openReader(db, url);
  expect(readerOf(db)).not.toBeNull();
  const viaReader = await read();
  return [viaPrisma, viaReader];
}

describe("hot-path reads on the read connection", () => {
  it("give the same customer positions and log customers as Prisma, for every customer", async () => {
    const ids = (await db.customer.findMany({ select: { id: true } })).map((c) => c.id);
    for (const day of [TODAY, addDays(TODAY, 40)]) {
      const [prisma, reader] = await bothWays(() =>
        oneByOne([...ids, 999_999], (id) => customerPosition(db, id, day)),
      );
      expect(reader).toEqual(prisma);
      expect(prisma.filter((p) => p && p.openPromises.length > 0).length).toBeGreaterThan(0);
      expect(prisma.filter((p) => p?.lastContact?.by).length).toBeGreaterThan(0);
      expect(prisma.filter((p) => p?.salesperson).length).toBeGreaterThan(0);
      expect(prisma.some((p) => p?.creditHold)).toBe(true);
      const [prismaLog, readerLog] = await bothWays(() =>
        oneByOne([...ids, 999_999], (id) => loadLogCustomer(db, id, day)),
      );
      expect(readerLog).toEqual(prismaLog);
    }
  });

  it("give the same members (inactive ones: none) and trip channels as Prisma", async () => {
    const users = [...(await db.teamMember.findMany()).map((m) => m.slackUserId), "UNKNOWN"];
    const trips = await db.fieldTrip.findMany();
    const days = [TODAY, ...trips.flatMap((t) => [t.startDate, t.endDate, addDays(t.endDate, 1)])];
    const [prisma, reader] = await bothWays(async () => ({
      members: await Promise.all(
        users.map(async (u) => {
          const m = await memberBySlackId(db, u);
          return m && { id: m.id, slackUserId: m.slackUserId, name: m.name, role: m.role };
        }),
      ),
      channels: await Promise.all(days.flatMap((d) => users.map((u) => tripChannelFor(db, u, d)))),
    }));
    expect(reader).toEqual(prisma);
    expect(prisma.members[users.indexOf("UGONE")]).toBeNull(); // inactive
    expect(prisma.members[users.indexOf("UTRIP")]?.name).toBe("Giro");
    expect(prisma.channels).toContain("visit");
  });

  it("give the report the same rows, and so the same report, as Prisma", async () => {
    const [prisma, reader] = await bothWays(() => loadReportInput(db));
    expect(reader).toEqual(prisma);
    expect(prisma.trips.some((t) => t.collectorName === "Giro")).toBe(true);
    expect(prisma.customers.some((c) => c.caseStage !== null)).toBe(true);
    const [prismaReport, readerReport] = await bothWays(() => buildReport({ db }, monthPeriod(TODAY)));
    expect(readerReport).toEqual(prismaReport);
  });

  it("see a customer added through Prisma at once in the search", async () => {
    openReader(db, url);
    expect(await findCustomers(db, "Zeta Nuova")).toHaveLength(0);
    await db.customer.create({ data: { code: "ZZ1", name: "Zeta Nuova Logistica srl" } });
    await new Promise((r) => setTimeout(r, 600)); // past the index's freshness window
    expect((await findCustomers(db, "Zeta Nuova")).map((h) => h.customer.code)).toEqual(["ZZ1"]);
  });
});
