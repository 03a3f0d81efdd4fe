import { bancaCommand } from "./cli/banca";
import { type CliCommand, CliError } from "./cli/command";
import { demoCommand } from "./cli/demo";
import { digestCommand } from "./cli/digest";
import { dossierCommand } from "./cli/dossier";
import { importCommand } from "./cli/import";
import { reportCommand } from "./cli/report";
import { sollecitiCommand } from "./cli/solleciti";
import { tassiCommand } from "./cli/tassi";

/**
 * The `credito` command. Each command lives in src/cli/<name>.ts and is listed here, one line each.
 * A command module is imported by every call (for --help), so at its top it imports only what parsing
 * its options needs (node:util, ./command, pure src/domain and src/i18n helpers) and imports the rest
 * (config, database, runtime, services, readers, charts, PDF) inside run(), with `await import(...)`:
 * `credito --help` then loads no Prisma, Bolt, charts or PDF, and each command only what it uses.
 * The build (scripts/build.mjs) makes each such import a chunk of its own; test/e2e/cli-startup.test.ts
 * fails when a command's top-level imports pull one of those in.
 */
const commands: CliCommand[] = [
  demoCommand,
  digestCommand,
  importCommand,
  dossierCommand,
  tassiCommand,
  reportCommand,
  bancaCommand,
  sollecitiCommand,
];

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Credito: the credit-collection assistant. Usage: credito <command> [options]",
    "",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "credito <command> --help shows the options of a command.",
  ].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`credito: unknown command "${name}"\n\n${help()}\n`);
    return 1;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`Usage: credito ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (err: unknown) => {
    // config.ts (and zod) is imported here, on the error path only: --help must not load it
    const { ConfigError } = await import("./config");
    if (err instanceof ConfigError) {
      process.stderr.write(`credito: fix these settings:\n${err.problems.map((p) => `  ${p}`).join("\n")}\n`);
      process.exit(2);
    }
    // node:util parseArgs: an unknown option or a missing value is the user's mistake, not a crash
    const code = (err as { code?: string }).code ?? "";
    if (err instanceof CliError || code.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`credito: ${(err as Error).message}\n`);
      process.exit(1);
    }
    process.stderr.write(`credito: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
