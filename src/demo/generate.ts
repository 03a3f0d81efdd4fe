// Realistic Italian demo data for Credito: a team, ~48 SME customers across several provinces, their
// invoices, payments, contacts, promises, callbacks, cases and documents, with dates relative to `today`.
// Pure and deterministic: the same `today` and `seed` always give the same data (mulberry32 PRNG).
// The situations are fixed by design (so the demo always shows a broken promise, a refusal, a settlement
// waiting for approval, ...); the seed varies amounts, contact details, phone numbers and minor dates.

import {
  addDays,
  daysBetween,
  endOfMonth,
  type IsoDate,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from "../domain/calendar";
import type { ApprovalKind, CloseReason, OpenCaseStage, Role } from "../domain/cases";
import { promiseStatus } from "../domain/promises";
import { normalizeForSearch } from "../domain/text";
import { taxCodeCheckChar, vatCheckDigit } from "../domain/vat";

export type DemoRole = Role;
export type InteractionChannel = "phone" | "visit" | "email" | "pec" | "letter";
export type InteractionOutcome =
  | "promise"
  | "installments"
  | "dispute"
  | "refusal"
  | "callback"
  | "settlement"
  | "restructuring"
  | "not_reached"
  | "wrong_number"
  | "paid_already"
  | "info";
export type Mood = "calm" | "cooperative" | "evasive" | "annoyed" | "aggressive";
/** the stages the demo seeds */
export type DemoCaseStage = Extract<
  OpenCaseStage,
  "internal" | "credit_hold" | "settlement" | "agency" | "legal"
>;

export interface DemoMember {
  slackUserId: string;
  name: string;
  role: DemoRole;
}

export interface DemoContact {
  name: string;
  role: string;
  phone?: string;
  email?: string;
  decisionMaker: boolean;
  notes?: string;
}

export interface DemoCustomer {
  code: string;
  name: string;
  sector: string;
  vatNumber: string;
  /** for companies the numeric codice fiscale, equal to the VAT number; for a sole trader the personal one */
  taxCode: string;
  address: string;
  postalCode: string;
  city: string;
  province: string;
  region: string;
  phone: string;
  mobile?: string;
  email: string;
  pec?: string;
  creditLimitCents: number;
  paymentTermsDays: 30 | 60 | 90;
  /** "fine mese": the due date moves to the end of the month */
  endOfMonth: boolean;
  paymentTermsLabel: string;
  creditHold: boolean;
  creditHoldSince?: IsoDate;
  preserveRelationship: boolean;
  salespersonSlackId?: string;
  noteApproach?: string;
  noteAttention?: string;
  noteReferencePerson?: string;
  contacts: DemoContact[];
  /** the demo situation this customer illustrates (e.g. "refusal", "settlement", "regular") */
  scenario: string;
}

export type DemoInvoiceStatus = "open" | "paid" | "disputed";

export interface DemoInvoice {
  customerCode: string;
  number: string;
  installment: number;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amountCents: number;
  openCents: number;
  status: DemoInvoiceStatus;
  closedOn?: IsoDate;
}

export interface DemoPayment {
  customerCode: string;
  invoiceNumber?: string;
  date: IsoDate;
  amountCents: number;
  method: string;
  reference: string;
}

export interface DemoInteraction {
  key: string;
  customerCode: string;
  memberSlackId: string;
  channel: InteractionChannel;
  personReached?: string;
  outcome: InteractionOutcome;
  mood?: Mood;
  sincerity?: number;
  notes: string;
  newInfo?: { phone?: string; email?: string; pec?: string; decisionMaker?: string; financialInfo?: string };
  date: IsoDate;
  time: string;
}

export type DemoPromiseStatus = "open" | "kept" | "partial" | "broken";

export interface DemoPromise {
  customerCode: string;
  interactionKey: string;
  amountCents: number;
  dueDate: IsoDate;
  sequence: number;
  status: DemoPromiseStatus;
  paidCents: number;
  evaluatedOn?: IsoDate;
}

export interface DemoCallback {
  customerCode: string;
  interactionKey?: string;
  memberSlackId: string;
  date: IsoDate;
  time: string;
  note: string;
  status: "open" | "done";
}

export interface DemoCase {
  customerCode: string;
  stage: DemoCaseStage;
  assigneeSlackId: string;
  openedOn: IsoDate;
  closedOn?: IsoDate;
  closeReason?: CloseReason;
}

export interface DemoApproval {
  customerCode: string;
  kind: ApprovalKind;
  amountCents: number;
  writeOffCents?: number;
  terms: string;
  requestedBySlackId: string;
  requestedOn: IsoDate;
  status: "pending";
}

export type DemoDocumentKind =
  | "debt_acknowledgment"
  | "settlement_proposal"
  | "restructuring_plan"
  | "installment_plan"
  | "other";

export interface DemoDocument {
  customerCode: string;
  interactionKey?: string;
  kind: DemoDocumentKind;
  date: IsoDate;
  signed: boolean;
  amountCents?: number;
  notes: string;
}

export interface DemoData {
  today: IsoDate;
  seed: number;
  members: DemoMember[];
  customers: DemoCustomer[];
  invoices: DemoInvoice[];
  payments: DemoPayment[];
  interactions: DemoInteraction[];
  promises: DemoPromise[];
  callbacks: DemoCallback[];
  cases: DemoCase[];
  approvals: DemoApproval[];
  documents: DemoDocument[];
}

export interface GenerateOptions {
  today: IsoDate;
  seed?: number;
  /** days after a promised date a payment still counts (CREDITO_PROMISE_TOLERANCE_DAYS, default 2) */
  promiseToleranceDays?: number;
  /** days overdue after which the credit line is suspended (CREDITO_CREDIT_HOLD_DAYS, default 30) */
  creditHoldDays?: number;
}

export const DEFAULT_DEMO_SEED = 20260302;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Static material: team, places, companies, people, notes.

export const DEMO_MEMBERS: readonly DemoMember[] = [
  { slackUserId: "U0ADMIN", name: "Giulia Ferri", role: "admin" },
  { slackUserId: "U0ADMIN2", name: "Luca Moretti", role: "admin" },
  { slackUserId: "U0SALES1", name: "Marco Bellini", role: "sales" },
  { slackUserId: "U0SALES2", name: "Sara Conti", role: "sales" },
  { slackUserId: "U0OWNER", name: "Roberto Galli", role: "owner" },
];

const GIULIA = "U0ADMIN";
const LUCA = "U0ADMIN2";
const MARCO = "U0SALES1";
const SARA = "U0SALES2";
const ROBERTO = "U0OWNER";

interface Place {
  city: string;
  cap: string;
  province: string;
  region: string;
  prefix: string; // landline prefix without the +39
  istat: string; // 3-digit province code: digits 8-10 of a Partita IVA (the VAT office)
  streets: string[];
}

const P = (
  city: string,
  cap: string,
  province: string,
  region: string,
  prefix: string,
  istat: string,
  streets: string[],
): Place => ({ city, cap, province, region, prefix, istat, streets });

// biome-ignore format: a compact table
const PLACES: Record<string, Place> = {
  milano: P("Milano", "20139", "MI", "Lombardia", "02", "015", ["Via Ripamonti", "Viale Monza", "Via Padova"]),
  sesto: P("Sesto San Giovanni", "20099", "MI", "Lombardia", "02", "015", ["Viale Casiraghi", "Via Marelli"]),
  legnano: P("Legnano", "20025", "MI", "Lombardia", "0331", "015", ["Corso Sempione", "Via Novara"]),
  rho: P("Rho", "20017", "MI", "Lombardia", "02", "015", ["Via Magenta", "Corso Europa"]),
  bergamo: P("Bergamo", "24126", "BG", "Lombardia", "035", "016", ["Via Grumello", "Via Zanica", "Via Borgo Palazzo"]),
  treviglio: P("Treviglio", "24047", "BG", "Lombardia", "0363", "016", ["Via Casnida", "Viale Piave"]),
  dalmine: P("Dalmine", "24044", "BG", "Lombardia", "035", "016", ["Via Provinciale", "Viale Betelli"]),
  seriate: P("Seriate", "24068", "BG", "Lombardia", "035", "016", ["Corso Roma", "Via Nazionale"]),
  brescia: P("Brescia", "25125", "BS", "Lombardia", "030", "017", ["Via Orzinuovi", "Via Triumplina", "Via Milano"]),
  rovato: P("Rovato", "25038", "BS", "Lombardia", "030", "017", ["Via Franciacorta", "Via Bonomelli"]),
  desenzano: P("Desenzano del Garda", "25015", "BS", "Lombardia", "030", "017", ["Via Marconi", "Viale Andreis"]),
  lumezzane: P("Lumezzane", "25065", "BS", "Lombardia", "030", "017", ["Via Montini", "Via Monsuello"]),
  verona: P("Verona", "37135", "VR", "Veneto", "045", "023", ["Via Flavio Gioia", "Viale del Lavoro", "Via Torricelli"]),
  sanpietro: P("San Pietro in Cariano", "37029", "VR", "Veneto", "045", "023", ["Via Valpolicella", "Via Ingelheim"]),
  villafranca: P("Villafranca di Verona", "37069", "VR", "Veneto", "045", "023", ["Via Custoza", "Corso Garibaldi"]),
  bussolengo: P("Bussolengo", "37012", "VR", "Veneto", "045", "023", ["Via Verona", "Via De Gasperi"]),
  sanbonifacio: P("San Bonifacio", "37047", "VR", "Veneto", "045", "023", ["Via Fiume", "Viale Trento"]),
  padova: P("Padova", "35127", "PD", "Veneto", "049", "028", ["Corso Stati Uniti", "Via Venezia", "Via Vigonovese"]),
  cittadella: P("Cittadella", "35013", "PD", "Veneto", "049", "028", ["Via Postumia", "Borgo Treviso"]),
  albignasego: P("Albignasego", "35020", "PD", "Veneto", "049", "028", ["Via Roma", "Via Milano"]),
  piove: P("Piove di Sacco", "35028", "PD", "Veneto", "049", "028", ["Via Padova", "Via Garibaldi"]),
  vicenza: P("Vicenza", "36100", "VI", "Veneto", "0444", "024", ["Viale della Scienza", "Strada Padana"]),
  bassano: P("Bassano del Grappa", "36061", "VI", "Veneto", "0424", "024", ["Via Capitelvecchio", "Viale Venezia"]),
  schio: P("Schio", "36015", "VI", "Veneto", "0445", "024", ["Via Lago di Garda", "Via Pasubio"]),
  bologna: P("Bologna", "40138", "BO", "Emilia-Romagna", "051", "037", ["Via Emilia Levante", "Via del Lavoro", "Via Stalingrado"]),
  casalecchio: P("Casalecchio di Reno", "40033", "BO", "Emilia-Romagna", "051", "037", ["Via Porrettana", "Via Marconi"]),
  imola: P("Imola", "40026", "BO", "Emilia-Romagna", "0542", "037", ["Via Selice", "Via Lasie"]),
  torino: P("Torino", "10156", "TO", "Piemonte", "011", "001", ["Corso Giulio Cesare", "Via Reiss Romoli", "Corso Vercelli"]),
  moncalieri: P("Moncalieri", "10024", "TO", "Piemonte", "011", "001", ["Strada Genova", "Corso Savona"]),
  rivoli: P("Rivoli", "10098", "TO", "Piemonte", "011", "001", ["Corso Francia", "Via Pavia"]),
  firenze: P("Firenze", "50127", "FI", "Toscana", "055", "048", ["Via Pratese", "Viale Guidoni", "Via di Novoli"]),
  sesto_f: P("Sesto Fiorentino", "50019", "FI", "Toscana", "055", "048", ["Via Lucchese", "Viale Ariosto"]),
  empoli: P("Empoli", "50053", "FI", "Toscana", "0571", "048", ["Via Piovola", "Via Lucchese"]),
  roma: P("Roma", "00155", "RM", "Lazio", "06", "058", ["Via Tiburtina", "Via Prenestina", "Via Casilina"]),
  guidonia: P("Guidonia Montecelio", "00012", "RM", "Lazio", "0774", "058", ["Via Maremmana Inferiore", "Via Roma"]),
  pomezia: P("Pomezia", "00071", "RM", "Lazio", "06", "058", ["Via Pontina", "Via dei Castelli Romani"]),
  napoli: P("Napoli", "80143", "NA", "Campania", "081", "063", ["Via Argine", "Corso Meridionale", "Via Galileo Ferraris"]),
  casoria: P("Casoria", "80026", "NA", "Campania", "081", "063", ["Via Nazionale delle Puglie", "Via Principe di Piemonte"]),
  pozzuoli: P("Pozzuoli", "80078", "NA", "Campania", "081", "063", ["Via Campana", "Via Domitiana"]),
  nola: P("Nola", "80035", "NA", "Campania", "081", "063", ["Via Feudo", "Via Circumvallazione"]),
  bari: P("Bari", "70132", "BA", "Puglia", "080", "072", ["Viale Lindemann", "Via Napoli", "Via Bruno Buozzi"]),
  altamura: P("Altamura", "70022", "BA", "Puglia", "080", "072", ["Via Santeramo", "Via Gravina"]),
  molfetta: P("Molfetta", "70056", "BA", "Puglia", "080", "072", ["Via dei Portuali", "Via Terlizzi"]),
};

type Profile = "good" | "late1" | "late2" | "late3";

interface CompanySpec {
  name: string;
  sector: string;
  place: keyof typeof PLACES;
  /** sole trader: the owner's name gives the personal codice fiscale */
  owner?: [first: string, last: string, female?: boolean];
  /** the owner of a partnership named after him */
  titolare?: [first: string, last: string];
  scenario?: string;
  preserve?: boolean;
  salesperson?: string;
}

// biome-ignore format: a compact table
const COMPANIES: readonly CompanySpec[] = [
  { name: "Edilbergamo Costruzioni Srl", sector: "edilizia", place: "bergamo" },
  { name: "Ferramenta Rota Giuseppe & C. Snc", titolare: ["Giuseppe", "Rota"], sector: "ferramenta", place: "treviglio", scenario: "promise_today" },
  { name: "Pizzoni Trasporti Srl", sector: "trasporti", place: "dalmine", scenario: "partial" },
  { name: "Panificio Gervasoni di Gervasoni Luca", sector: "alimentari", place: "seriate", owner: ["Luca", "Gervasoni"] },
  { name: "Elettroforniture Orobiche Srl", sector: "materiale elettrico", place: "bergamo" },
  { name: "Arredamenti Bonomi Spa", sector: "arredamento", place: "brescia", preserve: true, salesperson: ROBERTO },
  { name: "Metalcarpenteria Franciacorta Srl", sector: "metalmeccanica", place: "rovato" },
  { name: "Salumificio Zanetti di Zanetti Mario & C. Sas", titolare: ["Mario", "Zanetti"], sector: "alimentari", place: "desenzano", scenario: "stale40" },
  { name: "Idrotermica Lumezzane Srl", sector: "impianti termoidraulici", place: "lumezzane" },
  { name: "Colombo Forniture Edili Srl", sector: "edilizia", place: "sesto", scenario: "hold_needed" },
  { name: "Brambilla Serramenti Snc di Brambilla Paolo & C.", titolare: ["Paolo", "Brambilla"], sector: "serramenti", place: "legnano" },
  { name: "Gastronomia Meneghina Srl", sector: "alimentari", place: "milano", scenario: "kept_cleared" },
  { name: "Logistica Navigli Spa", sector: "trasporti", place: "rho", preserve: true },
  { name: "Studio Arredo Cattaneo di Cattaneo Elisa", sector: "arredamento", place: "milano", owner: ["Elisa", "Cattaneo", true] },
  { name: "Costruzioni Scaligere Srl", sector: "edilizia", place: "verona", scenario: "hold_needed_2" },
  { name: "Cantina Benedetti Snc di Benedetti Luigi & C.", titolare: ["Luigi", "Benedetti"], sector: "vini", place: "sanpietro", preserve: true },
  { name: "Autotrasporti Zenari & Figli Srl", sector: "trasporti", place: "villafranca", scenario: "kept_then_today" },
  { name: "Ferramenta Tommasi di Tommasi Andrea", sector: "ferramenta", place: "bussolengo", owner: ["Andrea", "Tommasi"], scenario: "broken" },
  { name: "Marmi Lessinia Spa", sector: "marmi e graniti", place: "sanbonifacio", preserve: true, scenario: "promise_week_2" },
  { name: "Mobilificio Bertin Srl", sector: "arredamento", place: "cittadella", scenario: "dispute" },
  { name: "Pasticceria Schiavon di Schiavon Franco & C. Snc", titolare: ["Franco", "Schiavon"], sector: "alimentari", place: "padova", scenario: "promise_week" },
  { name: "Termoidraulica Euganea Srl", sector: "impianti termoidraulici", place: "albignasego", scenario: "callback_0930" },
  { name: "Trasporti Piovesi Srl", sector: "trasporti", place: "piove" },
  { name: "Ceramiche Dal Molin Srl", sector: "edilizia", place: "bassano" },
  { name: "Lanificio Pretto di Pretto Giovanni", sector: "tessile", place: "schio", owner: ["Giovanni", "Pretto"], scenario: "stale20" },
  { name: "Berica Ferramenta e Utensili Spa", sector: "ferramenta", place: "vicenza", scenario: "hold_cleared" },
  { name: "Edilizia Felsinea Srl", sector: "edilizia", place: "bologna" },
  { name: "Alimentari Govoni di Govoni Sergio", sector: "alimentari", place: "casalecchio", owner: ["Sergio", "Govoni"] },
  { name: "Imola Trasporti e Logistica Srl", sector: "trasporti", place: "imola" },
  { name: "Falegnameria Righi Snc di Righi Marco & C.", titolare: ["Marco", "Righi"], sector: "arredamento", place: "bologna", preserve: true },
  { name: "Costruzioni Subalpine Srl", sector: "edilizia", place: "torino", scenario: "instalments" },
  { name: "Ferramenta Moncalierese di Gallo Piero & C. Sas", titolare: ["Piero", "Gallo"], sector: "ferramenta", place: "moncalieri" },
  { name: "Arredo Bagno Rivoli Srl", sector: "arredamento", place: "rivoli" },
  { name: "Pastificio Bertolino Spa", sector: "alimentari", place: "torino", preserve: true, salesperson: ROBERTO },
  { name: "Pelletterie Nuti Srl", sector: "pelletteria", place: "sesto_f" },
  { name: "Edil Empolese Snc di Masi e Bartoli", titolare: ["Alessio", "Masi"], sector: "edilizia", place: "empoli", scenario: "callback_1100" },
  { name: "Forno Santini di Santini Lorenzo", sector: "alimentari", place: "firenze", owner: ["Lorenzo", "Santini"], scenario: "never" },
  { name: "Impresa Edile Di Stefano Srl", sector: "edilizia", place: "roma", scenario: "callback_1530" },
  { name: "Tiburtina Trasporti Srl", sector: "trasporti", place: "guidonia", scenario: "agency_ready_broken" },
  { name: "Pomezia Forniture Alimentari Spa", sector: "alimentari", place: "pomezia", scenario: "restructuring" },
  { name: "Arredamenti Proietti di Proietti Fabio & C. Snc", titolare: ["Fabio", "Proietti"], sector: "arredamento", place: "roma" },
  { name: "Caseificio Esposito Srl", titolare: ["Salvatore", "Esposito"], sector: "alimentari", place: "nola", scenario: "settlement" },
  { name: "Edilcampania Costruzioni Srl", sector: "edilizia", place: "casoria", scenario: "refusal" },
  { name: "Ferramenta Flegrea di Russo Gennaro", sector: "ferramenta", place: "pozzuoli", owner: ["Gennaro", "Russo"], scenario: "at_agency" },
  { name: "Trasporti Vesuviani Snc di Ambrosio e Cozzolino", titolare: ["Ciro", "Ambrosio"], sector: "trasporti", place: "napoli", scenario: "agency_ready" },
  { name: "Oleificio Murgia Srl", sector: "alimentari", place: "altamura", scenario: "callback_1700" },
  { name: "Molfetta Surgelati Srl", sector: "alimentari", place: "molfetta" },
  { name: "Arredamenti del Levante Spa", sector: "arredamento", place: "bari", preserve: true },
];

// biome-ignore format: a compact table
const FIRST_M = ["Bruno", "Giorgio", "Stefano", "Alberto", "Franco", "Massimo", "Paolo", "Claudio", "Enrico", "Davide", "Fabio", "Walter", "Gianni", "Renato", "Sergio", "Antonio"];
// biome-ignore format: a compact table
const FIRST_F = ["Paola", "Monica", "Laura", "Silvia", "Cristina", "Federica", "Anna", "Chiara", "Elena", "Barbara", "Roberta", "Daniela"];
// biome-ignore format: a compact table
const LAST = ["Bianchi", "Rossi", "Colombo", "Ferrari", "Galbiati", "Pellegrini", "Marchetti", "Fontana", "Barbieri", "Lombardi", "Mancini", "Testa", "Vitali", "Serra", "Donati", "Fabbri", "Caruso", "De Luca", "Greco", "Santoro", "Martini", "Rinaldi", "Sala", "Villa", "Longo", "Bassi"];

// biome-ignore format: a compact table
const MOBILE_PREFIXES = ["328", "329", "333", "335", "338", "339", "340", "345", "347", "348", "349", "366", "371", "380", "392"];
const PEC_DOMAINS = ["pec.it", "legalmail.it", "arubapec.it", "pec.cgn.it", "postacert.it"];

// Salesperson notes (how to approach, special attention): {tit} = the owner, {amm} = the accounts person.
const APPROACH = [
  "Chiedere del sig. {titLast}, il titolare; mai prima delle 10.",
  "Telefonare in amministrazione e chiedere di {amm}: è lei che prepara i bonifici del venerdì.",
  "Tono cordiale: cliente storico. Meglio passare di persona che telefonare.",
  "Paga sempre ma in ritardo, non insistere a fine mese: chiamare tra il 5 e il 10.",
  "Il titolare non risponde al fisso: usare il cellulare, meglio dopo le 17.",
  "Rispondono volentieri per email; al telefono rimandano sempre al commercialista.",
  "Chiamare il martedì o il giovedì mattina, gli altri giorni il sig. {titLast} è in giro per cantieri.",
  "Persona precisa: presentarsi con l'elenco delle fatture e le date, niente giri di parole.",
  "Prima di chiamare avvisare il commerciale: il titolare si offende se lo sollecita l'amministrazione.",
];
const ATTENTION = [
  "Contesta spesso le consegne: verificare i DDT firmati prima di chiamare.",
  "Cantieri fermi da gennaio, liquidità tirata.",
  "Ha un fornitore concorrente che gli fa 90 giorni: non perdere il cliente.",
  "Chiede sempre lo sconto per pagamento anticipato anche quando paga in ritardo.",
  "Ordini stagionali: il fatturato si concentra in primavera.",
  "Ha cambiato banca da poco, le RiBa sono tornate insolute due volte.",
  "Aspetta gli incassi dalla pubblica amministrazione: paga quando incassa.",
  "Ottimo pagatore fino all'anno scorso, poi ritardi crescenti.",
];

const NOT_REACHED_NOTES = [
  "Squilla a vuoto, lasciato messaggio in segreteria.",
  "Risponde il centralino: il titolare è fuori, lasciato detto di richiamare.",
  "Numero occupato per tutta la mattina, riprovato tre volte.",
  "Segreteria piena, non è stato possibile lasciare un messaggio.",
];
const INFO_NOTES = [
  "Parlato con l'amministrazione: aspettano un incasso importante a fine mese.",
  "La contabile dice che la fattura è in pagamento con il prossimo giro di bonifici, senza una data precisa.",
  "Il titolare riconosce il ritardo, dice che sta sistemando i conti con la banca.",
  "Confermano di aver ricevuto la merce e la fattura; il pagamento dipende dal socio.",
];

// ---------------------------------------------------------------------------------------------------------

class Gen {
  readonly rnd: () => number;
  constructor(seed: number) {
    this.rnd = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.rnd() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rnd() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  /** An invoice total in cents: taxable whole euros plus 22% VAT. Mostly 1.000-15.000, range 300-60.000. */
  invoiceAmount(): number {
    const r = this.rnd();
    let gross: number;
    if (r < 0.08) gross = this.int(300, 999);
    else if (r < 0.9) gross = 1000 + Math.round(14000 * this.rnd() ** 1.7);
    else gross = this.int(15000, 60000);
    const taxable = Math.round(gross / 1.22);
    return taxable * 122; // cents: taxable * 1.22 * 100
  }
  time(fromHour = 9, toHour = 17): string {
    return `${String(this.int(fromHour, toHour)).padStart(2, "0")}:${this.pick(["00", "05", "10", "15", "20", "30", "40", "45", "50"])}`;
  }
}

function slug(name: string): string {
  const words = normalizeForSearch(name)
    .split(" ")
    .filter((w) => !["srl", "snc", "spa", "sas", "di", "e", "c", "del", "dal", "figli", "&"].includes(w));
  return words.slice(0, 2).join("");
}

function pastBusinessDay(d: IsoDate): IsoDate {
  return isBusinessDay(d) ? d : previousBusinessDay(d);
}

function futureBusinessDay(d: IsoDate): IsoDate {
  return isBusinessDay(d) ? d : nextBusinessDay(d);
}

/** A 16-character codice fiscale for a sole trader (surname, name, date of birth, municipality, check). */
function personalTaxCode(g: Gen, first: string, last: string, female: boolean): string {
  const consonants = (s: string) => s.toUpperCase().replace(/[^B-DF-HJ-NP-TV-Z]/g, "");
  const vowels = (s: string) => s.toUpperCase().replace(/[^AEIOU]/g, "");
  const surname = `${consonants(last)}${vowels(last)}XXX`.slice(0, 3);
  const c = consonants(first);
  const name = (c.length >= 4 ? `${c[0]}${c[2]}${c[3]}` : `${c}${vowels(first)}XXX`).slice(0, 3);
  const year = String(g.int(55, 85));
  const month = g.pick(["A", "B", "C", "D", "E", "H", "L", "M", "P", "R", "S", "T"]);
  const day = String(g.int(1, 28) + (female ? 40 : 0)).padStart(2, "0");
  const municipality = `${g.pick(["A", "B", "C", "D", "E", "F", "G", "H", "L", "M"])}${g.digits(3)}`;
  const first15 = `${surname}${name}${year}${month}${day}${municipality}`;
  return first15 + taxCodeCheckChar(first15);
}

function vatNumber(g: Gen, istat: string, used: Set<string>): string {
  for (;;) {
    const first10 = `0${g.digits(6)}${istat}`;
    const vat = first10 + vatCheckDigit(first10);
    if (!used.has(vat)) {
      used.add(vat);
      return vat;
    }
  }
}

function landline(g: Gen, prefix: string): string {
  const rest = 10 - prefix.length; // Italian landline numbers have 9-10 digits in all
  const n = `${g.int(2, 9)}${g.digits(rest - 1)}`;
  const cut = rest === 8 ? 4 : 3;
  return `+39 ${prefix} ${n.slice(0, cut)} ${n.slice(cut)}`;
}

function mobile(g: Gen): string {
  const n = g.digits(7);
  return `+39 ${g.pick(MOBILE_PREFIXES)} ${n.slice(0, 3)} ${n.slice(3)}`;
}

interface Builder {
  g: Gen;
  today: IsoDate;
  tolerance: number;
  data: DemoData;
  seq: number;
}

function termsLabel(days: number, eom: boolean): string {
  return `Bonifico ${days} gg d.f.${eom ? " fine mese" : ""}`;
}

// ---------------------------------------------------------------------------------------------------------

/** Builds the whole demo data set for `today`. */
export function generateDemoData(options: GenerateOptions): DemoData {
  const today = options.today;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const tolerance = options.promiseToleranceDays ?? 2;
  const holdDays = options.creditHoldDays ?? 30;
  const g = new Gen(seed);
  const data: DemoData = {
    today,
    seed,
    members: DEMO_MEMBERS.map((m) => ({ ...m })),
    customers: [],
    invoices: [],
    payments: [],
    interactions: [],
    promises: [],
    callbacks: [],
    cases: [],
    approvals: [],
    documents: [],
  };
  const b: Builder = { g, today, tolerance, data, seq: 0 };

  // Which customers have a PEC: exactly 60%, chosen by the seed.
  const order = COMPANIES.map((_, i) => ({ i, r: g.rnd() })).sort((x, y) => x.r - y.r);
  const withPec = new Set(order.slice(0, Math.round(COMPANIES.length * 0.6)).map((o) => o.i));
  const usedVat = new Set<string>();

  COMPANIES.forEach((spec, index) => {
    const customer = buildCustomer(b, spec, index, withPec.has(index), usedVat);
    data.customers.push(customer);
    history(b, customer);
    const scenario = spec.scenario ?? genericProfile(g);
    customer.scenario = scenario;
    const play = SCENARIOS[scenario];
    if (play) play(b, customer);
    else generic(b, customer, scenario as Profile);
    // invoices not yet due, so every customer has a live account
    const upcoming = scenario === "kept_cleared" || scenario === "hold_cleared" ? 2 : g.int(0, 2);
    for (let k = 0; k < upcoming; k++) notYetDue(b, customer);
  });

  numberInvoices(data);
  finishCustomers(b, holdDays);
  return data;
}

function genericProfile(g: Gen): string {
  return g.pick<Profile>(["good", "good", "good", "late1", "late1", "late1", "late2", "late3"]);
}

function buildCustomer(
  b: Builder,
  spec: CompanySpec,
  index: number,
  pec: boolean,
  usedVat: Set<string>,
): DemoCustomer {
  const { g } = b;
  const place = PLACES[spec.place]!;
  const vat = vatNumber(g, place.istat, usedVat);
  const domain = `${slug(spec.name)}.it`;
  const ownerFemale = spec.owner?.[2] ?? (spec.titolare ? false : g.chance(0.2));
  const named = spec.owner ?? spec.titolare;
  const ownerFirst = named?.[0] ?? (ownerFemale ? g.pick(FIRST_F) : g.pick(FIRST_M));
  const ownerLast = named?.[1] ?? g.pick(LAST);
  const accountsFirst = g.pick(FIRST_F);
  const accountsLast = g.pick(LAST);
  const titolare = `${ownerFirst} ${ownerLast}`;
  const accounts = `${accountsFirst} ${accountsLast}`;
  const ownerMobile = mobile(g);
  const phone = landline(g, place.prefix);
  const contacts: DemoContact[] = [
    { name: titolare, role: "titolare", phone: ownerMobile, decisionMaker: true },
    {
      name: accounts,
      role: "amministrazione",
      phone: `${phone} int. ${g.int(20, 39)}`,
      email: `amministrazione@${domain}`,
      decisionMaker: false,
    },
  ];
  if (g.chance(0.35)) {
    contacts.push({
      name: `${g.pick(FIRST_M)} ${g.pick(LAST)}`,
      role: "responsabile acquisti",
      phone: mobile(g),
      email: `acquisti@${domain}`,
      decisionMaker: false,
      notes: "Fa gli ordini, non decide i pagamenti.",
    });
  }
  const fill = (s: string) =>
    s.replace("{titLast}", ownerLast).replace("{amm}", `${accountsFirst} (${accountsLast})`);
  const days = g.pick([30, 60, 60, 90] as const);
  const eom = !spec.scenario && g.chance(0.4);
  const north = ["Lombardia", "Veneto", "Piemonte"].includes(place.region);
  const honorific = ownerFemale ? "sig.ra" : "sig.";
  return {
    code: `C${String(1001 + index)}`,
    name: spec.name,
    sector: spec.sector,
    vatNumber: vat,
    taxCode: spec.owner ? personalTaxCode(g, spec.owner[0], spec.owner[1], spec.owner[2] ?? false) : vat,
    address: `${g.pick(place.streets)}, ${g.int(2, 180)}`,
    postalCode: place.cap,
    city: place.city,
    province: place.province,
    region: place.region,
    phone,
    mobile: g.chance(0.7) ? ownerMobile : undefined,
    email: `${g.pick(["info", "amministrazione", "ufficio"])}@${domain}`,
    pec: pec ? `${slug(spec.name)}@${g.pick(PEC_DOMAINS)}` : undefined,
    creditLimitCents: 0, // set once the invoices are known
    paymentTermsDays: days,
    endOfMonth: eom,
    paymentTermsLabel: termsLabel(days, eom),
    creditHold: false,
    preserveRelationship: spec.preserve ?? false,
    salespersonSlackId: spec.salesperson ?? (north ? MARCO : SARA),
    noteApproach: fill(g.pick(APPROACH)),
    noteAttention: g.chance(0.75) ? g.pick(ATTENTION) : undefined,
    noteReferencePerson: `${honorific} ${titolare} (titolare); ${accounts} in amministrazione`,
    contacts,
    scenario: "regular",
  };
}

function collectorFor(c: DemoCustomer): string {
  return ["Lombardia", "Veneto", "Piemonte"].includes(c.region) ? GIULIA : LUCA;
}

/** An invoice `daysOverdue` days past due (negative: due in the future), issued `terms` days before. */
function invoice(b: Builder, c: DemoCustomer, daysOverdue: number, amountCents?: number): DemoInvoice {
  const dueDate = addDays(b.today, -daysOverdue);
  let issueDate = addDays(dueDate, -c.paymentTermsDays);
  if (c.endOfMonth) {
    // "fine mese": issued in the month before the end-of-month due date
    issueDate = addDays(endOfMonth(addDays(issueDate, -31)), -b.g.int(0, 20));
  }
  if (issueDate > b.today) issueDate = b.today;
  const amount = amountCents ?? b.g.invoiceAmount();
  const inv: DemoInvoice = {
    customerCode: c.code,
    number: "",
    installment: 1,
    issueDate,
    dueDate: c.endOfMonth ? endOfMonth(addDays(issueDate, c.paymentTermsDays)) : dueDate,
    amountCents: amount,
    openCents: amount,
    status: "open",
  };
  b.data.invoices.push(inv);
  return inv;
}

function notYetDue(b: Builder, c: DemoCustomer): DemoInvoice {
  const inv = invoice(b, c, -b.g.int(3, c.paymentTermsDays - 2));
  if (inv.dueDate <= b.today) inv.dueDate = addDays(b.today, b.g.int(3, 20));
  return inv;
}

/** Pays an invoice (wholly or `amount`) on `date`. */
function pay(b: Builder, inv: DemoInvoice, date: IsoDate, amount = inv.openCents): DemoPayment {
  const { g } = b;
  const method = g.pick(["bonifico", "bonifico", "bonifico", "RiBa", "assegno"]);
  const payment: DemoPayment = {
    customerCode: inv.customerCode,
    invoiceNumber: "", // filled by numberInvoices
    date,
    amountCents: amount,
    method,
    reference:
      method === "bonifico"
        ? `CRO ${g.digits(11)}`
        : method === "RiBa"
          ? `RiBa ${g.digits(6)}`
          : `Assegno n. ${g.digits(10)}`,
  };
  (payment as DemoPayment & { invoice?: DemoInvoice }).invoice = inv;
  inv.openCents -= amount;
  if (inv.openCents === 0) {
    inv.status = "paid";
    inv.closedOn = date;
  }
  b.data.payments.push(payment);
  return payment;
}

/** Pays `amount` on `date` against the customer's open invoices, oldest due date first. */
function payOnAccount(b: Builder, c: DemoCustomer, date: IsoDate, amount: number): void {
  let left = amount;
  const open = b.data.invoices
    .filter((i) => i.customerCode === c.code && i.status === "open" && i.openCents > 0 && i.issueDate <= date)
    .sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : 0));
  for (const inv of open) {
    if (left === 0) break;
    const take = Math.min(left, inv.openCents);
    pay(b, inv, date, take);
    left -= take;
  }
  if (left > 0) throw new Error(`demo: payment of ${amount} for ${c.code} exceeds the open amount`);
}

/** Paid invoices of the past months: the customer's payment behaviour. */
function history(b: Builder, c: DemoCustomer): void {
  const { g } = b;
  const n = g.int(2, 4);
  const lateness = c.preserveRelationship ? [0, 15] : g.chance(0.5) ? [-3, 5] : [10, 45];
  for (let k = 0; k < n; k++) {
    const inv = invoice(b, c, g.int(120, 300));
    const paidOn = pastBusinessDay(addDays(inv.dueDate, g.int(lateness[0]!, lateness[1]!)));
    pay(b, inv, paidOn < b.today ? paidOn : previousBusinessDay(b.today));
  }
}

function interaction(
  b: Builder,
  c: DemoCustomer,
  daysAgo: number,
  fields: Omit<DemoInteraction, "key" | "customerCode" | "date" | "time" | "memberSlackId"> & {
    memberSlackId?: string;
    time?: string;
  },
): DemoInteraction {
  const date = pastBusinessDay(addDays(b.today, -daysAgo));
  const it: DemoInteraction = {
    key: `I${++b.seq}`,
    customerCode: c.code,
    memberSlackId: fields.memberSlackId ?? collectorFor(c),
    date,
    time: fields.time ?? b.g.time(),
    ...withoutUndefined(fields),
  } as DemoInteraction;
  b.data.interactions.push(it);
  return it;
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A promise to pay made in `it`, its status evaluated from the payments made since. */
function promise(
  b: Builder,
  c: DemoCustomer,
  it: DemoInteraction,
  amountCents: number,
  dueDate: IsoDate,
  sequence = 1,
): DemoPromise {
  const p: DemoPromise = {
    customerCode: c.code,
    interactionKey: it.key,
    amountCents,
    dueDate,
    sequence,
    status: "open",
    paidCents: 0,
  };
  b.data.promises.push(p);
  return p;
}

function reached(c: DemoCustomer): string {
  return c.contacts[0]!.name;
}

function accountsPerson(c: DemoCustomer): string {
  return c.contacts[1]!.name;
}

function callback(
  b: Builder,
  c: DemoCustomer,
  it: DemoInteraction | undefined,
  date: IsoDate,
  time: string,
  note: string,
  status: "open" | "done" = "open",
): void {
  b.data.callbacks.push({
    customerCode: c.code,
    interactionKey: it?.key,
    memberSlackId: it?.memberSlackId ?? collectorFor(c),
    date,
    time,
    note,
    status,
  });
}

/** A few contacts (calls, emails, a PEC) on an overdue customer, the last one `lastDaysAgo` days ago. */
function chaseHistory(b: Builder, c: DemoCustomer, oldestOverdue: number, lastDaysAgo: number): void {
  const { g } = b;
  const first = Math.max(lastDaysAgo, oldestOverdue - 3);
  const steps = Math.min(3, Math.max(1, Math.floor((first - lastDaysAgo) / 10) + 1));
  for (let k = 0; k < steps; k++) {
    const daysAgo = steps === 1 ? lastDaysAgo : Math.round(first - ((first - lastDaysAgo) * k) / (steps - 1));
    const overdueThen = oldestOverdue - daysAgo;
    if (overdueThen >= 30 && c.pec && k === steps - 1) {
      interaction(b, c, daysAgo, {
        channel: "pec",
        outcome: "info",
        notes: "Inviata PEC di messa in mora con estratto conto e interessi di mora D.Lgs. 231/2002.",
      });
    } else if (overdueThen < 10 && k === 0) {
      interaction(b, c, daysAgo, {
        channel: "email",
        outcome: "info",
        notes: "Inviato sollecito via email con estratto conto delle fatture scadute.",
      });
    } else if (g.chance(0.5)) {
      interaction(b, c, daysAgo, {
        channel: "phone",
        outcome: "not_reached",
        notes: g.pick(NOT_REACHED_NOTES),
      });
    } else {
      interaction(b, c, daysAgo, {
        channel: "phone",
        outcome: "info",
        personReached: accountsPerson(c),
        mood: g.pick<Mood>(["calm", "cooperative", "evasive"]),
        sincerity: g.int(2, 4),
        notes: g.pick(INFO_NOTES),
      });
    }
  }
}

function generic(b: Builder, c: DemoCustomer, profile: Profile): void {
  const { g } = b;
  if (profile === "good") return;
  const ranges: Record<Exclude<Profile, "good">, [number, number]> = {
    late1: [2, 30],
    late2: [31, 60],
    late3: [61, 90],
  };
  const [lo, hi] = ranges[profile];
  const oldest = g.int(lo, hi);
  const first = invoice(b, c, oldest);
  const more = g.int(0, 2);
  for (let k = 0; k < more; k++) invoice(b, c, g.int(1, oldest));
  // a payment on account ("acconto") on the oldest invoice
  const acconto = Math.floor(first.amountCents / 2 / 100_000) * 100_000;
  if (oldest > 30 && acconto > 0 && g.chance(0.35)) {
    pay(b, first, pastBusinessDay(addDays(b.today, -g.int(3, oldest - 5))), acconto);
  }
  // contact history: never, recent, over 20 days, over 40 days ago
  const r = g.rnd();
  if (oldest < 5 || r < 0.2) return;
  const last = r < 0.55 ? g.int(2, 15) : r < 0.8 ? g.int(21, 35) : g.int(41, 55);
  if (last >= oldest) return;
  chaseHistory(b, c, oldest, last);
}

const SCENARIOS: Record<string, (b: Builder, c: DemoCustomer) => void> = {
  // Promise due today, made after a call 6 days ago.
  promise_today(b, c) {
    const inv = invoice(b, c, 22, 341_600);
    invoice(b, c, 9);
    const it = interaction(b, c, 6, {
      channel: "phone",
      outcome: "promise",
      personReached: reached(c),
      mood: "cooperative",
      sincerity: 4,
      notes:
        "Il titolare si scusa: pagamento della fattura più vecchia con bonifico entro oggi, il resto a fine mese.",
    });
    promise(b, c, it, inv.amountCents, b.today);
  },

  // Promised 5.000 for a week ago, only 2.000 arrived.
  partial(b, c) {
    invoice(b, c, 42, 612_000);
    invoice(b, c, 20, 280_600);
    const it = interaction(b, c, 14, {
      channel: "phone",
      outcome: "promise",
      personReached: reached(c),
      mood: "evasive",
      sincerity: 3,
      notes:
        "Promette 5.000 euro entro la settimana prossima, il resto appena incassa da un cliente in Germania.",
    });
    const due = pastBusinessDay(addDays(b.today, -7));
    promise(b, c, it, 500_000, due);
    payOnAccount(b, c, pastBusinessDay(addDays(b.today, -8)), 200_000);
  },

  // A promise for 6 days ago: nothing arrived. Last contact 12 days ago, then silence.
  broken(b, c) {
    invoice(b, c, 28, 198_200);
    invoice(b, c, 15, 124_440);
    const it = interaction(b, c, 12, {
      channel: "phone",
      outcome: "promise",
      personReached: reached(c),
      mood: "calm",
      sincerity: 3,
      notes: "Dice che paga tutto entro venerdì della settimana prossima con bonifico.",
    });
    promise(b, c, it, 322_640, pastBusinessDay(addDays(b.today, -6)));
  },

  // Promise due in 2 days, made at a visit by the salesperson.
  promise_week(b, c) {
    const inv = invoice(b, c, 17, 253_760);
    const it = interaction(b, c, 5, {
      memberSlackId: c.salespersonSlackId,
      channel: "visit",
      outcome: "promise",
      personReached: reached(c),
      mood: "cooperative",
      sincerity: 4,
      notes: `Passato in negozio: ${reached(c)} paga con assegno, lo prepara per dopodomani.`,
    });
    promise(b, c, it, inv.amountCents, futureBusinessDay(addDays(b.today, 2)));
  },

  // Relationship to preserve: a promise due in 4 days, agreed by the owner.
  promise_week_2(b, c) {
    invoice(b, c, 26, 1_464_000);
    const it = interaction(b, c, 8, {
      memberSlackId: ROBERTO,
      channel: "phone",
      outcome: "promise",
      personReached: reached(c),
      mood: "calm",
      sincerity: 5,
      notes:
        "Sentito dal titolare (Roberto): slittamento dovuto al blocco di una commessa estera, pagano metà giovedì.",
    });
    promise(b, c, it, 732_000, futureBusinessDay(addDays(b.today, 4)));
    c.noteAttention = "Cliente strategico da vent'anni: ogni passo duro va concordato con Roberto.";
  },

  // Not free to talk: callbacks booked for today.
  callback_0930(b, c) {
    callbackToday(
      b,
      c,
      24,
      "09:30",
      "In riunione con il commercialista, richiamare domattina alle 9:30 precise.",
    );
  },
  callback_1100(b, c) {
    callbackToday(
      b,
      c,
      36,
      "11:00",
      "{tit} è in cantiere a Pontedera, dice di richiamare alle 11 sul cellulare.",
    );
  },
  callback_1530(b, c) {
    callbackToday(
      b,
      c,
      13,
      "15:30",
      "Titolare in macchina, non può parlare: richiamare nel pomeriggio alle 15:30.",
    );
  },
  callback_1700(b, c) {
    callbackToday(b, c, 53, "17:00", "Occupati con la campagna olearia; chiedono di richiamare dopo le 17.");
  },

  // Over 30 days overdue and the credit line is still open.
  hold_needed(b, c) {
    invoice(b, c, 34, 875_960);
    invoice(b, c, 4, 219_600);
    interaction(b, c, 12, { channel: "phone", outcome: "not_reached", notes: NOT_REACHED_NOTES[0]! });
  },
  hold_needed_2(b, c) {
    invoice(b, c, 37, 1_198_040);
    invoice(b, c, 7);
  },

  // Was on credit hold; the old invoices were paid this week after a kept promise: the line can be released.
  hold_cleared(b, c) {
    const a = invoice(b, c, 65, 463_600);
    const d = invoice(b, c, 50, 292_800);
    const it = interaction(b, c, 12, {
      channel: "phone",
      outcome: "promise",
      personReached: accountsPerson(c),
      mood: "cooperative",
      sincerity: 4,
      notes: "Confermano il saldo delle due fatture scadute con bonifico unico entro la settimana prossima.",
    });
    const due = pastBusinessDay(addDays(b.today, -3));
    promise(b, c, it, a.amountCents + d.amountCents, due);
    payOnAccount(b, c, pastBusinessDay(addDays(b.today, -4)), a.amountCents + d.amountCents);
    c.creditHold = true;
    c.creditHoldSince = addDays(a.dueDate, 31);
    b.data.cases.push({
      customerCode: c.code,
      stage: "credit_hold",
      assigneeSlackId: collectorFor(c),
      openedOn: addDays(a.dueDate, 1),
      closedOn: pastBusinessDay(addDays(b.today, -4)),
      closeReason: "paid",
    });
  },

  // A promise kept 3 days ago; nothing overdue any more.
  kept_cleared(b, c) {
    const inv = invoice(b, c, 25, 156_160);
    const it = interaction(b, c, 10, {
      channel: "phone",
      outcome: "promise",
      personReached: accountsPerson(c),
      mood: "cooperative",
      sincerity: 5,
      notes: "Fattura sfuggita per un cambio di gestionale; pagano entro tre giorni.",
    });
    const due = pastBusinessDay(addDays(b.today, -3));
    promise(b, c, it, inv.amountCents, due);
    pay(b, inv, due);
    b.data.cases.push({
      customerCode: c.code,
      stage: "internal",
      assigneeSlackId: collectorFor(c),
      openedOn: addDays(inv.dueDate, 1),
      closedOn: due,
      closeReason: "paid",
    });
  },

  // First promise kept a week ago; a second one due today for the newer invoice.
  kept_then_today(b, c) {
    const old = invoice(b, c, 40, 390_400);
    const newer = invoice(b, c, 18, 270_840);
    const first = interaction(b, c, 16, {
      channel: "phone",
      outcome: "promise",
      personReached: reached(c),
      mood: "annoyed",
      sincerity: 3,
      notes:
        "Lamenta che i clienti pagano lui a 120 giorni; promette la fattura vecchia entro la settimana prossima.",
    });
    const due1 = pastBusinessDay(addDays(b.today, -8));
    promise(b, c, first, old.amountCents, due1);
    pay(b, old, pastBusinessDay(addDays(b.today, -9)));
    const second = interaction(b, c, 3, {
      channel: "phone",
      outcome: "promise",
      personReached: reached(c),
      mood: "calm",
      sincerity: 4,
      notes: "Ringraziato per il pagamento; per la seconda fattura promette il bonifico per oggi.",
    });
    promise(b, c, second, newer.amountCents, b.today);
  },

  // An invoice in dispute (damaged goods): chasing stops until it is resolved.
  dispute(b, c) {
    const inv = invoice(b, c, 33, 1_037_000);
    inv.status = "disputed";
    interaction(b, c, 15, {
      channel: "phone",
      outcome: "dispute",
      personReached: reached(c),
      mood: "annoyed",
      sincerity: 4,
      notes:
        "Contestano 6 ante laccate arrivate graffiate (DDT firmato con riserva). Chiedono nota di credito parziale prima di pagare; coinvolto Marco per il sopralluogo.",
    });
    c.noteAttention = "Reclamo aperto sulla fornitura di ante laccate: non sollecitare finché non è chiuso.";
  },

  // Last contact 27 days ago.
  stale20(b, c) {
    invoice(b, c, 44, 486_780);
    invoice(b, c, 30, 158_600);
    chaseHistory(b, c, 44, 27);
  },

  // Last contact 46 days ago: forgotten.
  stale40(b, c) {
    invoice(b, c, 58, 713_700);
    interaction(b, c, 46, {
      channel: "email",
      outcome: "info",
      notes: "Inviato sollecito via email con estratto conto delle fatture scadute.",
    });
  },

  // Overdue and never contacted.
  never(b, c) {
    invoice(b, c, 12, 96_380);
    invoice(b, c, 5, 61_000);
  },

  // An instalment plan of 4: two kept, one due this week, one next month; debt acknowledged in writing.
  instalments(b, c) {
    const inv = invoice(b, c, 95, 3_660_000);
    const it = interaction(b, c, 50, {
      channel: "visit",
      outcome: "installments",
      personReached: reached(c),
      mood: "cooperative",
      sincerity: 4,
      notes:
        "Incontro in sede: riconoscono il debito e propongono 4 rate mensili da 9.150 euro. Firmato piano di rientro e riconoscimento del debito.",
    });
    const dates = [
      pastBusinessDay(addDays(b.today, -35)),
      pastBusinessDay(addDays(b.today, -5)),
      futureBusinessDay(addDays(b.today, 3)),
      futureBusinessDay(addDays(b.today, 33)),
    ];
    dates.forEach((d, k) => {
      promise(b, c, it, 915_000, d, k + 1);
    });
    pay(b, inv, pastBusinessDay(addDays(b.today, -36)), 915_000);
    pay(b, inv, dates[1]!, 915_000);
    for (const kind of ["installment_plan", "debt_acknowledgment"] as const) {
      b.data.documents.push({
        customerCode: c.code,
        interactionKey: it.key,
        kind,
        date: it.date,
        signed: true,
        amountCents: 3_660_000,
        notes:
          kind === "installment_plan"
            ? "Piano di rientro in 4 rate mensili da € 9.150,00, firmato dal legale rappresentante."
            : "Riconoscimento del debito di € 36.600,00 (fattura di fornitura materiali per il cantiere di via Reiss Romoli).",
      });
    }
  },

  // Two months overdue, promise broken 9 days ago: ready for the agency.
  agency_ready_broken(b, c) {
    invoice(b, c, 49, 1_342_000);
    invoice(b, c, 21, 427_000);
    chaseHistory(b, c, 49, 25);
    const it = interaction(b, c, 18, {
      channel: "phone",
      outcome: "promise",
      personReached: reached(c),
      mood: "evasive",
      sincerity: 2,
      notes: "Terza promessa in un mese: dice che il bonifico parte lunedì. Poco credibile.",
    });
    promise(b, c, it, 1_342_000, pastBusinessDay(addDays(b.today, -9)));
  },

  // 58 days overdue, never reachable: ready for the agency.
  agency_ready(b, c) {
    invoice(b, c, 58, 952_820);
    invoice(b, c, 46, 344_040);
    interaction(b, c, 40, { channel: "phone", outcome: "not_reached", notes: NOT_REACHED_NOTES[1]! });
    interaction(b, c, 30, {
      channel: "phone",
      outcome: "wrong_number",
      notes: `Il cellulare di ${reached(c)} risulta inesistente; il fisso squilla a vuoto.`,
    });
    interaction(b, c, 22, { channel: "phone", outcome: "not_reached", notes: NOT_REACHED_NOTES[3]! });
  },

  // Already with the collection agency.
  at_agency(b, c) {
    invoice(b, c, 130, 584_380);
    invoice(b, c, 101, 231_800);
    chaseHistory(b, c, 101, 60);
    interaction(b, c, 25, {
      channel: "pec",
      outcome: "info",
      notes:
        "Comunicato via PEC l'affidamento della pratica all'agenzia di recupero, con estratto conto aggiornato.",
    });
  },

  // Restructuring plan disclosed at a meeting; asks for time.
  restructuring(b, c) {
    invoice(b, c, 67, 2_147_200);
    invoice(b, c, 39, 905_240);
    chaseHistory(b, c, 67, 30);
    const it = interaction(b, c, 6, {
      channel: "visit",
      outcome: "restructuring",
      personReached: reached(c),
      mood: "cooperative",
      sincerity: 4,
      notes:
        "Illustrato il piano di risanamento: cessione del ramo catering e nuova linea di credito con la banca. Chiedono 60 giorni prima di proporre un piano di rientro.",
      newInfo: {
        financialInfo: "Piano di risanamento in corso con advisor; nuova linea bancaria attesa entro aprile.",
      },
    });
    b.data.documents.push({
      customerCode: c.code,
      interactionKey: it.key,
      kind: "restructuring_plan",
      date: it.date,
      signed: false,
      notes: "Sintesi del piano di risanamento (bozza non firmata) consegnata durante la visita.",
    });
  },

  // "Saldo e stralcio" proposed at a visit during the Campania trip, with a signed debt acknowledgment.
  settlement(b, c) {
    const a = invoice(b, c, 110, 854_000);
    const d = invoice(b, c, 80, 612_440);
    const e = invoice(b, c, 52, 373_320);
    const total = a.amountCents + d.amountCents + e.amountCents;
    const earlier = interaction(b, c, 60, {
      channel: "phone",
      outcome: "promise",
      personReached: reached(c),
      mood: "evasive",
      sincerity: 2,
      notes: "Promette un acconto di 5.000 euro entro due settimane.",
    });
    promise(b, c, earlier, 500_000, pastBusinessDay(addDays(b.today, -45)));
    const newMobile = mobile(b.g);
    const visit = interaction(b, c, 3, {
      memberSlackId: LUCA,
      channel: "visit",
      outcome: "settlement",
      personReached: reached(c),
      mood: "cooperative",
      sincerity: 4,
      notes:
        "Visita in caseificio durante il giro in Campania: propone saldo e stralcio, paga il 65% subito con bonifico. Firmato il riconoscimento del debito; lasciato il nuovo cellulare.",
      newInfo: { phone: newMobile, financialInfo: "Ha perso il cliente principale (GDO) a novembre." },
    });
    const offered = Math.round((total * 0.65) / 100) * 100;
    b.data.documents.push(
      {
        customerCode: c.code,
        interactionKey: visit.key,
        kind: "debt_acknowledgment",
        date: visit.date,
        signed: true,
        amountCents: total,
        notes: "Riconoscimento del debito per tre fatture, firmato dal legale rappresentante.",
      },
      {
        customerCode: c.code,
        interactionKey: visit.key,
        kind: "settlement_proposal",
        date: visit.date,
        signed: true,
        amountCents: offered,
        notes: "Proposta di saldo e stralcio: pagamento unico entro 10 giorni dall'accettazione.",
      },
    );
    b.data.approvals.push({
      customerCode: c.code,
      kind: "settlement",
      amountCents: offered,
      writeOffCents: total - offered,
      terms:
        "Saldo e stralcio: bonifico unico entro 10 giorni dall'accettazione, stralcio del residuo e degli interessi.",
      requestedBySlackId: LUCA,
      requestedOn: [nextBusinessDay(visit.date), b.today].sort()[0]!,
      status: "pending",
    });
    c.mobile = newMobile;
  },

  // Total refusal at a visit: ripe for the lawyer.
  refusal(b, c) {
    invoice(b, c, 95, 2_318_000);
    invoice(b, c, 64, 1_067_500);
    chaseHistory(b, c, 95, 35);
    interaction(b, c, 3, {
      memberSlackId: LUCA,
      channel: "visit",
      outcome: "refusal",
      personReached: reached(c),
      mood: "aggressive",
      sincerity: 1,
      notes:
        "Chiusura totale: dice che non pagherà, contesta genericamente la qualità ma non ha mai inviato reclami scritti. Proporre il passaggio al legale.",
    });
  },
};

function callbackToday(b: Builder, c: DemoCustomer, overdue: number, time: string, template: string): void {
  const note = template.replace("{tit}", reached(c));
  invoice(b, c, overdue);
  if (overdue > 20) invoice(b, c, b.g.int(1, overdue - 10));
  if (overdue > 25) chaseHistory(b, c, overdue, 12);
  const it = interaction(b, c, 1, {
    channel: "phone",
    outcome: "callback",
    personReached: reached(c),
    mood: "calm",
    notes: note,
  });
  callback(b, c, it, b.today, time, note);
}

/** Company-wide invoice numbers "2026/0123", sequential by issue date within each year. */
function numberInvoices(data: DemoData): void {
  const sorted = [...data.invoices].sort((x, y) =>
    x.issueDate === y.issueDate
      ? x.customerCode < y.customerCode
        ? -1
        : 1
      : x.issueDate < y.issueDate
        ? -1
        : 1,
  );
  const seqByYear = new Map<string, number>();
  for (const inv of sorted) {
    const year = inv.issueDate.slice(0, 4);
    const n = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, n);
    inv.number = `${year}/${String(n).padStart(4, "0")}`;
  }
  for (const p of data.payments) {
    const withInvoice = p as DemoPayment & { invoice?: DemoInvoice };
    p.invoiceNumber = withInvoice.invoice?.number;
    delete withInvoice.invoice;
  }
}

/** Credit limits, credit hold, promise statuses and the open cases, from the generated ledger. */
function finishCustomers(b: Builder, holdDays: number): void {
  const { data, today, tolerance } = b;
  for (const c of data.customers) {
    const invoices = data.invoices.filter((i) => i.customerCode === c.code);
    const open = invoices.filter((i) => i.status !== "paid" && i.openCents > 0);
    const overdue = open.filter((i) => i.dueDate < today).sort((x, y) => (x.dueDate < y.dueDate ? -1 : 1));
    const chased = overdue.filter((i) => i.status === "open");
    const oldest = chased[0];
    const exposure = open.reduce((s, i) => s + i.openCents, 0);
    const typical = Math.max(...invoices.map((i) => i.amountCents));
    // limit in thousands of euros, from 5.000 to 150.000; a few customers are over it
    const limitEuros = Math.min(
      150,
      Math.max(5, Math.ceil((typical * (1.5 + b.g.rnd() * 2)) / 100_000 / 5) * 5),
    );
    c.creditLimitCents = limitEuros * 100_000;
    if (exposure > c.creditLimitCents && b.g.chance(0.5))
      c.creditLimitCents = Math.ceil(exposure / 500_000) * 500_000;

    const daysOverdue = oldest ? daysBetween(oldest.dueDate, today) : 0;
    const holdNeededButNotApplied = c.scenario === "hold_needed" || c.scenario === "hold_needed_2";
    if (oldest && daysOverdue > holdDays && !holdNeededButNotApplied) {
      c.creditHold = true;
      c.creditHoldSince = addDays(oldest.dueDate, holdDays + 1);
    }

    if (overdue.length > 0) {
      const stage: DemoCaseStage =
        c.scenario === "settlement"
          ? "settlement"
          : c.scenario === "at_agency"
            ? "agency"
            : c.creditHold
              ? "credit_hold"
              : "internal";
      data.cases.push({
        customerCode: c.code,
        stage,
        assigneeSlackId: collectorFor(c),
        openedOn: addDays(overdue[0]!.dueDate, 1),
      });
    }

    // promise statuses from the payments made since each promise (instalments: oldest promise first)
    const promises = data.promises
      .filter((p) => p.customerCode === c.code)
      .sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.sequence - y.sequence));
    if (promises.length === 0) continue;
    const madeOn = (p: DemoPromise) => data.interactions.find((i) => i.key === p.interactionKey)!.date;
    const payments = data.payments
      .filter((p) => p.customerCode === c.code && p.date >= madeOn(promises[0]!))
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
      .map((p) => ({ ...p }));
    let next = 0;
    for (const p of promises) {
      const deadline = addDays(p.dueDate, tolerance);
      let paid = 0;
      let lastDate: IsoDate | undefined;
      while (next < payments.length && paid < p.amountCents && payments[next]!.date <= deadline) {
        const pay = payments[next]!;
        if (pay.date < madeOn(p)) {
          next++;
          continue;
        }
        const take = Math.min(pay.amountCents, p.amountCents - paid);
        paid += take;
        lastDate = pay.date;
        pay.amountCents -= take;
        if (pay.amountCents === 0) next++;
      }
      p.paidCents = paid;
      p.status = promiseStatus(p.amountCents, paid, p.dueDate, today, tolerance);
      if (p.status === "kept") p.evaluatedOn = lastDate;
      else if (p.status !== "open") p.evaluatedOn = addDays(p.dueDate, tolerance + 1);
    }
  }
}
