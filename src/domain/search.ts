// Customer search as collectors type it: by code, name or VAT number, accents ignored, a typo or two
// forgiven ("rosi" finds ROSSI, "caffe" finds Caffè). Pure: an index is built once from the customers and
// queried many times; 5,000 customers answer in a few milliseconds.

import { normalizeForSearch } from "./text";

export interface SearchableCustomer {
  id: number;
  code: string;
  name: string;
  vatNumber?: string | null;
  city?: string | null;
}

interface Entry {
  customer: SearchableCustomer;
  code: string; // normalized, spaces removed
  /** indexes into the vocabulary */
  words: number[];
  vat: string; // digits only
}

export interface SearchIndex {
  entries: Entry[];
  /** every distinct name word: a query word is compared with each once, not once per customer */
  vocabulary: string[];
  /** query word -> the vocabulary words it matches (people type the same words again and again) */
  memo: Map<string, Map<number, Match>>;
}

const MEMO_SIZE = 500;

export interface SearchHit {
  customer: SearchableCustomer;
  score: number;
  /** how the best token matched: exact code, VAT, exact word, word prefix, typo */
  match: "code" | "vat" | "exact" | "prefix" | "typo";
}

// Company-form words carry no meaning in a query ("rossi srl" should rank ROSSI SPA too).
const STOP_WORDS: ReadonlySet<string> = new Set([
  "srl",
  "srls",
  "spa",
  "sas",
  "snc",
  "sapa",
  "scarl",
  "scrl",
  "di",
  "e",
  "la",
  "il",
  "lo",
  "de",
  "del",
  "della",
  "dei",
  "f",
  "lli",
  "flli",
  "c",
]);

export function buildSearchIndex(customers: readonly SearchableCustomer[]): SearchIndex {
  const vocabulary: string[] = [];
  const ids = new Map<string, number>();
  const entries = customers.map((customer) => {
    const words = normalizeForSearch(customer.name)
      .split(" ")
      .filter(Boolean)
      .map((w) => {
        let id = ids.get(w);
        if (id === undefined) {
          id = vocabulary.push(w) - 1;
          ids.set(w, id);
        }
        return id;
      });
    return {
      customer,
      code: normalizeForSearch(customer.code).replace(/ /g, ""),
      words,
      vat: (customer.vatNumber ?? "").replace(/\D/g, ""),
    };
  });
  return { entries, vocabulary, memo: new Map() };
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau-Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and swaps of
 * two adjacent letters), giving up early: returns max + 1 as soon as the distance must exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  // three rows reused across calls: a search compares a query word with thousands of words, and allocating
  // the rows each time cost more than the comparisons
  if (rowA.length <= b.length) {
    rowA = new Int32Array(2 * (b.length + 1));
    rowB = new Int32Array(2 * (b.length + 1));
    rowC = new Int32Array(2 * (b.length + 1));
  }
  let prevPrev = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[b.length]!;
}

/** Typos forgiven for a query word: none up to 3 letters, 1 up to 6, 2 beyond. */
function allowedTypos(token: string): number {
  if (token.length <= 3) return 0;
  return token.length <= 6 ? 1 : 2;
}

type Match = { score: number; kind: SearchHit["match"] };

// How well a query word matches a name word; null when it does not.
function matchWord(q: string, w: string, typos: number): Match | null {
  if (w === q) return { score: 100, kind: "exact" };
  if (w.startsWith(q)) return { score: 60 + Math.round((30 * q.length) / w.length), kind: "prefix" };
  if (typos === 0) return null;
  const whole = damerauLevenshtein(q, w, typos);
  if (whole <= typos) return { score: 55 - 15 * whole, kind: "typo" };
  // a typo in what is still a prefix: "rosi" -> "ross(ini)". One edit leaves one of the first two letters
  // in place (or swapped), which rules out most words before the distance is computed.
  if (w.length > q.length && (q[0] === w[0] || q[1] === w[1] || q[0] === w[1] || q[1] === w[0])) {
    if (damerauLevenshtein(q, w.slice(0, q.length), 1) <= 1) return { score: 35, kind: "typo" };
  }
  return null;
}

// The vocabulary words a query word matches, memoized per index.
function wordMatchesOf(index: SearchIndex, q: string): Map<number, Match> {
  const cached = index.memo.get(q);
  if (cached) return cached;
  const typos = allowedTypos(q);
  const found = new Map<number, Match>();
  index.vocabulary.forEach((w, id) => {
    const m = matchWord(q, w, typos);
    if (m) found.set(id, m);
  });
  if (index.memo.size >= MEMO_SIZE) index.memo.delete(index.memo.keys().next().value as string);
  index.memo.set(q, found);
  return found;
}

// Best match of one query token against one customer: its code, VAT number and name words.
function matchToken(
  q: string,
  e: Entry,
  wordMatches: ReadonlyMap<number, Match>,
  digits: boolean,
): Match | null {
  let best: Match | null = null;
  const take = (m: Match | null) => {
    if (m && (!best || m.score > best.score)) best = m;
  };
  if (q === e.code) take({ score: 120, kind: "code" });
  else if (q.length >= 2 && e.code.startsWith(q))
    take({ score: 70 + Math.round((30 * q.length) / e.code.length), kind: "code" });
  if (digits && e.vat) {
    if (e.vat === q) take({ score: 120, kind: "vat" });
    else if (e.vat.startsWith(q)) take({ score: 90, kind: "vat" });
    else if (q.length >= 6 && e.vat.includes(q)) take({ score: 60, kind: "vat" });
  }
  for (const w of e.words) take(wordMatches.get(w) ?? null);
  return best;
}

/**
 * Customers matching every word of the query, best first: exact code, exact VAT number, whole words, word
 * prefixes, then words within one or two typos. Ties go to the shorter name, then alphabetical order.
 */
export function searchCustomers(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  const normalized = normalizeForSearch(query);
  if (!normalized) return [];
  const all = normalized.split(" ").filter(Boolean);
  const meaningful = all.filter((t) => !STOP_WORDS.has(t));
  const tokens = meaningful.length > 0 ? meaningful : all;
  const compactQuery = normalized.replace(/ /g, "");
  const wordMatches = tokens.map((t) => wordMatchesOf(index, t));
  const digits = tokens.map((t) => /^\d{4,}$/.test(t));
  // the same for every customer: decided once per query
  const spacedVat = /^(it)?\d{6,}$/.test(compactQuery) ? compactQuery.replace(/^it/, "") : null;
  const hits: SearchHit[] = [];
  for (const e of index.entries) {
    let score = 0;
    let kind: SearchHit["match"] = "exact";
    let bestTokenScore = -1;
    let matchedAll = true;
    for (let i = 0; i < tokens.length; i++) {
      const m = matchToken(tokens[i]!, e, wordMatches[i]!, digits[i]!);
      if (!m) {
        matchedAll = false;
        break;
      }
      score += m.score;
      if (m.score > bestTokenScore) {
        bestTokenScore = m.score;
        kind = m.kind;
      }
    }
    // codes and VAT numbers typed with spaces ("CL 001", "IT 0123 4567 890")
    if (!matchedAll && tokens.length > 1) {
      if (compactQuery === e.code) {
        matchedAll = true;
        score = 120 * tokens.length;
        kind = "code";
      } else if (spacedVat !== null && e.vat && e.vat === spacedVat) {
        matchedAll = true;
        score = 120 * tokens.length;
        kind = "vat";
      }
    }
    if (matchedAll) hits.push({ customer: e.customer, score, match: kind });
  }
  const nameOf = (h: SearchHit) => h.customer.name;
  hits.sort(
    (a, b) => b.score - a.score || nameOf(a).length - nameOf(b).length || nameOf(a).localeCompare(nameOf(b)),
  );
  return hits.slice(0, limit);
}

/**
 * The one customer a query clearly names: an exact code or VAT number, or a single best hit scoring
 * clearly above the next one. Null when the query is ambiguous (the caller lets the user choose).
 */
export function uniqueMatch(hits: readonly SearchHit[]): SearchableCustomer | null {
  const [first, second] = hits;
  if (!first) return null;
  if (!second) return first.score >= 40 ? first.customer : null;
  if (first.score <= second.score) return null;
  const strong = (h: SearchHit) => h.match === "code" || h.match === "vat" || h.match === "exact";
  if (strong(first) && !strong(second)) return first.customer;
  return first.score >= second.score + 30 ? first.customer : null;
}
