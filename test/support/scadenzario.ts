// A generated scadenzario CSV for tests and benchmarks of large imports.

import { vatCheckDigit } from "../../src/domain/vat";

function it(cents: number): string {
  const euros = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+$)/g, ".");
  return `${euros},${String(cents % 100).padStart(2, "0")}`;
}

function date(dayOffset: number): string {
  const d = new Date(Date.UTC(2025, 0, 1) + dayOffset * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

/** A deterministic scadenzario (the import and busy benchmarks' too): `customers` customers, invoices of 1 to 3 instalments, some partly paid. */
export function generateScadenzario(
  rows: number,
  customers = Math.max(1, Math.round(rows / 50)),
  /** added to the customer numbers (codes and VAT numbers): another company's customers */
  offset = 0,
): string {
  const lines = [
    "Codice cliente;Ragione sociale;Partita IVA;N. documento;Data documento;Data scadenza;Importo;Residuo",
  ];
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  let n = 0;
  let doc = 0;
  while (n < rows) {
    doc += 1;
    const c = Math.floor(rnd() * customers) + 1 + offset;
    const first10 = String(1_000_000_000 + c).padStart(10, "0");
    const vat = first10 + vatCheckDigit(first10);
    const issued = Math.floor(rnd() * 420);
    const rate = Math.min(rows - n, 1 + Math.floor(rnd() * 3));
    for (let r = 0; r < rate; r++) {
      const amount = 5_000 + Math.floor(rnd() * 2_000_000);
      const open = rnd() < 0.2 ? Math.floor(amount / 2) : amount;
      lines.push(
        `C${String(c).padStart(5, "0")};Cliente ${c} S.r.l.;IT${vat};${2025 + Math.floor(issued / 365)}/${doc};${date(issued)};${date(issued + 30 * (r + 1))};${it(amount)};${it(open)}`,
      );
      n += 1;
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}
