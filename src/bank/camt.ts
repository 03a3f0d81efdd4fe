// ISO 20022 camt.053 (BankToCustomerStatement) and camt.054 (BankToCustomerDebitCreditNotification),
// versions .001.02 to .001.08: one movement per entry, or per transaction of a batched entry.

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { isIsoDate } from "../domain/calendar";
import { classifyMovement, vatIn } from "./classify";
import type { BankMovement, BankStatement, MovementIssue } from "./types";
import { BankFileError } from "./types";

const ARRAYS = new Set(["Stmt", "Ntfctn", "Ntry", "TxDtls", "Ustrd", "Rcrd", "Bal", "RfrdDocInf", "Othr"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ARRAYS.has(name),
});

// biome-ignore lint/suspicious/noExplicitAny: parsed XML is walked defensively
type Node = any;

/** true when the text is a camt.053/054 document (namespace or root element). */
export function looksLikeCamt(text: string): boolean {
  const head = text.slice(0, 2000);
  return (
    /urn:iso:std:iso:20022:tech:xsd:camt\.05[34]/.test(head) ||
    /<(\w+:)?BkToCstmr(Stmt|DbtCdtNtfctn)\b/.test(head)
  );
}

function txt(n: Node): string {
  if (n === undefined || n === null) return "";
  if (typeof n === "object") return String(n["#text"] ?? "").trim();
  return String(n).trim();
}

function date(n: Node): string {
  // <BookgDt><Dt>2026-03-02</Dt></BookgDt> or <DtTm>2026-03-02T10:00:00</DtTm>
  const v = txt(n?.Dt) || txt(n?.DtTm).slice(0, 10);
  return v;
}

function cents(n: Node): number | null {
  const v = txt(n);
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return null;
  const [euros, dec = ""] = v.split(".");
  return Number(euros) * 100 + Number(dec.padEnd(2, "0"));
}

/** The other party: the debtor of a credit, the creditor of a debit (camt .02 Dbtr/Nm, .08 Dbtr/Pty/Nm). */
function party(tx: Node, credit: boolean): { name?: string; iban?: string; vat?: string } {
  const rp = tx?.RltdPties ?? {};
  const p = credit ? (rp.Dbtr ?? rp.UltmtDbtr) : (rp.Cdtr ?? rp.UltmtCdtr);
  const pty = p?.Pty ?? p;
  const acct = credit ? rp.DbtrAcct : rp.CdtrAcct;
  const ids: Node[] = pty?.Id?.OrgId?.Othr ?? [];
  const vatId = ids.map((o) => txt(o?.Id)).find((id) => /^(IT)?\d{11}$/.test(id));
  return {
    name: txt(pty?.Nm) || undefined,
    iban: txt(acct?.Id?.IBAN).replace(/\s/g, "").toUpperCase() || undefined,
    vat: vatId?.replace(/^IT/, "") || undefined,
  };
}

function remittance(tx: Node): string {
  const rmt = tx?.RmtInf ?? {};
  const parts: string[] = [...(rmt.Ustrd ?? []).map(txt)];
  const strd = Array.isArray(rmt.Strd) ? rmt.Strd : rmt.Strd ? [rmt.Strd] : [];
  for (const s of strd) {
    for (const d of s?.RfrdDocInf ?? []) if (txt(d?.Nb)) parts.push(`FT ${txt(d.Nb)}`);
    if (txt(s?.CdtrRefInf?.Ref)) parts.push(txt(s.CdtrRefInf.Ref));
    if (txt(s?.AddtlRmtInf)) parts.push(txt(s.AddtlRmtInf));
  }
  return parts.filter(Boolean).join(" ");
}

function bankCode(ntry: Node): string | undefined {
  const b = ntry?.BkTxCd ?? {};
  if (b.Domn) return [txt(b.Domn.Cd), txt(b.Domn.Fmly?.Cd), txt(b.Domn.Fmly?.SubFmlyCd)].join("/");
  return txt(b.Prtry?.Cd) || undefined;
}

function fee(ntry: Node): number | undefined {
  const rec: Node[] = ntry?.Chrgs?.Rcrd ?? (ntry?.Chrgs?.Amt ? [ntry.Chrgs] : []);
  let total = 0;
  for (const r of rec) total += cents(r?.Amt) ?? 0;
  return total > 0 ? total : undefined;
}

export function readCamt(text: string, file: string): BankStatement {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new BankFileError(file, "badXml", [`${valid.err.line}: ${valid.err.msg}`]);
  const doc: Node = parser.parse(text)?.Document;
  const stmt = doc?.BkToCstmrStmt;
  const ntf = doc?.BkToCstmrDbtCdtNtfctn;
  if (!stmt && !ntf) throw new BankFileError(file, "notStatement");
  const format = stmt ? "camt.053" : "camt.054";
  const groups: Node[] = stmt ? (stmt.Stmt ?? []) : (ntf.Ntfctn ?? []);
  const groupTag = stmt ? "Stmt" : "Ntfctn";
  const movements: BankMovement[] = [];
  const issues: MovementIssue[] = [];
  let account: string | undefined;
  groups.forEach((g: Node, gi: number) => {
    const iban = txt(g?.Acct?.Id?.IBAN) || txt(g?.Acct?.Id?.Othr?.[0]?.Id) || undefined;
    account ??= iban;
    (g?.Ntry ?? []).forEach((ntry: Node, ni: number) => {
      const element = `${groupTag}[${gi + 1}]/Ntry[${ni + 1}]`;
      const status = txt(ntry?.Sts?.Cd) || txt(ntry?.Sts);
      if (status && status !== "BOOK") return; // pending and information-only entries are not money yet
      const sign = txt(ntry?.CdtDbtInd);
      if (sign !== "CRDT" && sign !== "DBIT") {
        issues.push({ element, key: "badSign", args: [sign] });
        return;
      }
      const reversal = txt(ntry?.RvslInd) === "true";
      const credit = sign === "CRDT";
      const bookingDate = date(ntry?.BookgDt);
      if (!isIsoDate(bookingDate)) {
        issues.push({ element, key: "badDate", args: [bookingDate] });
        return;
      }
      const valueDate = date(ntry?.ValDt);
      const entryCents = cents(ntry?.Amt);
      if (entryCents === null) {
        issues.push({ element, key: "badAmount", args: [txt(ntry?.Amt)] });
        return;
      }
      const txs: Node[] =
        ntry?.NtryDtls?.TxDtls ??
        (Array.isArray(ntry?.NtryDtls) ? ntry.NtryDtls.flatMap((d: Node) => d?.TxDtls ?? []) : []);
      const code = bankCode(ntry);
      const entryInfo = txt(ntry?.AddtlNtryInf);
      const ref = txt(ntry?.AcctSvcrRef) || undefined;
      const items = txs.length > 0 ? txs : [undefined];
      items.forEach((tx: Node, ti: number) => {
        const txCents = items.length > 1 ? (cents(tx?.AmtDtls?.TxAmt?.Amt) ?? cents(tx?.Amt)) : entryCents;
        if (txCents === null) {
          issues.push({ element: `${element}/TxDtls[${ti + 1}]`, key: "badAmount", args: [""] });
          return;
        }
        const p = party(tx, credit);
        const returnInfo = !!tx?.RtrInf || reversal;
        const reason = txt(tx?.RtrInf?.Rsn?.Cd);
        const description = [remittance(tx), txt(tx?.AddtlTxInf), entryInfo, reason ? `(${reason})` : ""]
          .filter(Boolean)
          .join(" ");
        const amountCents = credit ? txCents : -txCents;
        movements.push({
          element: items.length > 1 ? `${element}/TxDtls[${ti + 1}]` : element,
          account: iban,
          bookingDate,
          valueDate: isIsoDate(valueDate) ? valueDate : undefined,
          amountCents,
          description,
          code,
          counterpartyName: p.name,
          counterpartyIban: p.iban,
          counterpartyVat: p.vat ?? vatIn(description),
          bankReference: txt(tx?.Refs?.AcctSvcrRef) || ref || txt(tx?.Refs?.EndToEndId) || undefined,
          kind: classifyMovement({ amountCents, text: `${description} ${p.name ?? ""}`, code, returnInfo }),
          feeCents: ti === 0 ? fee(ntry) : undefined,
        });
      });
    });
  });
  return { file, format, account, movements, issues };
}
