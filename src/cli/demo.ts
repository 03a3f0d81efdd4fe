import { parseArgs } from "node:util";
import { runDemo } from "../demo/run";
import type { CliCommand } from "./command";

export const demoCommand: CliCommand = {
  name: "demo",
  summary:
    "reset the demo database, run the real bot against the built-in Slack stand-in and print a scripted morning",
  usage: "demo [--db file:./data/demo.db]",
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { db: { type: "string" } }, strict: true });
    await runDemo({
      databaseUrl: values.db ?? "file:./data/demo.db",
      callsFile: "data/demo-slack-calls.json",
      write: (text) => process.stdout.write(text),
    });
    return 0;
  },
};
