import type { bankIt } from "./bank.it";

/** English messages of the bank statement import (issue 15). Spread into en.ts. */
export const bankEn: typeof bankIt = {
  bank: {
    where: (line?: number, element?: string) => (line ? `line ${line}` : element ? `element ${element}` : ""),
    file: {
      notStatement: (file: string) =>
        `${file} is not a bank statement: use a camt.053/054, a CBI reporting flow or the home-banking movement list (CSV/XLSX with "Data contabile", "Dare", "Avere").`,
      emptyFile: (file: string) => `${file} is empty.`,
      unreadable: (file: string) => `${file} cannot be read (damaged or password protected).`,
      badXml: (file: string, detail: string) => `${file}: invalid XML at line ${detail}.`,
    },
    issue: {
      badDate: (v: string) => `invalid date "${v}": movement not read`,
      badAmount: (v: string) => `invalid amount "${v}": movement not read`,
      badSign: (v: string) => `invalid debit/credit sign "${v}": movement not read`,
      shortRecord: (n: string) => `record of ${n} characters instead of 120`,
      unknownRecord: (t: string) => `unknown record type "${t}", skipped`,
      orphanRecord: (t: string) => `record ${t} without its 62 movement, skipped`,
      missingFooter: () => "the EF footer record is missing: the file may be incomplete",
      noMovements: () => "no movements",
    },
    outcome: {
      matched: "✅ collected",
      proposed: "❓ to confirm",
      ignored: "ignored",
      returned: "⚠️ returned unpaid",
      duplicate: "= already imported",
      confirmed: "✅ confirmed",
      dismissed: "not a customer payment",
    },
    reason: {
      invoiceReference: "the remittance names the invoice",
      partialPayment: "partial payment of the named invoice",
      singleAmount: "the amount of one of its open invoices",
      combination: "the sum of some of its open invoices",
      promiseAmount: "the amount of an open promise or instalment",
      totalOpen: "all it has open",
      twoCombinations: "the amount fits more than one set of invoices",
      twoCustomers: "the same invoice number belongs to more customers",
      amountOnly: "only the amount matches: nothing names the customer",
      customerOnly: "customer recognised, the amount matches no invoice",
      alreadyPaid: "the remittance names invoices already paid",
      notRecorded: "not recorded: the invoice changed meanwhile",
      noCandidate: "no matching customer or invoice",
      outgoing: "outgoing",
      fee: "fees and charges",
      returnFee: "fee of the return above",
      notCustomer: "not a customer payment",
      returnedInvoice: "invoice reopened",
      returnedUnknown: "invoice not found: check it",
    },
    by: { iban: "known IBAN", vat: "VAT number", name: "name", invoice: "invoice number" },
    kind: { riba_returned: "RiBa returned unpaid", sdd_returned: "SDD returned unpaid" },
    summary: (
      n: number,
      matched: number,
      cents: string,
      proposed: number,
      ignored: number,
      returned: number,
      dup: number,
    ) =>
      `${n} movements · collected ${matched} (${cents}) · to confirm ${proposed} · ignored ${ignored} · returned unpaid ${returned} · already imported ${dup}`,
    unreadableCount: (n: number) => (n === 1 ? "1 movement not read:" : `${n} movements not read:`),
    dryRun: "Dry run: nothing was recorded.",
    promises: (kept: number, partial: number, broken: number) =>
      `Promises kept ${kept} · partly kept ${partial} · broken ${broken}`,
    casesClosed: (n: number) => `Cases closed as paid: ${n}`,
    thread: {
      paid: (amount: string, invoices: string, date: string) =>
        `🏦 Payment from the bank: ${amount}${invoices ? ` on ${invoices}` : ""} (movement of ${date})`,
      returned: (kind: string, amount: string, invoices: string, fee: string) =>
        `⚠️ ${kind}: ${amount}${invoices ? ` on ${invoices}, open again` : ""}${fee ? `; bank fee ${fee} charged to the case` : ""}`,
    },
    task: {
      reason: (kind: string, amount: string, invoices: string, fee: string) =>
        `${kind}${invoices ? ` ${invoices}` : ""}: ${amount}${fee ? ` (fee ${fee})` : ""}`,
      action: "Call the customer today: ask for a bank transfer and a precise date",
    },
    slack: {
      working: (file: string) => `🏦 Reading the bank statement ${file}…`,
      done: (file: string) => `🏦 Bank statement ${file}`,
      proposalsQueued: (n: number) =>
        `${n === 1 ? "1 movement to confirm" : `${n} movements to confirm`}: the proposal with its buttons goes to the team channel (the running bot posts it).`,
      proposalsNoChannel:
        "Movements to confirm: set CREDITO_CHANNEL to get their proposal in the channel, or send the file to Credito in a DM.",
      proposalsTitle: (file: string, n: number) =>
        n === 1 ? `🏦 ${file}: 1 movement to confirm` : `🏦 ${file}: ${n} movements to confirm`,
      movement: (amount: string, date: string, who: string, text: string) =>
        `*${amount}* of ${date}${who ? ` · ${who}` : ""}${text ? `\n“${text}”` : ""}`,
      proposal: (customer: string, invoices: string) =>
        `Proposal: *${customer}*${invoices ? `, ${invoices}` : ""}`,
      alternatives: (n: number) => `(${n} alternatives)`,
      more: (n: number) => `…and ${n} more: they appear here as you decide these.`,
      noProposal: "No proposal: choose the customer.",
      confirm: "Confirm",
      choose: "Choose…",
      notCustomer: "Not a customer payment",
      decided: (what: string, who: string) => `${what} by ${who}`,
      confirmedAs: (customer: string) => `✅ recorded on ${customer}`,
      dismissed: "· not a customer payment",
      alreadyDecided: "This movement was already decided.",
      adminOnly: "Only the accounts team can confirm bank payments.",
      modalTitle: "Choose the payment",
      modalSubmit: "Record",
      modalClose: "Cancel",
      customer: "Customer",
      customerPlaceholder: "Search by name, code or VAT number",
      invoices: "Invoices (optional)",
      invoicesHint: "Numbers separated by commas, e.g. 2026/0168, 169. Empty: oldest invoices first.",
      unknownInvoices: (list: string) => `Invoices not open for this customer: ${list}`,
      pickCustomer: "Choose the customer.",
    },
  },
};
