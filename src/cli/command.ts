import { type ParseArgsConfig, parseArgs } from "node:util";
import { type Locale, type Messages, messages } from "../i18n";

export type CliMessages = Messages["cli"];
export type CliCommandName = keyof CliMessages["summary"];

/** One `credito <name>` command of the CLI; its summary and usage are in the catalogues (src/i18n/cli.*.ts). */
export interface CliCommand {
  name: CliCommandName;
  /** more lines for `credito <name> --help`, after the usage */
  details?: (t: CliMessages) => string;
  /** returns the process exit code */
  run(argv: string[]): Promise<number>;
}

/** A CLI error the user can fix (bad option, unreadable file): printed as one line, exit code 1. */
export class CliError extends Error {}

/**
 * The CLI's language: `--locale` (src/cli.ts puts it into CREDITO_LOCALE before any command runs), else
 * CREDITO_LOCALE, else Italian. A wrong CREDITO_LOCALE is reported by the settings check of the command that
 * loads them; the help and the option errors before it speak Italian.
 */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return env.CREDITO_LOCALE === "en" ? "en" : "it";
}

/** The CLI messages in the CLI's language. */
export function cliMessages(): CliMessages {
  return messages(cliLocale()).cli;
}

/** "credito <usage>" of a command, in the CLI's language. */
export function usageOf(name: CliCommandName): string {
  return cliMessages().usage[name];
}

/** Node's parseArgs errors, in the CLI's language (they carry the option in quotes). */
function parseArgsMessage(err: unknown, t: CliMessages): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code ?? "";
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  const option = quoted.split(" ")[0] ?? quoted;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return t.errors.unknownOption(option);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") return t.errors.missingValue(option);
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") return t.errors.unexpectedArgument(option);
  return message;
}

/** `parseArgs` for a command's argv: an unknown option or a missing value is a CliError (one line, exit 1). */
export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new CliError(parseArgsMessage(err, cliMessages()));
  }
}
