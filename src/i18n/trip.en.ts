import { proposalKindsEn } from "./labels.en";
import type { tripIt } from "./trip.it";

/** English messages of the field trips (`/credito giro`, debrief, PEC recap; issue 7). Spread into en.ts. */
export const tripEn: typeof tripIt = {
  trip: {
    plan: {
      title: "Field trip",
      next: "Propose customers",
      confirm: "Confirm the trip",
      close: "Cancel",
      start: "First day",
      end: "Last day",
      area: "Area (provinces or cities)",
      areaPlaceholder: "E.g. VR, VI, PD or Napoli, Caserta or Campania",
      areaHint: "Province codes, city or region names, separated by commas.",
      intro: (area: string, dates: string, days: number, found: number) =>
        `🚗 *Area ${area}* · ${dates} · ${days === 1 ? "1 business day" : `${days} business days`} · ${found === 1 ? "1 customer with overdue" : `${found} customers with overdue`} in the area`,
      proposalHeader: (n: number) =>
        `*Credito's proposal* (${n} ${n === 1 ? "visit" : "visits"}: most at stake first, never-visited debtors count double)`,
      moreNotShown: (n: number) => `…and ${n} more in the list below.`,
      visits: "Customers to visit",
      visitsHint: (max: number) => `Remove or add customers (at most ${max}).`,
      neverMet: "never visited",
      lastVisit: (d: string) => `last visit ${d}`,
      broken: (n: number) => (n === 1 ? "1 broken promise" : `${n} broken promises`),
      overdue: (amount: string, days: number) => `${amount} overdue for ${days} days`,
      noteLabel: "Sales note",
      noPhone: "no phone",
      noAddress: "address missing",
      errors: {
        startRequired: "Choose the first day.",
        endRequired: "Choose the last day.",
        startPast: "A trip cannot start in the past.",
        endBeforeStart: "The last day comes before the first.",
        tooLong: "A trip lasts at most 14 days.",
        noBusinessDay: "There is no business day between these dates.",
        areaRequired: "Type at least one province or city.",
        noCandidates: "No customer in this area has overdue invoices.",
        noneChosen: "Choose at least one customer to visit.",
        tooMany: (max: number) => `At most ${max} visits per trip.`,
        overlap: (dates: string) => `You already have a trip on those days (${dates}).`,
      },
    },
    message: {
      title: (area: string, dates: string) => `🚗 Field trip · ${area} · ${dates}`,
      text: (area: string, dates: string, collector: string, n: number) =>
        `🚗 Field trip ${area} (${dates}) by ${collector}: ${n} ${n === 1 ? "visit" : "visits"}`,
      collector: (who: string) => `Collector: ${who}`,
      status: { planned: "planned", open: "under way", closed: "closed" } as Record<string, string>,
      day: (d: string) => `*${d}*`,
      visited: "✅ visited",
      skipped: "skipped",
      costs: (total: string) => `Costs recorded: ${total}`,
      noCosts: "No costs recorded.",
      addCost: "Costs",
      close: "Close the trip",
      closedAt: (d: string) => `Closed ${d}: the debrief is in the thread.`,
      unplanned: "unplanned",
    },
    planned: (dates: string, n: number) =>
      `🚗 Trip planned (${dates}, ${n} ${n === 1 ? "visit" : "visits"}): the plan is in the channel. During the trip \`/credito log\` records the visits; \`/credito giro spese\` the costs; \`/credito giro chiudi\` closes it and writes the debrief.`,
    noTrip: "You have no field trip under way. Plan one with `/credito giro`.",
    notYours: "Only the collector of the trip or an admin can do that.",
    alreadyClosed: "This trip is already closed.",
    closing: "⏳ Closing the trip and writing the debrief…",
    closed: (dates: string) => `✅ Trip of ${dates} closed: the debrief is in the trip's thread.`,
    cost: {
      title: "Trip costs",
      submit: "Save",
      kind: "Kind of cost",
      kinds: {
        travel: "Travel (train, plane, tolls)",
        km: "Kilometres (own car)",
        hotel: "Hotel",
        meals: "Meals",
        other: "Other",
      } as Record<string, string>,
      amount: "Amount (€)",
      amountHint: "For kilometres leave it empty: the per-km refund is used.",
      km: "Kilometres",
      kmHint: (rate: string) => `Refund ${rate} per km.`,
      date: "Date",
      note: "Note",
      errors: {
        kindRequired: "Choose the kind of cost.",
        amountRequired: "Type the amount.",
        amountInvalid: "Invalid amount (e.g. 85 or 85.50).",
        kmRequired: "Type the kilometres.",
        kmInvalid: "Invalid kilometres (a whole number from 1 to 5000).",
        dateInvalid: "Invalid date.",
        noteTooLong: "Note too long (200 characters at most).",
      } as Record<string, string>,
      line: (kind: string, amount: string, date: string, who: string) =>
        `💶 Cost: ${kind} ${amount} (${date}) · ${who}`,
      kmDetail: (km: number, rate: string) => `${km} km × ${rate}`,
      saved: (kind: string, amount: string, total: string) =>
        `💶 Cost recorded: ${kind} ${amount}. Trip total: ${total}.`,
    },
    debrief: {
      header: (area: string, dates: string) => `🚗 Trip debrief · ${area} · ${dates}`,
      text: (area: string, dates: string) => `Trip debrief ${area} (${dates})`,
      sourceAi: "Summary written by the AI from the logged data only (names, amounts and dates checked).",
      sourceDeterministic: "Automatic summary from the logged data.",
      sourceFallback: "Automatic summary: the AI did not answer in time or validly.",
      sourceInvented: "Automatic summary: the AI's text mentioned data that is not in the records.",
      money: (collected: string, promised: string, cost: string) =>
        `*Collected* ${collected} · *Promised* ${promised} · *Trip cost* ${cost}`,
      visits: (visited: number, planned: number) => `Visited ${visited} of ${planned} planned customers.`,
      costDetail: (list: string) => `Costs: ${list}`,
      newNumbers: "📞 New phone numbers",
      newFaces: "🤝 Debtors who now have a face (first visit)",
      financialInfo: "📊 Financial situation",
      attitudes: "Certainties about their attitude",
      acknowledgments: "✍️ Debt acknowledgments",
      proposals: "✍️ Formal proposals",
      negatives: "⚖️ Negative cases",
      promises: "⏳ Payment promises",
      notVisited: "Not visited",
      none: "none",
      sincerity: (n: number) => `sincerity ${n}/5`,
      signedOn: (kind: string, date: string) => `${kind} signed on ${date}`,
      settlement: (pay: string, writeOff: string | null) =>
        writeOff ? `settlement: pays ${pay}, writes off ${writeOff}` : `settlement: pays ${pay}`,
      settlementNoAmount: "settlement",
      restructuring: "restructuring plan",
      installments: (total: string) => `instalment plan for ${total}`,
      promiseLine: (amount: string, date: string) => `${amount} by ${date}`,
      pecDrafted: "PEC recap draft ready",
      nextHeader: (date: string) => `*Tomorrow, ${date}, in the morning digest:*`,
      next: {
        call_new_number: (n: number) => `📞 ${n} ${n === 1 ? "call" : "calls"} to the new numbers`,
        legal: (n: number) => `⚖️ ${n} ${n === 1 ? "case" : "cases"} to the lawyer (approval requested)`,
        verify_proposal: (n: number) =>
          `✍️ ${n} ${n === 1 ? "proposal" : "proposals"} to verify (owner's approval requested)`,
        keep_contact: (n: number) => `🤝 ${n} ${n === 1 ? "contact" : "contacts"} to keep up`,
      },
      noActions: "No actions for tomorrow: no customer was visited.",
      caseLine: (area: string, dates: string, date: string, outcome: string, next: string) =>
        `🚗 Visit of ${date} (trip ${area}, ${dates}): ${outcome}. Tomorrow: ${next}.`,
      caseNext: {
        call_new_number: (n: string) => `call the new number ${n}`,
        legal: "pass to the lawyer, awaiting approval",
        verify_proposal: "verify the proposal with the owner",
        keep_contact: "keep in contact",
      },
    },
    task: {
      proposalKind: proposalKindsEn,
      approvalTerms: {
        restructuring: (notes: string) => `Restructuring plan presented at the visit: ${notes}`,
        installments: (total: string, first: string, last: string) =>
          `Instalment plan for ${total}, from ${first} to ${last}`,
      },
    },
    narrative: {
      opening: (area: string, from: string, to: string, visited: number, planned: number) =>
        from === to
          ? `Field trip ${area} on ${from}: visited ${visited} of ${planned} customers.`
          : `Field trip ${area} from ${from} to ${to}: visited ${visited} of ${planned} customers.`,
      money: (collected: string, promised: string, cost: string) =>
        `Collected ${collected} and promised ${promised}, against a cost of ${cost}.`,
      numbers: (n: number) => (n === 1 ? "1 new phone number" : `${n} new phone numbers`),
      faces: (n: number) =>
        n === 1 ? "1 customer met for the first time" : `${n} customers met for the first time`,
      acknowledgments: (n: number) =>
        n === 1 ? "1 signed debt acknowledgment" : `${n} signed debt acknowledgments`,
      proposals: (n: number) => (n === 1 ? "1 formal proposal" : `${n} formal proposals`),
      gains: (list: string[]) => `The trip brought back ${list.join(", ")}.`,
      negatives: (n: number) =>
        n === 1 ? "1 negative case goes to the lawyer." : `${n} negative cases go to the lawyer.`,
      noMoneyButInfo: "Little cash, but information to work on from tomorrow.",
    },
    pec: {
      ready: (name: string, to: string) =>
        `📨 PEC recap draft for *${name}* (to ${to}): read it, then send it or copy it.`,
      send: "Send",
      copy: "Copy",
      subjectLabel: "Subject",
      sent: (to: string, when: string) => `✅ PEC sent to ${to} (${when}).`,
      sentCase: (to: string, who: string) => `📨 PEC recap sent to ${to} · ${who}`,
      notConfigured:
        "Sending PEC is not configured (CREDITO_PEC_SMTP_URL and CREDITO_PEC_FROM): use «Copy» and send it from your PEC mailbox.",
      failed: (why: string) =>
        `⚠️ PEC not sent (${why}): the draft is still to send; try again or use «Copy».`,
      alreadySent: "This PEC was already sent.",
      copyIntro: "PEC text to copy:",
      notFound: "PEC draft not found.",
    },
    usage: {
      syntax: "giro [spese | chiudi]",
      text: "plan a field trip; `giro spese` records a cost, `giro chiudi` closes the trip with the debrief",
    },
  },
};
