import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { loadConfig } from "../config";
import { fixedClock, today } from "../context";
import { sqlitePath } from "../db/migrate";
import {
  addBusinessDays,
  addDays,
  dateInZone,
  formatDateLong,
  formatDateShort,
  onOrAfterBusinessDay,
  startOfMonth,
  zonedInstant,
} from "../domain/calendar";
import { type DemoMessages, demoMessages } from "../i18n/demo";
import { runDigestJob } from "../jobs/digest-job";
import { createLogger } from "../log";
import { createRuntime, type Runtime } from "../runtime";
import { closeSettledCases } from "../services/cases/case-lifecycle";
import { importFiles } from "../services/imports/import";
import { FakeSlack, type RecordedCall } from "../standin/fake-slack";
import { FakeSmtp, type ReceivedMail } from "../standin/fake-smtp";
import { SlackRequester } from "../standin/signed-requests";
import { playDemoBank } from "./bank-scene";
import { DEMO_MEMBERS, generateDemoData } from "./generate";
import { playReminderScene } from "./reminder-scene";
import { renderCalls } from "./render";
import { seedDemo } from "./seed";
import { DEMO_TRIP_COLLECTOR, playDemoTrip } from "./trip-scene";

const CHANNEL = "C0CREDITO";
const TZ = "Europe/Rome";

export interface DemoOptions {
  databaseUrl: string;
  /** where the recorded Slack calls are written, for ../shared/tools/slack-preview.mjs */
  callsFile: string;
  write: (text: string) => void;
  /** the language of everything Credito writes in the demo (the people's data stay Italian) */
  locale?: "it" | "en";
}

export type DemoSceneKey = keyof DemoMessages["scenes"];

/** What the demo did, for the test that reads every surface of it (test/e2e/demo-locale.test.ts). */
export interface DemoRecord {
  /** the demo's morning */
  day: string;
  /** each scene's Slack calls are calls[from, to) */
  scenes: { key: DemoSceneKey; from: number; to: number }[];
  calls: RecordedCall[];
  mails: ReceivedMail[];
  /** what the demo printed */
  output: string;
}

/** One scene of the scripted morning: what happens, then what the team sees in Slack. */
interface Scene {
  /** its title is in the demo catalogue (src/i18n/demo.*.ts) */
  key: DemoSceneKey;
  /** may return more to print after the Slack calls (e.g. the mail that left) */
  act(d: DemoWorld): Promise<unknown>;
}

export interface DemoWorld {
  runtime: Runtime;
  slack: FakeSlack;
  requester: SlackRequester;
  clock: ReturnType<typeof fixedClock>;
  /** waits until everything queued has reached the stand-in */
  settle(): Promise<void>;
  /** the demo's SMTP stand-in: where reminders' emails and PECs go */
  smtp: FakeSmtp;
}

const scenes: Scene[] = [
  {
    key: "digest",
    async act(d) {
      await runDigestJob(d.runtime.ctx);
    },
  },
  {
    key: "bank",
    act: playDemoBank,
  },
  {
    key: "home",
    async act(d) {
      await d.requester.event(
        { type: "app_home_opened", user: "U0ADMIN", tab: "home", channel: "D0ADMIN" },
        "EvDemoHome1",
      );
    },
  },
  {
    key: "today",
    async act(d) {
      await d.requester.command("U0SALES1", "/credito", "oggi");
    },
  },
  {
    key: "help",
    async act(d) {
      const res = await d.requester.command("U0ADMIN", "/credito", "help");
      d.slack.calls.push({
        method: "response_url",
        args: res.json as Record<string, unknown>,
        at: Date.now(),
      });
    },
  },
  {
    key: "log",
    async act(d) {
      const promised = formatDateShort(addBusinessDays(today(d.runtime.ctx), 3)).slice(0, 5);
      d.clock.set(zonedInstant(today(d.runtime.ctx), "09:10", TZ).toISOString());
      const script = demoMessages(d.runtime.ctx.config.locale).script;
      await d.requester.command("U0ADMIN", "/credito", script.logPromise(script.promiseAmount, promised));
    },
  },
  {
    key: "reminder",
    act: (d) => playReminderScene(d, d.smtp, "U0ADMIN"),
  },
  {
    key: "customer",
    async act(d) {
      await d.requester.command("U0ADMIN", "/credito", "cliente rota");
    },
  },
  {
    key: "approval",
    async act(d) {
      const approval = await d.runtime.ctx.db.approvalRequest.findFirstOrThrow({
        where: { status: "pending" },
      });
      const click = (user: string) =>
        d.requester.interaction({
          type: "block_actions",
          user: { id: user },
          trigger_id: d.requester.newTriggerId(),
          channel: { id: CHANNEL },
          container: { type: "message", channel_id: CHANNEL, message_ts: "1700000000.000001" },
          response_url: d.slack.responseUrl(`approval-${user}`),
          actions: [
            {
              type: "button",
              action_id: "approval_approve",
              block_id: `approval:${approval.id}`,
              value: String(approval.id),
              action_ts: "1",
            },
          ],
        });
      await click("U0SALES1");
      await d.settle();
      await click("U0OWNER");
    },
  },
  {
    key: "summary",
    async act(d) {
      const customer = await d.runtime.ctx.db.customer.findFirstOrThrow({
        where: { name: { contains: "Tommasi" } },
      });
      const kase = await d.runtime.ctx.db.case.findFirstOrThrow({
        where: { customerId: customer.id, closedOn: null },
      });
      // the team talks in its own language
      const script = demoMessages(d.runtime.ctx.config.locale).script;
      await say(d, kase.threadTs!, "U0SALES1", script.salesInThread);
      await say(d, kase.threadTs!, "U0ADMIN", script.adminInThread);
      await d.requester.event(
        {
          type: "app_mention",
          user: "U0SALES1",
          text: `<@UCREDITO> ${script.mention}`,
          channel: CHANNEL,
          ts: "1700000099.000100",
          thread_ts: kase.threadTs,
        },
        "EvDemoMention1",
      );
    },
  },
  {
    key: "report",
    async act(d) {
      const uploaded = (calls: { method: string }[]) =>
        calls.filter((c) => c.method === "files.completeUploadExternal").length;
      const before = uploaded(d.slack.calls);
      // last month, not the near-empty first days of this one
      const lastMonth = addDays(startOfMonth(today(d.runtime.ctx)), -1).slice(0, 7);
      await d.requester.command("U0OWNER", "/credito", `report mese ${lastMonth}`);
      await d.slack.waitFor((calls) => uploaded(calls) >= before + 3, 30_000);
    },
  },
  {
    key: "agency",
    async act(d) {
      await d.requester.command("U0ADMIN", "/credito", "pratica vesuviani agenzia");
    },
  },
  {
    key: "trip",
    async act(d) {
      d.clock.set(zonedInstant(today(d.runtime.ctx), "17:30", TZ).toISOString());
      await playDemoTrip(d.runtime.ctx);
    },
  },
  {
    key: "debrief",
    async act(d) {
      await d.requester.command(DEMO_TRIP_COLLECTOR, "/credito", "giro chiudi");
      await new Promise((r) => setTimeout(r, 300));
    },
  },
  {
    key: "payment",
    async act(d) {
      const ctx = d.runtime.ctx;
      const day = addBusinessDays(today(ctx), 7);
      d.clock.set(zonedInstant(day, "09:00", TZ).toISOString());
      const customer = await ctx.db.customer.findFirstOrThrow({ where: { name: { contains: "Esposito" } } });
      const agreed = await ctx.db.approvalRequest.findFirstOrThrow({
        where: { case: { customerId: customer.id }, kind: "settlement", status: "approved" },
      });
      const amount = (agreed.amountCents! / 100).toLocaleString("it-IT", { minimumFractionDigits: 2 });
      const csv = `Data pagamento;Codice cliente;Importo;Riferimento\n${formatDateShort(day)};${customer.code};"${amount}";Saldo e stralcio\n`;
      await importFiles(ctx, [{ name: "pagamenti.csv", bytes: Buffer.from(csv) }], {}, { actor: "demo" });
      await closeSettledCases(ctx, day);
    },
  },
];

/**
 * A person's own message in a case thread: posted to the Slack stand-in as that person (so it gets its ts and
 * the recording stays in order), then the event the bot receives and stores.
 */
async function say(d: DemoWorld, threadTs: string, user: string, lines: string[]): Promise<void> {
  const text = lines.join(" ");
  const name = DEMO_MEMBERS.find((m) => m.slackUserId === user)?.name ?? user;
  const res = await fetch(`${d.slack.apiUrl}chat.postMessage`, {
    method: "POST",
    headers: { authorization: "Bearer xoxb-demo", "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ channel: CHANNEL, thread_ts: threadTs, text, user, username: name }),
  });
  const { ts } = (await res.json()) as { ts: string };
  await d.requester.event(
    { type: "message", channel: CHANNEL, user, text, ts, thread_ts: threadTs, channel_type: "channel" },
    `EvDemoSay${ts}`,
  );
}

/**
 * `npm run demo`: a fresh demo database, the real bot on the built-in Slack stand-in, and a short scripted
 * morning printed as the channel and the users would see it. No token, no network.
 */
export async function runDemo(opts: DemoOptions): Promise<DemoRecord> {
  const locale = opts.locale ?? "it";
  const m = demoMessages(locale);
  let output = "";
  const write = (text: string) => {
    output += text;
    opts.write(text);
  };
  const record: DemoRecord["scenes"] = [];
  const file = sqlitePath(opts.databaseUrl);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  const day = onOrAfterBusinessDay(dateInZone(new Date(), TZ));
  const clock = fixedClock(zonedInstant(day, "08:30", TZ).toISOString());
  const slack = await new FakeSlack().start();
  const smtp = await new FakeSmtp().start();
  for (const m of DEMO_MEMBERS) slack.addUser({ id: m.slackUserId, name: m.name });
  const secret = randomBytes(16).toString("hex");
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-demo",
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    DATABASE_URL: opts.databaseUrl,
    CREDITO_CHANNEL: CHANNEL,
    CREDITO_LOCALE: locale,
    CREDITO_POST_INTERVAL_MS: "0",
    LOG_LEVEL: "warn",
    // the creditor the demo's letters name, and its two mailboxes (both on the SMTP stand-in)
    CREDITO_COMPANY_NAME: "Forniture Bianchi S.r.l.",
    CREDITO_COMPANY_ADDRESS: "Via dell'Industria 12, 40138 Bologna (BO)",
    CREDITO_COMPANY_VAT: "IT01234567897",
    CREDITO_COMPANY_IBAN: "IT60X0542811101000000123456",
    CREDITO_SMTP_URL: smtp.url,
    CREDITO_MAIL_FROM: "crediti@forniturebianchi.it",
    CREDITO_PEC_SMTP_URL: smtp.url,
    CREDITO_PEC_FROM: "crediti@pec.forniturebianchi.it",
  });
  const runtime = await createRuntime(config, { clock, log: createLogger("warn") });
  await runtime.start({ jobs: false });
  const requester = new SlackRequester(`http://127.0.0.1:${runtime.slack.port}/slack/events`, secret, {
    teamId: "T0DEMO",
    channelId: CHANNEL,
    responseUrl: (id) => slack.responseUrl(id),
  });
  const world: DemoWorld = {
    runtime,
    slack,
    requester,
    clock,
    smtp,
    async settle() {
      await new Promise((r) => setTimeout(r, 150));
      await runtime.ctx.outbox.idle(30_000);
    },
  };
  const names = new Map<string, string>([
    ...DEMO_MEMBERS.map((m) => [m.slackUserId, m.name] as const),
    [CHANNEL, "crediti"],
  ]);
  try {
    const data = generateDemoData({ today: day });
    const summary = await seedDemo(runtime.ctx.db, data);
    write(
      `${m.intro(formatDateLong(day, locale), summary.customers, summary.invoices, summary.promises, summary.openCases, file)}\n`,
    );
    for (const [i, scene] of scenes.entries()) {
      const from = slack.calls.length;
      const extra = await scene.act(world);
      await world.settle();
      record.push({ key: scene.key, from, to: slack.calls.length });
      write(`\n━━ ${i + 1}. ${m.scenes[scene.key]}\n`);
      write(`${renderCalls(slack.calls.slice(from), names, locale)}\n`);
      if (typeof extra === "string") write(extra);
    }
    mkdirSync(dirname(opts.callsFile), { recursive: true });
    writeFileSync(
      opts.callsFile,
      JSON.stringify(
        slack.calls.map(({ method, args }) => ({ method, args })),
        null,
        1,
      ),
    );
    if (slack.refusals.length > 0) {
      // the stand-in refuses what Slack refuses: a demo message Slack would reject is a bug, not a detail
      throw new Error(
        m.refused(
          slack.refusals.length,
          slack.refusals.map((r) => `${r.method}: ${r.error} ${r.messages.join("; ")}`).join("\n"),
        ),
      );
    }
    write(`\n${m.callsWritten(opts.callsFile)}\n`);
    return { day, scenes: record, calls: slack.calls, mails: smtp.received, output };
  } finally {
    await runtime.stop();
    await slack.stop();
    await smtp.stop();
  }
}
