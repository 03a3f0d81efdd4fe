import { today } from "../../../context";
import type { ApprovalKind } from "../../../domain/cases";
import { formatEuro } from "../../../domain/money";
import { escapeMrkdwn } from "../../../domain/text";
import { ackReply, requireMember, type Subcommand } from "../kit";

/** The words that name each approval, Italian and English. */
const KINDS: Record<string, ApprovalKind> = {
  legale: "legal",
  legal: "legal",
  avvocato: "legal",
  agenzia: "agency",
  agency: "agency",
  stralcio: "settlement",
  saldo: "settlement",
  settlement: "settlement",
  perdita: "write_off",
  "write-off": "write_off",
  writeoff: "write_off",
};

/**
 * `/credito pratica <cliente> legale|agenzia|perdita` and `/credito pratica <cliente> stralcio <importo>
 * [condizioni]`: asks the owner's approval in the case thread (admin and owner only). For a settlement
 * the amount is what is collected now; the rest of the exposure is the write-off. A write-off request
 * covers the whole exposure.
 */
export const praticaSubcommand: Subcommand = {
  name: "pratica",
  aliases: ["case"],
  usage: {
    it: {
      syntax: "pratica <cliente> legale|agenzia|perdita · stralcio <importo> [condizioni]",
      text: "chiede al titolare l'approvazione nel thread della pratica",
    },
    en: {
      syntax: "pratica <customer> legale|agenzia|perdita · stralcio <amount> [terms]",
      text: "asks the owner's approval in the case thread",
    },
  },
  async run(call) {
    const { ctx, command, args, t, locale } = call;
    const reply = ackReply(call);
    const me = await requireMember(ctx, command.user_id, call.client, reply, {
      roles: ["admin", "owner"],
      refusal: t.approval.notAllowedRequest,
    });
    if (!me) return;
    const tokens = args.trim().split(/\s+/).filter(Boolean);
    const at = tokens.findIndex((tok, i) => i > 0 && KINDS[tok.toLowerCase()] !== undefined);
    if (at < 1) return reply(t.pratica.usage);
    const kind = KINDS[(tokens[at] ?? "").toLowerCase()] as ApprovalKind;
    const found = await ctx.services.customers.lookupCustomer(tokens.slice(0, at).join(" "), t);
    if (!found.ok) return reply(found.message);
    const rest = tokens.slice(at + 1);
    const settlement = kind === "settlement";
    const r = await ctx.services.cases.askApproval(
      {
        customerId: found.customer.id,
        kind,
        amountText: settlement ? (rest[0] ?? "") : undefined,
        terms: (settlement ? rest.slice(1) : rest).join(" "),
        requestedBySlackId: command.user_id,
      },
      today(ctx),
    );
    if (!r.ok) {
      if (r.error === "amount_too_high")
        return reply(t.pratica.amountTooHigh(formatEuro(r.exposureCents, locale)));
      if (r.error === "bad_amount") return reply(t.pratica.badAmount);
      return reply(t.customerLookup.noOpenCase(escapeMrkdwn(found.customer.name)));
    }
    const label = t.approval.kind[kind] ?? kind;
    return reply(
      r.created
        ? t.approval.requested(label, escapeMrkdwn(found.customer.name))
        : t.approval.alreadyPending(label),
    );
  },
};
