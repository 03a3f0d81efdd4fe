// The writes of one import, planned while it reads (no write lock), then staged and merged through a
// StagedBatch (src/db/staged-batch.ts). New rows get provisional negative ids; updates keep the values
// read as their guard, so a row changed by someone else between planning and commit is detected.

import type { Tx } from "../../db/client";
import {
  checkGuards,
  type IdBases,
  idBase,
  lockForMerge,
  type MergeColumn,
  mergeInserts,
  mergeTypedInserts,
  mergeUpdates,
  type StagedBatch,
  type StagedRowInput,
} from "../../db/staged-batch";

type Row = Record<string, unknown> & { id: number };
/** a new invoice as planned (the fields its order is taken from) */
type NewInvoice = Row & { customerId: number; number: string; installment: number };
interface Update {
  changes: Record<string, unknown>;
  guard: Record<string, unknown>;
  /** open amount and status before this import (for the dry run's totals) */
  before?: { openCents: number; status: string };
}

// each column with its type in the schema (PostgreSQL casts the JSON text it is read from to it)
const CUSTOMER_COLUMNS: MergeColumn[] = [
  { name: "code", type: "text" },
  { name: "name", type: "text" },
  { name: "searchText", type: "text" },
  { name: "vatNumber", type: "text" },
  { name: "taxCode", type: "text" },
  { name: "address", type: "text" },
  { name: "postalCode", type: "text" },
  { name: "city", type: "text" },
  { name: "province", type: "text" },
  { name: "phone", type: "text" },
  { name: "mobile", type: "text" },
  { name: "email", type: "text" },
  { name: "pec", type: "text" },
  { name: "creditLimitCents", type: "integer" },
  { name: "paymentTermsDays", type: "integer" },
  { name: "preserveRelationship", type: "boolean" },
  { name: "salespersonId", type: "integer" },
  { name: "noteApproach", type: "text" },
  { name: "noteAttention", type: "text" },
  { name: "noteReferencePerson", type: "text" },
  { name: "reminderLevel", type: "integer" },
  { name: "lastReminderOn", type: "text" },
  { name: "lastContactOn", type: "text" },
  { name: "chasingNote", type: "text" },
];
const INVOICE_COLUMNS: MergeColumn[] = [
  { name: "customerId", type: "integer", ref: "Customer" },
  { name: "number", type: "text" },
  { name: "installment", type: "integer" },
  { name: "issueDate", type: "text" },
  { name: "dueDate", type: "text" },
  { name: "amountCents", type: "integer" },
  { name: "openCents", type: "integer" },
  { name: "status", type: "text" },
  { name: "source", type: "text" },
  { name: "closedOn", type: "text" },
  { name: "firstSeenOn", type: "text" },
  { name: "firstSeenOpenCents", type: "integer" },
];
const PAYMENT_COLUMNS: MergeColumn[] = [
  { name: "customerId", type: "integer", ref: "Customer" },
  { name: "invoiceId", type: "integer", ref: "Invoice" },
  { name: "date", type: "text" },
  { name: "amountCents", type: "integer" },
  { name: "method", type: "text" },
  { name: "reference", type: "text" },
  { name: "toAnnounce", type: "boolean" },
];
const PROMISE_COLUMNS: MergeColumn[] = [
  { name: "status", type: "text" },
  { name: "paidCents", type: "integer" },
  { name: "evaluatedOn", type: "text" },
];
const AUDIT_COLUMNS: MergeColumn[] = [
  { name: "customerId", type: "integer", ref: "Customer" },
  { name: "actor", type: "text" },
  { name: "action", type: "text" },
  { name: "detail", type: "text" },
];
const MERGED_TABLES = ["Customer", "Invoice", "Payment", "PaymentPromise", "AuditEntry"];
/** the invoice columns a change must not race (every invoice update guards them) */
const INVOICE_GUARD = INVOICE_COLUMNS.filter((c) => c.name === "openCents" || c.name === "status");
const PROMISE_GUARD = PROMISE_COLUMNS.filter((c) => c.name === "status" || c.name === "paidCents");

export class ImportWrites {
  /** @param today the import's date: new invoices are first seen then, with the open amount of the file */
  constructor(private readonly today: string) {}

  private nextCustomer = -1;
  private nextInvoice = -1;
  private readonly customers: Array<{ row: Row; searchText: (r: Row) => string }> = [];
  private readonly invoices: Row[] = [];
  private readonly customerUpdates = new Map<number, Update>();
  private readonly invoiceUpdates = new Map<number, Update>();
  private readonly promiseUpdates = new Map<number, Update>();
  private readonly payments: Array<Record<string, unknown> & { customerId: number }> = [];
  private readonly audits: Array<Record<string, unknown>> = [];
  private readonly paymentsByCustomer = new Map<number, Array<Record<string, unknown>>>();
  /** customers of the new invoices by number, built when first asked (payments files only) */
  private readonly invoicesByNumber = new Map<string, Set<number>>();
  private indexedInvoices = 0;

  /** A new customer: gets a provisional id; its final field values are taken when staged. */
  createCustomer<T extends Row>(row: T, searchText: (r: T) => string): T {
    row.id = this.nextCustomer--;
    this.customers.push({ row, searchText: searchText as (r: Row) => string });
    return row;
  }

  /** New invoices: provisional ids; their final values (payments may still reduce them) are staged. */
  createInvoices(rows: Row[]): void {
    // ids in the order of the unique index (customer, number, instalment): the final INSERT then appends
    // to both the table and that index, about twice as fast as in file order
    const customerOrder = (id: number) => (id < 0 ? Number.MAX_SAFE_INTEGER / 2 - id : id);
    const sorted = (rows as NewInvoice[])
      .slice()
      .sort(
        (a, b) =>
          customerOrder(a.customerId) - customerOrder(b.customerId) ||
          (a.number < b.number ? -1 : a.number > b.number ? 1 : 0) ||
          a.installment - b.installment,
      );
    for (const r of sorted) {
      r.id = this.nextInvoice--;
      // what the first sight showed (issue 13): the part already paid then is not this import's recovery
      r.firstSeenOn = this.today;
      r.firstSeenOpenCents = r.openCents;
      this.invoices.push(r);
    }
  }

  /** Changes to an existing customer; `current` is the row as read (its old values are the guard). */
  updateCustomer(current: Record<string, unknown> & { id: number }, changes: Record<string, unknown>): void {
    if (current.id < 0) return; // a new customer: its row object already holds the change
    record(this.customerUpdates, current.id, current, changes);
  }

  /** Changes to an existing invoice (`current` as read: open amount and status are the guard). */
  updateInvoice(
    current: { id: number; openCents: number; status: string } & Record<string, unknown>,
    changes: Record<string, unknown>,
  ): void {
    if (current.id < 0) return; // a new invoice: the row object is staged with its final values
    const u = record(this.invoiceUpdates, current.id, current, changes, ["openCents", "status"]);
    u.before ??= { openCents: current.openCents, status: current.status };
  }

  updatePromise(
    current: { id: number; status: string; paidCents: number },
    changes: Record<string, unknown>,
  ): void {
    record(this.promiseUpdates, current.id, current, changes, ["status", "paidCents"]);
  }

  createPayment(data: Record<string, unknown> & { customerId: number }): void {
    this.payments.push(data);
    const list = this.paymentsByCustomer.get(data.customerId) ?? [];
    list.push(data);
    this.paymentsByCustomer.set(data.customerId, list);
  }

  audit(entry: { actor: string; action: string; customerId?: number | null; detail?: unknown }): void {
    this.audits.push({
      actor: entry.actor,
      action: entry.action,
      customerId: entry.customerId ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    });
  }

  /** The payments this import records for a customer, in order (they are not in the database yet). */
  paymentsOf(customerId: number): ReadonlyArray<Record<string, unknown>> {
    return this.paymentsByCustomer.get(customerId) ?? [];
  }

  /** Customers of the new invoices with this number. */
  newInvoiceCustomers(number: string): ReadonlySet<number> {
    for (; this.indexedInvoices < this.invoices.length; this.indexedInvoices++) {
      const r = this.invoices[this.indexedInvoices]!;
      const n = String(r.number);
      const set = this.invoicesByNumber.get(n) ?? new Set<number>();
      set.add(Number(r.customerId));
      this.invoicesByNumber.set(n, set);
    }
    return this.invoicesByNumber.get(number) ?? new Set();
  }

  /** How the open position changes (open and disputed invoices), for a dry run's totals. */
  openDelta(): { cents: number; count: number } {
    let cents = 0;
    let count = 0;
    const counts = (status: unknown) => status === "open" || status === "disputed";
    for (const r of this.invoices) {
      if (counts(r.status)) {
        cents += Number(r.openCents);
        count += 1;
      }
    }
    for (const u of this.invoiceUpdates.values()) {
      if (!u.before) continue;
      const after = { ...u.before, ...u.changes } as { openCents: number; status: string };
      if (counts(u.before.status)) {
        cents -= u.before.openCents;
        count -= 1;
      }
      if (counts(after.status)) {
        cents += after.openCents;
        count += 1;
      }
    }
    return { cents, count };
  }

  get size(): number {
    return (
      this.customers.length +
      this.invoices.length +
      this.customerUpdates.size +
      this.invoiceUpdates.size +
      this.promiseUpdates.size +
      this.payments.length +
      this.audits.length
    );
  }

  /** Everything planned but the new invoices, as staged rows. */
  private *rows(): Generator<StagedRowInput> {
    for (const { row, searchText } of this.customers) {
      const data: Record<string, unknown> = {};
      for (const c of CUSTOMER_COLUMNS) data[c.name] = row[c.name] ?? null;
      data.searchText = searchText(row);
      yield { kind: "customer.create", ref: row.id, data };
    }
    for (const [id, u] of this.customerUpdates)
      yield { kind: "customer.update", ref: id, data: u.changes, guard: u.guard };
    for (const [id, u] of this.invoiceUpdates)
      yield { kind: "invoice.update", ref: id, data: u.changes, guard: u.guard };
    for (const [id, u] of this.promiseUpdates)
      yield { kind: "promise.update", ref: id, data: u.changes, guard: u.guard };
    let n = -1;
    for (const p of this.payments) yield { kind: "payment.create", ref: n--, data: p };
    n = -1;
    for (const a of this.audits) yield { kind: "audit.create", ref: n--, data: a };
  }

  /** Stages the plan: the new invoices (the bulk) typed, everything else as JSON rows. */
  async stage(batch: StagedBatch): Promise<number> {
    const invoices = await batch.stageInto(
      "StagedInvoice",
      [{ name: "ref", type: "integer" }, ...INVOICE_COLUMNS],
      invoiceValues(this.invoices),
    );
    const rows = await batch.stage(this.rows());
    return Math.max(invoices.longestMs, rows.longestMs);
  }

  /** The final step: guards, then set-based inserts and updates from the staged rows. */
  async merge(tx: Tx, batchId: number, now: Date): Promise<void> {
    await lockForMerge(tx, MERGED_TABLES);
    await checkGuards(tx, batchId, "invoice.update", "Invoice", INVOICE_GUARD);
    await checkGuards(tx, batchId, "promise.update", "PaymentPromise", PROMISE_GUARD);
    await checkGuards(tx, batchId, "customer.update", "Customer", CUSTOMER_COLUMNS);
    const bases: IdBases = {};
    for (const t of ["Customer", "Invoice", "Payment", "AuditEntry"]) bases[t] = await idBase(tx, t);
    const stamps: MergeColumn[] = [
      { name: "createdAt", type: "timestamp", now: true },
      { name: "updatedAt", type: "timestamp", now: true },
    ];
    await mergeInserts(
      tx,
      batchId,
      "customer.create",
      "Customer",
      [...CUSTOMER_COLUMNS, ...stamps],
      bases,
      now,
    );
    await mergeTypedInserts(
      tx,
      batchId,
      "StagedInvoice",
      "Invoice",
      [...INVOICE_COLUMNS, ...stamps],
      bases,
      now,
    );
    await mergeUpdates(tx, batchId, "customer.update", "Customer", CUSTOMER_COLUMNS, bases, now, [
      "updatedAt",
    ]);
    await mergeUpdates(tx, batchId, "invoice.update", "Invoice", INVOICE_COLUMNS, bases, now, ["updatedAt"]);
    await mergeInserts(
      tx,
      batchId,
      "payment.create",
      "Payment",
      [...PAYMENT_COLUMNS, { name: "createdAt", type: "timestamp", now: true }],
      bases,
      now,
    );
    await mergeUpdates(tx, batchId, "promise.update", "PaymentPromise", PROMISE_COLUMNS, bases, now);
    await mergeInserts(
      tx,
      batchId,
      "audit.create",
      "AuditEntry",
      [...AUDIT_COLUMNS, { name: "createdAt", type: "timestamp", now: true }],
      bases,
      now,
    );
  }
}

/** The new invoices as staging values: the provisional id as "ref", then INVOICE_COLUMNS, one row at a time. */
function* invoiceValues(rows: readonly Row[]): Generator<unknown[]> {
  const n = INVOICE_COLUMNS.length;
  for (const r of rows) {
    const values = new Array(n + 1);
    values[0] = r.id;
    for (let i = 0; i < n; i++) values[i + 1] = r[INVOICE_COLUMNS[i]!.name];
    yield values;
  }
}

function record(
  map: Map<number, Update>,
  id: number,
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
  alwaysGuard: readonly string[] = [],
): Update {
  let u = map.get(id);
  if (!u) {
    u = { changes: {}, guard: {} };
    for (const k of alwaysGuard) u.guard[k] = current[k] ?? null;
    map.set(id, u);
  }
  for (const [k, v] of Object.entries(changes)) {
    // the first value read is what the row must still hold at commit
    if (!(k in u.guard) && k in current) u.guard[k] = current[k] ?? null;
    u.changes[k] = v;
  }
  return u;
}
