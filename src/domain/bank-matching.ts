// Bank movements -> who paid what. Pure: the open invoices, the customers, the IBANs learnt and the open
// promises are passed in; each movement gets one outcome:
// - matched: clear enough to record at once (an invoice reference of one customer, or an identified customer
//   whose open invoices add up to the amount in exactly one way, or an open promise's amount);
// - proposed: a candidate exists but a person must decide (amount only, two combinations, two customers);
// - ignored: not a customer payment (outgoing, fees, interest) or nothing to go on;
// - returned: a RiBa or SDD returned unpaid, with the invoice it reopens.

import type { IsoDate } from "./calendar";
import { buildSearchIndex, type SearchIndex, searchCustomers, uniqueMatch } from "./search";
import { normalizeForSearch } from "./text";

export type BankKind =
  | "credit_transfer"
  | "riba_collected"
  | "riba_returned"
  | "sdd_collected"
  | "sdd_returned"
  | "fee"
  | "outgoing"
  | "other";

export interface MatchMovement {
  key: string;
  bookingDate: IsoDate;
  valueDate?: IsoDate;
  amountCents: number;
  description: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  counterpartyVat?: string;
  kind: BankKind;
  feeCents?: number;
}

export interface MatchCustomer {
  id: number;
  code: string;
  name: string;
  vatNumber?: string | null;
}

export interface MatchInvoice {
  id: number;
  customerId: number;
  number: string;
  installment: number;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountCents: number;
  openCents: number;
  /** open | paid | disputed (paid ones are given so that a returned RiBa finds the invoice it reopens) */
  status: string;
}

export interface MatchPromise {
  customerId: number;
  /** still missing: amount - paid */
  missingCents: number;
  dueDate: IsoDate;
}

export interface Allocation {
  invoiceId: number;
  cents: number;
}

export type MatchReason =
  | "invoiceReference" // the causale names the invoices
  | "partialPayment" // names them, pays less
  | "singleAmount" // identified customer, one open invoice of that amount
  | "combination" // identified customer, one set of open invoices adding up
  | "promiseAmount" // identified customer, the amount of an open promise or instalment
  | "totalOpen" // identified customer, everything open
  | "twoCombinations"
  | "twoCustomers" // the same invoice number for more customers
  | "amountOnly" // no customer identified, some invoice has that amount
  | "customerOnly" // customer identified, the amount matches nothing
  | "alreadyPaid" // the causale names invoices that are paid already
  | "notRecorded" // clear, but the payments import refused it (the invoice changed meanwhile)
  | "noCandidate"
  | "outgoing"
  | "fee"
  | "notCustomer"
  | "returnedInvoice"
  | "returnedUnknown";

export interface Candidate {
  customerId: number;
  allocation: Allocation[];
  reason: MatchReason;
}

export type MatchOutcome =
  | { type: "matched"; customerId: number; allocation: Allocation[]; reason: MatchReason; by: Identification }
  | { type: "proposed"; candidates: Candidate[]; reason: MatchReason }
  | { type: "ignored"; reason: MatchReason }
  | {
      type: "returned";
      customerId: number;
      allocation: Allocation[];
      feeCents: number;
      reason: MatchReason;
    };

/** How the customer was recognised. */
export type Identification = "iban" | "vat" | "name" | "invoice";

export interface MatchBook {
  customers: readonly MatchCustomer[];
  invoices: readonly MatchInvoice[];
  ibans: ReadonlyMap<string, number>;
  promises: readonly MatchPromise[];
}

export interface MatchOptions {
  /** most open invoices of one customer tried in the combination search */
  maxCombinationInvoices?: number;
  /** steps of the combination search before it gives up (then: uncertain) */
  maxCombinationSteps?: number;
  /** most candidates kept in a proposal */
  maxCandidates?: number;
}

// ---- invoice numbers in free text -------------------------------------------------------------------

/** "FT-2026/0168" -> { seq: "168", year: "2026" }; "168/2026" alike; "A/123" -> { seq: "123" }. */
export function invoiceNumberKey(number: string): { seq: string; year?: string } | null {
  const groups = number.match(/\d+/g);
  if (!groups) return null;
  const years = groups.filter((g) => /^(19|20)\d{2}$/.test(g));
  const year = groups.length > 1 ? years[0] : undefined;
  const rest = year ? groups.filter((g, i) => !(g === year && groups.indexOf(year) === i)) : groups;
  const seq = rest.at(-1);
  if (!seq) return null;
  return { seq: String(Number(seq)), year };
}

const TRIGGER = `(?:ft|fatt(?:ura|ure)?|fat|fattura n|doc(?:umento)?|n|nr|num(?:ero)?|rif(?:erimento)?|invoice|inv)`;
const NUMBER = String.raw`(?:\d{1,6}(?:[/-]\d{2,6})?(?![\d]))`;
const REF_LIST = new RegExp(
  String.raw`\b${TRIGGER}\b[.:°º-]?\s*(?:n[.°º]?\s*)?(${NUMBER}(?:\s*(?:,|;|\be\b|\+|&|-|\s)\s*${NUMBER})*)`,
  "gi",
);

/** Invoice references written in a causale: "FT 2026/0168", "fatt. 168", "n. 168/2026", "FT 168, 169 e 170". */
export function invoiceRefsIn(text: string): Array<{ seq: string; year?: string }> {
  const out: Array<{ seq: string; year?: string }> = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(REF_LIST)) {
    for (const token of m[1]!.split(/\s*(?:,|;|\be\b|\+|&|\s)\s*/i)) {
      // "168-169" is two invoices; "2026-168" and "168-2026" are one with its year
      const parts = token.split("-").filter(Boolean);
      const withYear = parts.length === 2 && parts.some((p) => /^(19|20)\d{2}$/.test(p));
      for (const t of withYear ? [token] : parts) {
        const k = invoiceNumberKey(t);
        // a bare 4-digit year ("saldo 2026") is not an invoice number (long codes, CRO and TRN, never match NUMBER)
        if (!k || (!k.year && /^(19|20)\d{2}$/.test(t))) continue;
        const id = `${k.seq}|${k.year ?? ""}`;
        if (!seen.has(id)) {
          seen.add(id);
          out.push(k);
        }
      }
    }
  }
  return out;
}

// ---- the matcher ------------------------------------------------------------------------------------

const STOP = new Set(["srl", "srls", "spa", "sas", "snc", "sapa", "scarl", "scrl", "s", "r", "l", "p", "a"]);

function nameKey(name: string): string {
  return normalizeForSearch(name)
    .split(" ")
    .filter((w) => w && !STOP.has(w))
    .join(" ");
}

export class BankMatcher {
  private readonly byId = new Map<number, MatchCustomer>();
  private readonly byVat = new Map<string, number>();
  private readonly byName = new Map<string, number | null>(); // null: two customers with that name
  private readonly bySeq = new Map<string, MatchInvoice[]>();
  private readonly openOf = new Map<number, MatchInvoice[]>();
  private readonly openByAmount = new Map<number, MatchInvoice[]>();
  private readonly promisesOf = new Map<number, MatchPromise[]>();
  private readonly nameMemo = new Map<string, number | null>();
  /** every word of every customer's name: a bank name with none of them is nobody's, without a search */
  private readonly nameWords = new Set<string>();
  private index: SearchIndex | null = null;
  /** cents already taken from each invoice by earlier movements of the same run */
  private readonly taken = new Map<number, number>();
  private readonly opts: Required<MatchOptions>;

  constructor(
    private readonly book: MatchBook,
    opts: MatchOptions = {},
  ) {
    this.opts = {
      maxCombinationInvoices: opts.maxCombinationInvoices ?? 24,
      maxCombinationSteps: opts.maxCombinationSteps ?? 20_000,
      maxCandidates: opts.maxCandidates ?? 5,
    };
    for (const c of book.customers) {
      this.byId.set(c.id, c);
      if (c.vatNumber) this.byVat.set(c.vatNumber.replace(/^IT/i, ""), c.id);
      const k = nameKey(c.name);
      for (const w of k.split(" ")) if (w && !/^\d+$/.test(w)) this.nameWords.add(w);
      if (k) this.byName.set(k, this.byName.has(k) && this.byName.get(k) !== c.id ? null : c.id);
    }
    for (const inv of book.invoices) {
      const k = invoiceNumberKey(inv.number);
      if (k) {
        const list = this.bySeq.get(k.seq);
        if (list) list.push(inv);
        else this.bySeq.set(k.seq, [inv]);
      }
      if (this.isOpen(inv)) {
        const list = this.openOf.get(inv.customerId);
        if (list) list.push(inv);
        else this.openOf.set(inv.customerId, [inv]);
        const same = this.openByAmount.get(inv.openCents);
        if (same) same.push(inv);
        else this.openByAmount.set(inv.openCents, [inv]);
      }
    }
    for (const list of this.openOf.values()) list.sort(byDue);
    for (const p of book.promises) {
      if (p.missingCents <= 0) continue;
      const list = this.promisesOf.get(p.customerId);
      if (list) list.push(p);
      else this.promisesOf.set(p.customerId, [p]);
    }
  }

  private isOpen(inv: MatchInvoice): boolean {
    return (inv.status === "open" || inv.status === "disputed") && inv.openCents > 0;
  }

  private openLeft(inv: MatchInvoice): number {
    return this.isOpen(inv) ? inv.openCents - (this.taken.get(inv.id) ?? 0) : 0;
  }

  /** Records what a matched movement took, so the next movement of the same file sees what is left. */
  private take(allocation: readonly Allocation[]): void {
    for (const a of allocation) this.taken.set(a.invoiceId, (this.taken.get(a.invoiceId) ?? 0) + a.cents);
  }

  /** The customer a movement comes from, by known IBAN, VAT number, then name. */
  identify(m: MatchMovement): { customerId: number; by: Identification } | null {
    const iban = m.counterpartyIban?.replace(/\s/g, "").toUpperCase();
    const fromIban = iban ? this.book.ibans.get(iban) : undefined;
    if (fromIban !== undefined && this.byId.has(fromIban)) return { customerId: fromIban, by: "iban" };
    const vat = m.counterpartyVat?.replace(/^IT/i, "");
    const fromVat = vat ? this.byVat.get(vat) : undefined;
    if (fromVat !== undefined) return { customerId: fromVat, by: "vat" };
    if (m.counterpartyName) {
      const id = this.customerByName(m.counterpartyName);
      if (id !== null) return { customerId: id, by: "name" };
    }
    return null;
  }

  private customerByName(name: string): number | null {
    const k = nameKey(name);
    if (!k) return null;
    const exact = this.byName.get(k);
    if (exact !== undefined) return exact;
    const memo = this.nameMemo.get(k);
    if (memo !== undefined) return memo;
    if (!k.split(" ").some((w) => this.nameWords.has(w))) {
      this.nameMemo.set(k, null);
      return null;
    }
    this.index ??= buildSearchIndex(this.book.customers);
    const hit = uniqueMatch(searchCustomers(this.index, name, 3));
    // a typo-level hit on a bank's truncated name is not enough to record money: only exact words
    const id = hit && nameKey(hit.name).startsWith(k.split(" ")[0] ?? "") ? hit.id : null;
    this.nameMemo.set(k, id);
    return id;
  }

  match(m: MatchMovement): MatchOutcome {
    if (m.kind === "riba_returned" || m.kind === "sdd_returned") return this.matchReturn(m);
    if (m.kind === "fee") return { type: "ignored", reason: "fee" };
    if (m.kind === "outgoing" || m.amountCents < 0) return { type: "ignored", reason: "outgoing" };
    if (m.kind === "other" || m.amountCents === 0) return { type: "ignored", reason: "notCustomer" };
    const outcome = this.matchCredit(m);
    if (outcome.type === "matched") this.take(outcome.allocation);
    return outcome;
  }

  private referenced(m: MatchMovement, statusOk: (inv: MatchInvoice) => boolean): MatchInvoice[] {
    const refs = invoiceRefsIn(m.description);
    const out: MatchInvoice[] = [];
    for (const r of refs) {
      for (const inv of this.bySeq.get(r.seq) ?? []) {
        if (!statusOk(inv) || inv.issueDate > m.bookingDate) continue;
        const k = invoiceNumberKey(inv.number);
        const year = k?.year ?? inv.issueDate.slice(0, 4);
        if (r.year && r.year !== year && r.year.slice(-2) !== year.slice(-2)) continue;
        if (!out.includes(inv)) out.push(inv);
      }
    }
    return out;
  }

  private matchCredit(m: MatchMovement): MatchOutcome {
    const who = this.identify(m);
    const refs = this.referenced(m, (inv) => this.openLeft(inv) > 0);
    if (refs.length > 0) {
      const byCustomer = groupBy(refs, (i) => i.customerId);
      let customerIds = [...byCustomer.keys()];
      if (who && byCustomer.has(who.customerId)) customerIds = [who.customerId];
      if (customerIds.length > 1) {
        // the same number for more customers: the amount may tell which one
        const exact = customerIds.filter(
          (id) => sum(byCustomer.get(id)!, (i) => this.openLeft(i)) === m.amountCents,
        );
        if (exact.length === 1) customerIds = exact;
      }
      if (customerIds.length === 1) {
        const id = customerIds[0]!;
        const allocation = this.allocate(byCustomer.get(id)!, m.amountCents);
        const covered = sum(allocation, (a) => a.cents);
        const reason =
          covered < sum(byCustomer.get(id)!, (i) => this.openLeft(i)) ? "partialPayment" : "invoiceReference";
        return {
          type: "matched",
          customerId: id,
          allocation,
          reason,
          by: who?.customerId === id ? who.by : "invoice",
        };
      }
      return {
        type: "proposed",
        reason: "twoCustomers",
        candidates: customerIds.slice(0, this.opts.maxCandidates).map((id) => ({
          customerId: id,
          allocation: this.allocate(byCustomer.get(id)!, m.amountCents),
          reason: "invoiceReference",
        })),
      };
    }
    const paidRefs = this.referenced(m, (inv) => inv.status === "paid" || this.isOpen(inv));
    const payers = [...new Set(paidRefs.map((i) => i.customerId))].filter(
      (id) => !who || id === who.customerId,
    );
    if (paidRefs.length > 0 && payers.length > 0) {
      // paid twice, or paid after the scadenzario closed it: a person looks at it
      return {
        type: "proposed",
        reason: "alreadyPaid",
        candidates: payers.slice(0, this.opts.maxCandidates).map((id) => ({
          customerId: id,
          allocation: this.allocate(this.openOf.get(id) ?? [], m.amountCents),
          reason: "alreadyPaid",
        })),
      };
    }
    if (who) return this.matchKnownCustomer(m, who);
    // nobody identified and no reference: the amount alone is only a hint
    const same = (this.openByAmount.get(m.amountCents) ?? []).filter(
      (i) => this.openLeft(i) === m.amountCents,
    );
    if (same.length === 0) return { type: "ignored", reason: "noCandidate" };
    const day = m.valueDate ?? m.bookingDate;
    same.sort(
      (a, b) =>
        Math.abs(dayNumber(a.dueDate) - dayNumber(day)) - Math.abs(dayNumber(b.dueDate) - dayNumber(day)),
    );
    return {
      type: "proposed",
      reason: "amountOnly",
      candidates: same.slice(0, this.opts.maxCandidates).map((inv) => ({
        customerId: inv.customerId,
        allocation: [{ invoiceId: inv.id, cents: m.amountCents }],
        reason: "singleAmount",
      })),
    };
  }

  private matchKnownCustomer(
    m: MatchMovement,
    who: { customerId: number; by: Identification },
  ): MatchOutcome {
    const id = who.customerId;
    const open = (this.openOf.get(id) ?? []).filter(
      (i) => this.openLeft(i) > 0 && i.issueDate <= m.bookingDate,
    );
    const total = sum(open, (i) => this.openLeft(i));
    if (open.length > 0 && total === m.amountCents) {
      return {
        type: "matched",
        customerId: id,
        allocation: this.allocate(open, m.amountCents),
        reason: "totalOpen",
        by: who.by,
      };
    }
    const combos = this.combinations(open, m.amountCents);
    if (combos.unique) {
      const set = combos.sets[0]!;
      return {
        type: "matched",
        customerId: id,
        allocation: this.allocate(set, m.amountCents),
        reason: set.length === 1 ? "singleAmount" : "combination",
        by: who.by,
      };
    }
    const promise = (this.promisesOf.get(id) ?? []).find((p) => p.missingCents === m.amountCents);
    if (promise) {
      return {
        type: "matched",
        customerId: id,
        allocation: this.allocate(open, m.amountCents),
        reason: "promiseAmount",
        by: who.by,
      };
    }
    if (combos.sets.length > 0) {
      return {
        type: "proposed",
        reason: "twoCombinations",
        candidates: combos.sets.slice(0, this.opts.maxCandidates).map((set) => ({
          customerId: id,
          allocation: this.allocate(set, m.amountCents),
          reason: "combination",
        })),
      };
    }
    // a known payer, an amount that matches nothing: on account, oldest first, if the admin agrees
    return {
      type: "proposed",
      reason: "customerOnly",
      candidates: [
        { customerId: id, allocation: this.allocate(open, m.amountCents), reason: "customerOnly" },
      ],
    };
  }

  /** Oldest first, each invoice up to what is left on it; what exceeds them all stays unallocated (on account). */
  private allocate(invoices: readonly MatchInvoice[], cents: number): Allocation[] {
    const out: Allocation[] = [];
    let left = cents;
    for (const inv of [...invoices].sort(byDue)) {
      if (left <= 0) break;
      const take = Math.min(left, this.openLeft(inv));
      if (take <= 0) continue;
      out.push({ invoiceId: inv.id, cents: take });
      left -= take;
    }
    return out;
  }

  /**
   * Sets of open invoices adding up to the amount exactly; stops at two (two is already "uncertain") or when the
   * step budget is spent (then the answer counts as uncertain too: two fake sets are not returned, one found is).
   */
  private combinations(
    open: readonly MatchInvoice[],
    cents: number,
  ): { sets: MatchInvoice[][]; unique: boolean } {
    const items = open
      .slice(0, this.opts.maxCombinationInvoices)
      .filter((i) => this.openLeft(i) <= cents)
      .sort((a, b) => this.openLeft(b) - this.openLeft(a));
    const values = items.map((i) => this.openLeft(i));
    const suffix: number[] = new Array(values.length + 1).fill(0);
    for (let i = values.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + values[i]!;
    const found: MatchInvoice[][] = [];
    let steps = 0;
    let exhausted = false;
    const chosen: number[] = [];
    const walk = (start: number, left: number): void => {
      if (found.length >= 2 || exhausted) return;
      if (left === 0) {
        found.push(chosen.map((i) => items[i]!));
        return;
      }
      for (let i = start; i < values.length; i++) {
        if (++steps > this.opts.maxCombinationSteps) {
          exhausted = true;
          return;
        }
        if (suffix[i]! < left) return; // the rest cannot reach the amount
        if (values[i]! > left) continue;
        chosen.push(i);
        walk(i + 1, left - values[i]!);
        chosen.pop();
        if (found.length >= 2 || exhausted) return;
      }
    };
    walk(0, cents);
    return { sets: found, unique: found.length === 1 && !exhausted };
  }

  private matchReturn(m: MatchMovement): MatchOutcome {
    const cents = Math.abs(m.amountCents);
    const fee = m.feeCents ?? 0;
    const who = this.identify(m);
    // the returned invoice was paid (RiBa "salvo buon fine") or is still open: both can be named
    let refs = this.referenced(m, (inv) => inv.status === "paid" || this.isOpen(inv));
    if (who) refs = refs.filter((i) => i.customerId === who.customerId);
    const customers = [...new Set(refs.map((i) => i.customerId))];
    if (refs.length > 0 && customers.length === 1) {
      return {
        type: "returned",
        customerId: customers[0]!,
        allocation: this.reopen(refs, cents),
        feeCents: fee,
        reason: "returnedInvoice",
      };
    }
    if (refs.length === 0 && who) {
      // no reference: the customer's paid invoice of that amount, the latest due
      const same = this.book.invoices
        .filter((i) => i.customerId === who.customerId && i.amountCents === cents && i.status === "paid")
        .sort((a, b) => (a.dueDate < b.dueDate ? 1 : -1));
      if (same.length === 1 || (same.length > 1 && same[0]!.dueDate !== same[1]!.dueDate)) {
        return {
          type: "returned",
          customerId: who.customerId,
          allocation: this.reopen([same[0]!], cents),
          feeCents: fee,
          reason: "returnedInvoice",
        };
      }
      return {
        type: "returned",
        customerId: who.customerId,
        allocation: [],
        feeCents: fee,
        reason: "returnedUnknown",
      };
    }
    const candidates = (refs.length > 0 ? customers : []).slice(0, this.opts.maxCandidates).map((id) => ({
      customerId: id,
      allocation: this.reopen(
        refs.filter((i) => i.customerId === id),
        cents,
      ),
      reason: "returnedInvoice" as const,
    }));
    return {
      type: "proposed",
      reason: candidates.length > 1 ? "twoCustomers" : "returnedUnknown",
      candidates,
    };
  }

  /** What a return puts back on each invoice: up to what was paid of it, in order. */
  private reopen(invoices: readonly MatchInvoice[], cents: number): Allocation[] {
    const out: Allocation[] = [];
    let left = cents;
    for (const inv of invoices) {
      if (left <= 0) break;
      const back = Math.min(left, inv.amountCents - inv.openCents);
      if (back <= 0) continue;
      out.push({ invoiceId: inv.id, cents: back });
      left -= back;
    }
    return out;
  }
}

/** Matches every movement in order (what a movement takes is no longer open for the next). */
export function matchMovements(
  book: MatchBook,
  movements: readonly MatchMovement[],
  opts?: MatchOptions,
): MatchOutcome[] {
  const matcher = new BankMatcher(book, opts);
  return movements.map((m) => matcher.match(m));
}

/**
 * Fees of a returned RiBa often come as their own debit right after it ("COMMISSIONI INSOLUTO"): such a fee
 * movement is attached to the return before it. Returns, for each return's index, the fee movements' indexes.
 */
export function attachReturnFees(movements: readonly MatchMovement[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let lastReturn = -1;
  movements.forEach((m, i) => {
    if (m.kind === "riba_returned" || m.kind === "sdd_returned") lastReturn = i;
    else if (
      m.kind === "fee" &&
      lastReturn >= 0 &&
      /insolut|richiam|impagat|storn|return/i.test(m.description)
    ) {
      out.set(lastReturn, [...(out.get(lastReturn) ?? []), i]);
    } else if (m.kind !== "fee") lastReturn = -1;
  });
  return out;
}

function byDue(a: MatchInvoice, b: MatchInvoice): number {
  return a.dueDate === b.dueDate ? a.id - b.id : a.dueDate < b.dueDate ? -1 : 1;
}

function sum<T>(items: readonly T[], f: (t: T) => number): number {
  let s = 0;
  for (const i of items) s += f(i);
  return s;
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

function dayNumber(d: IsoDate): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
}
