import type { App, BlockOverflowAction } from "@slack/bolt";
import type { AppContext } from "../../../context";
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
import {
  assignCase,
  completeFollowup,
  setCreditHold,
  snoozeCase,
} from "../../../services/cases/case-actions";
import { openCaseLink } from "../../../services/cases/case-link";
import { postDigest } from "../../../services/digest/digest";
import { clearHardStep, deferProposal } from "../../../services/digest/digest-decisions";
import { resolveMember } from "../../../services/team/team";
import { permalinks } from "../../permalinks";
import { displayNames } from "../../users";
import { postAck } from "../../work-queue";
import { openLogModal } from "./log-outcome";
import { openReminderModal } from "./reminders";

/**
 * The task menu of the digest: log an outcome, open the case, take it, snooze it, mark the credit line.
 * Each choice answers the clicker ephemerally and, when the day's list changed, refreshes the digest.
 */
export function registerDigestTaskActions(app: App, ctx: AppContext): void {
  const t = messages(ctx.config.locale);

  app.action<BlockOverflowAction>(
    new RegExp(`^${DIGEST_ACTION_PREFIX}:`),
    async ({ ack, action, body, client, respond }) => {
      await ack();
      await postAck.turn("open");
      const [verb, rawId, ref] = action.selected_option.value.split(":");
      const customerId = Number(rawId);
      const userId = body.user.id;
      const member = await resolveMember(ctx.db, userId, displayNames(client));
      if (!member) {
        await respond({ response_type: "ephemeral", replace_original: false, text: t.errors.notMember });
        return;
      }
      const customer = await ctx.db.customer.findUnique({ where: { id: customerId } });
      if (!customer) return;
      const reply = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
      const name = escapeMrkdwn(customer.name);
      switch (verb) {
        case "log":
          await openLogModal(ctx, client, {
            triggerId: body.trigger_id,
            userId,
            customerId,
            channelId: body.channel?.id,
            responseUrl: body.response_url,
          });
          return;
        case "snooze":
          await client.views.open({
            trigger_id: body.trigger_id,
            view: snoozeModal(customer, today(ctx), t),
          });
          return;
        case "case":
          await reply(await openCaseLink(ctx, permalinks(client), customer));
          return;
        case "notyet":
          if (ref !== "agency" && ref !== "legal") return;
          await client.views.open({
            trigger_id: body.trigger_id,
            view: notYetModal(customer, ref, today(ctx), t),
          });
          return;
        case "salesok":
        case "salesno": {
          const result = await clearHardStep(
            ctx,
            { customerId, stepDay: Number(ref), decision: verb === "salesok" ? "ok" : "objection" },
            member,
          );
          if (!result.ok) {
            await reply(result.error === "not_salesperson" ? t.digestEntry.salesOnly : t.digestEntry.noStep);
            return;
          }
          await reply(t.digestEntry.salesDone);
          break;
        }
        case "remind":
          await openReminderModal(
            ctx,
            client,
            {
              triggerId: body.trigger_id,
              userId,
              channelId: body.channel?.id,
              responseUrl: body.response_url,
            },
            {
              customerId,
              step: ref?.split("-")[0] as ReminderStep | undefined,
              cadenceChannel: ref?.split("-")[1],
            },
          );
          return;
        case "assign":
          await assignCase(ctx, customerId, member);
          await reply(t.digest.assigned(name));
          break;
        case "hold":
        case "release":
          await setCreditHold(ctx, customerId, verb === "hold", member);
          await reply(verb === "hold" ? t.digest.held(name) : t.digest.released(name));
          break;
        case "done":
          await completeFollowup(ctx, Number(ref), member);
          await reply(t.digest.done);
          break;
        default:
          return;
      }
      await postDigest(ctx, today(ctx));
    },
  );

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
    const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
    if (!member) {
      await ack({ response_action: "errors", errors: { [NOT_YET_DATE_BLOCK]: t.errors.notMember } });
      return;
    }
    await ack();
    const { customerId, kind } = JSON.parse(view.private_metadata) as {
      customerId: number;
      kind: "agency" | "legal";
    };
    await deferProposal(ctx, { customerId, kind, until, reason }, member);
    const customer = await ctx.db.customer.findUniqueOrThrow({ where: { id: customerId } });
    const what = t.digestEntry.proposal[kind] ?? kind;
    await ctx.outbox.send({
      method: "chat.postMessage",
      channel: body.user.id,
      payload: {
        text: until
          ? t.digestEntry.notYetDone(
              what,
              escapeMrkdwn(customer.name),
              formatDateLong(until, ctx.config.locale),
            )
          : t.digestEntry.refusedDone(what, escapeMrkdwn(customer.name)),
      },
    });
    await postDigest(ctx, today(ctx));
  });

  app.view(SNOOZE_CALLBACK, async ({ ack, view, body, client }) => {
    const until = view.state.values[SNOOZE_BLOCK]?.[SNOOZE_ACTION]?.selected_date ?? "";
    if (!isIsoDate(until) || until <= today(ctx)) {
      await ack({ response_action: "errors", errors: { [SNOOZE_BLOCK]: t.digest.snoozeInPast } });
      return;
    }
    const member = await resolveMember(ctx.db, body.user.id, displayNames(client));
    if (!member) {
      await ack({ response_action: "errors", errors: { [SNOOZE_BLOCK]: t.errors.notMember } });
      return;
    }
    await ack();
    const { customerId } = JSON.parse(view.private_metadata) as { customerId: number };
    await snoozeCase(ctx, customerId, until, member);
    const customer = await ctx.db.customer.findUniqueOrThrow({ where: { id: customerId } });
    await ctx.outbox.send({
      method: "chat.postMessage",
      channel: body.user.id,
      payload: {
        text: t.digest.snoozed(escapeMrkdwn(customer.name), formatDateLong(until, ctx.config.locale)),
      },
    });
    await postDigest(ctx, today(ctx));
  });
}
