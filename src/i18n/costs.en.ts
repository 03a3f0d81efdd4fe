import type { costsIt } from "./costs.it";

/** English words of the case costs (bank fees of returned RiBa/SDD): case parent, customer card, dossier. */
export const costsEn: typeof costsIt = {
  costs: {
    what: {
      riba_returned: "Fee on a returned RiBa",
      sdd_returned: "Fee on a returned SDD",
      bank_fee: "Bank charges",
      other: "Other cost",
    },
    line: (total: string, returned: string) => `Costs: ${total}${returned ? ` (${returned})` : ""}`,
    returned: { one: "returned item", other: "returned items" },
    section: "Costs incurred",
    head: ["Date", "What", "Amount"],
    total: "Total costs",
    none: "No costs recorded.",
    incurred: "Costs incurred (detailed below)",
    claimable: "Total claimable (capital + interest + recovery costs + costs incurred)",
    statement: "Bank charges on returned collections (RiBa/SDD)",
    inReminder: (amount: string) => `including bank charges on returned items ${amount}`,
    paymentMethod: {
      bonifico: "Bank transfer",
      riba: "RiBa",
      sdd: "SDD",
      riba_insoluta: "Returned RiBa",
      sdd_insoluto: "Returned SDD",
      scadenzario: "From the open-items list",
    },
  },
};
