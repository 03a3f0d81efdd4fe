import type { CaseCostLine } from "../domain/case-costs";

/** Italian words of the case costs (bank fees of returned RiBa/SDD): case parent, customer card, dossier. */
export const costsIt = {
  costs: {
    what: {
      riba_returned: "Commissione RiBa insoluta",
      sdd_returned: "Commissione SDD insoluto",
      bank_fee: "Spese bancarie",
      other: "Altra spesa",
    } satisfies Record<CaseCostLine["what"], string>,
    /** "Spese: € 7,50 (1 insoluto)" on the case parent and the customer card */
    line: (total: string, returned: string) => `Spese: ${total}${returned ? ` (${returned})` : ""}`,
    returned: { one: "insoluto", other: "insoluti" },
    section: "Spese sostenute",
    head: ["Data", "Voce", "Importo"],
    total: "Totale spese",
    none: "Nessuna spesa registrata.",
    /** the dossier's totals */
    incurred: "Spese sostenute (dettaglio sotto)",
    claimable: "Totale richiedibile (capitale + interessi + costi di recupero + spese)",
    /** the statement of account's totals, from the messa in mora on */
    statement: "Spese bancarie per effetti insoluti (RiBa/SDD)",
    /** under the reminder modal's "compresi interessi … e costi di recupero …" */
    inReminder: (amount: string) => `comprese spese bancarie per insoluti ${amount}`,
    /** how a payment came, in the dossier's payments (a method typed in a payments file stays as typed) */
    paymentMethod: {
      bonifico: "Bonifico",
      riba: "RiBa",
      sdd: "SDD",
      riba_insoluta: "RiBa insoluta",
      sdd_insoluto: "SDD insoluto",
      scadenzario: "Dallo scadenzario",
    } as Record<string, string>,
  },
};
