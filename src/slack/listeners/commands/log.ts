import { createHash } from "node:crypto";
import type { SlashCommand } from "@slack/bolt";
import { today } from "../../../context";
import {
  type LogDraft,
  type LogEntry,
  type LogField,
  parseLogLine,
  validateLogDraft,
} from "../../../domain/log-entry";
import { escapeMrkdwn } from "../../../domain/text";
import type { Messages } from "../../../i18n";
import { busyMessages } from "../../../i18n/busy";
import type { Member } from "../../../services/team/team";
import { postAck } from "../../work-queue";
import {
  confirmWhenRecorded,
  type ListenerContext,
  type LogSubmission,
  openLogModal,
  type ReplyTarget,
  requireMember,
  type Subcommand,
  tellUser,
} from "../kit";

/**
 * `/credito log [customer] [outcome …]`. Acks at once. A complete line (`ROSSI promessa 1.500 16/3`,
 * `ROSSI richiamare domani 10:30`) naming one customer and passing validation is recorded without a modal;
 * anything else opens the modal (trigger_id first) prefilled with what was understood and what is missing.
 * Only team members may log.
 */
export const logSubcommand: Subcommand = {
  name: "log",
  aliases: ["esito", "registra"],
  usage: {
    it: {
      syntax: "log [cliente] [esito …]",
      text: "registra l'esito di una chiamata o visita (es. `log ROSSI promessa 1.500 16/3`)",
    },
    en: {
      syntax: "log [customer] [outcome …]",
      text: "record the outcome of a call or visit (e.g. `log ROSSI promise 1,500 16/3`)",
    },
  },
  async run({ ctx, command, args, ack, client, t }) {
    await ack();
    // let the other requests waiting be accepted and acked before this one's work (slack/work-queue.ts)
    await postAck.turn("open");
    const userId = command.user_id;
    const target: ReplyTarget = { userId, channelId: command.channel_id, responseUrl: command.response_url };
    const member = await requireMember(ctx, userId, client, target);
    if (!member) return;
    const day = today(ctx);
    const parsed = parseLogLine(args, day);
    // on a field trip the one-line form records a visit
    if (parsed.kind !== "empty" && (await ctx.services.trips.tripChannelFor(userId, day)))
      parsed.draft.channel = "visit";
    const open = (extra: {
      customerId?: number;
      customerQuery?: string;
      draft?: LogDraft;
      notices?: string[];
    }) =>
      openLogModal(ctx, client, {
        triggerId: command.trigger_id,
        userId,
        channelId: command.channel_id,
        responseUrl: command.response_url,
        ...extra,
      });

    if (parsed.kind === "empty") {
      await open({});
      return;
    }
    if (parsed.kind === "partial") {
      const notices =
        parsed.gap === "no_outcome" || parsed.gap === "no_customer" ? [] : [t.log.gap[parsed.gap]];
      if (parsed.gap === "no_outcome") notices.push(t.log.gap.no_outcome);
      await open({ customerQuery: parsed.customerQuery || undefined, draft: parsed.draft, notices });
      return;
    }
    // complete line: the customer must be clear and the values valid, else the modal shows what to fix
    const found = await ctx.services.customers.resolveCustomer(parsed.customerQuery);
    if (found.kind !== "one") {
      await open({ customerQuery: parsed.customerQuery, draft: parsed.draft });
      return;
    }
    const customer = await ctx.services.outcomes.loadLogCustomer(found.customer.id, day);
    const draft: LogDraft = { ...parsed.draft, customerId: found.customer.id };
    if (draft.outcome === "dispute" && customer) {
      // as in the modal: the overdue invoices are the disputed ones
      draft.disputedInvoiceIds = customer.invoices
        .filter((i) => i.status === "open" && i.dueDate < day)
        .map((i) => String(i.id));
    }
    const result = validateLogDraft(
      draft,
      ctx.services.outcomes.validationContextFor(customer),
      t.log.errors,
    );
    if (!result.ok) {
      await open({ customerId: found.customer.id, draft, notices: errorNotices(result.errors, t) });
      return;
    }
    await keepLine(ctx, { command, args, member, target }, result.entry);
  },
};

/** A valid line: kept first (one tiny insert), then recorded by the drainer, which sends the confirmation. */
async function keepLine(
  ctx: ListenerContext,
  a: { command: SlashCommand; args: string; member: Member; target: ReplyTarget },
  entry: LogEntry,
): Promise<void> {
  const b = busyMessages(ctx.config.locale);
  const kept = await ctx.services.submissions.keep({
    kind: "log",
    dedupeKey: `logline:${a.command.trigger_id ?? ""}:${createHash("sha256").update(JSON.stringify(entry)).digest("hex").slice(0, 16)}`,
    userId: a.command.user_id,
    payload: { entry, member: a.member, to: a.target } satisfies LogSubmission,
  });
  if (kept === null) {
    // the typed line is gone from Slack's input box: give it back
    await tellUser(ctx, a.target, {
      text: `${b.clickNotKept}\n${b.yourText(`/credito log ${escapeMrkdwn(a.args)}`)}`,
    });
    return;
  }
  await confirmWhenRecorded(ctx, kept, () => tellUser(ctx, a.target, { text: b.saving.log ?? "" }));
}

/** "Importo promesso (€): È più di quanto dovuto (€ 1.200,00)." for the top of a prefilled modal. */
function errorNotices(errors: Partial<Record<LogField, string>>, t: Messages): string[] {
  const L = t.log;
  const labels: Record<string, string> = {
    customer: L.customer,
    outcome: L.outcome,
    promiseAmount: L.promiseAmount,
    promiseDate: L.promiseDate,
    callbackDate: L.callbackDate,
    callbackTime: L.callbackTime,
    settlementAmount: L.settlementAmount,
    notes: L.notes,
  };
  return Object.entries(errors).map(([field, message]) =>
    labels[field] ? `${labels[field]}: ${message}` : String(message),
  );
}
