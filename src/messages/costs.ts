import type { CaseCosts } from "../domain/case-costs";
import { formatEuro } from "../domain/money";
import type { Locale, Messages } from "../i18n";
import { count } from "../i18n/format";

/**
 * "Spese: € 7,50 (1 insoluto)": what the case cost the company, when it cost anything ("" otherwise). On the
 * case parent and the customer card.
 */
export function costsNote(
  card: { costs?: Pick<CaseCosts, "totalCents" | "returnedCount"> },
  t: Messages,
  locale: Locale,
): string {
  const c = card.costs;
  if (!c || c.totalCents <= 0) return "";
  const returned = c.returnedCount > 0 ? count(c.returnedCount, t.costs.returned, locale) : "";
  return t.costs.line(formatEuro(c.totalCents, locale), returned);
}
