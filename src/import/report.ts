// The import summary as plain lines (CLI) or mrkdwn (Slack), in the user's language.

import { formatEuro } from "../domain/money";
import { escapeMrkdwn } from "../domain/text";
import type { Locale, Messages } from "../i18n";
import type { ImportSummary } from "../services/import";
import type { RowIssue } from "./types";

/** One issue in words: "scadenzario.csv, riga 7: data scadenza non valida: "31/02/2026" (usa GG/MM/AAAA)". */
export function describeIssue(issue: RowIssue, t: Messages, locale: Locale): string {
  const reason = t.import.reason[issue.key];
  const args = issue.args.map((a, i) =>
    // field names become their labels ("dueDate" -> "data scadenza")
    i === 0 && ["missingField", "badDate", "badAmount", "badInteger", "badEmail"].includes(issue.key)
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
  if (s.errors.length > 0) {
    lines.push(s.rejected ? t.import.rejected(s.errors.length) : t.import.skipped(s.errors.length));
    list(s.errors);
  }
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
  }
  lines.push(t.import.open(formatEuro(s.openCents, locale), s.openInvoices));
  return lines;
}
