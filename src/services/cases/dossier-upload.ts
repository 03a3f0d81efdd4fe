import type { AppContext } from "../../context";
import { unitOfWork } from "../../db/unit-of-work";
import type { IsoDate } from "../../domain/calendar";
import { escapeMrkdwn } from "../../domain/text";
import { messages } from "../../i18n";
import { audit } from "../audit";
import { ensureCaseThread } from "./cases";
import { dossierData, dossierFileName } from "./dossier";
import { renderDossierPdf } from "./dossier-pdf";

/**
 * Builds the customer's dossier PDF and queues its upload into the case thread (in the channel when the
 * customer has no open case): an outbox `files.upload` anchored on the case, queued after the case parent in
 * the same channel, so it goes out once the parent exists and is retried like any message. The audit entry
 * is written in the same transaction. Returns the outbox row id.
 */
export async function queueDossierUpload(
  ctx: AppContext,
  customerId: number,
  actor: string,
  day: IsoDate,
  opts: { dedupeKey?: string; comment?: (customerName: string) => string } = {},
): Promise<number> {
  const t = messages(ctx.config.locale);
  const data = await dossierData(ctx.db, customerId, day, ctx.config.timeZone);
  // the dossier goes to the agency or the lawyer: the company's language (issue 18)
  const pdf = await renderDossierPdf(data, messages(ctx.config.companyLocale), ctx.config.companyLocale);
  const channel = ctx.config.slack.channel;
  return unitOfWork(
    ctx,
    async (tx) => {
      const kase = await tx.case.findFirst({ where: { customerId, closedOn: null } });
      if (kase) await ensureCaseThread(ctx, kase.id, day, tx);
      const outboxId = await ctx.outbox.enqueue(
        {
          method: "files.upload",
          channel: kase?.channelId ?? channel,
          payload: {
            filename: dossierFileName(data.customer.code, day),
            title: `${t.dossier.title} - ${data.customer.name}`,
            data: pdf.toString("base64"),
            initial_comment: (opts.comment ?? t.dossier.uploaded)(escapeMrkdwn(data.customer.name)),
          },
          ...(kase ? { anchor: { caseId: kase.id } } : {}),
          ...(opts.dedupeKey ? { dedupeKey: opts.dedupeKey } : {}),
        },
        tx,
      );
      await audit(tx, {
        actor,
        action: "dossier.uploaded",
        caseId: kase?.id,
        customerId,
        detail: { outboxId, bytes: pdf.length },
      });
      return outboxId;
    },
    { label: "dossier upload" },
  );
}

/**
 * Passing to the agency or the lawyer approved: the decision followed through with the dossier as of that day
 * in the case thread, ready to forward. Once per approval (its outbox key), whoever calls it again; true when
 * it queued it now.
 */
export async function queueEscalationDossier(
  ctx: AppContext,
  approvalId: number,
  day: IsoDate,
): Promise<boolean> {
  const a = await ctx.db.approvalRequest.findUnique({
    where: { id: approvalId },
    select: {
      kind: true,
      status: true,
      case: { select: { customerId: true } },
      decidedBy: { select: { slackUserId: true } },
    },
  });
  if (a?.status !== "approved" || (a.kind !== "agency" && a.kind !== "legal")) return false;
  // already queued: the outbox key would keep the upload single, but not the PDF rendered again nor its audit
  const dedupeKey = `dossier:approval:${approvalId}`;
  if (await ctx.db.outboxMessage.findUnique({ where: { dedupeKey }, select: { id: true } })) return false;
  const t = messages(ctx.config.locale);
  await queueDossierUpload(ctx, a.case.customerId, a.decidedBy?.slackUserId ?? "system", day, {
    dedupeKey,
    comment: (name) => t.dossier.forEscalation(name, t.dossier.escalationTo[a.kind] ?? ""),
  });
  return true;
}
