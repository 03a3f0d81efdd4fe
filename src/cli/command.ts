import { type ParseArgsConfig, parseArgs } from "node:util";

/** One `credito <name>` command of the CLI. */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** returns the process exit code */
  run(argv: string[]): Promise<number>;
}

/** A CLI error the user can fix (bad option, unreadable file): printed as one line, exit code 1. */
export class CliError extends Error {}

/** `parseArgs` for a command's argv: an unknown option or a missing value is a CliError (one line, exit 1). */
export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}
