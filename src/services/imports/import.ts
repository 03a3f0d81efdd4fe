// Import use case: files -> records (src/import) -> a plan that creates, updates and closes customers and
// receivables, records payments and re-evaluates promises, made with reads only; then staged in short
// transactions and made visible in one short final step (src/db/staged-batch.ts). All or nothing by default.

import { type AppContext, today as todayOf } from "../../context";
import type { Tx } from "../../db/client";
import { type SqlDialect, sqlDialect } from "../../db/dialect";
import { isUniqueViolation } from "../../db/errors";
import { StagedBatch, StaleBatchError } from "../../db/staged-batch";
import { dateInZone, type IsoDate } from "../../domain/calendar";
import { allocatePayments, type PromiseStatus } from "../../domain/promises";
import { normalizeForSearch } from "../../domain/text";
import { normalizeVatNumber } from "../../domain/vat";
import type { Customer, Invoice } from "../../generated/prisma/client";
import { type ImportInput, type ReadOptions, readImportFile } from "../../import/read";
import {
  type CustomerRecord,
  ImportFileError,
  type ImportKind,
  type ImportSummary,
  type ParsedFile,
  type PaymentRecord,
  type ReasonKey,
  type ReceivableRecord,
  type RowIssue,
} from "../../import/types";
import { audit } from "../audit";
import { ImportWrites } from "./import-writes";

export type { ImportSummary } from "../../import/types";

export interface ImportOptions {
  /** "import:<file>" from the CLI, the Slack user id from Slack */
  actor: string;
  /** import the good rows and report the others (default: any error writes nothing) */
  skipInvalid?: boolean;
  /** do not mark as paid the invoices that disappeared from a newer scadenzario of the same source */
  keepMissing?: boolean;
  /** do everything, report, then roll back */
  dryRun?: boolean;
  /** the scadenzario's source name: invoices that disappear are looked for among this source's (default "scadenzario") */
  source?: string;
  onProgress?: (p: {
    phase: "read" | "customers" | "invoices" | "payments";
    done: number;
    total: number;
  }) => void;
}

type Ctx = Pick<AppContext, "db" | "clock" | "config"> & { log?: AppContext["log"] };

const KIND_ORDER: Record<ImportKind, number> = { clienti: 0, scadenzario: 1, fatturapa: 2, pagamenti: 3 };
const CHUNK = 500;
/** customers whose invoices are read by one SELECT */
const LOAD_CUSTOMERS = 5000;
/** how many times an import is planned again when the data it read changed before its final step */
const PLAN_ATTEMPTS = 3;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function emptySummary(dryRun: boolean): ImportSummary {
  return {
    files: [],
    errors: [],
    warnings: [],
    written: false,
    rejected: false,
    dryRun,
    rows: 0,
    customers: { created: 0, updated: 0, unchanged: 0 },
    invoices: { created: 0, updated: 0, closed: 0, unchanged: 0, closedMissing: 0 },
    payments: { recorded: 0, duplicates: 0, appliedCents: 0, unappliedCents: 0 },
    promises: { evaluated: 0, kept: 0, partial: 0, broken: 0 },
    openCents: 0,
    openInvoices: 0,
  };
}

/** Reads every input (a file-level problem becomes one error for that file) and imports them together. */
export async function importFiles(
  ctx: Ctx,
  inputs: readonly ImportInput[],
  readOpts: ReadOptions,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const parsed: ParsedFile[] = [];
  const fileIssues: RowIssue[] = [];
  const failedFiles: ImportSummary["files"] = [];
  for (const [i, input] of inputs.entries()) {
    opts.onProgress?.({ phase: "read", done: i, total: inputs.length });
    try {
      parsed.push(await readImportFile(input, readOpts));
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      fileIssues.push({ file: err.file, row: null, key: err.key, args: err.args });
      failedFiles.push({ file: input.name, kind: null, rows: 0 });
    }
  }
  const summary = await importParsed(ctx, parsed, opts, fileIssues);
  summary.files.push(...failedFiles);
  return summary;
}

/** Imports already-read files in one transaction: customers files first, then receivables, then payments. */
export async function importParsed(
  ctx: Ctx,
  files: readonly ParsedFile[],
  opts: ImportOptions,
  fileIssues: readonly RowIssue[] = [],
): Promise<ImportSummary> {
  const summary = emptySummary(!!opts.dryRun);
  const ordered = [...files].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  summary.errors.push(...fileIssues);
  for (const f of ordered) {
    summary.files.push({ file: f.file, kind: f.kind, format: f.format, encoding: f.encoding, rows: f.rows });
    summary.errors.push(...f.errors);
    summary.warnings.push(...f.warnings);
    summary.rows += f.rows;
  }
  const today = todayOf(ctx);
  const base = structuredClone(summary);
  for (let attempt = 1; ; attempt++) {
    const planned = structuredClone(base);
    // 1. validate and plan with reads only: nobody waits for this part
    const writes = new ImportWrites(today);
    const run = new ImportRun(ctx.db, ctx, today, opts, planned, writes);
    await run.execute(ordered);
    Object.assign(summary, planned);
    if (summary.errors.length > 0 && !opts.skipInvalid) {
      summary.rejected = true;
      await openPosition(ctx.db, summary);
      return summary;
    }
    if (opts.dryRun) {
      // the position as it would be: today's plus what the plan changes
      await openPosition(ctx.db, summary);
      const delta = writes.openDelta();
      summary.openCents += delta.cents;
      summary.openInvoices += delta.count;
      return summary;
    }
    // 2. stage the plan in short transactions, 3. make it visible in one short final step
    const batch = await StagedBatch.open(ctx.db, "import", opts.actor);
    try {
      await writes.stage(batch);
      await batch.commit(async (tx) => {
        await writes.merge(tx, batch.id, ctx.clock.now());
        await audit(tx, {
          actor: opts.actor,
          action: "import",
          detail: {
            files: summary.files.map((f) => f.file),
            rows: summary.rows,
            rejectedRows: summary.errors.length,
            customers: summary.customers,
            invoices: summary.invoices,
            payments: summary.payments,
            promises: summary.promises,
          },
        });
      });
      summary.written = true;
      // read after the final step, so that step stays short
      await openPosition(ctx.db, summary);
      return summary;
    } catch (err) {
      await batch.abandon();
      // someone changed what the plan read (a dispute, a promise, the same customer created): plan again
      const stale = err instanceof StaleBatchError || isUniqueViolation(err);
      if (!stale || attempt >= PLAN_ATTEMPTS) throw err;
      ctx.log?.info("import: data changed while staging, planning again", { attempt, reason: String(err) });
    }
  }
}

/** Open amount and count of all open and disputed receivables. */
async function openPosition(db: Tx, summary: ImportSummary): Promise<void> {
  const open = await db.invoice.aggregate({
    where: { status: { in: ["open", "disputed"] } },
    _sum: { openCents: true },
    _count: true,
  });
  summary.openCents = open._sum.openCents ?? 0;
  summary.openInvoices = open._count;
}

const CUSTOMER_SELECT = {
  id: true,
  code: true,
  name: true,
  vatNumber: true,
  taxCode: true,
  address: true,
  postalCode: true,
  city: true,
  province: true,
  phone: true,
  mobile: true,
  email: true,
  pec: true,
  creditLimitCents: true,
  paymentTermsDays: true,
  salespersonId: true,
  noteApproach: true,
  noteAttention: true,
  noteReferencePerson: true,
  preserveRelationship: true,
  reminderLevel: true,
  lastReminderOn: true,
  lastContactOn: true,
  chasingNote: true,
} as const;

const INVOICE_SELECT = {
  id: true,
  customerId: true,
  number: true,
  installment: true,
  issueDate: true,
  dueDate: true,
  amountCents: true,
  openCents: true,
  status: true,
  source: true,
  closedOn: true,
} as const;

/** the invoices of some customers (a JSON array of ids), in the unique index's order as Prisma read them */
const loadInvoicesSql = (d: SqlDialect) =>
  `SELECT ${Object.keys(INVOICE_SELECT)
    .map((c) => `"${c}"`)
    .join(", ")} FROM "Invoice" WHERE "customerId" IN (${d.jsonScalars(1, "integer")}) ` +
  `ORDER BY "customerId", "number", "installment"`;

/** The customer columns an import reads and compares. */
type CustomerRow = Pick<Customer, keyof typeof CUSTOMER_SELECT>;
type InvoiceRow = Pick<Invoice, keyof typeof INVOICE_SELECT>;

// Plain fields copied from a record to the customer (salesperson and the code are handled apart).
const PLAIN_FIELDS = [
  "name",
  "vatNumber",
  "taxCode",
  "address",
  "postalCode",
  "city",
  "province",
  "phone",
  "mobile",
  "email",
  "pec",
  "creditLimitCents",
  "paymentTermsDays",
  "noteApproach",
  "noteAttention",
  "noteReferencePerson",
  "preserveRelationship",
  "reminderLevel",
  "lastReminderOn",
  "lastContactOn",
  "chasingNote",
] as const;

// Chasing history (issue 13): a newer scadenzario brings newer facts, so it updates them in "fill" mode too.
const CHASING_FIELDS: ReadonlySet<string> = new Set([
  "reminderLevel",
  "lastReminderOn",
  "lastContactOn",
  "chasingNote",
]);

function searchText(c: { code: string; name: string; vatNumber: string | null }): string {
  return normalizeForSearch(`${c.code} ${c.name} ${c.vatNumber ?? ""}`);
}

function invoiceKey(customerId: number, number: string): string {
  return `${customerId}|${number.toLowerCase()}`;
}

/** One import's plan: reads the database, validates, and records its writes in `writes`. */
class ImportRun {
  private readonly byId = new Map<number, CustomerRow>();
  private readonly byCode = new Map<string, CustomerRow>();
  private readonly byVat = new Map<string, CustomerRow>();
  private readonly byTax = new Map<string, CustomerRow>();
  /** customer ids created or updated by this import (a customer is counted once) */
  private readonly touched = new Map<number, "created" | "updated" | "unchanged">();
  private members: Array<{ id: number; slackUserId: string; name: string }> = [];
  /** invoices of the customers met so far, by customer id + number */
  private readonly invoices = new Map<string, InvoiceRow[]>();
  private readonly invoicesOf = new Map<number, InvoiceRow[]>();
  private readonly loadedCustomers = new Set<number>();
  private readonly paidCustomers = new Set<number>();

  constructor(
    private readonly tx: Tx,
    private readonly ctx: Ctx,
    private readonly today: IsoDate,
    private readonly opts: ImportOptions,
    private readonly summary: ImportSummary,
    private readonly writes: ImportWrites,
  ) {}

  private issue(file: string, row: number | null, key: ReasonKey, ...args: string[]): void {
    this.summary.errors.push({ file, row, key, args });
  }

  private warn(file: string, row: number | null, key: ReasonKey, ...args: string[]): void {
    this.summary.warnings.push({ file, row, key, args });
  }

  async execute(files: readonly ParsedFile[]): Promise<void> {
    const all = await this.tx.customer.findMany({ select: CUSTOMER_SELECT });
    for (const c of all) this.index(c);
    this.members = await this.tx.teamMember.findMany({ select: { id: true, slackUserId: true, name: true } });
    for (const f of files.filter((x) => x.kind === "clienti")) await this.importCustomers(f);
    const scadenzari = files.filter((x) => x.kind === "scadenzario");
    const fatture = files.filter((x) => x.kind === "fatturapa");
    const payments = files.filter((x) => x.kind === "pagamenti");
    if (scadenzari.length > 0)
      await this.importReceivables(scadenzari, "scadenzario", fatture.length + payments.length > 0);
    if (fatture.length > 0) await this.importReceivables(fatture, "fatturapa", payments.length > 0);
    if (payments.length > 0) await this.importPayments(payments);
    await this.evaluatePromises();
  }

  private index(c: CustomerRow): void {
    this.byId.set(c.id, c);
    this.byCode.set(c.code.toLowerCase(), c);
    if (c.vatNumber) this.byVat.set(c.vatNumber, c);
    if (c.taxCode) this.byTax.set(c.taxCode, c);
  }

  private find(
    rec: { code?: string; vatNumber?: string; taxCode?: string },
    vatFirst: boolean,
  ): CustomerRow | null {
    const byCode = rec.code ? this.byCode.get(rec.code.toLowerCase()) : undefined;
    const byVat = rec.vatNumber ? this.byVat.get(rec.vatNumber) : undefined;
    const byTax = rec.taxCode ? this.byTax.get(rec.taxCode) : undefined;
    return (vatFirst ? (byVat ?? byTax ?? byCode) : (byCode ?? byVat ?? byTax)) ?? null;
  }

  private salespersonId(file: string, rec: CustomerRecord): number | null | undefined {
    if (rec.salesperson === undefined) return undefined;
    const wanted = normalizeForSearch(rec.salesperson);
    const m = this.members.find(
      (x) => x.slackUserId === rec.salesperson || normalizeForSearch(x.name) === wanted,
    );
    if (!m) this.warn(file, rec.row, "unknownSalesperson", rec.salesperson);
    return m?.id;
  }

  /**
   * Creates or updates one customer. `master` (customers file): every field in the file wins.
   * `fill` (scadenzario, FatturaPA): a known customer only gets the fields it lacks.
   */
  private async upsertCustomer(
    file: string,
    rec: CustomerRecord,
    mode: "master" | "fill",
  ): Promise<CustomerRow | null> {
    const existing = this.find(rec, mode === "fill" && rec.code === rec.vatNumber);
    if (!existing) {
      if (!rec.name) {
        this.issue(file, rec.row || null, "customerWithoutName", rec.code ?? "");
        return null;
      }
      const data: Record<string, unknown> = { code: rec.code };
      for (const f of PLAIN_FIELDS) if (rec[f] !== undefined) data[f] = rec[f];
      const sp = this.salespersonId(file, rec);
      if (sp) data.salespersonId = sp;
      const row = { id: 0, salespersonId: null } as Record<string, unknown>;
      for (const k of Object.keys(CUSTOMER_SELECT)) row[k] ??= data[k] ?? null;
      if (data.preserveRelationship === undefined) row.preserveRelationship = false;
      const created = this.writes.createCustomer(row as CustomerRow, (c) => searchText(c));
      this.index(created);
      this.touched.set(created.id, "created");
      this.summary.customers.created += 1;
      return created;
    }
    const changes: Record<string, unknown> = {};
    for (const f of PLAIN_FIELDS) {
      const v = rec[f];
      if (v === undefined || v === existing[f]) continue;
      const current = existing[f];
      if (mode === "master" || current === null || current === "" || CHASING_FIELDS.has(f)) changes[f] = v;
    }
    if (mode === "master") {
      const sp = this.salespersonId(file, rec);
      if (sp && sp !== existing.salespersonId) changes.salespersonId = sp;
    }
    if (!this.touched.has(existing.id)) this.touched.set(existing.id, "unchanged");
    if (Object.keys(changes).length === 0) return existing;
    const merged = { ...existing, ...changes } as CustomerRow;
    changes.searchText = searchText(merged);
    this.writes.updateCustomer(existing, changes);
    if (existing.vatNumber && existing.vatNumber !== merged.vatNumber) this.byVat.delete(existing.vatNumber);
    Object.assign(existing, merged);
    this.index(existing);
    if (this.touched.get(existing.id) === "unchanged") this.touched.set(existing.id, "updated");
    return existing;
  }

  private tally(): void {
    let updated = 0;
    let unchanged = 0;
    for (const state of this.touched.values()) {
      if (state === "updated") updated += 1;
      else if (state === "unchanged") unchanged += 1;
    }
    this.summary.customers.updated = updated;
    this.summary.customers.unchanged = unchanged;
  }

  private async importCustomers(file: ParsedFile): Promise<void> {
    for (const [i, rec] of file.customers.entries()) {
      if (i % 200 === 0)
        this.opts.onProgress?.({ phase: "customers", done: i, total: file.customers.length });
      await this.upsertCustomer(file.file, rec, "master");
    }
    this.tally();
  }

  /** Loads the invoices of these customers (once per customer). */
  private async loadInvoices(customerIds: readonly number[]): Promise<void> {
    const missing = customerIds.filter((id) => !this.loadedCustomers.has(id));
    for (const ids of chunks(missing, LOAD_CUSTOMERS)) {
      // a raw SELECT: Prisma's findMany costs several times more per row, and the ids go as one JSON parameter
      const rows = await this.tx.$queryRawUnsafe<InvoiceRow[]>(
        loadInvoicesSql(sqlDialect(this.tx)),
        JSON.stringify(ids),
      );
      for (const inv of rows) this.addInvoice(inv);
      for (const id of ids) this.loadedCustomers.add(id);
    }
  }

  private addInvoice(inv: InvoiceRow): void {
    const key = invoiceKey(inv.customerId, inv.number);
    const list = this.invoices.get(key);
    if (list) list.push(inv);
    else this.invoices.set(key, [inv]);
    const all = this.invoicesOf.get(inv.customerId);
    if (all) all.push(inv);
    else this.invoicesOf.set(inv.customerId, [inv]);
  }

  /** @param laterFiles files of a later kind follow in this import: they must find the new invoices */
  private async importReceivables(
    files: readonly ParsedFile[],
    kind: "scadenzario" | "fatturapa",
    laterFiles: boolean,
  ): Promise<void> {
    const source = kind === "scadenzario" ? (this.opts.source ?? "scadenzario") : "fatturapa";
    // 1. customers, once per distinct customer; resolved[i][j]: the customer of files[i].receivables[j]
    const resolved: Array<Array<CustomerRow | undefined>> = files.map((f) => new Array(f.receivables.length));
    const customerOf = new Map<string, CustomerRow | null>();
    const rejected = files.flatMap((f) => f.rejectedKeys);
    let done = 0;
    const total = files.reduce((n, f) => n + f.receivables.length, 0);
    for (const [i, f] of files.entries()) {
      for (const rec of kind === "fatturapa" ? f.customers : []) {
        customerOf.set(`${f.file}|${rec.code}`, await this.upsertCustomer(f.file, rec, "fill"));
      }
      for (let j = 0; j < f.receivables.length; j++) {
        const r = f.receivables[j]!;
        if (++done % 2000 === 0) this.opts.onProgress?.({ phase: "customers", done, total });
        const key =
          kind === "fatturapa" ? `${f.file}|${r.customer.code}` : `code|${r.customer.code?.toLowerCase()}`;
        let c = customerOf.get(key);
        if (c === undefined) {
          c = await this.upsertCustomer(f.file, r.customer, "fill");
          customerOf.set(key, c);
        } else if (c === null && kind === "scadenzario") {
          this.issue(f.file, r.row, "customerWithoutName", r.customer.code ?? "");
        }
        if (c) resolved[i]![j] = c;
        else rejected.push({ code: r.customer.code, number: r.number });
      }
    }
    this.tally();
    const customers = new Set<CustomerRow>();
    for (const list of resolved) for (const c of list) if (c) customers.add(c);
    await this.loadInvoices([...customers].map((c) => c.id));

    // 2. match each record to an existing invoice (or a new instalment number). The records of one invoice
    // (customer and number) form a group; groups in the order first met, found by customer id then number
    // (cheaper than one map of "customer|number" strings on a large file).
    type Item = { rec: ReceivableRecord; file: string; customer: CustomerRow };
    const groups: Item[][] = [];
    const byCustomer = new Map<number, Map<string, Item[]>>();
    for (const [i, f] of files.entries()) {
      for (let j = 0; j < f.receivables.length; j++) {
        const rec = f.receivables[j]!;
        const customer = resolved[i]![j];
        if (!customer) continue;
        let numbers = byCustomer.get(customer.id);
        if (!numbers) {
          numbers = new Map();
          byCustomer.set(customer.id, numbers);
        }
        const number = rec.number.toLowerCase();
        const item = { rec, file: f.file, customer };
        const g = numbers.get(number);
        if (g) g.push(item);
        else {
          const group = [item];
          numbers.set(number, group);
          groups.push(group);
        }
      }
    }
    byCustomer.clear();
    const seen = new Set<number>();
    const creates: InvoiceRow[] = [];
    done = 0;
    const noInvoices: InvoiceRow[] = [];
    for (const group of groups) {
      const { customer, rec } = group[0]!;
      // a customer without invoices in the database (a new one, most of a first import) needs no look-up
      const existing = this.invoicesOf.has(customer.id)
        ? (this.invoices.get(invoiceKey(customer.id, rec.number)) ?? noInvoices)
        : noInvoices;
      const matched = new Map<(typeof group)[number], InvoiceRow | number>();
      // the existing invoices not matched yet (none for a new invoice number: the common case of a first import)
      const free = new Set(existing);
      for (const item of group) {
        if (item.rec.installment === undefined) continue;
        const inv = existing.find((e) => e.installment === item.rec.installment);
        matched.set(item, inv ?? item.rec.installment);
        if (inv) free.delete(inv);
      }
      const open = group.length === matched.size ? [] : group.filter((g) => !matched.has(g));
      for (const item of free.size > 0 ? open : []) {
        const inv = [...free].find((e) => e.dueDate === item.rec.dueDate);
        if (inv) {
          matched.set(item, inv);
          free.delete(inv);
        }
      }
      const stillOpen = open.filter((g) => !matched.has(g));
      if (stillOpen.length === 1 && free.size === 1 && existing.length === 1) {
        matched.set(stillOpen[0]!, [...free][0]!);
      } else {
        let next = Math.max(
          0,
          ...existing.map((e) => e.installment),
          ...group.map((g) => g.rec.installment ?? 0),
        );
        for (const item of stillOpen.sort((a, b) => (a.rec.dueDate < b.rec.dueDate ? -1 : 1))) {
          next += 1;
          matched.set(item, next);
        }
      }
      // instalments claimed in this group (two records can only claim the same one within their group)
      const claimed = group.length > 1 ? new Map<number, { file: string; row: number }>() : null;
      for (const item of group) {
        if (++done % 2000 === 0) this.opts.onProgress?.({ phase: "invoices", done, total });
        const target = matched.get(item)!;
        const installment = typeof target === "number" ? target : target.installment;
        const first = claimed?.get(installment);
        if (first) {
          const where = first.file === item.file ? String(first.row) : `${first.file}:${first.row}`;
          this.issue(item.file, item.rec.row, "duplicate", where);
          continue;
        }
        claimed?.set(installment, { file: item.file, row: item.rec.row });
        if (typeof target === "number") {
          const openCents = item.rec.openCents ?? item.rec.amountCents;
          creates.push({
            id: 0,
            customerId: item.customer.id,
            number: item.rec.number,
            installment,
            issueDate: item.rec.issueDate,
            dueDate: item.rec.dueDate,
            amountCents: item.rec.amountCents,
            openCents,
            status: openCents > 0 ? "open" : "paid",
            closedOn: openCents > 0 ? null : this.today,
            source,
          });
        } else {
          seen.add(target.id);
          await this.updateInvoice(target, item.rec, kind, source);
        }
      }
    }
    groups.length = 0;
    const before = (await this.tx.invoice.aggregate({ _max: { id: true } }))._max.id ?? 0;
    this.writes.createInvoices(creates);
    this.summary.invoices.created += creates.length;
    // the new rows, so that later files of this import (payments, FatturaPA) find them; not in `seen`:
    // closeMissing looks at the invoices already in the database only, and a provisional id is in none
    if (laterFiles) for (const inv of creates) this.addInvoice(inv);
    creates.length = 0;
    if (kind === "scadenzario") await this.closeMissing(source, seen, rejected, files, before);
  }

  private async updateInvoice(
    inv: InvoiceRow,
    rec: ReceivableRecord,
    kind: "scadenzario" | "fatturapa",
    source: string,
  ): Promise<void> {
    if (inv.status === "written_off" || inv.status === "settled") {
      this.summary.invoices.unchanged += 1;
      return;
    }
    let openCents = inv.openCents;
    if (kind === "scadenzario") openCents = rec.openCents ?? rec.amountCents;
    else if (rec.amountCents !== inv.amountCents) {
      openCents = Math.max(0, rec.amountCents - (inv.amountCents - inv.openCents));
    }
    const next: Partial<InvoiceRow> = {
      issueDate: rec.issueDate,
      dueDate: rec.dueDate,
      amountCents: rec.amountCents,
      openCents,
      source: kind === "scadenzario" ? source : (inv.source ?? source),
    };
    let closing = false;
    if (openCents === 0 && (inv.status === "open" || inv.status === "disputed")) {
      next.status = "paid";
      next.closedOn = this.today;
      closing = true;
    } else if (openCents > 0 && inv.status === "paid") {
      next.status = "open";
      next.closedOn = null;
    }
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(next)) if (inv[k as keyof InvoiceRow] !== v) changes[k] = v;
    if (Object.keys(changes).length === 0) {
      this.summary.invoices.unchanged += 1;
      return;
    }
    const reduced = inv.status !== "paid" ? inv.openCents - openCents : 0;
    this.writes.updateInvoice(inv, changes);
    if (kind === "scadenzario" && reduced > 0)
      await this.recordImpliedPayment(inv.customerId, inv.id, reduced, source);
    Object.assign(inv, changes);
    if (closing) this.summary.invoices.closed += 1;
    else this.summary.invoices.updated += 1;
  }

  /**
   * A newer scadenzario with a lower open amount means the customer paid that much: it is recorded as a
   * payment dated today, so promises are evaluated and the recovery counts even when the accounting
   * software exports no payments file.
   */
  private async recordImpliedPayment(
    customerId: number,
    invoiceId: number,
    cents: number,
    source: string,
  ): Promise<void> {
    this.writes.createPayment({
      customerId,
      invoiceId,
      date: this.today,
      amountCents: cents,
      method: "scadenzario",
      reference: source,
      toAnnounce: true,
    });
    this.summary.payments.recorded += 1;
    this.summary.payments.appliedCents += cents;
    this.paidCustomers.add(customerId);
  }

  /** Open invoices of this source that the new scadenzario no longer lists were paid: close them. */
  private async closeMissing(
    source: string,
    seen: Set<number>,
    rejected: ReadonlyArray<{ code?: string; number?: string }>,
    files: readonly ParsedFile[],
    /** the highest invoice id before this import's new invoices (those are all seen) */
    lastOldId: number,
  ): Promise<void> {
    if (this.opts.keepMissing) return;
    if (rejected.some((r) => !r.code || !r.number)) {
      // a rejected row we cannot identify might be any invoice: closing "missing" ones would be a guess
      this.warn(files[0]!.file, null, "missingSkipped");
      return;
    }
    const protectedKeys = new Set(rejected.map((r) => `${r.code!.toLowerCase()}|${r.number!.toLowerCase()}`));
    // the open invoices of this source that this import did not see (the seen ids go as one JSON parameter)
    const d = sqlDialect(this.tx);
    const candidates = await this.tx.$queryRawUnsafe<
      Array<{ id: number; number: string; customerId: number; openCents: number; status: string }>
    >(
      `SELECT "id", "number", "customerId", "openCents", "status" FROM "Invoice"
       WHERE "source" = ${d.param(1, "text")} AND "status" IN ('open', 'disputed') AND "id" <= ${d.param(2, "integer")}
         AND "id" NOT IN (${d.jsonScalars(3, "integer")}) ORDER BY "id"`,
      source,
      lastOldId,
      JSON.stringify([...seen]),
    );
    const ids = candidates
      .filter((c) => {
        // every customer is indexed (all were loaded, new ones added): code and VAT number as in the database
        const customer = this.byId.get(c.customerId)!;
        const n = c.number.toLowerCase();
        return (
          !protectedKeys.has(`${customer.code.toLowerCase()}|${n}`) &&
          !(customer.vatNumber && protectedKeys.has(`${customer.vatNumber.toLowerCase()}|${n}`))
        );
      })
      .map((c) => c.id);
    const closed = new Set(ids);
    for (const c of candidates) {
      if (closed.has(c.id))
        this.writes.updateInvoice(c, { openCents: 0, status: "paid", closedOn: this.today });
    }
    for (const c of candidates) {
      if (closed.has(c.id) && c.openCents > 0)
        await this.recordImpliedPayment(c.customerId, c.id, c.openCents, source);
    }
    for (const list of this.invoicesOf.values()) {
      for (const inv of list) {
        if (closed.has(inv.id)) Object.assign(inv, { openCents: 0, status: "paid", closedOn: this.today });
      }
    }
    this.summary.invoices.closed += ids.length;
    this.summary.invoices.closedMissing += ids.length;
  }

  private async importPayments(files: readonly ParsedFile[]): Promise<void> {
    const total = files.reduce((n, f) => n + f.payments.length, 0);
    let done = 0;
    // existing payments per customer, as a multiset: the same payment imported again is recognised
    const existing = new Map<number, Map<string, number>>();
    const inFile = new Map<string, number>();
    for (const f of files) {
      for (const p of f.payments) {
        if (++done % 1000 === 0) this.opts.onProgress?.({ phase: "payments", done, total });
        const customer = await this.paymentCustomer(f.file, p);
        if (!customer) continue;
        await this.loadInvoices([customer.id]);
        let targets: InvoiceRow[] = [];
        if (p.invoiceNumber) {
          const list = this.invoices.get(invoiceKey(customer.id, p.invoiceNumber)) ?? [];
          targets = list
            .filter((i) => p.installment === undefined || i.installment === p.installment)
            .sort((a, b) => a.installment - b.installment);
          if (targets.length === 0) {
            this.issue(f.file, p.row, "unknownInvoice", p.invoiceNumber);
            continue;
          }
        }
        if (!existing.has(customer.id)) {
          const rows = await this.tx.payment.findMany({
            where: { customerId: customer.id },
            select: { date: true, amountCents: true, reference: true },
          });
          const counts = new Map<string, number>();
          // with the payments this import already records for the customer (as if written)
          for (const r of [...rows, ...this.writes.paymentsOf(customer.id)]) {
            const k = `${r.date}|${r.amountCents}|${r.reference ?? ""}`;
            counts.set(k, (counts.get(k) ?? 0) + 1);
          }
          existing.set(customer.id, counts);
        }
        const k = `${p.date}|${p.amountCents}|${p.reference ?? ""}`;
        const occurrence = (inFile.get(`${customer.id}|${k}`) ?? 0) + 1;
        inFile.set(`${customer.id}|${k}`, occurrence);
        if (occurrence <= (existing.get(customer.id)?.get(k) ?? 0)) {
          this.summary.payments.duplicates += 1;
          continue;
        }
        await this.applyPayment(f.file, customer, p, targets);
      }
    }
  }

  private async paymentCustomer(file: string, p: PaymentRecord): Promise<CustomerRow | null> {
    if (p.customerCode || p.vatNumber) {
      const c = this.find(
        { code: p.customerCode, vatNumber: p.vatNumber && normalizeVatNumber(p.vatNumber) },
        false,
      );
      if (!c) this.issue(file, p.row, "unknownCustomer", p.customerCode ?? p.vatNumber ?? "");
      return c;
    }
    const found = await this.tx.invoice.findMany({
      where: { number: p.invoiceNumber! },
      select: { customerId: true },
      distinct: ["customerId"],
    });
    // and the invoices this import creates (not in the database yet)
    for (const customerId of this.writes.newInvoiceCustomers(p.invoiceNumber!)) {
      if (!found.some((f) => f.customerId === customerId)) found.push({ customerId });
    }
    if (found.length === 0) {
      this.issue(file, p.row, "unknownInvoice", p.invoiceNumber!);
      return null;
    }
    if (found.length > 1) {
      this.issue(file, p.row, "ambiguousInvoice", p.invoiceNumber!, String(found.length));
      return null;
    }
    const c = [...this.byCode.values()].find((x) => x.id === found[0]!.customerId) ?? null;
    return c;
  }

  /** Reduces the named invoice first, then the customer's oldest open invoices; records the payment. */
  private async applyPayment(
    file: string,
    customer: CustomerRow,
    p: PaymentRecord,
    named: InvoiceRow[],
  ): Promise<void> {
    const others = (this.invoicesOf.get(customer.id) ?? []).filter((inv) => !named.includes(inv));
    others.sort((a, b) => (a.dueDate === b.dueDate ? a.id - b.id : a.dueDate < b.dueDate ? -1 : 1));
    let left = p.amountCents;
    let firstInvoiceId: number | null = named[0]?.id ?? null;
    for (const inv of [...named, ...others]) {
      if (left === 0) break;
      if (inv.openCents <= 0 || (inv.status !== "open" && inv.status !== "disputed")) continue;
      const take = Math.min(left, inv.openCents);
      const before = inv.status;
      left -= take;
      inv.openCents -= take;
      firstInvoiceId ??= inv.id;
      const data: Record<string, unknown> = { openCents: inv.openCents };
      if (inv.openCents === 0) {
        inv.status = "paid";
        inv.closedOn = p.date;
        data.status = "paid";
        data.closedOn = p.date;
        this.summary.invoices.closed += 1;
      } else {
        this.summary.invoices.updated += 1;
      }
      this.writes.updateInvoice({ ...inv, openCents: inv.openCents + take, status: before }, data);
    }
    if (left > 0) this.warn(file, p.row, "overpayment", String(left));
    this.writes.createPayment({
      customerId: customer.id,
      invoiceId: firstInvoiceId,
      date: p.date,
      amountCents: p.amountCents,
      method: p.method ?? null,
      reference: p.reference ?? null,
      toAnnounce: true,
    });
    this.summary.payments.recorded += 1;
    this.summary.payments.appliedCents += p.amountCents - left;
    this.summary.payments.unappliedCents += left;
    this.paidCustomers.add(customer.id);
  }

  /**
   * Promises of the customers who paid, re-evaluated against all their payments since the first promise
   * (those in the database and those this import records), as evaluateCustomerPromises does.
   */
  private async evaluatePromises(): Promise<void> {
    const { promiseToleranceDays } = this.ctx.config.rules;
    for (const customerId of this.paidCustomers) {
      if (customerId < 0) continue; // a customer new in this import has no promises
      const promises = await this.tx.paymentPromise.findMany({
        where: { customerId, status: { not: "cancelled" } },
        include: { interaction: { select: { date: true } } },
      });
      this.summary.promises.evaluated += promises.length;
      if (promises.length === 0) continue;
      const since = promises
        .map((p) => p.interaction?.date ?? dateInZone(p.createdAt, this.ctx.config.timeZone))
        .sort()[0]!;
      const stored = await this.tx.payment.findMany({
        where: { customerId, date: { gte: since } },
        select: { date: true, amountCents: true },
      });
      const planned = this.writes
        .paymentsOf(customerId)
        .map((p) => ({ date: String(p.date), amountCents: Number(p.amountCents) }))
        .filter((p) => p.date >= since);
      const evaluated = allocatePayments(
        promises.map((p) => ({
          id: p.id,
          amountCents: p.amountCents,
          dueDate: p.dueDate,
          status: p.status as PromiseStatus,
        })),
        [...stored, ...planned],
        this.today,
        promiseToleranceDays,
      );
      for (const p of promises) {
        const e = evaluated.get(p.id);
        if (!e || (e.status === p.status && e.paidCents === p.paidCents)) continue;
        const change = { promiseId: p.id, customerId, from: p.status, to: e.status, paidCents: e.paidCents };
        this.writes.updatePromise(p, { status: e.status, paidCents: e.paidCents, evaluatedOn: this.today });
        this.writes.audit({ actor: "system", action: "promise_evaluated", customerId, detail: change });
        if (change.to !== "open") this.summary.promises[change.to] += 1;
      }
    }
  }
}
