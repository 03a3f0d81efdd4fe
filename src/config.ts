import { validate as validCron } from "node-cron";
import { z } from "zod";
import { type CadenceProblem, type CadenceStep, DEFAULT_CADENCE, parseCadence } from "./domain/cadence";
import { configEn } from "./i18n/config.en";
import { configIt } from "./i18n/config.it";
import { checkReminderTemplates, DEFAULT_TEMPLATES_DIR } from "./reminders/templates";

/**
 * Every setting, read once from the environment and validated. The schema's messages are keys of the
 * settings catalogue (src/i18n/config.*.ts): the problems are written in CREDITO_LOCALE's language.
 */
type Rule = keyof typeof configIt.rules;
const rule = (key: Rule) => key;
const cron = z.string().refine((s) => validCron(s), rule("cron"));
/** a schedule that can be turned off: `off`, in any case */
const isOff = (s: string) => s.trim().toLowerCase() === "off";
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("it-IT", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, rule("timeZone"));

const smtpUrl = z.string().regex(/^smtps?:\/\/\S+$/, rule("smtpUrl"));

/** IBAN check digits (ISO 13616): letters to numbers, first four characters moved to the end, mod 97 = 1. */
export function validIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const digits = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (ch) =>
    String(ch.charCodeAt(0) - 55),
  );
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

const schema = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, rule("botToken")),
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, rule("appToken"))
    .optional(),
  SLACK_API_URL: z.string().url(rule("url")).endsWith("/api/", rule("apiUrl")).optional(),
  PORT: z.coerce.number(rule("port")).int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, rule("databaseUrl"))
    .default("file:./data/credito.db"),
  CREDITO_CHANNEL: z
    .string()
    .regex(/^[CG][A-Z0-9]+$/, rule("channel"))
    .optional(),
  CREDITO_TIMEZONE: timeZone.default("Europe/Rome"),
  CREDITO_DIGEST_CRON: cron.default("30 8 * * 1-5"),
  CREDITO_REMINDER_CRON: cron.default("* * * * *"),
  CREDITO_REPORT_CRON: cron.default("45 8 * * 1"),
  // the morning batch of written reminders (credito solleciti) run by Credito itself; "off" turns it off
  CREDITO_SOLLECITI_CRON: z
    .string()
    .refine((s) => isOff(s) || validCron(s), rule("cronOrOff"))
    .default("35 8 * * 1-5"),
  CREDITO_LOCALE: z.enum(["it", "en"]).default("it"),
  // App Home in each Slack user's own language (users.info locale) instead of CREDITO_LOCALE
  CREDITO_USER_LOCALE: z.enum(["true", "false", "1", "0"], "must be true or false").default("false"),
  CREDITO_CADENCE: z.string().optional(),
  CREDITO_PROMISE_TOLERANCE_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  CREDITO_CREDIT_HOLD_DAYS: z.coerce.number().int().min(1).default(30),
  CREDITO_AGENCY_DAYS: z.coerce.number().int().min(1).default(45),
  CREDITO_RECONTACT_MIN_DAYS: z.coerce.number().int().min(1).default(20),
  CREDITO_RECONTACT_MAX_DAYS: z.coerce.number().int().min(1).default(40),
  // issue 13: days at least between two steps of the timing table
  CREDITO_CADENCE_MIN_GAP_DAYS: z.coerce.number(rule("days")).int().min(0).max(60).default(5),
  CREDITO_EXTRA_HOLIDAYS: z
    .string()
    .regex(/^(\d\d-\d\d)(,\d\d-\d\d)*$/, rule("holidays"))
    .optional(),
  CREDITO_POST_INTERVAL_MS: z.coerce.number().int().min(0).default(1100),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url(rule("url")).optional(),
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  CREDITO_KM_RATE_CENTS: z.coerce.number().int().min(0).max(1000).default(35),
  // What goes to customers (written reminders, PEC recap): the creditor company and the two mailboxes.
  CREDITO_COMPANY_NAME: z.string().trim().min(2, rule("companyName")).optional(),
  CREDITO_COMPANY_ADDRESS: z.string().trim().min(5, rule("companyAddress")).optional(),
  CREDITO_COMPANY_VAT: z
    .string()
    .trim()
    .regex(/^(IT)?\d{11}$/i, rule("companyVat"))
    .optional(),
  CREDITO_COMPANY_IBAN: z
    .string()
    .transform((s) => s.replace(/\s+/g, "").toUpperCase())
    .refine(validIban, rule("iban"))
    .optional(),
  CREDITO_COMPANY_SIGNATURE: z.string().trim().min(2, rule("signature")).optional(),
  // the language of what goes to customers (reminders, statements, dossier); default CREDITO_LOCALE
  CREDITO_COMPANY_LOCALE: z.enum(["it", "en"]).optional(),
  CREDITO_SMTP_URL: smtpUrl.optional(),
  CREDITO_MAIL_FROM: z.string().email(rule("mailFrom")).optional(),
  CREDITO_PEC_SMTP_URL: smtpUrl.optional(),
  CREDITO_PEC_IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\/\S+$/, rule("imapUrl"))
    .optional(),
  CREDITO_PEC_FROM: z.string().email(rule("pecFrom")).optional(),
  CREDITO_AUTO_SEND_COURTESY: z.enum(["true", "false", "1", "0"], rule("trueFalse")).default("false"),
  CREDITO_TEMPLATES_DIR: z.string().default(DEFAULT_TEMPLATES_DIR),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // busy database (issue 19): SQLite's own wait (blocks the event loop) and the unit of work's retrying
  CREDITO_DB_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  CREDITO_DB_RETRY_BUDGET_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // several instances on one database (issue 17)
  HEALTH_PORT: z.coerce.number(rule("port")).int().min(0).max(65535).optional(),
  CREDITO_INSTANCE_ID: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, rule("instanceId"))
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
  /** the morning batch of written reminders (`prepareDay`), after the digest; null: off (CREDITO_SOLLECITI_CRON=off) */
  sollecitiCron: string | null;
  locale: "it" | "en";
  /** App Home follows each user's Slack locale (it or en; anything else: `locale`) */
  userLocale: boolean;
  /** the language of what goes to customers: reminders, statements of account, the dossier (issue 18) */
  companyLocale: "it" | "en";
  rules: {
    /** CREDITO_CADENCE parsed and checked at start-up (the default table when unset) */
    cadence: readonly CadenceStep[];
    promiseToleranceDays: number;
    creditHoldDays: number;
    agencyDays: number;
    recontactMinDays: number;
    recontactMaxDays: number;
    extraHolidays: string[];
    /** days at least between two steps of the timing table (issue 13) */
    cadenceMinGapDays?: number;
  };
  openai: { apiKey?: string; baseUrl?: string; model: string; timeoutMs: number };
  /** field trips: the refund per kilometre driven */
  trip: { kmRateCents: number };
  /** certified email (PEC mailbox): sent through this SMTP server when set, else kept as a draft to copy */
  pec: { smtpUrl?: string; from?: string; imapUrl?: string };
  /** ordinary mailbox for courteous and firm reminders */
  mail: { smtpUrl?: string; from?: string };
  /** the creditor, as named in what goes to customers; null until CREDITO_COMPANY_* are set */
  company: Company | null;
  reminders: {
    templatesDir: string;
    /** the first, courteous email may go without a click (every other step needs one) */
    autoSendCourtesy: boolean;
  };
  logLevel: Env["LOG_LEVEL"];
  /** busy database: SQLite's busy timeout per statement, and the unit of work's total retry time */
  db: { busyTimeoutMs: number; retryBudgetMs: number };
}

export interface Company {
  name: string;
  address: string;
  vatNumber: string;
  iban: string;
  signature: string;
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
  const t = configMessages(cleaned);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      if (seen.has(key)) continue; // one line per setting
      seen.add(key);
      const missing = cleaned[key] === undefined;
      problems.push(missing ? `${key}: ${t.missing}` : `${key}: ${settingMessage(issue, cleaned[key]!, t)}`);
    }
  }
  const e = parsed.data;
  // checked here, not when the first digest runs: a bad table must stop start-up (issue 13)
  let cadence: readonly CadenceStep[] = DEFAULT_CADENCE;
  if (cleaned.CREDITO_CADENCE) {
    const c = parseCadence(cleaned.CREDITO_CADENCE);
    if ("error" in c) problems.push(`CREDITO_CADENCE: ${cadenceProblem(c.problem, t)}`);
    else cadence = c;
  }
  const holidays = cleaned.CREDITO_EXTRA_HOLIDAYS ?? "";
  for (const day of /^(\d\d-\d\d)(,\d\d-\d\d)*$/.test(holidays) ? holidays.split(",") : []) {
    const [m, d] = day.split("-").map(Number) as [number, number];
    if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(2024, m, 0)).getUTCDate()) {
      problems.push(`CREDITO_EXTRA_HOLIDAYS: ${t.notADay(day)}`);
      break;
    }
  }
  if (needSlack && !cleaned.CREDITO_CHANNEL) problems.push(`CREDITO_CHANNEL: ${t.missing}`);
  if (!cleaned.SLACK_APP_TOKEN && !cleaned.SLACK_SIGNING_SECRET) {
    problems.push(`SLACK_SIGNING_SECRET: ${t.missingSigningSecret}`);
  }
  if (e && e.CREDITO_RECONTACT_MIN_DAYS > e.CREDITO_RECONTACT_MAX_DAYS) {
    problems.push(`CREDITO_RECONTACT_MIN_DAYS: ${t.recontactOrder}`);
  }
  const companyKeys = [
    "CREDITO_COMPANY_NAME",
    "CREDITO_COMPANY_ADDRESS",
    "CREDITO_COMPANY_VAT",
    "CREDITO_COMPANY_IBAN",
  ] as const;
  const companySet = companyKeys.filter((k) => cleaned[k] !== undefined);
  if (companySet.length > 0 && companySet.length < companyKeys.length) {
    for (const k of companyKeys) if (cleaned[k] === undefined) problems.push(`${k}: ${t.companyTogether}`);
  }
  problems.push(...checkReminderTemplates(e?.CREDITO_TEMPLATES_DIR ?? DEFAULT_TEMPLATES_DIR, t.templates));
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
    sollecitiCron: isOff(e.CREDITO_SOLLECITI_CRON) ? null : e.CREDITO_SOLLECITI_CRON,
    locale: e.CREDITO_LOCALE,
    userLocale: e.CREDITO_USER_LOCALE === "true" || e.CREDITO_USER_LOCALE === "1",
    companyLocale: e.CREDITO_COMPANY_LOCALE ?? e.CREDITO_LOCALE,
    rules: {
      cadence,
      promiseToleranceDays: e.CREDITO_PROMISE_TOLERANCE_DAYS,
      creditHoldDays: e.CREDITO_CREDIT_HOLD_DAYS,
      agencyDays: e.CREDITO_AGENCY_DAYS,
      recontactMinDays: e.CREDITO_RECONTACT_MIN_DAYS,
      recontactMaxDays: e.CREDITO_RECONTACT_MAX_DAYS,
      extraHolidays: e.CREDITO_EXTRA_HOLIDAYS?.split(",") ?? [],
      cadenceMinGapDays: e.CREDITO_CADENCE_MIN_GAP_DAYS,
    },
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.OPENAI_TIMEOUT_MS,
    },
    trip: { kmRateCents: e.CREDITO_KM_RATE_CENTS },
    pec: { smtpUrl: e.CREDITO_PEC_SMTP_URL, from: e.CREDITO_PEC_FROM, imapUrl: e.CREDITO_PEC_IMAP_URL },
    mail: { smtpUrl: e.CREDITO_SMTP_URL, from: e.CREDITO_MAIL_FROM },
    company:
      e.CREDITO_COMPANY_NAME && e.CREDITO_COMPANY_ADDRESS && e.CREDITO_COMPANY_VAT && e.CREDITO_COMPANY_IBAN
        ? {
            name: e.CREDITO_COMPANY_NAME,
            address: e.CREDITO_COMPANY_ADDRESS,
            vatNumber: e.CREDITO_COMPANY_VAT.toUpperCase(),
            iban: e.CREDITO_COMPANY_IBAN,
            signature:
              e.CREDITO_COMPANY_SIGNATURE ??
              configMessages({ CREDITO_LOCALE: e.CREDITO_COMPANY_LOCALE ?? e.CREDITO_LOCALE })
                .defaultSignature,
          }
        : null,
    reminders: {
      templatesDir: e.CREDITO_TEMPLATES_DIR,
      autoSendCourtesy: e.CREDITO_AUTO_SEND_COURTESY === "true" || e.CREDITO_AUTO_SEND_COURTESY === "1",
    },
    logLevel: e.LOG_LEVEL,
    db: { busyTimeoutMs: e.CREDITO_DB_BUSY_TIMEOUT_MS, retryBudgetMs: e.CREDITO_DB_RETRY_BUDGET_MS },
  };
}

/** The settings messages in CREDITO_LOCALE's language (Italian when it is missing or itself wrong). */
export function configMessages(env: Record<string, string | undefined>): typeof configIt {
  return env.CREDITO_LOCALE === "en" ? configEn : configIt;
}

function cadenceProblem(p: CadenceProblem, t: typeof configIt): string {
  return p.kind === "empty" ? t.cadence.empty : t.cadence[p.kind](p.item);
}

/** One clear line for a wrong setting, saying what was given and what is expected. */
function settingMessage(issue: z.core.$ZodIssue, given: string, t: typeof configIt): string {
  const got = t.got(given.length > 40 ? `${given.slice(0, 40)}…` : given);
  const ruleText = (t.rules as Record<string, string>)[issue.message];
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return `${t.wholeNumber} (${got})`;
      if (ruleText) return `${ruleText} (${got})`;
      return issue.expected === "number" ? `${t.number} (${got})` : `${t.invalid} (${got})`;
    case "too_small":
      return ruleText ? `${ruleText} (${got})` : `${t.atLeast(String(issue.minimum))} (${got})`;
    case "too_big":
      return `${t.atMost(String(issue.maximum))} (${got})`;
    case "invalid_value":
      return ruleText ? `${ruleText} (${got})` : `${t.oneOf(issue.values.map(String).join(", "))} (${got})`;
    default:
      return `${ruleText ?? t.invalid} (${got})`;
  }
}
