import { ConfigError, configMessages, loadConfig } from "./config";
import { createRuntime } from "./runtime";

/** Start-up: config -> database -> Slack app -> scheduled jobs; graceful shutdown on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${configMessages(process.env).cannotStart}\n`);
      for (const line of err.problems) process.stderr.write(`  ${line}\n`);
      process.exit(2);
    }
    throw err;
  }
  const runtime = await createRuntime(config);
  await runtime.start();
  const mode = config.slack.appToken
    ? "Socket Mode"
    : `HTTP on port ${runtime.slack.port ?? config.slack.port}`;
  runtime.ctx.log.info(`Credito is running (${mode}), channel ${config.slack.channel}`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.ctx.log.info(`${signal}: shutting down`);
    void runtime.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  const why = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${configMessages(process.env).stopped(why)}\n`);
  process.exit(1);
});
