// Bank statements: a year of a busy SME (50,000 movements) read and matched against 5,000 customers and
// 50,000 open invoices; the target is at most 10 s. The reading alone (bytes -> movements) is the baseline
// measured in the same run. `npx tsx bench/bank.bench.ts [movements]`

import { readStatement } from "../src/bank/read";
import { BankMatcher, type MatchBook, type MatchInvoice } from "../src/domain/bank-matching";
import { movementKeys } from "../src/services/bank/bank-import";
import { figure, timed, withPeakMemory } from "./support";

const MOVEMENTS = Number(process.argv[2] ?? 50_000);
const CUSTOMERS = Math.max(10, Math.round(MOVEMENTS / 10));
const INVOICES = MOVEMENTS;

let seed = 7;
const rnd = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = (n: number) => Math.floor(rnd() * n);

function iban(c: number): string {
  return `IT${String(10 + (c % 89)).padStart(2, "0")}X0306909606${String(100000000000 + c).slice(-12)}`;
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function book(): MatchBook {
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: i + 1,
    code: `C${String(i + 1).padStart(5, "0")}`,
    name: `Cliente ${i + 1} ${["Forniture", "Impianti", "Trasporti", "Costruzioni"][i % 4]} S.r.l.`,
    vatNumber: String(10_000_000_000 + i + 1).slice(-11),
  }));
  const invoices: MatchInvoice[] = Array.from({ length: INVOICES }, (_, i) => {
    const issued = pick(360);
    const amount = 5_000 + pick(500_000);
    return {
      id: i + 1,
      customerId: (i % CUSTOMERS) + 1,
      number: `FT ${2025 + Math.floor(issued / 365)}/${String(i + 1).padStart(5, "0")}`,
      installment: 1,
      issueDate: isoDay(issued),
      dueDate: isoDay(issued + 60),
      amountCents: amount,
      openCents: amount,
      status: i % 20 === 0 ? "paid" : "open",
    };
  });
  const ibans = new Map<string, number>();
  for (let c = 1; c <= CUSTOMERS; c += 3) ibans.set(iban(c), c);
  return { customers, invoices, ibans, promises: [] };
}

function xmlText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** A camt.053 with MOVEMENTS entries: invoice references, known IBANs, no reference, returns, debits. */
function statement(b: MatchBook): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>',
    "<GrpHdr><MsgId>BENCH</MsgId><CreDtTm>2026-01-01T06:00:00</CreDtTm></GrpHdr>",
    "<Stmt><Id>BENCH-1</Id><Acct><Id><IBAN>IT60X0542811101000000123456</IBAN></Id></Acct>",
  ];
  // each invoice is paid (or returned) once, in a shuffled order
  const order = b.invoices.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (let i = 0; i < MOVEMENTS; i++) {
    const inv = b.invoices[order[i % order.length]!]!;
    const c = b.customers[inv.customerId - 1]!;
    const r = rnd();
    const day = isoDay(370 + pick(360));
    let sign = "CRDT";
    let cents = inv.amountCents;
    let name = c.name.toUpperCase();
    let text = `SALDO ${inv.number}`;
    let dbtrIban = "";
    let rtr = "";
    if (r < 0.15) {
      text = "PAGAMENTO FORNITURE";
      dbtrIban = iban(inv.customerId);
    } else if (r < 0.25) {
      name = `DITTA SCONOSCIUTA ${i}`;
      text = "BONIFICO";
      cents = 1_000 + pick(100_000);
    } else if (r < 0.3) {
      sign = "DBIT";
      text = `RIBA INSOLUTA ${inv.number}`;
      rtr = "<RtrInf><Rsn><Cd>AM04</Cd></Rsn></RtrInf>";
    } else if (r < 0.4) {
      sign = "DBIT";
      name = "FORNITORE SPA";
      text = `FT ${pick(900)} MATERIALE`;
      cents = 1_000 + pick(300_000);
    } else if (r < 0.5) {
      text = `ACCONTO FATT. ${Number(inv.number.split("/")[1])}`;
      cents = Math.max(100, Math.floor(inv.amountCents / 2));
    }
    const party = sign === "CRDT" ? "Dbtr" : "Cdtr";
    out.push(
      `<Ntry><Amt Ccy="EUR">${(cents / 100).toFixed(2)}</Amt><CdtDbtInd>${sign}</CdtDbtInd><Sts>BOOK</Sts>` +
        `<BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt><AcctSvcrRef>REF${i}</AcctSvcrRef>` +
        `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${sign === "CRDT" ? "RCDT" : "ICDT"}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
        `<NtryDtls><TxDtls><RltdPties><${party}><Nm>${xmlText(name)}</Nm></${party}>` +
        (dbtrIban ? `<DbtrAcct><Id><IBAN>${dbtrIban}</IBAN></Id></DbtrAcct>` : "") +
        `</RltdPties><RmtInf><Ustrd>${xmlText(text)}</Ustrd></RmtInf>${rtr}</TxDtls></NtryDtls></Ntry>`,
    );
  }
  out.push("</Stmt></BkToCstmrStmt></Document>");
  return out.join("\n");
}

const b = book();
const bytes = Buffer.from(statement(b), "utf8");
const input = { name: "bench.camt053.xml", bytes };

// warm-up on a small statement, so both figures are measured on compiled code
await readStatement({ name: "warm.xml", bytes: bytes.subarray(0, 0) }).catch(() => undefined);

const read = await timed(() => readStatement(input));
const full = await withPeakMemory(() =>
  timed(async () => {
    const st = await readStatement(input);
    const keys = movementKeys(st);
    const matcher = new BankMatcher(b);
    const counts: Record<string, number> = {};
    st.movements.forEach((m, i) => {
      const o = matcher.match({ ...m, key: keys[i]! });
      const k = `${o.type}.${o.reason}`;
      counts[k] = (counts[k] ?? 0) + 1;
    });
    return { n: st.movements.length, counts };
  }),
);
const { ms, value } = full.value;
const st = await readStatement(input);
const keys = movementKeys(st);
const matchOnly = await timed(async () => {
  const matcher = new BankMatcher(b);
  for (const [i, m] of st.movements.entries()) matcher.match({ ...m, key: keys[i]! });
});
figure("bank.movements", value.n, "movements");
figure("bank.file", bytes.length / 2 ** 20, "MB");
for (const [k, v] of Object.entries(value.counts)) figure(`bank.outcome.${k}`, v, "movements");
figure("bank.read_only", read.ms / 1000, "s");
figure("bank.read_and_match", ms / 1000, "s");
figure("bank.match_only", matchOnly.ms / 1000, "s");
figure("bank.match_per_movement", (matchOnly.ms * 1000) / value.n, "µs");
figure("bank.ratio_to_read", ms / read.ms, "x");
figure("bank.peak_rss", full.peakRssMb, "MB");
figure("bank.target_10s", ms <= 10_000 ? 1 : 0, "(1 = within 10 s)");
