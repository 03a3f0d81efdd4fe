import type { AppContext } from "../../../context";
import type { UseCases } from "../../../services/use-cases";

/**
 * What a listener gets: the settings, the clock, the logger, the outbox for replies, and the use cases bound
 * to the app context by the wiring (`src/slack/app.ts`). No `db`: every read or write is a service's.
 */
export interface ListenerContext extends Omit<AppContext, "db"> {
  services: UseCases;
}
