import type { Messages } from "./it";

export const en: Messages = {
  help: {
    title: "Credito: commands",
    intro: "Type `/credito` followed by a command:",
    unknown: (cmd: string) => `I don't know the command \`${cmd}\`.`,
    footer: "The morning digest is posted in the channel every business day.",
  },
  home: {
    title: "The team's position",
    updated: (when: string) => `Updated ${when}`,
    overdue: "Open overdue",
    openTotal: "Total open",
    onHold: "Credit on hold",
    customersOverdue: (n: number) => (n === 1 ? "1 customer overdue" : `${n} customers overdue`),
    casesByStage: "Cases by stage",
    noCases: "No open cases.",
    promisesWeek: "Promises due this week",
    noPromises: "No promises due this week.",
    morePromises: (n: number) => `…and ${n} more`,
  },
  stage: {
    internal: "Internal recovery",
    credit_hold: "Credit on hold",
    settlement: "Settlement proposed",
    agency: "Collection agency",
    legal: "Lawyer",
    closed: "Closed",
  },
  promiseStatus: {
    open: "open",
    kept: "kept",
    partial: "partly kept",
    broken: "broken",
    cancelled: "cancelled",
  },
  errors: {
    generic: "Something went wrong: please try again shortly. If it happens again, tell your admin.",
    notMember: "You are not in the Credito team. Ask an admin to add you with `/credito team`.",
  },
};
