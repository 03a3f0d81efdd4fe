import { bancaCommand } from "./cli/banca";
import { type CliCommand, CliError, cliMessages } from "./cli/command";
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
  const t = cliMessages();
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    t.help.intro,
    "",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${t.summary[c.name]}`),
    "",
    `  ${t.help.locale}`,
    "",
    t.help.more,
  ].join("\n");
}

/**
 * The global `--locale it|en` (anywhere on the line) is taken out of argv and put into CREDITO_LOCALE, so the
 * help, the commands and the settings they load all speak that language.
 */
function takeLocale(argv: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg !== "--locale" && !arg.startsWith("--locale=")) {
      rest.push(arg);
      continue;
    }
    const value = arg === "--locale" ? (argv[++i] ?? "") : arg.slice("--locale=".length);
    if (value !== "it" && value !== "en") throw new CliError(cliMessages().errors.badLocale(value));
    process.env.CREDITO_LOCALE = value;
  }
  return rest;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = takeLocale(argv);
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  const t = cliMessages();
  if (!command) {
    process.stderr.write(`credito: ${t.help.unknownCommand(name)}\n\n${help()}\n`);
    return 1;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    const details = command.details ? `${command.details(t)}\n` : "";
    process.stdout.write(`${t.help.usage(t.usage[command.name])}\n${t.summary[command.name]}\n${details}`);
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
      const fix = cliMessages().errors.fixSettings;
      process.stderr.write(`credito: ${fix}\n${err.problems.map((p) => `  ${p}`).join("\n")}\n`);
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
