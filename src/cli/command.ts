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
