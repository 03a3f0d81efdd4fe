import type { App } from "@slack/bolt";
import { registerBankActions } from "./actions/bank";
import { registerCustomerCardActions } from "./actions/customer-card";
import { registerDigestTaskActions } from "./actions/digest-task";
import { registerDisputeActions } from "./actions/dispute";
import { registerLogOutcomeActions } from "./actions/log-outcome";
import { registerReminderActions } from "./actions/reminders";
import { registerTripActions } from "./actions/trip";
import { caseThreadSubcommands, registerCaseThreads } from "./case-threads";
import { registerCommands } from "./commands";
import { clienteSubcommand } from "./commands/cliente";
import { digestSubcommand } from "./commands/digest";
import { giroSubcommand } from "./commands/giro";
import { importaSubcommand } from "./commands/importa";
import { logSubcommand } from "./commands/log";
import { oggiSubcommand } from "./commands/oggi";
import { reportSubcommand } from "./commands/report";
import { registerAppHome } from "./events/app-home-opened";
import { registerFileShared } from "./events/file-shared";
import type { ListenerContext } from "./kit";
import { registerCustomerOptions } from "./options/customers";
import { registerBankViews } from "./views/bank";
import { registerLogSubmission } from "./views/log-submission";
import { registerTripViews } from "./views/trip";

/** Every listener of the app, registered in one place. */
export function registerListeners(app: App, ctx: ListenerContext): void {
  // in the order of the help: the daily loop first, admin tools last
  registerCommands(app, ctx, [
    logSubcommand,
    clienteSubcommand,
    oggiSubcommand,
    giroSubcommand,
    ...caseThreadSubcommands,
    reportSubcommand,
    importaSubcommand,
    digestSubcommand,
  ]);
  registerCaseThreads(app, ctx);
  registerAppHome(app, ctx);
  registerFileShared(app, ctx);
  registerLogOutcomeActions(app, ctx);
  registerCustomerOptions(app, ctx);
  registerLogSubmission(app, ctx);
  registerCustomerCardActions(app, ctx);
  registerDigestTaskActions(app, ctx);
  registerDisputeActions(app, ctx);
  registerTripActions(app, ctx);
  registerTripViews(app, ctx);
  registerBankActions(app, ctx);
  registerBankViews(app, ctx);
  registerReminderActions(app, ctx);
}
