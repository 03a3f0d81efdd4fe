import type { AppContext } from "../context";
import { today as todayOf } from "../context";
import type { Tx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { unitOfWork } from "../db/unit-of-work";
import { formatDateShort, type IsoDate, timeInZone } from "../domain/calendar";
import { formatEuro } from "../domain/money";
import {
  nextReminderStep,
  REMINDER_STEPS,
  type ReminderMedium,
  type ReminderStep,
  reminderStepFor,
  STEP_RULES,
} from "../domain/reminder";
import { escapeMrkdwn } from "../domain/text";
import type { Reminder } from "../generated/prisma/client";
import { reminderMessages } from "../i18n/reminders";
import {
  batchReviewMessage,
  letterReadyMessage,
  type ReminderModalData,
  reminderApprovalMessage,
} from "../messages/reminder";
import { audit } from "../services/audit";
import { ensureCaseThread, openCase, postToCase } from "../services/cases/cases";
import { buildDigest } from "../services/digest/digest";
import type { Member } from "../services/team/team";
import { buildDraft, draftPdf, type ReminderDraft } from "./drafts";
import { MailOutbox } from "./mail-outbox";

export type Approver = "sales" | "admin" | "owner";
interface Approvals {
  needs: Approver[];
  got: Partial<Record<Approver, { by: string; ok: boolean }>>;
  /** the outbox key of the request message in the case thread, edited once decided */
  messageKey?: string;
}

// ---------------------------------------------------------------- mail outbox per running app

const outboxes = new WeakMap<AppContext, MailOutbox>();

export function mailOutbox(ctx: AppContext): MailOutbox {
  let o = outboxes.get(ctx);
  if (!o) {
    o = new MailOutbox(ctx, { sent: mailSent, failed: mailFailed });
    outboxes.set(ctx, o);
  }
  return o;
}

export function startMailOutbox(ctx: AppContext): void {
  const o = mailOutbox(ctx);
  o.kick();
  o.poll();
}

export async function stopMailOutbox(ctx: AppContext): Promise<void> {
  await outboxes.get(ctx)?.stop();
}

// ---------------------------------------------------------------- preparing

export type PrepareResult =
  | { ok: true; reminderId: number; modal: ReminderModalData }
  | { ok: false; message: string };

const parseApprovals = (r: Pick<Reminder, "approvals">): Approvals =>
  r.approvals ? (JSON.parse(r.approvals) as Approvals) : { needs: [], got: {} };

/** Who must agree before this step leaves: the 🤝 customer's salesperson, an admin (messa in mora), the owner. */
export function requiredApprovals(
  step: ReminderStep,
  d: Pick<ReminderDraft, "preserveRelationship" | "salespersonSlackId">,
  preparer: { slackUserId: string; role: string } | null,
): Approver[] {
  const needs: Approver[] = [];
  if (d.preserveRelationship && d.salespersonSlackId && d.salespersonSlackId !== preparer?.slackUserId)
    needs.push("sales");
  const approver = STEP_RULES[step].approver;
  const role = preparer?.role;
  if (approver === "admin" && role !== "admin" && role !== "owner") needs.push("admin");
  if (approver === "owner" && role !== "owner") needs.push("owner");
  return needs;
}

/** The cadence's written step due today for this customer, if the digest has one. */
async function dueStep(ctx: AppContext, customerId: number, day: IsoDate) {
  const digest = await buildDigest(ctx, day);
  return digest.tasks.find((t) => t.customerId === customerId && t.kind === "cadence" && t.step)?.step;
}

/**
 * Drafts (or reopens today's draft of) a reminder to a customer and returns what the modal shows. Without a
 * step: the cadence's written step due today, else the step after the hardest one already sent.
 */
export async function prepareReminder(
  ctx: AppContext,
  input: {
    customerId: number;
    step?: ReminderStep;
    cadenceChannel?: string;
    actor: Member | null;
    actorSlackId: string;
    /** the batch's day (`credito solleciti --date`); default today */
    day?: IsoDate;
  },
): Promise<PrepareResult> {
  const t = reminderMessages(ctx.config.locale);
  if (!ctx.config.company) return { ok: false, message: t.errors.noCompany };
  const day = input.day ?? todayOf(ctx);
  const { step, cadenceChannel } = await stepToRemind(ctx, input, day);
  const existing = await ctx.db.reminder.findUnique({
    where: { customerId_step_day: { customerId: input.customerId, step, day } },
  });
  const collector = input.actor?.name ?? ctx.config.company.signature;
  const draft = await buildDraft(
    ctx,
    ctx.db,
    { customerId: input.customerId, step, collector, cadenceChannel },
    day,
  );
  if (!draft) {
    const c = await ctx.db.customer.findUniqueOrThrow({ where: { id: input.customerId } });
    return { ok: false, message: t.errors.nothingToRemind(c.name) };
  }
  if (existing?.status === "awaiting_approval") return { ok: false, message: t.errors.awaiting };
  if (existing?.status === "to_post") return { ok: false, message: t.errors.toPost };
  if (
    existing &&
    existing.status !== "draft" &&
    existing.status !== "failed" &&
    existing.status !== "cancelled"
  )
    return { ok: false, message: t.errors.alreadySent };
  const needs = requiredApprovals(step, draft, input.actor);
  const row =
    existing?.status === "draft" ? existing : await storeDraft(ctx, input, step, day, draft, needs, existing);
  return { ok: true, reminderId: row.id, modal: modalData(ctx, row, draft, needs) };
}

type ReminderRequest = Parameters<typeof prepareReminder>[1];

/** The step asked for; else the cadence's written step due today; else the one after the hardest sent. */
async function stepToRemind(
  ctx: AppContext,
  input: ReminderRequest,
  day: IsoDate,
): Promise<{ step: ReminderStep; cadenceChannel: string | undefined }> {
  if (input.step) return { step: input.step, cadenceChannel: input.cadenceChannel };
  const due = await dueStep(ctx, input.customerId, day);
  const fromCadence = due ? reminderStepFor(due) : null;
  if (due && fromCadence) return { step: fromCadence, cadenceChannel: due.channel };
  const sent = await ctx.db.reminder.findMany({
    where: { customerId: input.customerId, status: "sent" },
    select: { step: true },
  });
  return {
    step: nextReminderStep(sent.map((r) => r.step as ReminderStep)),
    cadenceChannel: input.cadenceChannel,
  };
}

/** Today's draft of this step written (a failed or cancelled one is drafted again), in the customer's case. */
async function storeDraft(
  ctx: AppContext,
  input: ReminderRequest,
  step: ReminderStep,
  day: IsoDate,
  draft: ReminderDraft,
  needs: Approver[],
  existing: Reminder | null,
): Promise<Reminder> {
  const kase = await unitOfWork(ctx, (tx) => openCase(tx, input.customerId, day));
  const data = {
    caseId: kase.id,
    medium: draft.medium,
    status: "draft",
    recipient: draft.recipient,
    subject: draft.subject,
    body: draft.body,
    attachmentName: draft.attachmentName,
    invoices: JSON.stringify(
      draft.selection.included.map((i) => ({ number: i.number, installment: i.installment })),
    ),
    overdueCents: draft.figures.overdueCents,
    interestCents: draft.figures.interestCents,
    recoveryCostCents: draft.figures.recoveryCostCents,
    bankCostsCents: draft.figures.bankCostsCents,
    totalCents: draft.figures.totalCents,
    preparedBy: input.actorSlackId,
    approvals: JSON.stringify({ needs, got: {} } satisfies Approvals),
    messageId: null,
    deliveryError: null,
  };
  try {
    return existing
      ? await ctx.db.reminder.update({ where: { id: existing.id }, data })
      : await ctx.db.reminder.create({ data: { ...data, customerId: input.customerId, step, day } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return await ctx.db.reminder.findUniqueOrThrow({
      where: { customerId_step_day: { customerId: input.customerId, step, day } },
    });
  }
}

function modalData(
  ctx: AppContext,
  row: Reminder,
  draft: ReminderDraft,
  needs: Approver[],
): ReminderModalData {
  const t = reminderMessages(ctx.config.locale);
  const notes: string[] = [];
  if (needs.includes("sales"))
    notes.push(
      t.modal.needsSales(draft.salespersonSlackId ? `<@${draft.salespersonSlackId}>` : "il commerciale"),
    );
  if (needs.includes("admin")) notes.push(t.modal.needsAdmin);
  if (needs.includes("owner")) notes.push(t.modal.needsOwner);
  return {
    reminderId: row.id,
    customerName: draft.customerName,
    step: row.step as ReminderStep,
    medium: row.medium as ReminderMedium,
    recipient: row.recipient,
    postalAddress: draft.postalAddress,
    subject: row.subject,
    body: row.body,
    attachmentName: row.attachmentName,
    invoiceCount: draft.selection.included.length,
    totalCents: draft.figures.totalCents,
    interestCents: draft.figures.interestCents,
    recoveryCostCents: draft.figures.recoveryCostCents,
    bankCostsCents: draft.figures.bankCostsCents,
    disputed: draft.selection.disputed.length,
    promised: draft.selection.promised.length,
    notes,
    needsApproval: needs.length > 0,
    noContact: draft.medium === "letter" && !draft.recipient,
  };
}

/** Reopens a reminder's modal data (the batch's "Rivedi"). */
export async function reminderModalFor(
  ctx: AppContext,
  reminderId: number,
): Promise<ReminderModalData | null> {
  const row = await ctx.db.reminder.findUnique({ where: { id: reminderId } });
  if (!row || !ctx.config.company) return null;
  const draft = await buildDraft(
    ctx,
    ctx.db,
    { customerId: row.customerId, step: row.step as ReminderStep, collector: ctx.config.company.signature },
    row.day,
  );
  if (!draft) return null;
  return modalData(ctx, row, draft, parseApprovals(row).needs);
}

// ---------------------------------------------------------------- checking what the collector typed

export interface ReminderEdits {
  recipient?: string;
  subject: string;
  body: string;
  attachmentName: string;
}
export type EditErrors = Partial<Record<"recipient" | "subject" | "body" | "attachment", string>>;

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function checkEdits(e: ReminderEdits, medium: ReminderMedium, locale: "it" | "en"): EditErrors {
  const t = reminderMessages(locale).errors;
  const errors: EditErrors = {};
  if (medium !== "letter" && !EMAIL.test((e.recipient ?? "").trim())) errors.recipient = t.invalidAddress;
  if (!e.subject.trim()) errors.subject = t.emptySubject;
  if (!e.body.trim()) errors.body = t.emptyBody;
  if (!/^[^/\\]+\.pdf$/i.test(e.attachmentName.trim())) errors.attachment = t.badAttachment;
  return errors;
}

export async function saveDraft(ctx: AppContext, reminderId: number, e: ReminderEdits): Promise<boolean> {
  const r = await ctx.db.reminder.updateMany({
    where: { id: reminderId, status: "draft" },
    data: {
      ...(e.recipient !== undefined ? { recipient: e.recipient.trim() } : {}),
      subject: e.subject.trim(),
      body: e.body,
      attachmentName: e.attachmentName.trim(),
    },
  });
  return r.count === 1;
}

// ---------------------------------------------------------------- sending

export type SubmitResult =
  | { ok: true; outcome: "queued" | "awaiting_approval" | "letter"; to: string | null }
  | { ok: false; message: string };

/**
 * The collector pressed Send: the edits are saved; a letter becomes a printable PDF in the case thread; a
 * reminder that still needs someone's ok is asked for in the thread; anything else is queued for the mail.
 */
export async function submitReminder(
  ctx: AppContext,
  reminderId: number,
  e: ReminderEdits | null,
  actorSlackId: string,
): Promise<SubmitResult> {
  const t = reminderMessages(ctx.config.locale);
  if (e && !(await saveDraft(ctx, reminderId, e))) return { ok: false, message: t.errors.alreadySent };
  const row = await ctx.db.reminder.findUnique({ where: { id: reminderId }, include: { customer: true } });
  if (!row) return { ok: false, message: t.errors.notFound };
  if (row.status !== "draft") return { ok: false, message: t.errors.alreadySent };
  const medium = row.medium as ReminderMedium;
  if (medium === "letter") {
    await letterReady(ctx, row, actorSlackId);
    return { ok: true, outcome: "letter", to: null };
  }
  const unconfigured = mailSettingsMissing(ctx, medium);
  if (unconfigured)
    return { ok: false, message: t.errors.notConfigured(t.medium[medium] ?? medium, unconfigured) };
  // whoever presses Send is its sender: their role decides whose ok is still needed
  const sender = await ctx.db.teamMember.findUnique({ where: { slackUserId: actorSlackId } });
  const salesperson = row.customer.salespersonId
    ? await ctx.db.teamMember.findUnique({ where: { id: row.customer.salespersonId } })
    : null;
  const approvals: Approvals = {
    needs: requiredApprovals(
      row.step as ReminderStep,
      {
        preserveRelationship: row.customer.preserveRelationship,
        salespersonSlackId: salesperson?.active ? salesperson.slackUserId : null,
      },
      sender?.active ? sender : null,
    ),
    got: {},
  };
  await ctx.db.reminder.update({
    where: { id: row.id },
    data: { preparedBy: actorSlackId, approvals: JSON.stringify(approvals) },
  });
  row.preparedBy = actorSlackId;
  const missing = approvals.needs;
  if (missing.length > 0) {
    await askApproval(ctx, row, approvals, actorSlackId);
    return { ok: true, outcome: "awaiting_approval", to: row.recipient };
  }
  await queueMail(ctx, row);
  return { ok: true, outcome: "queued", to: row.recipient };
}

function mailSettingsMissing(ctx: AppContext, medium: ReminderMedium): string | null {
  if (medium === "pec")
    return ctx.config.pec.smtpUrl && ctx.config.pec.from ? null : "CREDITO_PEC_SMTP_URL, CREDITO_PEC_FROM";
  return ctx.config.mail.smtpUrl && ctx.config.mail.from ? null : "CREDITO_SMTP_URL, CREDITO_MAIL_FROM";
}

async function currentDraft(ctx: AppContext, row: Reminder): Promise<ReminderDraft> {
  const member = await ctx.db.teamMember.findUnique({ where: { slackUserId: row.preparedBy } });
  const draft = await buildDraft(
    ctx,
    ctx.db,
    {
      customerId: row.customerId,
      step: row.step as ReminderStep,
      collector: member?.name ?? ctx.config.company?.signature ?? "",
    },
    row.day,
  );
  if (!draft) throw new Error(`reminder ${row.id}: nothing left to chase`);
  return draft;
}

/** Queues the mail (one key per customer, step and day: a second queueing is a no-op) and kicks the sender. */
async function queueMail(ctx: AppContext, row: Reminder): Promise<void> {
  const medium = row.medium as ReminderMedium;
  const from = (medium === "pec" ? ctx.config.pec.from : ctx.config.mail.from) ?? "";
  const pdf = await draftPdf(ctx, await currentDraft(ctx, row), row.day);
  const domain = from.split("@")[1] ?? "credito.local";
  const messageId = `<sollecito-${row.id}-${row.day}@${domain}>`;
  const key = `reminder:${row.customerId}:${row.step}:${row.day}`;
  // what this unit queues is a mail: the mail outbox is the one kicked after the commit
  await unitOfWork({ ...ctx, outbox: mailOutbox(ctx) }, async (tx) => {
    const claimed = await tx.reminder.updateMany({
      where: { id: row.id, status: { in: ["draft", "awaiting_approval"] } },
      data: { status: "queued", messageId },
    });
    if (claimed.count !== 1) return;
    const queued = await tx.mailOutbox.findUnique({ where: { key } });
    if (queued) return;
    await tx.mailOutbox.create({
      data: {
        key,
        reminderId: row.id,
        transport: medium === "pec" ? "pec" : "mail",
        fromAddress: from,
        toAddress: row.recipient ?? "",
        subject: row.subject,
        text: row.body,
        attachments: JSON.stringify([
          { filename: row.attachmentName, contentType: "application/pdf", base64: pdf.toString("base64") },
        ]),
        messageId,
      },
    });
    await audit(tx, {
      actor: row.preparedBy,
      action: "reminder.queued",
      caseId: row.caseId,
      customerId: row.customerId,
      detail: { reminderId: row.id, step: row.step, medium, recipient: row.recipient },
    });
  });
}

/** The mail left: the reminder is sent, an Interaction records it (the cadence step is done), the thread shows it with its PDF. */
async function mailSent(
  ctx: AppContext,
  m: { id: number; reminderId: number | null; messageId: string },
): Promise<void> {
  if (!m.reminderId) return;
  const t = reminderMessages(ctx.config.locale);
  const now = ctx.clock.now();
  const day = todayOf(ctx);
  const mail = await ctx.db.mailOutbox.findUniqueOrThrow({ where: { id: m.id } });
  await unitOfWork(ctx, async (tx) => {
    const row = await tx.reminder.findUniqueOrThrow({ where: { id: m.reminderId as number } });
    if (row.status === "sent") return;
    const interactionId = await recordSent(tx, row, now, day);
    await tx.reminder.update({ where: { id: row.id }, data: { status: "sent", sentAt: now, interactionId } });
    if (row.caseId) {
      const medium = t.medium[row.medium] ?? row.medium;
      await postToCase(
        ctx,
        row.caseId,
        {
          text: t.thread.sent(
            t.stepSent[row.step] ?? row.step,
            medium,
            escapeMrkdwn(row.recipient ?? ""),
            `<@${row.preparedBy}>`,
          ),
        },
        day,
        tx,
      );
      const [file] = JSON.parse(mail.attachments) as { filename: string; base64: string }[];
      if (file)
        await ctx.outbox.enqueue(
          {
            method: "files.upload",
            channel: ctx.config.slack.channel,
            payload: { filename: file.filename, title: file.filename, data: file.base64 },
            anchor: { caseId: row.caseId },
            dedupeKey: `reminder-pdf:${row.id}`,
          },
          tx,
        );
    }
  });
}

async function recordSent(tx: Tx, row: Reminder, now: Date, day: IsoDate): Promise<number> {
  const member = await tx.teamMember.findUnique({ where: { slackUserId: row.preparedBy } });
  const interaction = await tx.interaction.create({
    data: {
      customerId: row.customerId,
      caseId: row.caseId,
      memberId: member?.id ?? null,
      channel: row.medium,
      outcome: "reminder_sent",
      // no sentence: the contact reads its step, subject and recipient from this reminder when shown
      notes: null,
      date: day,
      occurredAt: now,
    },
  });
  await audit(tx, {
    actor: row.preparedBy,
    action: "reminder.sent",
    caseId: row.caseId,
    customerId: row.customerId,
    detail: {
      reminderId: row.id,
      step: row.step,
      medium: row.medium,
      recipient: row.recipient,
      interactionId: interaction.id,
    },
  });
  return interaction.id;
}

async function mailFailed(
  ctx: AppContext,
  m: { id: number; reminderId: number | null; toAddress: string },
  reason: string,
  uncertain: boolean,
): Promise<void> {
  if (!m.reminderId) return;
  const t = reminderMessages(ctx.config.locale);
  await unitOfWork(ctx, async (tx) => {
    const row = await tx.reminder.update({
      where: { id: m.reminderId as number },
      data: { status: uncertain ? "failed" : "failed", deliveryError: reason },
    });
    if (row.caseId)
      await postToCase(
        ctx,
        row.caseId,
        {
          text: uncertain
            ? t.thread.uncertain(escapeMrkdwn(m.toAddress))
            : t.thread.refused(escapeMrkdwn(m.toAddress), escapeMrkdwn(reason)),
        },
        todayOf(ctx),
        tx,
      );
  });
}

// ---------------------------------------------------------------- letters

async function letterReady(ctx: AppContext, row: Reminder, actorSlackId: string): Promise<void> {
  const t = reminderMessages(ctx.config.locale);
  const pdf = await draftPdf(ctx, await currentDraft(ctx, row), row.day, {
    subject: row.subject,
    body: row.body,
  });
  const day = todayOf(ctx);
  await unitOfWork(ctx, async (tx) => {
    const claimed = await tx.reminder.updateMany({
      where: { id: row.id, status: "draft" },
      data: { status: "to_post" },
    });
    if (claimed.count !== 1 || !row.caseId) return;
    const text = t.thread.letterReady(t.step[row.step] ?? row.step, `<@${actorSlackId}>`);
    await postToCase(ctx, row.caseId, letterReadyMessage({ reminderId: row.id, text }, t), day, tx);
    await ctx.outbox.enqueue(
      {
        method: "files.upload",
        channel: ctx.config.slack.channel,
        payload: { filename: row.attachmentName, title: row.attachmentName, data: pdf.toString("base64") },
        anchor: { caseId: row.caseId },
        dedupeKey: `reminder-pdf:${row.id}`,
      },
      tx,
    );
  });
}

/** "Spedita": the letter went by raccomandata; now it counts as sent. */
export async function confirmLetterPosted(
  ctx: AppContext,
  reminderId: number,
  actorSlackId: string,
): Promise<{ ok: boolean; text?: string }> {
  const t = reminderMessages(ctx.config.locale);
  const now = ctx.clock.now();
  const day = todayOf(ctx);
  const done = await unitOfWork(ctx, async (tx) => {
    const claimed = await tx.reminder.updateMany({
      where: { id: reminderId, status: "to_post" },
      data: { status: "sent", sentAt: now },
    });
    if (claimed.count !== 1) return null;
    const row = await tx.reminder.findUniqueOrThrow({ where: { id: reminderId } });
    const interactionId = await recordSent(tx, { ...row, preparedBy: actorSlackId }, now, day);
    await tx.reminder.update({ where: { id: reminderId }, data: { interactionId } });
    const text = t.thread.letterPosted(`<@${actorSlackId}>`);
    if (row.caseId) await postToCase(ctx, row.caseId, { text }, day, tx);
    return text;
  });
  return done ? { ok: true, text: done } : { ok: false };
}

// ---------------------------------------------------------------- approvals

async function askApproval(
  ctx: AppContext,
  row: Reminder & { customer: { name: string } },
  approvals: Approvals,
  actorSlackId: string,
) {
  const missing = approvals.needs;
  const day = todayOf(ctx);
  // a reminder sent back to a draft and submitted again asks again, in a new message
  const asked = await ctx.db.auditEntry.count({
    where: { action: "reminder.approval_requested", customerId: row.customerId },
  });
  approvals.messageKey = `reminder-approval:${row.id}:${asked + 1}`;
  const message = await approvalMessageOf(ctx, row, approvals, actorSlackId);
  await unitOfWork(ctx, async (tx) => {
    await tx.reminder.update({
      where: { id: row.id },
      data: { status: "awaiting_approval", approvals: JSON.stringify(approvals) },
    });
    if (!row.caseId) return;
    await ensureCaseThread(ctx, row.caseId, day, tx);
    await ctx.outbox.enqueue(
      {
        method: "chat.postMessage",
        channel: ctx.config.slack.channel,
        payload: { ...message },
        anchor: { caseId: row.caseId },
        dedupeKey: approvals.messageKey,
      },
      tx,
    );
    await audit(tx, {
      actor: actorSlackId,
      action: "reminder.approval_requested",
      caseId: row.caseId,
      customerId: row.customerId,
      detail: { reminderId: row.id, needs: missing },
    });
  });
}

async function approvalMessageOf(
  ctx: AppContext,
  row: Reminder & { customer: { name: string } },
  approvals: Approvals,
  preparedBy: string,
  done?: string,
) {
  const missing = approvals.needs.filter((n) => !approvals.got[n]?.ok);
  return reminderApprovalMessage(
    {
      reminderId: row.id,
      step: row.step as ReminderStep,
      customerName: row.customer.name,
      preparedBy: `<@${preparedBy}>`,
      subject: row.subject,
      amount: formatEuro(row.totalCents, ctx.config.locale),
      asks: await approverMentions(ctx, row.customerId, approvals.needs),
      withSales: missing.includes("sales"),
      withManager: missing.includes("admin") || missing.includes("owner"),
      done,
    },
    reminderMessages(ctx.config.locale),
  );
}

async function approverMentions(ctx: AppContext, customerId: number, needs: Approver[]): Promise<string[]> {
  const out: string[] = [];
  if (needs.includes("sales")) {
    const c = await ctx.db.customer.findUnique({ where: { id: customerId }, include: { salesperson: true } });
    if (c?.salesperson) out.push(`<@${c.salesperson.slackUserId}>`);
  }
  for (const role of ["admin", "owner"] as const) {
    if (!needs.includes(role)) continue;
    const members = await ctx.db.teamMember.findMany({
      where: { role, active: true },
      orderBy: { id: "asc" },
    });
    out.push(...members.map((m) => `<@${m.slackUserId}>`));
  }
  return [...new Set(out)];
}

export type DecisionResult = { ok: true; text: string; queued: boolean } | { ok: false; message: string };

/**
 * Approve / reject (an admin for the messa in mora, the owner for the final notice or the diffida) or ok /
 * object (the 🤝 customer's salesperson). Roles are checked here. Once everyone needed agreed, the mail goes.
 */
export async function decideReminder(
  ctx: AppContext,
  input: { reminderId: number; actor: Member | null; decision: "approve" | "reject" | "ok" | "object" },
): Promise<DecisionResult> {
  const t = reminderMessages(ctx.config.locale);
  const { actor } = input;
  if (!actor) return { ok: false, message: t.errors.notMember };
  const row = await ctx.db.reminder.findUnique({
    where: { id: input.reminderId },
    include: { customer: { include: { salesperson: true } } },
  });
  if (!row) return { ok: false, message: t.errors.notFound };
  if (row.status !== "awaiting_approval") return { ok: false, message: t.errors.alreadySent };
  const approvals = parseApprovals(row);
  const salesDecision = input.decision === "ok" || input.decision === "object";
  let role: Approver | null = null;
  if (salesDecision) {
    if (
      approvals.needs.includes("sales") &&
      (row.customer.salesperson?.slackUserId === actor.slackUserId || actor.role === "owner")
    )
      role = "sales";
  } else if (approvals.needs.includes("owner")) {
    if (actor.role === "owner") role = "owner";
  } else if (approvals.needs.includes("admin")) {
    if (actor.role === "admin" || actor.role === "owner") role = "admin";
  }
  if (!role) return { ok: false, message: t.errors.notAllowed };
  const agreed = input.decision === "approve" || input.decision === "ok";
  approvals.got[role] = { by: actor.slackUserId, ok: agreed };
  // an owner's or admin's approval also settles the lesser manager need
  if (agreed && role === "owner" && approvals.needs.includes("admin"))
    approvals.got.admin = { by: actor.slackUserId, ok: true };
  const who = `<@${actor.slackUserId}>`;
  const text = agreed
    ? role === "sales"
      ? t.approval.okBy(who)
      : t.approval.approvedBy(who)
    : role === "sales"
      ? t.approval.objectedBy(who)
      : t.approval.rejectedBy(who);
  const day = todayOf(ctx);
  const missing = approvals.needs.filter((n) => !approvals.got[n]?.ok);
  await unitOfWork(ctx, async (tx) => {
    await tx.reminder.update({
      where: { id: row.id },
      data: { approvals: JSON.stringify(approvals), ...(agreed ? {} : { status: "draft" }) },
    });
    await audit(tx, {
      actor: actor.slackUserId,
      action: `reminder.${input.decision}`,
      caseId: row.caseId,
      customerId: row.customerId,
      detail: { reminderId: row.id, role },
    });
    if (row.caseId) await postToCase(ctx, row.caseId, { text }, day, tx);
    if (approvals.messageKey && (!agreed || missing.length === 0))
      await ctx.outbox.enqueue(
        {
          method: "chat.update",
          channel: ctx.config.slack.channel,
          payload: { ...(await approvalMessageOf(ctx, row, approvals, row.preparedBy, text)) },
          anchor: { outboxKey: approvals.messageKey },
        },
        tx,
      );
  });
  if (agreed && missing.length === 0) {
    await queueMail(ctx, row);
    return { ok: true, text, queued: true };
  }
  return { ok: true, text, queued: false };
}

// ---------------------------------------------------------------- PEC receipts

export type ReceiptKind = "accettazione" | "avvenuta-consegna" | "errore-consegna" | "non-accettazione";

/**
 * A PEC receipt read from the mailbox, matched to the reminder it refers to by Message-ID. The delivery
 * receipt's date starts the term and is written on the reminder's interaction (so the dossier shows it).
 * Returns false when it refers to nothing Credito sent (someone else's PEC) or was already recorded.
 */
export async function recordReceipt(
  ctx: AppContext,
  r: { kind: ReceiptKind; refMessageId: string; date: Date; reason?: string },
): Promise<boolean> {
  const t = reminderMessages(ctx.config.locale);
  const id = r.refMessageId.trim();
  const ref = id.startsWith("<") ? id : `<${id}>`;
  const row = await ctx.db.reminder.findFirst({ where: { messageId: ref } });
  if (!row) return false;
  const day = todayOf(ctx);
  const at = `${formatDateShort(dateOf(ctx, r.date), ctx.config.locale)} ${timeInZone(r.date, ctx.config.timeZone)}`;
  if (r.kind === "accettazione") {
    if (row.acceptedAt) return false;
    await ctx.db.reminder.update({ where: { id: row.id }, data: { acceptedAt: r.date } });
    return true;
  }
  const done = await unitOfWork(ctx, async (tx) => {
    if (r.kind === "avvenuta-consegna") {
      const claimed = await tx.reminder.updateMany({
        where: { id: row.id, deliveredAt: null },
        data: { deliveredAt: r.date },
      });
      if (claimed.count !== 1) return false;
      if (row.caseId) await postToCase(ctx, row.caseId, { text: t.thread.delivered(at) }, day, tx);
    } else {
      const claimed = await tx.reminder.updateMany({
        where: { id: row.id, deliveryError: null },
        data: { deliveryError: r.reason ?? r.kind },
      });
      if (claimed.count !== 1) return false;
      if (row.caseId)
        await postToCase(
          ctx,
          row.caseId,
          {
            text: t.thread.notDelivered(escapeMrkdwn(row.recipient ?? ""), escapeMrkdwn(r.reason ?? r.kind)),
          },
          day,
          tx,
        );
    }
    await audit(tx, {
      actor: "credito",
      action: `reminder.receipt.${r.kind}`,
      caseId: row.caseId,
      customerId: row.customerId,
      detail: { reminderId: row.id, at: r.date.toISOString(), reason: r.reason },
    });
    return true;
  });
  return done;
}

function dateOf(ctx: AppContext, d: Date): IsoDate {
  return todayOf({ clock: { now: () => d }, config: ctx.config });
}

// ---------------------------------------------------------------- the morning batch

export interface BatchResult {
  day: IsoDate;
  prepared: {
    reminderId: number;
    customerName: string;
    step: ReminderStep;
    medium: ReminderMedium;
    totalCents: number;
    needsApproval: boolean;
  }[];
  autoSent: number;
  skipped: { customerName: string; reason: string }[];
}

/**
 * `credito solleciti`: a draft for every written cadence step due on `day`, and one review message in the
 * channel with "Invia tutti". Nothing reaches a customer now, except the courteous email when
 * CREDITO_AUTO_SEND_COURTESY allows it (and nobody's ok is needed). --dry-run prepares nothing.
 */
export async function prepareDay(
  ctx: AppContext,
  day: IsoDate,
  opts: { dryRun?: boolean } = {},
): Promise<BatchResult> {
  const digest = await buildDigest(ctx, day);
  const result: BatchResult = { day, prepared: [], autoSent: 0, skipped: [] };
  for (const task of digest.tasks) await prepareTask(ctx, task, day, opts, result);
  if (!opts.dryRun && (result.prepared.length > 0 || result.autoSent > 0))
    await postBatchReview(ctx, day, result);
  return result;
}

type DigestTask = Awaited<ReturnType<typeof buildDigest>>["tasks"][number];

/** One digest task of the batch: a written cadence step gets its draft (or is skipped, saying why). */
async function prepareTask(
  ctx: AppContext,
  task: DigestTask,
  day: IsoDate,
  opts: { dryRun?: boolean },
  result: BatchResult,
): Promise<void> {
  const t = reminderMessages(ctx.config.locale);
  const company = ctx.config.company;
  const step = task.kind === "cadence" && task.step ? reminderStepFor(task.step) : null;
  if (!step || !task.step) return;
  if (!company) {
    result.skipped.push({ customerName: task.customerName, reason: t.errors.noCompany });
    return;
  }
  const draft = await buildDraft(
    ctx,
    ctx.db,
    { customerId: task.customerId, step, collector: company.signature, cadenceChannel: task.step.channel },
    day,
  );
  if (!draft) {
    result.skipped.push({
      customerName: task.customerName,
      reason: t.errors.nothingToRemind(task.customerName),
    });
    return;
  }
  const needs = requiredApprovals(step, draft, null);
  if (opts.dryRun) {
    result.prepared.push({
      reminderId: 0,
      customerName: draft.customerName,
      step,
      medium: draft.medium,
      totalCents: draft.figures.totalCents,
      needsApproval: needs.length > 0,
    });
    return;
  }
  const prepared = await prepareReminder(ctx, {
    customerId: task.customerId,
    step,
    actor: null,
    actorSlackId: "credito",
    day,
  });
  if (!prepared.ok) {
    result.skipped.push({ customerName: task.customerName, reason: prepared.message });
    return;
  }
  const auto =
    ctx.config.reminders.autoSendCourtesy &&
    step === "courtesy" &&
    draft.medium === "email" &&
    needs.length === 0;
  if (auto) {
    const sent = await submitReminder(ctx, prepared.reminderId, null, "credito");
    if (sent.ok && sent.outcome === "queued") {
      result.autoSent++;
      return;
    }
  }
  result.prepared.push({
    reminderId: prepared.reminderId,
    customerName: draft.customerName,
    step,
    medium: draft.medium,
    totalCents: draft.figures.totalCents,
    needsApproval: needs.length > 0,
  });
}

/** The review message in the channel: one line per draft, with "Invia tutti". */
async function postBatchReview(ctx: AppContext, day: IsoDate, result: BatchResult): Promise<void> {
  const t = reminderMessages(ctx.config.locale);
  const locale = ctx.config.locale;
  const message = batchReviewMessage(
    {
      day,
      entries: result.prepared.map((p) => ({
        reminderId: p.reminderId,
        line:
          t.batch.line(
            escapeMrkdwn(p.customerName),
            t.step[p.step] ?? p.step,
            t.medium[p.medium] ?? p.medium,
            formatEuro(p.totalCents, locale),
          ) + (p.needsApproval ? ` · _${t.batch.waitsApproval}_` : ""),
      })),
      note: result.autoSent > 0 ? t.batch.autoSent(result.autoSent) : undefined,
    },
    t,
  );
  await ctx.outbox.send({
    method: "chat.postMessage",
    channel: ctx.config.slack.channel,
    payload: { ...message },
    dedupeKey: `reminder-batch:${day}`,
  });
}

/** "Invia tutti": every draft the batch prepared for `day` goes (or asks for its ok), as written. */
export async function sendAllOfDay(
  ctx: AppContext,
  day: IsoDate,
  actor: Member,
): Promise<{ queued: number; waiting: number; letters: number; failed: string[] }> {
  const drafts = await ctx.db.reminder.findMany({
    where: { day, status: "draft", preparedBy: "credito" },
    orderBy: { id: "asc" },
  });
  const out = { queued: 0, waiting: 0, letters: 0, failed: [] as string[] };
  for (const d of drafts) {
    // the clicker becomes the sender: their role may already cover the approval
    const r = await submitReminder(ctx, d.id, null, actor.slackUserId);
    if (!r.ok) out.failed.push(r.message);
    else if (r.outcome === "queued") out.queued++;
    else if (r.outcome === "letter") out.letters++;
    else out.waiting++;
  }
  return out;
}

export { REMINDER_STEPS };
