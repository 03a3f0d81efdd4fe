// The import summary as plain lines (CLI) or mrkdwn (Slack), in the user's language.

import { formatEuro } from "../domain/money";
import { escapeMrkdwn } from "../domain/text";
import type { Locale, Messages } from "../i18n";
import type { ImportSummary, RowIssue } from "./types";

/** One issue in words: "scadenzario.csv, riga 7: data scadenza non valida: "31/02/2026" (usa GG/MM/AAAA)". */
export function describeIssue(issue: RowIssue, t: Messages, locale: Locale): string {
  const reason = t.import.reason[issue.key];
  const args = issue.args.map((a, i) =>
    // field names become their labels ("dueDate" -> "data scadenza")
    i === 0 &&
    ["missingField", "badDate", "impossibleDate", "badAmount", "badInteger", "badEmail"].includes(issue.key)
      ? (t.import.field[a] ?? a)
      : a,
  );
  if (issue.key === "missingColumns" && args[0]) {
    args[0] = args[0]
      .split(", ")
      .map((f) => t.import.field[f] ?? f)
      .join(", ");
  }
  if (issue.key === "openExceedsAmount") {
    for (const i of [0, 1]) if (args[i] !== undefined) args[i] = formatEuro(Number(args[i]), locale);
  }
  return `${t.import.row(issue.file, issue.row)}: ${reason ? reason(...args) : issue.key}`;
}

export interface ReportOptions {
  /** at most this many rejected rows and warnings listed (the rest counted) */
  maxIssues?: number;
  /** mrkdwn for Slack: user text escaped */
  mrkdwn?: boolean;
}

/** The summary: what was read, what was rejected, what changed, the total open amount. */
export function importReportLines(
  s: ImportSummary,
  t: Messages,
  locale: Locale,
  opts: ReportOptions = {},
): string[] {
  const max = opts.maxIssues ?? 50;
  const esc = opts.mrkdwn ? escapeMrkdwn : (x: string) => x;
  const lines: string[] = [];
  for (const f of s.files) {
    if (f.kind) lines.push(esc(t.import.fileLine(f.file, t.import.kind[f.kind] ?? f.kind, f.rows)));
  }
  const list = (issues: readonly RowIssue[]) => {
    for (const i of issues.slice(0, max)) lines.push(`  - ${esc(describeIssue(i, t, locale))}`);
    if (issues.length > max) lines.push(`  ${t.import.more(issues.length - max)}`);
  };
  // a file that could not be read is one problem of that file, not "1 riga scartata"
  const fileProblems = s.errors.filter((e) => e.row === null);
  for (const f of fileProblems) lines.push(esc(t.importReport.fileNotImported(describeIssue(f, t, locale))));
  // every problem of a row on that row's line
  const rows = groupByRow(s.errors.filter((e) => e.row !== null));
  if (rows.length > 0) {
    lines.push(s.rejected ? t.import.rejected(rows.length) : t.import.skipped(rows.length));
    for (const issues of rows.slice(0, max)) lines.push(`  - ${esc(describeRow(issues, t, locale))}`);
    if (rows.length > max) lines.push(`  ${t.import.more(rows.length - max)}`);
  } else if (s.rejected) lines.push(t.importReport.nothingImported);
  if (s.warnings.length > 0) {
    lines.push(t.import.warnings(s.warnings.length));
    list(s.warnings);
  }
  if (!s.rejected) {
    if (s.dryRun) lines.push(t.import.dryRun);
    lines.push(t.import.customers(s.customers.created, s.customers.updated));
    lines.push(t.import.invoices(s.invoices.created, s.invoices.updated, s.invoices.closed));
    if (s.invoices.closedMissing > 0) lines.push(`  ${t.import.closedMissing(s.invoices.closedMissing)}`);
    if (s.payments.recorded > 0 || s.payments.duplicates > 0) {
      lines.push(t.import.payments(s.payments.recorded, s.payments.duplicates));
    }
    if (s.promises.kept + s.promises.partial + s.promises.broken > 0) {
      lines.push(t.import.promises(s.promises.kept, s.promises.partial, s.promises.broken));
    }
    // the totals only when something was imported (or would be, in a dry run)
    lines.push(t.import.open(formatEuro(s.openCents, locale), s.openInvoices));
  }
  return lines;
}

/** One row's problems on one line: "scadenzario.csv, riga 7: data scadenza: 31/02/2026 non esiste; importo non valido: "x"". */
export function describeRow(issues: readonly RowIssue[], t: Messages, locale: Locale): string {
  const first = issues[0]!;
  const reasons = issues.map((i) =>
    describeIssue(i, t, locale).slice(t.import.row(i.file, i.row).length + 2),
  );
  return `${t.import.row(first.file, first.row)}: ${reasons.join("; ")}`;
}

function groupByRow(issues: readonly RowIssue[]): RowIssue[][] {
  const out = new Map<string, RowIssue[]>();
  for (const i of issues) {
    const key = `${i.file}\u0000${i.row}`;
    const list = out.get(key);
    if (list) list.push(i);
    else out.set(key, [i]);
  }
  return [...out.values()];
}
