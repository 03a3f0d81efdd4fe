// FatturaPA XML (FPR12 between businesses, FPA12 to public administrations) -> receivables.
// One receivable per instalment of DatiPagamento/DettaglioPagamento; the customer is CessionarioCommittente.

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { addDays, isIsoDate } from "../domain/calendar";
import { isValidVatNumber } from "../domain/vat";
import type { CustomerRecord, ParsedFile, ReceivableRecord } from "./types";
import { emptyParsedFile, ImportFileError } from "./types";

const ARRAYS = new Set(["FatturaElettronicaBody", "DatiPagamento", "DettaglioPagamento", "DatiRiepilogo"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false, // VAT numbers and invoice numbers keep their leading zeros
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

// Receivables: invoices, advance invoices, debit notes, fees, deferred invoices. Credit notes (TD04) reduce a
// receivable and self-invoices (reverse charge, TD16-TD23, TD27, TD28) are not receivables: both are skipped.
const RECEIVABLE_TYPES = new Set(["TD01", "TD02", "TD03", "TD05", "TD06", "TD24", "TD25", "TD26"]);

type Node = Record<string, unknown>;

function node(v: unknown): Node {
  return v && typeof v === "object" ? (v as Node) : {};
}

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "object") return text((v as Node)["#text"]);
  const s = String(v).trim();
  return s === "" ? undefined : s;
}

function list(v: unknown): Node[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(node);
}

/** XML decimal ("1234.50", "100.00000000") -> cents, rounded half away from zero. */
export function xmlAmountToCents(s: string | undefined): number | null {
  if (!s) return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s.trim());
  if (!m) return null;
  const decimals = (m[3] ?? "").padEnd(3, "0");
  let cents = Number(m[2]) * 100 + Number(decimals.slice(0, 2));
  if (Number(decimals[2]) >= 5) cents += 1;
  return m[1] === "-" ? -cents : cents;
}

function customerFrom(cc: Node, row: number): CustomerRecord {
  const anag = node(node(cc.DatiAnagrafici));
  const idIva = node(anag.IdFiscaleIVA);
  const country = text(idIva.IdPaese)?.toUpperCase();
  const idCode = text(idIva.IdCodice)?.replace(/\s+/g, "").toUpperCase();
  const taxCode = text(anag.CodiceFiscale)?.replace(/\s+/g, "").toUpperCase();
  const a = node(anag.Anagrafica);
  const name =
    text(a.Denominazione) ?? ([text(a.Nome), text(a.Cognome)].filter(Boolean).join(" ") || undefined);
  const vatNumber = idCode ? (country === "IT" || !country ? idCode : `${country}${idCode}`) : undefined;
  const sede = node(cc.Sede);
  const street = [text(sede.Indirizzo), text(sede.NumeroCivico)].filter(Boolean).join(" ");
  const c: CustomerRecord = { row, code: vatNumber ?? taxCode, name };
  if (vatNumber) c.vatNumber = vatNumber;
  if (taxCode) c.taxCode = taxCode;
  if (street) c.address = street;
  if (text(sede.CAP)) c.postalCode = text(sede.CAP);
  if (text(sede.Comune)) c.city = text(sede.Comune);
  if (text(sede.Provincia)) c.province = text(sede.Provincia)?.toUpperCase();
  return c;
}

// Files the exchange system (SDI) puts next to invoices in a download folder: skipped with a warning.
const SDI_SIDE_FILES = new Set([
  "FileMetadati",
  "RicevutaConsegna",
  "NotificaMancataConsegna",
  "NotificaScarto",
  "NotificaEsito",
  "NotificaEsitoCommittente",
  "NotificaDecorrenzaTermini",
  "AttestazioneTrasmissioneFattura",
  "RicevutaImpossibilitaRecapito",
]);

/** Parses one FatturaPA file (a single invoice or a batch, "lotto", of several bodies for one customer). */
export function readFatturaPA(xml: string, file: string): ParsedFile {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // "Invalid '[ "a", "b" ]' found." is how the validator reports tags never closed (a truncated file)
    const unclosed = /^Invalid '\[(.*)\]' found/s.exec(valid.err.msg);
    const detail = unclosed
      ? `unclosed: ${unclosed[1]!
          .replace(/[\s"]+/g, "")
          .split(",")
          .join(" > ")}`
      : valid.err.msg;
    throw new ImportFileError(file, "badXml", `${detail} (${valid.err.line})`);
  }
  const doc = node(parser.parse(xml));
  const root = node(doc.FatturaElettronica);
  const version = text(root["@versione"]);
  const rootName = Object.keys(doc).find((k) => k !== "?xml") ?? "";
  if (SDI_SIDE_FILES.has(rootName)) {
    return {
      ...emptyParsedFile(file, "fatturapa", "xml"),
      warnings: [{ file, row: null, key: "sdiFileSkipped", args: [rootName] }],
    };
  }
  if (!doc.FatturaElettronica || (version !== "FPR12" && version !== "FPA12")) {
    throw new ImportFileError(
      file,
      "notFatturaPA",
      version ??
        Object.keys(doc)
          .filter((k) => k !== "?xml")
          .join(","),
    );
  }
  const header = node(root.FatturaElettronicaHeader);
  const out = emptyParsedFile(file, "fatturapa", "xml");
  const customer = customerFrom(node(header.CessionarioCommittente), 0);
  if (!customer.code) {
    out.errors.push({ file, row: null, key: "missingField", args: ["vatNumber"] });
    return out;
  }
  if (customer.vatNumber && /^\d+$/.test(customer.vatNumber) && !isValidVatNumber(customer.vatNumber)) {
    out.warnings.push({ file, row: null, key: "badVat", args: [customer.vatNumber] });
  }
  out.customers.push(customer);
  for (const body of list(root.FatturaElettronicaBody)) {
    const gen = node(node(body.DatiGenerali).DatiGeneraliDocumento);
    const type = text(gen.TipoDocumento) ?? "";
    const number = text(gen.Numero);
    const issueDate = text(gen.Data);
    const reject = (key: ParsedFile["errors"][number]["key"], ...args: string[]) => {
      out.errors.push({ file, row: null, key, args });
      out.rejectedKeys.push({ code: customer.code, number });
    };
    if (!number) {
      reject("missingField", "number");
      continue;
    }
    if (!issueDate || !isIsoDate(issueDate)) {
      reject("badDate", "issueDate", issueDate ?? "");
      continue;
    }
    if (!RECEIVABLE_TYPES.has(type)) {
      out.warnings.push({
        file,
        row: null,
        key: type === "TD04" ? "creditNoteSkipped" : "documentSkipped",
        args: [number, type],
      });
      continue;
    }
    const details = list(body.DatiPagamento).flatMap((dp) => list(dp.DettaglioPagamento));
    const receivables: ReceivableRecord[] = [];
    let bad = false;
    if (details.length === 0) {
      let total = xmlAmountToCents(text(gen.ImportoTotaleDocumento));
      if (total === null) {
        const summary = list(node(body.DatiBeniServizi).DatiRiepilogo);
        total = summary.reduce(
          (sum, r) =>
            sum +
            (xmlAmountToCents(text(r.ImponibileImporto)) ?? 0) +
            (xmlAmountToCents(text(r.Imposta)) ?? 0),
          0,
        );
      }
      out.warnings.push({ file, row: null, key: "noDueDate", args: [number] });
      receivables.push({
        row: 1,
        customer,
        number,
        installment: 1,
        issueDate,
        dueDate: issueDate,
        amountCents: total,
      });
    }
    details.forEach((d, i) => {
      if (bad) return;
      const amountText = text(d.ImportoPagamento);
      const amount = xmlAmountToCents(amountText);
      if (amount === null || amount < 0) {
        reject("badAmount", "amount", amountText ?? "");
        bad = true;
        return;
      }
      let dueDate = text(d.DataScadenzaPagamento);
      if (dueDate === undefined) {
        const ref = text(d.DataRiferimentoTerminiPagamento) ?? issueDate;
        const days = Number(text(d.GiorniTerminiPagamento) ?? "0");
        dueDate = addDays(ref, Number.isInteger(days) ? days : 0);
        if (!text(d.GiorniTerminiPagamento))
          out.warnings.push({ file, row: null, key: "noDueDate", args: [number] });
      }
      if (!isIsoDate(dueDate)) {
        reject("badDate", "dueDate", dueDate);
        bad = true;
        return;
      }
      receivables.push({
        row: i + 1,
        customer,
        number,
        installment: i + 1,
        issueDate,
        dueDate,
        amountCents: amount,
      });
    });
    if (!bad) out.receivables.push(...receivables);
  }
  out.rows = out.receivables.length;
  return out;
}
