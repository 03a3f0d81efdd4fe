import { messages } from "../../../i18n";
import type { DecisionError } from "../../../services/cases/approvals";
import type { ListenerContext } from "./context";

/** Whether a click came from somewhere else than the team channel (an owner's direct message). */
export function inDm(ctx: ListenerContext, channel: string | undefined): boolean {
  return channel !== undefined && channel !== ctx.config.slack.channel;
}

export function decisionErrorText(ctx: ListenerContext, error: DecisionError | "not_salesperson"): string {
  const t = messages(ctx.config.locale).approval;
  switch (error) {
    case "not_owner":
      return t.onlyOwner;
    case "not_salesperson":
      return t.onlySalesObject;
    case "already_decided":
      return t.alreadyDecided;
    case "case_closed":
      return t.caseClosed;
    case "reason_required":
      return t.reasonRequired;
    default:
      return t.notFound;
  }
}
