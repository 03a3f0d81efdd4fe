import type { App } from "@slack/bolt";
import { messages } from "../../../i18n";
import { homeView, outsiderHomeView } from "../../../messages/home";
import { personalLocale } from "../../user-locale";
import type { ListenerContext } from "../kit";

/**
 * Publishes the team's position when a team member opens Credito's Home tab; receivables are not shown
 * to anyone else in the workspace.
 */
export function registerAppHome(app: App, ctx: ListenerContext): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const locale = await personalLocale(ctx.config, client, event.user);
    if (!(await ctx.services.team.memberBySlackId(event.user))) {
      await client.views.publish({ user_id: event.user, view: outsiderHomeView(messages(locale)) });
      return;
    }
    const [position, report] = await Promise.all([
      ctx.services.customers.teamPosition(),
      // the report's figures are a bonus: Home still opens without them
      ctx.services.report.reportHomeExtra(locale).catch((err) => {
        ctx.log.error("App Home: report figures failed", err);
        return [];
      }),
    ]);
    await client.views.publish({
      user_id: event.user,
      view: homeView(position, messages(locale), locale, report),
    });
  });
}
