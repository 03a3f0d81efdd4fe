import type { AppContext } from "../../context";
import type { Db } from "../../db/client";
import { readerOf } from "../../db/reads";
import type { IsoDate } from "../../domain/calendar";
import type { CustomerCardData } from "../../domain/positions";
import {
  buildSearchIndex,
  type SearchableCustomer,
  type SearchHit,
  type SearchIndex,
  searchCustomers,
  uniqueMatch,
} from "../../domain/search";
import { loadCaseCosts } from "../cases/case-costs";
import { customerPosition } from "./customers";
import { loadReminderContacts } from "./reminder-contacts";

interface Cached {
  key: string;
  index: SearchIndex;
  checkedAt: number;
}

// One index per database, rebuilt only when a customer was added, removed or changed. The freshness check
// (one raw SQL aggregate) runs at most every FRESH_MS, so a burst of searches costs one check. It reads the
// database, so a change made by another instance (or the CLI) is seen within FRESH_MS too.
const cache = new WeakMap<Db, Cached>();
const building = new WeakMap<Db, Promise<Cached>>();
const FRESH_MS = 500;

async function customersVersion(db: Db): Promise<string> {
  const sql = `SELECT COUNT(*) AS "n", MAX("id") AS "maxId", MAX("updatedAt") AS "maxUpdated" FROM "Customer"`;
  type Row = { n: number | bigint; maxId: number | bigint | null; maxUpdated: unknown };
  const reader = readerOf(db);
  const [row] = reader ? reader.all<Row>(sql) : await db.$queryRawUnsafe<Row[]>(sql);
  return `${String(row?.n ?? 0)}:${String(row?.maxId ?? 0)}:${String(row?.maxUpdated ?? "")}`;
}

/** The search index of all customers, from memory unless the customers changed since it was built. */
export async function customerIndex(db: Db): Promise<SearchIndex> {
  const cached = cache.get(db);
  if (cached && Date.now() - cached.checkedAt < FRESH_MS) return cached.index;
  const key = await customersVersion(db);
  if (cached?.key === key) {
    cached.checkedAt = Date.now();
    return cached.index;
  }
  const pending = building.get(db);
  if (pending) {
    const built = await pending;
    if (built.key === key) return built.index;
  }
  const work = (async (): Promise<Cached> => {
    const rows = await db.customer.findMany({
      select: { id: true, code: true, name: true, vatNumber: true, city: true },
    });
    const entry = { key, index: buildSearchIndex(rows), checkedAt: Date.now() };
    cache.set(db, entry);
    return entry;
  })();
  building.set(db, work);
  try {
    return (await work).index;
  } finally {
    if (building.get(db) === work) building.delete(db);
  }
}

/** Customers matching a query (code, name, VAT number; accents and typos tolerated), best first. */
export async function findCustomers(db: Db, query: string, limit = 20): Promise<SearchHit[]> {
  return searchCustomers(await customerIndex(db), query, limit);
}

export type CustomerResolution =
  | { kind: "one"; customer: SearchableCustomer }
  | { kind: "many"; hits: SearchHit[] }
  | { kind: "none" };

/** The customer a typed query clearly names, or the candidates to choose from. */
export async function resolveCustomer(db: Db, query: string, limit = 10): Promise<CustomerResolution> {
  const q = query.trim();
  if (!q) return { kind: "none" };
  const hits = await findCustomers(db, q, limit);
  const one = uniqueMatch(hits);
  if (one) return { kind: "one", customer: one };
  return hits.length > 0 ? { kind: "many", hits } : { kind: "none" };
}

/** The customer's card: position with open invoices, promises (all, newest first), last 5 contacts, open case. */
export async function loadCustomerCard(
  ctx: Pick<AppContext, "db" | "config">,
  customerId: number,
  today: IsoDate,
): Promise<CustomerCardData | null> {
  const db = ctx.db;
  const [position, promises, contacts, openCase] = await Promise.all([
    customerPosition(db, customerId, today),
    db.paymentPromise.findMany({
      where: { customerId },
      orderBy: [{ createdAt: "desc" }, { sequence: "asc" }],
      take: 12,
      include: { interaction: { select: { date: true } } },
    }),
    db.interaction.findMany({
      where: { customerId },
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: 5,
      include: { member: { select: { name: true } } },
    }),
    db.case.findFirst({ where: { customerId, closedOn: null } }),
  ]);
  if (!position) return null;
  const reminders = await loadReminderContacts(
    db,
    contacts.map((c) => c.id),
    ctx.config.timeZone,
  );
  return {
    position,
    promises: promises.map((p) => ({
      amountCents: p.amountCents,
      dueDate: p.dueDate,
      sequence: p.sequence,
      status: p.status,
      paidCents: p.paidCents,
      createdOn: p.interaction?.date ?? p.createdAt.toISOString().slice(0, 10),
    })),
    contacts: contacts.map((c) => ({
      date: c.date,
      channel: c.channel,
      outcome: c.outcome,
      by: c.member?.name ?? null,
      notes: c.notes,
      reminder: reminders.get(c.id) ?? null,
    })),
    openCase: openCase && {
      id: openCase.id,
      stage: openCase.stage,
      channelId: openCase.channelId,
      threadTs: openCase.threadTs,
    },
    costs: openCase ? await loadCaseCosts(db, { caseId: openCase.id }) : undefined,
  };
}
