import type { KnownBlock } from "@slack/types";
import type { SummarySource } from "../domain/cards";
import type { CaseSummary } from "../domain/case-summary";
import { escapeMrkdwn, truncate } from "../domain/text";
import type { Messages } from "../i18n";

/** The answer to "@Credito riassunto" in a case thread. Every field is escaped (AI text included). */
export function caseSummaryMessage(
  summary: CaseSummary,
  source: SummarySource,
  customerName: string,
  t: Messages,
): { text: string; blocks: KnownBlock[] } {
  const s = t.caseThread;
  const rows: [string, string][] = [
    [s.summaryPosition, summary.position],
    [s.summaryHistory, summary.history],
    [s.summaryPromises, summary.promises],
    [s.summaryNext, summary.nextStep],
  ];
  const body = rows.map(([label, value]) => `*${label}*: ${escapeMrkdwn(truncate(value, 700))}`).join("\n");
  const note =
    source === "ai" ? s.summaryAi : source === "fallback" ? s.summaryFallback : s.summaryDeterministic;
  const title = s.summaryTitle(escapeMrkdwn(customerName));
  return {
    text: `${title}\n${body.replace(/\*/g, "")}\n${note}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${title}*\n${body}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: note }] },
    ],
  };
}
