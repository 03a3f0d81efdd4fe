import type { AppContext } from "../context";
import { postWeeklyReport } from "../services/report/report";

/** Monday, after the digest: last week's report in the channel, once per week (outbox key report:week:<monday>). */
export async function runWeeklyReportJob(ctx: AppContext): Promise<void> {
  const { report, charts } = await postWeeklyReport(ctx);
  ctx.log.info(
    `report: week ${report.period.from}..${report.period.to} ${charts > 0 ? "queued" : "already posted"}`,
  );
}
