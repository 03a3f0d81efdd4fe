import { writeFileSync } from "node:fs";
import { systemClock, today } from "../context";
import { isIsoDate } from "../domain/calendar";
import { monthPeriod, type Period, weekPeriod } from "../domain/kpi";
import { type CliCommand, CliError, cliMessages, parseCliArgs } from "./command";
import { commandConfig, DB_OPTION } from "./database";

const FORMATS = ["csv", "xlsx", "json"] as const;
type Format = (typeof FORMATS)[number];

/**
 * `credito report`: the owner's report figures for the accountant, as CSV (Italian Excel: `;`, decimal comma,
 * UTF-8 with BOM), XLSX or JSON. Without --from/--to: the month so far (or --period settimana).
 */
export const reportCommand: CliCommand = {
  name: "report",
  async run(argv) {
    const { values } = parseCliArgs({
      args: argv,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        period: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        ...DB_OPTION,
      },
      strict: true,
    });
    const format = (values.format ?? "") as Format;
    const e = cliMessages().errors;
    if (!FORMATS.includes(format)) throw new CliError(e.badFormat(values.format ?? ""));
    if (format === "xlsx" && !values.out) throw new CliError(e.xlsxNeedsOut);
    for (const key of ["from", "to"] as const) {
      const v = values[key];
      if (v !== undefined && !isIsoDate(v)) throw new CliError(e.badDate(`--${key}`, v, "2026-11-30"));
    }
    if ((values.from === undefined) !== (values.to === undefined)) throw new CliError(e.bothFromTo);
    if (values.from && values.to && values.from > values.to) throw new CliError(e.fromAfterTo);
    if (values.from && values.period) throw new CliError(e.periodOrRange);
    if (values.period && !["mese", "month", "settimana", "week"].includes(values.period)) {
      throw new CliError(e.badPeriod(values.period));
    }

    // imported here, not at the top, so `credito --help` doesn't load them (see src/cli.ts)
    const [{ openDb }, { buildReport, rangePeriod }, { reportCsv, reportJson, reportXlsx }] =
      await Promise.all([
        import("../db/client"),
        import("../services/report/report"),
        import("../services/report/report-export"),
      ]);
    const config = await commandConfig(values.db, { slack: false });
    const day = today({ clock: systemClock, config });
    let period: Period;
    if (values.from && values.to) period = rangePeriod(values.from, values.to);
    else if (values.period === "settimana" || values.period === "week") period = weekPeriod(day);
    else period = monthPeriod(day);

    const db = await openDb(config.databaseUrl);
    try {
      const report = await buildReport({ db }, period);
      const locale = config.locale;
      const body: string | Buffer =
        format === "json"
          ? reportJson(report)
          : format === "csv"
            ? reportCsv(report, locale)
            : await reportXlsx(report, locale);
      if (values.out) {
        writeFileSync(values.out, body);
        const written = cliMessages().reportWritten(period.from, period.to, format, values.out);
        process.stderr.write(`${written}\n`);
      } else {
        process.stdout.write(body);
      }
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
};
