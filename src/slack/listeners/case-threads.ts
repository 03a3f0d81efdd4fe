import type { App } from "@slack/bolt";
import { registerCaseThreadActions } from "./actions/case-thread";
import { dossierSubcommand } from "./commands/dossier";
import { praticaSubcommand } from "./commands/pratica";
import { teamSubcommand } from "./commands/team";
import { registerCaseThreadEvents } from "./events/case-thread";
import type { ListenerContext, Subcommand } from "./kit";
import { registerCaseThreadViews } from "./views/case-thread";

/** The /credito sub-commands of the case threads: team, pratica (approvals), dossier. */
export const caseThreadSubcommands: readonly Subcommand[] = [
  praticaSubcommand,
  dossierSubcommand,
  teamSubcommand,
];

/** Case threads: approval and note buttons, their modals, thread messages and "@Credito riassunto". */
export function registerCaseThreads(app: App, ctx: ListenerContext): void {
  registerCaseThreadActions(app, ctx);
  registerCaseThreadViews(app, ctx);
  registerCaseThreadEvents(app, ctx);
}
