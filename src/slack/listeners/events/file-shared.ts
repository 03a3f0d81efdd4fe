import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import { isUniqueViolation } from "../../../db/errors";
import { escapeMrkdwn, normalizeForSearch } from "../../../domain/text";
import { messages } from "../../../i18n";
import { importReportLines } from "../../../import/report";
import type { ImportKind } from "../../../import/types";
import { closeSettledCases } from "../../../services/cases/case-lifecycle";
import { importFiles } from "../../../services/imports/import";
import { hasRole, resolveMember } from "../../../services/team/team";
import { displayNames } from "../../users";
import { importSharedStatements } from "./bank-statement";

const MAX_BYTES = 50 * 1024 * 1024;

interface SharedFile {
  id: string;
  name?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
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

/** Section blocks of at most ~2900 characters each (Slack's section limit is 3000), 45 blocks at most. */
function sections(lines: readonly string[]): Array<Record<string, unknown>> {
  const blocks: Array<Record<string, unknown>> = [];
  let current = "";
  for (const line of lines) {
    const piece = line.length > 2900 ? `${line.slice(0, 2899)}…` : line;
    if (current.length + piece.length + 1 > 2900) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
      current = "";
    }
    current = current ? `${current}\n${piece}` : piece;
  }
  if (current) blocks.push({ type: "section", text: { type: "mrkdwn", text: current } });
  return blocks.slice(0, 45);
}

/**
 * Imports files that an admin shares with Credito in a direct message and posts the summary back there.
 * Runs after Bolt has acknowledged the event; the same file is imported once even if both the `message`
 * (subtype file_share) and the `file_shared` events arrive.
 */
export async function importSharedFiles(
  ctx: AppContext,
  client: WebClient,
  args: { user: string; channel: string; files: SharedFile[]; text?: string },
): Promise<void> {
  const t = messages(ctx.config.locale);
  const claimed: SharedFile[] = [];
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
  const member = await resolveMember(ctx.db, args.user, displayNames(client));
  const fileKey = claimed.map((f) => f.id).join(",");
  if (!hasRole(member, "admin")) {
    await post(t.import.slack.adminOnly, `import-denied:${fileKey}`);
    return;
  }
  const names = claimed.map((f) => escapeMrkdwn(f.name ?? f.id)).join(", ");
  await post(t.import.slack.working(names), `import-working:${fileKey}`);
  const inputs: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const f of claimed) {
    const full = f.url_private ? f : await fileInfo(client, f.id);
    const name = full?.name ?? f.id;
    if ((full?.size ?? 0) > MAX_BYTES) {
      await post(t.import.slack.tooLarge(escapeMrkdwn(name)), `import-failed:${f.id}`);
      return;
    }
    const bytes = full ? await download(full, ctx.config.slack.botToken) : null;
    if (!bytes) {
      await post(t.import.slack.downloadFailed(escapeMrkdwn(name)), `import-failed:${f.id}`);
      return;
    }
    inputs.push({ name, bytes });
  }
  // bank statements go to the bank import (issue 15); the other files to the import below
  const others = await importSharedStatements(ctx, { ...args, fileKey }, inputs);
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
  await post(
    plain.length > 3900 ? `${plain.slice(0, 3899)}…` : plain,
    `import-result:${fileKey}`,
    sections([header, ...lines]),
  );
}

async function fileInfo(client: WebClient, id: string): Promise<SharedFile | null> {
  try {
    const res = await client.files.info({ file: id });
    return (res.file as SharedFile | undefined) ?? null;
  } catch {
    return null;
  }
}

/** url_private needs the bot token; without files:read Slack answers with an HTML login page. */
async function download(file: SharedFile, token: string): Promise<Uint8Array | null> {
  const url = file.url_private_download ?? file.url_private;
  if (!url) return null;
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, redirect: "follow" });
    if (!res.ok || (res.headers.get("content-type") ?? "").startsWith("text/html")) return null;
    const bytes = new Uint8Array(await res.arrayBuffer());
    return bytes.length > MAX_BYTES ? null : bytes;
  } catch {
    return null;
  }
}

export function registerFileShared(app: App, ctx: AppContext): void {
  const run = (client: WebClient, a: Parameters<typeof importSharedFiles>[2]) => {
    // Bolt has already acknowledged the event: the import runs on its own and reports in the DM
    void importSharedFiles(ctx, client, a).catch((err) => {
      ctx.log.error("import from Slack failed", err);
      void ctx.outbox
        .send({
          method: "chat.postMessage",
          channel: a.channel,
          payload: { text: messages(ctx.config.locale).errors.generic },
        })
        .catch(() => undefined);
    });
  };
  app.event("message", async ({ event, client }) => {
    const e = event as {
      subtype?: string;
      channel_type?: string;
      channel: string;
      user?: string;
      text?: string;
      files?: SharedFile[];
      bot_id?: string;
    };
    if (e.subtype !== "file_share" || e.channel_type !== "im" || !e.user || e.bot_id || !e.files?.length)
      return;
    run(client, { user: e.user, channel: e.channel, files: e.files, text: e.text });
  });
  app.event("file_shared", async ({ event, client }) => {
    const e = event as { file_id: string; user_id: string; channel_id?: string };
    if (!e.channel_id?.startsWith("D")) return;
    run(client, { user: e.user_id, channel: e.channel_id, files: [{ id: e.file_id }] });
  });
}
