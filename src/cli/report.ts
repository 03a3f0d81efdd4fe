import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { systemClock, today } from "../context";
import { isIsoDate } from "../domain/calendar";
import { monthPeriod, type Period, weekPeriod } from "../domain/kpi";
import { type CliCommand, CliError } from "./command";
import { commandConfig, DB_OPTION } from "./database";

const FORMATS = ["csv", "xlsx", "json"] as const;
type Format = (typeof FORMATS)[number];

/**
 * `credito report`: the owner's report figures for the accountant, as CSV (Italian Excel: `;`, decimal comma,
 * UTF-8 with BOM), XLSX or JSON. Without --from/--to: the month so far (or --period settimana).
 */
export const reportCommand: CliCommand = {
  name: "report",
  summary: "export the collection KPIs, aging, collectors and field trips of a period as csv, xlsx or json",
  usage:
    "report [--from YYYY-MM-DD --to YYYY-MM-DD | --period mese|settimana] --format csv|xlsx|json [--out file] [--db file:…]",
  async run(argv) {
    const { values } = parseArgs({
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
    if (!FORMATS.includes(format))
      throw new CliError(`--format: expected csv, xlsx or json, got "${values.format ?? ""}"`);
    if (format === "xlsx" && !values.out) throw new CliError("--format xlsx needs --out <file.xlsx>");
    for (const key of ["from", "to"] as const) {
      const v = values[key];
      if (v !== undefined && !isIsoDate(v))
        throw new CliError(`--${key}: "${v}" is not a date like 2026-11-30`);
    }
    if ((values.from === undefined) !== (values.to === undefined))
      throw new CliError("give both --from and --to");
    if (values.from && values.to && values.from > values.to) throw new CliError("--from is after --to");
    if (values.from && values.period) throw new CliError("give either --from/--to or --period, not both");
    if (values.period && !["mese", "month", "settimana", "week"].includes(values.period)) {
      throw new CliError(`--period: expected mese or settimana, got "${values.period}"`);
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
        process.stderr.write(`report ${period.from}..${period.to} (${format}) written to ${values.out}\n`);
      } else {
        process.stdout.write(body);
      }
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
};
