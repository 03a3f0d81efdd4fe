import { parseArgs } from "node:util";
import type { CliCommand } from "./command";

export const demoCommand: CliCommand = {
  name: "demo",
  summary:
    "reset the demo database, run the real bot against the built-in Slack stand-in and print a scripted morning",
  usage: "demo [--db file:./data/demo.db]",
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { db: { type: "string" } }, strict: true });
    const { runDemo } = await import("../demo/run"); // here, not at the top: see src/cli.ts
    await runDemo({
      databaseUrl: values.db ?? "file:./data/demo.db",
      callsFile: "data/demo-slack-calls.json",
      write: (text) => process.stdout.write(text),
    });
    return 0;
  },
};
