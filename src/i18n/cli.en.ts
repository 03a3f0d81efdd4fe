import type { cliIt } from "./cli.it";

/** English messages of the `credito` command line (issue 13). Spread into en.ts. */
export const cliEn: typeof cliIt = {
  cli: {
    database: (path: string) => `Database: ${path}`,
    dbOption: "--db file:path.db  the database to use (else DATABASE_URL, or file:./data/credito.db)",
    waitingSlack: "Waiting for Slack to confirm delivery…",
    rejected: (n: number, errors: string) =>
      `Slack refused ${n === 1 ? "1 message" : `${n} messages`}: ${errors}. Nothing was posted.`,
    queuedForBot: (n: number) =>
      `${n === 1 ? "1 message for Slack stays" : `${n} messages for Slack stay`} queued: the running bot (npm start) will deliver them.`,
    notDelivered: (n: number, error: string) =>
      `${n === 1 ? "1 message not delivered yet" : `${n} messages not delivered yet`} (${error}): ` +
      "they stay queued and the running bot (npm start) will deliver them.",
  },
};
