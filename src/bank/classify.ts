// The kind of a movement from what banks write: the ABI causale or ISO 20022 code, the sign, the text.

import { normalizeForSearch } from "../domain/text";
import type { MovementKind } from "./types";

// ABI "causali" most banks use in CBI flows and home-banking exports (only the ones that decide the kind).
const ABI_CREDIT_TRANSFER = new Set(["48", "78", "Z1"]); // bonifico a vostro favore (48), SEPA (Z1)
const ABI_FEES = new Set(["16", "66", "18", "82"]); // commissioni, spese, competenze, bolli

const RETURNED = /\b(insolut\w*|richiamat\w*|impagat\w*|respint\w*|rifiutat\w*|storn\w*|unpaid|returned?)\b/;
const RIBA = /\b(riba|ri ba|ricevut\w* bancari\w*|effett\w*)\b/;
const SDD = /\b(sdd|rid|addebit\w* dirett\w*|direct debit|mandato)\b/;
const FEE = /\b(commission\w*|spese|competenze|bollo|canone|oneri)\b/;

export function classifyMovement(input: {
  amountCents: number;
  text: string;
  /** ABI causale ("48") or ISO domain/family/subfamily ("PMNT/RCDT/ESCT") */
  code?: string;
  /** the statement carries return information (camt RtrInf) */
  returnInfo?: boolean;
}): MovementKind {
  const text = normalizeForSearch(input.text);
  const code = (input.code ?? "").toUpperCase();
  const iso = code.split("/");
  const returned = input.returnInfo || RETURNED.test(text) || iso[2] === "UPDD" || iso[2] === "RRTN";
  const sddCode = iso[1] === "IDDT" || iso[1] === "RDDT";
  if (input.amountCents < 0) {
    // "COMMISSIONI INSOLUTO RIBA" is the fee of a return, not the return
    if (ABI_FEES.has(code) || iso[2] === "CHRG" || iso[1] === "CHRG" || FEE.test(text)) return "fee";
    if (returned && (SDD.test(text) || sddCode) && !RIBA.test(text)) return "sdd_returned";
    if (returned && RIBA.test(text)) return "riba_returned";
    if (returned && input.returnInfo) return sddCode ? "sdd_returned" : "riba_returned";
    return "outgoing";
  }
  if (input.amountCents === 0) return "other";
  if (RIBA.test(text) && !returned) return "riba_collected";
  if ((SDD.test(text) || sddCode) && !returned) return "sdd_collected";
  if (ABI_CREDIT_TRANSFER.has(code) || iso[1] === "RCDT" || /\bbonific\w*|\bsct\b|\bgirofondi\b/.test(text))
    return "credit_transfer";
  if (/\binteress\w*|\bgiroconto\b|\bversament\w*/.test(text)) return "other";
  return "credit_transfer";
}

/** IBANs and Italian VAT numbers written in free text ("IBAN IT60X0542811101000000123456", "P.IVA 01234567890"). */
export function ibanIn(text: string): string | undefined {
  const upper = text.toUpperCase();
  // written solid ("IT60X0542811101000000123456") or in groups of four ("IT60 X054 2811 ...")
  const m =
    /\b([A-Z]{2}\d{2}[A-Z0-9]{11,30})\b/.exec(upper) ??
    /\b([A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)\b/.exec(upper);
  if (!m) return undefined;
  const iban = m[1]!.replace(/ /g, "");
  if (iban.startsWith("IT")) return /^IT\d{2}[A-Z]\d{10}[A-Z0-9]{12}$/.test(iban) ? iban : undefined;
  return iban;
}

export function vatIn(text: string): string | undefined {
  const m = /\b(?:p\.?\s?iva|partita iva|vat|c\.?\s?f\.?)\s*[:.]?\s*(?:IT)?\s?(\d{11})\b/i.exec(text);
  return m?.[1];
}

/** "BON.DA ROSSI SRL", "BONIFICO DA ROSSI SRL - SALDO", "ORD: ROSSI SRL", "DEBITORE ROSSI SRL" -> "ROSSI SRL". */
export function orderingPartyIn(text: string): string | undefined {
  const m =
    /\b(?:BON\.?\s?DA|BONIFICO (?:SEPA )?DA|ORD\.?:|ORDINANTE:?|DEBITORE:?|DA:)\s*(.+?)(?=\s+(?:IBAN|CAUS|RIF|P\.?\s?IVA|C\.?F\.?)\b|\s+-\s|\/|$)/i.exec(
      text,
    );
  return m?.[1]?.trim() || undefined;
}
