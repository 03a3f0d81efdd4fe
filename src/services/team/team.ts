import type { Db } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { readerOf } from "../../db/reads";
import type { Role } from "../../domain/cases";

/** A Slack user's display name (the Slack adapter gives one: `displayNames` in slack/users.ts). */
export type DisplayNameLookup = (slackUserId: string) => Promise<string>;

export interface Member {
  id: number;
  slackUserId: string;
  name: string;
  role: string;
}

export async function memberBySlackId(db: Db, slackUserId: string): Promise<Member | null> {
  const reader = readerOf(db);
  // every request asks this first: on the read connection when there is one (see db/reads.ts)
  const m = reader
    ? reader.get<Member & { active: number }>(
        `SELECT id, slackUserId, name, role, active FROM "TeamMember" WHERE slackUserId = ?`,
        slackUserId,
      )
    : await db.teamMember.findUnique({ where: { slackUserId } });
  return m?.active ? m : null;
}

/**
 * The team member behind a Slack user. The very first person to use Credito becomes its admin
 * (someone has to be able to add the others); afterwards unknown users get null.
 */
export async function resolveMember(
  db: Db,
  slackUserId: string,
  nameOf?: DisplayNameLookup,
): Promise<Member | null> {
  const known = await memberBySlackId(db, slackUserId);
  if (known) return known;
  if ((await db.teamMember.count()) > 0) return null;
  const name = nameOf ? await nameOf(slackUserId) : slackUserId;
  try {
    return await db.teamMember.create({ data: { slackUserId, name, role: "admin" } });
  } catch (err) {
    if (isUniqueViolation(err)) return memberBySlackId(db, slackUserId);
    throw err;
  }
}

export function hasRole(member: Member | null, ...roles: Role[]): boolean {
  return !!member && roles.includes(member.role as Role);
}
