import { type CliCommand, CliError, cliMessages, parseCliArgs, usageOf } from "./command";
import { commandConfig, DB_OPTION } from "./database";

/** "2026-07-01", "2026H2", "2026-H2", "2026 h2" -> "2026-07-01"; null when not a half-year. */
export function parseHalfYear(input: string): string | null {
  const s = input.trim().toUpperCase();
  const iso = /^(\d{4})-(01|07)-01$/.exec(s);
  if (iso) return s;
  const h = /^(\d{4})[\s-]?H([12])$/.exec(s);
  if (h) return `${h[1]}-${h[2] === "1" ? "01" : "07"}-01`;
  return null;
}

/** "2,15" / "2.15" / "2.15%" -> 215 basis points; null when not a plausible rate. */
export function parseRatePercent(input: string): number | null {
  const s = input.trim().replace("%", "").replace(",", ".");
  if (!/^-?\d{1,2}(\.\d{1,2})?$/.test(s)) return null;
  const bps = Math.round(Number(s) * 100);
  return bps >= -500 && bps <= 3000 ? bps : null;
}

/**
 * `credito tassi`: the semester reference rates for D.Lgs. 231/2002 interest (before the 8 points).
 *   credito tassi                        list the table
 *   credito tassi <half-year> <rate>     add or correct a half-year, e.g. `credito tassi 2026H2 2,15`
 */
export const tassiCommand: CliCommand = {
  name: "tassi",
  async run(argv) {
    const { values, positionals } = parseCliArgs({
      args: argv,
      options: { ...DB_OPTION },
      allowPositionals: true,
      strict: true,
    });
    const e = cliMessages().errors;
    if (positionals.length !== 0 && positionals.length !== 2) {
      throw new CliError(e.halfYearAndRate(usageOf("tassi")));
    }
    // imported here, not at the top, so `credito --help` doesn't load them (see src/cli.ts)
    const [{ openDb }, { halfYearLabel }] = await Promise.all([
      import("../db/client"),
      import("../services/cases/dossier"),
    ]);
    const config = await commandConfig(values.db, { slack: false });
    const db = await openDb(config.databaseUrl);
    try {
      if (positionals.length === 2) {
        const period = parseHalfYear(positionals[0] ?? "");
        if (!period) throw new CliError(e.badHalfYear(positionals[0] ?? ""));
        const bps = parseRatePercent(positionals[1] ?? "");
        if (bps === null) throw new CliError(e.badRate(positionals[1] ?? ""));
        await db.$transaction(async (tx) => {
          const before = await tx.referenceRate.findUnique({ where: { periodStart: period } });
          await tx.referenceRate.upsert({
            where: { periodStart: period },
            create: { periodStart: period, rateBps: bps },
            update: { rateBps: bps },
          });
          await tx.auditEntry.create({
            data: {
              actor: "cli",
              action: "reference_rate.set",
              detail: JSON.stringify({ periodStart: period, rateBps: bps, before: before?.rateBps ?? null }),
            },
          });
        });
      }
      const percent = new Intl.NumberFormat(config.locale === "en" ? "en-GB" : "it-IT", {
        style: "percent",
        minimumFractionDigits: 2,
      });
      const rows = await db.referenceRate.findMany({ orderBy: { periodStart: "asc" } });
      const lines = rows.map(
        (r) => `${halfYearLabel(r.periodStart)}  ${r.periodStart}  ${percent.format(r.rateBps / 10_000)}`,
      );
      process.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    } finally {
      await db.$disconnect();
    }
  },
};
