import type { WebClient } from "@slack/web-api";
import type { AppContext } from "../../../context";
import { today } from "../../../context";
import type { IsoDate } from "../../../domain/calendar";
import { escapeMrkdwn } from "../../../domain/text";
import { messages } from "../../../i18n";
import { audit } from "../../../services/audit";
import { ensureCaseThread } from "../../../services/cases/cases";
import { dossierData, dossierFileName } from "../../../services/cases/dossier";
import { renderDossierPdf } from "../../../services/cases/dossier-pdf";
import { lookupCustomer } from "../../../services/customers/customer-lookup";
import { uploadFile } from "../../upload";
import { callerMember, type Subcommand } from "./subcommand";

/** Waits (briefly) until the case's parent message is posted, so the file can go in its thread. */
async function waitForThread(
  ctx: AppContext,
  caseId: number,
  timeoutMs = 5000,
): Promise<{ channel: string; ts: string } | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = await ctx.db.case.findUniqueOrThrow({ where: { id: caseId } });
    if (c.threadTs) return { channel: c.channelId ?? ctx.config.slack.channel, ts: c.threadTs };
    if (Date.now() > deadline) return null;
    ctx.outbox.kick();
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Builds the customer's dossier PDF and uploads it into the case thread (in the channel when the
 * customer has no open case). Returns the Slack file id.
 */
export async function uploadDossier(
  ctx: AppContext,
  client: WebClient,
  customerId: number,
  actor: string,
  day: IsoDate,
): Promise<string> {
  const locale = ctx.config.locale;
  const t = messages(locale);
  const data = await dossierData(ctx.db, customerId, day);
  // the dossier goes to the agency or the lawyer: the company's language (issue 18)
  const pdf = await renderDossierPdf(data, messages(ctx.config.companyLocale), ctx.config.companyLocale);
  const kase = await ctx.db.case.findFirst({ where: { customerId, closedOn: null } });
  let thread: { channel: string; ts: string } | null = null;
  if (kase) {
    await ensureCaseThread(ctx, kase.id, day);
    thread = await waitForThread(ctx, kase.id);
  }
  const fileId = await uploadFile(client, {
    channel: thread?.channel ?? ctx.config.slack.channel,
    threadTs: thread?.ts,
    filename: dossierFileName(data.customer.code, day),
    title: `${t.dossier.title} - ${data.customer.name}`,
    bytes: pdf,
    comment: t.dossier.uploaded(escapeMrkdwn(data.customer.name)),
  });
  await ctx.db.$transaction((tx) =>
    audit(tx, {
      actor,
      action: "dossier.uploaded",
      caseId: kase?.id,
      customerId,
      detail: { fileId, bytes: pdf.length },
    }),
  );
  return fileId;
}

/** `/credito dossier <cliente>`: the PDF for the agency or the lawyer, uploaded to the case thread. */
export const dossierSubcommand: Subcommand = {
  name: "dossier",
  usage: {
    it: {
      syntax: "dossier <cliente>",
      text: "il dossier PDF per l'agenzia o il legale, nel thread della pratica",
    },
    en: {
      syntax: "dossier <customer>",
      text: "the PDF dossier for the agency or the lawyer, in the case thread",
    },
  },
  async run(call) {
    const { ctx, command, args, ack, respond, client, t } = call;
    const reply = (text: string) => ack({ response_type: "ephemeral", text });
    if (!(await callerMember(call, reply))) return;
    if (!args.trim()) return reply(t.dossier.usage);
    const found = await lookupCustomer(ctx.db, args, t);
    if (!found.ok) return reply(found.message);
    await reply(t.dossier.preparing(escapeMrkdwn(found.customer.name)));
    try {
      await uploadDossier(ctx, client, found.customer.id, command.user_id, today(ctx));
    } catch (err) {
      ctx.log.error("dossier upload failed", err);
      await respond({ response_type: "ephemeral", text: t.dossier.failed }).catch(() => undefined);
    }
  },
};
