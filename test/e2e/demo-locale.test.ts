import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../src/db/client";
import { type DemoRecord, runDemo } from "../../src/demo/run";
import type { RecordedCall } from "../../src/standin/fake-slack";
import { pdfText } from "../support/pdf-text";

// Issue 18, point 4: every surface of the demo, rendered in English, has no Italian left in it (and in
// Italian no English): the Slack messages, modals and Home the demo produces (the stand-in records them), the
// demo's own output, the reminder mail and its statement PDF, the dossier PDF, the CLI's outputs, errors and
// --help. What is data stays as typed (customer names, addresses, notes, the bank's movement texts): the test
// reads those from the demo database and takes them out before looking for marker words.

type Locale = "it" | "en";

/**
 * Surfaces whose text the reasons branch (issue 18, points 1-2 for the Slack surfaces) turns into data rendered
 * at display time: task reasons and actions in the digest, /credito oggi and the CLI's digest. The lead empties
 * this list when merging that branch; a surface listed here that reads clean fails the test, so it cannot stay
 * here by mistake.
 */
const PENDING_REASONS_BRANCH: Record<Locale, readonly string[]> = {
  en: [],
  it: [],
};

/** Italian words that must not appear in English (whole words, any case). */
const ITALIAN_MARKERS = [
  "promessa",
  "promesse",
  "scaduto",
  "scaduti",
  "scaduta",
  "scadenza",
  "chiamare",
  "richiamare",
  "giorni",
  "giorno",
  "gg",
  "fattura",
  "fatture",
  "richiesta",
  "sospendere",
  "riattivare",
  "fido",
  "oggi",
  "domani",
  "cliente",
  "clienti",
  "pratica",
  "pratiche",
  "incasso",
  "sollecito",
  "solleciti",
  "importo",
  "totale",
  "nessun",
  "nessuna",
  "della",
  "delle",
  "degli",
  "non",
  "con",
  "nel",
  "sono",
  "manca",
  "errore",
  "uso",
  "pagina",
  "aggiornato",
  "messaggio",
  "finestra",
  "scheda",
  "spettabile",
  "egregio",
  "distinti",
];

/** English words that must not appear in Italian. */
const ENGLISH_MARKERS = [
  "overdue",
  "call",
  "calls",
  "days",
  "day",
  "invoice",
  "invoices",
  "promise",
  "promises",
  "due",
  "customer",
  "customers",
  "error",
  "payment",
  "amount",
  "owner",
  "settlement",
  "approve",
  "reject",
  "today",
  "tomorrow",
  "the",
  "and",
  "with",
  "please",
  "missing",
  "unknown",
  "usage",
  "dear",
  "regards",
  "page",
  "updated",
];

const ITALIAN_NUMBER = /(?<![\d.,])\d{1,3}(\.\d{3})*,\d{2}(?!\d)/;
const ENGLISH_NUMBER = /(?<![\d.,])\d{1,3}(,\d{3})*\.\d{2}(?![\d.])/;

interface Surface {
  id: string;
  text: string;
}

/** The strings a person reads in a Slack call's arguments (texts, titles, field values), not ids or values. */
function readableStrings(value: unknown, key = ""): string[] {
  if (typeof value === "string")
    return ["text", "title", "initial_value", "alt_text", "comment"].includes(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => readableStrings(v, key === "files" ? "file" : ""));
  if (value && typeof value === "object") {
    if (key === "file") return readableStrings((value as { title?: unknown }).title, "title");
    return Object.entries(value).flatMap(([k, v]) =>
      ["private_metadata", "value", "action_id", "block_id", "callback_id", "url", "image_url"].includes(k)
        ? []
        : readableStrings(v, k),
    );
  }
  return [];
}

function callKind(c: RecordedCall): string {
  const channel = String(c.args.channel ?? c.args.channel_id ?? "");
  if (c.method === "views.publish") return "home";
  if (c.method.startsWith("views.")) return "modal";
  if (c.method === "chat.postEphemeral" || c.method === "response_url") return "reply";
  if (c.method.startsWith("files.")) return "file";
  if (c.args.thread_ts) return "thread";
  if (channel.startsWith("D") || channel.startsWith("U")) return "dm";
  return c.method === "chat.update" ? "update" : "message";
}

/** The Slack surfaces of the demo: per scene, its messages, thread lines, DMs, replies, modals, Home. */
function slackSurfaces(rec: DemoRecord): Surface[] {
  const byId = new Map<string, string[]>();
  for (const scene of rec.scenes) {
    for (const call of rec.calls.slice(scene.from, scene.to)) {
      const id = `slack ${scene.key}:${callKind(call)}`;
      byId.set(id, [...(byId.get(id) ?? []), ...readableStrings(call.args)]);
    }
  }
  return [...byId].map(([id, texts]) => ({ id, text: texts.join("\n") }));
}

/** What the demo printed around the Slack frames (intro, scene titles, the mail summary, the last line). */
function demoOutputSurface(rec: DemoRecord): Surface {
  const own = rec.output.split("\n").filter((l) => !/^\s*[│┌└]/.test(l));
  return { id: "demo output", text: own.join("\n") };
}

async function mailSurfaces(rec: DemoRecord): Promise<Surface[]> {
  const out: Surface[] = [];
  for (const [i, mail] of rec.mails.entries()) {
    const parsed = await simpleParser(mail.raw);
    out.push({ id: `mail ${i + 1}`, text: `${parsed.subject ?? ""}\n${parsed.text ?? ""}` });
    for (const a of parsed.attachments.filter((x) => x.contentType === "application/pdf"))
      out.push({ id: `mail ${i + 1} pdf`, text: `${a.filename ?? ""}\n${(await pdfText(a.content)).text}` });
  }
  return out;
}

/** Everything the demo data says as it was typed: taken out of the text before the markers are looked for. */
async function demoData(databaseUrl: string): Promise<string[]> {
  const db = await openDb(databaseUrl);
  try {
    const rows: Record<string, unknown>[][] = [
      await db.teamMember.findMany({ select: { name: true } }),
      await db.customer.findMany({
        select: {
          name: true,
          address: true,
          city: true,
          province: true,
          noteApproach: true,
          noteAttention: true,
          noteReferencePerson: true,
          chasingNote: true,
        },
      }),
      await db.contactPerson.findMany({ select: { name: true, role: true, notes: true } }),
      await db.invoice.findMany({ select: { number: true } }),
      await db.payment.findMany({ select: { reference: true } }),
      await db.interaction.findMany({ select: { personReached: true, notes: true } }),
      await db.callback.findMany({ select: { note: true } }),
      await db.approvalRequest.findMany({ select: { terms: true, reason: true } }),
      await db.fieldTrip.findMany({ select: { area: true } }),
      await db.tripCost.findMany({ select: { note: true } }),
      await db.bankMovement.findMany({ select: { description: true, counterpartyName: true } }),
    ];
    const strings = rows
      .flat()
      .flatMap((r) => Object.values(r))
      .filter((v): v is string => typeof v === "string" && v.trim().length >= 3)
      .map((s) => s.toLowerCase());
    return [...new Set(strings)].sort((a, b) => b.length - a.length);
  } finally {
    await db.$disconnect();
  }
}

/** The text without the demo's data (also when Credito shortened it with "…") and without typed commands. */
function withoutData(text: string, data: readonly string[]): string {
  let s = text
    .toLowerCase()
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/[’‘]/g, "'")
    // addresses are names, not words (pec.cliente-demo.it)
    .replace(/[\w.+-]+@[\w.-]+/g, " ⟨address⟩ ")
    // what people type is in the product's command words, in both languages: `/credito oggi`, `giro chiudi`
    .replace(/`[^`\n]*`/g, " ⟨typed⟩ ")
    .replace(/\/credito(\s+[a-zàèéìòù]+){1,2}/g, " ⟨typed⟩ ")
    .replace(/@credito\s+\w+/g, " ⟨typed⟩ ");
  for (const d of data) {
    if (s.includes(d)) s = s.split(d).join(" ⟨data⟩ ");
    else if (d.length > 20 && s.includes("…") && s.includes(d.slice(0, 15))) {
      for (let k = d.length - 1; k >= 15; k--) {
        const cut = `${d.slice(0, k).trimEnd()}…`;
        if (s.includes(cut)) {
          s = s.split(cut).join(" ⟨data⟩ ");
          break;
        }
      }
    }
  }
  return (
    s
      // what the user gave, echoed in quotes; files and options are names, not words
      .replace(/"[^"\n]{0,40}"/g, " ⟨quoted⟩ ")
      .replace(/(\.{0,2}\/[\w.\-/]+|[\w-]+\.(json|pdf|csv|cbi|xml|xlsx|db|md|mjs))/g, " ⟨file⟩ ")
      .replace(/--[\w-]+/g, " ⟨option⟩ ")
      // the CLI's commands and option values (credito solleciti, --kind scadenzario|clienti|…, --period mese|…)
      .replace(/\bcredito\s+[a-z]+/g, " ⟨typed⟩ ")
      .replace(/\b[\wàèéìòù]+(\|[\wàèéìòù]+)+/g, " ⟨typed⟩ ")
      .replace(/^ {2}[a-z]+ {2,}/gm, "  ⟨command⟩ ")
      .replace(/^ {2}(scadenzario|clienti|pagamenti): .*$/gm, "  ⟨field names⟩")
  );
}

function leftovers(text: string, locale: Locale, data: readonly string[]): string[] {
  const clean = withoutData(text, data);
  const markers = locale === "en" ? ITALIAN_MARKERS : ENGLISH_MARKERS;
  const found = new Set<string>();
  for (const line of clean.split("\n")) {
    for (const w of line.split(/[^\p{L}\p{N}']+/u)) {
      const word = w.replace(/^'+|'+$/g, "");
      if (markers.includes(word)) found.add(`"${word}" in: ${line.trim().slice(0, 160)}`);
    }
    const number = (locale === "en" ? ITALIAN_NUMBER : ENGLISH_NUMBER).exec(line);
    if (number) found.add(`number ${number[0]} in: ${line.trim().slice(0, 160)}`);
  }
  return [...found];
}

/** Runs the compiled `credito` (built by the global setup) as a user would. */
function credito(args: string[], env: Record<string, string>): { status: number | null; text: string } {
  const run = spawnSync(process.execPath, ["bin/credito.mjs", ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    timeout: 60_000,
  });
  return { status: run.status, text: `${run.stdout}\n${run.stderr}` };
}

const COMPANY = {
  CREDITO_COMPANY_NAME: "Forniture Bianchi S.r.l.",
  CREDITO_COMPANY_ADDRESS: "Via dell'Industria 12, 40138 Bologna (BO)",
  CREDITO_COMPANY_VAT: "IT01234567897",
  CREDITO_COMPANY_IBAN: "IT60X0542811101000000123456",
};

async function cliSurfaces(
  locale: Locale,
  databaseUrl: string,
  dir: string,
  day: string,
): Promise<Surface[]> {
  const env = { DATABASE_URL: databaseUrl, CREDITO_LOCALE: locale, CREDITO_TIMEZONE: "Europe/Rome" };
  const out: Surface[] = [];
  const add = (id: string, args: string[], extra: Record<string, string> = {}) => {
    const run = credito(args, { ...env, ...extra });
    out.push({ id: `cli ${id}`, text: run.text });
    return run;
  };
  expect(add("--help", ["--help"]).status).toBe(0);
  for (const c of ["demo", "digest", "import", "dossier", "tassi", "report", "banca", "solleciti"])
    expect(add(`${c} --help`, [c, "--help"]).status).toBe(0);
  expect(add("digest --dry-run", ["digest", "--dry-run", "--date", day]).status).toBe(0);
  expect(add("tassi", ["tassi"]).status).toBe(0);
  const code = (await runCodes(databaseUrl))[0] ?? "";
  const pdf = join(dir, `dossier-${locale}.pdf`);
  expect(add("dossier", ["dossier", code, "--out", pdf, "--date", day], COMPANY).status).toBe(0);
  out.push({ id: "dossier pdf", text: (await pdfText(readFileSync(pdf))).text });
  expect(add("report csv", ["report", "--format", "csv", "--period", "mese"]).status).toBe(0);
  expect(add("solleciti --dry-run", ["solleciti", "--dry-run", "--date", day], COMPANY).status).toBe(0);
  add("import --dry-run (rows with errors)", [
    "import",
    "--dry-run",
    "test/fixtures/import/scadenzario-errori.csv",
  ]);
  expect(
    add("banca --dry-run", ["banca", "--dry-run", "test/fixtures/bank/estratto-conto.camt053.xml"]).status,
  ).toBe(0);
  // the user's mistakes: one clear line each
  expect(add("bad date", ["digest", "--date", "2026-02-30", "--dry-run"]).status).toBe(1);
  expect(add("unknown option", ["report", "--bogus"]).status).toBe(1);
  expect(add("missing file", ["import"]).status).toBe(1);
  expect(add("no such customer", ["dossier", "NOPE"]).status).toBe(1);
  expect(add("bad setting", ["digest", "--dry-run"], { CREDITO_TIMEZONE: "Mars/Olympus" }).status).toBe(2);
  return out;
}

/** The codes of the customers with an open case: the dossier worth printing. */
async function runCodes(databaseUrl: string): Promise<string[]> {
  const db = await openDb(databaseUrl);
  try {
    const cases = await db.case.findMany({ where: { closedOn: null }, include: { customer: true }, take: 1 });
    return cases.map((c) => c.customer.code);
  } finally {
    await db.$disconnect();
  }
}

const LOCALES: Locale[] = ["en", "it"];
const surfaces = new Map<Locale, Surface[]>();
const data = new Map<Locale, string[]>();
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "credito-demo-locale-"));
  for (const locale of LOCALES) {
    const databaseUrl = `file:${join(dir, `demo-${locale}.db`)}`;
    const rec = await runDemo({
      databaseUrl,
      callsFile: join(dir, `calls-${locale}.json`),
      write: () => {},
      locale,
    });
    const day = rec.day;
    data.set(locale, await demoData(databaseUrl));
    surfaces.set(locale, [
      ...slackSurfaces(rec),
      demoOutputSurface(rec),
      ...(await mailSurfaces(rec)),
      ...(await cliSurfaces(locale, databaseUrl, dir, day)),
    ]);
  }
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }));

describe.each(LOCALES)("the demo in %s", (locale) => {
  it("reads in that language on every surface", () => {
    const all = surfaces.get(locale) ?? [];
    const ids = all.map((s) => s.id);
    // the test covers what the issue names: it cannot pass by reading nothing
    for (const id of [
      "slack digest:message",
      "slack home:home",
      "slack reminder:modal",
      "slack debrief:thread",
      "demo output",
      "mail 1",
      "mail 1 pdf",
      "dossier pdf",
      "cli --help",
      "cli report --help",
      "cli bad setting",
    ])
      expect(ids, id).toContain(id);
    for (const id of PENDING_REASONS_BRANCH[locale])
      expect(ids, `PENDING_REASONS_BRANCH: ${id}`).toContain(id);
    const problems: string[] = [];
    for (const s of all) {
      const left = leftovers(s.text, locale, data.get(locale) ?? []);
      const pending = PENDING_REASONS_BRANCH[locale].includes(s.id);
      if (pending && left.length === 0)
        problems.push(`${s.id}: reads clean now, take it out of PENDING_REASONS_BRANCH`);
      if (pending && left.length > 0)
        console.info(
          `${s.id} (pending, reasons branch): ${left.length} leftovers\n  ${left.slice(0, 8).join("\n  ")}`,
        );
      if (!pending) for (const l of left) problems.push(`${s.id}: ${l}`);
    }
    expect(problems).toEqual([]);
  });
});
