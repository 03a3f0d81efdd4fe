import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n";
import { readImportFile } from "../../src/import/read";
import { importReportLines } from "../../src/import/report";
import { ImportFileError } from "../../src/import/types";
import type { ImportSummary } from "../../src/services/imports/import";

// Issue 13, point 8: imports that explain themselves.

const t = messages("it");
const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

async function fileError(p: Promise<unknown>): Promise<ImportFileError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportFileError) return e;
    throw e;
  }
  throw new Error("expected a file error");
}

function summary(over: Partial<ImportSummary>): ImportSummary {
  return {
    files: [],
    errors: [],
    warnings: [],
    written: false,
    rejected: false,
    dryRun: false,
    rows: 0,
    customers: { created: 0, updated: 0, unchanged: 0 },
    invoices: { created: 0, updated: 0, closed: 0, unchanged: 0, closedMissing: 0 },
    payments: { recorded: 0, duplicates: 0, appliedCents: 0, unappliedCents: 0 },
    promises: { evaluated: 0, kept: 0, partial: 0, broken: 0 },
    openCents: 123_456,
    openInvoices: 7,
    ...over,
  };
}

describe("Cliente;Ragione sociale", () => {
  it("reads Cliente as the code when Ragione sociale gives the name", async () => {
    const f = await readImportFile(
      csv(
        "scadenzario.csv",
        "Cliente;Ragione sociale;Numero;Scadenza;Importo\n1001;Rossi Srl;F1;31/01/2026;100,00\n",
      ),
    );
    expect(f.errors).toEqual([]);
    expect(f.receivables[0]?.customer).toMatchObject({ code: "1001", name: "Rossi Srl" });
  });

  it("reads it as the customers' code too", async () => {
    const f = await readImportFile(
      csv("clienti.csv", "Cliente;Ragione sociale;Città;Telefono\nC9;Bianchi Snc;Verona;045 123\n"),
    );
    expect(f.kind).toBe("clienti");
    expect(f.customers[0]).toMatchObject({ code: "C9", name: "Bianchi Snc", city: "Verona" });
  });
});

describe("a header problem is reported as one", () => {
  it("names the missing field, the headers found and the field names --map accepts", async () => {
    const err = await fileError(
      readImportFile(csv("x.csv", "Codice cliente;Numero fattura;Importo\nC1;1;10,00\n"), {
        kind: "scadenzario",
      }),
    );
    const lines = importReportLines(
      summary({ rejected: true, errors: [{ file: err.file, row: null, key: err.key, args: err.args }] }),
      t,
      "it",
    );
    expect(lines).toEqual([
      "File non importato: x.csv: manca la colonna data scadenza. Intestazioni trovate: Codice cliente | Numero fattura | Importo. " +
        'Indica quale colonna è quale con --map "intestazione=campo" (campi: codice, ragione_sociale, piva, cf, livello_sollecito, data_ultimo_sollecito, ultimo_contatto, note_sollecito, numero, rata, data_documento, scadenza, importo, residuo)',
      "Non ho importato nulla: nessuna modifica salvata.",
    ]);
    expect(lines.join("\n")).not.toMatch(/riga scartata|Totale/);
  });
});

describe("every error of a row", () => {
  it("lists them all on the row's line, and an impossible date says it does not exist", async () => {
    const f = await readImportFile(
      csv(
        "scadenzario.csv",
        [
          "Codice cliente;Ragione sociale;Numero;Scadenza;Importo;Residuo",
          "C1;Rossi;F1;31/02/2026;12,x0;5,00",
          "C1;Rossi;F2;30/01/2026;10,00;20,00",
          "C1;Rossi;;2026-13-01;10,00;5,00",
        ].join("\n"),
      ),
    );
    expect(f.errors.map((e) => [e.row, e.key])).toEqual([
      [2, "impossibleDate"],
      [2, "badAmount"],
      [3, "openExceedsAmount"],
      [4, "missingField"],
      [4, "impossibleDate"],
    ]);
    const lines = importReportLines(summary({ rejected: true, errors: f.errors, files: [] }), t, "it");
    expect(lines).toEqual([
      "3 righe scartate: non ho importato nulla. Correggi il file o usa --skip-invalid per importare le righe buone.",
      '  - scadenzario.csv, riga 2: data scadenza: 31/02/2026 non esiste; importo non valido: "12,x0"',
      "  - scadenzario.csv, riga 3: il residuo (€ 20,00) supera l'importo (€ 10,00)",
      "  - scadenzario.csv, riga 4: manca numero documento; data scadenza: 2026-13-01 non esiste",
    ]);
  });
});

describe("a failed import prints no totals", () => {
  it("shows the totals only when something was imported", () => {
    const ok = importReportLines(summary({ written: true }), t, "it");
    expect(ok.at(-1)).toContain("€ 1.234,56");
    const failed = importReportLines(
      summary({
        rejected: true,
        errors: [{ file: "a.csv", row: 3, key: "badAmount", args: ["amount", "x"] }],
      }),
      t,
      "it",
    );
    expect(failed.join("\n")).not.toContain("€ 1.234,56");
  });
});
