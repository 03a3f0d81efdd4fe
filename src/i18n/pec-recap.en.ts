import type { pecRecapIt } from "./pec-recap.it";

/** The English PEC recap of a visit ending in a promise (src/domain/trip-pec.ts). */
export const pecRecapEn: typeof pecRecapIt = {
  subject: (visit: string, customer: string) =>
    `Summary of our meeting of ${visit} and statement of account - ${customer}`,
  to: (customer: string, vat: string | null) => `To ${customer}${vat ? ` (VAT ${vat})` : ""}`,
  attention: (person: string) => `for the attention of ${person}`,
  opening: (visit: string, collector: string, creditor: string | null) =>
    `Further to the meeting held at your premises on ${visit} with ${collector}, ` +
    `we write to summarise what was agreed and the amount you owe to ${creditor ?? "our company."}`,
  openInvoices: (today: string) => `As of ${today} the following invoices are unpaid:`,
  invoice: (label: string, issued: string, overdue: boolean, due: string, amount: string) =>
    `- invoice no. ${label} of ${issued}, ${overdue ? "due on" : "falling due on"} ${due}: ${amount}`,
  installment: (number: string, n: number) => `${number} (instalment ${n})`,
  total: (total: string, overdue: string | null) =>
    `Total owed: ${total}${overdue ? `, of which past due ${overdue}` : ""}.`,
  promise: (amount: string, due: string) => `During the meeting you undertook to pay ${amount} by ${due}.`,
  plan: "During the meeting you undertook to pay according to the following plan:",
  planRow: (amount: string, due: string) => `- ${amount} by ${due}`,
  awaitingTransfer:
    "We take note of your commitment and look forward to your payment on the agreed dates, by bank transfer to:",
  awaiting: "We take note of your commitment and look forward to your payment on the agreed dates.",
  beneficiary: "Beneficiary",
  causale: "Reference",
  interest:
    "Please note that late-payment interest under Italian Legislative Decree 231/2002 accrues on the amounts past due and that, " +
    "failing payment, we reserve the right to protect our claim by the appropriate means.",
  remarks: "Please let us know in writing, promptly, of any remarks on the above.",
  regards: "Kind regards,",
  signature: "Credit department",
  vat: "VAT",
};
