import { today } from "../../../context";
import type { ApprovalKind } from "../../../domain/cases";
import { formatEuro, parseEuroAmount } from "../../../domain/money";
import { escapeMrkdwn } from "../../../domain/text";
import { requestApproval } from "../../../services/cases/approvals";
import { lookupCustomer } from "../../../services/customers/customer-lookup";
import { callerMember, type Subcommand } from "./subcommand";

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
    const { ctx, command, args, ack, t, locale } = call;
    const reply = (text: string) => ack({ response_type: "ephemeral", text });
    const me = await callerMember(call, reply, {
      roles: ["admin", "owner"],
      refusal: t.approval.notAllowedRequest,
    });
    if (!me) return;
    const tokens = args.trim().split(/\s+/).filter(Boolean);
    const at = tokens.findIndex((tok, i) => i > 0 && KINDS[tok.toLowerCase()] !== undefined);
    if (at < 1) return reply(t.pratica.usage);
    const kind = KINDS[(tokens[at] ?? "").toLowerCase()] as ApprovalKind;
    const found = await lookupCustomer(ctx.db, tokens.slice(0, at).join(" "), t);
    if (!found.ok) return reply(found.message);
    const day = today(ctx);
    const kase = await ctx.db.case.findFirst({ where: { customerId: found.customer.id, closedOn: null } });
    if (!kase) return reply(t.customerLookup.noOpenCase(escapeMrkdwn(found.customer.name)));
    const open = await ctx.db.invoice.aggregate({
      _sum: { openCents: true },
      where: { customerId: found.customer.id, status: { in: ["open", "disputed"] }, openCents: { gt: 0 } },
    });
    const exposure = open._sum.openCents ?? 0;
    const rest = tokens.slice(at + 1);
    let amountCents: number | undefined;
    let writeOffCents: number | undefined;
    let terms = rest.join(" ");
    if (kind === "settlement") {
      const amount = parseEuroAmount(rest[0] ?? "");
      if (amount === null || amount <= 0) return reply(t.pratica.badAmount);
      if (amount >= exposure) return reply(t.pratica.amountTooHigh(formatEuro(exposure, locale)));
      amountCents = amount;
      writeOffCents = exposure - amount;
      terms = rest.slice(1).join(" ");
    } else if (kind === "write_off") {
      writeOffCents = exposure;
    }
    const r = await ctx.db.$transaction((tx) =>
      requestApproval(
        ctx,
        tx,
        {
          caseId: kase.id,
          kind,
          amountCents,
          writeOffCents,
          terms: terms || undefined,
          requestedBySlackId: command.user_id,
        },
        day,
      ),
    );
    ctx.outbox.kick();
    const label = t.approval.kind[kind] ?? kind;
    return reply(
      r.created
        ? t.approval.requested(label, escapeMrkdwn(found.customer.name))
        : t.approval.alreadyPending(label),
    );
  },
};
