// The case-thread writer: what one unit of work says in case threads. Lines are queued as they come (so they
// keep their order with the other messages of the unit), after the case's parent message; the parent itself
// is written ONCE, at commit, with the position as the unit leaves it: a settlement that logs the outcome,
// asks for approval and moves the stage computes the position and updates the parent once, not three times.
// Outside a unit of work (the plain client, a transaction opened by hand) each call writes at once.

import type { AppContext } from "../../context";
import type { Db, Tx } from "../../db/client";
import { type BeforeCommit, unitLocal } from "../../db/unit-of-work";
import type { IsoDate } from "../../domain/calendar";
import type { CaseCard } from "../../domain/cards";
import { messages } from "../../i18n";
import { caseParentMessage } from "../../messages/case";
import { customerPosition } from "../customers/customers";
import { loadCaseCosts } from "./case-costs";

export async function caseCard(db: Db | Tx, caseId: number, today: IsoDate): Promise<CaseCard> {
  const c = await db.case.findUniqueOrThrow({ where: { id: caseId }, include: { assignee: true } });
  const position = await customerPosition(db, c.customerId, today);
  if (!position) throw new Error(`case ${caseId}: customer ${c.customerId} not found`);
  return {
    caseId: c.id,
    stage: c.stage,
    closedOn: c.closedOn,
    closeReason: c.closeReason,
    assignee: c.assignee && { name: c.assignee.name, slackUserId: c.assignee.slackUserId },
    position,
    costs: await loadCaseCosts(db, { caseId: c.id }),
  };
}

interface Touched {
  today: IsoDate;
  /** the parent's ts when it is posted; null while it is only queued */
  threadTs: string | null;
  /** a posted parent gets a chat.update at commit */
  refresh: boolean;
}

export class CaseThreadWriter implements BeforeCommit {
  private readonly touched = new Map<number, Touched>();

  constructor(
    private readonly ctx: AppContext,
    private readonly tx: Tx,
    /** false: every call writes at once (no unit of work to wait for) */
    private readonly deferred: boolean,
  ) {}

  /** Queues a line in the case's thread (the parent message is queued first if it has none yet). */
  async line(caseId: number, message: { text: string; blocks?: unknown[] }, today: IsoDate): Promise<void> {
    await this.ensureParent(caseId, today);
    await this.ctx.outbox.enqueue(
      {
        method: "chat.postMessage",
        channel: this.ctx.config.slack.channel,
        payload: { ...message },
        anchor: { caseId },
      },
      this.tx,
    );
  }

  /** The case has a parent message, posted or queued (idempotent: its dedupe key). */
  async ensureParent(caseId: number, today: IsoDate): Promise<void> {
    if (!this.deferred) {
      const { threadTs } = await this.threadOf(caseId);
      if (!threadTs) await this.writeParent(caseId, today, null);
      return;
    }
    await this.touch(caseId, today);
  }

  /** The parent message shows the case as the unit of work leaves it. */
  async refreshParent(caseId: number, today: IsoDate): Promise<void> {
    if (!this.deferred) return this.writeParent(caseId, today, (await this.threadOf(caseId)).threadTs);
    (await this.touch(caseId, today)).refresh = true;
  }

  /** Writes each touched case's parent once: an edit of a posted one, the content of a queued one. */
  async beforeCommit(): Promise<void> {
    for (const [caseId, c] of this.touched) {
      if (!c.threadTs || c.refresh) await this.writeParent(caseId, c.today, c.threadTs);
    }
    this.touched.clear();
  }

  private threadOf(caseId: number): Promise<{ threadTs: string | null }> {
    return this.tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { threadTs: true } });
  }

  private async touch(caseId: number, today: IsoDate): Promise<Touched> {
    let c = this.touched.get(caseId);
    if (!c) {
      const { threadTs } = await this.threadOf(caseId);
      c = { today, threadTs, refresh: false };
      this.touched.set(caseId, c);
      // the parent goes before the lines anchored on it; its content is written at commit, in this transaction
      if (!threadTs) await this.ctx.outbox.enqueue(parentMessage(this.ctx, caseId, { text: "" }), this.tx);
    }
    c.today = today;
    return c;
  }

  /** An edit of the posted parent, or the content of the queued one, with the case as it is now. */
  private async writeParent(caseId: number, today: IsoDate, threadTs: string | null): Promise<void> {
    const { ctx, tx } = this;
    const locale = ctx.config.locale;
    const payload = caseParentMessage(await caseCard(tx, caseId, today), messages(locale), locale);
    if (threadTs) {
      await ctx.outbox.enqueue(
        { method: "chat.update", channel: ctx.config.slack.channel, payload, anchor: { caseId } },
        tx,
      );
    } else {
      await ctx.outbox.upsert({ ...parentMessage(ctx, caseId), payload }, tx);
    }
  }
}

/** The case's parent message row (the dedupe key makes it one per case); its ts is recorded when sent. */
function parentMessage(ctx: AppContext, caseId: number, payload: Record<string, unknown> = {}) {
  return {
    method: "chat.postMessage" as const,
    channel: ctx.config.slack.channel,
    payload,
    onSent: { kind: "case_parent", caseId },
    dedupeKey: `case-parent:${caseId}`,
  };
}

/** The writer of the unit of work running in `tx`; outside one, a writer that writes at once. */
export function caseThread(ctx: AppContext, tx: Tx = ctx.db): CaseThreadWriter {
  return (
    unitLocal(tx, "case-thread", () => new CaseThreadWriter(ctx, tx, true)) ??
    new CaseThreadWriter(ctx, tx, false)
  );
}
