import type { ImapFlow } from "imapflow";
import type { AppContext } from "../context";
import { type ReceiptKind, recordReceipt } from "./service";

const KINDS: ReadonlySet<string> = new Set([
  "accettazione",
  "avvenuta-consegna",
  "errore-consegna",
  "non-accettazione",
]);

/** imaps://user:password@host:993/INBOX -> imapflow's options and the mailbox (INBOX when not given). */
export function imapOptions(url: string): {
  options: ConstructorParameters<typeof ImapFlow>[0];
  mailbox: string;
} {
  const u = new URL(url);
  const secure = u.protocol === "imaps:";
  return {
    options: {
      host: u.hostname,
      port: Number(u.port || (secure ? 993 : 143)),
      secure,
      auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) },
      logger: false,
      // a plain-text local server in tests; real PEC providers speak imaps
      doSTARTTLS: secure ? undefined : false,
    },
    mailbox: decodeURIComponent(u.pathname.replace(/^\//, "")) || "INBOX",
  };
}

/**
 * Reads the PEC mailbox's unread provider receipts (header X-Ricevuta; X-Riferimento-Message-ID names the
 * message Credito sent), records each on its reminder and marks it read. Other mail is left untouched.
 * Returns how many receipts matched something Credito sent.
 */
export async function readPecReceipts(ctx: AppContext): Promise<number> {
  const url = ctx.config.pec.imapUrl;
  if (!url) return 0;
  const { options, mailbox } = imapOptions(url);
  // loaded on first use, not at start-up
  const [{ ImapFlow: Imap }, { simpleParser }] = await Promise.all([
    import("imapflow"),
    import("mailparser"),
  ]);
  const client = new Imap(options);
  client.on("error", (err: Error) => ctx.log.warn(`pec receipts: ${err.message}`));
  let matched = 0;
  await client.connect();
  try {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const unseen = await client.search({ seen: false, header: { "x-ricevuta": true } }, { uid: true });
      const uids = Array.isArray(unseen) ? unseen : [];
      const done: number[] = [];
      for (const uid of uids) {
        const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (msg === false || !msg.source) continue;
        const parsed = await simpleParser(msg.source);
        const kind = String(parsed.headers.get("x-ricevuta") ?? "")
          .trim()
          .toLowerCase();
        const ref = String(parsed.headers.get("x-riferimento-message-id") ?? "").trim();
        if (!KINDS.has(kind) || !ref) continue;
        const ok = await recordReceipt(ctx, {
          kind: kind as ReceiptKind,
          refMessageId: ref,
          date: parsed.date ?? ctx.clock.now(),
          reason:
            kind === "errore-consegna" || kind === "non-accettazione" ? (parsed.subject ?? kind) : undefined,
        });
        if (ok) matched++;
        done.push(uid);
      }
      if (done.length > 0) await client.messageFlagsAdd(done.join(","), ["\\Seen"], { uid: true });
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  return matched;
}

/** Looks at the PEC mailbox every `ms` while the bot runs (a failed look is logged and tried next time). */
export function pollPecReceipts(ctx: AppContext, ms = 120_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    readPecReceipts(ctx)
      .catch((err) => ctx.log.warn(`pec receipts: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref?.();
  return () => clearInterval(timer);
}
