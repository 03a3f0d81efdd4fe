import type { App } from "@slack/bolt";
import type { AppContext } from "../../context";
import { registerDigestTaskActions } from "./actions/digest-task";
import { registerCommands } from "./commands";
import { digestSubcommand } from "./commands/digest";
import { oggiSubcommand } from "./commands/oggi";
import { registerAppHome } from "./events/app-home-opened";

/** Every listener of the app, registered in one place. */
export function registerListeners(app: App, ctx: AppContext): void {
  registerCommands(app, ctx, [oggiSubcommand, digestSubcommand]);
  registerAppHome(app, ctx);
  // TODO(lead): wire to the /credito log modal opener once it lands
  registerDigestTaskActions(app, ctx, async () => undefined);
}
