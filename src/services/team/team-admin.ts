import type { AppContext } from "../../context";
import type { Tx } from "../../db/client";
import { unitOfWork } from "../../db/unit-of-work";
import type { IsoDate } from "../../domain/calendar";
import type { Role } from "../../domain/cases";
import type { CustomerNote } from "../../domain/customer-note";
import { escapeMrkdwn } from "../../domain/text";
import { messages } from "../../i18n";
import { audit } from "../audit";
import { postToCase, refreshCaseParent } from "../cases/cases";

export interface TeamListEntry {
  slackUserId: string;
  name: string;
  role: string;
  customers: number;
}

export async function listTeam(ctx: AppContext): Promise<TeamListEntry[]> {
  const members = await ctx.db.teamMember.findMany({
    where: { active: true },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    include: { _count: { select: { customers: true } } },
  });
  return members.map((m) => ({
    slackUserId: m.slackUserId,
    name: m.name,
    role: m.role,
    customers: m._count.customers,
  }));
}

export type RoleChange = "added" | "changed" | "unchanged" | "last_admin";

/** Adds a person to the team with a role, or changes their role (never leaving the team without an admin). */
export async function setMemberRole(
  ctx: AppContext,
  input: { slackUserId: string; name: string; role: Role; actor: string },
): Promise<RoleChange> {
  return unitOfWork(ctx, async (tx) => {
    const existing = await tx.teamMember.findUnique({ where: { slackUserId: input.slackUserId } });
    if (existing?.active && existing.role === input.role) return "unchanged";
    if (existing?.active && existing.role === "admin" && input.role !== "admin") {
      const admins = await tx.teamMember.count({ where: { role: "admin", active: true } });
      if (admins <= 1) return "last_admin";
    }
    if (existing) {
      await tx.teamMember.update({ where: { id: existing.id }, data: { role: input.role, active: true } });
    } else {
      await tx.teamMember.create({
        data: { slackUserId: input.slackUserId, name: input.name, role: input.role },
      });
    }
    const result: RoleChange = existing?.active ? "changed" : "added";
    await audit(tx, {
      actor: input.actor,
      action: `team.${result}`,
      detail: {
        slackUserId: input.slackUserId,
        role: input.role,
        from: existing?.active ? existing.role : null,
      },
    });
    return result;
  });
}

/** Takes a person off the team (kept for history, marked inactive). */
export async function removeMember(
  ctx: AppContext,
  input: { slackUserId: string; actor: string },
): Promise<"removed" | "not_member" | "last_admin"> {
  return unitOfWork(ctx, async (tx) => {
    const m = await tx.teamMember.findUnique({ where: { slackUserId: input.slackUserId } });
    if (!m?.active) return "not_member";
    if (m.role === "admin" && (await tx.teamMember.count({ where: { role: "admin", active: true } })) <= 1) {
      return "last_admin";
    }
    await tx.teamMember.update({ where: { id: m.id }, data: { active: false } });
    await audit(tx, {
      actor: input.actor,
      action: "team.removed",
      detail: { slackUserId: m.slackUserId, role: m.role },
    });
    return "removed";
  });
}

/**
 * Makes a team member (sales or admin) the salesperson of a customer: audited; if the customer has an
 * open case, a line goes in its thread and the parent message shows the new salesperson.
 */
export async function assignSalesperson(
  ctx: AppContext,
  input: { customerId: number; slackUserId: string; actor: string },
  today: IsoDate,
): Promise<"assigned" | "not_sales"> {
  const result = await unitOfWork(ctx, async (tx) => {
    const m = await tx.teamMember.findUnique({ where: { slackUserId: input.slackUserId } });
    if (!m?.active || (m.role !== "sales" && m.role !== "admin")) return "not_sales" as const;
    const c = await tx.customer.update({ where: { id: input.customerId }, data: { salespersonId: m.id } });
    const kase = await tx.case.findFirst({ where: { customerId: c.id, closedOn: null } });
    await audit(tx, {
      actor: input.actor,
      action: "customer.salesperson",
      caseId: kase?.id,
      customerId: c.id,
      detail: { slackUserId: m.slackUserId },
    });
    if (kase) {
      const t = messages(ctx.config.locale);
      await postToCase(
        ctx,
        kase.id,
        { text: t.caseThread.salespersonLine(`<@${m.slackUserId}>`, `<@${input.actor}>`) },
        today,
        tx,
      );
      await refreshCaseParent(ctx, kase.id, today, tx);
    }
    return "assigned" as const;
  });
  return result;
}

/**
 * The salesperson's note on a customer (how to approach, special attention, reference person):
 * saved, audited with before/after, and told in the open case's thread (text escaped).
 */
export async function updateCustomerNote(
  ctx: AppContext,
  input: { customerId: number; note: CustomerNote; actor: string },
  today: IsoDate,
): Promise<void> {
  await unitOfWork(ctx, (tx) => recordCustomerNote(ctx, tx, input, today), { label: "customer note" });
}

/** updateCustomerNote's writes in the caller's transaction (the caller kicks the outbox after the commit). */
export async function recordCustomerNote(
  ctx: AppContext,
  tx: Tx,
  input: { customerId: number; note: CustomerNote; actor: string },
  today: IsoDate,
): Promise<void> {
  const clean = (s: string | null) => (s?.trim() ? s.trim() : null);
  const note = {
    approach: clean(input.note.approach),
    attention: clean(input.note.attention),
    referencePerson: clean(input.note.referencePerson),
  };
  {
    const before = await tx.customer.findUniqueOrThrow({ where: { id: input.customerId } });
    await tx.customer.update({
      where: { id: input.customerId },
      data: {
        noteApproach: note.approach,
        noteAttention: note.attention,
        noteReferencePerson: note.referencePerson,
      },
    });
    const kase = await tx.case.findFirst({ where: { customerId: input.customerId, closedOn: null } });
    await audit(tx, {
      actor: input.actor,
      action: "customer.note",
      caseId: kase?.id,
      customerId: input.customerId,
      detail: {
        before: {
          approach: before.noteApproach,
          attention: before.noteAttention,
          referencePerson: before.noteReferencePerson,
        },
        after: note,
      },
    });
    if (kase) {
      const t = messages(ctx.config.locale);
      const parts = [
        note.approach && `*${t.caseThread.noteApproach}*: ${escapeMrkdwn(note.approach)}`,
        note.attention && `*${t.caseThread.noteAttention}*: ${escapeMrkdwn(note.attention)}`,
        note.referencePerson && `*${t.caseThread.noteReference}*: ${escapeMrkdwn(note.referencePerson)}`,
      ].filter(Boolean);
      const text = [t.caseThread.noteLine(`<@${input.actor}>`), ...parts].join("\n");
      await postToCase(ctx, kase.id, { text }, today, tx);
    }
  }
}
