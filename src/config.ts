import { validate as validCron } from "node-cron";
import { z } from "zod";

/** Every setting, read once from the environment and validated. */
const cron = z.string().refine((s) => validCron(s), "expected a cron expression like '30 8 * * 1-5'");
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("it-IT", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "unknown time zone");

const schema = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, "must be a bot token starting with xoxb-"),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, "must be an app-level token starting with xapp-")
    .optional(),
  SLACK_API_URL: z.string().url().endsWith("/api/", "must end with /api/").optional(),
  PORT: z.coerce.number("must be a port number").int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "must be a SQLite URL like file:./data/credito.db or a PostgreSQL URL like postgresql://user@host/db",
    )
    .default("file:./data/credito.db"),
  CREDITO_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]+$/, "must be a Slack channel id like C0123ABCD")
    .optional(),
  CREDITO_TIMEZONE: timeZone.default("Europe/Rome"),
  CREDITO_DIGEST_CRON: cron.default("30 8 * * 1-5"),
  CREDITO_REMINDER_CRON: cron.default("* * * * *"),
  CREDITO_REPORT_CRON: cron.default("45 8 * * 1"),
  CREDITO_LOCALE: z.enum(["it", "en"]).default("it"),
  CREDITO_CADENCE: z.string().optional(),
  CREDITO_PROMISE_TOLERANCE_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  CREDITO_CREDIT_HOLD_DAYS: z.coerce.number().int().min(1).default(30),
  CREDITO_AGENCY_DAYS: z.coerce.number().int().min(1).default(45),
  CREDITO_RECONTACT_MIN_DAYS: z.coerce.number().int().min(1).default(20),
  CREDITO_RECONTACT_MAX_DAYS: z.coerce.number().int().min(1).default(40),
  CREDITO_EXTRA_HOLIDAYS: z
    .string()
    .regex(/^(\d\d-\d\d)(,\d\d-\d\d)*$/, "comma-separated MM-DD dates, e.g. 06-24 for a patron saint")
    .optional(),
  CREDITO_POST_INTERVAL_MS: z.coerce.number().int().min(0).default(1100),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  CREDITO_KM_RATE_CENTS: z.coerce.number().int().min(0).max(1000).default(35),
  CREDITO_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "must be an SMTP URL like smtps://user:password@smtp.pec.example.it:465")
    .optional(),
  CREDITO_PEC_FROM: z.string().email("must be the sender's PEC address").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // several instances on one database (issue 17)
  HEALTH_PORT: z.coerce.number("must be a port number").int().min(0).max(65535).optional(),
  CREDITO_INSTANCE_ID: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, "letters, digits, . : _ - (at most 64)")
    .optional(),
  CREDITO_LEASE_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  CREDITO_OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5000),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  slack: {
    /** false when loaded for an offline CLI command */
    enabled: boolean;
    botToken: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    port: number;
    channel: string;
    /** minimum gap between two posts in one channel (Slack allows about one per second) */
    postIntervalMs: number;
  };
  databaseUrl: string;
  /** several instances on one database: who this one is, how long its outbox leases last, /healthz port */
  instance: { id?: string; leaseMs: number; healthPort?: number; outboxPollMs: number };
  timeZone: string;
  digestCron: string;
  reminderCron: string;
  /** the weekly report (last week's figures), after the Monday digest */
  reportCron: string;
  locale: "it" | "en";
  rules: {
    cadenceSpec?: string;
    promiseToleranceDays: number;
    creditHoldDays: number;
    agencyDays: number;
    recontactMinDays: number;
    recontactMaxDays: number;
    extraHolidays: string[];
  };
  openai: { apiKey?: string; baseUrl?: string; model: string; timeoutMs: number };
  /** field trips: the refund per kilometre driven */
  trip: { kmRateCents: number };
  /** certified email: sent through this SMTP server when set, else kept as a draft to copy */
  pec: { smtpUrl?: string; from?: string };
  logLevel: Env["LOG_LEVEL"];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/**
 * Parses the environment; throws ConfigError with one line per missing or wrong setting.
 * `slack: false` is for CLI commands that never talk to Slack (import, digest --dry-run, ...): the Slack
 * settings are then optional and `slack.enabled` is false.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: { slack?: boolean } = {}): Config {
  const needSlack = opts.slack ?? true;
  const cleaned: Record<string, string> = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""),
  );
  if (!needSlack) {
    cleaned.SLACK_BOT_TOKEN ??= "xoxb-offline";
    cleaned.SLACK_SIGNING_SECRET ??= "offline";
  }
  const parsed = schema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const missing = cleaned[key] === undefined;
      problems.push(missing ? `${key}: missing (required)` : `${key}: ${issue.message}`);
    }
  }
  const e = parsed.data;
  if (needSlack && !cleaned.CREDITO_CHANNEL) problems.push("CREDITO_CHANNEL: missing (required)");
  if (!cleaned.SLACK_APP_TOKEN && !cleaned.SLACK_SIGNING_SECRET) {
    problems.push(
      "SLACK_SIGNING_SECRET: missing (required in HTTP mode, i.e. when SLACK_APP_TOKEN is not set)",
    );
  }
  if (e && e.CREDITO_RECONTACT_MIN_DAYS > e.CREDITO_RECONTACT_MAX_DAYS) {
    problems.push("CREDITO_RECONTACT_MIN_DAYS: must not exceed CREDITO_RECONTACT_MAX_DAYS");
  }
  if (problems.length > 0 || !e) throw new ConfigError(problems);
  return {
    slack: {
      enabled: needSlack,
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      port: e.PORT,
      // offline, messages queued for later (e.g. case lines after an import) keep the channel if it is known
      channel: e.CREDITO_CHANNEL ?? "",
      postIntervalMs: e.CREDITO_POST_INTERVAL_MS,
    },
    databaseUrl: e.DATABASE_URL,
    instance: {
      id: e.CREDITO_INSTANCE_ID,
      leaseMs: e.CREDITO_LEASE_MS,
      healthPort: e.HEALTH_PORT,
      outboxPollMs: e.CREDITO_OUTBOX_POLL_MS,
    },
    timeZone: e.CREDITO_TIMEZONE,
    digestCron: e.CREDITO_DIGEST_CRON,
    reminderCron: e.CREDITO_REMINDER_CRON,
    reportCron: e.CREDITO_REPORT_CRON,
    locale: e.CREDITO_LOCALE,
    rules: {
      cadenceSpec: e.CREDITO_CADENCE,
      promiseToleranceDays: e.CREDITO_PROMISE_TOLERANCE_DAYS,
      creditHoldDays: e.CREDITO_CREDIT_HOLD_DAYS,
      agencyDays: e.CREDITO_AGENCY_DAYS,
      recontactMinDays: e.CREDITO_RECONTACT_MIN_DAYS,
      recontactMaxDays: e.CREDITO_RECONTACT_MAX_DAYS,
      extraHolidays: e.CREDITO_EXTRA_HOLIDAYS?.split(",") ?? [],
    },
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.OPENAI_TIMEOUT_MS,
    },
    trip: { kmRateCents: e.CREDITO_KM_RATE_CENTS },
    pec: { smtpUrl: e.CREDITO_SMTP_URL, from: e.CREDITO_PEC_FROM },
    logLevel: e.LOG_LEVEL,
  };
}
