import { z } from "zod";
import { generateStructured } from "../../ai/client";
import type { AppContext } from "../../context";
import { formatDateShort } from "../../domain/calendar";
import type { NarrativeSource } from "../../domain/cards";
import { formatEuro } from "../../domain/money";
import { checkNarrative, deterministicNarrative, type TripDebrief } from "../../domain/trip-debrief";
import { messages } from "../../i18n";

export const tripNarrativeSchema = z.object({ summary: z.string().trim().min(20).max(1200) });

/** What the model sees: the debrief's facts, amounts and dates already written as the team writes them. */
export function narrativeInput(d: TripDebrief, locale: "it" | "en", baseline: string) {
  const euro = (c: number) => formatEuro(c, locale);
  const day = (x: string) => formatDateShort(x, locale);
  return {
    locale,
    trip: {
      area: d.area,
      from: day(d.startDate),
      to: day(d.endDate),
      collector: d.collector,
      visited: d.visited,
      planned: d.planned,
    },
    money: { collected: euro(d.collectedCents), promised: euro(d.promisedCents), cost: euro(d.costCents) },
    newNumbers: d.newNumbers.map((x) => ({ customer: x.name, number: x.number })),
    newFaces: d.newFaces.map((x) => ({ customer: x.name, person: x.person })),
    financialInfo: d.financialInfo.map((x) => ({ customer: x.name, notes: x.text })),
    attitudes: d.attitudes.map((x) => ({ customer: x.name, mood: x.mood, sincerity: x.sincerity })),
    debtAcknowledgments: d.acknowledgments.map((x) => ({ customer: x.name, date: day(x.date) })),
    proposals: d.proposals.map((x) => ({
      customer: x.name,
      kind: x.kind,
      amount: x.amountCents !== null ? euro(x.amountCents) : null,
      writeOff: x.writeOffCents !== null ? euro(x.writeOffCents) : null,
      terms: x.terms,
    })),
    negativeCases: d.negatives.map((x) => ({ customer: x.name, notes: x.notes })),
    promises: d.promises.map((x) => ({ customer: x.name, amount: euro(x.amountCents), by: day(x.dueDate) })),
    baseline,
  };
}

/**
 * The narrative of the debrief: from the AI when a key is set, it answers validly in time, and everything it
 * names (amounts, dates, names) is in the records; otherwise the deterministic one, and the source says why.
 */
export async function tripNarrative(
  ctx: AppContext,
  d: TripDebrief,
): Promise<{ text: string; source: NarrativeSource; unverified?: string[] }> {
  const locale = ctx.config.locale;
  const baseline = deterministicNarrative(d, messages(locale), locale);
  if (!ctx.config.openai.apiKey) return { text: baseline, source: "deterministic" };
  const ai = await generateStructured(ctx, {
    prompt: "trip-debrief.md",
    input: narrativeInput(d, locale, baseline),
    schema: tripNarrativeSchema,
  });
  if (!ai) return { text: baseline, source: "fallback" };
  const check = checkNarrative(ai.summary, d);
  if (!check.ok) {
    ctx.log.warn(`ai: trip-debrief: text mentions data not in the records: ${check.unverified.join(", ")}`);
    return { text: baseline, source: "invented", unverified: check.unverified };
  }
  return { text: ai.summary, source: "ai" };
}
