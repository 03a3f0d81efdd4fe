import { type Config, loadConfig } from "../config";
import { sqlitePath } from "../db/migrate";
import { messages } from "../i18n";
import { CliError } from "./command";

/** The `--db` option every command that reads the database takes (issue 13). */
export const DB_OPTION = { db: { type: "string" } } as const;

/**
 * The settings for a command, with `--db` (a SQLite URL, or a plain path) in place of DATABASE_URL; says on
 * stderr which database it is, so nobody reads figures from the wrong file (stdout stays the command's output).
 */
export function commandConfig(db: string | undefined, opts: { slack?: boolean } = {}): Config {
  if (db !== undefined && db.trim() === "")
    throw new CliError("--db: give a SQLite file, e.g. file:./data/credito.db");
  const url = db === undefined ? undefined : db.startsWith("file:") ? db : `file:${db}`;
  const config = loadConfig(url ? { ...process.env, DATABASE_URL: url } : process.env, opts);
  process.stderr.write(`${messages(config.locale).cli.database(sqlitePath(config.databaseUrl))}\n`);
  return config;
}
