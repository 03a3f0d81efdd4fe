import type { App, BlockOverflowAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { today } from "../../../context";
import { formatDateLong, isIsoDate } from "../../../domain/calendar";
import type { ReminderStep } from "../../../domain/reminder";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { DIGEST_ACTION_PREFIX } from "../../../messages/digest";
import {
  NOT_YET_CALLBACK,
  NOT_YET_DATE_ACTION,
  NOT_YET_DATE_BLOCK,
  NOT_YET_REASON_ACTION,
  NOT_YET_REASON_BLOCK,
  notYetModal,
} from "../../../messages/not-yet-modal";
import { SNOOZE_ACTION, SNOOZE_BLOCK, SNOOZE_CALLBACK, snoozeModal } from "../../../messages/snooze-modal";
import type { Member } from "../../../services/team/team";
import { permalinks } from "../../permalinks";
import { postAck } from "../../work-queue";
import type { ListenerContext } from "../kit";
import { openLogModal, openModal, openReminderModal, requireMember, targetOf } from "../kit";

/**
 * The task menu of the digest: log an outcome, open the case, take it, snooze it, mark the credit line.
 * Each choice answers the clicker ephemerally and, when the day's list changed, refreshes the digest.
 */
export function registerDigestTaskActions(app: App, ctx: ListenerContext): void {
  registerTaskMenu(app, ctx);
  registerNotYetView(app, ctx);
  registerSnoozeView(app, ctx);
}

/** One choice of a task's menu: `verb:customerId:ref`, by a team member, about an existing customer. */
interface TaskChoice {
  verb: string;
  ref: string | undefined;
  customer: Customer;
  member: Member;
  body: BlockOverflowAction;
  client: WebClient;
  reply: (text: string) => Promise<unknown>;
}
type Customer = NonNullable<Awaited<ReturnType<ListenerContext["services"]["customers"]["byId"]>>>;

/** The task menu: parse the choice, check the member, then open what it opens or record what it changes. */
function registerTaskMenu(app: App, ctx: ListenerContext): void {
  app.action<BlockOverflowAction>(
    new RegExp(`^${DIGEST_ACTION_PREFIX}:`),
    async ({ ack, action, body, client, respond }) => {
      await ack();
      await postAck.turn("open");
      const [verb = "", rawId, ref] = action.selected_option.value.split(":");
      const reply = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
      const member = await requireMember(ctx, body.user.id, client, reply);
      if (!member) return;
      const customer = await ctx.services.customers.byId(Number(rawId));
      if (!customer) return;
      const choice: TaskChoice = { verb, ref, customer, member, body, client, reply };
      if (await openChoice(ctx, choice)) return;
      // the day's list changed: the digest is refreshed
      if (await recordChoice(ctx, choice)) await ctx.services.digest.postDigest(today(ctx));
    },
  );
}

/** The choices that open a modal or answer with a link; false for the others. */
async function openChoice(ctx: ListenerContext, c: TaskChoice): Promise<boolean> {
  const t = messages(ctx.config.locale);
  const { body, client, customer } = c;
  const target = targetOf(body);
  switch (c.verb) {
    case "log":
      await openLogModal(ctx, client, { ...target, triggerId: body.trigger_id, customerId: customer.id });
      return true;
    case "snooze":
      await openModal(ctx, client, {
        triggerId: body.trigger_id,
        view: snoozeModal(customer, today(ctx), t),
        target,
        label: "snooze modal",
      });
      return true;
    case "case":
      await c.reply(await ctx.services.cases.openCaseLink(permalinks(client), customer));
      return true;
    case "notyet":
      if (c.ref !== "agency" && c.ref !== "legal") return true;
      await openModal(ctx, client, {
        triggerId: body.trigger_id,
        view: notYetModal(customer, c.ref, today(ctx), t),
        target,
        label: "notyet modal",
      });
      return true;
    case "remind":
      await openReminderModal(
        ctx,
        client,
        { ...target, triggerId: body.trigger_id },
        {
          customerId: customer.id,
          step: c.ref?.split("-")[0] as ReminderStep | undefined,
          cadenceChannel: c.ref?.split("-")[1],
        },
      );
      return true;
    default:
      return false;
  }
}

/** The choices that change the day's work (answered to the clicker); true when something changed. */
async function recordChoice(ctx: ListenerContext, c: TaskChoice): Promise<boolean> {
  const t = messages(ctx.config.locale);
  const { customer, member, reply } = c;
  const name = escapeMrkdwn(customer.name);
  switch (c.verb) {
    case "salesok":
    case "salesno": {
      const result = await ctx.services.digest.clearHardStep(
        {
          customerId: customer.id,
          stepDay: Number(c.ref),
          decision: c.verb === "salesok" ? "ok" : "objection",
        },
        member,
      );
      if (!result.ok) {
        await reply(result.error === "not_salesperson" ? t.digestEntry.salesOnly : t.digestEntry.noStep);
        return false;
      }
      await reply(t.digestEntry.salesDone);
      return true;
    }
    case "assign":
      await ctx.services.cases.assignCase(customer.id, member);
      await reply(t.digest.assigned(name));
      return true;
    case "hold":
    case "release":
      await ctx.services.cases.setCreditHold(customer.id, c.verb === "hold", member);
      await reply(c.verb === "hold" ? t.digest.held(name) : t.digest.released(name));
      return true;
    case "done":
      await ctx.services.cases.completeFollowup(Number(c.ref), member);
      await reply(t.digest.done);
      return true;
    default:
      return false;
  }
}

/** "Non ancora" on a proposal: put off until a date, or refused (no date). */
function registerNotYetView(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  app.view(NOT_YET_CALLBACK, async ({ ack, view, body, client }) => {
    const until = view.state.values[NOT_YET_DATE_BLOCK]?.[NOT_YET_DATE_ACTION]?.selected_date ?? null;
    const reason = view.state.values[NOT_YET_REASON_BLOCK]?.[NOT_YET_REASON_ACTION]?.value ?? undefined;
    if (until !== null && (!isIsoDate(until) || until <= today(ctx))) {
      await ack({
        response_action: "errors",
        errors: { [NOT_YET_DATE_BLOCK]: t.digestEntry.notYetInPast },
      });
      return;
    }
    const member = await requireMember(ctx, body.user.id, client, (text) =>
      ack({ response_action: "errors", errors: { [NOT_YET_DATE_BLOCK]: text } }),
    );
    if (!member) return;
    await ack();
    const { customerId, kind } = JSON.parse(view.private_metadata) as {
      customerId: number;
      kind: "agency" | "legal";
    };
    await ctx.services.digest.deferProposal({ customerId, kind, until, reason }, member);
    const customer = await ctx.services.customers.byId(customerId);
    const what = t.digestEntry.proposal[kind] ?? kind;
    await ctx.outbox.send({
      method: "chat.postMessage",
      channel: body.user.id,
      payload: {
        text: until
          ? t.digestEntry.notYetDone(
              what,
              escapeMrkdwn(customer?.name ?? ""),
              formatDateLong(until, ctx.config.locale),
            )
          : t.digestEntry.refusedDone(what, escapeMrkdwn(customer?.name ?? "")),
      },
    });
    await ctx.services.digest.postDigest(today(ctx));
  });
}

/** A task snoozed until a date. */
function registerSnoozeView(app: App, ctx: ListenerContext): void {
  const t = messages(ctx.config.locale);
  app.view(SNOOZE_CALLBACK, async ({ ack, view, body, client }) => {
    const until = view.state.values[SNOOZE_BLOCK]?.[SNOOZE_ACTION]?.selected_date ?? "";
    if (!isIsoDate(until) || until <= today(ctx)) {
      await ack({ response_action: "errors", errors: { [SNOOZE_BLOCK]: t.digest.snoozeInPast } });
      return;
    }
    const member = await requireMember(ctx, body.user.id, client, (text) =>
      ack({ response_action: "errors", errors: { [SNOOZE_BLOCK]: text } }),
    );
    if (!member) return;
    await ack();
    const { customerId } = JSON.parse(view.private_metadata) as { customerId: number };
    await ctx.services.cases.snoozeCase(customerId, until, member);
    const customer = await ctx.services.customers.byId(customerId);
    await ctx.outbox.send({
      method: "chat.postMessage",
      channel: body.user.id,
      payload: {
        text: t.digest.snoozed(escapeMrkdwn(customer?.name ?? ""), formatDateLong(until, ctx.config.locale)),
      },
    });
    await ctx.services.digest.postDigest(today(ctx));
  });
}
