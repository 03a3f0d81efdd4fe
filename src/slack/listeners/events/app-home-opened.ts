import type { App } from "@slack/bolt";
import type { AppContext } from "../../../context";
import { messages } from "../../../i18n";
import { teamPosition } from "../../../services/position";
import { reportHomeExtra } from "../../../services/report";
import { homeView } from "../../views/home";

/** Publishes the team's position when someone opens Credito's Home tab. */
export function registerAppHome(app: App, ctx: AppContext): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const [position, report] = await Promise.all([
      teamPosition(ctx),
      // the report's figures are a bonus: Home still opens without them
      reportHomeExtra(ctx).catch((err) => {
        ctx.log.error("App Home: report figures failed", err);
        return [];
      }),
    ]);
    const locale = ctx.config.locale;
    await client.views.publish({
      user_id: event.user,
      view: homeView(position, messages(locale), locale, report),
    });
  });
}
