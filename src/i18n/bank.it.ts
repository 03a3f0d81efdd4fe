import { prep } from "../domain/italian";
/** Italian messages of the bank statement import (issue 15). Spread into it.ts. */
export const bankIt = {
  bank: {
    where: (line?: number, element?: string) =>
      line ? `riga ${line}` : element ? `elemento ${element}` : "",
    file: {
      notStatement: (file: string) =>
        `${file} non è un estratto conto: servono un camt.053/054, un flusso CBI di rendicontazione o la lista movimenti dell'home banking (CSV/XLSX con "Data contabile", "Dare", "Avere").`,
      emptyFile: (file: string) => `${file} è vuoto.`,
      unreadable: (file: string) => `${file} non si riesce a leggere (file rovinato o protetto da password).`,
      badXml: (file: string, detail: string) => `${file}: XML non valido alla riga ${detail}.`,
    },
    issue: {
      badDate: (v: string) => `data non valida "${v}": movimento non letto`,
      badAmount: (v: string) => `importo non valido "${v}": movimento non letto`,
      badSign: (v: string) => `segno dare/avere non valido "${v}": movimento non letto`,
      shortRecord: (n: string) => `record di ${n} caratteri invece di 120`,
      unknownRecord: (t: string) => `record di tipo "${t}" sconosciuto, saltato`,
      orphanRecord: (t: string) => `record ${t} senza il suo movimento 62, saltato`,
      missingFooter: () => "manca il record di coda EF: il file potrebbe essere incompleto",
      noMovements: () => "nessun movimento",
    } as Record<string, (...args: string[]) => string>,
    outcome: {
      matched: "✅ incassato",
      proposed: "❓ da confermare",
      ignored: "ignorato",
      returned: "⚠️ insoluto",
      duplicate: "= già importato",
      confirmed: "✅ confermato",
      dismissed: "non è un incasso cliente",
    } as Record<string, string>,
    reason: {
      invoiceReference: "la causale indica la fattura",
      partialPayment: "pagamento parziale della fattura indicata",
      singleAmount: "importo di una sua fattura aperta",
      combination: "somma di sue fatture aperte",
      promiseAmount: "importo di una promessa o rata aperta",
      totalOpen: "tutto il suo aperto",
      twoCombinations: "l'importo torna con più combinazioni di fatture",
      twoCustomers: "lo stesso numero di fattura è di più clienti",
      amountOnly: "solo l'importo corrisponde: nessun riferimento al cliente",
      customerOnly: "cliente riconosciuto, l'importo non corrisponde a nessuna fattura",
      alreadyPaid: "la causale indica fatture già pagate",
      notRecorded: "non registrato: la fattura è cambiata nel frattempo",
      noCandidate: "nessun cliente né fattura corrispondente",
      outgoing: "uscita",
      fee: "commissioni e spese",
      returnFee: "spese dell'insoluto precedente",
      notCustomer: "non è un incasso cliente",
      returnedInvoice: "fattura riaperta",
      returnedUnknown: "fattura non individuata: controlla",
    } as Record<string, string>,
    by: { iban: "IBAN noto", vat: "P. IVA", name: "nome", invoice: "numero fattura" } as Record<
      string,
      string
    >,
    kind: { riba_returned: "RiBa insoluta", sdd_returned: "SDD insoluto" } as Record<string, string>,
    summary: (
      n: number,
      matched: number,
      cents: string,
      proposed: number,
      ignored: number,
      returned: number,
      dup: number,
    ) =>
      `${n} movimenti · incassati ${matched} (${cents}) · da confermare ${proposed} · ignorati ${ignored} · insoluti ${returned} · già importati ${dup}`,
    unreadableCount: (n: number) => (n === 1 ? "1 movimento non letto:" : `${n} movimenti non letti:`),
    dryRun: "Prova: niente è stato registrato.",
    promises: (kept: number, partial: number, broken: number) =>
      `Promesse mantenute ${kept} · in parte ${partial} · non mantenute ${broken}`,
    casesClosed: (n: number) => `Pratiche chiuse perché saldate: ${n}`,
    thread: {
      paid: (amount: string, invoices: string, date: string) =>
        `🏦 Incasso dalla banca: ${amount}${invoices ? ` su ${invoices}` : ""} (movimento ${prep("del", date)})`,
      returned: (kind: string, amount: string, invoices: string, fee: string) =>
        `⚠️ ${kind}: ${amount}${invoices ? ` su ${invoices}, di nuovo aperta` : ""}${fee ? `; spese bancarie ${fee} a carico della pratica` : ""}`,
    },
    task: {
      reason: (kind: string, amount: string, invoices: string, fee: string) =>
        `${kind}${invoices ? ` ${invoices}` : ""}: ${amount}${fee ? ` (spese ${fee})` : ""}`,
      action: "Chiamare oggi il cliente: chiedere il pagamento con bonifico e una data precisa",
    },
    slack: {
      working: (file: string) => `🏦 Leggo l'estratto conto ${file}…`,
      proposalsQueued: (n: number) =>
        `${n === 1 ? "1 movimento da confermare" : `${n} movimenti da confermare`}: la proposta con i pulsanti va nel canale del team (la pubblica il bot in esecuzione).`,
      proposalsNoChannel:
        "Movimenti da confermare: imposta CREDITO_CHANNEL per riceverne la proposta nel canale, o manda il file a Credito in privato.",
      done: (file: string) => `🏦 Estratto conto ${file}`,
      proposalsTitle: (file: string, n: number) =>
        n === 1 ? `🏦 ${file}: 1 movimento da confermare` : `🏦 ${file}: ${n} movimenti da confermare`,
      movement: (amount: string, date: string, who: string, text: string) =>
        `*${amount}* ${prep("del", date)}${who ? ` · ${who}` : ""}${text ? `\n«${text}»` : ""}`,
      proposal: (customer: string, invoices: string) =>
        `Proposta: *${customer}*${invoices ? `, ${invoices}` : ""}`,
      alternatives: (n: number) => `(${n} alternative)`,
      more: (n: number) => `…e altri ${n}: compaiono qui man mano che decidi questi.`,
      noProposal: "Nessuna proposta: scegli tu il cliente.",
      confirm: "Conferma",
      choose: "Scegli…",
      notCustomer: "Non è un incasso cliente",
      decided: (what: string, who: string) => `${what} da ${who}`,
      confirmedAs: (customer: string) => `✅ registrato su ${customer}`,
      dismissed: "· non è un incasso cliente",
      alreadyDecided: "Questo movimento è già stato deciso.",
      adminOnly: "Solo l'amministrazione può confermare gli incassi della banca.",
      modalTitle: "Scegli l'incasso",
      modalSubmit: "Registra",
      modalClose: "Annulla",
      customer: "Cliente",
      customerPlaceholder: "Cerca per nome, codice o P. IVA",
      invoices: "Fatture (facoltativo)",
      invoicesHint:
        "Numeri separati da virgola, es. 2026/0168, 169. Vuoto: le fatture più vecchie per prime.",
      unknownInvoices: (list: string) => `Fatture non aperte per questo cliente: ${list}`,
      pickCustomer: "Scegli il cliente.",
    },
  },
};
