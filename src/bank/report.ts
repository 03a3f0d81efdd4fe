// A bank import's summary as plain lines (CLI) or mrkdwn (Slack), in the user's language.

import { formatDateShort } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import { escapeMrkdwn, truncate } from "../domain/text";
import type { Locale, Messages } from "../i18n";
import type { BankImportSummary, MovementIssue, MovementResult } from "./types";

export interface BankReportOptions {
  /** mrkdwn for Slack: bank text escaped */
  mrkdwn?: boolean;
  /** list at most this many movements (the rest are counted); all by default */
  maxMovements?: number;
  /** leave out ignored and already imported movements (Slack: what needs reading) */
  onlyRelevant?: boolean;
}

/** "movimenti.txt: ... non è un estratto conto" and the like, for a file that could not be used. */
export function fileErrorLine(s: BankImportSummary, t: Messages, mrkdwn = false): string {
  const e = s.fileError!;
  const f = t.bank.file;
  const file = mrkdwn ? escapeMrkdwn(s.file) : s.file;
  if (e.key === "notStatement") return f.notStatement(file);
  if (e.key === "emptyFile") return f.emptyFile(file);
  if (e.key === "badXml") return f.badXml(file, mrkdwn ? escapeMrkdwn(e.args[0] ?? "") : (e.args[0] ?? ""));
  return f.unreadable(file);
}

/** "movimenti.txt, riga 12: data non valida ...": the file's own text is escaped for mrkdwn. */
export function issueLine(file: string, i: MovementIssue, t: Messages, mrkdwn = false): string {
  const reason = t.bank.issue[i.key];
  const line = `${file}, ${t.bank.where(i.line, i.element)}: ${reason ? reason(...i.args) : i.key}`;
  return mrkdwn ? escapeMrkdwn(line) : line;
}

/** Slack: outcome, amount, customer, invoices, reason; the bank's text is in the proposals message. */
function compactLine(m: MovementResult, t: Messages, locale: Locale): string {
  const icon = (t.bank.outcome[m.outcome] ?? m.outcome).split(" ")[0];
  const who = m.customer ? ` ${escapeMrkdwn(m.customer.name)} (${escapeMrkdwn(m.customer.code)})` : "";
  const invoices =
    m.invoices.length > 0 ? ` · ${m.invoices.map((i) => escapeMrkdwn(i.number)).join(" + ")}` : "";
  const reason = m.reason ? ` _(${t.bank.reason[m.reason] ?? m.reason})_` : "";
  return `${icon} *${formatEuro(m.amountCents, locale)}*${who}${invoices}${reason}`;
}

export function movementLine(m: MovementResult, t: Messages, locale: Locale, mrkdwn = false): string {
  if (mrkdwn) return compactLine(m, t, locale);
  const esc = (s: string) => s;
  const parts = [
    t.bank.where(m.line, m.element),
    formatDateShort(m.bookingDate, locale),
    formatEuro(m.amountCents, locale),
    t.bank.outcome[m.outcome] ?? m.outcome,
  ].filter(Boolean);
  let what = "";
  if (m.customer) what = `${esc(m.customer.name)} (${esc(m.customer.code)})`;
  if (m.invoices.length > 0) what += `${what ? ", " : ""}${m.invoices.map((i) => esc(i.number)).join(" + ")}`;
  if (m.outcome === "proposed" && (m.candidates ?? 0) > 1)
    what += ` ${t.bank.slack.alternatives(m.candidates!)}`;
  const reason = m.reason ? (t.bank.reason[m.reason] ?? m.reason) : "";
  const text = truncate(
    esc(m.counterpartyName ? `${m.counterpartyName} · ${m.description}` : m.description),
    90,
  );
  return `${parts.join(" · ")}${what ? `: ${what}` : ""}${reason ? ` (${reason})` : ""} — ${text}`;
}

/** The summary: one line per movement with its outcome, the movements not read, the totals. */
export function bankReportLines(
  s: BankImportSummary,
  t: Messages,
  locale: Locale,
  opts: BankReportOptions = {},
): string[] {
  if (s.fileError) return [fileErrorLine(s, t, opts.mrkdwn)];
  const lines: string[] = [];
  const count = (o: string) => s.movements.filter((m) => m.outcome === o).length;
  lines.push(
    `${opts.mrkdwn ? escapeMrkdwn(s.file) : s.file}: ${s.format}${s.encoding ? `, ${s.encoding}` : ""}`,
  );
  const shown = opts.onlyRelevant
    ? s.movements.filter((m) => m.outcome !== "ignored" && m.outcome !== "duplicate")
    : s.movements;
  const max = opts.maxMovements ?? shown.length;
  for (const m of shown.slice(0, max)) lines.push(movementLine(m, t, locale, opts.mrkdwn));
  if (shown.length > max) lines.push(`…+${shown.length - max}`);
  if (s.issues.length > 0) {
    lines.push(t.bank.unreadableCount(s.issues.length));
    for (const i of s.issues) lines.push(`  ${issueLine(s.file, i, t, opts.mrkdwn)}`);
  }
  lines.push(
    t.bank.summary(
      s.movements.length,
      count("matched"),
      formatEuro(s.collectedCents, locale),
      count("proposed"),
      count("ignored"),
      count("returned"),
      count("duplicate"),
    ),
  );
  const p = s.promises;
  if (p.kept + p.partial + p.broken > 0) lines.push(t.bank.promises(p.kept, p.partial, p.broken));
  if (s.casesClosed > 0) lines.push(t.bank.casesClosed(s.casesClosed));
  if (s.dryRun) lines.push(t.bank.dryRun);
  return lines;
}
