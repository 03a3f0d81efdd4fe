import { describe, expect, it } from "vitest";
import { buildSearchIndex, damerauLevenshtein, searchCustomers, uniqueMatch } from "../../src/domain/search";

const customers = [
  { id: 1, code: "CL001", name: "ROSSI MARIO SRL", vatNumber: "IT01234567890", city: "Verona" },
  { id: 2, code: "CL002", name: "Rossini Forniture SpA", vatNumber: "09876543210", city: "Padova" },
  { id: 3, code: "CL003", name: "Caffè Né Più Né Meno", vatNumber: "11122233344", city: "Milano" },
  { id: 4, code: "CL004", name: "Bianchi Edilizia snc", vatNumber: "55566677788", city: "Brescia" },
  { id: 5, code: "CL010", name: "Ferramenta Verdi", vatNumber: null, city: "Trento" },
  { id: 6, code: "CL011", name: "Rossi Luigi & Figli", vatNumber: "22233344455", city: "Verona" },
];
const index = buildSearchIndex(customers);
const ids = (q: string, limit?: number) => searchCustomers(index, q, limit).map((h) => h.customer.id);

describe("damerauLevenshtein", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps", () => {
    expect(damerauLevenshtein("rossi", "rossi")).toBe(0);
    expect(damerauLevenshtein("rosi", "rossi")).toBe(1);
    expect(damerauLevenshtein("rsosi", "rossi")).toBe(1);
    expect(damerauLevenshtein("bianco", "bianchi")).toBe(2);
    expect(damerauLevenshtein("", "abc")).toBe(3);
  });
  it("gives up beyond max", () => {
    expect(damerauLevenshtein("ferramenta", "bianchi", 2)).toBe(3);
  });
});

describe("searchCustomers", () => {
  it("finds by exact code first, case-insensitive", () => {
    expect(ids("cl002")).toEqual([2]);
    expect(searchCustomers(index, "CL001")[0]).toMatchObject({ match: "code", customer: { id: 1 } });
  });
  it("finds by code prefix", () => {
    expect(ids("CL01")).toEqual([5, 6]);
  });
  it("finds by VAT number, with or without IT and spaces", () => {
    expect(ids("01234567890")).toEqual([1]);
    expect(ids("IT 0123 4567 890")).toEqual([1]);
    expect(ids("098765")).toEqual([2]);
  });
  it("ignores accents and case", () => {
    expect(ids("caffe ne")).toEqual([3]);
    expect(ids("CAFFÈ")).toEqual([3]);
  });
  it("ranks exact words above prefixes above typos", () => {
    expect(ids("rossi")).toEqual([1, 6, 2]);
    expect(ids("ross")).toEqual([1, 6, 2]);
  });
  it("forgives one typo in short words and two in long ones", () => {
    expect(ids("rosi mario")).toEqual([1]);
    expect(ids("bianhci")).toEqual([4]);
    expect(ids("feramentta")).toEqual([5]);
    expect(ids("xyz")).toEqual([]);
  });
  it("requires every meaningful word to match; company forms are ignored", () => {
    expect(ids("rossi luigi")).toEqual([6]);
    expect(ids("rossi srl")).toEqual([1, 6, 2]);
    expect(ids("rossi verdi")).toEqual([]);
  });
  it("respects the limit", () => {
    expect(ids("rossi", 2)).toEqual([1, 6]);
  });
  it("answers 5,000 customers fast", () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: i + 1,
      code: `C${String(i).padStart(5, "0")}`,
      name: `${["Rossi", "Bianchi", "Verdi", "Esposito", "Ferrari"][i % 5]} ${["Costruzioni", "Trasporti", "Alimentari", "Meccanica"][i % 4]} ${i} srl`,
      vatNumber: String(10_000_000_000 + i * 7919),
    }));
    const big = buildSearchIndex(many);
    // distinct words each time: the memo of query words does not help
    const queries = [
      "bianci trasporto",
      "rosi costruz",
      "verdi alimentare",
      "esposto meccanica",
      "ferari trasporti",
    ];
    const started = performance.now();
    for (const q of queries) searchCustomers(big, q, 100);
    const perQuery = (performance.now() - started) / queries.length;
    expect(searchCustomers(big, "bianci trasporto", 100)).toHaveLength(100);
    expect(searchCustomers(big, "bianci trasporto", 3).map((h) => h.customer.name)).toEqual([
      "Bianchi Trasporti 1 srl",
      "Bianchi Trasporti 21 srl",
      "Bianchi Trasporti 41 srl",
    ]);
    expect(perQuery).toBeLessThan(50);
  });
});

describe("uniqueMatch", () => {
  it("picks an exact code or a clearly best hit, else null", () => {
    expect(uniqueMatch(searchCustomers(index, "CL004"))?.id).toBe(4);
    expect(uniqueMatch(searchCustomers(index, "bianchi"))?.id).toBe(4);
    expect(uniqueMatch(searchCustomers(index, "rossi luigi"))?.id).toBe(6);
    expect(uniqueMatch(searchCustomers(index, "rossi"))).toBeNull();
    expect(uniqueMatch(searchCustomers(index, "nessuno"))).toBeNull();
  });
});
