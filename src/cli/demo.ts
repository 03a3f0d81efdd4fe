import { type CliCommand, cliLocale, parseCliArgs } from "./command";

export const demoCommand: CliCommand = {
  name: "demo",
  async run(argv) {
    const { values } = parseCliArgs({ args: argv, options: { db: { type: "string" } }, strict: true });
    const { runDemo } = await import("../demo/run"); // here, not at the top: see src/cli.ts
    await runDemo({
      databaseUrl: values.db ?? "file:./data/demo.db",
      callsFile: "data/demo-slack-calls.json",
      write: (text) => process.stdout.write(text),
      locale: cliLocale(),
    });
    return 0;
  },
};
