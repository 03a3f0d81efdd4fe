/** Italian messages of the `credito` command line (issue 13: which database, what reached Slack). Spread into it.ts. */
export const cliIt = {
  cli: {
    database: (path: string) => `Database: ${path}`,
    dbOption:
      "--db file:percorso.db  il database da usare (altrimenti DATABASE_URL, o file:./data/credito.db)",
    waitingSlack: "Aspetto che Slack confermi la consegna…",
    rejected: (n: number, errors: string) =>
      `Slack ha rifiutato ${n === 1 ? "1 messaggio" : `${n} messaggi`}: ${errors}. Non è stato pubblicato.`,
    queuedForBot: (n: number) =>
      `${n === 1 ? "1 messaggio per Slack resta" : `${n} messaggi per Slack restano`} in coda: li consegnerà il bot in esecuzione (npm start).`,
    notDelivered: (n: number, error: string) =>
      `${n === 1 ? "1 messaggio non ancora consegnato" : `${n} messaggi non ancora consegnati`} (${error}): ` +
      "restano in coda e li consegnerà il bot in esecuzione (npm start).",
  },
};
