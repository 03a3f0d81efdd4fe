import { today } from "../../../context";
import { ROLES, type Role } from "../../../domain/cases";
import { escapeMrkdwn } from "../../../domain/text";
import { parseMention } from "../../../services/customers/customer-lookup";
import { slackDisplayName } from "../../users";
import { ackReply, requireMember, type Subcommand } from "../kit";

const REMOVE = new Set(["rimuovi", "remove"]);
const ASSIGN = new Set(["assegna", "assign"]);

/**
 * `/credito team` (admins only; the first person to use Credito becomes admin):
 *   team                              list the members
 *   team @user admin|sales|owner      add someone or change their role
 *   team rimuovi @user                take someone off the team
 *   team assegna <cliente> @user      make a sales (or admin) member the customer's salesperson
 */
export const teamSubcommand: Subcommand = {
  name: "team",
  usage: {
    it: {
      syntax: "team [@utente admin|sales|owner | rimuovi @utente | assegna <cliente> @utente]",
      text: "il team e i ruoli; il commerciale di un cliente (solo amministrazione)",
    },
    en: {
      syntax: "team [@user admin|sales|owner | rimuovi @user | assegna <customer> @user]",
      text: "the team and roles; a customer's salesperson (admins only)",
    },
  },
  async run({ ctx, command, args, ack, client, t }) {
    const reply = ackReply({ ack });
    const me = await requireMember(ctx, command.user_id, client, reply, {
      roles: ["admin"],
      refusal: t.team.onlyAdmin,
    });
    if (!me) return;
    const tokens = args.trim().split(/\s+/).filter(Boolean);
    const roleName = (r: string) => t.team.role[r] ?? r;

    if (tokens.length === 0) {
      const members = await ctx.services.team.listTeam();
      const lines = members.map((m) => t.team.member(`<@${m.slackUserId}>`, roleName(m.role), m.customers));
      return reply([`*${t.team.title}*`, ...(lines.length ? lines : [t.team.empty])].join("\n"));
    }

    const first = tokens[0]?.toLowerCase() ?? "";
    if (REMOVE.has(first)) {
      const user = parseMention(tokens[1] ?? "");
      if (!user || tokens.length !== 2) return reply(t.team.badUser);
      const r = await ctx.services.team.removeMember({ slackUserId: user, actor: command.user_id });
      if (r === "last_admin") return reply(t.team.lastAdmin);
      return reply(r === "removed" ? t.team.removed(`<@${user}>`) : t.team.notMember(`<@${user}>`));
    }

    if (ASSIGN.has(first)) {
      const user = parseMention(tokens.at(-1) ?? "");
      const query = tokens.slice(1, -1).join(" ");
      if (!user) return reply(t.team.badUser);
      if (!query) return reply(t.team.usage);
      const found = await ctx.services.customers.lookupCustomer(query, t);
      if (!found.ok) return reply(found.message);
      const r = await ctx.services.team.assignSalesperson(
        { customerId: found.customer.id, slackUserId: user, actor: command.user_id },
        today(ctx),
      );
      return reply(
        r === "assigned"
          ? t.team.assigned(`<@${user}>`, escapeMrkdwn(found.customer.name))
          : t.team.assignNeedsSales(`<@${user}>`),
      );
    }

    const user = parseMention(tokens[0] ?? "");
    if (!user) return reply(`${t.team.badUser}\n${t.team.usage}`);
    const role = (tokens[1] ?? "").toLowerCase();
    if (tokens.length !== 2 || !ROLES.includes(role as Role)) {
      return reply(tokens.length === 2 ? t.team.badRole(escapeMrkdwn(tokens[1] ?? "")) : t.team.usage);
    }
    const label = /^<@[A-Z0-9]+\|([^>]+)>$/.exec(tokens[0] ?? "")?.[1];
    const fromSlack = await slackDisplayName(client, user);
    const name = fromSlack !== user ? fromSlack : label || user;
    const r = await ctx.services.team.setMemberRole({
      slackUserId: user,
      name,
      role: role as Role,
      actor: command.user_id,
    });
    if (r === "last_admin") return reply(t.team.lastAdmin);
    return reply(
      r === "added"
        ? t.team.added(`<@${user}>`, roleName(role))
        : t.team.changed(`<@${user}>`, roleName(role)),
    );
  },
};
