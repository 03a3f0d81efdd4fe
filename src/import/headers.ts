// Column recognition: the usual Italian headers of accounting exports (and their variants), plus `--map`.

import { normalizeForSearch } from "../domain/text";
import type { Cell } from "./fields";
import { cellText } from "./fields";
import type { ImportKind } from "./types";

export type Field =
  | "code"
  | "name"
  | "vatNumber"
  | "taxCode"
  | "number"
  | "installment"
  | "issueDate"
  | "dueDate"
  | "amount"
  | "open"
  | "date"
  | "method"
  | "reference"
  | "address"
  | "postalCode"
  | "city"
  | "province"
  | "phone"
  | "mobile"
  | "email"
  | "pec"
  | "creditLimit"
  | "paymentTerms"
  | "salesperson"
  | "noteApproach"
  | "noteAttention"
  | "noteReferencePerson"
  | "preserveRelationship"
  // issue 13: how far the team had got before Credito
  | "reminderLevel"
  | "lastReminderOn"
  | "lastContactOn"
  | "chasingNote";

/** Names accepted on the right of `--map "colonna=campo"` (besides the field names themselves). */
export const FIELD_ALIASES: Record<Field, string[]> = {
  code: ["codice", "codice_cliente", "customer_code"],
  name: ["ragione_sociale", "cliente", "customer"],
  vatNumber: ["piva", "partita_iva", "vat"],
  taxCode: ["cf", "codice_fiscale", "tax_code"],
  number: ["numero", "fattura", "documento", "invoice"],
  installment: ["rata"],
  issueDate: ["data_documento", "data_fattura", "issue_date"],
  dueDate: ["scadenza", "data_scadenza", "due_date"],
  amount: ["importo", "totale"],
  open: ["residuo", "da_pagare", "open_amount"],
  date: ["data", "data_pagamento", "payment_date"],
  method: ["modalita", "mezzo"],
  reference: ["riferimento", "cro"],
  address: ["indirizzo"],
  postalCode: ["cap"],
  city: ["citta", "comune"],
  province: ["provincia"],
  phone: ["telefono"],
  mobile: ["cellulare"],
  email: ["mail"],
  pec: ["posta_certificata"],
  creditLimit: ["fido"],
  paymentTerms: ["giorni_pagamento", "dilazione"],
  salesperson: ["commerciale", "agente"],
  noteApproach: ["note", "approccio"],
  noteAttention: ["attenzione"],
  noteReferencePerson: ["referente"],
  preserveRelationship: ["preservare", "relazione"],
  reminderLevel: ["livello_sollecito", "livello"],
  lastReminderOn: ["data_ultimo_sollecito", "ultimo_sollecito"],
  lastContactOn: ["ultimo_contatto", "data_ultimo_contatto"],
  chasingNote: ["note_sollecito", "nota_sollecito"],
};

/** Chasing history columns, in the customer register and the scadenzario (issue 13). */
const CHASING: Partial<Record<Field, string[]>> = {
  reminderLevel: [
    "livello sollecito",
    "livello solleciti",
    "livello di sollecito",
    "n solleciti",
    "numero solleciti",
  ],
  lastReminderOn: ["data ultimo sollecito", "ultimo sollecito", "data sollecito", "sollecitato il"],
  lastContactOn: ["ultimo contatto", "data ultimo contatto", "data contatto", "contattato il"],
  chasingNote: ["note sollecito", "note solleciti", "note recupero", "note recupero crediti"],
};

const CUSTOMER_ID: Partial<Record<Field, string[]>> = {
  code: [
    "codice cliente",
    "cod cliente",
    "cod cli",
    "codice cli",
    "cliente codice",
    "codice",
    "cod",
    "id cliente",
    "codice anagrafica",
    "cod anagrafica",
    "conto",
    "codice conto",
    "cod conto",
    "sottoconto",
  ],
  name: [
    "ragione sociale",
    "rag sociale",
    "rag soc",
    "cliente",
    "denominazione",
    "nominativo",
    "descrizione cliente",
    "nome cliente",
    "intestatario",
    "descrizione conto",
    "cliente descrizione",
    "anagrafica",
  ],
  vatNumber: [
    "partita iva",
    "p iva",
    "piva",
    "part iva",
    "partita i v a",
    "p i",
    "vat",
    "vat number",
    "n partita iva",
    "numero partita iva",
  ],
  taxCode: ["codice fiscale", "cod fiscale", "cod fisc", "cf", "c f"],
};

/** Header synonyms per kind, already normalized (lower case, no accents, punctuation as spaces). */
const SYNONYMS: Record<Exclude<ImportKind, "fatturapa">, Partial<Record<Field, string[]>>> = {
  scadenzario: {
    ...CUSTOMER_ID,
    ...CHASING,
    // a note on a scadenzario row is about chasing the customer
    chasingNote: [...(CHASING.chasingNote ?? []), "note", "nota"],
    number: [
      "numero documento",
      "num documento",
      "nr documento",
      "n documento",
      "numero doc",
      "num doc",
      "nr doc",
      "n doc",
      "numero fattura",
      "num fattura",
      "nr fattura",
      "n fattura",
      "fattura",
      "fattura n",
      "documento",
      "doc",
      "rif documento",
      "riferimento documento",
      "numero",
      "nr",
      "n",
    ],
    installment: ["rata", "n rata", "nr rata", "num rata", "numero rata"],
    issueDate: [
      "data documento",
      "data doc",
      "data fattura",
      "data emissione",
      "data registrazione",
      "del",
      "data",
    ],
    dueDate: ["data scadenza", "scadenza", "data scad", "scad", "scadenza rata", "data scadenza rata"],
    amount: [
      "importo",
      "totale",
      "importo documento",
      "totale documento",
      "importo fattura",
      "totale fattura",
      "importo rata",
      "imp rata",
      "importo originale",
      "importo totale",
      "dare",
      "importo dare",
    ],
    open: [
      "residuo",
      "da pagare",
      "importo residuo",
      "residuo da pagare",
      "saldo",
      "saldo aperto",
      "aperto",
      "importo aperto",
      "scoperto",
      "da incassare",
      "residuo da incassare",
      "insoluto",
    ],
  },
  clienti: {
    ...CUSTOMER_ID,
    address: ["indirizzo", "via", "sede", "indirizzo sede", "sede legale"],
    postalCode: ["cap", "c a p", "codice postale"],
    city: ["citta", "comune", "localita", "citta sede"],
    province: ["provincia", "prov", "pr", "sigla provincia"],
    phone: ["telefono", "tel", "telefono fisso", "tel fisso", "telefono 1", "recapito telefonico"],
    mobile: ["cellulare", "cell", "mobile", "telefono cellulare", "tel cellulare", "telefono 2"],
    email: ["email", "e mail", "mail", "indirizzo email", "posta elettronica", "email amministrazione"],
    pec: [
      "pec",
      "indirizzo pec",
      "email pec",
      "e mail pec",
      "posta certificata",
      "posta elettronica certificata",
    ],
    creditLimit: [
      "fido",
      "fido accordato",
      "limite fido",
      "importo fido",
      "affidamento",
      "limite di credito",
      "limite credito",
      "credit limit",
    ],
    paymentTerms: [
      "giorni pagamento",
      "gg pagamento",
      "termini pagamento",
      "termini di pagamento",
      "dilazione",
      "giorni dilazione",
      "gg",
    ],
    salesperson: ["commerciale", "agente", "venditore", "referente commerciale", "agente di zona"],
    noteApproach: ["note", "nota", "note commerciali", "note commerciale", "approccio", "come approcciare"],
    noteAttention: ["attenzione", "note attenzione", "particolare attenzione", "attenzioni"],
    noteReferencePerson: ["referente", "persona di riferimento", "contatto", "referente amministrativo"],
    preserveRelationship: [
      "relazione da preservare",
      "preservare relazione",
      "cliente strategico",
      "strategico",
    ],
    ...CHASING,
  },
  pagamenti: {
    ...CUSTOMER_ID,
    date: [
      "data pagamento",
      "data incasso",
      "data valuta",
      "valuta",
      "data operazione",
      "data versamento",
      "data",
      "data registrazione",
    ],
    number: [
      "numero fattura",
      "num fattura",
      "nr fattura",
      "n fattura",
      "fattura",
      "rif fattura",
      "riferimento fattura",
      "numero documento",
      "n documento",
      "documento",
      "num doc",
      "n doc",
    ],
    installment: ["rata", "n rata", "nr rata", "numero rata"],
    amount: [
      "importo",
      "importo pagato",
      "importo incassato",
      "incasso",
      "incassato",
      "pagato",
      "avere",
      "totale",
    ],
    method: ["modalita", "modalita pagamento", "mezzo pagamento", "tipo pagamento", "metodo", "mezzo"],
    reference: [
      "riferimento",
      "rif pagamento",
      "cro",
      "trn",
      "causale",
      "descrizione",
      "riferimento pagamento",
    ],
  },
};

/** Fields each kind cannot do without; `code|vatNumber` means either. */
export const REQUIRED: Record<Exclude<ImportKind, "fatturapa">, Array<Field | [Field, Field]>> = {
  scadenzario: [["code", "vatNumber"], "number", "dueDate", ["amount", "open"]],
  clienti: [["code", "vatNumber"], "name"],
  pagamenti: ["date", "amount"],
};

export function normalizeHeader(h: string): string {
  return normalizeForSearch(h.replace(/([a-z])([A-Z])/g, "$1 $2"));
}

const FIELDS = Object.keys(FIELD_ALIASES) as Field[];

/** Resolves a `--map` target name ("scadenza", "dueDate", "data_scadenza") to a field, or null. */
export function fieldByName(name: string): Field | null {
  const n = normalizeHeader(name);
  for (const f of FIELDS) {
    if (normalizeHeader(f) === n || FIELD_ALIASES[f].some((a) => normalizeHeader(a) === n)) return f;
  }
  return null;
}

/** Parses `--map "Colonna A=scadenza,Cod.=codice"`: normalized header -> field. Throws on a bad entry. */
export function parseColumnMap(spec: string | undefined): Map<string, Field> {
  const map = new Map<string, Field>();
  if (!spec) return map;
  for (const entry of spec.split(",")) {
    if (entry.trim() === "") continue;
    const eq = entry.lastIndexOf("=");
    const column = eq > 0 ? entry.slice(0, eq).trim() : "";
    const field = eq > 0 ? fieldByName(entry.slice(eq + 1)) : null;
    if (!column || !field) throw new ColumnMapError(entry.trim());
    map.set(normalizeHeader(column), field);
  }
  return map;
}

export class ColumnMapError extends Error {
  constructor(readonly entry: string) {
    super(`bad --map entry "${entry}"`);
  }
}

/** Column index of each recognised field. */
export type ColumnIndex = Partial<Record<Field, number>>;

/** Recognises the columns of a header row for a kind; `--map` entries win over the synonyms. */
export function recognizeColumns(
  header: readonly Cell[],
  kind: Exclude<ImportKind, "fatturapa">,
  map: Map<string, Field> = new Map(),
): ColumnIndex {
  const index: ColumnIndex = {};
  const names = header.map((c) => normalizeHeader(cellText(c)));
  names.forEach((n, i) => {
    const mapped = map.get(n);
    if (mapped && index[mapped] === undefined) index[mapped] = i;
  });
  const synonyms = SYNONYMS[kind];
  // Exact matches first, in the order of each field's synonym list (earlier synonyms are more specific).
  for (const [field, list] of Object.entries(synonyms) as Array<[Field, string[]]>) {
    if (index[field] !== undefined) continue;
    for (const syn of list) {
      const i = names.findIndex((n, col) => n === syn && !Object.values(index).includes(col));
      if (i >= 0) {
        index[field] = i;
        break;
      }
    }
  }
  // "Cliente;Ragione sociale;...": the commonest pair in Italian exports, and there "Cliente" is the code
  if (index.code === undefined && index.name !== undefined) {
    const i = names.findIndex((n, col) => n === "cliente" && !Object.values(index).includes(col));
    if (i >= 0) index.code = i;
  }
  return index;
}

/** The names `--map "colonna=campo"` accepts for a kind's fields (the first alias of each), for help and errors. */
export function mapFieldNames(kind: Exclude<ImportKind, "fatturapa">): string[] {
  return (Object.keys(SYNONYMS[kind]) as Field[]).map((f) => FIELD_ALIASES[f][0] ?? f);
}

export function missingRequired(kind: Exclude<ImportKind, "fatturapa">, index: ColumnIndex): string[] {
  const missing: string[] = [];
  for (const req of REQUIRED[kind]) {
    if (Array.isArray(req)) {
      if (index[req[0]] === undefined && index[req[1]] === undefined) missing.push(`${req[0]}|${req[1]}`);
    } else if (index[req] === undefined) missing.push(req);
  }
  return missing;
}

/** How many cells of a row are known headers of any kind: the header row is the first that looks like one. */
export function headerScore(row: readonly Cell[], map: Map<string, Field> = new Map()): number {
  const all = new Set<string>(map.keys());
  for (const kind of Object.values(SYNONYMS))
    for (const list of Object.values(kind)) for (const s of list) all.add(s);
  return row.filter((c) => all.has(normalizeHeader(cellText(c)))).length;
}

/** Guesses the kind of a table from its file name, then from its headers. */
export function guessKind(
  fileName: string,
  header: readonly Cell[],
  map: Map<string, Field>,
): ImportKind | null {
  const name = normalizeForSearch(fileName);
  if (/scadenz|partite aperte|insolut|crediti aperti/.test(name)) return "scadenzario";
  if (/pagament|incass|versament/.test(name)) return "pagamenti";
  if (/client|anagrafic/.test(name)) return "clienti";
  const s = recognizeColumns(header, "scadenzario", map);
  if (s.number !== undefined && (s.dueDate !== undefined || s.open !== undefined)) return "scadenzario";
  const p = recognizeColumns(header, "pagamenti", map);
  const names = header.map((c) => normalizeHeader(cellText(c))).join(" | ");
  if (
    p.date !== undefined &&
    p.amount !== undefined &&
    /pagament|incass|valuta|versament|pagato/.test(names)
  ) {
    return "pagamenti";
  }
  const c = recognizeColumns(header, "clienti", map);
  if (c.name !== undefined && (c.code !== undefined || c.vatNumber !== undefined)) {
    const extra = Object.keys(c).length;
    if (extra >= 3 || (s.amount === undefined && p.amount === undefined)) return "clienti";
  }
  if (p.date !== undefined && p.amount !== undefined) return "pagamenti";
  return null;
}
