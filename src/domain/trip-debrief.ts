// The debrief of a "giro di visite": what the trip brought back (money, promises, information) against what
// it cost, the lists a collector analyses the day after, and the next day's actions. Also the short narrative
// written from those facts, and the check that a narrative written by someone else (the AI) invents nothing.
// Pure: the facts come in (src/services/trips/trips.ts loads them), the debrief comes out.

import type { Messages } from "../i18n";
import { formatDateCompact, formatDateShort, type IsoDate, monthIndex } from "./calendar";
import { type Cents, formatEuro, parseEuroAmount } from "./money";
import { normalizeForSearch } from "./text";
import { areaNames } from "./trip-plan";

/** One planned (or unplanned but logged) visit of the trip, with what was logged about it. */
export interface DebriefVisitFacts {
  customerId: number;
  code: string;
  name: string;
  status: "planned" | "visited" | "skipped";
  /** no visit to this customer was logged before the trip */
  firstVisit: boolean;
  overdueCents: Cents;
  /** payments from this customer dated within the trip (start to closing day) */
  collectedCents: Cents;
  /** the customer's PEC address as now known */
  pec: string | null;
  /** the visits logged during the trip for this customer, oldest first (empty when not visited) */
  contacts: {
    interactionId: number;
    date: IsoDate;
    outcome: string;
    personReached: string | null;
    mood: string | null;
    sincerity: number | null;
    notes: string | null;
    newContact: { phone?: string; mobile?: string; email?: string; pec?: string };
  }[];
  /** open promises made during those visits, in date order */
  promises: { amountCents: Cents; dueDate: IsoDate }[];
  /** signed documents received during those visits */
  documents: { kind: string; date: IsoDate; amountCents: Cents | null }[];
  /** the settlement asked during the trip (from its approval request) */
  settlement: { amountCents: Cents | null; writeOffCents: Cents | null; terms: string | null } | null;
}

/** Which trip: the facts name it, and the debrief repeats it. */
export interface TripHeading {
  tripId: number;
  area: string;
  startDate: IsoDate;
  endDate: IsoDate;
  closedOn: IsoDate;
  collector: string;
}

export interface TripFacts extends TripHeading {
  costs: { kind: string; amountCents: Cents; km: number | null }[];
  visits: DebriefVisitFacts[];
}

export type NextActionKind = "call_new_number" | "legal" | "verify_proposal" | "keep_contact";

export interface NextAction {
  kind: NextActionKind;
  customerId: number;
  name: string;
  /** call_new_number: the number; verify_proposal: the proposal kind; keep_contact: the last outcome */
  detail: string;
}

export interface Named {
  customerId: number;
  name: string;
}

export interface TripDebrief extends TripHeading {
  planned: number;
  visited: number;
  collectedCents: Cents;
  promisedCents: Cents;
  costCents: Cents;
  /** per kind, in TRIP_COST_KINDS order, only kinds with costs */
  costsByKind: { kind: string; amountCents: Cents; km: number }[];
  newNumbers: (Named & { number: string; kind: "mobile" | "phone" })[];
  newFaces: (Named & { person: string | null })[];
  financialInfo: (Named & { text: string })[];
  attitudes: (Named & { mood: string | null; sincerity: number | null })[];
  acknowledgments: (Named & { date: IsoDate })[];
  proposals: (Named & {
    kind: "settlement" | "restructuring" | "installments";
    amountCents: Cents | null;
    writeOffCents: Cents | null;
    terms: string | null;
    documents: { kind: string; date: IsoDate }[];
  })[];
  negatives: (Named & { notes: string | null })[];
  promises: (Named & { amountCents: Cents; dueDate: IsoDate; pec: string | null })[];
  notVisited: Named[];
  actions: NextAction[];
}

const COST_ORDER = ["travel", "km", "hotel", "meals", "other"];
const PROPOSAL_DOCS = new Set(["settlement_proposal", "installment_plan", "restructuring_plan"]);

/**
 * The debrief (decided rules):
 * - collected: payments of visited customers dated from the first day of the trip to the closing day;
 *   promised: the open promises made during the trip's visits;
 * - new numbers: phones and mobiles learnt during the visits; faces: visited customers never visited before;
 * - financial situation: the notes of a visit that ended in a restructuring plan or new information, or that
 *   brought a restructuring plan document;
 * - attitude: every visit where mood or sincerity was recorded;
 * - proposals: settlements, restructuring plans and instalment plans, with their signed documents;
 * - negative cases: refusals (the latest outcome of the customer in the trip).
 * Next day's actions: call each new number; pass each negative case to the lawyer; verify each proposal; and
 * keep in contact with every other visited customer.
 */
export function buildDebrief(f: TripFacts): TripDebrief {
  const visited = f.visits.filter((v) => v.contacts.length > 0);
  const d = emptyDebrief(f, visited);
  for (const v of visited) addVisit(d, v);
  return d;
}

type VisitFacts = TripFacts["visits"][number];
type ProposalKind = TripDebrief["proposals"][number]["kind"];

/** The trip's totals and costs, with every list still empty (addVisit fills them) but the visits not made. */
function emptyDebrief(f: TripFacts, visited: readonly VisitFacts[]): TripDebrief {
  return {
    tripId: f.tripId,
    area: f.area,
    startDate: f.startDate,
    endDate: f.endDate,
    closedOn: f.closedOn,
    collector: f.collector,
    planned: f.visits.length,
    visited: visited.length,
    collectedCents: visited.reduce((s, v) => s + v.collectedCents, 0),
    promisedCents: visited.reduce((s, v) => s + v.promises.reduce((t, p) => t + p.amountCents, 0), 0),
    costCents: f.costs.reduce((s, c) => s + c.amountCents, 0),
    costsByKind: COST_ORDER.map((kind) => {
      const rows = f.costs.filter((c) => c.kind === kind);
      return {
        kind,
        amountCents: rows.reduce((s, c) => s + c.amountCents, 0),
        km: rows.reduce((s, c) => s + (c.km ?? 0), 0),
      };
    }).filter((c) => c.amountCents > 0 || c.km > 0),
    newNumbers: [],
    newFaces: [],
    financialInfo: [],
    attitudes: [],
    acknowledgments: [],
    proposals: [],
    negatives: [],
    promises: [],
    notVisited: f.visits
      .filter((v) => v.contacts.length === 0)
      .map((v) => ({ customerId: v.customerId, name: v.name })),
    actions: [],
  };
}

/** What one visited customer adds to the debrief, and the next day's actions for them. */
function addVisit(d: TripDebrief, v: VisitFacts): void {
  const who = { customerId: v.customerId, name: v.name };
  const last = v.contacts[v.contacts.length - 1];
  const numbers = new Map<string, "mobile" | "phone">();
  for (const c of v.contacts) {
    if (c.newContact.mobile) numbers.set(c.newContact.mobile, "mobile");
    if (c.newContact.phone) numbers.set(c.newContact.phone, "phone");
  }
  for (const [number, kind] of numbers) d.newNumbers.push({ ...who, number, kind });
  if (v.firstVisit)
    d.newFaces.push({ ...who, person: v.contacts.map((c) => c.personReached).find(Boolean) ?? null });
  const hasPlanDoc = v.documents.some((doc) => doc.kind === "restructuring_plan");
  const finance = v.contacts
    .filter((c) => c.notes && (c.outcome === "restructuring" || c.outcome === "info" || hasPlanDoc))
    .map((c) => c.notes as string);
  if (finance.length > 0) d.financialInfo.push({ ...who, text: finance.join(" ") });
  for (const c of v.contacts)
    if (c.mood || c.sincerity) d.attitudes.push({ ...who, mood: c.mood, sincerity: c.sincerity });
  for (const doc of v.documents)
    if (doc.kind === "debt_acknowledgment") d.acknowledgments.push({ ...who, date: doc.date });
  const kind = addProposal(d, v);
  if (last?.outcome === "refusal") d.negatives.push({ ...who, notes: last.notes });
  for (const p of v.promises)
    d.promises.push({ ...who, amountCents: p.amountCents, dueDate: p.dueDate, pec: v.pec });

  // the next day's actions
  for (const [number] of numbers) d.actions.push({ kind: "call_new_number", ...who, detail: number });
  const negative = last?.outcome === "refusal";
  if (negative) d.actions.push({ kind: "legal", ...who, detail: "refusal" });
  if (kind && !negative) d.actions.push({ kind: "verify_proposal", ...who, detail: kind });
  if (!negative && !kind && numbers.size === 0)
    d.actions.push({ kind: "keep_contact", ...who, detail: last?.outcome ?? "" });
}

/** The visit's proposal, if any (a settlement, a restructuring plan or instalments), with its documents. */
function addProposal(d: TripDebrief, v: VisitFacts): ProposalKind | null {
  const outcomes = new Set(v.contacts.map((c) => c.outcome));
  const proposalDocs = v.documents
    .filter((doc) => PROPOSAL_DOCS.has(doc.kind))
    .map((doc) => ({ kind: doc.kind, date: doc.date }));
  const kind = outcomes.has("settlement")
    ? "settlement"
    : outcomes.has("restructuring") || v.documents.some((doc) => doc.kind === "restructuring_plan")
      ? "restructuring"
      : outcomes.has("installments")
        ? "installments"
        : proposalDocs.length > 0
          ? "settlement"
          : null;
  if (kind)
    d.proposals.push({
      customerId: v.customerId,
      name: v.name,
      kind,
      amountCents:
        kind === "installments"
          ? v.promises.reduce((s, p) => s + p.amountCents, 0)
          : (v.settlement?.amountCents ?? null),
      writeOffCents: kind === "settlement" ? (v.settlement?.writeOffCents ?? null) : null,
      terms: v.settlement?.terms ?? null,
      documents: proposalDocs,
    });
  return kind;
}

/** "9–10 mar" or "9 mar" */
export function tripDates(d: { startDate: IsoDate; endDate: IsoDate }, locale: "it" | "en"): string {
  if (d.startDate === d.endDate) return formatDateCompact(d.startDate, locale);
  const [a, b] = [formatDateCompact(d.startDate, locale), formatDateCompact(d.endDate, locale)];
  const sameMonth = d.startDate.slice(0, 7) === d.endDate.slice(0, 7);
  return sameMonth ? `${a.split(" ")[0]}–${b}` : `${a} – ${b}`;
}

/** The narrative written from the facts alone: always available, and what the AI falls back to. */
export function deterministicNarrative(d: TripDebrief, t: Messages, locale: "it" | "en"): string {
  const n = t.trip.narrative;
  const euro = (c: Cents) => formatEuro(c, locale);
  const parts = [
    n.opening(
      d.area,
      formatDateShort(d.startDate, locale),
      formatDateShort(d.endDate, locale),
      d.visited,
      d.planned,
    ),
    n.money(euro(d.collectedCents), euro(d.promisedCents), euro(d.costCents)),
  ];
  const gains = [
    d.newNumbers.length > 0 ? n.numbers(d.newNumbers.length) : null,
    d.newFaces.length > 0 ? n.faces(d.newFaces.length) : null,
    d.acknowledgments.length > 0 ? n.acknowledgments(d.acknowledgments.length) : null,
    d.proposals.length > 0 ? n.proposals(d.proposals.length) : null,
  ].filter((x): x is string => x !== null);
  if (gains.length > 0) parts.push(n.gains(gains));
  if (d.negatives.length > 0) parts.push(n.negatives(d.negatives.length));
  if (d.collectedCents === 0 && gains.length > 0) parts.push(n.noMoneyButInfo);
  return parts.join(" ");
}

// ---------------------------------------------------------------------------------------------------------
// Checking a narrative against the records: every amount, date and name in it must come from the facts.

/** Capitalized words that are not names: sentence openers and common words, Italian and English. */
const COMMON = new Set(
  (
    "il lo la i gli le un uno una del della dei degli delle dal dalla da di in nel nella nei nelle su sul sulla " +
    "per con tra fra al alla ai agli alle e ed o ma se che non nessun nessuna nessuno tutti tutte tutto oltre anche " +
    "inoltre infine poi quindi complessivamente durante dopo prima ora oggi domani ieri questo questa questi queste " +
    "sono ha hanno era erano resta restano rimane rimangono sul sui si ci ne come dove quando mentre sebbene pur " +
    "giro visite visita clienti cliente sintesi debrief incassati incassato promessi promesso costi costo spese " +
    "uno due tre quattro cinque sei sette otto nove dieci totale euro pec iva srl spa snc sas sarl ditta " +
    "the a an of in on at by for with and or but not no none all also then finally during after before today " +
    "tomorrow trip visit visits customer customers collected promised costs cost summary one two three four five " +
    "lunedi martedi mercoledi giovedi venerdi sabato domenica monday tuesday wednesday thursday friday saturday sunday " +
    "cdA legale stralcio saldo riconoscimento debito proposta proposte piano rientro risanamento rifiuto"
  )
    .split(/\s+/)
    .map((w) => normalizeForSearch(w)),
);

export interface NarrativeCheck {
  ok: boolean;
  /** what the text states that the records do not: "€ 9.999,00", "15/04", "Bianchi" */
  unverified: string[];
}

/** Everything a narrative may mention: amounts (cents), dates ("MM-DD") and words of names and notes. */
export function debriefVocabulary(d: TripDebrief): {
  amounts: Set<Cents>;
  dates: Set<string>;
  words: Set<string>;
} {
  const amounts = new Set<Cents>([
    d.collectedCents,
    d.promisedCents,
    d.costCents,
    d.collectedCents - d.costCents,
    d.promisedCents - d.costCents,
  ]);
  for (const c of d.costsByKind) amounts.add(c.amountCents);
  for (const p of d.promises) amounts.add(p.amountCents);
  for (const p of d.proposals) {
    if (p.amountCents !== null) amounts.add(p.amountCents);
    if (p.writeOffCents !== null) amounts.add(p.writeOffCents);
  }
  const dates = new Set<string>([d.startDate, d.endDate, d.closedOn].map((x) => x.slice(5)));
  for (const p of d.promises) dates.add(p.dueDate.slice(5));
  for (const a of d.acknowledgments) dates.add(a.date.slice(5));
  for (const p of d.proposals) for (const doc of p.documents) dates.add(doc.date.slice(5));
  const texts: string[] = [d.area, ...areaNames(d.area), d.collector];
  const named = [
    d.newNumbers,
    d.newFaces,
    d.financialInfo,
    d.attitudes,
    d.acknowledgments,
    d.proposals,
    d.negatives,
    d.promises,
    d.notVisited,
  ];
  for (const list of named) for (const x of list as Named[]) texts.push(x.name);
  for (const f of d.newFaces) if (f.person) texts.push(f.person);
  for (const f of d.financialInfo) texts.push(f.text);
  for (const n of d.negatives) if (n.notes) texts.push(n.notes);
  for (const p of d.proposals) if (p.terms) texts.push(p.terms);
  const words = new Set<string>();
  for (const text of texts) for (const w of normalizeForSearch(text).split(" ")) if (w) words.add(w);
  return { amounts, dates, words };
}

/**
 * Finds what a narrative states that the debrief does not hold: euro amounts not among the debrief's
 * amounts, dates (15/3, 15/03/2026, 2026-03-15, "15 marzo") not among its dates, and capitalized words
 * (names) that are neither in the records' names and notes nor common words. Years are not checked.
 */
export function checkNarrative(text: string, d: TripDebrief): NarrativeCheck {
  const vocab = debriefVocabulary(d);
  const unverified: string[] = [];
  let rest = text;
  // amounts: "€ 1.500,00", "€1,500.00", "1.500 euro"
  const amountRe = /€\s?-?\d[\d.,]*\d|€\s?\d|\b\d[\d.,]*\s?(?:euro|eur)\b/gi;
  for (const m of rest.matchAll(amountRe)) {
    const raw = m[0];
    const cents = parseEuroAmount(raw.replace(/euro|eur/i, ""));
    if (cents === null || !vocab.amounts.has(Math.abs(cents))) unverified.push(raw.trim());
  }
  rest = rest.replace(amountRe, " ");
  // dates
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
  for (const m of rest.matchAll(iso)) if (!vocab.dates.has(`${m[2]}-${m[3]}`)) unverified.push(m[0]);
  rest = rest.replace(iso, " ");
  const slash = /\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b/g;
  for (const m of rest.matchAll(slash)) {
    const key = `${String(m[2]).padStart(2, "0")}-${String(m[1]).padStart(2, "0")}`;
    if (!vocab.dates.has(key)) unverified.push(m[0]);
  }
  rest = rest.replace(slash, " ");
  const named = /\b(\d{1,2})\s+([A-Za-zÀ-ÿ]+)\b/g;
  for (const m of rest.matchAll(named)) {
    const month = monthIndex(normalizeForSearch(m[2] ?? ""));
    if (month < 0) continue;
    const key = `${String(month).padStart(2, "0")}-${String(m[1]).padStart(2, "0")}`;
    if (!vocab.dates.has(key)) unverified.push(m[0]);
  }
  // names: capitalized words inside a sentence must come from the records (a sentence's first word is
  // capitalized anyway: it is checked only as part of a name of two or more capitalized words)
  const caps = [...rest.matchAll(/(?<![\p{L}\p{N}'’])\p{Lu}[\p{L}\p{N}]*/gu)];
  for (const [i, m] of caps.entries()) {
    const at = m.index ?? 0;
    const before = rest.slice(0, at).trimEnd();
    const sentenceStart = before === "" || /[.!?:;\n•(\-–—"«]$/.test(before);
    const next = caps[i + 1];
    const startsName = next !== undefined && rest.slice(at + m[0].length, next.index).trim() === "";
    if (sentenceStart && !startsName) continue;
    const word = normalizeForSearch(m[0]);
    if (!word || COMMON.has(word) || vocab.words.has(word) || monthIndex(word) > 0) continue;
    unverified.push(m[0]);
  }
  return { ok: unverified.length === 0, unverified };
}
