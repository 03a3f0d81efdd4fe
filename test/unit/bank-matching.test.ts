import { describe, expect, it } from "vitest";
import {
  attachReturnFees,
  type BankKind,
  invoiceRefsIn,
  type MatchBook,
  type MatchInvoice,
  type MatchMovement,
  matchMovements,
} from "../../src/domain/bank-matching";

const customers = [
  { id: 1, code: "C001", name: "Rossi Forniture SRL", vatNumber: "01234567890" },
  { id: 2, code: "C002", name: "Bianchi Costruzioni SPA", vatNumber: "09876543210" },
  { id: 3, code: "C003", name: "Verdi Impianti SNC", vatNumber: null },
];
let nextId = 1;
const inv = (
  customerId: number,
  number: string,
  openCents: number,
  extra: Partial<MatchInvoice> = {},
): MatchInvoice => ({
  id: nextId++,
  customerId,
  number,
  installment: 1,
  issueDate: "2026-01-10",
  dueDate: "2026-02-10",
  amountCents: openCents,
  openCents,
  status: "open",
  ...extra,
});
const invoices = [
  inv(1, "FT 2026/0168", 122000), // 1
  inv(1, "FT 2026/0169", 50000, { dueDate: "2026-02-28" }), // 2
  inv(2, "2025/168", 80000, { issueDate: "2025-11-30" }), // 3
  inv(3, "FT 2026/0101", 10000), // 4
  inv(3, "FT 2026/0102", 6000), // 5
  inv(3, "FT 2026/0103", 4000), // 6
  inv(2, "FT 2026/0120", 244000, { openCents: 0, status: "paid" }), // 7
];
const book: MatchBook = {
  customers,
  invoices,
  ibans: new Map([["IT45R0760103200000012345678", 3]]),
  promises: [],
};

const mv = (amountCents: number, description: string, extra: Partial<MatchMovement> = {}): MatchMovement => ({
  key: description,
  bookingDate: "2026-03-02",
  amountCents,
  description,
  kind: (amountCents < 0 ? "outgoing" : "credit_transfer") as BankKind,
  ...extra,
});
const one = (m: MatchMovement, b: MatchBook = book) => matchMovements(b, [m])[0]!;

describe("invoice numbers in free text", () => {
  it("reads the usual ways of writing them, several in one line", () => {
    expect(invoiceRefsIn("SALDO FT 2026/0168")).toEqual([{ seq: "168", year: "2026" }]);
    expect(invoiceRefsIn("saldo fatt. 168")).toEqual([{ seq: "168" }]);
    expect(invoiceRefsIn("pagamento n. 168/2026")).toEqual([{ seq: "168", year: "2026" }]);
    expect(invoiceRefsIn("FT 168, 169 e 170")).toEqual([{ seq: "168" }, { seq: "169" }, { seq: "170" }]);
    expect(invoiceRefsIn("fatture 168-169 del 2026")).toEqual([{ seq: "168" }, { seq: "169" }]);
    expect(invoiceRefsIn("Fattura nr 90/2026 e FT 2026/0091")).toEqual([
      { seq: "90", year: "2026" },
      { seq: "91", year: "2026" },
    ]);
    // no trigger word, or a long bank code: not an invoice number
    expect(invoiceRefsIn("BONIFICO 0306926021727001 PAGAMENTO FORNITURE")).toEqual([]);
    expect(invoiceRefsIn("RIF 0306926021727001")).toEqual([]);
  });
});

describe("matching a movement", () => {
  it("an invoice reference of one customer is a clear match, also when it pays less (partial)", () => {
    expect(one(mv(122000, "SALDO FT 2026/0168"))).toMatchObject({
      type: "matched",
      customerId: 1,
      reason: "invoiceReference",
      allocation: [{ invoiceId: 1, cents: 122000 }],
    });
    expect(one(mv(20000, "ACCONTO FT 2026/0169"))).toMatchObject({
      type: "matched",
      customerId: 1,
      reason: "partialPayment",
      allocation: [{ invoiceId: 2, cents: 20000 }],
    });
    expect(
      one(mv(172000, "FT 168 e 169/2026", { counterpartyName: "ROSSI FORNITURE S.R.L." })),
    ).toMatchObject({
      type: "matched",
      customerId: 1,
      by: "name",
      allocation: [
        { invoiceId: 1, cents: 122000 },
        { invoiceId: 2, cents: 50000 },
      ],
    });
  });

  it("the same invoice number for two customers: the amount or the payer decides, else uncertain", () => {
    expect(one(mv(80000, "saldo fatt. 168"))).toMatchObject({ type: "matched", customerId: 2 });
    expect(one(mv(30000, "acconto fatt. 168"))).toMatchObject({ type: "proposed", reason: "twoCustomers" });
    expect((one(mv(30000, "acconto fatt. 168")) as { candidates: unknown[] }).candidates).toHaveLength(2);
    expect(one(mv(30000, "acconto fatt. 168", { counterpartyVat: "09876543210" }))).toMatchObject({
      type: "matched",
      customerId: 2,
      by: "vat",
    });
  });

  it("an amount matching two combinations of the customer's invoices is uncertain; one combination is clear", () => {
    const known = { counterpartyIban: "IT45R0760103200000012345678" };
    const two = one(mv(10000, "PAGAMENTO FORNITURE", known));
    expect(two).toMatchObject({ type: "proposed", reason: "twoCombinations" });
    expect(
      (two as { candidates: Array<{ allocation: unknown[] }> }).candidates.map((c) => c.allocation.length),
    ).toEqual([1, 2]);
    expect(one(mv(16000, "PAGAMENTO", known))).toMatchObject({
      type: "matched",
      reason: "combination",
      by: "iban",
    });
    expect(one(mv(20000, "PAGAMENTO", known))).toMatchObject({ type: "matched", reason: "totalOpen" });
  });

  it("a payment with no reference: proposed on the amount alone, ignored when nothing fits", () => {
    expect(one(mv(6000, "BONIFICO A VOSTRO FAVORE"))).toMatchObject({
      type: "proposed",
      reason: "amountOnly",
      candidates: [{ customerId: 3, allocation: [{ invoiceId: 5, cents: 6000 }] }],
    });
    expect(
      one(mv(77700, "BONIFICO DA GIALLI SERVIZI SRL", { counterpartyName: "GIALLI SERVIZI SRL" })),
    ).toEqual({ type: "ignored", reason: "noCandidate" });
  });

  it("an open promise's amount from a known payer is clear", () => {
    const withPromise = {
      ...book,
      promises: [{ customerId: 1, missingCents: 30000, dueDate: "2026-03-02" }],
    };
    expect(one(mv(30000, "BONIFICO", { counterpartyVat: "01234567890" }), withPromise)).toMatchObject({
      type: "matched",
      reason: "promiseAmount",
      allocation: [{ invoiceId: 1, cents: 30000 }],
    });
    expect(one(mv(30000, "BONIFICO", { counterpartyVat: "01234567890" }))).toMatchObject({
      type: "proposed",
      reason: "customerOnly",
    });
  });

  it("a returned RiBa reopens the invoice it names; outgoing, fees and interest are not customer payments", () => {
    expect(one(mv(-244000, "RIBA INSOLUTA FT 2026/0120", { kind: "riba_returned", feeCents: 850 }))).toEqual({
      type: "returned",
      customerId: 2,
      allocation: [{ invoiceId: 7, cents: 244000 }],
      feeCents: 850,
      reason: "returnedInvoice",
    });
    expect(
      one(mv(-244000, "RIBA INSOLUTA", { kind: "riba_returned", counterpartyVat: "09876543210" })),
    ).toMatchObject({ type: "returned", customerId: 2, allocation: [{ invoiceId: 7 }] });
    expect(one(mv(-244000, "RIBA INSOLUTA", { kind: "riba_returned" }))).toMatchObject({
      type: "proposed",
      reason: "returnedUnknown",
    });
    expect(one(mv(-18500, "FT 45 CANCELLERIA"))).toEqual({ type: "ignored", reason: "outgoing" });
    expect(one(mv(-850, "COMMISSIONI", { kind: "fee" }))).toEqual({ type: "ignored", reason: "fee" });
    expect(one(mv(1200, "INTERESSI CREDITORI", { kind: "other" }))).toEqual({
      type: "ignored",
      reason: "notCustomer",
    });
  });

  it("what one movement pays is no longer open for the next of the same file", () => {
    const [a, b] = matchMovements(book, [
      mv(122000, "SALDO FT 2026/0168"),
      mv(122000, "SALDO FT 2026/0168 bis"),
    ]);
    expect(a).toMatchObject({ type: "matched" });
    expect(b).toMatchObject({ type: "proposed" });
  });

  it("a fee right after a returned RiBa that mentions it is that return's fee", () => {
    const list = [
      mv(-244000, "RIBA INSOLUTA", { kind: "riba_returned" }),
      mv(-850, "COMMISSIONI INSOLUTO RIBA", { kind: "fee" }),
      mv(-300, "CANONE MENSILE", { kind: "fee" }),
    ];
    expect(attachReturnFees(list)).toEqual(new Map([[0, [1]]]));
  });
});
