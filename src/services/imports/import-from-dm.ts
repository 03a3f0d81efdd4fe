import { isBankStatement } from "../../bank/read";
import { bankReportLines } from "../../bank/report";
import type { AppContext } from "../../context";
import { today } from "../../context";
import { isUniqueViolation } from "../../db/errors";
import { escapeMrkdwn, normalizeForSearch } from "../../domain/text";
import { messages } from "../../i18n";
import { importReportLines } from "../../import/report";
import type { ImportKind } from "../../import/types";
import { importResultMessage } from "../../messages/import-result";
import { postProposals } from "../bank/bank-decisions";
import { importStatement } from "../bank/bank-import";
import { closeSettledCases } from "../cases/case-lifecycle";
import { hasRole, type Member } from "../team/team";
import { importFiles } from "./import";

/** A file shared with Credito, as the Slack event names it. */
export interface SharedFileRef {
  id: string;
  name?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
}

/** The bytes of a shared file, or why not. */
export type FetchedFile =
  | { ok: true; name: string; bytes: Uint8Array }
  | { ok: false; name: string; error: "too_large" | "download_failed" };

/** Brings a shared file's bytes (the Slack adapter's `sharedFileFetcher`). */
export type FetchSharedFile = (file: SharedFileRef) => Promise<FetchedFile>;

interface Input {
  name: string;
  bytes: Uint8Array;
}

/** Words in the message that goes with the file: "scarta" = --skip-invalid, "prova" = --dry-run, ... */
export function importOptionsFromText(text: string | undefined): {
  skipInvalid: boolean;
  dryRun: boolean;
  keepMissing: boolean;
  kind?: ImportKind;
} {
  const words = new Set(normalizeForSearch(text ?? "").split(" "));
  const has = (...w: string[]) => w.some((x) => words.has(x));
  const kind = (["scadenzario", "clienti", "pagamenti", "fatturapa"] as const).find((k) => words.has(k));
  return {
    skipInvalid: has("scarta", "skip"),
    dryRun: has("prova", "dry"),
    keepMissing: has("mantieni", "keep"),
    kind,
  };
}

/**
 * Imports files that an admin shares with Credito in a direct message and posts the summary back there.
 * The same file is imported once even if both the `message` (subtype file_share) and the `file_shared`
 * events arrive: each file is claimed first. Only an admin may import; bank statements go to the bank
 * import, the other files to the scadenzario import, and the cases a payment settled are closed.
 */
export async function importFromDm(
  ctx: AppContext,
  fetchFile: FetchSharedFile,
  args: { user: string; member: Member | null; channel: string; files: SharedFileRef[]; text?: string },
): Promise<void> {
  const t = messages(ctx.config.locale);
  const claimed: SharedFileRef[] = [];
  for (const f of args.files) {
    try {
      await ctx.db.processedEvent.create({ data: { eventId: `file:${f.id}` } });
      claimed.push(f);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }
  if (claimed.length === 0) return;
  const post = (text: string, key: string, blocks?: Array<Record<string, unknown>>) =>
    ctx.outbox.send({
      method: "chat.postMessage",
      channel: args.channel,
      payload: { text, ...(blocks ? { blocks } : {}) },
      dedupeKey: key,
    });
  const fileKey = claimed.map((f) => f.id).join(",");
  if (!hasRole(args.member, "admin")) {
    await post(t.import.slack.adminOnly, `import-denied:${fileKey}`);
    return;
  }
  const names = claimed.map((f) => escapeMrkdwn(f.name ?? f.id)).join(", ");
  await post(t.import.slack.working(names), `import-working:${fileKey}`);
  const inputs: Input[] = [];
  for (const f of claimed) {
    const got = await fetchFile(f);
    if (!got.ok) {
      const name = escapeMrkdwn(got.name);
      const text =
        got.error === "too_large" ? t.import.slack.tooLarge(name) : t.import.slack.downloadFailed(name);
      await post(text, `import-failed:${f.id}`);
      return;
    }
    inputs.push({ name: got.name, bytes: got.bytes });
  }
  // bank statements go to the bank import (issue 15); the other files to the import below
  const others = await importStatements(ctx, { ...args, fileKey }, inputs);
  if (others.length === 0) return;
  const opts = importOptionsFromText(args.text);
  const summary = await importFiles(
    ctx,
    others,
    { kind: opts.kind },
    { actor: args.user, skipInvalid: opts.skipInvalid, dryRun: opts.dryRun, keepMissing: opts.keepMissing },
  );
  if (summary.written && !summary.dryRun) await closeSettledCases(ctx, today(ctx));
  const locale = ctx.config.locale;
  const lines = importReportLines(summary, t, locale, { maxIssues: 20, mrkdwn: true });
  const header = `*${t.import.slack.done(escapeMrkdwn(others.map((i) => i.name).join(", ")))}*`;
  // the text fallback is mrkdwn too: the file's cells must not mention or link there either
  const plain = [t.import.slack.done(names), ...lines].join("\n").replace(/\*/g, "");
  const message = importResultMessage(header, lines, plain);
  await post(message.text, `import-result:${fileKey}`, message.blocks);
}

/**
 * Bank statements among the shared files go to the bank import: the summary in the DM, then the one
 * proposals message with buttons. Returns the other files, for the scadenzario import.
 */
async function importStatements(
  ctx: AppContext,
  args: { user: string; channel: string; text?: string; fileKey: string },
  inputs: readonly Input[],
): Promise<Input[]> {
  const rest: Input[] = [];
  const t = messages(ctx.config.locale);
  const locale = ctx.config.locale;
  // "prova" / "dry" in the message: a dry run, as for the other imports
  const words = new Set(normalizeForSearch(args.text ?? "").split(" "));
  const dryRun = words.has("prova") || words.has("dry");
  for (const input of inputs) {
    if (!(await isBankStatement(input))) {
      rest.push(input);
      continue;
    }
    const summary = await importStatement(ctx, input, { actor: args.user, channelId: args.channel, dryRun });
    const header = `*${t.bank.slack.done(input.name)}*`;
    const lines = bankReportLines(summary, t, locale, { mrkdwn: true, onlyRelevant: true, maxMovements: 40 });
    const plain = [
      t.bank.slack.done(input.name),
      ...bankReportLines(summary, t, locale, { onlyRelevant: true, maxMovements: 40 }),
    ].join("\n");
    await ctx.outbox.send({
      method: "chat.postMessage",
      channel: args.channel,
      payload: importResultMessage(header, lines, plain),
      dedupeKey: `bank-result:${args.fileKey}:${input.name}`,
    });
    if (summary.importId) await postProposals(ctx, summary.importId);
  }
  return rest;
}
