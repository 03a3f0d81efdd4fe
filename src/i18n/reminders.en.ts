import type { remindersIt } from "./reminders.it";

/** English messages of the written reminders (issue 14). */
export const remindersEn: typeof remindersIt = {
  step: {
    courtesy: "Courtesy reminder",
    firm: "Reminder",
    formal_notice: "Formal notice of default",
    final_notice: "Final notice before legal action",
    diffida: "Notice to perform (art. 1454 c.c.)",
  },
  stepSent: {
    courtesy: "Courtesy reminder sent",
    firm: "Reminder sent",
    formal_notice: "Formal notice sent",
    final_notice: "Final notice sent",
    diffida: "Notice to perform sent",
  },
  medium: { email: "email", pec: "PEC", letter: "letter" },
  prepare: "✉️ Prepare reminder",
  menuPrepare: "Prepare reminder",
  modal: {
    title: "Written reminder",
    send: "Send",
    sendForApproval: "Ask for approval",
    prepareLetter: "Prepare the letter",
    close: "Cancel",
    stepLabel: "Kind of reminder",
    recipientEmail: "Recipient (email)",
    recipientPec: "Recipient (PEC)",
    subject: "Subject",
    body: "Text",
    attachment: "Attachment name",
    saveDraft: "Save draft",
    saved: (at) => `Draft saved at ${at}.`,
    summary: (customer, n, amount) =>
      `*${customer}* · ${n === 1 ? "1 invoice" : `${n} invoices`} · ${amount}`,
    charges: (interest, costs) => `including interest ${interest} and recovery costs ${costs}`,
    excluded: (disputed, promised) =>
      [
        disputed > 0 ? `${disputed} disputed` : null,
        promised > 0 ? `${promised} covered by a running promise` : null,
      ]
        .filter(Boolean)
        .join(", "),
    excludedNote: (what) => `Left out: ${what}.`,
    letterNote: (address) =>
      `The customer has no email or PEC: I prepare the letter to print and send by registered post to *${address}*.`,
    letterStep: (address) => `This step goes by registered letter to *${address}*.`,
    noAddress: "postal address missing in the customer register",
    needsAdmin: "A formal notice needs an admin's approval: I ask in the case thread.",
    needsOwner: "This needs the owner's approval: I ask in the case thread.",
    needsSales: (who) => `Relationship to preserve 🤝: I ask ${who} first.`,
    diffidaWarning:
      "⚠️ A notice to perform ends the contract if the term passes unpaid: use it only if you no longer want to work with the customer.",
  },
  errors: {
    invalidAddress: "Invalid address: write one like accounts@company.com.",
    emptySubject: "Write the subject.",
    emptyBody: "The text cannot be empty.",
    badAttachment: "The attachment name must end in .pdf and contain no slashes.",
    noCompany:
      "Set the creditor company's data first (CREDITO_COMPANY_NAME, CREDITO_COMPANY_ADDRESS, CREDITO_COMPANY_VAT, CREDITO_COMPANY_IBAN): every reminder shows them.",
    nothingToRemind: (customer) =>
      `${customer} has no invoice to chase (none overdue, or disputed, or covered by a promise).`,
    notConfigured: (medium, settings) =>
      `Sending by ${medium} is not configured (${settings}): the reminder stays a draft.`,
    alreadySent: "This reminder was already sent.",
    awaiting: "This reminder is already waiting for approval in the case thread.",
    toPost: "This letter is ready in the case thread: press «Posted» once you have sent it.",
    notAllowed: "You cannot approve this reminder: it needs another role.",
    notFound: "Reminder not found.",
    notMember: "You are not in the credit team.",
  },
  queued: (customer, to) => `📨 Reminder to ${customer} on its way to ${to}.`,
  draftSaved: (customer) => `📝 Draft reminder to ${customer} saved.`,
  waiting: (customer) => `⏳ Reminder to ${customer} waiting for approval: I asked in the case thread.`,
  approval: {
    text: (step, customer, by) => `✋ ${step} for ${customer}, prepared by ${by}: needs your approval`,
    asks: (who) => `Approval needed from: ${who}`,
    approve: "Approve and send",
    reject: "Reject",
    ok: "Fine by me",
    object: "Object",
    approvedBy: (who) => `✅ Approved by ${who}`,
    rejectedBy: (who) => `❌ Stopped by ${who}: the reminder is a draft again.`,
    objectedBy: (who) => `✋ ${who} objects: the reminder is a draft again.`,
    okBy: (who) => `👍 ${who} agrees`,
  },
  thread: {
    sent: (stepSent, medium, to, who) => `✉️ ${stepSent} by ${medium} to ${to} · ${who}`,
    refused: (to, reason) =>
      `⚠️ The mail server refused the reminder to ${to}: ${reason}. Check the address and prepare another.`,
    uncertain: (to) =>
      `⚠️ Sending the reminder to ${to} was interrupted: it may have left. Check the sent mail before trying again.`,
    letterReady: (step, who) => `📄 ${step}: letter ready to print and send by registered post · ${who}`,
    letterPosted: (who) => `📮 Letter sent by registered post · ${who}`,
    posted: "Posted",
    delivered: (at) => `📬 PEC delivered on ${at} (delivery receipt): the term runs from here.`,
    notDelivered: (to, reason) => `⚠️ PEC to ${to} not delivered: ${reason}.`,
  },
  deliveredNote: (at) => `delivered on ${at} (PEC delivery receipt)`,
  batch: {
    header: (n) => `✉️ Today's written reminders · ${n}`,
    line: (customer, step, medium, amount) => `*${customer}* · ${step} · ${medium} · ${amount}`,
    waitsApproval: "needs approval before sending",
    review: "Review",
    sendAll: "Send all",
    none: "No written reminder to prepare today.",
    autoSent: (n) => `${n === 1 ? "1 courtesy email" : `${n} courtesy emails`} sent automatically.`,
    sentAll: (n, waiting) =>
      `📨 ${n === 1 ? "1 reminder" : `${n} reminders`} on their way${waiting > 0 ? `, ${waiting} waiting for approval` : ""}.`,
  },
  pdf: {
    statementTitle: (date) => `Statement of account at ${date}`,
    to: "To",
    vat: "VAT",
    head: ["Invoice", "Date", "Due", "Days", "Open", "Interest"],
    headShort: ["Invoice", "Date", "Due", "Days late", "Open"],
    overdue: "Overdue capital",
    interest: (date) => `Late-payment interest (Legislative Decree 231/2002, art. 5) to ${date}`,
    costs: (n) => `Recovery costs (Legislative Decree 231/2002, art. 6): € 40 x ${n}`,
    total: "Total due",
    rateNote: "Rate: ECB reference rate of the half-year + 8 points; simple interest, days/365.",
    lastKnownRate: (periods) =>
      `For ${periods} the rate is not in the table yet: the last known one was used.`,
    payTitle: "How to pay",
    beneficiary: "Beneficiary",
    iban: "IBAN",
    causale: "Reference",
    amount: "Amount",
    qr: "Scan the code with your banking app to fill in the transfer.",
    page: (n, of) => `Page ${n} of ${of}`,
    letterPlace: (date) => `Date: ${date}`,
    subject: "Subject",
    byPec: "Sent by PEC",
    byLetter: "Registered letter with return receipt",
  },
};
