// Demo scene (issue 15): Giulia sends Credito the morning's CBI statement in a DM. The statement is built
// from the demo data, so its invoice numbers exist: the payment a customer promised for today, a transfer
// with nothing but an amount (proposed), a RiBa returned unpaid with its fee, and the bank's own debits.

import { today } from "../context";
import { messages } from "../i18n";
import type { DemoWorld } from "./run";

const ADMIN = "U0ADMIN";

function put(line: string, from: number, text: string): string {
  return line.slice(0, from - 1) + text + line.slice(from - 1 + text.length);
}

/** One 120-character CBI record: [1-based position, length, value, zero-padded number?]. */
function cbi(type: string, fields: Array<[number, number, string | number, boolean?]>): string {
  let line = put(" ".repeat(120), 2, type);
  for (const [from, len, value, numeric] of fields) {
    line = put(
      line,
      from,
      numeric ? String(value).padStart(len, "0") : String(value).padEnd(len).slice(0, len),
    );
  }
  return line;
}

const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;

export async function buildDemoStatement(d: DemoWorld): Promise<Buffer> {
  const db = d.runtime.ctx.db;
  const day = today(d.runtime.ctx);
  const moves: Array<{ sign: "C" | "D"; cents: number; causale: string; text: string; extra: string[] }> = [];
  // the promise due today is kept by a transfer that names the invoices
  const promise = await db.paymentPromise.findFirst({
    where: { status: "open", dueDate: day },
    include: {
      customer: { include: { invoices: { where: { status: "open" }, orderBy: { dueDate: "asc" } } } },
    },
  });
  if (promise) {
    const c = promise.customer;
    const numbers = c.invoices.slice(0, 2).map((i) => i.number);
    moves.push({
      sign: "C",
      cents: promise.amountCents - promise.paidCents,
      causale: "48",
      text: "BONIFICO A VOSTRO FAVORE",
      extra: [`BON.DA ${c.name.toUpperCase()}`, `CAUS: ACCONTO FT ${numbers.join(" E ")}`],
    });
  }
  // a transfer with no name and no reference: only its amount points to an invoice
  const lone = await db.invoice.findFirst({
    where: { status: "open", customerId: { not: promise?.customerId ?? 0 } },
    orderBy: { dueDate: "asc" },
  });
  if (lone)
    moves.push({
      sign: "C",
      cents: lone.openCents,
      causale: "48",
      text: "BONIFICO A VOSTRO FAVORE",
      extra: ["CAUS: PAGAMENTO"],
    });
  // the RiBa of a recently paid invoice comes back unpaid, with the bank's fee right after it
  const riba = await db.invoice.findFirst({
    where: { status: "paid", closedOn: { not: null } },
    orderBy: { closedOn: "desc" },
    include: { customer: true },
  });
  if (riba) {
    moves.push({
      sign: "D",
      cents: riba.amountCents,
      causale: "50",
      text: "INSOLUTO RI.BA.",
      extra: [`RIBA INSOLUTA FT ${riba.number} DEBITORE ${riba.customer.name.toUpperCase()}`],
    });
    moves.push({ sign: "D", cents: 750, causale: "66", text: "COMMISSIONI INSOLUTO RIBA", extra: [] });
  }
  moves.push({
    sign: "D",
    cents: 412_30,
    causale: "26",
    text: "VOSTRA DISPOSIZIONE BONIFICO",
    extra: ["A FAVORE ENERGIA VENETA SPA CAUS: BOLLETTA"],
  });
  const date = ddmmyy(day);
  const lines = [
    cbi("RH", [
      [4, 5, "05428"],
      [9, 5, "A1B2C"],
      [14, 6, date],
      [20, 20, `RH${date}0001`],
    ]),
  ];
  lines.push(
    cbi("61", [
      [4, 7, 1, true],
      [24, 5, "05428"],
      [29, 5, "11101"],
      [34, 12, "000000123456"],
      [46, 3, "EUR"],
      [49, 6, date],
      [55, 1, "C"],
      [56, 15, 4_825_010, true],
    ]),
  );
  moves.forEach((m, i) => {
    lines.push(
      cbi("62", [
        [4, 7, 1, true],
        [11, 3, i + 1, true],
        [14, 6, date],
        [20, 6, date],
        [26, 1, m.sign],
        [27, 15, m.cents, true],
        [42, 2, m.causale],
        [62, 16, `DEMO${date}${String(i + 1).padStart(4, "0")}`],
        [87, 34, m.text],
      ]),
    );
    for (const e of m.extra)
      lines.push(
        cbi("63", [
          [4, 7, 1, true],
          [11, 3, i + 1, true],
          [14, 107, e],
        ]),
      );
  });
  lines.push(
    cbi("64", [
      [4, 7, 1, true],
      [11, 3, "EUR"],
      [14, 6, date],
      [20, 1, "C"],
      [21, 15, 4_900_000, true],
    ]),
  );
  lines.push(
    cbi("EF", [
      [4, 5, "05428"],
      [9, 5, "A1B2C"],
      [14, 6, date],
      [20, 20, `RH${date}0001`],
      [46, 7, 1, true],
      [53, 7, lines.length + 1, true],
    ]),
  );
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "latin1");
}

/** Giulia shares the statement in her DM with Credito; the summary and the proposals come back there. */
export async function playDemoBank(d: DemoWorld): Promise<void> {
  const bytes = await buildDemoStatement(d);
  const name = `movimenti-${today(d.runtime.ctx)}.cbi`;
  const url = d.slack.serveFile(`F0DEMOBANK/${name}`, bytes, { id: "F0DEMOBANK", name });
  await d.requester.event(
    {
      type: "message",
      subtype: "file_share",
      channel: `D${ADMIN}`,
      channel_type: "im",
      user: ADMIN,
      text: "",
      ts: "1700000050.000100",
      files: [{ id: "F0DEMOBANK", name, size: bytes.length, url_private: url }],
    },
    "EvDemoBank1",
  );
  const done = messages(d.runtime.ctx.config.locale).bank.slack.done(name);
  await d.slack.waitFor((calls) => calls.some((c) => String(c.args.text ?? "").startsWith(done)), 30_000);
}
