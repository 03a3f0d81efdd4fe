import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Config, loadConfig } from "../../src/config";
import { fixedClock } from "../../src/context";
import { silentLogger } from "../../src/log";
import { createRuntime, type Runtime } from "../../src/runtime";
import { FakeSlack } from "../../src/standin/fake-slack";
import { SlackRequester } from "../../src/standin/signed-requests";
import { dropTestDatabase, testDatabaseUrl } from "./database";

export const SIGNING_SECRET = "test-signing-secret";
export const CHANNEL = "C0CREDITO";
/** The creditor named in what goes to customers (a valid IBAN: the settings check its digits). */
export const TEST_COMPANY = {
  CREDITO_COMPANY_NAME: "Forniture Bianchi S.r.l.",
  CREDITO_COMPANY_ADDRESS: "Via dell'Industria 12, 40138 Bologna (BO)",
  CREDITO_COMPANY_VAT: "IT01234567897",
  CREDITO_COMPANY_IBAN: "IT60X0542811101000000123456",
  CREDITO_COMPANY_SIGNATURE: "Ufficio crediti",
};

export interface Harness {
  slack: FakeSlack;
  runtime: Runtime;
  requester: SlackRequester;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  dbUrl: string;
  /** stops the bot (keeping its database), then starts a new one on the same database */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A temp SQLite file, a fake Slack, and the real app listening on a free port, signed like Slack. */
export async function startHarness(
  opts: { now?: string; env?: Record<string, string>; slack?: FakeSlack } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), "credito-test-"));
  const slack = opts.slack ?? (await new FakeSlack().start());
  const dbUrl = testDatabaseUrl(dir);
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    DATABASE_URL: dbUrl,
    CREDITO_CHANNEL: CHANNEL,
    CREDITO_POST_INTERVAL_MS: "0",
    ...TEST_COMPANY,
    ...opts.env,
  });
  const clock = fixedClock(opts.now ?? "2026-03-02T08:30:00+01:00");
  const boot = async () => {
    const runtime = await createRuntime(config, { clock, log: silentLogger });
    await runtime.start({ jobs: false });
    return runtime;
  };
  const h: Harness = {
    slack,
    clock,
    config,
    dbUrl,
    runtime: await boot(),
    requester: undefined as unknown as SlackRequester,
    async restart() {
      await h.runtime.stop();
      h.runtime = await boot();
      h.requester = requesterFor(h.runtime, slack);
    },
    async close() {
      await h.runtime.stop();
      await slack.stop();
      await dropTestDatabase(dbUrl);
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
      // what Slack would have refused fails the test (a test that provokes a refusal empties the list)
      const refused = slack.refusals.splice(0);
      if (refused.length > 0) {
        throw new Error(
          `fake Slack refused ${refused.length} call(s) as Slack would:\n${refused
            .map((r) => `${r.method}: ${r.error} ${r.messages.join("; ")}`)
            .join("\n")}`,
        );
      }
    },
  };
  h.requester = requesterFor(h.runtime, slack);
  return h;
}

function requesterFor(runtime: Runtime, slack: FakeSlack): SlackRequester {
  return new SlackRequester(`http://127.0.0.1:${runtime.slack.port}/slack/events`, SIGNING_SECRET, {
    teamId: "T0DEMO",
    channelId: CHANNEL,
    responseUrl: (id) => slack.responseUrl(id),
  });
}
