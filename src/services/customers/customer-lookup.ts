import type { Db } from "../../db/client";
import { uniqueMatch } from "../../domain/search";
import { escapeMrkdwn } from "../../domain/text";
import type { Messages } from "../../i18n";
import { findCustomers } from "./customer-search";

export type LookupResult =
  | { ok: true; customer: { id: number; code: string; name: string } }
  | { ok: false; message: string };

/** The one customer a command names (code, VAT number or name); otherwise a message saying why not. */
export async function lookupCustomer(db: Db, query: string, t: Messages): Promise<LookupResult> {
  const q = query.trim();
  const exact = await db.customer.findUnique({ where: { code: q } });
  if (exact) return { ok: true, customer: exact };
  // the same cached, typo-tolerant index as the log modal's customer search
  const hits = await findCustomers(db, q, 6);
  const one = uniqueMatch(hits);
  if (one) return { ok: true, customer: { id: one.id, code: one.code, name: one.name } };
  if (hits.length === 0) return { ok: false, message: t.customerLookup.notFound(escapeMrkdwn(q)) };
  const list = hits
    .map((h) => `${escapeMrkdwn(h.customer.name)} (\`${escapeMrkdwn(h.customer.code)}\`)`)
    .join(", ");
  return { ok: false, message: t.customerLookup.ambiguous(escapeMrkdwn(q), list) };
}

/** `<@U123|mario>` or `<@U123>` as Slack escapes a mention in command text -> U123. */
export function parseMention(token: string): string | null {
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token.trim());
  return m?.[1] ?? null;
}
