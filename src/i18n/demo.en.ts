import type { demoIt } from "./demo.it";

/** English text of `npm run demo` / `credito demo` (issue 18). */
export const demoEn: typeof demoIt = {
  intro: (day: string, customers: number, invoices: number, promises: number, cases: number, file: string) =>
    `Credito · demo of ${day}: ${customers} customers, ${invoices} invoices, ${promises} promises, ${cases} open cases (database ${file}).`,
  callsWritten: (file: string) =>
    `The demo's Slack calls are in ${file} (node ../shared/tools/slack-preview.mjs draws them).`,
  refused: (n: number, detail: string) => `Slack would refuse ${n} calls of the demo:\n${detail}`,
  scenes: {
    digest: "08:30 · Credito posts the day's work in the channel",
    bank: "08:45 · Giulia sends Credito the morning's CBI bank statement in a direct message",
    home: "Giulia (accounts) opens Credito's Home tab",
    today: "Marco (sales) types /credito oggi",
    help: "Giulia types /credito help",
    log: "09:10 · Giulia calls Ferramenta Tommasi back (broken promise) and logs the outcome in one line",
    reminder:
      "Giulia prepares a written reminder from the digest (Prepare reminder), reads it through and sends it",
    customer: "Giulia opens a customer's card: /credito cliente rota",
    approval: "Marco tries to approve Caseificio Esposito's settlement; then Roberto (owner) approves it",
    summary:
      "Marco and Giulia talk it over in the Tommasi case thread; then Marco asks Credito: @Credito summary",
    report: "Roberto (owner) types /credito report mese for last month: figures and charts in the channel",
    agency:
      "Giulia asks the owner to pass Trasporti Vesuviani to the agency: the request with its buttons, in the thread and in a DM to Roberto",
    trip: "17:30 · Luca is back from the field trip (VR, VI, PD): the visits logged with /credito log",
    debrief: "Luca types /credito giro chiudi: the debrief in the trip's thread and tomorrow's actions",
    payment:
      "Seven business days later: Caseificio Esposito's transfer arrives (payments import) and the settlement closes",
  },
  script: {
    logPromise: (amount: string, date: string) => `log tommasi promise ${amount} ${date}`,
    promiseAmount: "1,500",
    salesInThread: [
      "I saw Andrea Tommasi at the trade fair: he is waiting to be paid for a building site mid-month,",
      "Friday's promise sounds credible to me. Let's treat him well, he has been a customer for twenty years.",
    ],
    adminInThread: [
      "Ok, I'll give him until Friday. If nothing arrives I'll send the PEC, but I'll tell you first.",
    ],
    mention: "summary",
  },
  frame: {
    dm: (who: string) => `DM to ${who}`,
    inThread: (where: string) => `↳ in the thread (${where})`,
    updated: (channel: string) => `✏️  message updated (#${channel})`,
    onlyFor: (who: string) => `👁  only for ${who}`,
    onlyYou: "👁  reply only you can see",
    modal: (title: string) => `🪟 modal «${title}»`,
    home: (who: string) => `🏠 ${who}'s Home tab`,
    file: "📎 file uploaded",
    optional: " (optional)",
    image: "[image]",
  },
  mail: {
    header: "📧 Outgoing mail (the demo's SMTP)",
    fromTo: (from: string, to: string) => `From: ${from} · To: ${to}`,
    subject: (s: string) => `Subject: ${s}`,
    attachment: (name: string, pages: number, kb: number) =>
      `📎 ${name} (${pages === 1 ? "1 page" : `${pages} pages`}, ${kb} kB)`,
    noReminder: "(no written reminder in today's digest)",
    notSent: "(the reminder did not leave)",
  },
};
