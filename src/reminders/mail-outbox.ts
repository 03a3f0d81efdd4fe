import type { AppContext } from "../context";

/**
 * Every email and PEC leaves through the MailOutbox table: a row is claimed (pending -> sending) before the
 * SMTP call, so two workers or two clicks send it once; a temporary failure (4xx, network, timeout) is tried
 * again with backoff; a permanent refusal (5xx) or too many attempts ends it as failed and the handler tells
 * the case thread. A row left "sending" by a crash is never resent blindly: it is reported as uncertain.
 */
export interface MailHandlers {
  sent(ctx: AppContext, row: { id: number; reminderId: number | null; messageId: string }): Promise<void>;
  failed(
    ctx: AppContext,
    row: { id: number; reminderId: number | null; toAddress: string },
    reason: string,
    uncertain: boolean,
  ): Promise<void>;
}

const SEND_TIMEOUT_MS = 30_000;
const MAX_ATTEMPTS = 8;
const STALE_SENDING_MS = 10 * 60_000;

export class MailOutbox {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly handlers: MailHandlers,
  ) {}

  /** Starts a pass over the due rows unless one is running (then one more pass follows). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err) => this.ctx.log.error("mail: drain failed", err))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  poll(ms = 5000): void {
    const tick = () => {
      this.kick();
      if (!this.stopped) {
        this.timer = setTimeout(tick, ms);
        this.timer.unref?.();
      }
    };
    this.timer = setTimeout(tick, ms);
    this.timer.unref?.();
  }

  /** Resolves when no row is due or being sent. */
  async idle(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const due = await this.ctx.db.mailOutbox.count({
        where: { OR: [{ status: "pending", nextAttemptAt: { lte: new Date() } }, { status: "sending" }] },
      });
      if (due === 0 && !this.running) return;
      this.kick();
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("mail outbox: not idle in time");
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    const db = this.ctx.db;
    const stale = await db.mailOutbox.findMany({
      where: { status: "sending", nextAttemptAt: { lt: new Date(Date.now() - STALE_SENDING_MS) } },
    });
    for (const row of stale) {
      const claimed = await db.mailOutbox.updateMany({
        where: { id: row.id, status: "sending" },
        data: { status: "failed", lastError: "interrupted while sending" },
      });
      if (claimed.count === 1) await this.handlers.failed(this.ctx, row, "interrupted while sending", true);
    }
    while (!this.stopped) {
      const row = await db.mailOutbox.findFirst({
        where: { status: "pending", nextAttemptAt: { lte: new Date() } },
        orderBy: { id: "asc" },
      });
      if (!row) break;
      const claimed = await db.mailOutbox.updateMany({
        where: { id: row.id, status: "pending" },
        data: { status: "sending", nextAttemptAt: new Date() },
      });
      if (claimed.count !== 1) continue;
      await this.deliver(row);
    }
    const next = await db.mailOutbox.findFirst({
      where: { status: "pending" },
      orderBy: { nextAttemptAt: "asc" },
    });
    if (next && !this.stopped) {
      const wait = Math.max(50, next.nextAttemptAt.getTime() - Date.now());
      const t = setTimeout(() => this.kick(), wait);
      t.unref?.();
    }
  }

  private async deliver(row: {
    id: number;
    reminderId: number | null;
    transport: string;
    fromAddress: string;
    toAddress: string;
    subject: string;
    text: string;
    attachments: string;
    messageId: string;
    attempts: number;
  }): Promise<void> {
    const db = this.ctx.db;
    const url = row.transport === "pec" ? this.ctx.config.pec.smtpUrl : this.ctx.config.mail.smtpUrl;
    const attempts = row.attempts + 1;
    try {
      if (!url) throw Object.assign(new Error("SMTP not configured"), { permanent: true });
      const { createTransport } = await import("nodemailer"); // loaded on first use, not at start-up
      const transport = createTransport(url);
      try {
        const files = JSON.parse(row.attachments) as {
          filename: string;
          contentType: string;
          base64: string;
        }[];
        await Promise.race([
          transport.sendMail({
            from: row.fromAddress,
            to: row.toAddress,
            subject: row.subject,
            text: row.text,
            messageId: row.messageId,
            date: this.ctx.clock.now(),
            attachments: files.map((f) => ({
              filename: f.filename,
              contentType: f.contentType,
              content: Buffer.from(f.base64, "base64"),
            })),
          }),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error("timeout")), SEND_TIMEOUT_MS).unref(),
          ),
        ]);
      } finally {
        transport.close();
      }
    } catch (err) {
      const e = err as { responseCode?: number; message?: string; permanent?: boolean };
      const reason = e.message ?? String(err);
      const permanent = e.permanent === true || (e.responseCode !== undefined && e.responseCode >= 500);
      if (permanent || attempts >= MAX_ATTEMPTS) {
        this.ctx.log.warn(`mail: message ${row.id} failed for good: ${reason}`);
        await db.mailOutbox.update({
          where: { id: row.id },
          data: { status: "failed", attempts, lastError: reason },
        });
        await this.handlers.failed(this.ctx, row, reason, false);
      } else {
        const delay = Math.min(1000 * 2 ** (attempts - 1), 15 * 60_000);
        this.ctx.log.warn(`mail: message ${row.id} retry in ${delay / 1000}s: ${reason}`);
        await db.mailOutbox.update({
          where: { id: row.id },
          data: {
            status: "pending",
            attempts,
            lastError: reason,
            nextAttemptAt: new Date(Date.now() + delay),
          },
        });
      }
      return;
    }
    await db.mailOutbox.update({
      where: { id: row.id },
      data: { status: "sent", attempts, sentAt: this.ctx.clock.now(), lastError: null },
    });
    await this.handlers.sent(this.ctx, row);
  }
}
