import { today } from "../../../context";
import { escapeMrkdwn } from "../../../domain/text";
import { ackReply, requireMember, type Subcommand } from "../kit";

/** `/credito dossier <cliente>`: the PDF for the agency or the lawyer, uploaded (by the outbox) to the case thread. */
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
    const { ctx, command, args, respond, client, t } = call;
    const reply = ackReply(call);
    if (!(await requireMember(ctx, command.user_id, client, reply))) return;
    if (!args.trim()) return reply(t.dossier.usage);
    const found = await ctx.services.customers.lookupCustomer(args, t);
    if (!found.ok) return reply(found.message);
    await reply(t.dossier.preparing(escapeMrkdwn(found.customer.name)));
    try {
      // the PDF is built now; its upload waits in the outbox behind the case's parent message
      await ctx.services.cases.queueDossierUpload(found.customer.id, command.user_id, today(ctx));
    } catch (err) {
      ctx.log.error("dossier upload failed", err);
      await respond({ response_type: "ephemeral", text: t.dossier.failed }).catch(() => undefined);
    }
  },
};
