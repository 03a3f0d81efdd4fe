// An approved settlement becomes an agreement with a deadline. The deadline is read from the terms the
// collector wrote ("entro il 15/12", "entro 10 giorni"), else it is the default term after the decision.

import { addDays, type IsoDate, parseUserDate } from "./calendar";

/** Days given to pay an approved settlement when its terms name no deadline. */
export const DEFAULT_SETTLEMENT_DAYS = 10;

/**
 * The deadline of an agreement decided on `decidedOn`: a date in the terms ("entro il 15/12", "entro il 15
 * dicembre", "al 31/12"), or a number of days ("entro 10 giorni", "10 gg"), counted from the decision;
 * otherwise DEFAULT_SETTLEMENT_DAYS. A date before the decision is ignored.
 */
export function agreementDeadline(terms: string | null | undefined, decidedOn: IsoDate): IsoDate {
  const text = (terms ?? "").toLowerCase();
  const days = /(\d{1,3})\s*(?:giorni|gg|days)\b/.exec(text);
  const date =
    /(?:entro|al|by)\s+(?:il\s+|l')?(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}\s+[a-zà-ù]+(?:\s+\d{4})?)/.exec(
      text,
    );
  if (date) {
    const parsed = parseUserDate(date[1]!, decidedOn);
    if (parsed && parsed >= decidedOn) return parsed;
  }
  if (days) return addDays(decidedOn, Number(days[1]));
  return addDays(decidedOn, DEFAULT_SETTLEMENT_DAYS);
}
