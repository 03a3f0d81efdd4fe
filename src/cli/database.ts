import type { Config } from "../config";
import { CliError, cliMessages } from "./command";

/** The `--db` option every command that reads the database takes (issue 13). */
export const DB_OPTION = { db: { type: "string" } } as const;

/**
 * The settings for a command, with `--db` (a SQLite URL, or a plain path) in place of DATABASE_URL; says on
 * stderr which database it is, so nobody reads figures from the wrong file (stdout stays the command's output).
 * Settings and the database layer are imported here, not at the top, so `credito --help` doesn't load them.
 */
export async function commandConfig(db: string | undefined, opts: { slack?: boolean } = {}): Promise<Config> {
  if (db !== undefined && db.trim() === "") throw new CliError(cliMessages().errors.badDb);
  const [{ loadConfig }, { sqlitePath }, { messages }] = await Promise.all([
    import("../config"),
    import("../db/migrate"),
    import("../i18n"),
  ]);
  const url = db === undefined ? undefined : db.startsWith("file:") ? db : `file:${db}`;
  const config = loadConfig(url ? { ...process.env, DATABASE_URL: url } : process.env, opts);
  process.stderr.write(`${messages(config.locale).cli.database(sqlitePath(config.databaseUrl))}\n`);
  return config;
}
