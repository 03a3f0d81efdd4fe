// One Credito instance as its own process, for the several-instances test: the real runtime (HTTP receiver,
// outbox, scheduled jobs) with the settings from the environment and, when TEST_NOW is set, a fixed clock.
import { loadConfig } from "../../src/config";
import { fixedClock } from "../../src/context";
import { createRuntime } from "../../src/runtime";

const config = loadConfig(process.env);
const runtime = await createRuntime(
  config,
  process.env.TEST_NOW ? { clock: fixedClock(process.env.TEST_NOW) } : {},
);
await runtime.start({ jobs: true });
process.stderr.write(`instance ready on port ${runtime.slack.port}\n`);
process.on("SIGTERM", () => {
  void runtime.stop().then(() => process.exit(0));
});
