// Planning a "giro di visite": which customers are in the area, in which order they are worth visiting,
// and on which day of the trip. Pure: today, the candidates and the business days are passed in.

import { addDays, type IsoDate, isBusinessDay, isIsoDate } from "./calendar";
import type { CustomerNote } from "./customer-note";
import type { Cents } from "./money";
import { normalizeForSearch } from "./text";

/** Italian provinces: code -> [name, region]. Used to read an area typed as codes, names or regions. */
const PROVINCES: Readonly<Record<string, readonly [string, string]>> = {
  TO: ["Torino", "Piemonte"],
  VC: ["Vercelli", "Piemonte"],
  NO: ["Novara", "Piemonte"],
  CN: ["Cuneo", "Piemonte"],
  AT: ["Asti", "Piemonte"],
  AL: ["Alessandria", "Piemonte"],
  BI: ["Biella", "Piemonte"],
  VB: ["Verbano-Cusio-Ossola", "Piemonte"],
  AO: ["Aosta", "Valle d'Aosta"],
  VA: ["Varese", "Lombardia"],
  CO: ["Como", "Lombardia"],
  SO: ["Sondrio", "Lombardia"],
  MI: ["Milano", "Lombardia"],
  BG: ["Bergamo", "Lombardia"],
  BS: ["Brescia", "Lombardia"],
  PV: ["Pavia", "Lombardia"],
  CR: ["Cremona", "Lombardia"],
  MN: ["Mantova", "Lombardia"],
  LC: ["Lecco", "Lombardia"],
  LO: ["Lodi", "Lombardia"],
  MB: ["Monza e della Brianza", "Lombardia"],
  BZ: ["Bolzano", "Trentino-Alto Adige"],
  TN: ["Trento", "Trentino-Alto Adige"],
  VR: ["Verona", "Veneto"],
  VI: ["Vicenza", "Veneto"],
  BL: ["Belluno", "Veneto"],
  TV: ["Treviso", "Veneto"],
  VE: ["Venezia", "Veneto"],
  PD: ["Padova", "Veneto"],
  RO: ["Rovigo", "Veneto"],
  UD: ["Udine", "Friuli-Venezia Giulia"],
  GO: ["Gorizia", "Friuli-Venezia Giulia"],
  TS: ["Trieste", "Friuli-Venezia Giulia"],
  PN: ["Pordenone", "Friuli-Venezia Giulia"],
  IM: ["Imperia", "Liguria"],
  SV: ["Savona", "Liguria"],
  GE: ["Genova", "Liguria"],
  SP: ["La Spezia", "Liguria"],
  PC: ["Piacenza", "Emilia-Romagna"],
  PR: ["Parma", "Emilia-Romagna"],
  RE: ["Reggio Emilia", "Emilia-Romagna"],
  MO: ["Modena", "Emilia-Romagna"],
  BO: ["Bologna", "Emilia-Romagna"],
  FE: ["Ferrara", "Emilia-Romagna"],
  RA: ["Ravenna", "Emilia-Romagna"],
  FC: ["Forlì-Cesena", "Emilia-Romagna"],
  RN: ["Rimini", "Emilia-Romagna"],
  MS: ["Massa-Carrara", "Toscana"],
  LU: ["Lucca", "Toscana"],
  PT: ["Pistoia", "Toscana"],
  FI: ["Firenze", "Toscana"],
  LI: ["Livorno", "Toscana"],
  PI: ["Pisa", "Toscana"],
  AR: ["Arezzo", "Toscana"],
  SI: ["Siena", "Toscana"],
  GR: ["Grosseto", "Toscana"],
  PO: ["Prato", "Toscana"],
  PG: ["Perugia", "Umbria"],
  TR: ["Terni", "Umbria"],
  PU: ["Pesaro e Urbino", "Marche"],
  AN: ["Ancona", "Marche"],
  MC: ["Macerata", "Marche"],
  AP: ["Ascoli Piceno", "Marche"],
  FM: ["Fermo", "Marche"],
  VT: ["Viterbo", "Lazio"],
  RI: ["Rieti", "Lazio"],
  RM: ["Roma", "Lazio"],
  LT: ["Latina", "Lazio"],
  FR: ["Frosinone", "Lazio"],
  AQ: ["L'Aquila", "Abruzzo"],
  TE: ["Teramo", "Abruzzo"],
  PE: ["Pescara", "Abruzzo"],
  CH: ["Chieti", "Abruzzo"],
  CB: ["Campobasso", "Molise"],
  IS: ["Isernia", "Molise"],
  CE: ["Caserta", "Campania"],
  BN: ["Benevento", "Campania"],
  NA: ["Napoli", "Campania"],
  AV: ["Avellino", "Campania"],
  SA: ["Salerno", "Campania"],
  FG: ["Foggia", "Puglia"],
  BA: ["Bari", "Puglia"],
  TA: ["Taranto", "Puglia"],
  BR: ["Brindisi", "Puglia"],
  LE: ["Lecce", "Puglia"],
  BT: ["Barletta-Andria-Trani", "Puglia"],
  PZ: ["Potenza", "Basilicata"],
  MT: ["Matera", "Basilicata"],
  CS: ["Cosenza", "Calabria"],
  CZ: ["Catanzaro", "Calabria"],
  RC: ["Reggio Calabria", "Calabria"],
  KR: ["Crotone", "Calabria"],
  VV: ["Vibo Valentia", "Calabria"],
  TP: ["Trapani", "Sicilia"],
  PA: ["Palermo", "Sicilia"],
  ME: ["Messina", "Sicilia"],
  AG: ["Agrigento", "Sicilia"],
  CL: ["Caltanissetta", "Sicilia"],
  EN: ["Enna", "Sicilia"],
  CT: ["Catania", "Sicilia"],
  RG: ["Ragusa", "Sicilia"],
  SR: ["Siracusa", "Sicilia"],
  SS: ["Sassari", "Sardegna"],
  NU: ["Nuoro", "Sardegna"],
  CA: ["Cagliari", "Sardegna"],
  OR: ["Oristano", "Sardegna"],
  SU: ["Sud Sardegna", "Sardegna"],
};

const BY_NAME = new Map<string, string>();
const BY_REGION = new Map<string, string[]>();
for (const [code, [name, region]] of Object.entries(PROVINCES)) {
  BY_NAME.set(normalizeForSearch(name), code);
  const key = normalizeForSearch(region);
  BY_REGION.set(key, [...(BY_REGION.get(key) ?? []), code]);
}

/** An area as typed ("VR, VI, PD", "Verona, Legnago", "Campania"), read as provinces and cities. */
export interface TripArea {
  /** province codes (upper case) */
  provinces: string[];
  /** normalized city names (normalizeForSearch) */
  cities: string[];
  /** the terms as the user typed them, trimmed, for display */
  terms: string[];
}

/**
 * Reads an area: terms separated by commas, semicolons or slashes; a run of two-letter codes may also be
 * separated by spaces ("VR VI PD"). A term is a province code, a province name (its chief town counts as a
 * city too), a region (all its provinces) or else a city name.
 */
export function parseArea(text: string): TripArea {
  const provinces = new Set<string>();
  const cities = new Set<string>();
  const terms: string[] = [];
  const raw = text
    .split(/[,;/\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const chunk of raw) {
    const words = chunk.split(/\s+/);
    const allCodes = words.length > 1 && words.every((w) => PROVINCES[w.toUpperCase()] && w.length === 2);
    for (const term of allCodes ? words : [chunk]) {
      terms.push(term);
      const code = term.toUpperCase();
      const key = normalizeForSearch(term);
      if (term.length === 2 && PROVINCES[code]) provinces.add(code);
      else if (BY_REGION.has(key)) for (const c of BY_REGION.get(key) ?? []) provinces.add(c);
      else if (BY_NAME.has(key)) {
        provinces.add(BY_NAME.get(key) as string);
        cities.add(key);
      } else if (key) cities.add(key);
    }
  }
  return { provinces: [...provinces], cities: [...cities], terms };
}

/** The names of the provinces (and their regions) an area names by code: "VR, VI" -> Verona, Veneto, Vicenza. */
export function areaNames(text: string): string[] {
  const names = new Set<string>();
  for (const code of parseArea(text).provinces) {
    const p = PROVINCES[code];
    if (p) {
      names.add(p[0]);
      names.add(p[1]);
    }
  }
  return [...names];
}

/** Whether a customer's address is in the area (by province code, or by city name). */
export function inArea(area: TripArea, customer: { city: string | null; province: string | null }): boolean {
  if (customer.province && area.provinces.includes(customer.province.trim().toUpperCase())) return true;
  return !!customer.city && area.cities.includes(normalizeForSearch(customer.city));
}

/** A customer who could be visited: what is at stake and what the collector needs at the door. */
export interface TripCandidate {
  customerId: number;
  code: string;
  name: string;
  address: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  phone: string | null;
  mobile: string | null;
  note: CustomerNote;
  overdueCents: Cents;
  daysOverdue: number;
  brokenPromises: number;
  /** date of the last visit (an Interaction with channel "visit"), null when never met */
  lastVisit: IsoDate | null;
}

export interface RankedCandidate extends TripCandidate {
  score: number;
  neverMet: boolean;
}

/**
 * Ranking (decided): what is at stake in euros, weighted up by age, broken promises and never having met
 * the debtor:
 *   score = overdue € × (1 + min(days overdue, 360) / 90) × (1 + 0.5 × min(broken promises, 4)) × (2 if never met)
 * An invoice 90 days late weighs twice one just due; two broken promises double the weight; a debtor nobody
 * has met yet counts double, since a visit turns a voice on the phone into a face. Ties: larger overdue,
 * then name. Only customers with something overdue are candidates.
 */
export function tripScore(c: TripCandidate): number {
  const age = 1 + Math.min(Math.max(c.daysOverdue, 0), 360) / 90;
  const broken = 1 + 0.5 * Math.min(Math.max(c.brokenPromises, 0), 4);
  const met = c.lastVisit === null ? 2 : 1;
  return Math.round((c.overdueCents / 100) * age * broken * met * 100) / 100;
}

const collator = new Intl.Collator("it", { sensitivity: "base" });

export function rankTripCandidates(candidates: readonly TripCandidate[]): RankedCandidate[] {
  return candidates
    .filter((c) => c.overdueCents > 0)
    .map((c) => ({ ...c, score: tripScore(c), neverMet: c.lastVisit === null }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.overdueCents - a.overdueCents ||
        collator.compare(a.name, b.name) ||
        a.customerId - b.customerId,
    );
}

/** Visits proposed per business day of the trip. */
export const VISITS_PER_DAY = 5;
/** The most visits one trip can hold (the plan message stays within Slack's 50 blocks). */
export const MAX_TRIP_VISITS = 30;
/** The longest trip, in calendar days. */
export const MAX_TRIP_DAYS = 14;
/** Slack: a static select shows at most 100 options. */
export const MAX_TRIP_OPTIONS = 100;

/** The business days from start to end, both included (a trip over a weekend keeps only the working days). */
export function tripBusinessDays(start: IsoDate, end: IsoDate, holidays: readonly string[] = []): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = start; d <= end && days.length <= MAX_TRIP_DAYS; d = addDays(d, 1))
    if (isBusinessDay(d, holidays)) days.push(d);
  return days;
}

/** How many customers to preselect: VISITS_PER_DAY per business day, within MAX_TRIP_VISITS. */
export function proposalSize(businessDays: number, available: number): number {
  return Math.min(Math.max(businessDays, 1) * VISITS_PER_DAY, MAX_TRIP_VISITS, available);
}

/**
 * Gives each chosen visit a day: customers of the same city stay together (cities in the order their best
 * customer was ranked), the days are filled in order with an even share each.
 */
export function scheduleVisits<T extends { city: string | null; province: string | null }>(
  chosen: readonly T[],
  days: readonly IsoDate[],
): { item: T; plannedDate: IsoDate | null }[] {
  const groups = new Map<string, T[]>();
  for (const c of chosen) {
    const key = `${(c.province ?? "").toUpperCase()}|${normalizeForSearch(c.city ?? "")}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const ordered = [...groups.values()].flat();
  if (days.length === 0) return ordered.map((item) => ({ item, plannedDate: null }));
  const perDay = Math.ceil(ordered.length / days.length);
  return ordered.map((item, i) => ({
    item,
    plannedDate: days[Math.min(Math.floor(i / perDay), days.length - 1)] ?? null,
  }));
}

export type TripPlanError =
  | "startRequired"
  | "endRequired"
  | "startPast"
  | "endBeforeStart"
  | "tooLong"
  | "noBusinessDay"
  | "areaRequired";

/** Checks the dates and area of a planned trip; one error per field (start, end, area). */
export function validateTripPlan(
  input: { start?: string; end?: string; area?: string },
  today: IsoDate,
  holidays: readonly string[] = [],
):
  | { ok: true; start: IsoDate; end: IsoDate; area: TripArea }
  | { ok: false; errors: Partial<Record<"start" | "end" | "area", TripPlanError>> } {
  const errors: Partial<Record<"start" | "end" | "area", TripPlanError>> = {};
  const start = input.start?.trim() ?? "";
  const end = input.end?.trim() || start;
  if (!start || !isIsoDate(start)) errors.start = "startRequired";
  else if (start < today) errors.start = "startPast";
  if (!end || !isIsoDate(end)) errors.end = "endRequired";
  else if (start && isIsoDate(start) && end < start) errors.end = "endBeforeStart";
  else if (start && isIsoDate(start) && end > addDays(start, MAX_TRIP_DAYS - 1)) errors.end = "tooLong";
  else if (start && isIsoDate(start) && tripBusinessDays(start, end, holidays).length === 0)
    errors.end = "noBusinessDay";
  const area = parseArea(input.area ?? "");
  if (area.provinces.length === 0 && area.cities.length === 0) errors.area = "areaRequired";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, start, end, area };
}
