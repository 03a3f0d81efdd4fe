import type { App } from "@slack/bolt";
import type { AppContext } from "../../context";
import { registerCommands } from "./commands";
import { registerAppHome } from "./events/app-home-opened";

/** Every listener of the app, registered in one place. */
export function registerListeners(app: App, ctx: AppContext): void {
  registerCommands(app, ctx, []);
  registerAppHome(app, ctx);
}
